import type { AstroConfig } from 'astro';
import type { core } from 'astro/zod';
import { expandWhatsApp, type TextLink } from './chatra-link.ts';
import { toChatraText } from './chatra-texts.ts';
import { checkPrefilledText, contactHref, siteWideHref, type Contact } from './contacts.ts';
import { chatraLanguages, defaultTexts, type ChatraLanguage } from './default-texts.ts';
import { OptionError } from './option-error.ts';
import { customStringKeys, optionsSchema, type ChatraSetup, type ParsedOptions, type Texts } from './options.ts';
import { parsePhone } from './phone-number.ts';
import { parseShortLink, type WhatsAppLink } from './whatsapp-link.ts';

/** The texts one page gets, in its language. */
export interface PageTexts {
  linkLabel: string;
  openChatLabel: string;
  regionLabel: string;
  qrLabel: string;
  /** `ChatraSetup.locale.customStrings`, links already in Chatra syntax. */
  customStrings: Record<string, string>;
  /** `ChatraSetup.language` for the page, when Chatra ships that language. */
  language?: ChatraLanguage;
  /** Auto message for the page, in Chatra syntax. */
  autoMessage?: string;
}

/** Options checked and worked out once, at config time. */
export interface ResolvedOptions {
  /** Where visitors reach you on WhatsApp: one contact, or several named ones. */
  contacts: Contact[];
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
  fallback: ParsedOptions['fallback'];
  analytics: ParsedOptions['analytics'];
  autoMessage?: { afterSeconds: number; pages?: string[] };
  /** Language of pages that declare none. */
  defaultLanguage: string;
  /** Texts by lower-case language tag. */
  languages: Record<string, PageTexts>;
  /** Languages to print dashboard texts for. */
  siteLanguages: string[];
  warnings: string[];
}

const MISSING_WHATSAPP_HINT =
  'Pass your WhatsApp Business short link (app: Settings → Business tools → Short link) in astro.config.mjs:\n' +
  '  chatraWhatsApp({ whatsapp: "https://wa.me/message/XXXXXXXXXXXXX" })\n' +
  'or a phone number: chatraWhatsApp({ whatsapp: { phone: "+49 30 1234567" } }).';

/** The parts of the Astro config the options depend on. */
export interface SiteConfig {
  i18n?: AstroConfig['i18n'];
  site?: string;
}

/** `{whatsapp}` in a text: the link, or with several contacts one link per contact. */
function textLinks(contacts: Contact[], linkLabel: string, href = contactHref): TextLink[] {
  if (contacts.length === 1) return [{ label: linkLabel, href: href(contacts[0]) }];
  return contacts.map((contact) => ({ label: `WhatsApp: ${contact.label}`, href: href(contact) }));
}

type ContactInput = { path: string; label?: string; link?: string; phone?: string; text?: string };

/** Checks each contact's link or number, label and message. */
function resolveContacts(whatsapp: ParsedOptions['whatsapp'], site: string | undefined): { contacts: Contact[]; warnings: string[] } {
  const inputs: ContactInput[] =
    typeof whatsapp === 'string'
      ? [{ path: 'whatsapp', link: whatsapp }]
      : Array.isArray(whatsapp)
        ? whatsapp.map((contact, index) => ({ path: `whatsapp.${index}`, ...contact }))
        : [{ path: 'whatsapp', ...whatsapp }];
  const contacts: Contact[] = [];
  const warnings: string[] = [];
  for (const input of inputs) {
    const { path } = input;
    if (input.label !== undefined) {
      checkLinkLabel(input.label, `${path}.label`);
      if (contacts.some((contact) => contact.label!.toLowerCase() === input.label!.trim().toLowerCase())) {
        throw new OptionError(`${path}.label`, `"${input.label}" names two contacts.`, 'Give each contact its own label.');
      }
    }
    if ((input.link === undefined) === (input.phone === undefined)) {
      throw new OptionError(
        path,
        input.link === undefined ? 'needs a `link` or a `phone`.' : 'has both a `link` and a `phone`.',
        'Give each contact one of them: { label: "Sales", link: "https://wa.me/message/XXXXXXXXXXXXX" } or { label: "Support", phone: "+49 30 1234567" }.',
      );
    }
    let link: WhatsAppLink;
    if (input.link !== undefined) link = parseShortLink(input.link, path === 'whatsapp' ? path : `${path}.link`);
    else link = parsePhone(input.phone!, `${path}.phone`);
    if (input.text !== undefined) checkPrefilledText(input.text, link.kind, `${path}.text`, site);
    warnings.push(...link.warnings);
    contacts.push({ label: input.label?.trim(), kind: link.kind, link: link.href, text: input.text });
  }
  return { contacts, warnings };
}

/**
 * Validates the user's options against the site config; throws an OptionError naming the option.
 * libphonenumber and remark load only when the options need them (a phone number; texts of the user's own).
 */
