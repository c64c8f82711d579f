import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { minifiedScripts, minifiedStylesheets } from './minified.ts';
import type { WidgetState } from '../shared/dom.ts';
import { serializeForScript } from '../shared/escape.ts';
import { placementCss } from './placement-css.ts';
import type { ResolvedOptions } from './resolve.ts';

/** A file served under `<base>/_acw/`: the loader, and the texts of each language. */
export interface ClientFile {
  type: string;
  body: string;
}

export interface ClientAssets {
  /** The inline script of pages with the widget (Chatra's queue, its id, the state); '' without Chatra. */
  bootstrap: string;
  /** The inline analytics listener of pages on a site without Chatra (with Chatra it rides in the loader); '' if off. */
  analyticsScript: string;
  /** Files by name, for the `/_acw/[file]` endpoint. */
  files: Record<string, ClientFile>;
  /** URL of each language's texts file, by lower-case language tag. */
  textsUrls: Record<string, string>;
  /** URL of the cached loader, for the `<script async>` before `</head>`; none when the bootstrap adds it (CSP 'strict-dynamic'). */
  loaderUrl?: string;
}

/**
 * The page stylesheet for this build, inlined on every page: the floating button's (and its
 * disclosure's, with several contacts or a QR code), minified when the package was made, and this
 * build's placement (written compact). The components bundle their own.
 */
export function pageStylesheet(resolved: ResolvedOptions): string {
  const { page, pageWithDisclosure } = minifiedStylesheets;
  return (resolved.contacts.length > 1 || resolved.fallback.qr ? pageWithDisclosure : page) + placementCss(resolved);
}

/** The directory the client files are served from; a neutral name, so filter lists that block "chat" leave it alone. */
export const ASSETS_DIR = '_acw';

/** What each minified client script is applied to (integration/build/minify.ts). */
const PLACEHOLDER = 'chatraWhatsAppConfig';
const { analytics: analyticsCall, loader: loaderCall } = minifiedScripts;

/** Every JSON value below goes through serializeForScript: no string can end the script it sits in. */
function withConfig(call: string, config: unknown): string {
  const json = serializeForScript(config);
  return call.replace(PLACEHOLDER, () => json);
}

function hashed(name: string, extension: string, body: string): string {
  return `${name}.${createHash('sha256').update(body).digest('hex').slice(0, 10)}.${extension}`;
}

/** The head-inline script, the cached loader and the per-language texts files for this build. */
export function clientAssets(resolved: ResolvedOptions, base: string, { insertLoader = false } = {}): ClientAssets {
  // With Chatra, the analytics listener rides in the cached loader; without, it is the only script.
  const analytics = resolved.analytics ? withConfig(analyticsCall, resolved.analytics) : '';
  const { chatra } = resolved;
  if (!chatra) return { bootstrap: '', analyticsScript: analytics, files: {}, textsUrls: {} };

  const dir = `${base.replace(/\/?$/, '/')}${ASSETS_DIR}/`;
  const files: Record<string, ClientFile> = {};
  const textsUrls: Record<string, string> = {};
  for (const [language, texts] of Object.entries(resolved.languages)) {
    const body = JSON.stringify({ customStrings: texts.customStrings, language: texts.language, autoMessage: texts.autoMessage });
    const name = hashed(language, 'json', body);
    files[name] = { type: 'application/json', body };
    textsUrls[language] = dir + name;
  }
  const loader =
    analytics +
    withConfig(loaderCall, {
      load: chatra.load,
      setup: chatra.setup,
      timeout: resolved.fallback.timeout,
      consent: chatra.consent,
      // Only a build that configured an automatic message sends one, whatever a page says.
      autoMessage: Boolean(resolved.autoMessage),
      autoMessageAfter: resolved.autoMessage?.afterSeconds ?? 0,
      // Texts are fetched from here only: same origin, this folder.
      files: dir,
    });
  const loaderName = hashed('loader', 'js', loader);
  files[loaderName] = { type: 'text/javascript', body: loader };
  const state: WidgetState = chatra.consent ? 'consent' : chatra.load === 'eager' ? 'loading' : 'waiting';
  // Under CSP 'strict-dynamic' a <script src> in the page is blocked (host sources don't count):
  // the bootstrap, trusted by its hash, adds the loader, which the policy then trusts in turn.
  const bootstrapCall = insertLoader ? minifiedScripts.bootstrapInsertingLoader : minifiedScripts.bootstrap;
  const bootstrap = withConfig(bootstrapCall, { id: chatra.id, state, timeout: resolved.fallback.timeout, loader: dir + loaderName });
  return { bootstrap, analyticsScript: '', files, textsUrls, loaderUrl: insertLoader ? undefined : dir + loaderName };
}

/** Writes the files into `<outDir>/_acw/`, beside the site's own: static for every adapter. */
export async function writeClientFiles(files: Record<string, ClientFile>, outDir: URL): Promise<void> {
  const entries = Object.entries(files);
  if (entries.length === 0) return;
  const folder = new URL(`${ASSETS_DIR}/`, outDir);
  await mkdir(folder, { recursive: true });
  await Promise.all(entries.map(([name, file]) => writeFile(new URL(name, folder), file.body)));
}
