/**
 * What one page gets: `head` right after `<head>` (and its charset `<meta>`), `headEnd` before
 * the first `</head>`, `body` before the last `</body>`. The last two are made when their place
 * is reached, so they can use what the page said before it (its title).
 */
export interface PageInsertion {
  head: string;
  headEnd: () => string;
  body: () => string;
}

const HEAD_OPEN = /<head(?:\s[^>]*)?>(?:\s*<meta\s+charset[^>]*>)?/i;
const BODY_OPEN = /<body[\s>]/i;
/** Without a `<head>` (a page with no layout): after the doctype and `<html>`, so the page keeps its standards mode. */
const PAGE_START = /^\s*(?:<!doctype[^>]*>)?\s*(?:<html\b[^>]*>)?/i;
const HTML_LANG = /<html\b[^>]*?\slang\s*=\s*["']?([^"'\s>]+)/i;
/** How much HTML to read, at most, while looking for `<head>`. */
const HEAD_SEARCH_LIMIT = 64 * 1024;

/**
 * Adds a page's insertion to its HTML as it arrives, chunk by chunk. Only the part before
 * `<head>` and the part from the last `</body>` on are held back. `insertion` receives the
 * page's `<html lang>`.
 */
export class HtmlInserter {
  #pending = '';
  #parts: PageInsertion | undefined;
  #headClosed = false;
  readonly #insertion: (htmlLang: string | undefined) => PageInsertion;

  constructor(insertion: (htmlLang: string | undefined) => PageInsertion) {
    this.#insertion = insertion;
  }

  /** Takes the next chunk of HTML; returns what can be sent on. */
  push(chunk: string): string {
    this.#pending += chunk;
    if (!this.#parts) {
      if (!this.#headFound() && !BODY_OPEN.test(this.#pending) && this.#pending.length < HEAD_SEARCH_LIMIT) return '';
      this.#placeHead();
    }
    if (!this.#headClosed) {
      this.#headClosed = this.#placeHeadEnd(false);
      if (!this.#headClosed) return '';
    }
    const lastClose = this.#pending.toLowerCase().lastIndexOf('</body');
    const keep = lastClose >= 0 ? lastClose : Math.max(0, this.#pending.length - '</body'.length);
    const ready = this.#pending.slice(0, keep);
    this.#pending = this.#pending.slice(keep);
    return ready;
  }

  /** The page has ended: returns the rest, with the body insertion. */
  end(): string {
    if (!this.#parts) this.#placeHead();
    if (!this.#headClosed) this.#placeHeadEnd(true);
    const close = this.#pending.toLowerCase().lastIndexOf('</body');
    const body = this.#parts!.body();
    return close >= 0 ? this.#pending.slice(0, close) + body + this.#pending.slice(close) : this.#pending + body;
  }

  /** `<head>` is here, and so is whatever follows it, whole: a charset `<meta>` must stay first. */
  #headFound(): boolean {
    const match = HEAD_OPEN.exec(this.#pending);
    return match !== null && /^\s*(?:<[^>]*>|[^\s<])/.test(this.#pending.slice(match.index + match[0].length));
  }

  #placeHead(): void {
    this.#parts = this.#insertion(HTML_LANG.exec(this.#pending)?.[1]);
    const match = HEAD_OPEN.exec(this.#pending) ?? PAGE_START.exec(this.#pending)!;
    const at = match.index + match[0].length;
    this.#pending = this.#pending.slice(0, at) + this.#parts.head + this.#pending.slice(at);
  }

  /** Before `</head>`, else before `<body>` (a head closed implicitly), else at the end of the page. */
  #placeHeadEnd(final: boolean): boolean {
    const headClose = this.#pending.toLowerCase().indexOf('</head');
    const at = headClose >= 0 ? headClose : this.#pending.search(BODY_OPEN);
    if (at >= 0) this.#pending = this.#pending.slice(0, at) + this.#parts!.headEnd() + this.#pending.slice(at);
    else if (final) this.#pending += this.#parts!.headEnd();
    return at >= 0 || final;
  }
}

/** A whole page at once (prerendered pages: nothing to stream). */
export function insertIntoHtmlText(html: string, insertion: (htmlLang: string | undefined) => PageInsertion): string {
  const inserter = new HtmlInserter(insertion);
  return inserter.push(html) + inserter.end();
}

/** A page as a stream (on-demand pages keep streaming). */
export function insertIntoHtml(
  html: ReadableStream<Uint8Array>,
  insertion: (htmlLang: string | undefined) => PageInsertion,
): ReadableStream<Uint8Array> {
  const inserter = new HtmlInserter(insertion);
  const transform = new TransformStream<string, string>({
    transform(chunk, controller) {
      const ready = inserter.push(chunk);
      if (ready) controller.enqueue(ready);
    },
    flush(controller) {
      controller.enqueue(inserter.end());
    },
  });
  return html
    .pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>)
    .pipeThrough(transform)
    .pipeThrough(new TextEncoderStream());
}
