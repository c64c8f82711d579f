/**
 * The options, checked against the site's config and worked out once, at config time: the one
 * place that calls the schema, the contacts and the texts. Throws an OptionError naming the option.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HINTS, INTEGRATION_NAME, OptionError, rethrowAsAstroError } from '../shared/errors.ts';
import { pathPatternProblem } from '../shared/path-pattern.ts';
import { expandWhatsApp } from './chatra-link.ts';
import { toChatraText } from './chatra-text.ts';
import { resolveContacts } from './contacts.ts';
import { checkDarkSelector, checkSelector } from './css-selector.ts';
import { defaultLanguages, LANGUAGE_ALIASES } from './default-texts.ts';
import { optionsSchema, type ChatraSetup, type ParsedOptions } from './schema.ts';
import { fallbackLanguagesWarning, OWN_TEXT_KEYS, resolvePageTexts, type PageTexts, type SiteTexts, type ToChatraText } from './texts.ts';
import { checkLocaleKeys, type SiteLocales } from './site-locales.ts';
import { mistypedKey, toOptionError } from './zod-errors.ts';

/** Options checked and worked out once, at config time. */
export interface ResolvedOptions extends SiteTexts {
  /** The site's address (`site`), for `{url}` in prefilled messages. */
  site?: string;
  chatra?: {
    id: string;
    load: 'eager' | 'idle' | 'interaction';
    setup: ChatraSetup;
    consent: boolean | { event: string };
    /** Whether a stand-in for Chatra's round button is drawn until the widget is ready. */
    facade: boolean;
    include?: string[];
    exclude?: string[];
  };
  /** `hideWhen` checked, as a list. */
  fallback: Omit<ParsedOptions['fallback'], 'hideWhen'> & { hideWhen: string[] };
  /** `darkWhen` checked. */
  darkWhen?: string;
  analytics: ParsedOptions['analytics'];
  autoMessage?: { afterSeconds: number; pages?: string[] };
  /** Language of pages that declare none. */
  defaultLanguage: string;
  warnings: string[];
}

/** The parts of the Astro config the options depend on. */
export interface SiteConfig extends SiteLocales {
  site?: string | undefined;
  /** Where `fallback.greeting.avatar` must be. */
  publicDir?: URL;
}

/** The greeting stands beside the floating button, and shows a picture the site serves itself. */
function checkGreeting(options: ParsedOptions, publicDir: URL | undefined): void {
  const { greeting, floating } = options.fallback;
  const translated = [
    ['texts', options.texts] as const,
    ...Object.entries(options.locales).map(([code, texts]) => [`locales.${code}`, texts] as const),
  ].flatMap(([path, texts]) =>
    (['greeting', 'greetingNote'] as const).filter((key) => texts[key] !== undefined).map((key) => `${path}.${key}`),
  );
  if (!greeting && translated.length > 0) {
    throw new OptionError(
      translated[0],
      'is a greeting in one language, but the site has no greeting.',
      'Add one: fallback: { greeting: { text: "Hi 👋 Any questions? We answer on WhatsApp" } }.',
    );
  }
  if (!greeting) return;
  if (floating === false) {
    throw new OptionError(
      'fallback.greeting',
      'stands beside the floating WhatsApp button, and fallback.floating is false: there is none.',
      "Remove fallback.greeting, or set fallback.floating to 'until-chatra' or 'always'.",
    );
  }
  if (greeting.avatar && publicDir && !existsSync(new URL(`.${greeting.avatar}`, publicDir))) {
    throw new OptionError(
      'fallback.greeting.avatar',
      `"${greeting.avatar}" is not a file in public/ (${fileURLToPath(publicDir)}).`,
      'Put the picture in public/ (for example public/team.jpg, 80 × 80 px for sharp screens) and write its path: avatar: "/team.jpg".',
    );
  }
}

/**
 * Validates the user's options against the site config; throws an OptionError naming the option.
 * libphonenumber and remark load only when the options need them (a phone number; texts of the user's own).
 */
