/**
 * The HTML the integration adds to a page: the page's Chatra texts as JSON, the floating
 * WhatsApp button, the chat facade. Pure functions of the runtime options, shared by the page
 * transform and the components; class names and ids from dom.ts.
 */
import { contactHref, type PageLinks } from './contacts.ts';
import { CLASS, LOADER_ID, NEW_TAB, PAGE_DATA_ID, STYLESHEET_ID } from './dom.ts';
import { escapeHtml, serializeForScript } from './escape.ts';
import type { PageLabels, RuntimeOptions } from './runtime-options.ts';

type MarkupOptions = Pick<RuntimeOptions, 'fallback' | 'chatra' | 'contacts' | 'greetingScriptUrl'>;

const NEW_TAB_ATTRIBUTES = ` target="${NEW_TAB.target}" rel="${NEW_TAB.rel}"`;

// The WhatsApp glyph: an outlined bubble and the handset, drawn in currentColor.
export const WHATSAPP_ICON =
  '<svg viewBox="0 0 240 240" aria-hidden="true"><path fill="none" stroke="currentColor" ' +
  'stroke-width="18" d="M120 25a95 95 0 0 0-82 143l-13 47 48-13A95 95 0 1 0 120 25z"/><path ' +
  'fill="currentColor" d="M86 72c-3 0-7 1-10 5-4 4-11 11-11 26s11 30 13 33c2 2 22 34 54 46 27 10 32 8 38 8 6-1 19-8 21-15 3-7 ' +
  '3-14 2-15l-6-4-22-10c-3-1-5-2-7 1l-10 12c-2 2-4 3-7 1-3-2-14-5-26-16-10-9-16-19-18-22-2-3 0-5 1-7l5-6 3-5c1-2 1-4 ' +
  '0-6l-10-24c-3-6-5-6-7-6z"/></svg>';

const CHAT_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';

/** What the button's markup is made of (the component's props, resolved). */
export interface ButtonMarkup {
  href: string;
  label: string;
  variant?: 'inline' | 'floating';
  size?: 'small' | 'medium' | 'large';
  theme?: 'light' | 'dark' | 'auto';
  /** Extra class names (the floating button uses them for its position and state). */
  classes?: string[];
  /** The label's language, when it differs from the text around it. */
  lang?: string;
}

/** A plain link with an icon: works without JavaScript, opens WhatsApp in a new tab. */
export function whatsAppButtonHtml({
  href,
  label,
  variant = 'inline',
  size = 'medium',
  theme = 'light',
  classes = [],
  lang,
}: ButtonMarkup): string {
  // Size and theme are the inline button's; the floating one has a look of its own.
  const looks = variant === 'inline' ? [CLASS[size], CLASS[theme]] : [];
  const className = [CLASS.button, CLASS[variant], ...looks, ...classes].join(' ');
  return (
    `<a class="${className}" href="${escapeHtml(href)}"${NEW_TAB_ATTRIBUTES}>` +
    `${WHATSAPP_ICON}<span class="${CLASS.label}"${langAttribute(lang)}>${escapeHtml(label)}</span></a>`
  );
}

/** Which of the integration's parts a page gets (`include`/`exclude`, `Astro.locals.whatsapp`). */
export interface PageParts {
  widget: boolean;
  floating: boolean;
}

/** The page stylesheet: a `<link>` to the cached file, or the stylesheet itself; its id marks a page that has its kit. */
export function stylesheetHtml(sheet: { url: string } | { css: string }): string {
  return 'url' in sheet
    ? `<link rel="stylesheet" href="${escapeHtml(sheet.url)}" id="${STYLESHEET_ID}">`
    : `<style id="${STYLESHEET_ID}">${sheet.css}</style>`;
}

/**
 * ` nonce="…"`, or nothing: the nonce the page's own policy gives its scripts or styles (a nonce per
 * request, from the site's middleware: runtime/csp-nonce.ts), for the kit's elements of that kind.
 */
export function nonceAttribute(nonce: string | undefined): string {
  return nonce ? ` nonce="${escapeHtml(nonce)}"` : '';
}

/**
 * What goes right after `<head>`: the stylesheet of the floating button and the chat facade, when
 * the page has either (with the styles' nonce: `styleNonce`).
 */
export function pageHeadHtml(options: MarkupOptions & Pick<RuntimeOptions, 'stylesheet'>, page: PageParts, styleNonce?: string): string {
  const shows = (options.fallback.floating && page.floating) || (options.chatra?.facade && page.widget);
  if (!shows) return '';
  // The build's own markup, a <link> or a <style> first: the nonce goes after its name.
  return styleNonce ? options.stylesheet.replace(/^<(?:link|style)\b/, (tag) => tag + nonceAttribute(styleNonce)) : options.stylesheet;
}

/**
 * Which texts file the page's Chatra gets, whether it sends the auto message, and the links that
 * differ on this page (JSON, read by the loader; not executed, so CSP leaves it alone).
 */
