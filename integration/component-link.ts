import { checkPrefilledText, contactHref, fillPageContext, findContact } from './contacts.ts';
import { OptionError } from './option-error.ts';
import { languageOf } from './page-markup.ts';
import { pagePath } from './runtime/page-request.ts';
import type { PageLabels, RuntimeOptions } from './runtime/runtime-options.ts';

/**
 * The link and texts a component renders: the contact it names (or the first), with its own
 * message if it gives one. In links, the middleware fills in the page's title and address;
 * a QR code is drawn now, so `qrHref` has them filled in already (`{title}`: `pageTitle`, else the path).
 */
export function componentLink(
  options: RuntimeOptions,
  props: { component: string; contact?: string; text?: string; language?: string; url: URL; pageTitle?: string },
): { href: string; qrHref: string; texts: PageLabels } {
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
  if (props.text !== undefined) {
    try {
      checkPrefilledText(props.text, contact.kind, `${props.component} text`, options.site);
    } catch (error) {
      throw error instanceof OptionError ? new Error(`${error.message} ${error.hint}`) : error;
    }
  }
  const texts = options.languages[languageOf(options, props.language)];
  const href = contactHref(contact, props.text ?? contact.text);
  const path = pagePath(props.url.pathname, options);
  // {url} comes from `site` only, never from the request's Host header.
  const url = options.site ? new URL(encodeURI(path), options.site).href : undefined;
  const qrHref = fillPageContext(href, { title: props.pageTitle ?? path, url, path });
  return { href, qrHref, texts };
}
