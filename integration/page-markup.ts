/**
 * The HTML the integration adds to a page: the page's Chatra texts as JSON, the floating
 * WhatsApp button, the chat facade and their CSS. Pure functions of the resolved options,
 * shared by the middleware and the WhatsAppButton component.
 */
import { contactHref, type PageLinks } from './contacts.ts';
import type { ResolvedOptions } from './resolve-options.ts';
import type { PageLabels } from './runtime/runtime-options.ts';

type MarkupOptions = Pick<ResolvedOptions, 'fallback' | 'chatra' | 'contacts'>;

const PAGE_DATA_ID = 'chatra-whatsapp-page';

const WHATSAPP_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="1.8" d="M12 2.5a9.5 9.5 0 0 0-8.2 14.3l-1.3 4.7 4.8-1.3A9.5 9.5 0 1 0 12 2.5z"/>' +
  '<path fill="currentColor" d="M8.6 7.2c-.3 0-.7.1-1 .5-.4.4-1.1 1.1-1.1 2.6s1.1 3 1.3 3.3c.2.2 2.2 3.4 5.4 4.6 2.7 1 3.2.8 3.8.8.6-.1 1.9-.8 2.1-1.5.3-.7.3-1.4.2-1.5l-.6-.4-2.2-1c-.3-.1-.5-.2-.7.1l-1 1.2c-.2.2-.4.3-.7.1-.3-.2-1.4-.5-2.6-1.6-1-.9-1.6-1.9-1.8-2.2-.2-.3 0-.5.1-.7l.5-.6.3-.5c.1-.2.1-.4 0-.6l-1-2.4c-.3-.6-.5-.6-.7-.6z"/></svg>';

const CHAT_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';

export interface WhatsAppButtonProps {
  href: string;
  label: string;
  variant?: 'inline' | 'floating';
  size?: 'small' | 'medium' | 'large';
  theme?: 'light' | 'dark' | 'auto';
  /** Extra class names (the floating button uses them for its position and state). */
  classes?: string[];
}

/** A plain link with an icon: works without JavaScript, opens WhatsApp in a new tab. */
export function whatsAppButtonHtml({ href, label, variant = 'inline', size = 'medium', theme = 'light', classes = [] }: WhatsAppButtonProps): string {
  // Size and theme are the inline button's; the floating one has a look of its own.
  const looks = variant === 'inline' ? [`acw-${size}`, `acw-${theme}`] : [];
  const className = ['acw-wa', `acw-${variant}`, ...looks, ...classes].join(' ');
  return (
    `<a class="${className}" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">` +
    `${WHATSAPP_ICON}<span class="acw-label">${escapeHtml(label)}</span></a>`
  );
}

/** Which of the integration's parts a page gets (`include`/`exclude`, `Astro.locals.whatsapp`). */
export interface PageParts {
  widget: boolean;
  floating: boolean;
}

/** What goes right after `<head>`: the stylesheet of the floating button and the chat facade, when the page has either. */
export function pageHeadHtml(options: MarkupOptions, css: string, page: PageParts): string {
  const shows = (options.fallback.floating && page.floating) || (options.chatra?.facade && page.widget);
  return shows ? `<style>${css}</style>` : '';
}

/**
 * Which texts file the page's Chatra gets, whether it sends the auto message, and the links that
 * differ on this page (JSON, read by the loader; not executed, so CSP leaves it alone).
 */
export function pageDataHtml(page: { texts?: string; autoMessage: boolean; links: Map<string, string> }): string {
  const data = { texts: page.texts, autoMessage: page.autoMessage, ...(page.links.size > 0 && { links: Object.fromEntries(page.links) }) };
  return `<script type="application/json" id="${PAGE_DATA_ID}">${serializeForScript(data)}</script>`;
}

/** What goes before `</head>`, after the bootstrap: the cached loader, found early by the preload scanner. */
export function loaderScriptHtml(loaderUrl: string | undefined): string {
  return loaderUrl ? `<script async src="${escapeHtml(loaderUrl)}" id="chatra-whatsapp-loader"></script>` : '';
}

/** What goes before `</body>`: the floating WhatsApp button (a list with several contacts) and the chat facade, in a named landmark. */
export function pageBodyHtml(
  options: MarkupOptions,
  texts: PageLabels,
  page: PageParts,
  links: PageLinks,
  qrCode?: (href: string) => string | undefined,
): string {
  const { fallback, chatra, contacts } = options;
  let html = '';
  if (fallback.floating && page.floating) {
    const classes = [fallback.position === 'bottom-left' ? 'acw-left' : 'acw-right'];
    if (fallback.floating === 'until-chatra' && chatra && page.widget) classes.push('acw-until');
    // A link too long for a QR code (a very long title in the message) gets the plain button.
    const svg = contacts.length === 1 ? qrCode?.(links.main) : undefined;
    html +=
      contacts.length === 1
        ? svg
          ? floatingQrHtml(links.main, texts.linkLabel, svg, classes)
          : whatsAppButtonHtml({ href: links.main, label: texts.linkLabel, variant: 'floating', classes })
        : contactListHtml(
            contacts.map((contact) => ({ label: contact.label!, href: links.href(contactHref(contact)) })),
            texts.linkLabel,
            classes,
          );
  }
  if (chatra?.facade && page.widget) {
    html += `<button type="button" class="acw-facade" aria-label="${escapeHtml(texts.openChatLabel)}">${CHAT_ICON}</button>`;
  }
  return html && `<aside class="acw-region" aria-label="${escapeHtml(texts.regionLabel)}">${html}</aside>`;
}