export async function resolveOptions(input: unknown, site: SiteConfig): Promise<ResolvedOptions> {
  if (input === undefined || input === null || (typeof input === 'object' && !('whatsapp' in input))) {
    throw new OptionError('whatsapp', 'is missing: the integration needs to know where visitors reach you.', MISSING_WHATSAPP_HINT);
  }
  const result = optionsSchema.safeParse(input);
  if (!result.success) throw toOptionError(result.error.issues[0], input);
  const options = result.data;

  const { contacts, warnings } = resolveContacts(options.whatsapp, site.site);
  if (options.fallback.qr && contacts.length > 1) {
    throw new OptionError(
      'fallback.qr',
      'works with one contact; with several, the floating button is already a list.',
      'Put <WhatsAppQR contact="…" /> on a page instead, or list one contact.',
    );
  }
  // Without texts of the user's own, only our defaults are used, and those need no Markdown parser.
  const ownsTexts = [options.texts, ...Object.values(options.locales)].some((texts) => Object.keys(texts).some((key) => key !== 'linkLabel'));
  const toText: ToChatraText = ownsTexts ? toChatraText : expandWhatsApp;

  const i18nCodes = site.i18n?.locales.flatMap((locale) => (typeof locale === 'string' ? [locale] : [locale.path, ...locale.codes]));
  if (i18nCodes) {
    for (const code of Object.keys(options.locales)) {
      if (!i18nCodes.some((known) => known.toLowerCase() === code.toLowerCase())) {
        throw new OptionError(
          `locales.${code}`,
          `"${code}" is not one of this site's i18n locales (${i18nCodes.join(', ')}).`,
          `Rename it to one of ${i18nCodes.join(', ')}, or add "${code}" to i18n.locales.`,
        );
      }
    }
  }

  const setup = options.chatra?.setup ?? {};
  if (setup.clientId !== undefined) {
    // Written into the public loader, one clientId would give every visitor the same conversation.
    throw new OptionError(
      'chatra.setup.clientId',
      "is one value for every visitor, written into a public file: Chatra's clientId must be unique and secret per visitor, since knowing it opens that visitor's conversation (with the e-mails and phone numbers in it).",
      'Remove it here. For signed-in users, set it per visitor in your page before the widget loads, as Chatra documents: window.ChatraSetup = { clientId: "<the user\'s secret id>" } (the integration keeps it).',
    );
  }
  const defaultLanguage = (setup.language ?? site.i18n?.defaultLocale ?? 'en').toLowerCase();
  const tags = new Set<string>([...chatraLanguages, ...Object.keys(options.locales), ...(i18nCodes ?? [])].map((tag) => tag.toLowerCase()));
  const languages: Record<string, PageTexts> = {};
  for (const tag of tags) languages[tag] = resolvePageTexts(tag, options, contacts, defaultLanguage, toText);

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
    fallback: options.fallback,
    analytics: options.analytics,
    autoMessage: autoMessage && chatra ? { afterSeconds: autoMessage.afterSeconds, pages: autoMessage.pages } : undefined,
    defaultLanguage,
    languages,
    siteLanguages: i18nCodes
      ? [...new Set(site.i18n!.locales.map((locale) => (typeof locale === 'string' ? locale : locale.codes[0]).toLowerCase()))]
      : [...new Set([defaultLanguage, ...Object.keys(options.locales).map((tag) => tag.toLowerCase())])],
    warnings,
  };
}

type ToChatraText = typeof toChatraText;

