/** `whatsapp`: one contact or several, each checked (link or number, label, message). */
import { checkPrefilledText, type Contact } from '../shared/contacts.ts';
import { OptionError } from '../shared/errors.ts';
import { checkLinkLabel } from './chatra-link.ts';
import { parsePhone } from './phone-number.ts';
import type { ParsedOptions } from './schema.ts';
import { parseShortLink, type WhatsAppLink } from './whatsapp-link.ts';

type ContactInput = { path: string; label?: string; link?: string; phone?: string; text?: string };

/** Checks each contact's link or number, label and message; throws an OptionError naming the first wrong one. */
export function resolveContacts(
  whatsapp: ParsedOptions['whatsapp'],
  site: string | undefined,
): { contacts: Contact[]; warnings: string[] } {
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
