/**
 * The `whatsapp:` scheme in Markdown and MDX, as a pure rule: `[Ask us](whatsapp:)` stands for
 * the configured link, `[Ask us](whatsapp:?text=Hello)` for the phone link with that message.
 * One rule, used by the Sätteri plugin and the remark plugin beside it.
 */
import { checkPrefilledText, contactHref, type Contact } from '../shared/contacts.ts';
import { NEW_TAB } from '../shared/dom.ts';
import { HINTS, OptionError, SHORT_LINK_HAS_NO_MESSAGE } from '../shared/errors.ts';

const SCHEME = 'whatsapp:';

/** Markdown links open WhatsApp in a new tab, like the buttons. */
export const LINK_PROPERTIES = NEW_TAB;

/** Whether a link uses the scheme (any letter case, as browsers read schemes). */
export const isWhatsAppLink = (url: string) => url.toLowerCase().startsWith(SCHEME);

/** A file that never names the scheme has nothing to rewrite. */
export const mentionsScheme = (source: string) => /whatsapp:/i.test(source);

/**
 * The address a link stands for: unchanged when it isn't a `whatsapp:` link; an OptionError
 * naming the link when it is a wrong one (a message that names `{url}` needs `site`).
 */
export function contentLinkHref(url: string, target: Contact, site?: string): string {
  if (!isWhatsAppLink(url)) return url;
  const rest = url.slice(SCHEME.length);
  if (rest === '' || rest === '//') return contactHref(target);
  const path = `(${url})`;
  const query = rest.startsWith('?') ? new URLSearchParams(rest.slice(1)) : undefined;
  const text = query?.get('text');
  // One `text` and nothing else (a second one would be dropped without a word).
  if (!query || text === null || text === undefined || [...query.keys()].some((key) => key !== 'text') || query.getAll('text').length > 1) {
    throw new OptionError(
      path,
      'is not a WhatsApp link this integration knows.',
      'Link to "whatsapp:" (the first contact) or "whatsapp:?text=Your%20message" (a phone number, with that message).',
    );
  }
  if (text === '') throw new OptionError(path, 'sets an empty message.', `Link to "whatsapp:" for the contact's own message.`);
  // URLSearchParams reads escapes that are no UTF-8 as U+FFFD: the message would show it.
  if (text.includes('\ufffd') && !/%EF%BF%BD|\ufffd/i.test(rest))
    throw new OptionError(
      path,
      'has a message that is no percent-encoded UTF-8 (an escape such as %E0%A4 that ends half a character).',
      'Write the message as it reads, or escape each character whole: a space is %20, "é" is %C3%A9.',
    );
  if (target.kind === 'short-link')
    throw new OptionError(path, SHORT_LINK_HAS_NO_MESSAGE, `${HINTS.shortLinkMessage} Link to "whatsapp:" alone.`);
  checkPrefilledText(text, target.kind, path, site);
  return contactHref(target, text);
}
