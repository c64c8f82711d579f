/**
 * Runs the page transform over a whole page (prerendered) or a stream of bytes (on demand).
 *
 * The tokenizer reads the head always (its places and title come from there), and the body up to
 * the last place where a link may change: where the handler's `bodyMarkers` (`#whatsapp`…) appear.
 * Reading every byte of a page costs an on-demand server more than Astro's own rendering of it,
 * so from the last marker on the page passes as the bytes it came in, and the body's kit goes
 * before the document's closing `</body></html>` (whitespace between allowed), else after its last
 * byte. Either way no byte of the page follows the insertion but those closing tags: nothing the
 * page holds (an attribute value with `</body>` in it) can be read differently because of it, and
 * in a well-formed document the parser puts the kit at the end of `<body>` in both cases. When a
 * marker turns up in bytes still to come, the tokenizer first catches up on the bytes passed
 * (writing nothing there) and reads on.
 */
import { PageTransform, type PageHandler } from './page-transform.ts';

/** How much the tokenizer reads at a time between checks whether it may stop. */
const PIECE = 512;
/** When a piece ended inside a tag: how much more to read before checking again. */
const STEP = 32;
/** Bytes held back at the end of what has come: room for a marker cut by a chunk boundary, and the closing tags. */
const HOLD = 256;
/** A marker is in the tag it stands in: read this far past it before checking again. */
const PAST_MARKER = 64;
const CLOSING = /(?:<\/body\s*>\s*)?(?:<\/html\s*>\s*)?$/i;

/**
 * The tokenizer may stop reading here: the head is behind, and what it read but hasn't written is
 * plain text, not the start of a tag or comment a later byte could finish.
 */
const mayStop = (transform: PageTransform) => transform.headDone && !transform.pendingText.includes('<');

/** Where the kit goes in the page's last text: before its closing tags, else at its very end. */
function withBodyKit(tail: string, kit: string): string {
  // The closing tags are at the very end: look at the end only (a regex anchored at $ tries every position).
  const from = Math.max(0, tail.length - HOLD);
  const closing = CLOSING.exec(tail.slice(from));
  const at = closing && closing[0].trim() ? from + closing.index + closing[0].search(/<\//) : tail.length;
  return tail.slice(0, at) + kit + tail.slice(at);
}

/** A whole page at once (prerendered pages). */
export function transformPageText(html: string, handler: PageHandler): string {
  const transform = new PageTransform(handler);
  let out = '';
  let at = 0;
  let markers: Markers | undefined;
  let markerAt = -1;
  while (at < html.length) {
    const end = markerAt >= at ? Math.max(at + PIECE, markerAt + PAST_MARKER) : at + (transform.headDone ? STEP : PIECE);
    out += transform.write(html.slice(at, end));
    at = Math.min(end, html.length);
    if (transform.isFragment) return out + html.slice(at);
    if (!mayStop(transform) || at >= html.length) continue;
    if (!markers) {
      const list = handler.bodyMarkers();
      if (!list) return out + transform.write(html.slice(at)) + transform.end();
      markers = new Markers(list);
    }
    if (markerAt < at) markerAt = markers.indexInText(html, at);
    if (markerAt < 0) return out + withBodyKit(transform.drain() + html.slice(at), handler.bodyEnd());
  }
  return out + transform.end();
}

/**
 * A whole page as UTF-8 bytes (prerendered pages): the same reading as a stream's, in one go. The
 * body past what must be read stays bytes, never decoded: a large page costs little more memory
 * than the page itself.
 */
export function transformPageBytes(bytes: Uint8Array<ArrayBuffer>, handler: PageHandler): Uint8Array<ArrayBuffer> {
  const page = new PageStream(handler);
  return concat([...page.push(bytes), ...page.end()]) as Uint8Array<ArrayBuffer>;
}

/**
 * A page as a stream of UTF-8 bytes (on-demand pages); the output is UTF-8 too, one chunk out per
 * chunk in at most (each is a write to the socket). A pull source rather than a TransformStream:
 * `pipeThrough` costs a small page more than the transform itself.
 */
export function transformPageStream(body: ReadableStream<Uint8Array>, handler: PageHandler): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return streamOn(reader, reader.read(), new PageStream(handler));
}

/**
 * A page as it comes (on-demand pages). Astro sends a page rendered at once as one chunk: when the
 * body has ended by the time its first chunk is here, the page is transformed as text and sent
 * whole (no stream to keep, one write); a page still streaming (a slow promise in its body) is
 * transformed as a stream, its head sent at once.
 */
export async function transformPageBody(
  body: ReadableStream<Uint8Array>,
  handler: PageHandler,
): Promise<string | ReadableStream<Uint8Array>> {
  const reader = body.getReader();
  const first = await reader.read();
  if (first.done) return transformPageText('', handler);
  const next = reader.read();
  const after = await Promise.race([next, NOT_YET]);
  if (after?.done) return transformPageText(new TextDecoder().decode(first.value), handler);
  return streamOn(reader, Promise.resolve(first), new PageStream(handler), next);
}

