import type { BrowserContextOptions } from 'playwright-core';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TIMEOUT } from './sites.ts';
import { axeViolations, closeAll, DOCS, facade, floating, state, useBrowser, visit, waitForState } from './visit.ts';

useBrowser();

describe('accessibility and layout', () => {
  test.each<[string, BrowserContextOptions]>([
    ['light, desktop, widget failed', { colorScheme: 'light' }],
    ['dark, desktop, widget failed', { colorScheme: 'dark' }],
    ['light, mobile 375×667, widget failed', { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true }],
  ])('axe-core finds nothing: %s', async (_name, context) => {
    const v = await visit('/eager/inline/', { script: 'missing', context });
    await waitForState(v.page, 'failed');
    expect(await axeViolations(v.page)).toEqual([]);
    const box = (await floating(v.page).boundingBox())!;
    const viewport = v.page.viewportSize()!;
    expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height).toBe(true);
    if (context.colorScheme === 'dark') await v.page.screenshot({ path: join(DOCS, 'dark.png') });
    if (context.isMobile) await v.page.screenshot({ path: join(DOCS, 'mobile.png') });
    await closeAll(v);
  });

  test('axe-core finds nothing on the page without its scripts (as a visitor without JavaScript gets it)', async () => {
    // Scripts stripped, so axe can still run: the stylesheet shows the button once fallback.timeout
    // has passed with no loader (with JavaScript off, at once: see no-javascript.test.ts).
    const v = await visit('/fast-fallback/inline/', { stripScripts: true });
    expect(await state(v.page)).toBeNull();
    await expect.poll(() => floating(v.page).isVisible(), { timeout: TIMEOUT + 3000 }).toBe(true);
    expect(await axeViolations(v.page)).toEqual([]);
    await closeAll(v);
  });

  test('Tab reaches the WhatsApp button, which shows a visible focus ring', async () => {
    const v = await visit('/eager/', { script: 'blocked' });
    await waitForState(v.page, 'failed');
    let focused = false;
    for (let i = 0; i < 10 && !focused; i++) {
      await v.page.keyboard.press('Tab');
      focused = await v.page.evaluate(() => document.activeElement?.classList.contains('acw-floating') ?? false);
    }
    expect(focused).toBe(true);
    const ring = await floating(v.page).evaluate((link) => {
      const style = getComputedStyle(link);
      return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.outline).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await closeAll(v);
  });

  test('at 200% zoom (1280×800 seen as 640×400) the button stays whole and reachable', async () => {
    const v = await visit('/eager/', { script: 'blocked', context: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } });
    await waitForState(v.page, 'failed');
    const box = (await floating(v.page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(640);
    expect(box.y + box.height).toBeLessThanOrEqual(400);
    await floating(v.page).click();
    await expect.poll(() => v.popups.length).toBe(1);
    await closeAll(v);
  });

  test('forced colours (Windows high contrast): the WhatsApp button and the chat stand-in keep an edge', async () => {
    const failed = await visit('/eager/', { script: 'missing', context: { forcedColors: 'active' } });
    await waitForState(failed.page, 'failed');
    const waiting = await visit('/interaction/', { context: { forcedColors: 'active' } });
    await waitForState(waiting.page, 'waiting');
    // The QR code's panel, open, and the contacts' links in theirs.
    const qr = await visit('/qr/', { context: { forcedColors: 'active' } });
    await qr.page.locator('details.acw-desk > summary').click();
    const contacts = await visit('/contacts/', { script: 'missing', context: { forcedColors: 'active' } });
    await waitForState(contacts.page, 'failed');
    await contacts.page.locator('details.acw-contacts > summary').click();
    for (const button of [
      floating(failed.page),
      facade(waiting.page),
      qr.page.locator('details.acw-desk > div'),
      contacts.page.locator('.acw-contacts li a').first(),
    ]) {
      expect(await button.evaluate((element) => getComputedStyle(element).borderTopWidth)).toBe('2px');
    }
    await closeAll(failed, waiting, qr, contacts);
  });

  test('focus on the chat stand-in goes on to what takes its place: the widget when it is ready, the WhatsApp button when it fails', async () => {
    // Focus alone starts the widget with `interaction`: it comes, and its frame gets the focus.
    const ready = await visit('/interaction/');
    await ready.page.focus('button.acw-facade');
    await waitForState(ready.page, 'ready');
    await expect.poll(() => ready.page.evaluate(() => document.activeElement?.matches('#chatra iframe') ?? false)).toBe(true);
    // chatra.js never comes: the WhatsApp button, shown in the stand-in's place, gets the focus.
    const failed = await visit('/fast-fallback/', { script: 'hang' });
    await failed.page.focus('button.acw-facade');
    await waitForState(failed.page, 'failed', TIMEOUT + 2000);
    expect(await failed.page.evaluate(() => document.activeElement?.matches('a.acw-floating') ?? false)).toBe(true);
    // Focus elsewhere stays where it is.
    const elsewhere = await visit('/fast-fallback/', { script: 'hang' });
    await elsewhere.page.evaluate(() => {
      const input = document.createElement('input');
      document.body.prepend(input);
      input.focus();
    });
    await waitForState(elsewhere.page, 'failed', TIMEOUT + 2000);
    expect(await elsewhere.page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    // Nothing takes the stand-in's place (`fallback.floating: false`): the landmark keeps the visitor's
    // place, so Tab goes on from there, and the page doesn't scroll to it.
    const alone = await visit('/no-floating/', { script: 'hang' });
    await alone.page.focus('button.acw-facade');
    const scrolled = await alone.page.evaluate(() => scrollY);
    await waitForState(alone.page, 'failed', TIMEOUT + 2000);
    expect(await alone.page.evaluate(() => document.activeElement?.matches('aside.acw-region') ?? false)).toBe(true);
    expect(await alone.page.evaluate(() => scrollY)).toBe(scrolled);
    await closeAll(ready, failed, elsewhere, alone);
  });

  test('the chat stand-in centred at the bottom (buttonPosition bc) stays where it is under the pointer', async () => {
    const v = await visit('/facade-centred/');
    await waitForState(v.page, 'waiting');
    const before = (await facade(v.page).boundingBox())!;
    await v.page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await v.page.waitForTimeout(300);
    const after = (await facade(v.page).boundingBox())!;
    // Grown a little about its centre (the hover), not moved.
    expect(Math.abs(after.x + after.width / 2 - (before.x + before.width / 2))).toBeLessThan(1);
    expect(after.width).toBeGreaterThan(before.width);
    await closeAll(v);
  });

  test('no layout shift, whether the widget arrives or fails', async () => {
    for (const script of ['stand-in', 'missing'] as const) {
      const v = await visit('/eager/', { script });
      await waitForState(v.page, script === 'stand-in' ? 'ready' : 'failed');
      expect(await v.page.evaluate(() => (window as unknown as { __cls: number }).__cls), script).toBe(0);
      await closeAll(v);
    }
  });

  test('floating: "always" stacks the WhatsApp button above Chatra\'s, never over it', async () => {
    const v = await visit('/always/');
    await waitForState(v.page, 'ready');
    const whatsapp = (await floating(v.page).boundingBox())!;
    const chat = (await v.page.locator('#chatra').boundingBox())!;
    const overlap =
      whatsapp.x < chat.x + chat.width &&
      chat.x < whatsapp.x + whatsapp.width &&
      whatsapp.y < chat.y + chat.height &&
      chat.y < whatsapp.y + whatsapp.height;
    expect(overlap).toBe(false);
    await closeAll(v);
  });

  test("the WhatsApp link opens a new tab that can't reach back (no window.opener)", async () => {
    const v = await visit('/eager/', { script: 'blocked' });
    await waitForState(v.page, 'failed');
    await floating(v.page).click();
    await expect.poll(() => v.popups.length).toBe(1);
    await v.popups[0].waitForLoadState();
    expect(await v.popups[0].evaluate(() => window.opener)).toBeNull();
    await closeAll(v);
  });
});
describe('placement (CSS only)', () => {
  test('devices: "mobile" shows the button on a touch phone, not on a desktop; offsets per window width', async () => {
    const desktop = await visit('/mobile-only/');
    expect(await floating(desktop.page).isVisible()).toBe(false);
    const phone = await visit('/mobile-only/', { context: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } });
    const box = (await floating(phone.page).boundingBox())!;
    expect(Math.round(375 - (box.x + box.width))).toBe(12);
    expect(Math.round(667 - (box.y + box.height))).toBe(72);
    const tablet = await visit('/mobile-only/', { context: { viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true } });
    const wide = (await floating(tablet.page).boundingBox())!;
    expect(Math.round(1024 - (wide.x + wide.width))).toBe(30);
    expect(Math.round(768 - (wide.y + wide.height))).toBe(90);
    await closeAll(desktop, phone, tablet);
  });

  test('a site can move the button itself through the custom properties (say, above its cookie banner)', async () => {
    const v = await visit('/eager/', { script: 'blocked' });
    await waitForState(v.page, 'failed');
    await v.page.addStyleTag({ content: 'body.cookie-banner { --acw-y: 140px }' });
    await v.page.evaluate(() => document.body.classList.add('cookie-banner'));
    const box = (await floating(v.page).boundingBox())!;
    expect(Math.round(800 - (box.y + box.height))).toBe(140);
    await closeAll(v);
  });
});
