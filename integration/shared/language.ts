/** The language tag the integration has texts for: the page's, its base language, or the default. */
export function languageOf(options: { languages: object; defaultLanguage: string }, pageLanguage: string | undefined): string {
  // Own keys only: a page language such as `constructor` or `__proto__` is not a table entry.
  const has = (tag: string) => Object.hasOwn(options.languages, tag);
  const tag = pageLanguage?.toLowerCase();
  if (tag && has(tag)) return tag;
  if (tag && has(tag.split('-')[0])) return tag.split('-')[0];
  return has(options.defaultLanguage) ? options.defaultLanguage : 'en';
}
