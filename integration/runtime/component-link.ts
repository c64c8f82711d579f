/**
 * What `<WhatsAppButton />` and `<WhatsAppQR />` render with, in the site's server bundle: the
 * contact a component names, its link and labels, its props checked. A wrong prop is an
 * OptionError naming it, thrown as the AstroError Astro shows (the page fails, as for any bad prop).
 */
import { checkPrefilledText, contactHref, fillPageContext, findContact } from '../shared/contacts.ts';
import { asAstroError, describeValue, OptionError, toAstroError } from '../shared/errors.ts';
import { languageOf } from '../shared/language.ts';
import { keptRequestedUrl, pageOrigin, pagePath, pageUrl } from '../shared/page-path.ts';
import { capTitle } from '../shared/page-title.ts';
import type { PageLabels, RuntimeOptions } from '../shared/runtime-options.ts';

type Component = 'WhatsAppButton' | 'WhatsAppQR';

/**
 * The link and texts a component renders: the contact it names (or the first), with its own
 * message if it gives one. In links, the middleware fills in the page's title and address;
 * a QR code is drawn now, so `qrHref` has them filled in already (`{title}`: `pageTitle`, else the path).
 */
export function componentLink(
  options: RuntimeOptions,
  props: {
    component: Component;
    contact?: string;
    text?: string;
    language?: string;
    url: URL;
    /** `Astro.originPathname`: after a rewrite (an i18n fallback), the address the visitor asked for. */
    originPathname?: string;
    /** `Astro.locals`: where the middleware keeps the visitor's address across rewrites (page-path.ts). */
    locals?: object;
    /** `Astro.routePattern`: in a server island, Astro's island endpoint, whose address no visitor sees. */
    routePattern?: string;
    pageTitle?: string;
  },
): { href: string; qrHref: string; texts: PageLabels } {
  return asAstroError(() => {
    const contact = findContact(options.contacts, props.contact, `<${props.component} contact>`);
    if (props.text !== undefined) checkPrefilledText(props.text, contact.kind, `<${props.component} text>`, options.site);
    const texts = options.languages[languageOf(options, props.language)];
    const href = contactHref(contact, props.text ?? contact.text);
    // In a server island the request is Astro's island endpoint's, not the page's: the QR code's
    // message keeps `{title}` and the rest as written, as the link beside it does there (an island
    // is no whole document: the middleware fills nothing in it).
    if (props.routePattern?.startsWith(SERVER_ISLANDS)) return { href, qrHref: href, texts };
    const requested = keptRequestedUrl(props.locals ?? {}, props.url, props.originPathname, options.base, options.localeDomains);
    const path = pagePath(requested.pathname, options);
    // `pageTitle` is what `{title}` becomes: made fit for a message as the document's title is.
    const title = (props.pageTitle !== undefined && capTitle(props.pageTitle)) || path;
    const qrHref = fillPageContext(href, { title, url: pageUrl(pageOrigin(options.site, requested, options.localeDomains), path), path });
    return { href, qrHref, texts };
  });
}

/** Astro's route for server islands (`/_server-islands/[name]`). */
const SERVER_ISLANDS = '/_server-islands/';

const ONE_OF = {
  variant: ['inline', 'floating'],
  size: ['small', 'medium', 'large'],
  theme: ['light', 'dark', 'auto'],
} as const;

/**
 * Checks a component's props: each goes into the page's markup, so a value outside what the prop
 * takes (`size={'"><img …>'}`, from frontmatter say) is an error naming the prop, never markup.
 */
export function checkProps(component: Component, props: Record<string, unknown>): void {
  const fail = (name: string, expected: string) => {
    throw toAstroError(
      new OptionError(
        `<${component} ${name}>`,
        `is ${describeValue(props[name])}; expected ${expected}.`,
        `Give \`${name}\` ${expected}, or leave it out.`,
      ),
    );
  };
  for (const [name, allowed] of Object.entries(ONE_OF)) {
    const value = props[name];
    if (component === 'WhatsAppButton' && value !== undefined && !(allowed as readonly unknown[]).includes(value))
      fail(name, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
  for (const name of ['label', 'contact', 'text', 'pageTitle']) {
    if (props[name] !== undefined && typeof props[name] !== 'string') fail(name, 'a string');
  }
  if (props.qr !== undefined && typeof props.qr !== 'boolean') fail('qr', 'true or false');
  if (component === 'WhatsAppQR' && props.size !== undefined) {
    const size = props.size;
    if (typeof size !== 'number' || !Number.isFinite(size) || size < 64 || size > 1024)
      fail('size', 'a number of CSS pixels from 64 to 1024');
  }
}
