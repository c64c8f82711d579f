/**
 * The page transform: adds a page's kit to an HTML document as it streams, at the places the
 * HTML tokenizer (parse5's, as browsers read it) finds, never by searching the text. Astro leaves
 * `<` unescaped in attribute values, so the characters `</head>` may stand in a meta description,
 * a JSON-LD script or a comment; only a tokenizer knows they are data.
 *
 * What goes where: `headStart` right after `<head>` (after a charset `<meta>` that follows it),
 * `headEnd` before `</head>`, `bodyEnd` before the last `</body>`; where a tag is missing, at the
 * place the HTML parsing rules imply (a head closed by `<body>` or by body content). Links whose
 * `href` the page wants changed (`#whatsapp`, `#chat`, WhatsApp links) are rewritten in place,
 * inside `<noscript>` too: only the `href` attribute's own characters are replaced.
 *
 * Only whole documents in UTF-8 are changed: a response whose first content is not a doctype,
 * `<html>` or `<head>` (a server island, a partial, an htmx fragment) passes through untouched, as
 * does a document whose head says, in a `<meta>`, that it is in another encoding, or holds its kit
 * already. Nothing leaves before the head is complete (where such a `<meta>` may still come):
 * page-stream.ts sends a page that turns out untouched as the bytes it came in.
 *
 * Web APIs only (no `node:`): the same code runs in `astro build`, on Node and on workerd.
 * page-stream.ts drives it: the head always, the body only when a link there may change.
 */
import { html, Tokenizer, TokenizerMode, type Token } from 'parse5';
import { SETTING_META_NAME, SETTING_PREFIX } from '../shared/page-setting.ts';
import { LOADER_ID, PAGE_DATA_ID, STYLESHEET_ID } from '../shared/dom.ts';
import { charsetInContent, metaMeansUtf8 } from './encoding-label.ts';
import { ParserFeedback } from './parser-feedback.ts';

const $ = html.TAG_ID;

/** A link's new `href`, and attributes to add where the link lacks them. */
export interface LinkChange {
  href: string;
  add?: Record<string, string>;
}

/** What the transform asks of the page, in document order. */
export interface PageHandler {
  /** The head starts: `<html lang>` as written. Returns what goes right after `<head>`. */
  headStart(lang: string | undefined): string;
  /** The document's title (the first `<title>` in HTML, outside templates), references decoded. */
  title(text: string): void;
  /** What goes where the head ends. */
  headEnd(): string;
  /** What a link with this `href` (as the browser reads it) becomes; undefined leaves it. */
  link(href: string): LinkChange | undefined;
  /** What goes before the last `</body>`. */
  bodyEnd(): string;
  /**
   * Lower-case ASCII strings without which nothing in the body changes (`#whatsapp`…); the body
   * passes untouched, unread, when none of them is in it. Undefined: any link may change. May be
   * asked before any other call (a remembered page is checked first: page-memory.ts), so its
   * answer must not depend on them; the same array each time for the same answer.
   */
  bodyMarkers(): readonly string[] | undefined;
  /**
   * The list `bodyMarkers` answers with whenever it answers with a list (the same array), known
   * without asking the page anything: a whole page holding none of these strings is searched for
   * them once, ahead, and then neither read ahead for frontmatter markers nor searched again
   * (page-stream.ts). Read as a property, so a response that turns out to be a fragment is never
   * asked anything. Undefined: no search ahead.
   */
  readonly markers?: readonly string[];
  /** A frontmatter marker (`<meta name="astro-chatra-whatsapp">`), in document order; the transform takes it out. */
  settingMarker?(content: string): void;
  /** All the page's markers, read ahead of the transform when the page is here whole (page-stream.ts). */
  settingMarkers?(contents: readonly string[]): void;
  /** An HTML element's `id` (outside templates), in document order, where the tokenizer reads. */
  elementId?(id: string): void;
  /**
   * After a whole page's transform (page-stream.ts), what it read of the page's own sections called
   * `whatsapp` or `chat` (an element's id): 'late' when a link it changed goes to one read after it
   * (a table of contents before its headings; the page is then transformed again, the section known),
   * 'read' when there is one, 'none'. Asked once a transform.
   */
  sections?(): 'none' | 'read' | 'late';
}

