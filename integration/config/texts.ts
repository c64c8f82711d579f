/**
 * The texts: our defaults per language, then `texts`, then `locales.<base>`, then
 * `locales.<tag>`, with `{whatsapp}` made the link in Chatra's syntax; and the texts only the
 * Chatra dashboard can hold.
 */
import { contactHref, siteWideHref, type Contact } from '../shared/contacts.ts';
import type { PageLabels } from '../shared/runtime-options.ts';
import { checkLinkLabel, expandWhatsApp, type TextLink } from './chatra-link.ts';
import type { toChatraText } from './chatra-text.ts';
import { chatraLanguages, defaultTexts, type ChatraLanguage } from './default-texts.ts';
import { customStringKeys, type ParsedOptions, type Texts } from './schema.ts';

/** The texts one page gets, in its language. */
export interface PageTexts extends PageLabels {
  /** `ChatraSetup.locale.customStrings`, links already in Chatra syntax. */
  customStrings: Record<string, string>;
  /** `ChatraSetup.language` for the page, when Chatra ships that language. */
  language?: ChatraLanguage;
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
export function textLinks(contacts: Contact[], linkLabel: string, href = contactHref): TextLink[] {
  if (contacts.length === 1) return [{ label: linkLabel, href: href(contacts[0]) }];
  return contacts.map((contact) => ({ label: `WhatsApp: ${contact.label}`, href: href(contact) }));
}

/** The defaults of a language: its own, its base language's, the default language's, or English. */
function defaultsFor(tag: string, defaultLanguage = 'en') {
  return (
    defaultTexts[tag.split('-')[0] as ChatraLanguage] ?? defaultTexts[defaultLanguage.split('-')[0] as ChatraLanguage] ?? defaultTexts.en
  );
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

  let linkLabel = { value: defaults.linkLabel, path: 'texts.linkLabel' };
  for (const layer of layers) {
    if (layer.texts.linkLabel !== undefined) linkLabel = { value: layer.texts.linkLabel, path: `${layer.path}.linkLabel` };
  }
  checkLinkLabel(linkLabel.value, linkLabel.path);
  const label = linkLabel.value.trim();
  const whatsapp = textLinks(contacts, label);

  const customStrings: Record<string, string> = {};
  for (const key of customStringKeys) {
    let chosen: { value: string | false; path: string } | undefined;
    for (const layer of layers) {
      const value = layer.texts[key];
      if (value !== undefined) chosen = { value, path: `${layer.path}.${key}` };
    }
    const fallback = defaults.customStrings[key as keyof typeof defaults.customStrings];
    if (chosen) {
      if (chosen.value !== false) customStrings[key] = toText(chosen.value, whatsapp, chosen.path);
    } else if (fallback !== undefined) {
      customStrings[key] = expandWhatsApp(fallback, whatsapp);
    }
  }

  const autoMessage = options.texts.autoMessage;
  return {
    linkLabel: label,
    openChatLabel: defaults.openChatLabel,
    regionLabel: defaults.regionLabel,
    qrLabel: defaults.qrLabel,
    customStrings,
    language: (chatraLanguages as readonly string[]).includes(base) ? (base as ChatraLanguage) : undefined,
    autoMessage: autoMessage && toText(autoMessage.text, whatsapp, 'texts.autoMessage.text'),
  };
}

/** Ready-to-paste texts for what only the Chatra dashboard edits (bot scenarios, triggers, saved replies). */
export function dashboardTextsFor(resolved: SiteTexts): Record<string, { botScenario: string; trigger: string; savedReply: string }> {
  const blocks: Record<string, { botScenario: string; trigger: string; savedReply: string }> = {};
  for (const tag of resolved.siteLanguages) {
    const texts = resolved.languages[tag];
    const defaults = defaultsFor(tag);
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
    lines.push(
      `  [${language}]`,
      `    Bot scenario:   ${texts.botScenario}`,
      `    Auto message:   ${texts.trigger}`,
      `    Saved reply:    ${texts.savedReply}`,
    );
  }
  return lines.join('\n');
}
