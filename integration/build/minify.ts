/**
 * Bundles and minifies the browser code (client/*.js with the DOM contract of shared/dom.ts) and
 * the stylesheets (styles/) once, when the package is made, into `integration/config/minified.ts`, so a site's build does no minifying (and the package needs no
 * esbuild, a native binary with an install script). `npm run build:client` writes it; a test
 * fails when it is out of date with its sources.
 * Usage: node integration/build/minify.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';
import { minify } from 'terser';

const root = new URL('../', import.meta.url);
/** What the client files are applied to; replaced by the build's config (client-assets.ts). */
const PLACEHOLDER = 'chatraWhatsAppConfig';
/** Each script's variants: the flags the minifier folds in (dead branches drop out). */
const SCRIPTS = {
  analytics: ['analytics', { AFTER_ACT: 'false' }],
  /** The file `load: 'interaction'` fetches at the first act: it takes the clicks the loader kept meanwhile. */
  analyticsAfterAct: ['analytics', { AFTER_ACT: 'true' }],
  bootstrap: ['bootstrap', { INSERT_LOADER: 'false' }],
  bootstrapInsertingLoader: ['bootstrap', { INSERT_LOADER: 'true' }],
  /**
   * `eager` and `idle`: the loader with its chat part (and with `texts.autoMessage`, the code that
   * sends it); `interaction`: the loader that fetches its chat part (`chat`) when the visitor acts.
   * Each with `chatra.consent`'s code, or without.
   */
  loader: ['loader', { SPLIT_CHAT: 'false', AUTO_MESSAGE: 'false', CONSENT: 'false' }],
  loaderWithConsent: ['loader', { SPLIT_CHAT: 'false', AUTO_MESSAGE: 'false', CONSENT: 'true' }],
  loaderWithAutoMessage: ['loader', { SPLIT_CHAT: 'false', AUTO_MESSAGE: 'true', CONSENT: 'false' }],
  loaderWithAutoMessageWithConsent: ['loader', { SPLIT_CHAT: 'false', AUTO_MESSAGE: 'true', CONSENT: 'true' }],
  loaderWithoutChat: ['loader', { SPLIT_CHAT: 'true', AUTO_MESSAGE: 'false', CONSENT: 'false' }],
  loaderWithoutChatWithConsent: ['loader', { SPLIT_CHAT: 'true', AUTO_MESSAGE: 'false', CONSENT: 'true' }],
  greeting: ['greeting', {}],
  /** The loader's chat part as the split loader imports it: a module, config-free (the loader hands it its own). */
  chat: ['chat', { AUTO_MESSAGE: 'false', SPLIT_CHAT: 'true' }, 'esm'],
  chatWithAutoMessage: ['chat', { AUTO_MESSAGE: 'true', SPLIT_CHAT: 'true' }, 'esm'],
} as const;
/** The page stylesheets as the pages combine them, minified together so rules merge (the components' go through Vite). */
const STYLESHEETS = {
  page: ['button-core', 'floating'],
  pageWithDisclosure: ['button-core', 'button', 'floating', 'sides', 'disclosure'],
  /** Added to either with `fallback.greeting`. */
  greeting: ['greeting'],
  /** The floating button's four sides: `page` takes the build's one (placement-css.ts), `pageWithDisclosure` all. */
  sides: ['sides'],
} as const;

/**
 * One client script with what it imports, minified; an IIFE, so nothing it declares becomes a
 * global of the page (or a module, which has its own scope anyway). esbuild bundles it and folds
 * the flags; terser then compresses further (2–6% less gzip than esbuild's own minifying, on bytes
 * every visitor fetches). The free name `chatraWhatsAppConfig` is left as it is.
 */
async function bundle(entry: string, define: Record<string, string>, format: 'iife' | 'esm' = 'iife'): Promise<string> {
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL(entry, root))],
    bundle: true,
    write: false,
    format,
    // import() of the chat part: in every browser this code runs in (ES2017 is for the rest of the syntax).
    supported: { 'dynamic-import': true },
    minify: true,
    target: 'es2017',
    legalComments: 'none',
    tsconfigRaw: { compilerOptions: { alwaysStrict: false, strict: false } },
    define,
  });
  const compressed = await minify(result.outputFiles[0].text, {
    ecma: 2017,
    module: format === 'esm',
    // A classic script's top level is the page's global scope: only a module's is its own.
    compress: { passes: 2, toplevel: format === 'esm' },
    mangle: { toplevel: format === 'esm' },
  });
  return compressed.code!.trim();
}

/** esbuild keeps the space after the comma in `var(--x, 20px)`; in a property's value it means nothing. */
function minifyCss(css: string): string {
  return transformSync(css, { loader: 'css', minify: true })
    .code.trim()
    .replace(/var\((--[\w-]+), /g, 'var($1,');
}

export async function minifiedModule(): Promise<string> {
  const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
  const scripts = Object.fromEntries(
    await Promise.all(
      Object.entries(SCRIPTS).map(async ([name, [file, define, format]]) => [name, await bundle(`client/${file}.js`, define, format)]),
    ),
  );
  const stylesheets = Object.fromEntries(
    Object.entries(STYLESHEETS).map(([name, files]) => [name, minifyCss(files.map((file) => read(`styles/${file}.css`)).join(''))]),
  );
  return (
    '// Generated by `npm run build:client` (integration/build/minify.ts) from client/*.js and styles/*.css: do not edit.\n' +
    '/** What each script below is applied to: the build fills in its config there (client-assets.ts). */\n' +
    `export const CONFIG_PLACEHOLDER = ${JSON.stringify(PLACEHOLDER)};\n\n` +
    `/** client/*.js, each applied to \`${PLACEHOLDER}\`, bundled (esbuild) and minified (terser), ES2017. */\n` +
    // Typed by name only: the published .d.ts names each script instead of repeating its text.
    `export const minifiedScripts: Readonly<Record<${names(scripts)}, string>> = ${JSON.stringify(scripts, null, 2)};\n\n` +
    '/** The stylesheets, minified. */\n' +
    `export const minifiedStylesheets: Readonly<Record<${names(stylesheets)}, string>> = ${JSON.stringify(stylesheets, null, 2)};\n`
  );
}

const names = (record: object) =>
  Object.keys(record)
    .map((name) => JSON.stringify(name))
    .join(' | ');

const target = new URL('config/minified.ts', root);
// Run as a script (not imported by the test that checks minified.ts is fresh), on any platform's paths.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fresh = await minifiedModule();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== fresh) {
      console.error('integration/config/minified.ts is out of date: run `npm run build:client`.');
      process.exit(1);
    }
  } else {
    writeFileSync(target, fresh);
  }
}
