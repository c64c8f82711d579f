import { describe, expect, test } from 'vitest';
import { parseShortLink } from '../../../integration/config/whatsapp-link.ts';

const CODE = '4O4YGZEG3RIVE1';
const LINK = `https://wa.me/message/${CODE}`;

describe('parseShortLink', () => {
  test.each([
    LINK,
    `wa.me/message/${CODE}`,
    `http://wa.me/message/${CODE}`,
    `${LINK}/`,
    `  ${LINK}  `,
    `https://www.wa.me/message/${CODE}`,
    `https://api.whatsapp.com/message/${CODE}?autoload=1&app_absent=0`,
    `HTTPS://WA.ME/message/${CODE}`,
    // As the link comes when a visitor scanned the app's QR code of it.
    `${LINK}?src=qr`,
  ])('%s → %s', (input) => {
    expect(parseShortLink(input)).toEqual({ kind: 'short-link', href: LINK, warnings: [] });
  });

  test('a code of another shape builds with a warning naming it', () => {
    const link = parseShortLink('https://wa.me/message/ABCDEFGHIJKL1');
    expect(link.href).toBe('https://wa.me/message/ABCDEFGHIJKL1');
    expect(link.warnings).toHaveLength(1);
    expect(link.warnings[0]).toContain('ABCDEFGHIJKL1');
  });

  test.each([
    ['https://chat.whatsapp.com/AbCdEf', /group invite/],
    ['https://wa.me/c/491701234567', /catalog/],
    ['https://whatsapp.com/channel/0029Va', /channel/],
    ['https://wa.me/79001234567', /phone number/],
    ['https://wa.me/qr/ABCDEFGHIJKLMN', /QR code/],
  ])('%s is named for what it is', (input, what) => {
    expect(() => parseShortLink(input)).toThrow(what);
  });
});
