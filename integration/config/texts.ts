/**
 * The texts: our defaults per language, then `texts`, then `locales.<base>`, then
 * `locales.<tag>`, with `{whatsapp}` made the link in Chatra's syntax; and the texts only the
 * Chatra dashboard can hold.
 */
import { contactHref, siteWideHref, type Contact } from '../shared/contacts.ts';
import { LABEL_KEYS, type LabelKey, type PageLabels } from '../shared/runtime-options.ts';
import { checkLinkLabel, expandWhatsApp, type TextLink } from './chatra-link.ts';
import type { toChatraText } from './chatra-text.ts';
import {
  chatraLanguages,
  defaultTexts,
  LANGUAGE_ALIASES,
  type ChatraLanguage,
  type DefaultLanguage,
  type DashboardTexts,
  type LanguageDefaults,
} from './default-texts.ts';
import { customStringKeys, type ParsedOptions, type Texts } from './schema.ts';

/** The texts one page gets, in its language. */
export interface PageTexts extends PageLabels {
  /** `ChatraSetup.locale.customStrings`, links already in Chatra syntax. */
  customStrings: Record<string, string>;
  /** `ChatraSetup.language` for the page, when Chatra's own interface ships that language. */
  chatraLanguage?: ChatraLanguage;
  /** The keys this language shows in another one's words (no defaults of its own, not set in `locales`). */
  borrowed?: { language: string; keys: string[] };
  /** Auto message for the page, in Chatra syntax. */
  autoMessage?: string;
}

/** Turns a text of the site owner's into Chatra's syntax (toChatraText, or expandWhatsApp when only defaults are used). */
export type ToChatraText = typeof toChatraText;

/** What the dashboard texts are made of. */
export interface SiteTexts {
  contacts: Contact[];
  /** Texts by lower-case language tag. */
  languages: Record<string, PageTexts>;
  /** The languages to print dashboard texts for. */
  siteLanguages: string[];
}

/** `{whatsapp}` in a text: the link, or with several contacts one link per contact. */
function textLinks(contacts: Contact[], linkLabel: string, href = contactHref): TextLink[] {
  if (contacts.length === 1) return [{ label: linkLabel, href: href(contacts[0]) }];
  return contacts.map((contact) => ({ label: `WhatsApp: ${contact.label}`, href: href(contact) }));
}

/** Keys of `texts` and `locales` that are our own words, not Chatra's (they need no Markdown parser). */
export const OWN_TEXT_KEYS: readonly string[] = [...LABEL_KEYS, 'greeting', 'greetingNote'];

/** The defaults a tag has of its own: the tag's, an alias's (`pt` → pt-br), or its base language's. Own keys only. */
function ownDefaults(tag: string): { language: DefaultLanguage; texts: LanguageDefaults } | undefined {
  const lower = tag.toLowerCase();
  const base = lower.split('-')[0];
  const alias = (key: string) => (Object.hasOwn(LANGUAGE_ALIASES, key) ? LANGUAGE_ALIASES[key] : undefined);
  for (const candidate of [lower, alias(lower), base, alias(base)]) {
    if (candidate && Object.hasOwn(defaultTexts, candidate)) {
      return { language: candidate as DefaultLanguage, texts: defaultTexts[candidate as DefaultLanguage] };
    }
  }
  return undefined;
}

/** The defaults a tag gets: its own, else the default language's, else English. */
function defaultsFor(tag: string, defaultLanguage = 'en'): { language: DefaultLanguage; texts: LanguageDefaults; own: boolean } {
  const own = ownDefaults(tag);
  if (own) return { ...own, own: true };
  return { ...(ownDefaults(defaultLanguage) ?? { language: 'en', texts: defaultTexts.en }), own: false };
}

