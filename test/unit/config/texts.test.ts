import { describe, expect, test } from 'vitest';
import { defaultLanguages, defaultTexts } from '../../../integration/config/default-texts.ts';
import { resolveOptions } from '../../../integration/config/resolve.ts';
import { dashboardTextsFor, formatDashboardTexts } from '../../../integration/config/texts.ts';
import { OptionError } from '../../../integration/shared/errors.ts';

const whatsapp = 'https://wa.me/message/4O4YGZEG3RIVE1';
const chatra = { id: 'DemoChatraId2026' };
const i18n = (...locales: string[]) => ({ i18n: { defaultLocale: locales[0], locales } as never });

describe('our own strings, in every language we ship', () => {
  test('each language gets its own labels and Chatra texts, its link inside them', async () => {
    const resolved = await resolveOptions({ whatsapp, chatra }, {});
    for (const tag of defaultLanguages) {
      const texts = resolved.languages[tag];
      expect(texts.borrowed, tag).toBeUndefined();
      expect(texts.linkLabel, tag).toBe(defaultTexts[tag].linkLabel);
      expect(texts.regionLabel, tag).toBe(defaultTexts[tag].regionLabel);
      expect(texts.customStrings.offlineNote, tag).toContain(`[${defaultTexts[tag].linkLabel}](${whatsapp})`);
    }
    expect(new Set(defaultLanguages.map((tag) => defaultTexts[tag].linkLabel)).size).toBe(defaultLanguages.length);
  });

  test('regional variants: pt-PT apart from pt-BR; pt is Brazilian, zh is Simplified Chinese; Chatra hears its own language code', async () => {
    const resolved = await resolveOptions({ whatsapp, chatra }, {});
    expect(resolved.languages['pt-pt'].linkLabel).toBe('Fale connosco pelo WhatsApp');
    expect(resolved.languages['pt-br'].linkLabel).toBe('Fale conosco pelo WhatsApp');
    expect(resolved.languages.pt.linkLabel).toBe(resolved.languages['pt-br'].linkLabel);
    expect(resolved.languages.zh.linkLabel).toBe(resolved.languages['zh-cn'].linkLabel);
    expect(resolved.languages['pt-pt'].chatraLanguage).toBe('pt');
    expect(resolved.languages.ru.chatraLanguage).toBe('ru');
    expect(resolved.languages.ja.chatraLanguage).toBeUndefined();
  });

  test('every label is settable in texts and per language in locales', async () => {
    const resolved = await resolveOptions(
      { whatsapp, chatra, locales: { ja: { openChatLabel: 'チャット', regionLabel: '連絡', qrLabel: 'QR', linkLabel: 'WhatsApp' } } },
      {},
    );
    expect(resolved.languages.ja).toMatchObject({ openChatLabel: 'チャット', regionLabel: '連絡', qrLabel: 'QR', linkLabel: 'WhatsApp' });
    expect(resolved.languages.en.openChatLabel).toBe('Open chat');
  });
});

