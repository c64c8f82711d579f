/**
 * What kind of response the middleware has: one whose page it may change, and one whose page it
 * may remember (pure, so the rules are tested apart from Astro).
 */
import { isUtf8Label } from './encoding-label.ts';

/** Astro's cookies as the middleware sees them (`context.cookies`): what they will set, once the middleware has run. */
export interface OutgoingCookies {
  headers?(): Iterable<string>;
}

/**
 * An HTML body in UTF-8 as it will be sent: not a HEAD request's empty body (isPage says what its
 * headers stand for), and a page (isPage).
 */
export function isTransformable(request: Request, response: Response): boolean {
  return request.method !== 'HEAD' && response.body !== null && isPage(response);
}

/**
 * A response that is an HTML page in UTF-8 for a browser to show: not a redirect, not a part of a
 * page (206: its Content-Range names the bytes it holds), not a download (Content-Disposition:
 * attachment, a file the visitor keeps), not one its sender asks be left as it is (Cache-Control:
 * no-transform), not compressed, not in another charset (decoding it as UTF-8 would destroy its
 * text; a `<meta>` saying so: page-transform.ts).
 */
export function isPage(response: Response): boolean {
  if (response.status === 206 || (response.status >= 300 && response.status < 400)) return false;
  if (/^\s*attachment\b/i.test(response.headers.get('content-disposition') ?? '')) return false;
  if (/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '')) return false;
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return false;
  const contentType = response.headers.get('content-type') ?? '';
  // What Astro sends for every page: no parsing needed.
  if (contentType === 'text/html' || contentType === 'text/html; charset=utf-8') return true;
  const [type, ...parameters] = contentType.toLowerCase().split(';');
  if (type.trim() !== 'text/html') return false;
  const charset = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('charset='));
  return !charset || isUtf8Label(charset.slice('charset='.length).replace(/^"|"$/g, ''));
}

/**
 * A page that may be remembered: not one made for one visitor (a response that sets a cookie, in
 * its headers or through `Astro.cookies` and `Astro.session`, whose header Astro adds only after the
 * middleware; or says it is private or not to be stored; a request with an Authorization header), whose bytes the
 * server should not keep. A request that only carries cookies counts as shared: most sites' visitors
 * carry an analytics cookie, and a page made from a session cookie should say `private` (its bytes
 * are only ever compared with the next page at the same address, never sent to anyone else).
 */
export function isShared(request: Request, response: Response, cookies?: OutgoingCookies): boolean {
  if (request.headers.has('authorization') || response.headers.has('set-cookie')) return false;
  if (typeof cookies?.headers === 'function' && !cookies.headers()[Symbol.iterator]().next().done) return false;
  return !/\b(?:private|no-store)\b/i.test(response.headers.get('cache-control') ?? '');
}
