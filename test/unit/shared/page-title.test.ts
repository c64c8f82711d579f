import { describe, expect, test } from 'vitest';
import { checkPageSetting, GREETING_LIMIT } from '../../../integration/shared/page-setting.ts';
import { capTitle, cutWhole } from '../../../integration/shared/page-title.ts';

describe('{title}: what a title brings into a message', () => {
  test('no invisible characters that join nothing (a zero-width space, a word joiner, a BOM); the joiners of emoji and Persian words stay', () => {
    expect(capTitle('a\u200bb\u2060c\ufeffd\u2062e')).toBe('abcde');
    expect(capTitle('👨\u200d👩\u200d👧 می\u200cخواهم')).toBe('👨\u200d👩\u200d👧 می\u200cخواهم');
  });

  test('cutWhole never ends in half a character', () => {
    expect(cutWhole('ab😀', 3)).toBe('ab');
    expect(cutWhole('ab😀', 4)).toBe('ab😀');
    expect(cutWhole('abc', 10)).toBe('abc');
  });
});

describe("a page's greeting (frontmatter, Astro.locals)", () => {
  test(`cut at ${GREETING_LIMIT} units at a whole character, never into U+FFFD`, () => {
    const contacts = [{ kind: 'phone', label: 'WhatsApp', href: 'https://wa.me/79001234567', phone: '79001234567' }];
    const greeting = 'x'.repeat(GREETING_LIMIT - 1) + '😀 and more';
    const setting = checkPageSetting({ greeting }, 'the page', { contacts: contacts as never, site: undefined, hint: '' });
    expect(setting).toEqual({ greeting: 'x'.repeat(GREETING_LIMIT - 1) });
  });
});
