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
import { SETTING_PREFIX } from '../shared/page-setting.ts';
import { PageTransform, type PageHandler } from './page-transform.ts';

/** How much the tokenizer reads at a time between checks whether it may stop. */
const PIECE = 512;
/** When a piece ended inside a tag: how much more to read before checking again. */
const STEP = 32;
/** Bytes held back at the end of what has come: room for a marker cut by a chunk boundary, and the closing tags. */
const HOLD = 256;
/** A marker is in the tag it stands in: read this far past it before checking again. */
const PAST_MARKER = 64;
const EMPTY = new Uint8Array(0);
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

/**
 * A page that is here whole tells its handler its frontmatter markers before the transform starts:
 * they decide what the head gets. Only a page holding the marker's prefix is read for them (a
 * search for `%` the body scan makes anyway), by the tokenizer, so text in an attribute or a
 * comment is no marker.
 */
function readSettingsAhead(page: string | Uint8Array<ArrayBufferLike>, handler: PageHandler): void {
  if (!handler.settingMarkers) return;
  const prefix = markersFor(SETTING_PREFIXES);
  const found = prefix.indexIn(page);
  if (found < 0) return;
  const contents: string[] = [];
  const probe = new PageTransform({
    headStart: () => '',
    title: () => {},
    headEnd: () => '',
    link: () => undefined,
    bodyEnd: () => '',
    bodyMarkers: () => undefined,
    settingMarker: (content) => contents.push(content),
  });
  probe.write(typeof page === 'string' ? page : new TextDecoder().decode(page));
  probe.end();
  handler.settingMarkers(contents);
}
const SETTING_PREFIXES = [SETTING_PREFIX];

/** A whole page at once (prerendered pages). */
export function transformPageText(html: string, handler: PageHandler): string {
  readSettingsAhead(html, handler);
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
      markers = markersFor(list);
    }
    if (markerAt < at) markerAt = markers.indexIn(html, at);
    if (markerAt < 0) return out + withBodyKit(transform.drain() + html.slice(at), handler.bodyEnd());
  }
  return out + transform.end();
}

/**
 * A whole page as UTF-8 bytes (prerendered pages): the same reading as a stream's, in one go. The
 * body past what must be read stays bytes, never decoded: a large page costs little more memory
 * than the page itself.
 */
