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
