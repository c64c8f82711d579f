/**
 * The floating button and a theme's own fixed elements (AstroWind's, reported covered): room at the
 * end of the page so it never covers the footer's links, and out of the way while the mobile menu
 * (`fallback.hideWhen`) or a dialog is open. CSS only.
 */
import { describe, expect, test } from 'vitest';
import { closeAll, floating, useBrowser, visit, type Visit } from './visit.ts';

useBrowser();

const phone = { context: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } };

/** Scrolls to the end of the page; whether the button (or the greeting, once it is in) covers any of the footer's links. */
async function coversFooter(path: string, part: 'button' | 'greeting' = 'button') {
  const v = await visit(path, phone);
  const covered = await footerLinksCovered(v, part);
  await closeAll(v);
  return covered;
}

/** The footer's links (#rss, #github) the button or the greeting covers once the page is scrolled to its end. */
async function footerLinksCovered(v: Visit, part: 'button' | 'greeting') {
  if (part === 'greeting') {
    await v.page.waitForFunction(() => {
      const element = document.querySelector('details.acw-greeting');
      return element !== null && getComputedStyle(element).visibility === 'visible' && getComputedStyle(element).opacity === '1';
    });
  }
  await v.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const button = (await (part === 'greeting' ? v.page.locator('details.acw-greeting') : floating(v.page)).boundingBox())!;
  const covered = [];
  for (const id of ['#rss', '#github']) {
    const link = (await v.page.locator(id).boundingBox())!;
    if (
      button.x < link.x + link.width &&
      link.x < button.x + button.width &&
      button.y < link.y + link.height &&
      link.y < button.y + button.height
    ) {
      covered.push(id);
    }
  }
  return covered;
}

describe('a theme with a fixed menu and a footer of links', () => {
  test('room below the last content: at the end of the page the button covers none of the footer’s links', async () => {
    expect(await coversFooter('/room/fixed-footer/')).toEqual([]);
    // Without the room (`fallback.room: false`), the same page has the button over a link.
    expect((await coversFooter('/no-room/fixed-footer/')).length).toBeGreaterThan(0);
  });

  test('with a greeting: once it is in, the room grows to hold it too, so it covers none of the footer’s links', async () => {
    expect(await coversFooter('/greeting/fixed-footer/', 'greeting')).toEqual([]);
    expect(await coversFooter('/greeting/fixed-footer/')).toEqual([]);
    // Closed, the room is the button's again.
    const v = await visit('/greeting/fixed-footer/', phone);
    const roomHeight = () => v.page.locator('aside.acw-region').evaluate((region) => region.getBoundingClientRect().height);
    await expect.poll(roomHeight).toBeGreaterThan(150);
    await v.page.locator('summary.acw-greeting-close').click();
    expect(await roomHeight()).toBe(84);
    await closeAll(v);
    // The site moves the button up (a cookie banner: --acw-y): the room follows, the links stay clear.
    const moved = await visit('/greeting/fixed-footer/', phone);
    await expect
      .poll(() => moved.page.locator('aside.acw-region').evaluate((region) => region.getBoundingClientRect().height))
      .toBeGreaterThan(150);
    await moved.page.evaluate(() => document.documentElement.style.setProperty('--acw-y', '120px'));
    await moved.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const greetingBox = (await moved.page.locator('details.acw-greeting').boundingBox())!;
    const rss = (await moved.page.locator('#rss').boundingBox())!;
    expect(greetingBox.y).toBeGreaterThanOrEqual(rss.y + rss.height);
    await closeAll(moved);
    // Beside Chatra: in after the widget failed; once a late widget is ready, greeting and room are gone.
    const late = await visit('/greeting-chatra/fixed-footer/', { ...phone, script: 'blocked' });
    const lateRoom = () => late.page.locator('aside.acw-region').evaluate((region) => region.getBoundingClientRect().height);
    await expect.poll(lateRoom, { timeout: 10_000 }).toBeGreaterThan(150);
    await late.page.evaluate(() => document.documentElement.setAttribute('data-chatra-whatsapp', 'ready'));
    expect(await lateRoom()).toBe(84);
    expect(await late.page.locator('details.acw-greeting').isVisible()).toBe(false);
    await closeAll(late);
  });

  test('<ClientRouter />: on a page it swapped in, the room grows to hold the greeting too', async () => {
    const v = await visit('/greeting/router/', phone);
    // In on the first page already: the greeting swapped in is another element, measured anew.
    await v.page.waitForFunction(() => getComputedStyle(document.querySelector('details.acw-greeting')!).opacity === '1');
    await v.page.click('#long');
    await v.page.waitForURL(/\/router\/long\/$/);
    await v.page.locator('#rss').waitFor();
    expect(await footerLinksCovered(v, 'greeting')).toEqual([]);
    expect(await v.page.locator('aside.acw-region').evaluate((region) => region.getBoundingClientRect().height)).toBeGreaterThan(150);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('with a greeting on a page that fits the window: no room added, so nothing on it moves (no layout shift)', async () => {
    const v = await visit('/greeting/', phone);
    expect(await v.page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    await v.page.waitForFunction(() => getComputedStyle(document.querySelector('details.acw-greeting')!).opacity === '1');
    await v.page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await v.page.locator('aside.acw-region').evaluate((region) => region.getBoundingClientRect().height)).toBe(84);
    await closeAll(v);
  });

  test('hideWhen: while the mobile menu is open the button steps aside, and comes back when it closes', async () => {
    const v = await visit('/room/fixed-footer/', phone);
    expect(await floating(v.page).isVisible()).toBe(true);
    await v.page.click('#toggle');
    expect(await floating(v.page).isVisible()).toBe(false);
    expect(await v.page.locator('#download').isVisible()).toBe(true);
    await v.page.click('#toggle');
    expect(await floating(v.page).isVisible()).toBe(true);
    await closeAll(v);
  });

  test('an open dialog: the button steps aside (any site, no option needed)', async () => {
    const v = await visit('/no-room/fixed-footer/', phone);
    await v.page.evaluate(() => (document.getElementById('notice') as HTMLDialogElement).show());
    expect(await floating(v.page).isVisible()).toBe(false);
    await v.page.evaluate(() => (document.getElementById('notice') as HTMLDialogElement).close());
    expect(await floating(v.page).isVisible()).toBe(true);
    await closeAll(v);
  });
});