describe('a site language we have no words for', () => {
  test('one warning names it, what it shows instead, and the locales keys to add', async () => {
    const resolved = await resolveOptions({ whatsapp, chatra }, i18n('en', 'sw', 'am'));
    const warnings = resolved.warnings.filter((warning) => warning.startsWith('locales:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/2 languages/);
    expect(warnings[0]).toMatch(/sw \(shown in en\): linkLabel, openChatLabel, regionLabel, qrLabel, closeLabel, offlineNote/);
    expect(warnings[0]).toMatch(/am \(shown in en\)/);
    expect(warnings[0]).toMatch(/locales: \{ "sw": \{ linkLabel/);
    expect(resolved.languages.sw.labelLanguages).toEqual({
      linkLabel: 'en',
      openChatLabel: 'en',
      regionLabel: 'en',
      qrLabel: 'en',
      closeLabel: 'en',
    });
  });

  test('Norwegian (no, nb, nn) has no words of its own: named like any other, not shown in Danish unsaid', async () => {
    const resolved = await resolveOptions({ whatsapp, chatra }, i18n('en', 'no', 'nb'));
    const [warning] = resolved.warnings.filter((line) => line.startsWith('locales:'));
    expect(warning).toMatch(/no \(shown in en\)/);
    expect(warning).toMatch(/nb \(shown in en\)/);
    expect(resolved.languages.no.linkLabel).toBe(resolved.languages.en.linkLabel);
    expect(resolved.languages.no.labelLanguages?.linkLabel).toBe('en');
  });

  test('keys the owner translated are its own; only the rest are named', async () => {
    const resolved = await resolveOptions(
      { whatsapp, chatra, locales: { sw: { linkLabel: 'Tuandikie WhatsApp', offlineNote: 'Hatupo mtandaoni. {whatsapp}' } } },
      i18n('en', 'sw'),
    );
    expect(resolved.languages.sw.borrowed?.keys).not.toContain('linkLabel');
    expect(resolved.languages.sw.borrowed?.keys).not.toContain('offlineNote');
    expect(resolved.languages.sw.borrowed?.keys).toContain('regionLabel');
    expect(resolved.languages.sw.labelLanguages).toEqual({ openChatLabel: 'en', regionLabel: 'en', qrLabel: 'en', closeLabel: 'en' });
  });

  test('no warning when every site language has words', async () => {
    const resolved = await resolveOptions({ whatsapp, chatra }, i18n('en', 'fa', 'ja', 'pt-PT'));
    expect(resolved.warnings.filter((warning) => warning.startsWith('locales:'))).toEqual([]);
  });

  test('the dashboard texts say which language stands in', async () => {
    const resolved = await resolveOptions({ whatsapp, chatra }, i18n('en', 'sw', 'ja'));
    const printed = formatDashboardTexts(resolved);
    expect(printed).toMatch(/\[sw\] \(in en: no texts of this language's own/);
    expect(printed).toMatch(/\[ja\]\n/);
    expect(dashboardTextsFor(resolved).ja.savedReply).toContain('WhatsApp');
  });

  test('a page language that is an Object property name is no table entry', async () => {
    const resolved = await resolveOptions({ whatsapp, chatra }, i18n('en', 'constructor'));
    expect(resolved.languages['constructor' as string].borrowed?.language).toBe('en');
  });
});

describe('locales keys and the site languages', () => {
  const failure = async (site: object) => {
    try {
      await resolveOptions({ whatsapp, locales: { xx: { linkLabel: 'x' } } }, site);
    } catch (error) {
      return error as OptionError;
    }
    throw new Error('accepted');
  };

  test('each code listed once', async () => {
    const error = await failure({ i18n: { defaultLocale: 'en', locales: ['en', { path: 'ru', codes: ['ru'] }, 'en'] } });
    expect(error.problem).toBe('"xx" is not one of this site\'s i18n locales (en, ru).');
  });

  test('two keys for one language (ru and RU) stop the build: one would be left unused', async () => {
    const error = await resolveOptions({ whatsapp, locales: { ru: { linkLabel: 'a' }, RU: { linkLabel: 'b' } } }, {}).then(
      () => undefined,
      (caught: OptionError) => caught,
    );
    expect(error?.path).toBe('locales.RU');
    expect(error?.problem).toMatch(/same language as locales\.ru/);
  });

  test("a locale's path is no language: no texts of its own (they were an unused file)", async () => {
    const resolved = await resolveOptions(
      { whatsapp, chatra },
      { i18n: { defaultLocale: 'en', locales: ['en', { path: 'portugues', codes: ['pt-BR', 'pt'] }] } as never },
    );
    expect(Object.keys(resolved.languages)).not.toContain('portugues');
    expect(Object.keys(resolved.languages)).toContain('pt-br');
  });

  test("a locale's path (not a language code) is not offered as a key", async () => {
    const error = await failure({ i18n: { defaultLocale: 'en', locales: ['en', { path: 'portugues', codes: ['pt-BR', 'pt'] }] } });
    expect(error.problem).toBe('"xx" is not one of this site\'s i18n locales (en, pt-BR, pt).');
    expect(error.hint).toMatch(/^Rename it to one of en, pt-BR, pt,/);
  });

  test("on a Starlight site, the fix is Starlight's locales, not Astro's i18n", async () => {
    const error = await failure({ ...i18n('en', 'fa'), integrations: [{ name: '@astrojs/starlight' }] });
    expect(error.problem).toMatch(/Starlight locales \(en, fa\)/);
    expect(error.hint).toMatch(/starlight\(\{ locales: \{ "xx": \{ label/);
    expect(error.hint).not.toMatch(/i18n/);
  });
});

test('before starlight() in the integrations list, a warning says to move it after', async () => {
  const before = await resolveOptions({ whatsapp }, { integrations: [{ name: 'astro-chatra-whatsapp' }, { name: '@astrojs/starlight' }] });
  expect(before.warnings.some((warning) => /Put it after starlight\(\)/.test(warning))).toBe(true);
  const after = await resolveOptions({ whatsapp }, { integrations: [{ name: '@astrojs/starlight' }, { name: 'astro-chatra-whatsapp' }] });
  expect(after.warnings.some((warning) => /starlight/.test(warning))).toBe(false);
});
