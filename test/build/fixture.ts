import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type AstroInlineConfig } from 'astro';
import { buildOutDir } from '../support/out-dir.ts';

export interface BuiltSite {
  outDir: string;
  /** A built file's text, e.g. `html('ru/index.html')`. */
  read(path: string): string;
  exists(path: string): boolean;
  /** File names in a built directory. */
  files(dir: string): string[];
}

/**
 * Builds `test/fixtures/<name>` once with a fresh outDir (builds share no cache) and the given
 * config on top of the fixture's own. Logs go nowhere unless the build fails.
 */
export async function buildFixture(name: string, config: AstroInlineConfig = {}): Promise<BuiltSite> {
  const root = fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
  const outDir = buildOutDir(name);
  rmSync(outDir, { recursive: true, force: true });
  delete process.env.NODE_ENV;
  await build({ root, outDir, logLevel: 'error', configFile: false, ...config });
  return {
    outDir,
    read: (path) => readFileSync(join(outDir, path), 'utf8'),
    exists: (path) => existsSync(join(outDir, path)),
    files: (dir) => readdirSync(join(outDir, dir)),
  };
}