export function transformPageBytes(bytes: Uint8Array<ArrayBufferLike>, handler: PageHandler): Uint8Array<ArrayBuffer> {
  readSettingsAhead(bytes, handler);
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
 * A page as it comes (on-demand pages). Astro sends a page rendered at once in one chunk (Node) or
 * a few (workerd), each a few microtask turns after the last: when the body has ended that way,
 * the page is transformed whole and sent in one write (no stream to keep; its frontmatter markers
 * read ahead). A page still streaming (a slow promise in its body) is transformed as a stream,
 * what has come so far at once.
 */
export async function transformPageBody(
  body: ReadableStream<Uint8Array>,
  handler: PageHandler,
): Promise<string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>> {
  const reader = body.getReader();
  const first = await reader.read();
  if (first.done) return transformPageText('', handler);
  const chunks = [first.value];
  let next = reader.read();
  for (let after = await settledSoon(next); after; after = await settledSoon(next)) {
    if (after.done) return transformPageBytes(concat(chunks), handler);
    chunks.push(after.value);
    next = reader.read();
  }
  // What has come already may hold the page's frontmatter markers (a slow part after the content).
  const arrived = concat(chunks);
  readSettingsAhead(arrived, handler);
  return streamOn(reader, Promise.resolve({ done: false, value: arrived }), new PageStream(handler), next);
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
        const after = done ? undefined : await settledSoon(next);
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

/**
 * How many microtask turns a read may take to settle and still count as already there. Astro closes
 * a page's stream a few turns after its last chunk (5 on Astro 7): no I/O, no timer, microseconds.
 * A body that awaits anything real (a fetch, a timer) takes a macrotask, far more than this.
 */
const SOON = 32;

/** `read`'s result if it settles within SOON microtask turns, else undefined (the read goes on). */
async function settledSoon<T>(read: Promise<T>): Promise<T | undefined> {
  let result: T | undefined;
  let settled = false;
  read.then(
    (value) => ((result = value), (settled = true)),
    () => (settled = true),
  );
  for (let turn = 0; turn < SOON && !settled; turn++) await null;
  return result;
}

/**
 * Lower-case ASCII markers, found in any letter case, in text or in UTF-8 bytes. A marker's first
 * character is looked for with the native indexOf, in both cases: over 60 KB of bytes it takes a
 * fifth of the time decoding them for a string search would (Node 22, Deno 2).
 */
/** The handler's list is usually one shared array: its search is set up once, not per page. */
const markersOf = new WeakMap<readonly string[], Markers>();
function markersFor(list: readonly string[]): Markers {
  let markers = markersOf.get(list);
  if (!markers) markersOf.set(list, (markers = new Markers(list)));
  return markers;
}

class Markers {
  /** A marker's first character, in either case: the markers that begin with it. */
  readonly #byFirst: { char: string; byte: number; markers: string[] }[] = [];
  readonly longest: number;

  constructor(markers: readonly string[]) {
    for (const marker of markers.map((marker) => marker.toLowerCase())) {
      for (const char of new Set([marker[0], marker[0].toUpperCase()])) {
        let entry = this.#byFirst.find((entry) => entry.char === char);
        if (!entry) this.#byFirst.push((entry = { char, byte: char.charCodeAt(0), markers: [] }));
        entry.markers.push(marker);
      }
    }
    this.longest = Math.max(0, ...markers.map((marker) => marker.length));
  }

  /** The first marker's position in `text`, or its byte position in UTF-8 `bytes`, from `from` on; -1 if none. */
  indexIn(input: string | Uint8Array<ArrayBufferLike>, from = 0): number {
    // Markers are ASCII, and no byte of a multi-byte UTF-8 character is ASCII: bytes are searched as
    // they are, with the native indexOf, never decoded.
    let found = -1;
    for (const { char, byte, markers } of this.#byFirst) {
      const next = (at: number) => (typeof input === 'string' ? input.indexOf(char, at) : nextByte(input, byte, at));
      for (let at = next(from); at >= 0 && (found < 0 || at < found); at = next(at + 1)) {
        if (startsAny(input, at, markers)) {
          found = at;
          break;
        }
      }
    }
    return found;
  }
}

/**
 * Where each byte was last looked for in a page's bytes, and found (-1: not to the end). A whole page
 * is searched more than once (its frontmatter markers first, then the body from each marker on):
 * a byte that does not occur (often `%`) costs one pass, not one per search.
 */
const searches = new WeakMap<Uint8Array<ArrayBufferLike>, Map<number, { from: number; at: number }>>();

/** `bytes.indexOf(byte, from)`, remembered per page. */
export function nextByte(bytes: Uint8Array<ArrayBufferLike>, byte: number, from: number): number {
  let known = searches.get(bytes);
  if (!known) searches.set(bytes, (known = new Map()));
  const last = known.get(byte);
  // None between where it was last looked for and where it was found (or the end).
  if (last && from >= last.from && (last.at < 0 || from <= last.at)) return last.at;
  const at = bytes.indexOf(byte, from);
  known.set(byte, { from, at });
  return at;
}

function startsAny(input: string | Uint8Array<ArrayBufferLike>, at: number, markers: string[]): boolean {
  for (const marker of markers) if (matchesAt(input, at, marker)) return true;
  return false;
}

/** Whether `marker` (lower-case ASCII) stands at `at`, in any letter case: in text, or in bytes. */
function matchesAt(input: string | Uint8Array<ArrayBufferLike>, at: number, marker: string): boolean {
  if (at + marker.length > input.length) return false;
  for (let i = 1; i < marker.length; i++) {
    const code = typeof input === 'string' ? input.charCodeAt(at + i) : input[at + i];
    if ((code >= 65 && code <= 90 ? code | 0x20 : code) !== marker.charCodeAt(i)) return false;
  }
  return true;
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
  if (parts.length === 0) return EMPTY;
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
  #held: Uint8Array<ArrayBufferLike> = EMPTY;
  /** Where the page's own bytes begin in #held; before them: output the tokenizer wrote, final. */
  #heldInputFrom = 0;
  /** The first bytes of a character the last bytes read ended in (the decoder gets whole characters only). */
  #carry: Uint8Array<ArrayBufferLike> = EMPTY;

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

  /**
   * Reads `chunk` a piece at a time; passes the rest once nothing ahead in it may change. What the
   * tokenizer writes is gathered as text and encoded once (an encode per piece costs a small page
   * more than its tokenizing).
   */
  #readFrom(chunk: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike>[] {
    let text = '';
    const done = (...rest: Uint8Array<ArrayBufferLike>[]) => [this.#encoder.encode(text), ...rest];
    let markerAt = -1;
    for (let at = 0; at < chunk.length;) {
      const end = Math.min(
        chunk.length,
        markerAt >= at ? Math.max(at + PIECE, markerAt + PAST_MARKER) : at + (this.#transform.headDone ? STEP : PIECE),
      );
      text += this.#read(chunk.subarray(at, end));
      at = end;
      if (this.#transform.isFragment) {
        this.#mode = 'fragment';
        text += this.#transform.drain();
        // The first bytes of a character the piece cut go on with the rest, undecoded.
        const rest = concat([this.#carry, chunk.subarray(at)]);
        this.#carry = EMPTY;
        return done(rest);
      }
      // Stop only where no half of a character waits to be read.
      if (at >= chunk.length || !mayStop(this.#transform) || this.#carry.length > 0) continue;
      if (this.#markers === undefined) {
        const list = this.#handler.bodyMarkers();
        this.#markers = list ? markersFor(list) : null;
      }
      if (this.#markers === null) {
        text += this.#read(chunk.subarray(at));
        return done();
      }
      if (markerAt < at) markerAt = this.#markers.indexIn(chunk, at);
      if (markerAt < 0) return done(...this.#startPassing(chunk.subarray(at)));
    }
    return done();
  }

  /** Reads `bytes` (after any character the last ones cut); returns what the tokenizer wrote. */
  #read(bytes: Uint8Array<ArrayBufferLike>): string {
    const all = this.#carry.length ? concat([this.#carry, bytes]) : bytes;
    const cut = all.length - incompleteTail(all);
    this.#carry = cut < all.length ? all.slice(cut) : EMPTY;
    return this.#transform.write(this.#decoder.decode(all.subarray(0, cut)));
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
    this.#held = EMPTY;
    this.#heldInputFrom = 0;
    this.#mode = 'read';
    return [written, ...this.#readFrom(input)];
  }
}
