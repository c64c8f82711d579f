import { createRequire } from 'node:module';
import { OptionError } from '../shared/errors.ts';
import type { WhatsAppLink } from './whatsapp-link.ts';

/**
 * libphonenumber with its full metadata (several MB in memory), loaded on first use: only sites
 * with a phone number pay for it. Through Node's require, not import(): Astro 6 closes the module
 * runner its config ran in before the integration's hooks run.
 */
function libphonenumber(): typeof import('libphonenumber-js/max') {
  return createRequire(import.meta.url)('libphonenumber-js/max');
}

/**
 * Validates a phone number in international form (`+`, `00`, spaces, dashes and brackets
 * accepted) and returns its click-to-chat link `https://wa.me/<digits>`.
 */
export function parsePhone(input: string, path = 'whatsapp.phone'): WhatsAppLink {
  const raw = input.trim();
  const hint = 'Write the number in international form with its country code, e.g. "+7 900 123-45-67" or "0049 30 1234567".';
  if (raw === '') {
    throw new OptionError(path, 'is empty.', hint);
  }
  if (!/^[+\d\s().\-]+$/.test(raw)) {
    throw new OptionError(path, `${JSON.stringify(raw)} has characters a phone number doesn't have.`, hint);
  }
  const international = raw.replace(/^00/, '+');
  if (!international.startsWith('+')) {
    throw new OptionError(path, `${JSON.stringify(raw)} has no country code.`, hint);
  }
  const warnings: string[] = [];
  const { parsePhoneNumberFromString } = libphonenumber();
  let phone = parsePhoneNumberFromString(international);
  const digits = international.replace(/\D/g, '');
  if (!phone?.isValid() && /^521\d{10}$/.test(digits)) {
    // Mexico dropped the "1" after +52 for mobiles in 2020; wa.me links work without it.
    phone = parsePhoneNumberFromString(`+52${digits.slice(3)}`);
    if (phone?.isValid()) warnings.push(`\`${path}\`: Mexican numbers no longer take a 1 after +52; the link uses ${phone.number}.`);
  }
  if (!phone || !phone.isValid()) {
    throw new OptionError(path, `${JSON.stringify(raw)} is not a valid phone number.`, hint);
  }
  // libphonenumber already turns Argentina's "15" mobile prefix into the 9 WhatsApp needs (+54 9 …).
  if (phone.country === 'AR' && phone.getType() === 'FIXED_LINE') {
    warnings.push(
      `\`${path}\`: ${phone.number} is an Argentine landline number. If it is a mobile, WhatsApp needs it as +54 9 <area code> <number> (without 15).`,
    );
  }
  return { kind: 'phone', href: `https://wa.me/${phone.number.slice(1)}`, warnings };
}
