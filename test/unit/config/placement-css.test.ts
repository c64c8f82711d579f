import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { placementCss } from '../../../integration/config/placement-css.ts';
import { pageStylesheet } from '../../../integration/config/client-assets.ts';
import { resolveOptions } from '../../../integration/config/resolve.ts';

const link = 'https://wa.me/message/4O4YGZEG3RIVE1';
const css = async (options: object) => placementCss(await resolveOptions({ whatsapp: link, ...options }, { i18n: undefined }));

describe('placementCss', () => {
  test('offsets and z-index become custom properties, with a narrow-window override', async () => {
    const result = await css({ fallback: { offset: { x: 8, y: 64 }, mobileOffset: { x: 4, y: 100 }, zIndex: 50 } });
    expect(result).toContain(':root{--acw-x:8px;--acw-y:64px;--acw-z:50}');
    expect(result).toContain('@media (max-width:640px){:root{--acw-x:4px;--acw-y:100px}}');
  });

  test('a narrow-window offset with one coordinate takes the other from `offset`, not from the default', async () => {
    const result = await css({ fallback: { offset: { x: 50, y: 30 }, mobileOffset: { y: 100 } } });
    expect(result).toContain('@media (max-width:640px){:root{--acw-x:50px;--acw-y:100px}}');
  });

  test('defaults write nothing (floating.css falls back to them); a narrow-window value is always written', async () => {
    expect(await css({})).not.toMatch(/--acw-[a-z]+:/);
    expect(
      (await css({ fallback: { offset: { x: 30, y: 20 }, mobileOffset: { x: 20, y: 20 } } })).startsWith(
        ':root{--acw-x:30px}@media (max-width:640px){:root{--acw-x:20px;--acw-y:20px}}',
      ),
    ).toBe(true);
  });

  test("the page stylesheet gets the build's side rule only (styles/sides.css's), or all four where the disclosure's stylesheet is", async () => {
    const sheet = async (options: object) => pageStylesheet(await resolveOptions({ whatsapp: link, ...options }, { i18n: undefined }));
    const sides = (css: string) => [...css.matchAll(/\.acw-(end|start|right|left)\{[^}]*\}/g)].map((match) => match[0]);
    expect(sides(await sheet({}))).toEqual(['.acw-end{inset-inline-end:var(--acw-x,20px)}']);
    expect(sides(await sheet({ fallback: { position: 'bottom-start' } }))).toEqual(['.acw-start{inset-inline-start:var(--acw-x,20px)}']);
    expect(sides(await sheet({ fallback: { position: 'bottom-right' } }))).toEqual(['.acw-right{right:var(--acw-x,20px)}']);
    expect(sides(await sheet({ fallback: { position: 'bottom-left' } }))).toEqual(['.acw-left{left:var(--acw-x,20px)}']);
    expect(sides(await sheet({ fallback: { qr: true } }))).toHaveLength(4);
  });

  test('devices are chosen by media features, never by user agent', async () => {
    expect(await css({ fallback: { devices: 'mobile' } })).toContain(
      '@media (hover:hover) and (pointer:fine){.acw-floating{display:none}}',
    );
    expect(await css({ fallback: { devices: 'desktop' } })).toContain('@media (hover:none),(pointer:coarse){.acw-floating{display:none}}');
    expect(await css({})).not.toContain('.acw-floating{display:none}');
  });

  test('"always" lifts the WhatsApp button above Chatra\'s when they share a corner, not otherwise', async () => {
    const chatra = { id: 'DemoChatraId2026', setup: { buttonSize: 70 } };
    expect(await css({ chatra, fallback: { floating: 'always' } })).toContain('.acw-floating{bottom:calc(var(--acw-y,20px) + 86px)}');
    expect(await css({ chatra, fallback: { floating: 'always', position: 'bottom-left' } })).not.toContain('.acw-floating{bottom:');
    expect(await css({ chatra })).not.toContain('.acw-floating{bottom:');
  });

  test('"always" stays in its corner where Chatra shows no button of its own there (your own button, started hidden, a frame)', async () => {
    for (const setup of [{ customWidgetButton: '.chat' }, { startHidden: true }, { mode: 'frame', injectTo: 'chat' }]) {
      expect(
        await css({ chatra: { id: 'DemoChatraId2026', setup }, fallback: { floating: 'always' } }),
        JSON.stringify(setup),
      ).not.toContain('.acw-floating{bottom:');
    }
    // Chatra's tab sits in the corner too: the button steps above it.
    expect(await css({ chatra: { id: 'DemoChatraId2026', setup: { buttonStyle: 'tab' } }, fallback: { floating: 'always' } })).toContain(
      '.acw-floating{bottom:',
    );
  });

  test("the chat stand-in takes Chatra's place, size, colours and z-index", async () => {
    const result = await css({
      chatra: { id: 'DemoChatraId2026', setup: { buttonPosition: 'lm', buttonSize: 48, zIndex: 500, colors: { buttonBg: '#112233' } } },
    });
    expect(result).toContain(
      '.acw-facade{width:48px;height:48px;z-index:500;left:20px;top:50%;translate:0 -50%;background:#112233;color:#fff}',
    );
  });
});