/** Tags the parser keeps in `<head>` (https://html.spec.whatwg.org/#parsing-main-inhead). */
const HEAD_TAGS = new Set([$.BASE, $.BASEFONT, $.BGSOUND, $.LINK, $.META, $.TITLE, $.NOSCRIPT, $.NOFRAMES, $.STYLE, $.SCRIPT, $.TEMPLATE]);
/** End tags that end the head when it is open; any other is ignored there. */
const HEAD_ENDERS = new Set([$.HEAD, $.BODY, $.HTML, $.BR]);
/** The elements of a kit's head, and their ids (markup.ts): a page with one has its kit. */
const KIT_TAGS = new Set([$.SCRIPT, $.LINK, $.STYLE]);
const KIT_IDS = [PAGE_DATA_ID, LOADER_ID, STYLESHEET_ID];

/** Where the parser is, as far as the kit's places go (a plain object: Node strips types, not enums). */
const Phase = { BeforeHead: 0, InHead: 1, AfterHead: 2, InBody: 3 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

export interface Edit {
  /** Replaces input [start, end) with text; start === end inserts. */
  start: number;
  end: number;
  text: string;
}

/**
 * One thing the transform asks of its handler, and where in the input its answer goes: the whole
 * of what the page's tokens decide. Given the same steps in the same order, a handler makes the
 * same edits (`performStep`); page-memory.ts replays them for a page whose first bytes it has seen.
 */
export type Step =
  | { kind: 'headStart'; lang: string | undefined; at: number }
  | { kind: 'title'; text: string }
  | { kind: 'headEnd'; at: number }
  | { kind: 'link'; href: string; start: number; end: number; attributes: readonly string[] }
  | { kind: 'setting'; content: string; start: number; end: number }
  | { kind: 'bodyEnd'; at: number };

/** The handler's answer to a step, as an edit of the input (none: the step changes nothing there). */
export function performStep(handler: PageHandler, step: Step): Edit | undefined {
  switch (step.kind) {
    case 'headStart':
      return insertion(step.at, handler.headStart(step.lang));
    case 'title':
      handler.title(step.text);
      return undefined;
    case 'headEnd':
      return insertion(step.at, handler.headEnd());
    case 'bodyEnd':
      return insertion(step.at, handler.bodyEnd());
    case 'setting':
      handler.settingMarker?.(step.content);
      return { start: step.start, end: step.end, text: '' };
    case 'link': {
      const change = handler.link(step.href);
      if (!change) return undefined;
      let text = `href="${escapeAttribute(change.href)}"`;
      for (const [name, value] of Object.entries(change.add ?? {})) {
        if (!step.attributes.includes(name)) text += ` ${name}="${escapeAttribute(value)}"`;
      }
      return { start: step.start, end: step.end, text };
    }
  }
}

const insertion = (at: number, text: string): Edit | undefined => (text ? { start: at, end: at, text } : undefined);
const attr = (token: Token.TagToken, name: string) => token.attrs.find((a) => a.name === name)?.value;
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * One document's transform. `write` each chunk of text as it arrives and send on what it returns;
 * `end` returns the rest. The output is the same however the input is cut into chunks.
 */
export class PageTransform {
  readonly #handler: PageHandler;
  /** Where the steps taken are written down, when the page is to be remembered; null once an edit was dropped. */
  #log: Step[] | null | undefined;
  readonly #tokenizer: Tokenizer;
  readonly #feedback: ParserFeedback;
  /**
   * `foreign`: a document in another encoding than UTF-8 (its head's `<meta>` says so); `kitted`: one
   * that has its kit already (a page of a site with the integration, fetched and returned).
   */
  #kind: 'unknown' | 'document' | 'fragment' | 'foreign' | 'kitted' = 'unknown';
  #phase: Phase = Phase.BeforeHead;

  /** Input not yet sent, from offset #bufferStart. */
  #buffer = '';
  #bufferStart = 0;
  /** Input before #cursor has been sent (or replaced). */
  #cursor = 0;
  /** Input before #settled can't change any more: every token up to there has been seen. */
  #settled = 0;
  /** Pending edits, in input order. */
  #edits: Edit[] = [];

  /** After `<head>`: where headStart goes, unless a charset `<meta>` comes first. */
  #headStartAt: number | undefined;
  /** Start of the last `</body>` (or `</html>` with none before it). */
  #bodyEndAt: number | undefined;
  /** Start of the `<noscript>` content being read. */
  #noscriptFrom: number | undefined;
  /** The element whose text the tokenizer reads as raw text now (script, style, title…). */
  #rawText: html.TAG_ID | undefined;
  #templates = 0;
  #title: string | undefined;
  #titleSeen = false;
  #lang: string | undefined;
  #htmlSeen = false;
  #stateAtEnd: Tokenizer['state'] | undefined;

  constructor(handler: PageHandler, log?: Step[]) {
    this.#handler = handler;
    this.#log = log;
    this.#tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, this);
    this.#feedback = new ParserFeedback(this.#tokenizer);
  }

  /** Takes the next chunk; returns what can be sent now. */
  write(chunk: string): string {
    if (this.isUntouched) return chunk;
    this.#buffer += chunk;
    this.#tokenizer.write(chunk, false);
    // The first content may have shown, just now, that this is a fragment (or a `<meta>` another encoding).
    if (this.isUntouched) return this.#flush(Infinity);
    return this.#flush(this.#holdLimit());
  }

  /** The head is complete in a UTF-8 document, and its body begun: from here on, what is read can leave. */
  get headEnded(): boolean {
    return this.#kind === 'document' && this.#phase === Phase.InBody;
  }

  /** A whole document in UTF-8 (as far as read). */
  get isDocument(): boolean {
    return this.#kind === 'document';
  }

  /**
   * The head is behind: its kit is placed, `<body>` has started (or been implied), and nothing
   * read so far waits for a later token. From here the body may pass untouched (see page-stream.ts).
   */
  get headDone(): boolean {
    return (
      this.#kind === 'document' &&
      this.#phase === Phase.InBody &&
      this.#headStartAt === undefined &&
      this.#noscriptFrom === undefined &&
      this.#rawText === undefined &&
      this.#templates === 0
    );
  }

  /** Everything read so far, edits applied, whether or not a token is still open (call when `headDone`). */
  drain(): string {
    return this.#flush(Infinity);
  }

  /**
   * Reads text that has already been sent as it was (the body passed untouched): the tokenizer
   * learns where it is, nothing is written. An edit it would ask for there is dropped.
   */
  skip(text: string): void {
    this.#log = null;
    this.#buffer += text;
    this.#tokenizer.write(text, false);
    const end = this.#bufferStart + this.#buffer.length;
    this.#edits = this.#edits.filter((edit) => edit.start >= end);
    if (this.#bodyEndAt !== undefined && this.#bodyEndAt < end) this.#bodyEndAt = undefined;
    if (this.#noscriptFrom !== undefined && this.#noscriptFrom < end) this.#noscriptFrom = undefined;
    this.#cursor = this.#bufferStart = end;
    this.#buffer = '';
  }

  /**
   * More input is a while away: what `write` would send, and in the body the text since the last
   * tag too when the tokenizer is reading plain data (no later byte can change it). A place still
   * to be decided and an unfinished `<noscript>` still wait.
   */
  release(): string {
    // In the head, text decides where the head ends: it waits for the tokenizer.
    const plain = this.headDone && this.#tokenizer.state === TokenizerMode.DATA && this.#feedback.inHtml && !this.pendingText.includes('<');
    return this.#flush(plain ? Math.min(this.#holdLimitOfPlaces(), this.#bufferStart + this.#buffer.length) : this.#holdLimit());
  }

  /** The input has ended: returns the rest, with whatever goes at the end. */
  end(): string {
    if (this.isUntouched) return '';
    this.#stateAtEnd = this.#tokenizer.state;
    this.#tokenizer.write('', true);
    if (this.#kind !== 'document') return this.#flush(Infinity);
    const end = this.#bufferStart + this.#buffer.length;
    // Appended at the end only where the end is plain data, never inside a comment or an open tag.
    const clean = this.#endsClean();
    if (this.#headStartAt !== undefined) this.#placeHeadStart(this.#headStartAt);
    if (clean && this.#phase === Phase.BeforeHead) this.#beginHead(end);
    if (clean && this.#phase === Phase.InHead) this.#endHead(end);
    const at = this.#bodyEndAt ?? (clean ? end : undefined);
    if (at !== undefined) this.#step({ kind: 'bodyEnd', at });
    return this.#flush(Infinity);
  }

  /** The response is not a whole document in UTF-8: everything passes as it came. */
  get isUntouched(): boolean {
    return this.#kind === 'fragment' || this.#kind === 'foreign' || this.#kind === 'kitted';
  }

  /** Text read but not yet sent (an open token, text since the last tag). */
  get pendingText(): string {
    return this.#slice(this.#cursor, this.#bufferStart + this.#buffer.length);
  }

  /** The document ends in plain data: something appended there lands in the body. */
  #endsClean(): boolean {
    return this.#stateAtEnd === TokenizerMode.DATA && this.#feedback.inHtml && this.#templates === 0 && this.#rawText === undefined;
  }

  /** Nothing from here on may leave yet: a place still to be decided, or a `<noscript>` still to be read. */
  #holdLimit(): number {
    return Math.min(this.#settled, this.#holdLimitOfPlaces());
  }

  /** Where a place still to be decided, or a `<noscript>` still to be read, begins; before the head's end, the start. */
  #holdLimitOfPlaces(): number {
    if (!this.headEnded) return this.#cursor;
    return Math.min(this.#headStartAt ?? Infinity, this.#bodyEndAt ?? Infinity, this.#noscriptFrom ?? Infinity);
  }

  #flush(limit: number): string {
    const end = Math.min(limit, this.#bufferStart + this.#buffer.length);
    let out = '';
    let applied = 0;
    for (const edit of this.#edits) {
      if (edit.end > end) break;
      out += this.#slice(this.#cursor, edit.start) + edit.text;
      this.#cursor = edit.end;
      applied++;
    }
    if (applied) this.#edits.splice(0, applied);
    if (end > this.#cursor) {
      out += this.#slice(this.#cursor, end);
      this.#cursor = end;
    }
    // The sent part is dropped, so the buffer holds only what waits: cost stays linear in the page.
    this.#buffer = this.#buffer.slice(this.#cursor - this.#bufferStart);
    this.#bufferStart = this.#cursor;
    return out;
  }

  #slice(from: number, to: number): string {
    return this.#buffer.slice(from - this.#bufferStart, to - this.#bufferStart);
  }

  /** The steps taken so far, in order; undefined when not written down, or when they would not replay (an edit was dropped). */
  get log(): readonly Step[] | undefined {
    return this.#log ?? undefined;
  }

  #step(step: Step): void {
    this.#log?.push(step);
    const edit = performStep(this.#handler, step);
    if (edit) this.#edit(edit);
  }

  /** Keeps the edits in input order; one made later at the same place goes after. */
  #edit(edit: Edit): void {
    // Text already sent can't change (a tag begun in text the body fast path passed on).
    if (edit.start < this.#cursor) {
      this.#log = null;
      return;
    }
    let index = this.#edits.length;
    while (index > 0 && this.#edits[index - 1].start > edit.start) index--;
    this.#edits.splice(index, 0, edit);
  }

  /** The first content decides: a doctype, `<html>` or `<head>` make a document; anything else a fragment. */
  #decide(isDocument: boolean): boolean {
    if (this.#kind === 'unknown') this.#kind = isDocument ? 'document' : 'fragment';
    return this.#kind === 'document';
  }

  #beginHead(at: number): void {
    this.#step({ kind: 'headStart', lang: this.#lang, at });
    this.#phase = Phase.InHead;
  }

  #placeHeadStart(at: number): void {
    this.#headStartAt = undefined;
    this.#step({ kind: 'headStart', lang: this.#lang, at });
  }

  #endHead(at: number): void {
    this.#step({ kind: 'headEnd', at });
    this.#phase = Phase.AfterHead;
  }

  /** A token that means content (text, or a tag the head can't hold) arrives at `at`. */
  #content(at: number, headTag: boolean, charsetMeta: boolean, end: number): void {
    if (this.#headStartAt !== undefined) this.#placeHeadStart(charsetMeta ? end : this.#headStartAt);
    if (this.#phase === Phase.BeforeHead) {
      // The head is implied: it starts here (after a charset <meta>, which must stay first).
      this.#beginHead(charsetMeta ? end : at);
    }
    if (this.#phase === Phase.InHead && !headTag) this.#endHead(at);
    if (this.#phase === Phase.AfterHead && !headTag) this.#phase = Phase.InBody;
  }

  /** Where the page's structure can be read: not inside a template, SVG or MathML. */
  get #structural(): boolean {
    return this.#templates === 0 && this.#feedback.inHtml;
  }

  // Tokenizer callbacks (parse5's TokenHandler).

  onDoctype(token: Token.DoctypeToken): void {
    this.#decide(true);
    this.#settled = token.location!.endOffset;
  }

  onComment(token: Token.CommentToken): void {
    this.#settled = token.location!.endOffset;
  }

  // Character tokens: parse5 misplaces the boundary between a whitespace run and a character
  // reference that follows it, so text never settles the input and content placed before text
  // goes at the end of the last tag, before the whole run (whitespace lands in the same element).

  onWhitespaceCharacter(token: Token.CharacterToken): void {
    if (this.#rawText === $.TITLE && this.#title !== undefined) this.#title += token.chars;
  }

  onNullCharacter(token: Token.CharacterToken): void {
    this.onCharacter(token);
  }

  onCharacter(token: Token.CharacterToken): void {
    if (this.#rawText === $.TITLE) {
      if (this.#title !== undefined) this.#title += token.chars;
    } else if (this.#rawText === undefined && this.#decide(false) && this.#structural)
      this.#content(this.#settled, false, false, this.#settled);
  }

  onStartTag(token: Token.TagToken): void {
    const wasHtml = this.#feedback.inHtml;
    this.#feedback.startTag(token);
    const { startOffset, endOffset } = token.location!;
    const tag = token.tagID;
    if (this.#decide(wasHtml && (tag === $.HTML || tag === $.HEAD))) {
      if (wasHtml) this.#htmlStartTag(token, tag, startOffset, endOffset);
      if (wasHtml && (tag === $.A || tag === $.AREA)) this.#link(token);
      // After #htmlStartTag: what it inserts at this tag's start goes before the removal.
      if (wasHtml && tag === $.META && this.#templates === 0) this.#settingMarker(token, startOffset, endOffset);
      if (wasHtml && this.#handler.elementId && this.#templates === 0) {
        const id = attr(token, 'id');
        if (id !== undefined) this.#handler.elementId(id);
      }
    }
    this.#settled = endOffset;
  }

  #htmlStartTag(token: Token.TagToken, tag: html.TAG_ID, startOffset: number, endOffset: number): void {
    if (this.#tokenizer.state !== TokenizerMode.DATA && tag !== $.PLAINTEXT) this.#rawText = tag;
    if (tag === $.NOSCRIPT) this.#noscriptFrom = endOffset;
    if (this.#templates > 0) {
      if (tag === $.TEMPLATE) this.#templates++;
      return;
    }
    if (tag === $.TITLE && !this.#titleSeen) {
      this.#titleSeen = true;
      this.#title = '';
    }
    if (tag === $.HTML) {
      if (this.#phase === Phase.BeforeHead && !this.#htmlSeen) this.#lang = attr(token, 'lang');
      this.#htmlSeen = true;
      return;
    }
    if (tag === $.HEAD) {
      if (this.#phase === Phase.BeforeHead) {
        this.#phase = Phase.InHead;
        this.#headStartAt = endOffset;
      }
      return;
    }
    const charsetMeta =
      tag === $.META && (attr(token, 'charset') !== undefined || attr(token, 'http-equiv')?.toLowerCase() === 'content-type');
    if (charsetMeta && this.#phase !== Phase.InBody && !this.#saysUtf8(token)) {
      // A document in another encoding: its text is not what a UTF-8 reading made of it.
      this.#kind = 'foreign';
      this.#edits = [];
      return;
    }
    if (KIT_TAGS.has(tag) && this.#phase !== Phase.InBody && KIT_IDS.includes(attr(token, 'id') ?? '')) {
      // Its kit is there already (a page of the site fetched and returned): a second would double
      // the widget, the button and the ids. Every kit has one of these in its head (a page without
      // the widget has the stylesheet).
      this.#kind = 'kitted';
      this.#edits = [];
      return;
    }
    if (this.#phase === Phase.AfterHead && tag === $.BODY) {
      this.#phase = Phase.InBody;
      return;
    }
    if (this.#phase !== Phase.InBody && !(this.#phase === Phase.AfterHead && HEAD_TAGS.has(tag))) {
      this.#content(startOffset, HEAD_TAGS.has(tag), charsetMeta, endOffset);
    }
    if (tag === $.TEMPLATE) this.#templates++;
  }

  onEndTag(token: Token.TagToken): void {
    this.#feedback.endTag(token, token.tagID === $.TEMPLATE && this.#templates > 0);
    const wasHtml = this.#feedback.inHtml;
    const { startOffset, endOffset } = token.location!;
    if (this.#decide(false) && wasHtml) this.#htmlEndTag(token.tagID, startOffset);
    this.#settled = endOffset;
  }

  #htmlEndTag(tag: html.TAG_ID, startOffset: number): void {
    if (this.#rawText !== undefined) {
      if (tag !== this.#rawText) return;
      this.#rawText = undefined;
      if (tag === $.TITLE && this.#title !== undefined) {
        this.#step({ kind: 'title', text: this.#title });
        this.#title = undefined;
      }
      if (tag === $.NOSCRIPT && this.#noscriptFrom !== undefined) {
        this.#rewriteNoscript(this.#noscriptFrom, startOffset);
        this.#noscriptFrom = undefined;
      }
      return;
    }
    if (tag === $.TEMPLATE) {
      if (this.#templates > 0) this.#templates--;
      return;
    }
    if (this.#templates > 0) return;
    if (this.#headStartAt !== undefined && HEAD_ENDERS.has(tag)) this.#placeHeadStart(this.#headStartAt);
    if (this.#phase === Phase.BeforeHead && HEAD_ENDERS.has(tag)) this.#beginHead(startOffset);
    if (this.#phase === Phase.InHead && HEAD_ENDERS.has(tag)) this.#endHead(startOffset);
    if (this.#phase === Phase.AfterHead && tag !== $.HEAD && HEAD_ENDERS.has(tag)) this.#phase = Phase.InBody;
    if (this.#phase !== Phase.InBody) return;
    // A tag begun in text already sent (passed unread, then skipped: its start before the cursor)
    // is no place for the kit: the end of the page takes it, as for a tag in the text skipped.
    if (startOffset < this.#cursor) return;
    if (tag === $.BODY || (tag === $.HTML && this.#bodyEndAt === undefined)) this.#bodyEndAt = startOffset;
  }

  /** Whether a charset `<meta>` leaves the document in UTF-8 (a browser's reading: `charset` first, else `content`). */
  #saysUtf8(token: Token.TagToken): boolean {
    const label = attr(token, 'charset') ?? charsetInContent(attr(token, 'content') ?? '');
    return label === undefined || metaMeansUtf8(label);
  }

  /** A frontmatter marker: the handler hears of it, and it leaves the page. */
  #settingMarker(token: Token.TagToken, startOffset: number, endOffset: number): void {
    const content = attr(token, 'content');
    if (attr(token, 'name') !== SETTING_META_NAME || !content?.startsWith(SETTING_PREFIX)) return;
    // Written as the Markdown plugins write it: the prefix as it stands, not spelled with character
    // references (`&#37;acw-`). A search of the bytes for the prefix then finds every marker there
    // is, which the page memory relies on (page-memory.ts).
    const place = token.location?.attrs?.content;
    if (!place || place.startOffset < this.#bufferStart || !this.#slice(place.startOffset, place.endOffset).includes(SETTING_PREFIX))
      return;
    this.#step({ kind: 'setting', content, start: startOffset, end: endOffset });
  }

  /** `<a href>` / `<area href>`: the page may want another address, and attributes it lacks. */
  #link(token: Token.TagToken, shift = 0): void {
    const href = attr(token, 'href');
    const place = token.location?.attrs?.href;
    if (href === undefined || !place) return;
    const attributes = token.attrs.map((a) => a.name);
    this.#step({ kind: 'link', href, start: place.startOffset + shift, end: place.endOffset + shift, attributes });
  }

  /**
   * `<noscript>` content is raw text for a browser that runs scripts, and markup for one that
   * doesn't: its links are found by reading it as markup, apart, and only their `href` changes.
   */
  #rewriteNoscript(from: number, to: number): void {
    if (from < this.#bufferStart) return;
    const content = this.#slice(from, to);
    const links: Token.TagToken[] = [];
    const ignore = () => {};
    const reader: Tokenizer = new Tokenizer(
      { sourceCodeLocationInfo: true },
      {
        onStartTag(token) {
          const inHtml = feedback.inHtml;
          feedback.startTag(token);
          if (inHtml && (token.tagID === $.A || token.tagID === $.AREA)) links.push(token);
        },
        onEndTag: (token) => feedback.endTag(token),
        onComment: ignore,
        onDoctype: ignore,
        onEof: ignore,
        onCharacter: ignore,
        onNullCharacter: ignore,
        onWhitespaceCharacter: ignore,
      },
    );
    const feedback = new ParserFeedback(reader);
    reader.write(content, true);
    for (const token of links) this.#link(token, from);
  }

  onEof(): void {}
}