/** The output stream: pulls from `reader`, starting with `current` (and `next`, when already asked for). */
function streamOn(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  current: Promise<ReadableStreamReadResult<Uint8Array>>,
  page: PageStream,
  pending?: Promise<ReadableStreamReadResult<Uint8Array>>,
): ReadableStream<Uint8Array> {
  let next = current;
  let following = pending;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Until something goes out: a chunk may be held back whole.
      for (;;) {
        const { done, value } = await next;
        const parts = done ? page.end() : page.push(value);
        next = following ?? reader.read();
        following = undefined;
        // A page rendered at once arrives as one chunk and the end: sent as one write, not two.
        const after = done ? undefined : await Promise.race([next, NOT_YET]);
        if (after?.done) parts.push(...page.end());
        const out = concat(parts);
        if (out.length > 0) controller.enqueue(out as Uint8Array);
        if (done || after?.done) return controller.close();
        if (out.length > 0) return;
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** Settles at once: beside a read, tells whether the read had already settled. */
const NOT_YET = Promise.resolve(undefined);

/**
 * Lower-case ASCII markers, found in any letter case, in text or in UTF-8 bytes. Bytes are decoded
 * for the search (a string search runs far faster than one over a Uint8Array), and a hit is mapped
 * back to its byte. A marker's first character is looked for with indexOf, in both cases.
 */
class Markers {
  readonly #markers: string[];
  readonly #firstChars: string[];
  readonly #decoder = new TextDecoder();
  readonly longest: number;

  constructor(markers: readonly string[]) {
    this.#markers = markers.map((marker) => marker.toLowerCase());
    this.#firstChars = [...new Set(this.#markers.flatMap((marker) => [marker[0], marker[0].toUpperCase()]))];
    this.longest = Math.max(0, ...this.#markers.map((marker) => marker.length));
  }

  /** The first marker's position in `text` from `from` on, or -1. */
  indexInText(text: string, from = 0): number {
    let found = -1;
    for (const first of this.#firstChars) {
      for (let at = text.indexOf(first, from); at >= 0 && (found < 0 || at < found); at = text.indexOf(first, at + 1)) {
        if (this.#markers.some((marker) => marker[0] === first.toLowerCase() && matchesAt(text, at, marker))) {
          found = at;
          break;
        }
      }
    }
    return found;
  }

  /** The first marker's byte position in `bytes` from `from` on, or -1. */
  indexIn(bytes: Uint8Array<ArrayBufferLike>, from = 0): number {
    // Markers are ASCII: none starts inside a character, so start the search at a character's start.
    while (from > 0 && from < bytes.length && (bytes[from] & 0xc0) === 0x80) from--;
    const text = this.#decoder.decode(bytes.subarray(from));
    const at = this.indexInText(text);
    return at < 0 ? -1 : from + utf8Length(text, at);
  }
}

function matchesAt(text: string, at: number, marker: string): boolean {
  if (at + marker.length > text.length) return false;
  for (let i = 1; i < marker.length; i++) {
    const code = text.charCodeAt(at + i);
    if ((code >= 65 && code <= 90 ? code | 0x20 : code) !== marker.charCodeAt(i)) return false;
  }
  return true;
}

/** The UTF-8 length of `text`'s first `end` code units. */
function utf8Length(text: string, end: number): number {
  let bytes = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? (i++, 4) : 3;
  }
  return bytes;
}

/** How many bytes at the end of `bytes` begin a UTF-8 character that isn't complete. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? back : 0;
  }
  return 0;
}

function concat(parts: Uint8Array<ArrayBufferLike>[]): Uint8Array<ArrayBufferLike> {
  parts = parts.filter((part) => part.length > 0);
  if (parts.length === 1) return parts[0];
  if (parts.length === 0) return new Uint8Array(0);
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

class PageStream {
  readonly #handler: PageHandler;
  readonly #transform: PageTransform;
  readonly #decoder = new TextDecoder();
  readonly #encoder = new TextEncoder();
  #mode: 'read' | 'pass' | 'fragment' = 'read';
  /** The handler's markers, once the head is behind; null: every byte is read. */
  #markers: Markers | null | undefined;
  /** 'pass': page bytes sent as they came, kept in case the tokenizer must catch up on them. */
  #passed: Uint8Array<ArrayBufferLike>[] = [];
  /** 'pass': the last bytes, not sent yet (the end of the page may be among them). */
  #held: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  /** Where the page's own bytes begin in #held; before them: output the tokenizer wrote, final. */
  #heldInputFrom = 0;
  /** The first bytes of a character the last bytes read ended in (the decoder gets whole characters only). */
  #carry: Uint8Array<ArrayBufferLike> = new Uint8Array(0);

  constructor(handler: PageHandler) {
    this.#handler = handler;
    this.#transform = new PageTransform(handler);
  }

  push(chunk: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike>[] {
    if (this.#mode === 'fragment') return [chunk];
    if (this.#mode === 'pass') return this.#pass(chunk);
    return this.#readFrom(chunk);
  }

  end(): Uint8Array<ArrayBufferLike>[] {
    if (this.#mode === 'fragment') return [];
    if (this.#mode === 'pass') return [this.#encoder.encode(withBodyKit(this.#decoder.decode(this.#held), this.#handler.bodyEnd()))];
    const rest = this.#decoder.decode(this.#carry);
    return [this.#encoder.encode(this.#transform.write(rest) + this.#transform.end())];
  }

  /** Reads `chunk` a piece at a time; passes the rest once nothing ahead in it may change. */
  #readFrom(chunk: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike>[] {
    const out: Uint8Array<ArrayBufferLike>[] = [];
    let markerAt = -1;
    for (let at = 0; at < chunk.length;) {
      const end = Math.min(
        chunk.length,
        markerAt >= at ? Math.max(at + PIECE, markerAt + PAST_MARKER) : at + (this.#transform.headDone ? STEP : PIECE),
      );
      out.push(this.#read(chunk.subarray(at, end)));
      at = end;
      if (this.#transform.isFragment) {
        this.#mode = 'fragment';
        out.push(this.#encoder.encode(this.#transform.drain()), chunk.subarray(at));
        return out;
      }
      // Stop only where no half of a character waits to be read.
      if (at >= chunk.length || !mayStop(this.#transform) || this.#carry.length > 0) continue;
      if (this.#markers === undefined) {
        const list = this.#handler.bodyMarkers();
        this.#markers = list ? new Markers(list) : null;
      }
      if (this.#markers === null) {
        out.push(this.#read(chunk.subarray(at)));
        return out;
      }
      if (markerAt < at) markerAt = this.#markers.indexIn(chunk, at);
      if (markerAt < 0) {
        out.push(...this.#startPassing(chunk.subarray(at)));
        return out;
      }
    }
    return out;
  }

  #read(bytes: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike> {
    const all = this.#carry.length ? concat([this.#carry, bytes]) : bytes;
    const cut = all.length - incompleteTail(all);
    this.#carry = all.slice(cut);
    return this.#encoder.encode(this.#transform.write(this.#decoder.decode(all.subarray(0, cut))));
  }

  /** `rest` holds no marker (just searched). */
  #startPassing(rest: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike>[] {
    this.#mode = 'pass';
    // What the tokenizer wrote is held like the page's bytes: the page's end may be in it.
    this.#held = this.#encoder.encode(this.#transform.drain());
    this.#heldInputFrom = this.#held.length;
    return this.#pass(rest, true);
  }

  /** `scanned`: the chunk is known to hold no marker. */
  #pass(chunk: Uint8Array<ArrayBufferLike>, scanned = false): Uint8Array<ArrayBufferLike>[] {
    const markers = this.#markers!;
    const heldInput = this.#held.subarray(this.#heldInputFrom);
    // A marker cut by the chunk boundary: the held page bytes and the chunk's first bytes, together.
    const seam = concat([heldInput, chunk.subarray(0, markers.longest)]);
    if (markers.indexIn(seam) >= 0 || (!scanned && markers.indexIn(chunk) >= 0)) return this.#catchUp(chunk);
    if (chunk.length < HOLD) {
      const all = concat([this.#held, chunk]);
      let keep = Math.min(HOLD, all.length);
      while (keep < all.length && (all[all.length - keep] & 0xc0) === 0x80) keep++;
      const sent = all.subarray(0, all.length - keep);
      if (sent.length > this.#heldInputFrom) this.#passed.push(sent.subarray(this.#heldInputFrom));
      this.#heldInputFrom = Math.max(0, this.#heldInputFrom - sent.length);
      this.#held = all.slice(all.length - keep);
      return [sent];
    }
    // Hold the chunk's last HOLD bytes, from the start of a character; send the rest (no copy).
    let keep = HOLD;
    while (keep < chunk.length && (chunk[chunk.length - keep] & 0xc0) === 0x80) keep++;
    const sent = chunk.subarray(0, chunk.length - keep);
    this.#passed.push(heldInput, sent);
    const out = [this.#held, sent];
    this.#held = chunk.slice(chunk.length - keep);
    this.#heldInputFrom = 0;
    return out;
  }

  /** A link may change after all: the tokenizer reads what was passed (writing nothing) and reads on. */
  #catchUp(chunk: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike>[] {
    this.#transform.skip(this.#decoder.decode(concat(this.#passed)));
    const written = this.#held.subarray(0, this.#heldInputFrom);
    const input = concat([this.#held.subarray(this.#heldInputFrom), chunk]);
    this.#passed = [];
    this.#held = new Uint8Array(0);
    this.#heldInputFrom = 0;
    this.#mode = 'read';
    return [written, ...this.#readFrom(input)];
  }
}