describe('placement by the page direction', () => {
  const chatra = { id: 'DemoChatraId2026', setup: { buttonPosition: 'br' } };
  test("'always' at the reading end stacks above Chatra's bottom-right button on left-to-right pages only", async () => {
    const result = await css({ chatra, fallback: { floating: 'always' } });
    expect(result).toContain(':root:not([dir=rtl]) .acw-floating{bottom:');
    expect(result).not.toContain(':root[dir=rtl] .acw-floating');
  });
  test('at the reading start, on right-to-left pages only; a physical corner, on every page', async () => {
    expect(await css({ chatra, fallback: { floating: 'always', position: 'bottom-start' } })).toContain(
      ':root[dir=rtl] .acw-floating{bottom:',
    );
    expect(await css({ chatra, fallback: { floating: 'always', position: 'bottom-right' } })).toMatch(/(^|\})\.acw-floating\{bottom:/);
    expect(await css({ chatra, fallback: { floating: 'always', position: 'bottom-left' } })).not.toContain('.acw-floating{bottom:');
  });
});

describe("the theme's own fixed elements", () => {
  test('the region steps aside for an open dialog always, and for what hideWhen names', async () => {
    expect(await css({})).toContain(':root:has(dialog[open]) .acw-region{display:none}');
    expect(await css({ fallback: { hideWhen: ['.menu-open', ' body.nav-open > x '] } })).toContain(
      ':root:has(dialog[open],.menu-open,body.nav-open > x) .acw-region{display:none}',
    );
  });
  test('room below the last content, unless room: false', async () => {
    expect(await css({})).toContain('.acw-region{height:calc(var(--acw-y,20px) + 64px)}');
    expect(await css({ fallback: { room: false } })).not.toContain('.acw-region{height');
  });
});

describe('placement of the greeting', () => {
  const greeting = { text: 'Hi' };
  test('its wait as a custom property when not the default; with its button on the devices it shows on', async () => {
    expect(await css({ fallback: { greeting } })).not.toContain('--acw-greet-after');
    expect(await css({ fallback: { greeting: { ...greeting, afterSeconds: 2.5 } } })).toContain(':root{--acw-greet-after:2.5s}');
    expect(await css({ fallback: { greeting, devices: 'mobile' } })).toContain(
      '@media (hover:hover) and (pointer:fine){.acw-floating,.acw-greeting{display:none}}',
    );
  });

  test("stacked above the lifted button, in the same scope ('always' beside Chatra's button)", async () => {
    const result = await css({ chatra: { id: 'DemoChatraId2026' }, fallback: { floating: 'always', greeting } });
    expect(result).toContain(':root:not([dir=rtl]) .acw-floating{bottom:calc(var(--acw-y,20px) + 76px)}');
    expect(result).toContain(':root:not([dir=rtl]) .acw-greeting{bottom:calc(var(--acw-y,20px) + 144px)}');
    expect(result).not.toMatch(/(^|\})\.acw-greeting\{bottom:/);
  });
});

describe('the greeting in the dark', () => {
  const greeting = { text: 'Hi' };
  test("by default: the site's known markers on <html>, else the visitor's system setting", async () => {
    const result = await css({ fallback: { greeting } });
    expect(result).toContain(":root:is([data-theme='dark'],.dark) .acw-greeting{background:#1f2c34;color:#e9edef}");
    expect(result).toMatch(/@media \(prefers-color-scheme:dark\)\{:root:not\([^)]*\.dark\) \.acw-greeting\{background:#1f2c34/);
  });
  test('with darkWhen: exactly where <html> or <body> matches it, the system setting ignored', async () => {
    const result = await css({ fallback: { greeting }, darkWhen: ' .theme-dark ' });
    expect(result).toContain(':is(:root,body):is(.theme-dark) .acw-greeting{background:#1f2c34;color:#e9edef}');
    expect(result).not.toContain('prefers-color-scheme');
    expect(result).not.toContain('.dark)');
  });
  test('no greeting, no dark rules', async () => {
    expect(await css({ darkWhen: '.dark' })).not.toContain('#1f2c34');
  });
});

test("the greeting's room counts its lift as greeting.css places it", async () => {
  const sheet = readFileSync(new URL('../../../integration/styles/greeting.css', import.meta.url), 'utf8');
  const lift = Number(/bottom: calc\(var\(--acw-y, 20px\) \+ (\d+)px\)/.exec(sheet)![1]);
  expect(await css({ fallback: { greeting: { text: 'Hi' } } })).toContain(
    `calc(var(--acw-y,20px) + ${lift + 8}px + var(--acw-greet-room,-${lift + 8}px))`,
  );
});
