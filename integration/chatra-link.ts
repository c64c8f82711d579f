/** A link in Chatra's syntax: `[label](href)`, never a space between `]` and `(`. */
export function chatraLink(label: string, href: string): string {
  return `[${label}](${href})`;
}

/**
 * `{whatsapp}` → `[label](link)`. Enough for our own default texts, which hold nothing else
 * Markdown would read; a site owner's texts go through toChatraText.
 */
export function expandWhatsApp(text: string, whatsapp: { label: string; href: string }): string {
  return text.replaceAll('{whatsapp}', chatraLink(whatsapp.label, whatsapp.href));
}
