/**
 * The search for the strings that mean a page's body may change (`#whatsapp`, `%7Btitle%7D`…):
 * in the page's bytes as they came, never decoded. Used by page-stream.ts.
 */

/** The handler's list is usually one shared array: its search is set up once, not per page. */
const markersOf = new WeakMap<readonly string[], Markers>();
export function markersFor(list: readonly string[]): Markers {
  let markers = markersOf.get(list);
  if (!markers) markersOf.set(list, (markers = new Markers(list)));
  return markers;
}

/**
 * 1 in each byte of a word: times a byte, the byte in each. The loops write it (and 0x80808080)
 * as literals: bundled, a module constant becomes a variable the engine loads in every turn, and
 * 0x80808080 a boxed number it unboxes in every turn (three times the loop's cost).
 */
const ONES = 0x01010101;

/**
 * Lower-case ASCII markers, found in any letter case, in text or in UTF-8 bytes. In text a
 * marker's first character is looked for with the native indexOf; in bytes, four at a time (see
 * `indexIn`).
 */
export class Markers {
  /** A marker's first character, in either case: the markers that begin with it. */
  readonly #byFirst: { char: string; byte: number; markers: string[] }[] = [];
  /** Each first byte repeated in the four bytes of a word. */
  readonly #words: number[];
  /** The markers by their first byte. */
  readonly #byByte: (string[] | undefined)[] = [];
  /**
   * 1 where a marker may begin with these two bytes (first << 8 | second, in either case): most
   * first bytes found are not a marker's start (a code block's colours are full of `#`), and one
   * look here tells.
   */
  readonly #firstTwo = new Uint8Array(256 * 256);
  readonly longest: number;

  constructor(markers: readonly string[]) {
    for (const marker of markers.map((marker) => marker.toLowerCase())) {
      for (const char of new Set([marker[0], marker[0].toUpperCase()])) {
        let entry = this.#byFirst.find((entry) => entry.char === char);
        if (!entry) this.#byFirst.push((entry = { char, byte: char.charCodeAt(0), markers: [] }));
        entry.markers.push(marker);
      }
    }
    for (const { byte, markers } of this.#byFirst) {
      this.#byByte[byte] = markers;
      for (const marker of markers) {
        // A one-character marker begins with any second byte.
        const seconds = marker.length > 1 ? [marker.charCodeAt(1), marker[1].toUpperCase().charCodeAt(0)] : [...Array(256).keys()];
        for (const second of seconds) this.#firstTwo[(byte << 8) | second] = 1;
      }
    }
    this.#words = this.#byFirst.map(({ byte }) => Math.imul(byte, ONES));
    this.longest = Math.max(0, ...markers.map((marker) => marker.length));
  }

  /** The first marker's position in `text`, or its byte position in UTF-8 `bytes`, from `from` on; -1 if none. */
  indexIn(input: string | Uint8Array<ArrayBufferLike>, from = 0): number {
    return typeof input === 'string' ? this.#inText(input, from) : this.#inBytes(input, from);
  }

  #inText(text: string, from: number): number {
    let found = -1;
    for (const { char, markers } of this.#byFirst) {
      for (let at = text.indexOf(char, from); at >= 0 && (found < 0 || at < found); at = text.indexOf(char, at + 1)) {
        if (startsAny(text, at, markers)) {
          found = at;
          break;
        }
      }
    }
    return found;
  }

  /**
   * Markers are ASCII, and no byte of a multi-byte UTF-8 character is ASCII: bytes are searched as
   * they are, never decoded (a decode of a page with any non-ASCII text costs several times the
   * search). The engine's indexOf looks at a byte at a time, once per first byte; this looks at
   * four at a time for all of them at once (whether a word holds a byte: the zero-byte test on
   * the word XOR that byte repeated): one pass for `#` and `%` in the time indexOf takes for one.
   */
  #inBytes(bytes: Uint8Array<ArrayBufferLike>, from: number): number {
    const length = bytes.length;
    let at = Math.max(0, from);
    if (this.#byFirst.length === 1) {
      // One first byte (`%` for the frontmatter markers): the engine's indexOf is as fast.
      const { byte, markers } = this.#byFirst[0];
      for (at = bytes.indexOf(byte, at); at >= 0; at = bytes.indexOf(byte, at + 1)) if (startsAny(bytes, at, markers)) return at;
      return -1;
    }
    // Byte by byte up to a word boundary of the buffer, word by word, then the last bytes.
    const aligned = Math.min(length, at + ((4 - ((bytes.byteOffset + at) & 3)) & 3));
    for (; at < aligned; at++) if (this.#startsHere(bytes, at)) return at;
    const count = (length - at) >> 2;
    const patterns = this.#words;
    if (count > 0 && patterns.length <= 4) {
      const words = new Int32Array(bytes.buffer, bytes.byteOffset + at, count);
      const found = patterns.length <= 2 ? this.#inWords2(bytes, words, at) : this.#inWords4(bytes, words, at);
      if (found !== undefined) return found;
      at += count * 4;
    }
    for (; at < length; at++) if (this.#startsHere(bytes, at)) return at;
    return -1;
  }

  // The word loops, written out for two and for four first bytes (`#` and `%` for a page's
  // markers): a loop over the first bytes, or bytes repeated to fill four, cost twice as much.

  /** The first marker in the words (`words[0]` is `bytes[at]`), or undefined. */
  #inWords2(bytes: Uint8Array<ArrayBufferLike>, words: Int32Array, at: number): number | undefined {
    const [p0, p1 = p0] = this.#words;
    for (let index = 0; index < words.length; index++) {
      const word = words[index];
      const a = word ^ p0;
      const b = word ^ p1;
      if (((((a - 0x01010101) & ~a) | ((b - 0x01010101) & ~b)) & 0x80808080) === 0) continue;
      const found = this.#inWord(bytes, at + index * 4);
      if (found >= 0) return found;
    }
  }

  #inWords4(bytes: Uint8Array<ArrayBufferLike>, words: Int32Array, at: number): number | undefined {
    const [p0, p1, p2, p3 = p0] = this.#words;
    for (let index = 0; index < words.length; index++) {
      const word = words[index];
      const a = word ^ p0;
      const b = word ^ p1;
      const c = word ^ p2;
      const d = word ^ p3;
      const hit = ((a - 0x01010101) & ~a) | ((b - 0x01010101) & ~b) | ((c - 0x01010101) & ~c) | ((d - 0x01010101) & ~d);
      if ((hit & 0x80808080) === 0) continue;
      const found = this.#inWord(bytes, at + index * 4);
      if (found >= 0) return found;
    }
  }

  #inWord(bytes: Uint8Array<ArrayBufferLike>, start: number): number {
    for (let i = start; i < start + 4; i++) if (this.#startsHere(bytes, i)) return i;
    return -1;
  }

  #startsHere(bytes: Uint8Array<ArrayBufferLike>, at: number): boolean {
    const first = bytes[at];
    // The last byte: only a one-character marker fits there.
    if (at + 1 < bytes.length && this.#firstTwo[(first << 8) | bytes[at + 1]] === 0) return false;
    const markers = this.#byByte[first];
    return markers !== undefined && startsAny(bytes, at, markers);
  }
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