export function pageDataHtml(page: { texts?: string; autoMessage: boolean; links: Map<string, string> }): string {
  const data = {
    texts: page.texts,
    ...(page.autoMessage && { autoMessage: true }),
    ...(page.links.size > 0 && { links: Object.fromEntries(page.links) }),
  };
  return `<script type="application/json" id="${PAGE_DATA_ID}">${serializeForScript(data)}</script>`;
}

/** What goes before `</head>`, after the bootstrap: the cached loader, found early by the preload scanner. */
export function loaderScriptHtml(loaderUrl: string | undefined, nonce?: string): string {
  return loaderUrl ? `<script async src="${escapeHtml(loaderUrl)}" id="${LOADER_ID}"${nonceAttribute(nonce)}></script>` : '';
}

const scriptHtml = (url: string, nonce?: string) => `<script async src="${escapeHtml(url)}"${nonceAttribute(nonce)}></script>`;

/**
 * The `lang` the kit's landmark says, if any: where the words around it are in another language
 * (labels borrowed from another language, or a document that says another: a 404 page whose
 * layout says "en", served under /ru/ with Russian words).
 */
export function landmarkLanguage(texts: PageLabels, documentLanguage: string | undefined): string | undefined {
  const regionLanguage = texts.labelLanguages?.regionLabel ?? texts.language;
  // A document that says no language leaves a screen reader to guess: the landmark says its own.
  const documentPrimary = documentLanguage?.toLowerCase().split('-')[0] || undefined;
  const elsewhere = regionLanguage !== texts.language || documentPrimary !== regionLanguage.split('-')[0];
  return elsewhere ? regionLanguage : undefined;
}

/** What a page's body kit may take besides its labels, parts and links. */
export interface PageBodyExtras {
  /** Draws the floating button's QR code (`fallback.qr`); none for a link too long for one. */
  qrCode?: (href: string) => string | undefined;
  greeting?: PageGreeting;
  /** The page's `<html lang>`, if any. */
  documentLanguage?: string;
  /** The nonce the page's policy gives its scripts (for the greeting's). */
  scriptNonce?: string;
}

/**
 * What goes before `</body>`: the floating WhatsApp button (a list with several contacts) and the
 * chat facade, in a named landmark.
 */
export function pageBodyHtml(
  options: MarkupOptions,
  texts: PageLabels,
  page: PageParts,
  links: PageLinks,
  { qrCode, greeting, documentLanguage, scriptNonce }: PageBodyExtras = {},
): string {
  const { fallback, chatra, contacts } = options;
  // A label in another language than what is around it says so (a language with no words of its own).
  const regionLanguage = texts.labelLanguages?.regionLabel ?? texts.language;
  const languageIn = (key: 'linkLabel' | 'openChatLabel') => {
    const language = texts.labelLanguages?.[key] ?? texts.language;
    return language === regionLanguage ? undefined : language;
  };
  const lang = languageIn('linkLabel');
  let html = '';
  if (fallback.floating && page.floating) {
    const classes = [floatingSide(fallback.position)];
    if (fallback.floating === 'until-chatra' && chatra && page.widget) classes.push(CLASS.untilChatra);
    // First in the landmark: read before the button it points to, shown above it.
    // Its words are in the page's language (or say which), whatever language the landmark around it is in.
    const words = greeting && {
      ...greeting,
      language: greeting.language ?? (regionLanguage === texts.language ? undefined : texts.language),
    };
    if (words) html += greetingHtml(words, texts, classes, contacts.length === 1 ? links.main : undefined);
    // A link too long for a QR code (a very long title in the message) gets the plain button.
    const svg = contacts.length === 1 ? qrCode?.(links.main) : undefined;
    html +=
      contacts.length === 1
        ? svg
          ? floatingQrHtml(links.main, texts.linkLabel, svg, classes, lang)
          : whatsAppButtonHtml({ href: links.main, label: texts.linkLabel, variant: 'floating', classes, lang })
        : contactListHtml(
            contacts.map((contact) => ({ label: contact.label!, href: links.href(contactHref(contact)) })),
            texts.linkLabel,
            classes,
            lang,
          );
  }
  if (chatra?.facade && page.widget) {
    const facadeLang = langAttribute(languageIn('openChatLabel'));
    html += `<button type="button" class="${CLASS.facade}" aria-label="${escapeHtml(texts.openChatLabel)}"${facadeLang}>${CHAT_ICON}</button>`;
  }
  const asideLang = langAttribute(landmarkLanguage(texts, documentLanguage));
  if (!html) return '';
  // The greeting's script: a close remembered for the session, the greeting said once to screen readers.
  const script =
    greeting && options.greetingScriptUrl && html.includes(CLASS.greeting) ? scriptHtml(options.greetingScriptUrl, scriptNonce) : '';
  // data-pagefind-ignore: site search (Pagefind, which many themes run over the whole <body>;
  // Starlight limits it to its content) would otherwise find the button's and greeting's words on every page.
  return `<aside class="${CLASS.region}" aria-label="${escapeHtml(texts.regionLabel)}"${asideLang} data-pagefind-ignore="all">${html}</aside>${script}`;
}