export async function resolveOptions(input: unknown, site: SiteConfig): Promise<ResolvedOptions> {
  if (input === undefined || input === null || (typeof input === 'object' && !('whatsapp' in input))) {
    const typo = input ? mistypedKey(input, 'whatsapp') : undefined;
    if (typo) throw typo;
    throw new OptionError('whatsapp', 'is missing: the integration needs to know where visitors reach you.', HINTS.missingWhatsApp);
  }
  const result = optionsSchema.safeParse(input);
  if (!result.success) throw toOptionError(result.error.issues[0], input);
  const options = result.data;

  const { contacts, warnings } = resolveContacts(options.whatsapp, site.site);
  const { hideWhen } = options.fallback;
  const hideSelectors =
    hideWhen === undefined
      ? []
      : typeof hideWhen === 'string'
        ? [checkSelector(hideWhen, 'fallback.hideWhen')]
        : hideWhen.map((selector, index) => checkSelector(selector, `fallback.hideWhen.${index}`));
  const darkWhen = options.darkWhen === undefined ? undefined : checkDarkSelector(options.darkWhen, 'darkWhen');
  if (options.fallback.qr && contacts.length > 1) {
    throw new OptionError(
      'fallback.qr',
      'works with one contact; with several, the floating button is already a list.',
      'Put <WhatsAppQR contact="…" /> on a page instead, or list one contact.',
    );
  }
  checkPathPatterns(options.chatra?.include, 'chatra.include');
  checkPathPatterns(options.chatra?.exclude, 'chatra.exclude');
  checkPathPatterns(options.fallback.include, 'fallback.include');
  checkPathPatterns(options.fallback.exclude, 'fallback.exclude');
  checkPathPatterns(options.texts.autoMessage?.pages, 'texts.autoMessage.pages');
  if (options.texts.autoMessage && !options.chatra) {
    throw new OptionError(
      'texts.autoMessage',
      'is sent through Chatra, but the site has no `chatra`: it would never be sent.',
      'Add chatra: { id: "…" }, or leave texts.autoMessage out.',
    );
  }
  checkGreeting(options, site.publicDir);
  // Without texts of the user's own, only our defaults are used, and those need no Markdown parser.
  const ownsTexts = [options.texts, ...Object.values(options.locales)].some((texts) =>
    Object.keys(texts).some((key) => !OWN_TEXT_KEYS.includes(key)),
  );
  const toText: ToChatraText = ownsTexts ? toChatraText : expandWhatsApp;

  const i18nCodes = checkLocaleKeys(Object.keys(options.locales), site);

  // Starlight writes Astro's i18n from its locales in its own setup: an integration before it can't see them.
  const order = site.integrations?.map((integration) => integration.name) ?? [];
  if (order.includes('@astrojs/starlight') && order.indexOf('@astrojs/starlight') > order.indexOf(INTEGRATION_NAME)) {
    warnings.push(
      "integrations: chatraWhatsApp() comes before starlight(), so it can't see Starlight's languages (no warning for the ones without texts, no check of `locales`). Put it after starlight().",
    );
  }
  const setup = options.chatra?.setup ?? {};
  checkChatraSetup(setup);
  const defaultLanguage = (setup.language ?? site.i18n?.defaultLocale ?? 'en').toLowerCase();
  // Every language we have words for (a page may say any of them in <html lang>), and the site's own.
  const tags = new Set<string>(
    [...defaultLanguages, ...Object.keys(LANGUAGE_ALIASES), ...Object.keys(options.locales), ...(i18nCodes ?? [])].map((tag) =>
      tag.toLowerCase(),
    ),
  );
  const languages: Record<string, PageTexts> = {};
  for (const tag of tags) languages[tag] = resolvePageTexts(tag, options, contacts, defaultLanguage, toText);
  const siteLanguages = i18nCodes
    ? [...new Set(site.i18n!.locales.map((locale) => (typeof locale === 'string' ? locale : locale.codes[0]).toLowerCase()))]
    : [...new Set([defaultLanguage, ...Object.keys(options.locales).map((tag) => tag.toLowerCase())])];
  const fallbackWarning = fallbackLanguagesWarning(
    siteLanguages.map((tag) => languages[tag] ?? languages[tag.split('-')[0]]).filter(Boolean),
  );
  if (fallbackWarning) warnings.push(fallbackWarning);
  const greetingElsewhere = siteLanguages.filter((tag) => (languages[tag] ?? languages[tag.split('-')[0]])?.greeting?.language);
  if (greetingElsewhere.length > 0) {
    warnings.push(
      `fallback.greeting: pages in ${greetingElsewhere.join(', ')} show the greeting in ${defaultLanguage}. ` +
        `Give them their own: locales: { ${JSON.stringify(greetingElsewhere[0])}: { greeting: '…'${options.fallback.greeting?.note ? ", greetingNote: '…'" : ''} } }.`,
    );
  }

  const chatra = options.chatra && {
    id: options.chatra.id,
    load: options.chatra.load,
    setup,
    consent: options.chatra.consent,
    facade: setup.buttonStyle !== 'tab' && !setup.customWidgetButton && !setup.startHidden && setup.mode !== 'frame',
    include: options.chatra.include,
    exclude: options.chatra.exclude,
  };
  const autoMessage = options.texts.autoMessage;

  return {
    contacts,
    site: site.site,
    chatra,
    fallback: { ...options.fallback, hideWhen: hideSelectors },
    ...(darkWhen && { darkWhen }),
    analytics: options.analytics,
    autoMessage: autoMessage && chatra ? { afterSeconds: autoMessage.afterSeconds, pages: autoMessage.pages } : undefined,
    defaultLanguage,
    languages,
    siteLanguages,
    warnings,
  };
}

/** resolveOptions, with an OptionError turned into the AstroError Astro prints without a stack trace. */
export function resolveOrThrow(options: unknown, site: SiteConfig): Promise<ResolvedOptions> {
  return resolveOptions(options, site).catch(rethrowAsAstroError);
}

/** `chatra.setup` values no build may hold. */
function checkChatraSetup(setup: ChatraSetup): void {
  if (setup.clientId === undefined) return;
  // Written into the public loader, one clientId would give every visitor the same conversation.
  throw new OptionError(
    'chatra.setup.clientId',
    "is one value for every visitor, written into a public file: Chatra's clientId must be unique and secret per visitor, since knowing it opens that visitor's conversation (with the e-mails and phone numbers in it).",
    'Remove it here. For signed-in users, set it per visitor in your page before the widget loads, as Chatra documents: window.ChatraSetup = { clientId: "<the user\'s secret id>" } (the integration keeps it).',
  );
}

/** Each path pattern in the syntax the server matches (shared/path-pattern.ts). */
function checkPathPatterns(patterns: string[] | undefined, path: string): void {
  patterns?.forEach((pattern, index) => {
    const problem = pathPatternProblem(pattern);
    if (problem) {
      throw new OptionError(
        `${path}.${index}`,
        `${JSON.stringify(pattern)} ${problem}.`,
        // One "**" only: Astro prints hints as Markdown, where two would make bold what stands between.
        'Write a path without `base`, with * (within a segment), ? (one character), {a,b} (either) and a segment of two stars (any segments), as in "/{cart,checkout}/**".',
      );
    }
  });
}