/** Texts for one language: our defaults, then `texts`, then `locales.<base>`, then `locales.<tag>`. */
export function resolvePageTexts(
  tag: string,
  options: ParsedOptions,
  contacts: Contact[],
  defaultLanguage: string,
  toText: ToChatraText,
): PageTexts {
  const base = tag.split('-')[0];
  const defaults = defaultsFor(tag, defaultLanguage);
  const layers: { path: string; texts: Texts }[] = [
    { path: 'texts', texts: options.texts },
    ...Object.entries(options.locales)
      .filter(([code]) => code.toLowerCase() === base || code.toLowerCase() === tag)
      .sort(([a]) => (a.toLowerCase() === tag ? 1 : -1))
      .map(([code, texts]) => ({ path: `locales.${code}`, texts })),
  ];
  /** The value the layers give `key` (the last one that sets it), with its option path. */
  const chosen = <K extends keyof Texts>(key: K) => {
    let found: { value: NonNullable<Texts[K]>; path: string } | undefined;
    for (const layer of layers) {
      const value = layer.texts[key];
      if (value !== undefined) found = { value: value as NonNullable<Texts[K]>, path: `${layer.path}.${key}` };
    }
    return found;
  };
  /** Keys shown in the default language's words, because this one has none of its own. */
  const borrowed: string[] = [];

  const labels = {} as Record<LabelKey, string>;
  for (const key of LABEL_KEYS) {
    const own = chosen(key);
    if (!own && !defaults.own) borrowed.push(key);
    labels[key] = (own?.value ?? defaults.texts[key]).trim();
  }
  checkLinkLabel(chosen('linkLabel')?.value ?? defaults.texts.linkLabel, chosen('linkLabel')?.path ?? 'texts.linkLabel');
  const whatsapp = textLinks(contacts, labels.linkLabel);

  const customStrings: Record<string, string> = {};
  for (const key of customStringKeys) {
    const own = chosen(key);
    const fallback = defaults.texts.customStrings[key as keyof LanguageDefaults['customStrings']];
    if (own) {
      if (own.value !== false) customStrings[key] = toText(own.value, whatsapp, own.path);
    } else if (fallback !== undefined) {
      if (!defaults.own) borrowed.push(key);
      customStrings[key] = expandWhatsApp(fallback, whatsapp);
    }
  }

  const autoMessage = options.texts.autoMessage;
  // fallback.greeting is in the site's default language: a page in another one without its own says so (lang).
  const ownGreeting = chosen('greeting');
  const greetingNote = chosen('greetingNote')?.value ?? options.fallback.greeting?.note;
  const greetingLanguage = !ownGreeting && base !== defaultLanguage.split('-')[0] ? defaultLanguage : undefined;
  const greeting = options.fallback.greeting && {
    text: ownGreeting?.value ?? options.fallback.greeting.text,
    ...(greetingNote && { note: greetingNote }),
    ...(greetingLanguage && { language: greetingLanguage }),
  };
  return {
    ...labels,
    ...(greeting && { greeting }),
    language: tag,
    ...(borrowed.length > 0 && {
      borrowed: { language: defaults.language, keys: borrowed },
      labelLanguages: Object.fromEntries(LABEL_KEYS.filter((key) => borrowed.includes(key)).map((key) => [key, defaults.language])),
    }),
    customStrings,
    chatraLanguage: (chatraLanguages as readonly string[]).includes(base) ? (base as ChatraLanguage) : undefined,
    autoMessage: autoMessage && toText(autoMessage.text, whatsapp, 'texts.autoMessage.text'),
  };
}

/**
 * One warning for the site's languages that show another language's words: which, in what, and the
 * `locales` keys that would give them their own.
 */
export function fallbackLanguagesWarning(siteTexts: PageTexts[]): string | undefined {
  const lacking = siteTexts.filter((texts) => texts.borrowed);
  if (lacking.length === 0) return undefined;
  const lines = lacking.map((texts) => `  ${texts.language} (shown in ${texts.borrowed!.language}): ${texts.borrowed!.keys.join(', ')}`);
  const example = lacking[0];
  return (
    `locales: ${lacking.length === 1 ? 'a language' : `${lacking.length} languages`} of this site ${lacking.length === 1 ? 'has' : 'have'} no texts of ${lacking.length === 1 ? 'its' : 'their'} own, so their pages show another language's words:\n` +
    `${lines.join('\n')}\n` +
    `  Add them in astro.config.mjs, e.g. locales: { ${JSON.stringify(example.language)}: { linkLabel: '…', regionLabel: '…', openChatLabel: '…', qrLabel: '…', offlineNote: '… {whatsapp}' } }, ` +
    "or set a Chatra text to false to keep Chatra's own."
  );
}

/** Ready-to-paste texts for what only the Chatra dashboard edits (bot scenarios, triggers, saved replies). */
export function dashboardTextsFor(resolved: SiteTexts): Record<string, DashboardTexts> {
  const blocks: Record<string, DashboardTexts> = {};
  for (const tag of resolved.siteLanguages) {
    const texts = resolved.languages[tag];
    const defaults = (ownDefaults(texts.borrowed?.language ?? tag) ?? { texts: defaultTexts.en }).texts;
    const whatsapp = textLinks(resolved.contacts, texts.linkLabel, siteWideHref);
    blocks[tag] = {
      botScenario: expandWhatsApp(defaults.dashboard.botScenario, whatsapp),
      trigger: expandWhatsApp(defaults.dashboard.trigger, whatsapp),
      savedReply: expandWhatsApp(defaults.dashboard.savedReply, whatsapp),
    };
  }
  return blocks;
}

/** The dashboard texts as the build prints them. */
export function formatDashboardTexts(resolved: SiteTexts): string {
  const lines = ['Texts to paste into the Chatra dashboard (bot scenarios, automatic messages, saved replies):'];
  for (const [language, texts] of Object.entries(dashboardTextsFor(resolved))) {
    const borrowed = resolved.languages[language]?.borrowed;
    lines.push(
      borrowed ? `  [${language}] (in ${borrowed.language}: no texts of this language's own; see the warning above)` : `  [${language}]`,
      `    Bot scenario:   ${texts.botScenario}`,
      `    Trigger:        ${texts.trigger}`,
      `    Saved reply:    ${texts.savedReply}`,
    );
  }
  return lines.join('\n');
}
