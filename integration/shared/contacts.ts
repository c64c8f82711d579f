/**
 * The site's WhatsApp contacts and the links a page gets for them. A phone contact's prefilled
 * message may name the page it is sent from: `{title}`, `{url}` and `{path}` are filled in for
 * each page (at build time for a prerendered page, per request for one rendered on demand).
 */
import { HINTS, OptionError, SHORT_LINK_HAS_NO_MESSAGE } from './errors.ts';
import { encodeMessage, withPrefilledText } from './whatsapp-url.ts';

export interface Contact {
  /** Name in the list of contacts and in `<WhatsAppButton contact="…">`; only when there are several. */
  label?: string;
  kind: 'short-link' | 'phone';
  /** `https://wa.me/message/<code>` or `https://wa.me/<digits>`, without a message. */
  link: string;
  /** Prefilled message (phone contacts only), placeholders as written. */
  text?: string;
}

/** What a prefilled message can name about the page it is sent from. */
export interface PageContext {
  title: string;
  /** Absolute: `site` and the path; only with `site` (never from the request's Host), else `{url}` stays as written. */
  url?: string;
  /** As visitors see it, `base` included. */
  path: string;
}

export const PAGE_PLACEHOLDERS = ['title', 'url', 'path'] as const;
/** A placeholder as it stands in a link, its braces encoded. */
const ENCODED_PLACEHOLDER = new RegExp(`%7B(${PAGE_PLACEHOLDERS.join('|')})%7D`, 'g');

/**
 * The contact's link with `text` (by default its own message) prefilled, placeholders not filled
 * in: the link every page shares (in Chatra's texts, the Markdown, the components), until
 * fillPageContext makes it the page's own.
 */
export function contactHref(contact: Contact, text = contact.text): string {
  return contact.kind === 'short-link' ? contact.link : withPrefilledText(contact.link, text);
}

/** Whether a message names the page it is sent from. */
function namesPage(text: string | undefined): boolean {
  return text !== undefined && PAGE_PLACEHOLDERS.some((name) => text.includes(`{${name}}`));
}

/** The contact's link for texts outside any page (the Chatra dashboard's): without a message that names the page. */
export function siteWideHref(contact: Contact): string {
  return contactHref(contact, namesPage(contact.text) ? '' : contact.text);
}

/** Checks a prefilled message: phone numbers only, known placeholders, `{url}` only with `site`. */
export function checkPrefilledText(text: string, kind: Contact['kind'], path: string, site: string | undefined): void {
  if (kind === 'short-link') throw new OptionError(path, SHORT_LINK_HAS_NO_MESSAGE, HINTS.shortLinkMessage);
  const unknown = [...text.matchAll(/\{([A-Za-z_]+)\}/g)].find(([, name]) => !(PAGE_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown) {
    throw new OptionError(path, `"${unknown[0]}" is not a placeholder this integration fills in.`, HINTS.placeholders);
  }
  if (text.includes('{url}') && !site) {
    throw new OptionError(path, "uses {url}, which needs the site's address.", HINTS.urlNeedsSite);
  }
}

/**
 * A link with its placeholders filled in for `page` (worked out only for a link that has one: most
 * links name no page, and a server makes them on every request).
 */
export function fillPageContext(href: string, page: PageContext | (() => PageContext)): string {
  if (!href.includes('%7B')) return href;
  const context = typeof page === 'function' ? page() : page;
  return href.replace(ENCODED_PLACEHOLDER, (placeholder, name: keyof PageContext) => {
    const value = context[name];
    // A value's own braces in lower-case hex (the same characters to WhatsApp): a title that says
    // "{url}" is never filled in again (the page transform reads a component's filled link too).
    return value === undefined ? placeholder : encodeMessage(value).replace(/%7[BD]/g, (brace) => brace.toLowerCase());
  });
}

/**
 * The links a page uses instead of the shared ones (shared → the page's), for each contact whose
 * link differs on this page: placeholders filled in, and `text`, the page's own message, if any.
 */
export function pageLinks(contacts: Contact[], page: PageContext | (() => PageContext), text?: string): Map<string, string> {
  const links = new Map<string, string>();
  for (const contact of contacts) {
    const shared = contactHref(contact);
    const own = fillPageContext(contactHref(contact, text ?? contact.text), page);
    if (own !== shared) links.set(shared, own);
  }
  return links;
}

/** The contact named `label` (any case), or the first. Throws, listing the names, for an unknown one; `path` names the prop. */
export function findContact(contacts: Contact[], label: string | undefined, path: string): Contact {
  if (label === undefined) return contacts[0];
  const found = contacts.find((contact) => contact.label?.toLowerCase() === label.trim().toLowerCase());
  if (found) return found;
  const names = contacts.flatMap((contact) => (contact.label ? [`"${contact.label}"`] : []));
  if (names.length === 0) {
    throw new OptionError(
      path,
      `"${label}": there is only one WhatsApp contact.`,
      'Leave `contact` out, or make `whatsapp` a list of { label, link | phone }.',
    );
  }
  throw new OptionError(path, `"${label}" is not one of your WhatsApp contacts.`, `Use one of ${names.join(', ')}.`);
}

/** One page's links: made once, when first asked for (by then its title has passed). */
export class PageLinks {
  /** Shared link → the page's, for the links that differ on this page (the loader swaps them in Chatra's texts). */
  readonly changed: Map<string, string>;
  /** The page's link to its first contact, for `#whatsapp` and `#chat`. */
  readonly main: string;
  readonly #page: PageContext | (() => PageContext);

  /** `page`: as a function, asked for only when a link names the page. */
  constructor(contacts: Contact[], page: PageContext | (() => PageContext), text?: string) {
    this.#page = page;
    this.changed = pageLinks(contacts, page, text);
    this.main = this.href(contactHref(contacts[0]));
  }

  /** What a WhatsApp link in the page becomes. */
  href(shared: string): string {
    return this.changed.get(shared) ?? fillPageContext(shared, this.#page);
  }
}
