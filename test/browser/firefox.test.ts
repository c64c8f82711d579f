/**
 * The same sites in Firefox (Gecko), for what a visitor sees where Chromium's engine is not the one
 * running: the loader's states, the widget with its texts, the fallback, the chat stand-in on a
 * click, consent, <ClientRouter /> navigations, strict CSP. The rest of the browser suite runs in
 * Chromium.
 */
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATE_ATTRIBUTE } from '../../integration/shared/dom.ts';
import { launchFirefox } from '../support/firefox.ts';
import { LINK, ROOMY_TIMEOUT } from './sites.ts';
import { server, STAND_IN } from './visit.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchFirefox();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

interface FirefoxVisit {
  page: Page;
  chatraRequests: number;
  errors: string[];
}

/** Opens a page of the served sites in a fresh context; chatra.js is the stand-in (or missing), nothing leaves the machine. */
async function visit(path: string, { chatra = 'stand-in' }: { chatra?: 'stand-in' | 'missing' } = {}): Promise<FirefoxVisit> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const visited: FirefoxVisit = { page, chatraRequests: 0, errors: [] };
  page.on('pageerror', (error) => visited.errors.push(String(error)));
  await page.evaluateOnNewDocument(() => {
    const win = window as unknown as { __violations: string[]; __pageLoads: number };
    win.__violations = [];
    // <ClientRouter />'s swaps done, counted (the document stays the same: its readyState says nothing of them).
    win.__pageLoads = 0;
    document.addEventListener('astro:page-load', () => win.__pageLoads++);
    document.addEventListener('securitypolicyviolation', (event) =>
      win.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    if (url.startsWith(server.origin) || url.startsWith('data:')) return void request.continue();
    if (url === 'https://call.chatra.io/chatra.js') {
      visited.chatraRequests++;
      return void (chatra === 'stand-in'
        ? request.respond({ status: 200, contentType: 'text/javascript', body: STAND_IN })
        : request.respond({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    }
    return void request.abort();
  });
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  return visited;
}

const state = (page: Page) => page.evaluate((name) => document.documentElement.getAttribute(name), STATE_ATTRIBUTE);
/** Polled from here: a function waited for inside the page is compiled there, which a strict policy (rightly) refuses. */
async function waitFor<T>(read: () => Promise<T>, expected: T, timeout = ROOMY_TIMEOUT + 3000): Promise<void> {
  const until = Date.now() + timeout;
  while ((await read()) !== expected) {
    if (Date.now() > until) throw new Error(`Waited ${timeout} ms for ${String(expected)}; it is ${String(await read())}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const waitForState = (page: Page, expected: string) => waitFor(() => state(page), expected);
/** Whether the floating WhatsApp button is shown (laid out, not hidden by the state's CSS). */
const floatingShown = (page: Page) =>
  page.evaluate(() => {
    const link = document.querySelector('a.acw-floating');
    return (
      !!link &&
      getComputedStyle(link).display !== 'none' &&
      getComputedStyle(link).visibility !== 'hidden' &&
      link.getClientRects().length > 0
    );
  });
const standIn = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __chatra?: { setup: { locale: { customStrings: Record<string, string> } }; calls: unknown[][] } }).__chatra,
  );
const close = (visited: FirefoxVisit) => visited.page.browserContext().close();

describe('in Firefox', () => {
  test('idle: the widget starts after load with the texts holding the WhatsApp link; the button steps aside', async () => {
    const v = await visit('/idle/');
    await waitForState(v.page, 'ready');
    expect(await v.page.$('#chatra')).not.toBeNull();
    expect(Object.values((await standIn(v.page))!.setup.locale.customStrings).join(' ')).toContain(`](${LINK})`);
    expect(await floatingShown(v.page)).toBe(false);
    expect(v.chatraRequests).toBe(1);
    expect(v.errors).toEqual([]);
    await close(v);
  });

  test('chatra.js missing: the state says failed and the WhatsApp button shows', async () => {
    const v = await visit('/fast-fallback/', { chatra: 'missing' });
    await waitForState(v.page, 'failed');
    expect(await floatingShown(v.page)).toBe(true);
    expect(await v.page.$eval('a.acw-floating', (link) => link.getAttribute('href'))).toBe(LINK);
    await close(v);
  });

  test('interaction: nothing from Chatra until the visitor acts; the chat stand-in, pressed with the keyboard, opens the chat', async () => {
    const v = await visit('/interaction/');
    await waitForState(v.page, 'waiting');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(v.chatraRequests).toBe(0);
    await v.page.focus('button.acw-facade');
    await v.page.keyboard.press('Enter');
    await waitForState(v.page, 'ready');
    expect((await standIn(v.page))!.calls.some(([method]) => method === 'openChat')).toBe(true);
    await close(v);
  });

  test('consent: nothing goes to Chatra until the consent event, then the widget starts', async () => {
    const v = await visit('/consent/');
    expect(await state(v.page)).toBe('consent');
    expect(await floatingShown(v.page)).toBe(true);
    await v.page.evaluate(() => document.dispatchEvent(new CustomEvent('consent:chat')));
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toBe(1);
    await close(v);
  });

  test('<ClientRouter />: three navigations, one widget carried along, chatra.js once, pageView each time', async () => {
    const v = await visit('/eager/router/');
    await waitForState(v.page, 'ready');
    const pageLoads = () => v.page.evaluate(() => (window as unknown as { __pageLoads: number }).__pageLoads);
    await waitFor(pageLoads, 1);
    // Each click once the navigation before it is over: its swap done, and its view transition too
    // (Astro takes data-astro-transition off <html> then): until that ends, a click lands on the
    // transition's pseudo-elements drawn over the page, not on the link.
    const transitionOver = () => v.page.evaluate(() => !document.documentElement.hasAttribute('data-astro-transition'));
    for (const [index, link] of (['#next', '#back', '#next'] as const).entries()) {
      await v.page.click(link);
      await waitFor(pageLoads, index + 2);
      await waitFor(transitionOver, true);
      expect(await v.page.evaluate(() => location.pathname.endsWith('/router/two/'))).toBe(link === '#next');
    }
    await waitForState(v.page, 'ready');
    expect(await v.page.$$eval('#chatra', (found) => found.length)).toBe(1);
    expect(v.chatraRequests).toBe(1);
    await expect.poll(async () => (await standIn(v.page))!.calls.filter(([method]) => method === 'pageView').length).toBe(3);
    expect(v.errors).toEqual([]);
    await close(v);
  });

  test.each(['csp', 'csp-strict-dynamic'])('%s: no policy violations, the widget ready', async (site) => {
    const v = await visit(`/${site}/`);
    // `interaction` on csp-strict-dynamic: its chat part by import() under the policy.
    await v.page.keyboard.press('Tab');
    await waitForState(v.page, 'ready');
    expect(await v.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await close(v);
  });
});
