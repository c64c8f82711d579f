import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { CONFIG_PLACEHOLDER, minifiedScripts, minifiedStylesheets } from './minified.ts';
import type { WidgetState } from '../shared/dom.ts';
import { serializeForScript } from '../shared/escape.ts';
import { floatingSide, stylesheetHtml } from '../shared/markup.ts';
import { placementCss, sideRule } from './placement-css.ts';
import type { ResolvedOptions } from './resolve.ts';

/** A client file (the loader, the texts of each language…), served where `filesPlace` puts it. */
export interface ClientFile {
  type: string;
  body: string;
}

export interface ClientAssets {
  /**
   * The page stylesheet as a page's head gets it: a `<link>` to the cached file, or (the site
   * inlines every stylesheet, or its policy has no 'self' for styles) a `<style>`.
   */
  stylesheet: string;
  /** The stylesheet's text when it is inline, for its CSP hash; '' when it is linked. */
  inlineCss: string;
  /**
   * The inline head script, '' on most sites. With `consent`: the page's API and state before the
   * loader arrives. Under CSP 'strict-dynamic': the script that adds the loader (without Chatra, the
   * analytics listener itself), which the policy trusts by its hash.
   */
  bootstrap: string;
  /** Files by name, served in the folder `filesPlace` names. */
  files: Record<string, ClientFile>;
  /** URL of each language's texts file, by lower-case language tag. */
  textsUrls: Record<string, string>;
  /**
   * URL of the cached script, for the `<script async>` before `</head>`: the loader, or without
   * Chatra the analytics listener; none when the bootstrap adds it, or when there is nothing to load.
   */
  loaderUrl?: string;
  /**
   * What a page without the widget gets on a site with Chatra (`chatra.include`/`exclude`, a page
   * setting of `false`): the analytics listener alone, a cached file (`scriptUrl`) or inline under
   * CSP 'strict-dynamic' (`bootstrap`), or nothing without analytics. Without Chatra every page gets
   * that already: it is `bootstrap` and `loaderUrl`.
   */
  listener: { bootstrap: string; scriptUrl?: string };
  /**
   * With `fallback.greeting`: URL of its cached script (a close remembered for the session, the
   * greeting said once to screen readers), for a `<script async>` on pages that show it. None under
   * CSP 'strict-dynamic' (it would need the bootstrap): the greeting works without it.
   */
  greetingScriptUrl?: string;
}

/**
 * The page stylesheet for this build: the floating button's (and its disclosure's, with several
 * contacts or a QR code), minified when the package was made, and this build's placement (written
 * compact). One file for the whole site, cached; the components bundle their own. Without a
 * disclosure, of the floating button's four side rules only the build's one.
 */
export function pageStylesheet(resolved: ResolvedOptions): string {
  const { page, pageWithDisclosure, greeting } = minifiedStylesheets;
  return (
    (resolved.contacts.length > 1 || resolved.fallback.qr
      ? pageWithDisclosure
      : page + sideRule(floatingSide(resolved.fallback.position))) +
    (resolved.fallback.greeting ? greeting : '') +
    placementCss(resolved)
  );
}

/**
 * Where the client files go, and what their names begin with. In the site's assets folder
 * (`build.assets`, `_astro`), which every adapter serves cached for good (Node's `immutable`,
 * Cloudflare's `_headers` rule, Vercel's and Netlify's routes), under names of their own; a folder
 * of their own (`_acw`) where `build.assetsPrefix` serves that folder from another origin: the
 * loader takes texts from this one only. Neutral names, so filter lists that block "chat" leave them alone.
 */
export function filesPlace(build: { assets: string; assetsPrefix?: unknown }): FilesPlace {
  return build.assetsPrefix ? { folder: '_acw', prefix: '' } : { folder: build.assets, prefix: 'acw-' };
}
export interface FilesPlace {
  /** The folder under `base` (and the build's output). */
  folder: string;
  /** What the files' names begin with there. */
  prefix: string;
}

/** Every JSON value below goes through serializeForScript: no string can end the script it sits in. */
function withConfig(call: string, config: unknown): string {
  const json = serializeForScript(config);
  return call.replace(CONFIG_PLACEHOLDER, () => json);
}

