import { describe, expect, test } from 'vitest';
import { OptionError } from '../../../integration/shared/errors.ts';
import { chatraLink } from '../../../integration/config/chatra-link.ts';
import { toChatraText } from '../../../integration/config/chatra-text.ts';

const LINK = 'https://wa.me/message/4O4YGZEG3RIVE1';

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
    const source =
      'Hi {{#name}}! [Call](tel:+79001234567), [mail](mailto:a@b.example), [site](https://example.com) — {{plural:#count,one,many}} _x_ *y*';
    expect(toChatraText(source, whatsapp, 'texts.welcome')).toBe(source);
  });

  test('a spaced link inside code is left alone', () => {
    expect(toChatraText('Type `[x] (y)` like this', whatsapp, 'texts.welcome')).toBe('Type `[x] (y)` like this');
  });

  test.each([
    ['Ask [here] (https://x.example)', 'Remove the space after "[here]"'],
    ['Ask [здесь]   (https://x.example/путь)', 'Remove the space after "[здесь]"'],
  ])('%j fails and says where the space is', (source, corrected) => {
    try {
      toChatraText(source, whatsapp, 'locales.ru.offlineNote');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OptionError);
      expect((error as OptionError).path).toBe('locales.ru.offlineNote');
      expect((error as OptionError).hint).toContain(corrected);
    }
  });

  test.each(['[x](javascript:alert(1))', '[x](data:text/html,hi)', '[x](ftp://example.com)', '[x](/relative)', '[x](whatsapp:)'])(
    '%j is rejected',
    (source) => {
      expect(() => toChatraText(source, whatsapp, 'texts.welcome')).toThrow(OptionError);
    },
  );
});
