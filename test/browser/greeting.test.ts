/**
 * fallback.greeting in Chromium: it comes in after its wait beside the WhatsApp button, in CSS
 * alone; only while the button shows; closes with or without JavaScript (remembered for the
 * session where scripts run); said once to screen readers; no layout shift, no motion when the
 * visitor asks for none; dark, right-to-left, in the page's language; its picture from the site.
 */
import { describe, expect, test } from 'vitest';
import { axeViolations, closeAll, floating, server, useBrowser, visit, waitForState } from './visit.ts';
import { GREETING, GREETING_RU } from './sites.ts';

useBrowser();

const greeting = (v: Awaited<ReturnType<typeof visit>>) => v.page.locator('details.acw-greeting');
const appeared = (v: Awaited<ReturnType<typeof visit>>) =>
  v.page.waitForFunction(() => {
    const element = document.querySelector('details.acw-greeting');
    return element !== null && getComputedStyle(element).visibility === 'visible' && getComputedStyle(element).opacity === '1';
  });

describe('a greeting beside the WhatsApp button', () => {
  test('hidden at first, in after its wait above the button, said once to screen readers, no layout shift', async () => {
    // Read in the first frame its stylesheet applies to it (its wait counts from there), not after
    // visit() returns: on a busy machine that can be as late as the wait itself.
    const v = await visit('/greeting/', {
      init: () => {
        const look = () => {
          const element = document.querySelector('details.acw-greeting');
          // The document may still be arriving: a frame can come between the greeting's start tag
          // and its status (a TypeError there ended this loop once, on a loaded machine).
          const status = element?.querySelector('.acw-greeting-status');
          if (!element || !status || getComputedStyle(element).animationName === 'none') return requestAnimationFrame(look);
          (window as unknown as { atStart: object }).atStart = {
            visibility: getComputedStyle(element).visibility,
            status: status.textContent,
          };
        };
        requestAnimationFrame(look);
      },
    });
    await v.page.waitForFunction(() => (window as unknown as { atStart?: object }).atStart);
    expect(await v.page.evaluate(() => (window as unknown as { atStart: object }).atStart)).toEqual({ visibility: 'hidden', status: '' });
    await appeared(v);
    const bubble = (await greeting(v).boundingBox())!;
    const button = (await floating(v.page).boundingBox())!;
    expect(bubble.y + bubble.height).toBeLessThanOrEqual(button.y);
    // At the reading end, as the button.
    expect(bubble.x + bubble.width).toBeGreaterThan(button.x);
    expect(await v.page.locator('.acw-greeting-text').textContent()).toBe(GREETING.text);
    expect(await v.page.locator('.acw-greeting-name').textContent()).toBe(GREETING.name);
    expect(await v.page.locator('.acw-greeting-note').textContent()).toBe(GREETING.note);
    await v.page.waitForFunction(() => document.querySelector('.acw-greeting-status')!.textContent !== '');
    expect(await v.page.locator('.acw-greeting-status').textContent()).toBe(GREETING.text);
    expect(await v.page.locator('.acw-greeting-status').getAttribute('role')).toBe('status');
    // Read by screen readers, not shown (the card shows the text).
    expect((await v.page.locator('.acw-greeting-status').boundingBox())!.width).toBeLessThanOrEqual(1);
    // The picture: the site's own file, loaded.
    const avatar = v.page.locator('img.acw-greeting-avatar');
    expect(await avatar.getAttribute('src')).toBe('/greeting/avatar.svg');
    expect(await avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // The card is the same WhatsApp link as the button.
    expect(await v.page.locator('a.acw-greeting-card').getAttribute('href')).toBe(await floating(v.page).getAttribute('href'));
    expect(await v.page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
    expect(await axeViolations(v.page)).toEqual([]);
    expect(v.errors).toEqual([]);
    await v.page.screenshot({ path: `${process.cwd()}/docs/greeting.png` });
    await closeAll(v);
  });

  test('closed: gone, and gone on the next page of the session; a new session greets again', async () => {
    const v = await visit('/greeting/');
    await appeared(v);
    await v.page.locator('summary.acw-greeting-close').click();
    expect(await greeting(v).isVisible()).toBe(false);
    await v.page.goto(`${server.origin}/greeting/second/`);
    await v.page.waitForTimeout(1800);
    expect(await greeting(v).isVisible()).toBe(false);
    expect(await floating(v.page).isVisible()).toBe(true);
    const fresh = await visit('/greeting/second/');
    await appeared(fresh);
    await closeAll(v, fresh);
  });

  test('<ClientRouter />: closed on one page, still closed after a client-side navigation', async () => {
    const v = await visit('/greeting/router/');
    await appeared(v);
    await v.page.locator('summary.acw-greeting-close').click();
    await v.page.click('#next');
    await v.page.waitForURL('**/router/two/');
    await v.page.waitForTimeout(1500);
    expect(await greeting(v).count()).toBe(1);
    expect(await greeting(v).isVisible()).toBe(false);
    expect(await floating(v.page).isVisible()).toBe(true);
    await closeAll(v);
  });

  test('without JavaScript: it comes in and closes all the same (CSS and <details>)', async () => {
    const v = await visit('/greeting/', { context: { javaScriptEnabled: false } });
    await expect.poll(() => greeting(v).isVisible()).toBe(true);
    await v.page.locator('summary.acw-greeting-close').click();
    expect(await greeting(v).isVisible()).toBe(false);
    expect(await floating(v.page).isVisible()).toBe(true);
    await closeAll(v);
  });

  test('reduced motion: no movement, it just appears; dark where the visitor’s system is; in the page’s language', async () => {
    const v = await visit('/greeting/ru/', { context: { reducedMotion: 'reduce', colorScheme: 'dark' } });
    const style = await greeting(v).evaluate((element) => {
      const computed = getComputedStyle(element);
      return { animation: computed.animationName, background: computed.backgroundColor };
    });
    expect(style.animation).toBe('acw-greet-still');
    expect(style.background).toBe('rgb(31, 44, 52)');
    await appeared(v);
    expect(await v.page.locator('.acw-greeting-text').textContent()).toBe(GREETING_RU);
    expect(await v.page.locator('summary.acw-greeting-close').getAttribute('aria-label')).toBe('Закрыть');
    await closeAll(v);
  });

  test('right to left: at the reading end, beside the button, its close button at the start of reading', async () => {
    const v = await visit('/greeting/');
    await v.page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
    await appeared(v);
    const bubble = (await greeting(v).boundingBox())!;
    const button = (await floating(v.page).boundingBox())!;
    const close = (await v.page.locator('summary.acw-greeting-close').boundingBox())!;
    expect(button.x).toBeLessThan(100);
    expect(bubble.x).toBeLessThan(100);
    expect(close.x).toBeLessThan(bubble.x + bubble.width / 2);
    await closeAll(v);
  });
});

describe('a greeting on a site with Chatra', () => {
  test('none while the widget works; when it fails, the greeting comes with the WhatsApp button', async () => {
    const working = await visit('/greeting-chatra/');
    await waitForState(working.page, 'ready');
    await working.page.waitForTimeout(1500);
    expect(await greeting(working).isVisible()).toBe(false);
    const failing = await visit('/greeting-chatra/', { script: 'missing' });
    await waitForState(failing.page, 'failed');
    await appeared(failing);
    expect(await floating(failing.page).isVisible()).toBe(true);
    await closeAll(working, failing);
  });
});

describe("darkWhen: the site's own dark marker, as a theme with a switch sets it", () => {
  const looks = (v: Awaited<ReturnType<typeof visit>>) =>
    v.page.evaluate(() => ({
      greeting: getComputedStyle(document.querySelector('details.acw-greeting')!).backgroundColor,
      button: getComputedStyle(document.querySelector('a.acw-auto')!).backgroundColor,
    }));
  const LIGHT = { greeting: 'rgb(255, 255, 255)', button: 'rgb(11, 110, 79)' };
  const DARK = { greeting: 'rgb(31, 44, 52)', button: 'rgb(37, 211, 102)' };

  test('light while <html> lacks it, though the system is dark (the switch removed it); dark once it is there', async () => {
    const v = await visit('/dark-class/theme/', { context: { colorScheme: 'dark' } });
    expect(await looks(v)).toEqual(LIGHT);
    await v.page.evaluate(() => document.documentElement.classList.add('theme-dark'));
    expect(await looks(v)).toEqual(DARK);
    await closeAll(v);
  });

  test('dark with it on <html> or <body> while the system is light, hover too; the default site, unmarked, follows the system', async () => {
    const v = await visit('/dark-class/theme/', { context: { colorScheme: 'light' } });
    await v.page.evaluate(() => document.body.classList.add('theme-dark'));
    expect(await looks(v)).toEqual(DARK);
    await v.page.evaluate(() => {
      document.body.classList.remove('theme-dark');
      document.documentElement.classList.add('theme-dark');
    });
    expect(await looks(v)).toEqual(DARK);
    await v.page.locator('a.acw-auto').hover();
    expect(await v.page.locator('a.acw-auto').evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgb(74, 222, 128)');
    await closeAll(v);
    const byDefault = await visit('/greeting/theme/', { context: { colorScheme: 'dark' } });
    expect(await looks(byDefault)).toEqual(DARK);
    await byDefault.page.evaluate(() => document.documentElement.classList.add('theme-dark'));
    await byDefault.page.emulateMedia({ colorScheme: 'light' });
    expect(await looks(byDefault)).toEqual(LIGHT);
    await closeAll(byDefault);
  });
});