/** A page's greeting: its words (the page's language, or the page's own text) and the site's name and picture. */
export interface PageGreeting {
  text: string;
  note?: string;
  /** The words' language, when it is not the page's. */
  language?: string;
  name?: string;
  /** The picture's address on the site. */
  avatar?: string;
}

const CLOSE_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2"/></svg>';

/**
 * The greeting: a `<details open>`, so its summary closes it with or without JavaScript; beside the
 * floating button, shown and hidden with it (the same state class). With one contact the card is a
 * link to it; with several, the list below is. Its live region stays empty until the greeting
 * script announces the greeting once, when it appears.
 */
function greetingHtml(greeting: PageGreeting, texts: PageLabels, classes: string[], href?: string): string {
  const closeLang = langAttribute(texts.labelLanguages?.closeLabel);
  const avatar = greeting.avatar
    ? `<img class="${CLASS.greetingAvatar}" src="${escapeHtml(greeting.avatar)}" alt="" width="40" height="40" loading="lazy" decoding="async">`
    : '';
  const name = greeting.name ? `<span class="${CLASS.greetingName}">${escapeHtml(greeting.name)}</span>` : '';
  const note = greeting.note ? `<span class="${CLASS.greetingNote}">${escapeHtml(greeting.note)}</span>` : '';
  const body = `${avatar}<span${langAttribute(greeting.language)}>${name}<span class="${CLASS.greetingText}">${escapeHtml(greeting.text)}</span>${note}</span>`;
  const card = href
    ? `<a class="${CLASS.greetingCard}" href="${escapeHtml(href)}"${NEW_TAB_ATTRIBUTES}>${body}</a>`
    : `<p class="${CLASS.greetingCard}">${body}</p>`;
  return (
    `<details class="${[CLASS.greeting, ...classes].join(' ')}" open>` +
    `<summary class="${CLASS.greetingClose}" aria-label="${escapeHtml(texts.closeLabel)}"${closeLang}>${CLOSE_ICON}</summary>` +
    `${card}<span class="${CLASS.greetingStatus}" role="status"></span></details>`
  );
}

/** Several contacts: a disclosure (`<details>`, no JavaScript) that lists a link for each. */
function contactListHtml(links: { label: string; href: string }[], summary: string, classes: string[], lang?: string): string {
  const items = links
    .map((link) => `<li><a class="${CLASS.button}" href="${escapeHtml(link.href)}"${NEW_TAB_ATTRIBUTES}>${escapeHtml(link.label)}</a></li>`)
    .join('');
  return (
    `<details class="${[CLASS.contacts, CLASS.disclosure, CLASS.floating, ...classes].join(' ')}"><summary class="${CLASS.button}">${WHATSAPP_ICON}` +
    `<span class="${CLASS.label}"${langAttribute(lang)}>${escapeHtml(summary)}</span></summary><ul>${items}</ul></details>`
  );
}

/** `fallback.qr`: on phones the plain link; on desktops a disclosure with the link's QR code, and the link. */
function floatingQrHtml(href: string, label: string, svg: string, classes: string[], lang?: string): string {
  return (
    whatsAppButtonHtml({ href, label, variant: 'floating', classes: [...classes, CLASS.touch], lang }) +
    `<details class="${[CLASS.disclosure, CLASS.floating, CLASS.desk, ...classes].join(' ')}"><summary class="${CLASS.button}">${WHATSAPP_ICON}` +
    `<span class="${CLASS.label}"${langAttribute(lang)}>${escapeHtml(label)}</span></summary><div>${svg}${whatsAppButtonHtml({ href, label, lang })}</div></details>`
  );
}

/** ` lang="…"`, or nothing when the language is that of the text around. */
function langAttribute(lang: string | undefined): string {
  return lang ? ` lang="${escapeHtml(lang)}"` : '';
}

/** `<WhatsAppButton qr />`: the button, and beside it on desktops a disclosure with its QR code. */
export function qrOfferHtml(button: string, svg: string, summary: string, lang?: string): string {
  // not-content: Starlight's opt-out of its content styles, which would restyle the <details>.
  return (
    `<span class="${CLASS.qrOffer} not-content">${button}<details class="${CLASS.qrDetails}">` +
    `<summary${langAttribute(lang)}>${escapeHtml(summary)}</summary>${svg}</details></span>`
  );
}

/** The accessible name of a QR code of the link labelled `linkLabel`. */
export function qrTitle(linkLabel: string): string {
  // "QR" reads the same in every language we write (QR-код, رمز QR, QRコード), an English "code" doesn't.
  return `${linkLabel} (QR)`;
}

/** The floating button's corner, as a class. */
export function floatingSide(position: RuntimeOptions['fallback']['position']): string {
  return { 'bottom-end': CLASS.end, 'bottom-start': CLASS.start, 'bottom-right': CLASS.right, 'bottom-left': CLASS.left }[position];
}
