/**
 * Adds the page's kit (Chatra's page data and loader, the floating WhatsApp button, the chat
 * facade) to every whole HTML document Astro serves: prerendered, on demand, in `astro dev`, and
 * error pages (404, 500) with their status kept. Anything else passes through as it came.
 */
import { defineMiddleware } from 'astro:middleware';
import options from './options.ts';
import { PageMemory } from './page-memory.ts';
import { PageKits, PageRequest } from './page-request.ts';
import { isShared, isTransformable } from './response-kind.ts';
import { transformPageBody, transformWholePage } from './page-stream.ts';

// The QR code is drawn per page (the link may name the page); its encoder loads only when asked for.
const kits = new PageKits(options, options.fallback.qr ? qrCodeOrWarning((await import('./qr-code.ts')).qrCodeSvg) : undefined);
const transformed = new WeakSet<Response>();
/** On-demand pages' first bytes, per address: the same head next time is not read again. */
const memory = new PageMemory();

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (transformed.has(response) || !isTransformable(context.request, response)) return response;

  const page = new PageRequest(kits, {
    url: context.url,
    locale: context.currentLocale,
    locals: () => context.locals,
    prerendered: context.isPrerendered,
  });
  const body = context.isPrerendered
    ? await transformWholePage(response.body!, page)
    : await transformPageBody(
        response.body!,
        page,
        isShared(context.request, response) ? { memory, key: context.url.pathname } : undefined,
      );
  // The length changes; a page Astro renders on demand has none (one copy of the headers fewer).
  let headers = response.headers;
  const hadLength = headers.has('content-length');
  if (hadLength) {
    headers = new Headers(headers);
    headers.delete('content-length');
  }
  // An on-demand page of known length stays bytes (a runtime that can, such as workerd, sends its
  // length). Else, on a stream of one chunk: a Uint8Array body is copied when the Response is made and
  // read through a byte stream (on Node, 10-20 µs a request more); a prerendered page's length is its file's.
  const sent = body instanceof Uint8Array && (context.isPrerendered || !hadLength) ? oneChunk(body) : body;
  const result = new Response(sent, { status: response.status, statusText: response.statusText, headers });
  transformed.add(result);
  return result;
});

/** `bytes` as a stream of one chunk, enqueued and closed at once (not a byte stream: that would detach the page's buffer). */
function oneChunk(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      if (bytes.length > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** A link too long for any QR code gets the plain button, and the build log (or the server's) says so, once. */
function qrCodeOrWarning(draw: (link: string, title: string) => string | undefined) {
  let warned = false;
  return (link: string, title: string) => {
    const svg = draw(link, title);
    if (svg === undefined && !warned) {
      warned = true;
      console.warn(
        `[astro-chatra-whatsapp] fallback.qr: a link of ${link.length} characters is too long for a QR code; ` +
          "the plain WhatsApp button is shown instead. Shorten the prefilled message (whatsapp.text) or the pages' titles.",
      );
    }
    return svg;
  };
}