/** The stylesheet, the scripts and the per-language texts files for this build. */
export function clientAssets(
  resolved: ResolvedOptions,
  base: string,
  {
    insertLoader = false,
    inlineStylesheet = false,
    place = filesPlace({ assets: '_astro' }),
  }: { insertLoader?: boolean; inlineStylesheet?: boolean; place?: FilesPlace } = {},
): ClientAssets {
  const folder = `${base.replace(/\/?$/, '/')}${place.folder}/`;
  const written: Record<string, ClientFile> = {};
  /** Adds a file under a name that changes with its content (cached for good); returns its URL. */
  const add = (name: string, extension: string, type: string, body: string) => {
    const fileName = `${place.prefix}${name}.${createHash('sha256').update(body).digest('hex').slice(0, 10)}.${extension}`;
    written[fileName] = { type, body };
    return folder + fileName;
  };

  const css = pageStylesheet(resolved);
  const stylesheet = inlineStylesheet ? stylesheetHtml({ css }) : stylesheetHtml({ url: add('page', 'css', 'text/css', css) });
  const inlineCss = inlineStylesheet ? css : '';
  const { chatra } = resolved;
  // With `interaction` the loader fetches the listener at the first act, and it takes the clicks kept
  // meanwhile; a page without the widget gets the same file (cached once).
  const listenerScript = chatra?.load === 'interaction' ? minifiedScripts.analyticsAfterAct : minifiedScripts.analytics;
  const analytics = resolved.analytics ? withConfig(listenerScript, resolved.analytics) : '';
  const greetingScriptUrl =
    resolved.fallback.greeting && !insertLoader ? add('greeting', 'js', 'text/javascript', minifiedScripts.greeting) : undefined;
  // Where texts may come from, as the loader checks a texts file's address: this folder, these names,
  // percent-encoded as a browser's URL has them (a base may hold a space or other letters than ASCII).
  const files = asUrlPath(folder + place.prefix);
  const assets = clientAssetsOf(resolved, { analytics, insertLoader, add, files });
  return { stylesheet, inlineCss, files: written, ...assets, ...(greetingScriptUrl && { greetingScriptUrl }) };
}

/**
 * A path of this site as a browser's URL has it: percent-encoded (a base may hold a space or
 * letters beyond ASCII). As written where it names no path of this origin (a base a URL reads as
 * another host, `/\host`): the loader then refuses texts from there, on another origin, anyway.
 */
function asUrlPath(path: string): string {
  const origin = 'https://example.com';
  try {
    const url = new URL(path, origin);
    return url.origin === origin ? url.pathname : path;
  } catch {
    return path;
  }
}

