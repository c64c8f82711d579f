/**
 * What an encoding label names, as the Encoding Standard's table has it
 * (https://encoding.spec.whatwg.org/#names-and-labels): only UTF-8's labels matter here, and
 * UTF-16's, which a `<meta>` can't mean (https://html.spec.whatwg.org/#changing-the-encoding-while-parsing:
 * bytes read far enough to find the `<meta>` were no UTF-16, and a browser takes UTF-8).
 */
const UTF8 = new Set(['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);
const UTF16 = new Set(['unicodefffe', 'utf-16be', 'csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']);

/** A label as a browser matches it: ASCII whitespace around it trimmed, ASCII case folded. */
const normal = (label: string) => label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();

/** Whether a `Content-Type` header's charset names UTF-8. */
export const isUtf8Label = (label: string): boolean => UTF8.has(normal(label));

/**
 * Whether a `<meta>`'s charset leaves the document in UTF-8: UTF-8's labels and UTF-16's. Any other
 * label, known or not, is another encoding as far as the kit goes (an unknown one leaves the browser
 * with its default, which is not UTF-8 either).
 */
export const metaMeansUtf8 = (label: string): boolean => UTF8.has(normal(label)) || UTF16.has(normal(label));

/**
 * The charset a `<meta http-equiv="content-type" content="…">` names, as a browser extracts it
 * (https://html.spec.whatwg.org/#algorithm-for-extracting-a-character-encoding-from-a-meta-element); undefined: none.
 */
export function charsetInContent(content: string): string | undefined {
  const found = /charset[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r ;"']+))/i.exec(content);
  return found ? (found[1] ?? found[2] ?? found[3]) : undefined;
}
