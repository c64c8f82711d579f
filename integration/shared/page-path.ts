/** How the site writes its paths (Astro's `trailingSlash` and `build.format`). */
export interface PathStyle {
  trailingSlash: 'always' | 'never' | 'ignore';
  format: 'file' | 'directory' | 'preserve';
}

/** i18n `domains` by host: each domain's origin, and the locale whose pages it serves. */
export type LocaleDomains = Record<string, { origin: string; locale: string }>;

/**
 * `{url}`: the page's address on `site` (never the request's Host); none without `site`. The path
 * holds `base` already: it goes on the site's origin, as Astro and its sitemap resolve it, so a
 * `site` that names the base path too (GitHub Pages: https://user.github.io/repo) says it once.
 */
export function pageUrl(site: string | undefined, path: string): string | undefined {
  if (!site) return undefined;
  // Set as a path on the site's origin, never resolved against it: a path that begins with `//` (or
  // backslashes, which a URL reads as slashes) would name another host. The setter escapes what a
  // path can't hold and leaves the escapes {path} kept (%2F, a bidirectional control) as they are.
  const url = new URL(new URL(site).origin);
  url.pathname = path.replace(/\\/g, '%5C');
  return url.href;
}

/**
 * What stays escaped in {path}: control characters (a line break, NUL: a visitor's address would lay
 * out the message's text as they like) and Unicode's bidirectional controls (embeddings, overrides,
 * isolates, marks: decoded, one would show the site's own words after it reversed or reordered).
 */
const KEPT_ESCAPED = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The page's path as visitors read it (percent-decoding undone, control characters left
 * escaped), with the trailing slash the site uses, so a prerendered and an on-demand page of the
 * same shape say the same.
 */
export function pagePath(pathname: string, options: PathStyle): string {
  let path = decodePath(pathname).replace(KEPT_ESCAPED, encodeURIComponent);
  // In the 'file' and 'preserve' formats a prerendered page's Astro.url names its file (/about.html,
  // /ru/index.html); its address, as Astro's sitemap writes it and an on-demand page has it, doesn't.
  // (With trailingSlash 'always' a build says /about.html/.)
  if (options.format !== 'directory') path = path.replace(/\/index\.html\/?$/, '/').replace(/\.html\/?$/, '') || '/';
  const last = path.slice(path.lastIndexOf('/') + 1);
  // A name with a file's extension (`feed.xml`, a route named `legacy.html`) is an address as it is;
  // a dot among digits (`/v1.2`) is a page like any other.
  if (path === '/' || /\.[a-z][a-z0-9]*$/i.test(last)) return path;
  const slash =
    options.trailingSlash === 'always' || (options.trailingSlash === 'ignore' && options.format === 'directory')
      ? true
      : options.trailingSlash === 'never' || options.format === 'file'
        ? false
        : undefined;
  if (slash === true && !path.endsWith('/')) return path + '/';
  if (slash === false && path.endsWith('/')) return path.replace(/\/+$/, '');
  return path;
}

/**
 * The first `limit` characters of a percent-encoded path, cut before an escape or a character its
 * escapes would leave half written: the run of escapes it ends in decodes as it did before the cut
 * (one that never decoded, a `%FF`, is left as it is: decodePath leaves it too).
 */
export function cutPathname(pathname: string, limit: number): string {
  if (pathname.length <= limit) return pathname;
  let cut = pathname.slice(0, limit).replace(/%[0-9A-Fa-f]?$/, '');
  // A character is up to four escapes: drop the run's last ones (three at most) until it decodes.
  for (let tries = 0; tries < 3; tries++) {
    const run = /(?:%[0-9A-Fa-f]{2})+$/.exec(cut)?.[0];
    if (!run || decodes(run) || !decodes(runAt(pathname, cut.length - run.length))) return cut;
    cut = cut.slice(0, -3);
  }
  return cut;
}

/** The whole run of escapes that begins at `at` in `pathname`. */
const runAt = (pathname: string, at: number) => /^(?:%[0-9A-Fa-f]{2})+/.exec(pathname.slice(at))?.[0] ?? '';

