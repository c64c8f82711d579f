/**
 * What the page transform did with a page's first bytes, remembered per address, so that the
 * same first bytes next time are not read again. An on-demand page of a site is mostly the same
 * from one request to the next, and reading its head with the HTML tokenizer is most of what the
 * transform costs a server (more than Astro's own rendering of a small page).
 *
 * It is memoization, not a second reading of HTML: a recipe is kept only for bytes the tokenizer
 * read, and used only for a page whose bytes are the same, byte for byte, as far as that reading
 * went (and a marker's length beyond, where the body search looked). The tokenizer is a function
 * of its input: the same bytes give the same tokens, so the same steps (page-transform.ts `Step`).
 * The steps are taken again, in order, by the page's own handler, so what they write (the page's
 * language, title, links, settings) is this request's, never the remembered page's.
 */
import type { Step } from './page-transform.ts';

/** How a page's reading goes, for pages whose first bytes are `prefix`. */
export interface PageRecipe {
  /**
   * The page's bytes: at least those read and the body's markers' length beyond (`prefix`), the
   * whole page when it is not too large (PAGE_LIMIT). The rest held none of the markers: a page
   * whose rest is the same as far as it goes needs no search there.
   */
  readonly page: Uint8Array;
  /** How many of `page`'s bytes another page must share to be read by this recipe. */
  readonly prefix: number;
  /** Where reading stopped and the rest passed as it came (bytes). */
  readonly cut: number;
  /** The handler's `bodyMarkers()` answer the reading went by (the same array, not just the same strings). */
  readonly markers: readonly string[];
  /** The frontmatter markers the page's handler was told of before its reading (none: not told). */
  readonly ahead: readonly string[] | undefined;
  /** The steps taken, in order, their places in bytes of the page. */
  readonly steps: readonly Step[];
  /** Pages at this address since this one that it did not fit (see `learns`). */
  misses: number;
}

/**
 * Whether a page read at an address should be remembered, the last one having missed `misses`
 * times: an address whose pages differ each time (a token or the time in the head) is learned
 * again only now and then, not at the cost of a copy of each page.
 */
export const learns = (misses: number) => misses < 3 || misses % 16 === 0;

/**
 * Recipes kept per address: at most `limit` of them and `budget` bytes (their pages, and an
 * estimate of the rest), the least recently used go first.
 */
export class PageMemory {
  readonly #recipes = new Map<string, PageRecipe>();
  readonly #limit: number;
  readonly #budget: number;
  #bytes = 0;

  constructor(limit = 128, budget = 8 * 1024 * 1024) {
    this.#limit = limit;
    this.#budget = budget;
  }

  recall(key: string): PageRecipe | undefined {
    const recipe = this.#recipes.get(key);
    if (recipe) {
      this.#recipes.delete(key);
      this.#recipes.set(key, recipe);
    }
    return recipe;
  }

  keep(key: string, recipe: PageRecipe): void {
    this.#forget(key);
    this.#recipes.set(key, recipe);
    this.#bytes += sizeOf(key, recipe);
    while (this.#recipes.size > this.#limit || (this.#bytes > this.#budget && this.#recipes.size > 1)) {
      this.#forget(this.#recipes.keys().next().value!);
    }
  }

  #forget(key: string): void {
    const recipe = this.#recipes.get(key);
    if (!recipe) return;
    this.#bytes -= sizeOf(key, recipe);
    this.#recipes.delete(key);
  }
}

/** What a recipe holds, in bytes, about: its page, and its strings (two bytes a character) and objects. */
function sizeOf(key: string, recipe: PageRecipe): number {
  let size = recipe.page.length + 2 * key.length + 256;
  for (const step of recipe.steps) {
    size += 64;
    if ('text' in step) size += 2 * step.text.length;
    if ('href' in step) size += 2 * step.href.length + 32 * step.attributes.length;
    if ('content' in step) size += 2 * step.content.length;
  }
  return size;
}

/**
 * A memory and the page's place in it (its address). One memory serves one kind of handler (the
 * middleware's PageRequest): a replay asks the handler the same as the reading that made the recipe.
 */
export interface Remembered {
  memory: PageMemory;
  key: string;
}

/** Farthest reading a recipe keeps: a page read further than this is read each time. */
export const RECIPE_LIMIT = 32 * 1024;
/** Largest page a recipe keeps whole; of a larger one, only what was read. */
export const PAGE_LIMIT = 256 * 1024;

/**
 * How many first bytes `a` and `b` share. Four at a time where both are at the same place in a
 * word (pages Astro sends are), about as fast as the marker search it saves.
 */
export function sharedLength(a: Uint8Array<ArrayBufferLike>, b: Uint8Array<ArrayBufferLike>): number {
  const length = Math.min(a.length, b.length);
  let at = 0;
  if (((a.byteOffset - b.byteOffset) & 3) === 0) {
    for (; at < length && (a.byteOffset + at) & 3; at++) if (a[at] !== b[at]) return at;
    const count = (length - at) >> 2;
    if (count > 0) {
      const wordsA = new Int32Array(a.buffer, a.byteOffset + at, count);
      const wordsB = new Int32Array(b.buffer, b.byteOffset + at, count);
      let index = 0;
      while (index < count && wordsA[index] === wordsB[index]) index++;
      at += index * 4;
    }
  }
  while (at < length && a[at] === b[at]) at++;
  return at;
}

/** The steps with their places moved from characters of `text` to bytes of its UTF-8. */
export function inBytes(steps: readonly Step[], text: string): Step[] {
  const places = steps.flatMap((step) => ('at' in step ? [step.at] : 'start' in step ? [step.start, step.end] : []));
  const bytesAt = utf8Offsets(text, places);
  return steps.map((step) => {
    if ('at' in step) return { ...step, at: bytesAt.get(step.at)! };
    if ('start' in step) return { ...step, start: bytesAt.get(step.start)!, end: bytesAt.get(step.end)! };
    return step;
  });
}

/** For each character offset in `text` (between characters, never inside a surrogate pair), its offset in UTF-8 bytes. */
function utf8Offsets(text: string, offsets: number[]): Map<number, number> {
  const found = new Map<number, number>();
  let bytes = 0;
  let at = 0;
  for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
    for (; at < offset; at++) {
      const code = text.charCodeAt(at);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code < 0xdc00) {
        bytes += 4;
        at++;
      } else bytes += 3;
    }
    found.set(offset, bytes);
  }
  return found;
}
