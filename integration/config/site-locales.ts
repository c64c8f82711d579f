/**
 * The keys of `locales` against the site's languages (Astro's i18n, or Starlight's locales, which it
 * writes into Astro's): each a language of the site, each once, each a locale's first code.
 */
import type { AstroUserConfig } from 'astro';
import { OptionError } from '../shared/errors.ts';

/** What of the site's config tells its languages (resolve.ts's SiteConfig has them). */
export interface SiteLocales {
  /** Astro's `i18n` as written (only its languages are read). */
  i18n?: Pick<NonNullable<AstroUserConfig['i18n']>, 'defaultLocale' | 'locales'> | undefined;
  /** To tell a Starlight site (its languages are Starlight's `locales`). */
  integrations?: { name: string }[];
}

/** Checks `locales`' keys; returns the site's i18n language codes, each once (none without i18n). */
export function checkLocaleKeys(keys: string[], site: SiteLocales): string[] | undefined {
  // Tags are read in any letter case: two keys for one language would leave one of them unused, unsaid.
  const seen = new Map<string, string>();
  for (const code of keys) {
    const first = seen.get(code.toLowerCase());
    if (first !== undefined) {
      throw new OptionError(
        `locales.${code}`,
        `is the same language as locales.${first} (language codes are read in any letter case), so one of them would be left unused.`,
        `Put both in one: locales: { ${JSON.stringify(first)}: { … } }.`,
      );
    }
    seen.set(code.toLowerCase(), code);
  }

  // The site's languages, each once (Starlight's config can reach Astro's twice). A locale's `path`
  // ("portugues") names its pages' folder, not a language: its `codes` are the languages.
  const i18n = site.i18n;
  const i18nCodes = i18n && [...new Set(i18n.locales.flatMap((locale) => (typeof locale === 'string' ? [locale] : locale.codes)))];
  if (i18nCodes) {
    // On a Starlight site, languages are Starlight's `locales` (it writes Astro's i18n from them).
    const starlight = site.integrations?.some((integration) => integration.name === '@astrojs/starlight');
    const named = i18nCodes.join(', ');
    // A key may name a locale by its path where that is a language code too (`{ path: 'es', codes: ['es-ES'] }`).
    const known = [...i18nCodes, ...i18n.locales.flatMap((locale) => (typeof locale === 'string' ? [] : [locale.path]))];
    for (const code of keys) {
      if (!known.some((name) => name.toLowerCase() === code.toLowerCase())) {
        throw new OptionError(
          `locales.${code}`,
          `"${code}" is not one of this site's ${starlight ? 'Starlight ' : 'i18n '}locales (${named}).`,
          starlight
            ? `Rename it to one of ${named}, or add the language to Starlight's locales: starlight({ locales: { ${JSON.stringify(code)}: { label: '…' } } }).`
            : `Rename it to one of ${named}, or add "${code}" to i18n.locales.`,
        );
      }
      // A locale's pages are in its first code (Astro's currentLocale): a key naming one of its other
      // codes would never be used, unless it is the first code's own language (ru for ru-RU), which
      // the first code's texts fall back to.
      const key = code.toLowerCase();
      const locale = i18n.locales.find(
        (entry) => typeof entry !== 'string' && entry.codes.slice(1).some((other) => other.toLowerCase() === key),
      );
      const first = locale && typeof locale !== 'string' ? locale.codes[0] : undefined;
      if (locale && first && first.toLowerCase() !== key && first.split('-')[0].toLowerCase() !== key) {
        throw new OptionError(
          `locales.${code}`,
          `is a code of the locale at "${(locale as { path: string }).path}" but not its first: its pages are in ${first}, so these texts would never be used.`,
          `Name it by the first code: locales: { ${JSON.stringify(first)}: { … } }.`,
        );
      }
    }
  }
  return i18nCodes;
}
