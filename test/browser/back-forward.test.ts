/**
 * Back and Forward: Chromium restores a page left from its back/forward cache as it was, scripts,
 * timers and the widget's state included (Playwright turns the cache off; this file's Chromium has it).
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { BLANK_PAGE, closeAll, facade, floating, server, state, useBrowser, visit, waitForState } from './visit.ts';

useBrowser({ backForwardCache: true });

/** Counts the page's restores from the cache (pageshow with `persisted`). */
const countRestores = () =>
  addEventListener('pageshow', (event) => {
    const page = window as unknown as { __restores?: number };
    if (event.persisted) page.__restores = (page.__restores ?? 0) + 1;
  });
const restores = (page: Page) => page.evaluate(() => (window as unknown as { __restores?: number }).__restores ?? 0);

/** To a page of another document and back: a restore, not a new load (a restore fires no load event). */
async function leaveAndComeBack(page: Page) {
  const before = await restores(page);
  await page.goto(`${server.origin}${BLANK_PAGE}`);
  await page.goBack({ waitUntil: 'commit' });
  await expect.poll(() => restores(page).catch(() => before)).toBe(before + 1);
}

test('ready, left and restored: still ready, one widget, chatra.js not asked for again, the WhatsApp button hidden', async () => {
  const v = await visit('/eager/', { init: countRestores });
  await waitForState(v.page, 'ready');
  await leaveAndComeBack(v.page);
  expect(await state(v.page)).toBe('ready');
  expect(await v.page.locator('#chatra').count()).toBe(1);
  expect(v.chatraRequests).toHaveLength(1);
  expect(await floating(v.page).isVisible()).toBe(false);
  expect(v.errors).toEqual([]);
  await closeAll(v);
});

test('left while chatra.js was on its way: restored, it gets to ready', async () => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const v = await visit('/eager/', { init: countRestores, holdChatra: held, waitUntil: 'domcontentloaded' });
  await waitForState(v.page, 'loading');
  // It comes only once the page is back: the cache kept the page with its request.
  await leaveAndComeBack(v.page);
  release();
  await waitForState(v.page, 'ready');
  expect(await v.page.locator('#chatra').count()).toBe(1);
  expect(v.errors).toEqual([]);
  await closeAll(v);
});

test('interaction: restored waiting, the chat stand-in there; a click on it then loads the chat, once', async () => {
  const v = await visit('/interaction/', { init: countRestores });
  await waitForState(v.page, 'waiting');
  await leaveAndComeBack(v.page);
  expect(await state(v.page)).toBe('waiting');
  await facade(v.page).click();
  await waitForState(v.page, 'ready');
  expect(v.chatraRequests).toHaveLength(1);
  await closeAll(v);
});

test('failed, left and restored: still failed, the WhatsApp button shown', async () => {
  const v = await visit('/eager/', { init: countRestores, script: 'missing' });
  await waitForState(v.page, 'failed');
  await leaveAndComeBack(v.page);
  expect(await state(v.page)).toBe('failed');
  expect(await floating(v.page).isVisible()).toBe(true);
  await closeAll(v);
});