function decodes(escapes: string): boolean {
  try {
    decodeURI(escapes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A percent-encoded path as visitors read it: each run of escapes decoded as decodeURI does (the
 * characters that mean something in a URL, such as %2F, stay escaped), a run that is not UTF-8
 * left as it came, so one bad escape (`%FF`) doesn't keep the rest of the path encoded.
 */
export function decodePath(pathname: string): string {
  if (!pathname.includes('%')) return pathname;
  return pathname.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURI(run);
    } catch {
      return run;
    }
  });
}

/** The i18n domain `url` is on (es.example.com, serving /es/'s pages), if any. */
export function localeDomainOf(url: URL, localeDomains: LocaleDomains | undefined): LocaleDomains[string] | undefined {
  return localeDomains && Object.hasOwn(localeDomains, url.host) ? localeDomains[url.host] : undefined;
}

/**
 * `{url}`'s origin for a page at `url`: `site`'s, or on a language's own domain (i18n `domains`)
 * that domain's, as the config names it (never the request's Host), as Astro's own
 * `getAbsoluteLocaleUrl` gives it.
 */
export function pageOrigin(site: string | undefined, url: URL, localeDomains: LocaleDomains | undefined): string | undefined {
  return site && (localeDomainOf(url, localeDomains)?.origin ?? site);
}

/**
 * The address the visitor asked for. After a rewrite (Astro's i18n fallback serves /es/about/ with
 * the page of /en/about/), `context.url` names the page that answered and `context.originPathname`
 * (decoded, without `base`) the one asked for: include/exclude and `{path}` go by the visitor's.
 * The same address in another form (a trailing slash, `.html`) is no rewrite: `url` stays as it is.
 */
export function requestedUrl(url: URL, originPathname: string | undefined, base: string, localeDomains?: LocaleDomains): URL {
  if (typeof originPathname !== 'string' || !originPathname.startsWith('/')) return url;
  // On a language's own domain (i18n `domains`), es.example.com/about/ is /es/about/ to Astro: no rewrite.
  if (localeDomainOf(url, localeDomains)) return url;
  const root = base.replace(/\/+$/, '');
  const served = decodePath(url.pathname);
  const route = root && (served === root || served.startsWith(`${root}/`)) ? served.slice(root.length) : served;
  // Astro 7 decodes it; Astro 5 may hand it on as the request wrote it (escaped): read it decoded either way.
  const origin = decodePath(originPathname);
  // (Some versions fall back to the request's own pathname, base and all.)
  if (sameAddress(route, origin) || sameAddress(served, origin)) return url;
  const requested = new URL(url);
  // The setter escapes what a path can't hold as it is; a `%` that starts no escape stays a `%`. What
  // it would read otherwise is escaped first: a backslash (a slash to it: `\\evil.example` would make
  // the path `//evil.example`) and control characters (line breaks it drops).
  requested.pathname = root + originPathname.replace(/%(?![0-9A-Fa-f]{2})/g, '%25').replace(/[\\\u0000-\u001f\u007f]/g, encodeURIComponent);
  return requested;
}

/**
 * Where our middleware's first run keeps the address the visitor asked for, on `Astro.locals`
 * (carried across rewrites, unlike `originPathname`): a page that answers with another
 * (`Astro.rewrite`) runs the middleware again, and a run after a second rewrite sees only the last
 * hop's origin (/a rewrites to /b, which rewrites to /c: /b). Not enumerable: a site that lists its
 * locals doesn't see it.
 */
const REQUESTED = Symbol.for('astro-chatra-whatsapp.requested-url');

/** The visitor's address, kept on `locals` by the first call (a later one, after a rewrite, gets the same). */
export function keptRequestedUrl(
  locals: object,
  url: URL,
  originPathname: string | undefined,
  base: string,
  localeDomains?: LocaleDomains,
): URL {
  const kept = (locals as { [REQUESTED]?: URL })[REQUESTED];
  if (kept instanceof URL) return kept;
  const requested = requestedUrl(url, originPathname, base, localeDomains);
  if (Object.isExtensible(locals)) Object.defineProperty(locals, REQUESTED, { value: requested });
  return requested;
}

const addressForm = (path: string) => path.replace(/(?:\/index)?\.html\/?$/, '').replace(/\/+$/, '');
const sameAddress = (a: string, b: string) => a === b || addressForm(a) === addressForm(b);
