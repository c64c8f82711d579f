/**
 * A Starlight site with four languages (English, Persian right-to-left, Japanese, and Swahili, for
 * which we have no words), built once and opened in Chromium at 1280×800: each page's own labels,
 * the fallback named in the build output, the floating button at the reading end clear of
 * Starlight's sidebar in both directions, theme="auto" following Starlight's theme picker, and the
 * content's spacing around the inline button.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { build } from 'astro';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultTexts } from '../../integration/config/default-texts.ts';
import { launchChromium } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { LINK } from './sites.ts';
import { buildOutDir } from '../support/out-dir.ts';
import { printedDuring } from '../support/printed.ts';

let browser: Browser;
let server: StaticServer;
let buildOutput = '';
let builtDir = '';

beforeAll(async () => {
  const root = fileURLToPath(new URL('../fixtures/starlight/', import.meta.url));
  const outDir = buildOutDir('starlight');
  builtDir = outDir;
  delete process.env.NODE_ENV;
  buildOutput = await printedDuring(() =>
    build({
      root,
      outDir,
      logLevel: 'warn',
      configFile: false,
      integrations: [
        starlight({
          title: 'Docs',
          pagefind: false,
          locales: {
            root: { label: 'English', lang: 'en' },
            fa: { label: 'فارسی', dir: 'rtl' },
            ja: { label: '日本語' },
            sw: { label: 'Kiswahili' },
          },
        }),
        mdx(),
        chatraWhatsApp({ whatsapp: LINK }),
      ],
    }),
  );
  [browser, server] = await Promise.all([launchChromium(), serveStatic(outDir)]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(
  path: string,
  { colorScheme = 'light' as 'light' | 'dark', theme }: { colorScheme?: 'light' | 'dark'; theme?: string } = {},
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
  if (theme) await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  return page;
}

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('Starlight, four languages', () => {
  test.each([
    ['/', 'en', 'ltr'],
    ['/fa/', 'fa', 'rtl'],
    ['/ja/', 'ja', 'ltr'],
  ] as const)('%s: the labels in the page’s own language, no lang of their own', async (path, language, dir) => {
    const page = await open(path);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
    const floating = page.locator('a.acw-floating');
    expect((await floating.textContent())?.trim()).toBe(defaultTexts[language].linkLabel);
    expect(await page.locator('aside.acw-region').getAttribute('aria-label')).toBe(defaultTexts[language].regionLabel);
    expect(await page.locator('aside.acw-region [lang], aside.acw-region[lang]').count()).toBe(0);
    expect((await page.locator('a.acw-inline').textContent())?.trim()).toBe(defaultTexts[language].linkLabel);
    await page.context().close();
  });

  test("on a phone, Starlight's open menu (a popover, in the top layer) covers the floating button: nothing of ours shows through it", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const button = await box(page, 'a.acw-floating');
    const atButton = () =>
      page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.acw-region'), {
        x: button.x + button.width / 2,
        y: button.y + button.height / 2,
      });
    expect(await atButton()).toBe(true);
    await page.locator('button.sl-menu-button').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('#starlight__sidebar')!.matches(':popover-open'))).toBe(true);
    expect(await atButton()).toBe(false);
    await context.close();
  });

  test('a page with sections called Chat and WhatsApp: its table of contents, heading anchors and links to them stay in-page; the floating button and `whatsapp:` go to WhatsApp', async () => {
    const page = await open('/support/');
    for (const section of ['chat', 'whatsapp']) {
      const inPage = page.locator(`a[href="#${section}"]`);
      // The author's link, the table of contents (desktop and mobile), the heading's anchor.
      expect(await inPage.count()).toBeGreaterThanOrEqual(3);
      expect(
        await inPage.evaluateAll(
          (links) => links.filter((link) => link.hasAttribute('target') || link.hasAttribute('data-chatra-whatsapp')).length,
        ),
      ).toBe(0);
    }
    expect(await page.locator('a.acw-floating').getAttribute('href')).toBe(LINK);
    expect(await page.getByRole('link', { name: 'ask on WhatsApp' }).getAttribute('href')).toBe(LINK);
    await page.getByRole('link', { name: 'WhatsApp', exact: true }).first().click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#whatsapp');
    expect(page.context().pages()).toHaveLength(1);
    await page.context().close();
  });

  test('a language we have no words for: English labels that say they are English, and one build warning naming it', async () => {
    const page = await open('/sw/');
    expect(await page.locator('aside.acw-region').getAttribute('lang')).toBe('en');
    expect((await page.locator('a.acw-floating').textContent())?.trim()).toBe(defaultTexts.en.linkLabel);
    await page.context().close();
    expect(buildOutput).toMatch(/sw \(shown in en\): linkLabel, openChatLabel, regionLabel, qrLabel/);
    expect(buildOutput.match(/no texts of (its|their) own/g)).toHaveLength(1);
  });

  test.each([
    ['/', 'right'],
    ['/fa/', 'left'],
  ] as const)('%s: the floating button at the reading end (%s), clear of the sidebar', async (path, side) => {
    const page = await open(path);
    const button = await box(page, 'a.acw-floating');
    const sidebar = await box(page, '.sidebar-pane');
    expect(side === 'right' ? 1280 - (button.x + button.width) : button.x).toBeCloseTo(20, 0);
    expect(overlaps(button, sidebar)).toBe(false);
    await page.context().close();
  });

  test.each([
    ['light', 'dark', 'rgb(11, 110, 79)'],
    ['dark', 'light', 'rgb(37, 211, 102)'],
    ['auto', 'dark', 'rgb(37, 211, 102)'],
    ['auto', 'light', 'rgb(11, 110, 79)'],
  ] as const)('theme="auto" follows Starlight’s picker (%s, system %s)', async (theme, colorScheme, background) => {
    const page = await open('/', { colorScheme, theme: theme === 'auto' ? '' : theme });
    expect(await page.locator('a.acw-inline').evaluate((link) => getComputedStyle(link).backgroundColor)).toBe(background);
    await page.context().close();
  });

  test('a docs page with whatsapp: false in its frontmatter has no floating button; Starlight’s schema needs no extending', () => {
    const quiet = readFileSync(join(builtDir, 'quiet/index.html'), 'utf8');
    expect(quiet).toContain('A page without the button');
    expect(quiet).not.toMatch(/acw-floating|%acw-/);
    expect(readFileSync(join(builtDir, 'index.html'), 'utf8')).toContain('acw-floating');
  });

  test('the inline button on its own line keeps the content’s spacing above and below', async () => {
    const page = await open('/');
    const gaps = await page.locator('a.acw-inline').evaluate((button) => {
      const rect = button.getBoundingClientRect();
      const before = button.previousElementSibling!.getBoundingClientRect();
      const after = button.nextElementSibling!.getBoundingClientRect();
      return { above: rect.top - before.bottom, below: after.top - rect.bottom };
    });
    expect(gaps.above).toBeGreaterThanOrEqual(15);
    expect(gaps.below).toBeGreaterThanOrEqual(15);
    await page.context().close();
  });
});
