/**
 * Adds the page's kit (Chatra's page data and loader, the floating WhatsApp button, the chat
 * facade) to every whole HTML document Astro serves: prerendered, on demand, in `astro dev`, and
 * error pages (404, 500) with their status kept. Anything else passes through as it came.
 */
import { defineMiddleware } from 'astro:middleware';
import options from './options.ts';
import { PageMemory } from './page-memory.ts';
import { qrCodesKept } from './qr-codes-kept.ts';
import { PageKits, PageRequest } from './page-request.ts';
import { policyNonces } from './csp-nonce.ts';
import { isPage, isShared, isTransformable } from './response-kind.ts';
import { transformPageBody, transformWholePage } from './page-stream.ts';
import { keptRequestedUrl } from '../shared/page-path.ts';

// The QR code is drawn per page (the link may name the page); its encoder loads only when asked for.
const kits = new PageKits(
  options,
  options.fallback.qr ? qrCodesKept((await import('./qr-code.ts')).qrCodeSvg, (message) => console.warn(message)) : undefined,
);
const transformed = new WeakSet<Response>();
/** On-demand pages' first bytes, per address: the same head next time is not read again. */
const memory = new PageMemory();

export const onRequest = defineMiddleware(async (context, next) => {
  // Before the page renders: a rewrite in it runs this middleware again, which must see the address asked for.
  const requested = keptRequestedUrl(context.locals, context.url, context.originPathname, options.base, options.localeDomains);
  const response = await next();
  if (transformed.has(response)) return response;
  // HEAD: the headers GET would send. Those that named the bytes go here too, as they would with the
  // kit (a page GET sends untouched, a fragment, loses them as well: a header left out is never wrong,
  // a length or validator of other bytes is).
  if (context.request.method === 'HEAD') return isPage(response) ? withoutBytesHeaders(response) : response;
  if (!isTransformable(context.request, response)) return response;

  const page = new PageRequest(kits, {
    url: requested,
    locale: context.currentLocale,
    locals: () => context.locals,
    prerendered: context.isPrerendered,
    nonces: policyNonces(response.headers),
  });
  const body = context.isPrerendered
    ? await transformWholePage(response.body!, page)
    : await transformPageBody(
        response.body!,
        page,
        isShared(context.request, response, context.cookies) ? { memory, key: context.url.pathname } : undefined,
      );
  const sent = body instanceof Uint8Array && BYTES_ON_A_STREAM ? oneChunk(body) : body;
  const result = withoutBytesHeaders(response, sent);
  transformed.add(result);
  return result;
});

/**
 * `response` with `body` (by default its own), less what named the bytes before the kit, from the
 * new response's own copy of the headers: the length (a prerendered page has one; a page Astro
 * renders on demand has none), and a validator an endpoint set (a cache revalidating with it would
 * keep the page's old kit after a deploy).
 */
function withoutBytesHeaders(response: Response, body: BodyInit | null = response.body): Response {
  if (body === response.body && !BEFORE_THE_KIT.some((name) => response.headers.has(name))) return response;
  const result = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  for (const name of BEFORE_THE_KIT) result.headers.delete(name);
  return result;
}

/** Headers that describe the bytes Astro made, not those sent. */
const BEFORE_THE_KIT = ['content-length', 'etag', 'content-md5', 'digest', 'repr-digest', 'content-digest'];

/**
 * On Node, a page's bytes go back on a stream of one chunk: Node's `Response` copies a Uint8Array body
 * when it is made and reads it through a byte stream (10-20 µs a request more), and Node's adapter
 * sends either without a length. Elsewhere (workerd, Deno) they stay bytes: the runtime sends them
 * natively, with their length, where a stream made in JavaScript would be pumped through JavaScript.
 * (`navigator.userAgent`: a Web API, "Node.js/22" on Node.)
 */
const BYTES_ON_A_STREAM = globalThis.navigator?.userAgent?.startsWith('Node.js') ?? false;

/** `bytes` as a stream of one chunk, enqueued and closed at once (not a byte stream: that would detach the page's buffer). */
function oneChunk(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      if (bytes.length > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}
