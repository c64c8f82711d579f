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
import { transformPageBody, transformPageBytes } from './page-stream.ts';

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
  // A prerendered page is written to a file whole: read as bytes in one go, its body not decoded.
  const body = context.isPrerendered
    ? transformPageBytes(new Uint8Array(await response.arrayBuffer()), page)
    : await transformPageBody(
        response.body!,
        page,
        isShared(context.request, response) ? { memory, key: context.url.pathname } : undefined,
      );
  // The length changes; a page Astro renders on demand has none (one copy of the headers fewer).
  let headers = response.headers;
  if (headers.has('content-length')) {
    headers = new Headers(headers);
    headers.delete('content-length');
  }
  const result = new Response(body, { status: response.status, statusText: response.statusText, headers });
  transformed.add(result);
  return result;
});

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
