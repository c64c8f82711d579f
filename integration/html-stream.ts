/**
 * What one page gets: `head` right after `<head>` (and its charset `<meta>`), `headEnd` before
 * the first `</head>`, `body` before the last `</body>`.
 */
export interface PageInsertion {
  head: string;
  headEnd: string;
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
  let parts: PageInsertion | undefined;
  /** Set once `headEnd` is placed (or there is no `</head>` to place it before). */
  let headClosed = false;

  /** `<head>` is here, and so is whatever follows it, whole: a charset `<meta>` must stay first. */
  function headFound(): boolean {
    const match = HEAD_OPEN.exec(pending);
    return match !== null && /^\s*(?:<[^>]*>|[^\s<])/.test(pending.slice(match.index + match[0].length));
  }

  function placeHead(): void {
    parts = insertion(HTML_LANG.exec(pending)?.[1]);
    const match = HEAD_OPEN.exec(pending);
    const at = match ? match.index + match[0].length : 0;
    pending = pending.slice(0, at) + parts.head + pending.slice(at);
  }

  /** Before `</head>`, else before `<body>` (a head closed implicitly), else at the end of the page. */
  function placeHeadEnd(final: boolean): boolean {
    const headClose = pending.toLowerCase().indexOf('</head');
    const at = headClose >= 0 ? headClose : pending.search(BODY_OPEN);
    if (at >= 0) pending = pending.slice(0, at) + parts!.headEnd + pending.slice(at);
    else if (final) pending += parts!.headEnd;
    return at >= 0 || final;
  }

  const transform = new TransformStream<string, string>({
    transform(chunk, controller) {
      pending += chunk;
      if (!parts) {
        if (!headFound() && !BODY_OPEN.test(pending) && pending.length < HEAD_SEARCH_LIMIT) return;
        placeHead();
      }
      if (!headClosed) {
        headClosed = placeHeadEnd(false);
        if (!headClosed) return;
      }
      const lastClose = pending.toLowerCase().lastIndexOf('</body');
      const keep = lastClose >= 0 ? lastClose : Math.max(0, pending.length - '</body'.length);
      if (keep > 0) controller.enqueue(pending.slice(0, keep));
      pending = pending.slice(keep);
    },
    flush(controller) {
      if (!parts) placeHead();
      if (!headClosed) placeHeadEnd(true);
      const close = pending.toLowerCase().lastIndexOf('</body');
      const body = parts!.body;
      controller.enqueue(close >= 0 ? pending.slice(0, close) + body + pending.slice(close) : pending + body);
    },
  });

  return html
    .pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>)
    .pipeThrough(transform)
    .pipeThrough(new TextEncoderStream());
}
