/**
 * Runs the page transform over a whole page (prerendered) or a stream of bytes (on demand).
 *
 * The tokenizer reads the head always (its places and title come from there), and the body up to
 * the last place where a link may change: where the handler's `bodyMarkers` (`#whatsapp`…) appear.
 * Reading every byte of a page costs an on-demand server more than Astro's own rendering of it,
 * so from the last marker on the page passes as the bytes it came in, and the body's kit goes
 * before the document's closing `</body></html>` (whitespace between allowed). No byte of the page
 * follows the insertion but those closing tags: nothing the page holds (an attribute value with
 * `</body>` in it) can be read differently because of it, and the parser puts the kit at the end
 * of `<body>`. A page that ends without them is read to its end after all (only the tokenizer
 * knows whether that end is plain data, or inside a tag or a comment). When a
 * marker turns up in bytes still to come, the tokenizer first catches up on the bytes passed
 * (writing nothing there) and reads on. The last bytes that came are held back until more come
 * (room for a marker cut in two, and for the closing tags); when more are a while away (a slow
 * part of the page), the tokenizer catches up the same way and all it can tell is final goes out
 * before the wait.
 */
import { SETTING_PREFIX } from '../shared/page-setting.ts';
import { markersFor, type Markers } from './markers.ts';
import { inBytes, learns, PAGE_LIMIT, RECIPE_LIMIT, sharedLength, type PageRecipe, type Remembered } from './page-memory.ts';
import { PageTransform, performStep, type Edit, type PageHandler, type Step } from './page-transform.ts';
import { bytesOf, concat, EMPTY, encodedText, encoder, exactDecoder, incompleteTail, pieceDecoder } from './utf8-bytes.ts';

/** How much the tokenizer reads at a time between checks whether it may stop. */
const PIECE = 512;
/** How far a page's first piece may reach to end at its `<body>` tag (documentation sites' heads are 3–4 KB). */
const HEAD_WINDOW = 16 * 1024;
/** When a piece ended inside a tag: how much more to read before checking again. */
const STEP = 32;
/** Bytes held back at the end of what has come: room for a marker cut by a chunk boundary, and the closing tags. */
const HOLD = 256;
/** A marker is in the tag it stands in: read this far past it before checking again. */
const PAST_MARKER = 64;
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const tailDecoder = new TextDecoder();
const CLOSING = /(?:<\/body\s*>\s*)?(?:<\/html\s*>\s*)?$/i;

/**
 * The tokenizer may stop reading here: the head is behind, and what it read but hasn't written is
 * plain text, not the start of a tag or comment a later byte could finish.
 */
const mayStop = (transform: PageTransform) => transform.headDone && !transform.pendingText.includes('<');

/** `<body` then a space, `/` or `>` at `i`, in bytes or in UTF-16 units (the same in ASCII; Astro writes tags in lower case). */
function isBodyTag(unit: (i: number) => number, i: number): boolean {
  if (unit(i + 1) !== 0x62 || unit(i + 2) !== 0x6f || unit(i + 3) !== 0x64 || unit(i + 4) !== 0x79) return false;
  const after = unit(i + 5);
  return after === 0x3e || after === 0x20 || after === 0x2f || after === 0x0a || after === 0x09 || after === 0x0d || after === 0x0c;
}

/**
 * Where the first piece read in a page's head ends: just past the first `<body …>` tag within
 * HEAD_WINDOW (a head is tokenized in one write, and a small one not on into the body only to reach
 * PIECE), else PIECE. Once a page: a `<body` in a comment or an attribute must not cut every later
 * piece small (parse5 slows down on many small writes inside one token). Only where a piece is cut:
 * the tokenizer says where the head ends.
 */
export function pieceInHead(chunk: Uint8Array<ArrayBufferLike>, at: number): number {
  const window = Math.min(chunk.length, at + HEAD_WINDOW);
  const piece = chunk.subarray(0, window);
  for (let i = piece.indexOf(0x3c, at); i >= 0 && i + 5 < window; i = piece.indexOf(0x3c, i + 1)) {
    if (!isBodyTag((k) => piece[k], i)) continue;
    const close = piece.indexOf(0x3e, i + 5);
    return close >= 0 ? close + 1 : Math.min(window, at + PIECE);
  }
  return Math.min(chunk.length, at + PIECE);
}