/** Several contacts: a disclosure (`<details>`, no JavaScript) that lists a link for each. */
export function contactListHtml(links: { label: string; href: string }[], summary: string, classes: string[]): string {
  const items = links
    .map((link) => `<li><a class="acw-wa" href="${escapeHtml(link.href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(link.label)}</a></li>`)
    .join('');
  return (
    `<details class="acw-contacts acw-disclosure acw-floating ${classes.join(' ')}"><summary class="acw-wa">${WHATSAPP_ICON}` +
    `<span class="acw-label">${escapeHtml(summary)}</span></summary><ul>${items}</ul></details>`
  );
}

/** `fallback.qr`: on phones the plain link; on desktops a disclosure with the link's QR code, and the link. */
export function floatingQrHtml(href: string, label: string, svg: string, classes: string[]): string {
  return (
    whatsAppButtonHtml({ href, label, variant: 'floating', classes: [...classes, 'acw-touch'] }) +
    `<details class="acw-disclosure acw-floating acw-desk ${classes.join(' ')}"><summary class="acw-wa">${WHATSAPP_ICON}` +
    `<span class="acw-label">${escapeHtml(label)}</span></summary><div>${svg}${whatsAppButtonHtml({ href, label })}</div></details>`
  );
}

/** `<WhatsAppButton qr />`: the button, and beside it on desktops a disclosure with its QR code. */
export function qrOfferHtml(button: string, svg: string, summary: string): string {
  return `<span class="acw-qr-offer">${button}<details class="acw-qr-details"><summary>${escapeHtml(summary)}</summary>${svg}</details></span>`;
}

/** CSS for this build's positions and colours, appended to the shared button stylesheet. */
export function placementCss(options: ResolvedOptions): string {
  const { fallback, chatra } = options;
  const size = chatra?.setup.buttonSize ?? 60;
  const facadePosition = chatra?.setup.buttonPosition ?? 'br';
  const colors = chatra?.setup.colors ?? {};
  // Custom properties, so a site can move the button itself (say, while its cookie banner shows).
  // floating.css falls back to the defaults (20px, 20px, 9998): only other values are written.
  let css = customProperties({ x: fallback.offset.x, y: fallback.offset.y, z: fallback.zIndex }, PROPERTY_DEFAULTS);
  if (fallback.mobileOffset) css += `@media (max-width:640px){${customProperties(fallback.mobileOffset)}}`;
  // By media features, not user agents: a fine pointer that hovers is a desktop.
  if (fallback.devices === 'mobile') css += '@media (hover:hover) and (pointer:fine){.acw-floating{display:none}}';
  if (fallback.devices === 'desktop') css += '@media (hover:none),(pointer:coarse){.acw-floating{display:none}}';
  // With floating: 'always', the WhatsApp button stacks above Chatra's button when both share a corner.
  const sharesCorner = (fallback.position === 'bottom-right' ? ['br', 'rb'] : ['bl', 'lb']).includes(facadePosition);
  if (fallback.floating === 'always' && chatra && sharesCorner) css += `.acw-floating{bottom:calc(var(--acw-y) + ${size + 16}px)}`;
  if (chatra?.facade) {
    css +=
      `.acw-facade{width:${size}px;height:${size}px;z-index:${chatra.setup.zIndex ?? 9999};${facadePlacement(facadePosition)}` +
      `background:${colors.buttonBg ?? '#1b66c9'};color:${colors.buttonText ?? '#fff'}}`;
  }
  return css;
}

/** The values floating.css falls back to. */
const PROPERTY_DEFAULTS: Record<string, number> = { x: 20, y: 20, z: 9998 };

/** `:root{--acw-x:…}` for the values that differ from `unchanged`. */
function customProperties(values: Record<string, number>, unchanged: Record<string, number> = {}): string {
  const set = Object.entries(values)
    .filter(([name, value]) => value !== unchanged[name])
    .map(([name, value]) => `--acw-${name}:${value}${name === 'z' ? '' : 'px'}`);
  return set.length ? `:root{${set.join(';')}}` : '';
}

function facadePlacement(position: string): string {
  const [edge, along] = position.split('');
  if (edge === 'b') {
    return along === 'c' ? 'bottom:20px;left:50%;transform:translateX(-50%);' : `bottom:20px;${along === 'l' ? 'left' : 'right'}:20px;`;
  }
  const side = `${edge === 'l' ? 'left' : 'right'}:20px;`;
  return side + (along === 't' ? 'top:20px;' : along === 'm' ? 'top:50%;transform:translateY(-50%);' : 'bottom:20px;');
}

/** The language tag the integration has texts for: the page's, its base language, or the default. */
export function languageOf(options: { languages: object; defaultLanguage: string }, pageLanguage: string | undefined): string {
  // Own keys only: a page language such as `constructor` or `__proto__` is not a table entry.
  const has = (tag: string) => Object.hasOwn(options.languages, tag);
  const tag = pageLanguage?.toLowerCase();
  if (tag && has(tag)) return tag;
  if (tag && has(tag.split('-')[0])) return tag.split('-')[0];
  return has(options.defaultLanguage) ? options.defaultLanguage : 'en';
}

/** The accessible name of a QR code of the link labelled `linkLabel`. */
export function qrTitle(linkLabel: string): string {
  return `${linkLabel} (QR code)`;
}

/** JSON that is safe inside a `<script>` element: no `</script>`, `<!--` or line separators can end or bend it. */
export function serializeForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
