/** `{title}` as it goes into a message: the document's title (or a component's `pageTitle`), made fit for it. */

/** The longest `{title}` put into a message: longer titles are cut at a word, with an ellipsis. */
export const TITLE_LIMIT = 200;

/**
 * Taken out of a title: control characters; the bidirectional controls that reorder what follows
 * (embeddings, overrides, isolates); and invisible characters that join nothing (zero-width space,
 * word joiner, invisible operators, the byte-order mark). A title that reflects a query (a search
 * page) would otherwise turn the message's own words around, lay them out as a visitor likes, or
 * hide words in it. Marks stay (how a right-to-left title places its neutral characters), and the
 * joiners (ZWJ in emoji, ZWNJ in Persian and Indic words). Whitespace controls become spaces below.
 */
const TITLE_DROPPED = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** A title fit for a message: whitespace collapsed, at most TITLE_LIMIT characters, cut at a word. */
export function capTitle(text: string): string {
  const title = text.replace(TITLE_DROPPED, '').trim().replace(/\s+/g, ' ');
  if (title.length <= TITLE_LIMIT) return title;
  const cut = cutWhole(title, TITLE_LIMIT - 1);
  const space = cut.lastIndexOf(' ');
  return (space > TITLE_LIMIT / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '') + '…';
}

/**
 * The first `limit` UTF-16 units of `text`, not between the two halves of a character (an emoji, a
 * rare CJK one): half of one can't be encoded, and would become U+FFFD.
 */
export function cutWhole(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit).replace(/[\uD800-\uDBFF]$/, '');
}
