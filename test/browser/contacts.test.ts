import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LINK } from './sites.ts';
import { axeViolations, closeAll, DOCS, server, useBrowser, visit, waitForState } from './visit.ts';

useBrowser();

describe('several contacts: a disclosure that needs no JavaScript', () => {
  const details = (page: Page) => page.locator('details.acw-contacts');
  const contact = (page: Page, name: string) => page.locator('details.acw-contacts a', { hasText: name });

  test('closed at first; a click lists Sales and Support; Support carries the page title; Plausible and Umami hear the click', async () => {
    const v = await visit('/contacts/', {
      script: 'missing',
      init: () => {
        const page = window as unknown as {
          calls: unknown[][];
          plausible: (...args: unknown[]) => void;
          umami: { track: (...args: unknown[]) => void };
        };
        page.calls = [];
        page.plausible = (...args) => page.calls.push(['plausible', ...args]);
        page.umami = { track: (...args) => page.calls.push(['umami', ...args]) };
      },
    });
    await waitForState(v.page, 'failed');
    expect(await details(v.page).isVisible()).toBe(true);
    expect(await contact(v.page, 'Sales').isVisible()).toBe(false);
    await details(v.page).locator('summary').click();
    expect(await contact(v.page, 'Sales').isVisible()).toBe(true);
    await v.page.screenshot({ path: join(DOCS, 'contacts.png') });
    expect(await contact(v.page, 'Sales').getAttribute('href')).toBe(LINK);
    const title = await v.page.title();
    const support = `https://wa.me/49301234567?text=${encodeURIComponent(`Help with ${title}`)}`;
    expect(await contact(v.page, 'Support').getAttribute('href')).toBe(support);
    await contact(v.page, 'Support').click();
    await expect.poll(() => v.popups.length).toBe(1);
    const detail = { link: support, page: `${server.origin}/contacts/` };
    expect(await v.page.evaluate(() => (window as unknown as { calls: unknown[][] }).calls)).toEqual([
      ['plausible', 'whatsapp_click', { props: detail }],
      ['umami', 'whatsapp_click', detail],
    ]);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('without JavaScript it opens all the same, and axe-core finds nothing, open or closed', async () => {
    const v = await visit('/contacts/', { stripScripts: true });
    expect(await axeViolations(v.page)).toEqual([]);
    await details(v.page).locator('summary').click();
    expect(await contact(v.page, 'Support').isVisible()).toBe(true);
    expect(await axeViolations(v.page)).toEqual([]);
    await closeAll(v);
  });

  test('hidden while the widget works, like the single button', async () => {
    const v = await visit('/contacts/');
    await waitForState(v.page, 'ready');
    expect(await details(v.page).isVisible()).toBe(false);
    await closeAll(v);
  });
});
describe('fallback.qr: a QR code for desktops, the plain link for phones (CSS only)', () => {
  test('desktop: the button opens a QR code; phone: the button is the link', async () => {
    const desktop = await visit('/qr/');
    const details = desktop.page.locator('details.acw-desk');
    expect(await desktop.page.locator('a.acw-touch').isVisible()).toBe(false);
    expect(await details.isVisible()).toBe(true);
    await details.locator('summary').click();
    expect(await details.locator('svg.acw-qr').isVisible()).toBe(true);
    // Under the code, a plain small button with its words; the panel no taller than the code and that button.
    const link = details.locator('div > a.acw-wa');
    expect((await link.locator('.acw-label').boundingBox())!.width).toBeGreaterThan(60);
    expect((await link.locator('svg').boundingBox())!.height).toBeLessThan(40);
    expect((await details.locator('div').boundingBox())!.height).toBeLessThan(280);
    // The button's own icon at the floating size; its words for screen readers only.
    expect(await details.locator('summary > svg').evaluate((icon) => getComputedStyle(icon).width)).toBe('32px');
    expect(await details.locator('summary > .acw-label').evaluate((label) => getComputedStyle(label).width)).toBe('1px');
    expect(await axeViolations(desktop.page)).toEqual([]);
    const phone = await visit('/qr/', { context: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } });
    expect(await phone.page.locator('a.acw-touch').isVisible()).toBe(true);
    expect(await phone.page.locator('details.acw-desk').isVisible()).toBe(false);
    await closeAll(desktop, phone);
  });
});
