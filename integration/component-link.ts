import { contactHref, fillPageContext, findContact } from './contacts.ts';
import { languageOf } from './page-markup.ts';
import type { PageTexts, ResolvedOptions } from './resolve-options.ts';

/**
 * The link and texts a component renders: the contact it names (or the first), with its own
 * message if it gives one. In links, the middleware fills in the page's title and address;
 * a QR code is drawn now, so `qrHref` has them filled in already (`{title}`: `pageTitle`, else the path).
 */
export function componentLink(
  options: ResolvedOptions,
  props: { component: string; contact?: string; text?: string; language?: string; url: URL; pageTitle?: string },
): { href: string; qrHref: string; texts: PageTexts } {
  let contact;
  try {
    contact = findContact(options.contacts, props.contact);
  } catch (error) {
    throw new Error(`${props.component}: ${(error as Error).message}`);
  }
  if (props.text !== undefined && contact.kind === 'short-link') {
    throw new Error(
      `${props.component}: \`text\` only works with a phone number. A short link carries its prefilled message on WhatsApp's side: ` +
        'set it in the WhatsApp Business app (Settings → Business tools → Short link → Message).',
    );
  }
  const texts = options.languages[languageOf(options, props.language)];
  const href = contactHref(contact, props.text ?? contact.text);
  const path = props.url.pathname;
  const qrHref = fillPageContext(href, { title: props.pageTitle ?? path, url: new URL(path, options.site ?? props.url).href, path });
  return { href, qrHref, texts };
}
