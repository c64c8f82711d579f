/**
 * `astro add astro-chatra-whatsapp --yes` in a fresh site, against the packed package: the package
 * is not published, so a registry stand-in serves it and passes everything else to npmjs.org.
 * Astro asks `npm config get registry` where to look (hence `npm_config_registry`), reads the
 * package's keywords from `<registry>/astro-chatra-whatsapp/latest`, then runs `npm i` itself.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { serveRegistry, type Registry } from '../support/npm-registry.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const versionOf = (name: string) => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version as string;
// Our Node 22 first: the machine's own Node may be too old for Astro.
const env = { ...process.env, PATH: `${join(repo, 'node_modules/.bin')}:${process.env.PATH}` };
const link = 'https://wa.me/message/4O4YGZEG3RIVE1';

let registry: Registry | undefined;
let site: string;
let packedVersion: string;

/** Runs the site's astro; returns exit status and stdout + stderr instead of throwing. */
function astro(args: string[]) {
  try {
    const stdout = execFileSync(join(site, 'node_modules/.bin/astro'), args, { cwd: site, env, encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, output: stdout };
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number | null; stdout: string; stderr: string };
    return { status, output: `${stdout}\n${stderr}` };
  }
}

const config = () => readFileSync(join(site, 'astro.config.mjs'), 'utf8');
/** The name `astro add` imported the integration under. */
const importedAs = () => /^import (\w+) from ['"]astro-chatra-whatsapp['"];?$/m.exec(config())?.[1];

let work: string | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'acw-add-'));
  const tarball = inject('tarball');
  packedVersion = tarball.version;
  registry = await serveRegistry({ tarball: tarball.path });

  site = join(work, 'site');
  mkdirSync(join(site, 'src/pages'), { recursive: true });
  writeFileSync(
    join(site, 'package.json'),
    JSON.stringify({ name: 'fresh-site', private: true, type: 'module', dependencies: { astro: versionOf('astro') } }, null, 2),
  );
  writeFileSync(join(site, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(
    join(site, 'src/pages/index.astro'),
    '<html lang="de"><head><title>Fresh</title></head><body><h1>Fresh site</h1></body></html>\n',
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: site, env, stdio: 'pipe' });

  // Not execFileSync: the registry answers from this process, so its event loop must keep running.
  const { status, output } = await promisify(execFile)(join(site, 'node_modules/.bin/astro'), ['add', 'astro-chatra-whatsapp', '--yes'], {
    cwd: site,
    // An empty npm cache: npm pack is reproducible, so the shared cache may already hold our
    // tarball (by integrity) and npm would never ask the stand-in for it.
    env: { ...env, npm_config_registry: registry.url, npm_config_cache: join(work, 'npm-cache') },
    encoding: 'utf8',
  }).then(
    ({ stdout, stderr }) => ({ status: 0, output: `${stdout}\n${stderr}` }),
    (error: { code: number; stdout: string; stderr: string }) => ({ status: error.code, output: `${error.stdout}\n${error.stderr}` }),
  );
  // The end of the output: clack's spinner writes every frame when not on a terminal.
  expect(status, output.slice(-3000)).toBe(0);
}, 300_000);

// The site and its npm cache are ~200 MB: a test run leaves nothing behind in the temporary folder.
afterAll(() => {
  registry?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('astro add astro-chatra-whatsapp', () => {
  test('resolves the package from the registry and adds it to astro.config.mjs', () => {
    expect(registry!.requested).toContain('/astro-chatra-whatsapp/latest');
    expect(registry!.requested).toContain('/astro-chatra-whatsapp');
    expect(registry!.requested).toContain(`/astro-chatra-whatsapp/-/astro-chatra-whatsapp-${packedVersion}.tgz`);
    const name = importedAs();
    expect(name, config()).toBeDefined();
    expect(config()).toMatch(new RegExp(`integrations:\\s*\\[\\s*${name}\\(\\)\\s*\\]`));
  });

  test('installs the packed version as a dependency', () => {
    const dependencies = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')).dependencies;
    expect(dependencies['astro-chatra-whatsapp']).toBe(`^${packedVersion}`);
    expect(JSON.parse(readFileSync(join(site, 'node_modules/astro-chatra-whatsapp/package.json'), 'utf8')).version).toBe(packedVersion);
  });

  test('the build without options fails with the missing-whatsapp message and hint, without a stack trace', () => {
    const { status, output } = astro(['build']);
    expect(status, output).not.toBe(0);
    expect(output).toContain('`whatsapp`: is missing');
    expect(output).toContain('chatraWhatsApp({ whatsapp:');
    expect(output).not.toMatch(/\n\s+at /);
  });

  test('with a WhatsApp link in the call the build succeeds and the page links to it', () => {
    const name = importedAs()!;
    writeFileSync(join(site, 'astro.config.mjs'), config().replace(`${name}()`, `${name}({ whatsapp: '${link}' })`));
    const { status, output } = astro(['build']);
    expect(status, output).toBe(0);
    expect(readFileSync(join(site, 'dist/index.html'), 'utf8')).toContain(link);
  });
});