/** The scripts and texts files: with Chatra, or the analytics listener alone. */
function clientAssetsOf(
  resolved: ResolvedOptions,
  {
    analytics,
    insertLoader,
    add,
    files,
  }: {
    analytics: string;
    insertLoader: boolean;
    add: (name: string, extension: string, type: string, body: string) => string;
    files: string;
  },
): Pick<ClientAssets, 'bootstrap' | 'textsUrls' | 'loaderUrl' | 'listener'> {
  const { chatra } = resolved;
  // The analytics listener alone: a cached file, or inline where a policy trusts only hashed scripts.
  const listener: ClientAssets['listener'] = !analytics
    ? { bootstrap: '' }
    : insertLoader
      ? { bootstrap: analytics }
      : { bootstrap: '', scriptUrl: add('analytics', 'js', 'text/javascript', analytics) };
  if (!chatra)
    return { bootstrap: listener.bootstrap, textsUrls: {}, listener, ...(listener.scriptUrl && { loaderUrl: listener.scriptUrl }) };

  const textsUrls: Record<string, string> = {};
  for (const [language, texts] of Object.entries(resolved.languages)) {
    const body = JSON.stringify({ customStrings: texts.customStrings, language: texts.chatraLanguage, autoMessage: texts.autoMessage });
    textsUrls[language] = add(language, 'json', 'application/json', body);
  }
  const state: WidgetState = chatra.consent ? 'consent' : chatra.load === 'eager' ? 'loading' : 'waiting';
  // With `interaction` the loader's chat part (what runs once the chat is asked for) is a file of its
  // own, fetched when the visitor acts: a first visit that never does doesn't pay for it. With `eager`
  // and `idle` it is fetched before the visitor does anything anyway, and rides in the loader.
  const split = chatra.load === 'interaction';
  // The code that sends an automatic message only in the builds of sites that have one.
  const withAutoMessage = Boolean(resolved.autoMessage);
  const chatScript = withAutoMessage ? minifiedScripts.chatWithAutoMessage : minifiedScripts.chat;
  const chatPart = split
    ? { chat: add('loader-rest', 'js', 'text/javascript', withConfig(chatScript, { setup: chatra.setup, files })) }
    : {};
  // With Chatra, the analytics listener rides in the cached loader; with `interaction` it is the file a
  // page without the widget gets, which the loader fetches at the visitor's first act (or first WhatsApp click).
  const analyticsFile = split && analytics ? { analytics: add('analytics', 'js', 'text/javascript', analytics) } : {};
  const loaderUrl = add(
    'loader',
    'js',
    'text/javascript',
    (split ? '' : analytics) +
      withConfig(minifiedScripts[loaderVariant({ split, withAutoMessage, consent: Boolean(chatra.consent) })], {
        ...chatPart,
        ...analyticsFile,
        id: chatra.id,
        // The split loader knows its state (consent's variant or not).
        ...(!split && { state }),
        // Only what the variant reads: the one-file loader chooses between `eager` and `idle`; the
        // variants with consent's code read its event; only a build that configured an automatic
        // message sends one (whatever a page says), after this delay.
        ...(!split && { load: chatra.load }),
        ...(!split && { setup: chatra.setup }),
        timeout: resolved.fallback.timeout,
        ...(chatra.consent && { consent: chatra.consent }),
        ...(resolved.autoMessage && { autoMessageAfter: resolved.autoMessage.afterSeconds }),
        // Texts are fetched from here only: same origin, this folder, these names.
        ...(!split && { files }),
      }),
  );
  // Most pages need no inline script: the loader sets up Chatra's queue and the state when it runs,
  // and the stylesheet shows the WhatsApp button if it never does. Two cases need one before it:
  // consent (the page's consent manager may call grantConsent() at once), and CSP 'strict-dynamic',
  // where a <script src> in the page is blocked (host sources don't count) and the bootstrap,
  // trusted by its hash, adds the loader, which the policy then trusts in turn.
  if (!insertLoader && !chatra.consent) return { bootstrap: '', textsUrls, loaderUrl, listener };
  const bootstrapCall = insertLoader ? minifiedScripts.bootstrapInsertingLoader : minifiedScripts.bootstrap;
  const event = typeof chatra.consent === 'object' ? chatra.consent.event : undefined;
  const bootstrap = withConfig(bootstrapCall, { id: chatra.id, state, timeout: resolved.fallback.timeout, loader: loaderUrl, event });
  return { bootstrap, textsUrls, loaderUrl: insertLoader ? undefined : loaderUrl, listener };
}
/**
 * The loader made for these options when the package was made: each carries the code its options
 * need only (the chat part or not, the auto message, consent).
 */
function loaderVariant({ split, withAutoMessage, consent }: { split: boolean; withAutoMessage: boolean; consent: boolean }) {
  const chatPart = split ? 'WithoutChat' : withAutoMessage ? 'WithAutoMessage' : '';
  return `loader${chatPart}${consent ? 'WithConsent' : ''}` as const;
}

/** Writes the files into their folder of the build's output, beside the site's own: static for every adapter. */
export async function writeClientFiles(files: Record<string, ClientFile>, outDir: URL, place: FilesPlace): Promise<void> {
  const entries = Object.entries(files);
  if (entries.length === 0) return;
  const folder = new URL(`${place.folder}/`, outDir);
  await mkdir(folder, { recursive: true });
  await Promise.all(entries.map(([name, file]) => writeFile(new URL(name, folder), file.body)));
}
