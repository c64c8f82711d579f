import { OptionError } from '../shared/errors.ts';

/**
 * A link in Chatra's syntax: `[label](href)`, never a space between `]` and `(`. A backslash or
 * bracket in the label is escaped, so the label can't end the link or swallow its `]`.
 */
export function chatraLink(label: string, href: string): string {
  return `[${label.replace(/[\\[\]]/g, '\\$&')}](${href})`;
}

/** One WhatsApp link as the texts show it. */
export interface TextLink {
  label: string;
  href: string;
}

/**
 * `{whatsapp}` → `[label](link)`, or one such link per contact, comma-separated. Enough for our
 * own default texts, which hold nothing else Markdown would read; a site owner's texts go
 * through toChatraText.
 */
export function expandWhatsApp(text: string, links: TextLink[]): string {
  return text.replaceAll('{whatsapp}', links.map((link) => chatraLink(link.label, link.href)).join(', '));
}

/** Checks a link label: not empty, and nothing that would end Chatra's `[label](link)` early. */
export function checkLinkLabel(label: string, path: string): void {
  if (label.trim() === '') throw new OptionError(path, 'is empty.', 'Give the link a text, e.g. "Write to us on WhatsApp".');
  if (/[[\]\u0000-\u001f\u007f\u2028\u2029]/u.test(label)) {
    throw new OptionError(
      path,
      `${JSON.stringify(label)} contains "[", "]" or a line break, which would end Chatra's link text early.`,
      'Remove those characters from the link text.',
    );
  }
}
