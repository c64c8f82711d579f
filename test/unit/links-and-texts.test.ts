import { describe, expect, test } from 'vitest';
import { chatraLink } from '../../integration/chatra-link.ts';
import { toChatraText } from '../../integration/chatra-texts.ts';
import { contentLinkHref } from '../../integration/content-links.ts';
import { OptionError } from '../../integration/option-error.ts';
import { parsePhone } from '../../integration/phone-number.ts';
import { parseShortLink, withPrefilledText } from '../../integration/whatsapp-link.ts';

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
  ])('%s is named for what it is', (input, what) => {
    expect(() => parseShortLink(input)).toThrow(what);
  });
});

describe('parsePhone', () => {
  test.each([
    ['+7 (900) 123-45-67', 'https://wa.me/79001234567'],
    ['0049 30 1234567', 'https://wa.me/49301234567'],
    ['+49.30.1234567', 'https://wa.me/49301234567'],
    ['+44 20 7946 0958', 'https://wa.me/442079460958'],
    ['+54 11 15 1234-5678', 'https://wa.me/5491112345678'],
  ])('%s → %s', (input, href) => {
    expect(parsePhone(input).href).toBe(href);
  });

  test('Mexico: the old 1 after +52 is dropped, with a warning', () => {
    const link = parsePhone('+52 1 55 1234 5678');
    expect(link.href).toBe('https://wa.me/525512345678');
    expect(link.warnings[0]).toMatch(/Mexican/);
  });

  test('Argentina: a landline number is kept, with a warning about the mobile form', () => {
    const link = parsePhone('+54 11 1234-5678');
    expect(link.href).toBe('https://wa.me/541112345678');
    expect(link.warnings[0]).toMatch(/\+54 9/);
  });

  test('the error names the option path it was given', () => {
    try {
      parsePhone('12345', 'whatsapp[1].phone');
      expect.unreachable();
    } catch (error) {
      expect((error as OptionError).path).toBe('whatsapp[1].phone');
    }
  });
});

describe('withPrefilledText', () => {
  test.each(['Hello!', 'Hi (there) & welcome #1 😀', "It's 50% off*", 'ünïcödé\nnew line'])('%j survives the URL and Chatra syntax', (text) => {
    const href = withPrefilledText('https://wa.me/79001234567', text);
    expect(href.startsWith('https://wa.me/79001234567?text=')).toBe(true);
    expect(href).not.toMatch(/[\s()]/);
    expect(new URL(href).searchParams.get('text')).toBe(text);
  });

  test('no text, no query', () => {
    expect(withPrefilledText('https://wa.me/79001234567', undefined)).toBe('https://wa.me/79001234567');
    expect(withPrefilledText('https://wa.me/79001234567', '')).toBe('https://wa.me/79001234567');
  });
});

describe('toChatraText', () => {
  const whatsapp = [{ label: 'Write to us on WhatsApp', href: LINK }];
  const link = chatraLink(whatsapp[0].label, LINK);

  test('{whatsapp} becomes [label](link), every time, with no space between ] and (', () => {
    const text = toChatraText('Offline. {whatsapp}, or again: {whatsapp}', whatsapp, 'texts.offlineNote');
    expect(text).toBe(`Offline. ${link}, or again: ${link}`);
    expect(text).not.toMatch(/\]\s+\(/);
  });

  test.each([
    ['See https://example.com/x.', 'See [https://example.com/x](https://example.com/x).'],
    ['Or www.example.org today', 'Or [www.example.org](http://www.example.org) today'],
    ['Angle <https://a.example/c>', 'Angle [https://a.example/c](https://a.example/c)'],
    ['Mail hello@example.com', 'Mail [hello@example.com](mailto:hello@example.com)'],
  ])('bare address %j becomes an explicit link', (source, expected) => {
    expect(toChatraText(source, whatsapp, 'texts.welcome')).toBe(expected);
  });

  test('links of allowed schemes and Chatra placeholders pass unchanged', () => {
    const source = 'Hi {{#name}}! [Call](tel:+79001234567), [mail](mailto:a@b.example), [site](https://example.com) — {{plural:#count,one,many}} _x_ *y*';
    expect(toChatraText(source, whatsapp, 'texts.welcome')).toBe(source);
  });

  test('a spaced link inside code is left alone', () => {
    expect(toChatraText('Type `[x] (y)` like this', whatsapp, 'texts.welcome')).toBe('Type `[x] (y)` like this');
  });

  test.each([
    ['Ask [here] (https://x.example)', '[here](https://x.example)'],
    ['Ask [здесь]   (https://x.example/путь)', '[здесь](https://x.example/путь)'],
  ])('%j fails and shows the corrected text', (source, corrected) => {
    try {
      toChatraText(source, whatsapp, 'locales.ru.offlineNote');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OptionError);
      expect((error as OptionError).path).toBe('locales.ru.offlineNote');
      expect((error as OptionError).hint).toContain(corrected);
    }
  });

  test.each(['[x](javascript:alert(1))', '[x](data:text/html,hi)', '[x](ftp://example.com)', '[x](/relative)', '[x](whatsapp:)'])('%j is rejected', (source) => {
    expect(() => toChatraText(source, whatsapp, 'texts.welcome')).toThrow(OptionError);
  });
});

describe('contentLinkHref ([text](whatsapp:) in Markdown)', () => {
  const shortLink = { kind: 'short-link' as const, link: LINK };
  const phone = { kind: 'phone' as const, link: 'https://wa.me/79001234567', text: 'Hi' };

  test('whatsapp: is the configured link; other links are untouched', () => {
    expect(contentLinkHref('whatsapp:', shortLink)).toBe(LINK);
    expect(contentLinkHref('whatsapp:', phone)).toBe('https://wa.me/79001234567?text=Hi');
    expect(contentLinkHref('https://example.com', shortLink)).toBe('https://example.com');
  });

  test('whatsapp:?text= sets the page\'s message on a phone link', () => {
    expect(contentLinkHref('whatsapp:?text=About%20(this)%20page', phone)).toBe('https://wa.me/79001234567?text=About%20%28this%29%20page');
  });

  test('whatsapp:?text= with a short link explains where short links keep their message', () => {
    expect(() => contentLinkHref('whatsapp:?text=Hi', shortLink)).toThrow(/WhatsApp Business app/);
    // {url} is the page's address on `site`: without `site` there is none to give.
    expect(() => contentLinkHref('whatsapp:?text=See%20{url}', phone)).toThrow(/site/);
    expect(contentLinkHref('whatsapp:?text=See%20{url}', phone, 'https://shop.example')).toContain('%7Burl%7D');
    expect(() => contentLinkHref('whatsapp:?text=See%20{tittle}', phone, 'https://shop.example')).toThrow(/not a placeholder/);
  });

  test.each(['whatsapp:+79001234567', 'whatsapp:?txt=Hi', 'whatsapp:?text=a&x=b'])('%s is not a form it knows', (url) => {
    expect(() => contentLinkHref(url, phone)).toThrow(/\[text\]\(whatsapp:\)/);
  });
});
