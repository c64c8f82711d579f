import { describe, expect, test } from 'vitest';
import { OptionError } from '../../../integration/shared/errors.ts';
import { parsePhone } from '../../../integration/config/phone-number.ts';

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
