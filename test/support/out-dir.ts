import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../.out/', import.meta.url));

/**
 * A fresh outDir for one build, inside the repository. Astro puts a build's prerender chunks
 * beside its outDir only when the outDir is inside the working directory; for one outside (a
 * temporary directory), every build uses `<cwd>/.astro/.prerender`, and builds in test files
 * running at the same time delete each other's chunks.
 */
export function buildOutDir(name: string): string {
  mkdirSync(OUT, { recursive: true });
  return mkdtempSync(join(OUT, `${name.replace(/\W/g, '') || 'site'}-`));
}
