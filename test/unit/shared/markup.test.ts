import { describe, expect, test } from 'vitest';
import { PageLinks } from '../../../integration/shared/contacts.ts';
import { floatingSide, pageBodyHtml, qrTitle } from '../../../integration/shared/markup.ts';
import type { PageLabels, RuntimeOptions } from '../../../integration/shared/runtime-options.ts';

const contacts = [{ kind: 'short-link' as const, link: 'https://wa.me/message/4O4YGZEG3RIVE1' }];
const options: Pick<RuntimeOptions, 'fallback' | 'chatra' | 'contacts'> = {
  contacts,
  chatra: { facade: true },
  fallback: { floating: 'until-chatra', position: 'bottom-end', qr: false },
};
const links = new PageLinks(contacts, { title: 'Home', path: '/' });
const parts = { widget: true, floating: true };
const labels = (extra: Partial<PageLabels>): PageLabels => ({
  language: 'sw',
  linkLabel: 'Tuandikie WhatsApp',
  openChatLabel: 'Open chat',
  regionLabel: 'Contact us',
  qrLabel: 'QR',
  closeLabel: 'Close',
  ...extra,
});

describe('labels in another language than the page say which', () => {
  test('all borrowed: the landmark carries the language, its children inherit it', () => {
    const html = pageBodyHtml(
      options,
      labels({ labelLanguages: { linkLabel: 'en', openChatLabel: 'en', regionLabel: 'en', qrLabel: 'en' } }),
      parts,
      links,
    );
    expect(html).toMatch(/^<aside class="acw-region" aria-label="Contact us" lang="en" data-pagefind-ignore="all">/);
    expect(html.match(/lang=/g)).toHaveLength(1);
  });

  test('the link label translated, the rest borrowed: the label says the page language inside an English landmark', () => {
    const html = pageBodyHtml(options, labels({ labelLanguages: { openChatLabel: 'en', regionLabel: 'en', qrLabel: 'en' } }), parts, links);
    expect(html).toContain('aria-label="Contact us" lang="en"');
    expect(html).toContain('<span class="acw-label" lang="sw">Tuandikie WhatsApp</span>');
    expect(html).not.toMatch(/acw-facade" aria-label="Open chat" lang/);
  });

  test('nothing borrowed, in a document of the same language: no lang attribute at all', () => {
    expect(pageBodyHtml(options, labels({}), parts, links, { documentLanguage: 'sw-KE' })).not.toContain('lang=');
  });

  test('a document that says no language: the landmark says its own', () => {
    expect(pageBodyHtml(options, labels({}), parts, links)).toContain(
      '<aside class="acw-region" aria-label="Contact us" lang="sw" data-pagefind-ignore="all">',
    );
  });
});

test('the floating corner: logical at the reading end or start, or physical', () => {
  expect(['bottom-end', 'bottom-start', 'bottom-right', 'bottom-left'].map((position) => floatingSide(position as never))).toEqual([
    'acw-end',
    'acw-start',
    'acw-right',
    'acw-left',
  ]);
});

describe('the greeting’s words say their language', () => {
  test('its own words in a landmark of borrowed labels carry the page’s language', () => {
    const html = pageBodyHtml(options, labels({ labelLanguages: { regionLabel: 'en' } }), parts, links, {
      greeting: { text: 'Karibu! Tuandikie' },
    });
    expect(html).toMatch(/<aside [^>]*lang="en"/);
    expect(html).toContain('<span lang="sw"><span class="acw-greeting-text">Karibu! Tuandikie</span>');
  });
});

describe("a QR code's accessible name", () => {
  test('is the link label in the page’s language and "QR", with no English word in it', () => {
    expect(qrTitle('Написать нам в WhatsApp')).toBe('Написать нам в WhatsApp (QR)');
    expect(qrTitle('Escríbenos por WhatsApp')).not.toMatch(/code/i);
  });
});
