import { describe, expect, test } from 'vitest';
import { withPrefilledText } from '../../../integration/shared/whatsapp-url.ts';

describe('withPrefilledText', () => {
  test.each(['Hello!', 'Hi (there) & welcome #1 😀', "It's 50% off*", 'ünïcödé\nnew line'])(
    '%j survives the URL and Chatra syntax',
    (text) => {
      const href = withPrefilledText('https://wa.me/79001234567', text);
      expect(href.startsWith('https://wa.me/79001234567?text=')).toBe(true);
      expect(href).not.toMatch(/[\s()]/);
      expect(new URL(href).searchParams.get('text')).toBe(text);
    },
  );

  test('no text, no query', () => {
    expect(withPrefilledText('https://wa.me/79001234567', undefined)).toBe('https://wa.me/79001234567');
    expect(withPrefilledText('https://wa.me/79001234567', '')).toBe('https://wa.me/79001234567');
  });
});
