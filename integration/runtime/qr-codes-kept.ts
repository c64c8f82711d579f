/**
 * The QR codes a server draws for its pages' floating buttons (`fallback.qr`), kept: a page whose
 * message names it (`{title}`, `{path}`) has a link of its own, and a code takes milliseconds to
 * draw (5 ms for a typical link, tens for the longest), on every request for that page.
 */

import { LOG_PREFIX } from '../shared/errors.ts';

/** How much SVG text is kept per server: about 150 codes of a typical link (13 KB each), 30 of the largest. */
const QR_CODES_KEPT_CHARS = 2_000_000;

/**
 * `draw`, with the codes drawn last kept by their size, the least recently asked for dropped first.
 * A link too long for any QR code gets the plain button, and the log says so, once (`warn`).
 */
export function qrCodesKept(
  draw: (link: string, title: string) => string | undefined,
  warn: (message: string) => void,
  budget = QR_CODES_KEPT_CHARS,
): (link: string, title: string) => string | undefined {
  let warned = false;
  let kept = 0;
  const drawn = new Map<string, string | undefined>();
  return (link, title) => {
    const key = `${title}\n${link}`;
    if (drawn.has(key)) {
      // Asked for again: the most recent now (a Map keeps the order entries were set in).
      const svg = drawn.get(key);
      drawn.delete(key);
      drawn.set(key, svg);
      return svg;
    }
    const svg = draw(link, title);
    drawn.set(key, svg);
    kept += svg?.length ?? 0;
    for (const [oldest, code] of drawn) {
      if (kept <= budget || oldest === key) break;
      drawn.delete(oldest);
      kept -= code?.length ?? 0;
    }
    if (svg === undefined && !warned) {
      warned = true;
      warn(
        `${LOG_PREFIX} fallback.qr: a link of ${link.length} characters is too long for a QR code; ` +
          "the plain WhatsApp button is shown instead. Shorten the prefilled message (whatsapp.text) or the pages' titles.",
      );
    }
    return svg;
  };
}
