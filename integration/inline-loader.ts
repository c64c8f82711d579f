import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { serializeForScript } from './page-markup.ts';
import type { ResolvedOptions } from './resolve-options.ts';

/** client/loader.js applied to a placeholder, minified once: it goes into every page. */
const PLACEHOLDER = 'chatraWhatsAppConfig';
const loaderCall = transformSync(`(${readFileSync(new URL('./client/loader.js', import.meta.url), 'utf8')})(${PLACEHOLDER});`, {
  minify: true,
  target: 'es2017',
  legalComments: 'none',
}).code.trim();

/**
 * The `head-inline` script: client/loader.js called with this build's Chatra settings.
 * `setup.language` stays in: a page's own language replaces it in the loader.
 */
export function inlineLoader(chatra: NonNullable<ResolvedOptions['chatra']>, timeout: number): string {
  const config = serializeForScript({ id: chatra.id, load: chatra.load, setup: chatra.setup, timeout, consent: chatra.consent });
  return loaderCall.replace(PLACEHOLDER, () => config);
}
