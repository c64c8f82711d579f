import { describe, expect, test } from 'vitest';
import { contentLinkHref } from '../../../integration/markdown/whatsapp-scheme.ts';
import type { Contact } from '../../../integration/shared/contacts.ts';
import { OptionError } from '../../../integration/shared/errors.ts';
import { astroPrints } from '../../support/astro-prints.ts';

const LINK = 'https://wa.me/message/4O4YGZEG3RIVE1';

describe('contentLinkHref ([text](whatsapp:) in Markdown)', () => {
  const shortLink = { kind: 'short-link' as const, link: LINK };
  const phone = { kind: 'phone' as const, link: 'https://wa.me/79001234567', text: 'Hi' };

  test('whatsapp: is the configured link; other links are untouched', () => {
    expect(contentLinkHref('whatsapp:', shortLink)).toBe(LINK);
    expect(contentLinkHref('whatsapp:', phone)).toBe('https://wa.me/79001234567?text=Hi');
    expect(contentLinkHref('https://example.com', shortLink)).toBe('https://example.com');
  });

  test("whatsapp:?text= sets the page's message on a phone link", () => {
    expect(contentLinkHref('whatsapp:?text=About%20(this)%20page', phone)).toBe('https://wa.me/79001234567?text=About%20%28this%29%20page');
  });

  /** What the author reads: the OptionError's message and hint, as the Markdown plugins print them. */
  const failure = (url: string, target: Contact, site?: string) => {
    try {
      contentLinkHref(url, target, site);
    } catch (error) {
      expect(error).toBeInstanceOf(OptionError);
      const written = `${(error as OptionError).message} ${(error as OptionError).hint}`;
      // Astro prints it as Markdown: a "[text](link)" in it would lose its brackets on the way.
      expect(astroPrints(written)).toBe(written);
      return written;
    }
    throw new Error(`${url} was accepted`);
  };

  test('whatsapp:?text= with a short link explains where short links keep their message', () => {
    expect(failure('whatsapp:?text=Hi', shortLink)).toMatch(/^`\(whatsapp:\?text=Hi\)`: .*short link.*WhatsApp Business app/);
    // {url} is the page's address on `site`: without `site` there is none to give.
    expect(failure('whatsapp:?text=See%20{url}', phone)).toMatch(/needs the site's address.*site: 'https:\/\/example\.com'/);
    expect(contentLinkHref('whatsapp:?text=See%20{url}', phone, 'https://shop.example')).toContain('%7Burl%7D');
    expect(failure('whatsapp:?text=See%20{tittle}', phone, 'https://shop.example')).toMatch(/not a placeholder/);
  });

  test.each(['whatsapp:+79001234567', 'whatsapp:?txt=Hi', 'whatsapp:?text=a&x=b', 'whatsapp:?text=a&text=b'])(
    '%s is not a form it knows',
    (url) => {
      expect(failure(url, phone)).toMatch(/is not a WhatsApp link this integration knows\. Link to "whatsapp:"/);
    },
  );

  test('a message that is empty, or not UTF-8 once decoded, is an error, not a link without it or with U+FFFD', () => {
    expect(failure('whatsapp:?text=', phone)).toMatch(/an empty message.*Link to "whatsapp:" for the contact's own message/);
    expect(failure('whatsapp:?text=%E0%A4', phone)).toMatch(/percent-encoded UTF-8.*%20/);
    expect(contentLinkHref('whatsapp:?text=Caf%C3%A9+au+lait', phone)).toBe('https://wa.me/79001234567?text=Caf%C3%A9%20au%20lait');
  });
});