/** Texts for one language: our defaults, then `texts`, then `locales.<base>`, then `locales.<tag>`. */
function resolvePageTexts(tag: string, options: ParsedOptions, contacts: Contact[], defaultLanguage: string, toText: ToChatraText): PageTexts {
  const base = tag.split('-')[0];
  const defaults = defaultTexts[base as ChatraLanguage] ?? defaultTexts[defaultLanguage.split('-')[0] as ChatraLanguage] ?? defaultTexts.en;
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

function checkLinkLabel(label: string, path: string): void {
  if (label.trim() === '') throw new OptionError(path, 'is empty.', 'Give the link a text, e.g. "Write to us on WhatsApp".');
  if (/[[\]\u0000-\u001f\u007f\u2028\u2029]/u.test(label)) {
    throw new OptionError(
      path,
      `${JSON.stringify(label)} contains "[", "]" or a line break, which would break Chatra's [text](link) syntax.`,
      'Remove those characters from the link text.',
    );
  }
}

/** Ready-to-paste texts for what only the Chatra dashboard edits (bot scenarios, triggers, saved replies). */
export function dashboardTextsFor(resolved: ResolvedOptions): Record<string, { botScenario: string; trigger: string; savedReply: string }> {
  const blocks: Record<string, { botScenario: string; trigger: string; savedReply: string }> = {};
  for (const tag of resolved.siteLanguages) {
    const texts = resolved.languages[tag];
    const defaults = defaultTexts[tag.split('-')[0] as ChatraLanguage] ?? defaultTexts.en;
    const whatsapp = textLinks(resolved.contacts, texts.linkLabel, siteWideHref);
    blocks[tag] = {
      botScenario: expandWhatsApp(defaults.dashboard.botScenario, whatsapp),
      trigger: expandWhatsApp(defaults.dashboard.trigger, whatsapp),
      savedReply: expandWhatsApp(defaults.dashboard.savedReply, whatsapp),
    };
  }
  return blocks;
}

function toOptionError(issue: core.$ZodIssue, input: unknown): OptionError {
  const path = issue.path.map(String).join('.');
  const received = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], input);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      const known = knownKeys(issue.path);
      const guess = closest(key, known);
      return new OptionError(
        path ? `${path}.${key}` : key,
        'is not an option.',
        guess ? `Did you mean "${guess}"?` : `Options here: ${known.join(', ')}.`,
      );
    }
    case 'invalid_value':
      return new OptionError(
        path,
        `expected ${issue.values.map((value) => JSON.stringify(value)).join(' | ')}, got ${describe(received)}.`,
        `Set it to one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`,
      );
    case 'invalid_type':
      if (received === undefined) return new OptionError(path, 'is missing.', requiredHint(path));
      return new OptionError(path, `expected ${issue.expected}, got ${describe(received)}.`, `Give \`${path}\` a ${issue.expected} value.`);
    case 'too_small':
      if (Array.isArray(received) && received.length === 0) {
        return new OptionError(path, 'is an empty list.', path === 'whatsapp' ? MISSING_WHATSAPP_HINT : 'Give it at least one entry, or leave the option out.');
      }
      if (issue.origin === 'string') return new OptionError(path, 'is empty.', `Give \`${path}\` a text, or leave the option out.`);
      return new OptionError(path, `${describe(received)} is too small.`, `Use a value of at least ${issue.minimum}.`);
    case 'invalid_key':
      return new OptionError(path, `${JSON.stringify(String(issue.path.at(-1)))} is not a language code.`, 'Use a language code such as "ru" or "pt-BR", as in <html lang>.');
    case 'too_big':
      return new OptionError(path, `${describe(received)} is too large.`, `Use a value of at most ${issue.maximum}.`);
    case 'invalid_union': {
      if (path === 'whatsapp') {
        // The form the user chose (an object, a list of contacts) says which error is theirs.
        const chosen = Array.isArray(received) ? (received.length > 0 ? 2 : undefined) : typeof received === 'object' && received ? 1 : undefined;
        const inner = chosen === undefined ? undefined : issue.errors[chosen]?.[0];
        if (inner) return toOptionError({ ...inner, path: [...issue.path, ...inner.path] } as core.$ZodIssue, input);
        return new OptionError(
          path,
          `expected a short link string, { phone, text? } or a list of { label, link | phone, text? }, got ${Array.isArray(received) ? 'an empty list' : describe(received)}.`,
          MISSING_WHATSAPP_HINT,
        );
      }
      const inner = issue.errors.flat()[0];
      return inner ? toOptionError({ ...inner, path: [...issue.path, ...inner.path] } as core.$ZodIssue, input) : new OptionError(path, issue.message, 'Check the README for this option.');
    }
    case 'invalid_format':
      // The schema's own messages say what is expected ("expected a hex colour such as …").
      return new OptionError(path, `got ${describe(received)}; ${issue.message}.`, `Set \`${path}\` to ${issue.message.replace(/^expected /, '')}.`);
    default:
      return new OptionError(path, `${describe(received)}: ${issue.message}.`, 'Check the README for this option.');
  }
}

/** What to write when a required option is missing. */
const REQUIRED_HINTS: Record<string, string> = {
  'chatra.id': 'Add your Chatra public key (dashboard: Settings → Preferences → API keys): chatra: { id: "…" }.',
  'whatsapp.phone': 'Add the number in international form: whatsapp: { phone: "+49 30 1234567" }.',
  'texts.autoMessage.text': 'Add the message: autoMessage: { text: "Questions? Ask here, or {whatsapp}." }.',
  'whatsapp.label': 'Name each contact: { label: "Sales", link: "https://wa.me/message/XXXXXXXXXXXXX" }.',
};

/** The hint for a missing option (list indexes dropped: `whatsapp.1.phone` → `whatsapp.phone`); own keys only. */
function requiredHint(path: string): string {
  const key = path.replace(/\.\d+(?=\.|$)/g, '');
  return Object.hasOwn(REQUIRED_HINTS, key) ? REQUIRED_HINTS[key] : `Add \`${path}\`.`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** Option names allowed at a path of the schema, for "did you mean". */
function knownKeys(path: PropertyKey[]): string[] {
  let schema: core.$ZodType = optionsSchema;
  for (const key of path) {
    const def = unwrap(schema, typeof key === 'number' ? 'array' : 'object')._zod.def as {
      type: string;
      shape?: Record<string, core.$ZodType>;
      valueType?: core.$ZodType;
      element?: core.$ZodType;
    };
    schema = def.type === 'record' ? def.valueType! : def.type === 'array' ? def.element! : def.shape![key as string];
  }
  const def = unwrap(schema, 'object')._zod.def as { shape?: Record<string, unknown> };
  return Object.keys(def.shape ?? {});
}

/** The schema under optional/default wrappers; of a union, the option of the given type. */
function unwrap(schema: core.$ZodType, type: 'object' | 'array'): core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: core.$ZodType; options?: core.$ZodType[] };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'union') return def.options!.find((option) => option._zod.def.type === type) ?? current;
    else return current;
  }
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
