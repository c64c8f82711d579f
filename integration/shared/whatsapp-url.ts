/** WhatsApp links as the pages and texts carry them. */

/**
 * Adds a prefilled message to a phone link. Parentheses are encoded too, so the link
 * survives inside Chatra's `[label](link)` syntax.
 */
export function withPrefilledText(phoneHref: string, text: string | undefined): string {
  if (text === undefined || text === '') return phoneHref;
  return `${phoneHref}?text=${encodeMessage(text)}`;
}

/** A message as a link's `text=` carries it; half a character (a lone surrogate, which request data may carry) becomes U+FFFD. */
export function encodeMessage(text: string): string {
  return encodeURIComponent(text.toWellFormed()).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
