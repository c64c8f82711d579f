/** What one page gets: `head` right after `<head>` (and its charset `<meta>`), `body` before the last `</body>`. */
export interface PageInsertion {
  head: string;
  body: string;
}

const HEAD_OPEN = /<head(?:\s[^>]*)?>(?:\s*<meta\s+charset[^>]*>)?/i;
const BODY_OPEN = /<body[\s>]/i;
const HTML_LANG = /<html\b[^>]*?\slang\s*=\s*["']?([^"'\s>]+)/i;
/** How much HTML to read, at most, while looking for `<head>`. */
const HEAD_SEARCH_LIMIT = 64 * 1024;

/**
 * Passes an HTML stream through, chunk by chunk, adding the page's insertion. Only the part
 * before `<head>` and the part from the last `</body>` on are held back, so streaming stays.
 * `insertion` receives the page's `<html lang>`.
 */
export function insertIntoHtml(
  html: ReadableStream<Uint8Array>,
  insertion: (htmlLang: string | undefined) => PageInsertion,
): ReadableStream<Uint8Array> {
  let pending = '';
  let body: string | undefined;

  function placeHead(): void {
    const parts = insertion(HTML_LANG.exec(pending)?.[1]);
    body = parts.body;
    const match = HEAD_OPEN.exec(pending);
    const at = match ? match.index + match[0].length : 0;
    pending = pending.slice(0, at) + parts.head + pending.slice(at);
  }

  const transform = new TransformStream<string, string>({
    transform(chunk, controller) {
      pending += chunk;
      if (body === undefined) {
        if (!HEAD_OPEN.test(pending) && !BODY_OPEN.test(pending) && pending.length < HEAD_SEARCH_LIMIT) return;
        placeHead();
      }
      const lastClose = pending.toLowerCase().lastIndexOf('</body');
      const keep = lastClose >= 0 ? lastClose : Math.max(0, pending.length - '</body'.length);
      if (keep > 0) controller.enqueue(pending.slice(0, keep));
      pending = pending.slice(keep);
    },
    flush(controller) {
      if (body === undefined) placeHead();
      const close = pending.toLowerCase().lastIndexOf('</body');
      controller.enqueue(close >= 0 ? pending.slice(0, close) + body + pending.slice(close) : pending + body);
    },
  });

  return html
    .pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>)
    .pipeThrough(transform)
    .pipeThrough(new TextEncoderStream());
}