/**
 * Where the kit goes in the page's last text: before its closing tags; undefined when it has none
 * (then only the tokenizer can tell whether the end is plain data, or inside a tag or a comment,
 * where nothing may be added: the passed bytes are read after all).
 */
function bodyKitPlace(tail: string): number | undefined {
  // The closing tags are at the very end: look at the end only (a regex anchored at $ tries every position).
  const from = Math.max(0, tail.length - HOLD);
  const closing = CLOSING.exec(tail.slice(from));
  return closing && closing[0].trim() ? from + closing.index + closing[0].search(/<\//) : undefined;
}

/**
 * The page's last bytes (a few hundred) with the kit before their closing tags, at `place` in
 * their text (bodyKitPlace): the bytes stay as they came.
 */
function withBodyKitBytes(tail: Uint8Array<ArrayBufferLike>, text: string, place: number, kit: string): Uint8Array<ArrayBufferLike>[] {
  // The closing tags and the whitespace between them: no character a decoder could have replaced.
  const at = tail.length - encoder.encode(text.slice(place)).length;
  return [tail.subarray(0, at), encodedText(kit), tail.subarray(at)];
}

/**
 * A page that is here whole tells its handler its frontmatter markers before the transform starts:
 * they decide what the head gets. Only a page holding the marker's prefix is read for them (an
 * indexOf pass over its bytes finds it), by the tokenizer, so text in an attribute or a comment is
 * no marker. Returns what the handler was told (undefined: nothing).
 */
function readSettingsAhead(page: string | Uint8Array<ArrayBufferLike>, handler: PageHandler): readonly string[] | undefined {
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
  return contents;
}
const SETTING_PREFIXES = [SETTING_PREFIX];

/**
 * A whole page as UTF-8 bytes (prerendered pages, and on-demand pages rendered at once): the same
 * reading as a stream's, in one go. The body past what must be read stays bytes, never decoded: a
 * large page costs little more memory than the page itself. With `remembered`, a page whose first
 * bytes are those of the last page at its address is not read again (page-memory.ts).
 */
export function transformPageBytes(
  bytes: Uint8Array<ArrayBufferLike>,
  handler: PageHandler,
  remembered?: Remembered,
): Uint8Array<ArrayBuffer> {
  const recipe = remembered?.memory.recall(remembered.key);
  const replayed = recipe && PageStream.replay(recipe, bytes, handler);
  if (replayed) {
    recipe.misses = 0;
    return concat(replayed) as Uint8Array<ArrayBuffer>;
  }
  // Most pages hold no marker at all (no link that may change, no frontmatter marker): one search
  // of the whole page for the handler's `markers` says so. Then the frontmatter's markers are not
  // read ahead, and the body is not searched again when `bodyMarkers` answers with that list.
  const list = handler.markers;
  const absent = list?.includes(SETTING_PREFIX) && markersFor(list).indexIn(bytes) < 0 ? list : undefined;
  const ahead = absent ? undefined : readSettingsAhead(bytes, handler);
  const misses = recipe ? recipe.misses + 1 : 0;
  const learning = remembered && learns(misses);
  const page = new PageStream(handler, learning ? [] : undefined, absent);
  const out = concat([...page.push(bytes), ...page.end()]) as Uint8Array<ArrayBuffer>;
  const sections = handler.sections?.();
  // A link changed before the section it goes to (a table of contents before its headings): again,
  // the section known. A page with such sections is never remembered: a page replayed reads no ids.
  if (sections === 'late') return transformPageBytes(bytes, handler);
  const learned = learning && sections !== 'read' && page.recipe(bytes, ahead, misses);
  if (learned) remembered.memory.keep(remembered.key, learned);
  else if (recipe) recipe.misses = misses;
  return out;
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
  remembered?: Remembered,
): Promise<string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>> {
  const reader = body.getReader();
  const first = await reader.read();
  if (first.done) return transformPageBytes(EMPTY, handler);
  const chunks = [bytesOf(first.value)];
  let next = reader.read();
  for (let after = await settledSoon(next); after; after = await settledSoon(next)) {
    if (after.done) return transformPageBytes(concat(chunks), handler, remembered);
    chunks.push(bytesOf(after.value));
    next = reader.read();
  }
  // What has come already may hold the page's frontmatter markers (a slow part after the content).
  const arrived = concat(chunks);
  readSettingsAhead(arrived, handler);
  return streamOn(reader, Promise.resolve({ done: false, value: arrived }), new PageStream(handler), next);
}

/**
 * A page read to its end, then transformed whole (a prerendered page: it goes to a file, so nothing
 * waits on it, and its frontmatter markers are read ahead even when Astro streamed it, as it does in
 * a build with an adapter, on Cloudflare and in `astro dev`). Read with a reader: `arrayBuffer()`
 * copies the page twice more.
 */
export async function transformWholePage(body: ReadableStream<Uint8Array>, handler: PageHandler): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array<ArrayBufferLike>[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(bytesOf(read.value));
  return transformPageBytes(concat(chunks), handler);
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
  /** The page's source failed after what it sent was given out: its error, for the next pull. */
  let failure: { error: unknown } | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (failure) throw failure.error;
      // Until something goes out: a chunk may be held back whole.
      for (;;) {
        let read: ReadableStreamReadResult<Uint8Array>;
        try {
          read = await next;
        } catch (error) {
          // A component threw mid-page: what came goes out as it came, then the error (an error
          // empties the stream's queue, so it waits for the next pull), as without the kit.
          const left = concat(page.failed());
          if (left.length === 0) throw error;
          failure = { error };
          return controller.enqueue(left as Uint8Array);
        }
        const { done, value } = read;
        const parts = done ? page.end() : page.push(bytesOf(value));
        next = following ?? reader.read();
        following = undefined;
        // A page rendered at once arrives as one chunk and the end: sent as one write, not two.
        const after = done ? undefined : await settledSoon(next);
        if (after?.done) parts.push(...page.end());
        // The rest is a while away: nothing the page has sent waits for it.
        else if (!done && !after) parts.push(...page.flush());
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

/** How many of a passing chunk's last bytes are held back (HOLD, or all of a shorter one; from the start of a character). */
function heldBack(chunk: Uint8Array<ArrayBufferLike>): number {
  let keep = Math.min(HOLD, chunk.length);
  while (keep < chunk.length && (chunk[chunk.length - keep] & 0xc0) === 0x80) keep++;
  return keep;
}

class PageStream {
  readonly #handler: PageHandler;
  readonly #transform: PageTransform;
  #mode: 'read' | 'pass' | 'fragment' = 'read';
  /** Whether the first piece in the head has been cut (pieceInHead, once a page). */
  #headCut = false;
  /** The handler's markers, once the head is behind; null: every byte is read. */
  #markers: Markers | null | undefined;
  #markerList: readonly string[] | undefined;
  /** Whether no chunk has been pushed yet. */
  #first = true;
  /** Where the first chunk began to pass (bytes), when it did. */
  #cut: number | undefined;
  /** How many characters the tokenizer has been given. */
  #decodedLength = 0;
  /** 'pass': page bytes sent as they came, kept in case the tokenizer must catch up on them. */
  #passed: Uint8Array<ArrayBufferLike>[] = [];
  /** 'pass': the last bytes, not sent yet (the end of the page may be among them). */
  #held: Uint8Array<ArrayBufferLike> = EMPTY;
  /** Where the page's own bytes begin in #held; before them: output the tokenizer wrote, final. */
  #heldInputFrom = 0;
  /** The first bytes of a character the last bytes read ended in (the decoder gets whole characters only). */
  #carry: Uint8Array<ArrayBufferLike> = EMPTY;

  /** Markers the first chunk is known to hold none of (searched for already). */
  readonly #absent: readonly string[] | undefined;
  /**
   * The page's bytes as they came, until its head is complete: a page that turns out to be no
   * whole UTF-8 document (a fragment, or a `<meta>` that names another encoding) goes out as these.
   */
  #raw: Uint8Array<ArrayBufferLike>[] | undefined = [];
  /** The page began with UTF-8's byte-order mark: the output does too (the tokenizer never sees it). */
  #bom = false;
  /** Bytes that are no UTF-8 came before the head was complete: the page is untouched. */
  #notUtf8 = false;

  /** `log`: the transform's steps are written down, for `recipe`; `absent`: markers the first chunk holds none of. */
  constructor(handler: PageHandler, log?: Step[], absent?: readonly string[]) {
    this.#handler = handler;
    this.#transform = new PageTransform(handler, log);
    this.#absent = absent;
  }

  push(chunk: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike>[] {
    const first = this.#first;
    this.#first = false;
    if (this.#mode === 'fragment') return [chunk];
    if (this.#mode === 'pass') return this.#pass(chunk);
    if (first) {
      // UTF-16's byte-order mark (either way round): no UTF-8 document at all.
      if ((chunk[0] === 0xfe && chunk[1] === 0xff) || (chunk[0] === 0xff && chunk[1] === 0xfe)) return this.#untouched([chunk]);
      this.#bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
    }
    this.#raw?.push(chunk);
    return this.#sent(this.#readFrom(chunk, first));
  }

  /** What leaves: once the head is complete, with the page's byte-order mark first; until then, nothing. */
  #sent(parts: Uint8Array<ArrayBufferLike>[]): Uint8Array<ArrayBufferLike>[] {
    if (this.#mode === 'fragment') return this.#untouched(this.#raw ?? []);
    if (!this.#raw || !this.#transform.headEnded) return parts;
    this.#raw = undefined;
    return this.#bom ? [BOM, ...parts] : parts;
  }

  /** The page is no whole UTF-8 document: its bytes go out as they came, and the rest passes. */
  #untouched(bytes: Uint8Array<ArrayBufferLike>[]): Uint8Array<ArrayBufferLike>[] {
    this.#mode = 'fragment';
    this.#raw = undefined;
    this.#carry = EMPTY;
    return bytes;
  }

  /**
   * What replays this page's reading for a page with the same first bytes: when its first chunk
   * (`page`, whole) took it to passing, its steps were written down and none was dropped, and
   * those bytes were decoded as they are (valid UTF-8, no byte-order mark taken out). `ahead`:
   * the frontmatter markers read ahead of the page (what its handler's `settingMarkers` was
   * given); only a page whose body markers include theirs is remembered, so the rest of a page
   * replayed holds none and those of its first bytes are these.
   */
  recipe(page: Uint8Array<ArrayBufferLike>, ahead: readonly string[] | undefined, misses = 0): PageRecipe | undefined {
    const steps = this.#transform.log;
    const cut = this.#cut;
    const list = this.#markerList;
    if (!steps || cut === undefined || cut > RECIPE_LIMIT || this.#mode !== 'pass' || !this.#markers || !list) return;
    if (this.#handler.settingMarkers && !list.includes(SETTING_PREFIX)) return;
    const end = cut + this.#markers.longest;
    if (end > page.length) return;
    let text: string;
    try {
      text = exactDecoder.decode(page.subarray(0, cut));
    } catch {
      return;
    }
    if (text.length !== this.#decodedLength) return;
    return {
      page: page.slice(0, Math.max(end, Math.min(page.length, PAGE_LIMIT))),
      prefix: end,
      cut,
      markers: list,
      ahead,
      steps: inBytes(steps, text),
      misses,
    };
  }

  /**
   * A page with a recipe's first bytes, read by the recipe: its handler takes the same steps and
   * the edits go into the bytes; the rest passes as a read page's would. Undefined when the recipe
   * does not hold for this page (other bytes, a marker in the rest, a short rest, other markers):
   * the page is then read, and its handler may have been told its frontmatter markers already
   * (told again, the same).
   */
  static replay(recipe: PageRecipe, page: Uint8Array<ArrayBufferLike>, handler: PageHandler): Uint8Array<ArrayBufferLike>[] | undefined {
    const { cut } = recipe;
    // A rest shorter than what is held back would hold the end of the read part too: read it.
    if (page.length < cut + HOLD) return;
    // The rest passes as a read page's (#pass, end): all but its last bytes, then those with the
    // body's kit before its closing tags. A page without them is read (its end decides).
    const held = page.length - heldBack(page.subarray(cut));
    const tailText = tailDecoder.decode(page.subarray(held));
    const place = bodyKitPlace(tailText);
    if (place === undefined) return;
    const shared = sharedLength(page, recipe.page);
    if (shared < recipe.prefix) return;
    // No marker in the rest (so no frontmatter marker either: see `recipe`). As far as it is the
    // remembered page's, whose rest held none, it holds none: only where it differs (and a
    // marker's length before, for one that would begin in the shared part) is searched.
    const markers = markersFor(recipe.markers);
    if (shared < page.length && markers.indexIn(page, Math.max(cut, shared - markers.longest + 1)) >= 0) return;
    if (recipe.ahead) handler.settingMarkers?.(recipe.ahead);
    if (handler.bodyMarkers() !== recipe.markers) return;
    const edits: Edit[] = [];
    for (const step of recipe.steps) {
      const edit = performStep(handler, step);
      if (edit) edits.push(edit);
    }
    // As the transform orders them: by place, one made later at the same place after (sort is stable).
    edits.sort((a, b) => a.start - b.start);
    const parts: Uint8Array<ArrayBufferLike>[] = [];
    let at = 0;
    for (const edit of edits) {
      parts.push(page.subarray(at, edit.start), encodedText(edit.text));
      at = edit.end;
    }
    parts.push(page.subarray(at, cut));
    parts.push(page.subarray(cut, held), ...withBodyKitBytes(page.subarray(held), tailText, place, handler.bodyEnd()));
    return parts;
  }

  /**
   * The page's next bytes are a while away (a slow part of the page): all the tokenizer can tell
   * is final goes out now, for the visitor to see meanwhile. Bytes passed unread are read first
   * (writing nothing): only the tokenizer knows whether they end inside a tag, a `<noscript>` or
   * anything else a later byte may change, and those wait. Reading continues from here.
   */
  flush(): Uint8Array<ArrayBufferLike>[] {
    // Until the head is complete nothing leaves (a `<meta>` there may still say another encoding).
    if (this.#mode === 'fragment' || this.#raw) return [];
    let written: Uint8Array<ArrayBufferLike> = EMPTY;
    let text = '';
    if (this.#mode === 'pass') {
      let input: Uint8Array<ArrayBufferLike>;
      [written, input] = this.#stopPassing();
      text = this.#read(input);
    }
    return [written, encoder.encode(text + this.#transform.release())];
  }

  /**
   * The page's source failed: what came and hasn't left, as it came where the head was not complete
   * (nothing of ours had gone out), else as far as it was read; no kit after it.
   */
  failed(): Uint8Array<ArrayBufferLike>[] {
    const mode = this.#mode;
    this.#mode = 'fragment';
    const raw = this.#raw;
    this.#raw = undefined;
    if (mode === 'fragment') return [];
    if (raw) return raw;
    if (mode === 'pass') return [this.#held];
    return [encoder.encode(this.#transform.drain()), this.#carry];
  }

  end(): Uint8Array<ArrayBufferLike>[] {
    if (this.#mode === 'fragment') return [];
    if (this.#mode === 'pass') {
      const text = tailDecoder.decode(this.#held);
      const place = bodyKitPlace(text);
      if (place !== undefined) return withBodyKitBytes(this.#held, text, place, this.#handler.bodyEnd());
      // No closing tags: the bytes passed are read after all, and the end decides where the kit goes.
      const [written, input] = this.#stopPassing();
      return [written, encoder.encode(this.#read(input)), ...this.end()];
    }
    // Ended in half a character before its head was complete: no UTF-8 either.
    if (this.#raw && this.#carry.length > 0) return this.#untouched(this.#raw);
    const rest = pieceDecoder.decode(this.#carry);
    const out = this.#transform.write(rest) + this.#transform.end();
    if (!this.#raw) return [encoder.encode(out)];
    // Ended before its head did: a document gets its kit (end() placed it), anything else passes as it came.
    if (!this.#transform.isDocument) return this.#untouched(this.#raw);
    this.#raw = undefined;
    return this.#bom ? [BOM, encoder.encode(out)] : [encoder.encode(out)];
  }

  /**
   * Reads `chunk` a piece at a time; passes the rest once nothing ahead in it may change. What the
   * tokenizer writes is gathered as text and encoded once (an encode per piece costs a small page
   * more than its tokenizing).
   */
  #readFrom(chunk: Uint8Array<ArrayBufferLike>, first = false): Uint8Array<ArrayBufferLike>[] {
    let text = '';
    const done = (...rest: Uint8Array<ArrayBufferLike>[]) => [encoder.encode(text), ...rest];
    let markerAt = -1;
    for (let at = 0; at < chunk.length;) {
      const end = Math.min(
        chunk.length,
        markerAt >= at
          ? Math.max(at + PIECE, markerAt + PAST_MARKER)
          : this.#transform.headDone
            ? at + STEP
            : this.#headCut
              ? at + PIECE
              : ((this.#headCut = true), pieceInHead(chunk, at)),
      );
      text += this.#read(chunk.subarray(at, end));
      at = end;
      // Not a whole UTF-8 document: `#sent` sends the bytes as they came.
      if (this.#transform.isUntouched || this.#notUtf8) {
        this.#mode = 'fragment';
        return [];
      }
      // Stop only where no half of a character waits to be read.
      if (at >= chunk.length || !mayStop(this.#transform) || this.#carry.length > 0) continue;
      if (this.#markers === undefined) {
        this.#markerList = this.#handler.bodyMarkers();
        this.#markers = this.#markerList ? markersFor(this.#markerList) : null;
      }
      if (this.#markers === null) {
        text += this.#read(chunk.subarray(at));
        return done();
      }
      if (markerAt < at) markerAt = first && this.#markerList === this.#absent ? -1 : this.#markers.indexIn(chunk, at);
      if (markerAt < 0) {
        if (first) this.#cut = at;
        return done(...this.#startPassing(chunk.subarray(at)));
      }
    }
    return done();
  }

  /** Reads `bytes` (after any character the last ones cut); returns what the tokenizer wrote. */
  #read(bytes: Uint8Array<ArrayBufferLike>): string {
    const all = this.#carry.length ? concat([this.#carry, bytes]) : bytes;
    const cut = all.length - incompleteTail(all);
    this.#carry = cut < all.length ? all.slice(cut) : EMPTY;
    let text: string;
    if (this.#raw) {
      // Until the head is complete, bytes that are no UTF-8 say the page is in an encoding neither
      // the header nor a <meta> named (an endpoint's Latin-1): it passes as it came (`#sent`).
      try {
        text = exactDecoder.decode(all.subarray(0, cut));
      } catch {
        this.#notUtf8 = true;
        return '';
      }
    } else text = pieceDecoder.decode(all.subarray(0, cut));
    // A byte-order mark at the very start says UTF-8 and is no part of the document.
    if (this.#decodedLength === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.#decodedLength += text.length;
    return this.#transform.write(text);
  }

  /** `rest` holds no marker (just searched). */
  #startPassing(rest: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike>[] {
    this.#mode = 'pass';
    // What the tokenizer wrote is held like the page's bytes: the page's end may be in it.
    this.#held = encoder.encode(this.#transform.drain());
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
    // Hold the chunk's last HOLD bytes, from the start of a character; send the rest (no copy).
    const keep = heldBack(chunk);
    // A short chunk, or one held back whole (it begins inside a character, whose first bytes are
    // held): held with the bytes before it, so what is held always begins with a whole character.
    if (keep === chunk.length) {
      const all = concat([this.#held, chunk]);
      const allKeep = heldBack(all);
      const sent = all.subarray(0, all.length - allKeep);
      if (sent.length > this.#heldInputFrom) this.#passed.push(sent.subarray(this.#heldInputFrom));
      this.#heldInputFrom = Math.max(0, this.#heldInputFrom - sent.length);
      this.#held = all.slice(all.length - allKeep);
      return [sent];
    }
    const sent = chunk.subarray(0, chunk.length - keep);
    this.#passed.push(heldInput, sent);
    const out = [this.#held, sent];
    this.#held = chunk.slice(chunk.length - keep);
    this.#heldInputFrom = 0;
    return out;
  }

  /** A link may change after all: the tokenizer reads what was passed (writing nothing) and reads on. */
  #catchUp(chunk: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike>[] {
    const [written, input] = this.#stopPassing();
    return [written, ...this.#readFrom(concat([input, chunk]))];
  }

  /** The tokenizer reads what was passed (writing nothing); returns the output held, to send, and the page's bytes held, to read. */
  #stopPassing(): [Uint8Array<ArrayBufferLike>, Uint8Array<ArrayBufferLike>] {
    this.#transform.skip(pieceDecoder.decode(concat(this.#passed)));
    const held: [Uint8Array<ArrayBufferLike>, Uint8Array<ArrayBufferLike>] = [
      this.#held.subarray(0, this.#heldInputFrom),
      this.#held.subarray(this.#heldInputFrom),
    ];
    this.#passed = [];
    this.#held = EMPTY;
    this.#heldInputFrom = 0;
    this.#mode = 'read';
    return held;
  }
}
