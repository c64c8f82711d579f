import { HINTS, OptionError } from '../shared/errors.ts';

/** A validated WhatsApp link and the warnings found on the way. */
export interface WhatsAppLink {
  kind: 'short-link' | 'phone';
  /** Canonical link: `https://wa.me/message/<code>` or `https://wa.me/<digits>`. */
  href: string;
  warnings: string[];
}

const SHORT_LINK_HINT =
  'Use the short link the WhatsApp Business app gives you, in the form https://wa.me/message/XXXXXXXXXXXXX ' +
  '(app: Settings → Business tools → Short link), or a phone number: whatsapp: { phone: "+49 30 1234567" }.';

/** Codes seen in every short link WhatsApp has issued so far: 13 base32 characters and a trailing 1. */
const USUAL_CODE = /^[A-Z2-7]{13}1$/;

/**
 * Validates a WhatsApp Business short link as people paste it (with or without scheme,
 * `http://`, a trailing slash, `?src=qr`, or the `api.whatsapp.com/message/…` address it redirects to)
 * and returns it as `https://wa.me/message/<code>`.
 */
export function parseShortLink(input: string, path = 'whatsapp'): WhatsAppLink {
  const raw = input.trim();
  if (raw === '') {
    throw new OptionError(path, 'is empty.', SHORT_LINK_HINT);
  }
  // A phone number where the link goes (`whatsapp: '+49 30 1234567'`): the fix is the object form.
  if (/^\+?[\d\s().-]+$/.test(raw) && raw.replace(/\D/g, '').length >= 6) {
    throw new OptionError(
      path,
      `${JSON.stringify(raw)} is a phone number, not a link.`,
      `Give it as a phone number: whatsapp: { phone: ${JSON.stringify(raw)} }.`,
    );
  }
  if (/[\s\u0000-\u001f\u007f]/u.test(raw)) {
    throw new OptionError(path, `contains spaces or control characters: ${JSON.stringify(raw)}.`, SHORT_LINK_HINT);
  }
  const url = parseUrl(raw);
  if (!url) {
    throw new OptionError(path, `${JSON.stringify(raw)} is not a link.`, SHORT_LINK_HINT);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OptionError(path, `links with the scheme "${url.protocol}" are not allowed.`, SHORT_LINK_HINT);
  }
  if (url.username || url.password || url.port) {
    throw new OptionError(
      path,
      `${JSON.stringify(raw)} is not a WhatsApp address (it carries a user name, password or port).`,
      SHORT_LINK_HINT,
    );
  }
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);
  const isWaMe = host === 'wa.me' || host === 'www.wa.me';
  const isApi = host === 'api.whatsapp.com';

  if (host === 'chat.whatsapp.com') {
    throw new OptionError(path, `${JSON.stringify(raw)} is a WhatsApp group invite, not your business's chat link.`, SHORT_LINK_HINT);
  }
  if ((host === 'whatsapp.com' || host === 'www.whatsapp.com') && segments[0] === 'channel') {
    throw new OptionError(path, `${JSON.stringify(raw)} is a WhatsApp channel link; visitors can't message a channel.`, SHORT_LINK_HINT);
  }
  if (isWaMe && segments[0] === 'c') {
    throw new OptionError(path, `${JSON.stringify(raw)} is a WhatsApp catalog link, not a chat link.`, SHORT_LINK_HINT);
  }
  if (isWaMe && segments[0] === 'qr') {
    throw new OptionError(
      path,
      `${JSON.stringify(raw)} is the link of a WhatsApp QR code (the app's "share QR code"), not your short link.`,
      SHORT_LINK_HINT,
    );
  }
  if (isWaMe && segments.length === 1 && /^\+?\d+$/.test(segments[0])) {
    throw new OptionError(
      path,
      `${JSON.stringify(raw)} is a click-to-chat link with a phone number.`,
      `Write it as whatsapp: { phone: "+${segments[0].replace('+', '')}" } so the number is checked, or use your short link https://wa.me/message/XXXXXXXXXXXXX.`,
    );
  }
  if (!(isWaMe || isApi) || segments[0] !== 'message' || segments.length !== 2) {
    throw new OptionError(path, `${JSON.stringify(raw)} is not a WhatsApp short link.`, SHORT_LINK_HINT);
  }
  const code = segments[1];
  if (!/^[A-Za-z0-9]+$/.test(code)) {
    throw new OptionError(
      path,
      `the short-link code ${JSON.stringify(code)} may only hold the letters A–Z, a–z and digits.`,
      SHORT_LINK_HINT,
    );
  }
  // What WhatsApp itself adds: `src=qr` to a short link scanned from its QR code, the rest on the
  // address a short link redirects to. None of it changes the chat the link opens.
  const ignoredQuery = isApi ? ['src', 'autoload', 'app_absent'] : ['src'];
  const extraQuery = [...url.searchParams.keys()].filter((key) => !ignoredQuery.includes(key));
  if (extraQuery.includes('text')) {
    throw new OptionError(path, 'has "?text=", which WhatsApp ignores on a short link.', HINTS.shortLinkMessage);
  }
  if (extraQuery.length > 0 || url.hash) {
    throw new OptionError(
      path,
      `${JSON.stringify(raw)} has extra parts (${url.search}${url.hash}) a short link doesn't use.`,
      SHORT_LINK_HINT,
    );
  }
  const warnings = USUAL_CODE.test(code)
    ? []
    : [
        `\`${path}\`: the code "${code}" doesn't look like the codes WhatsApp issues (13 letters A–Z or digits 2–7, then "1", e.g. 4O4YGZEG3RIVE1). Check that the link opens your chat.`,
      ];
  return { kind: 'short-link', href: `https://wa.me/message/${code}`, warnings };
}

function parseUrl(raw: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) && !/^(www\.)?wa\.me:/i.test(raw) ? raw : `https://${raw}`;
  try {
    return new URL(withScheme);
  } catch {
    return undefined;
  }
}
