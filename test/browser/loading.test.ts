import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultTexts } from '../../integration/config/default-texts.ts';
import { STATE_ATTRIBUTE } from '../../integration/shared/dom.ts';
import { LINK, CHATRA_ID, TIMEOUT } from './sites.ts';
import { BLANK_PAGE, closeAll, DOCS, facade, floating, OFFICIAL_MODULE, seen, state, useBrowser, visit, waitForState } from './visit.ts';

useBrowser();
/** The loader's chat part, a file of its own with `load: 'interaction'`. */
const CHAT_PART = /\/acw-loader-rest\.[\w-]+\.js$/;

describe('loading strategies', () => {
  test("eager: chatra.js at once, with the page's texts already in ChatraSetup; then ready", async () => {
    const v = await visit('/eager/');
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    const chatraSaw = await seen(v.page);
    expect(chatraSaw.id).toBe(CHATRA_ID);
    expect(chatraSaw.setup.language).toBe('en');
    const strings = Object.values(chatraSaw.setup.locale.customStrings);
    expect(strings.length).toBeGreaterThanOrEqual(6);
    for (const text of strings) expect(text).toContain(`[${defaultTexts.en.linkLabel}](${LINK})`);
    await expect.poll(() => floating(v.page).isVisible()).toBe(false);
    expect(await facade(v.page).isVisible()).toBe(false);
    await v.page.screenshot({ path: join(DOCS, 'widget-ready.png') });
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test("idle: nothing from Chatra before the load event, then the Russian page's texts in Russian", async () => {
    const v = await visit('/idle/ru/');
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toEqual([{ afterLoad: true }]);
    const chatraSaw = await seen(v.page);
    expect(chatraSaw.setup.language).toBe('ru');
    expect(chatraSaw.setup.locale.customStrings.bot_afterForm).toContain(`[${defaultTexts.ru.linkLabel}](${LINK})`);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('interaction: nothing until the visitor acts; a click on the stand-in button loads the chat and opens it', async () => {
    const v = await visit('/interaction/');
    await v.page.waitForTimeout(1000);
    expect(v.chatraRequests).toHaveLength(0);
    // Not the loader's chat part either: a first visit that never asks for the chat doesn't fetch it.
    expect(v.ownRequests.filter((path) => CHAT_PART.test(path))).toEqual([]);
    expect(await state(v.page)).toBe('waiting');
    expect(await facade(v.page).isVisible()).toBe(true);
    expect(await floating(v.page).isVisible()).toBe(false);
    await facade(v.page).click();
    await waitForState(v.page, 'ready');
    // chatra.js once: preloaded beside the chat part, then run from there.
    expect(v.chatraRequests).toHaveLength(1);
    expect(v.ownRequests.filter((path) => CHAT_PART.test(path))).toHaveLength(1);
    expect((await seen(v.page)).calls).toContainEqual(['openChat', true]);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('clicks on the stand-in while chatra.js is on its way open the chat once', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const v = await visit('/interaction/', { holdChatra: held });
    for (let click = 0; click < 5; click++) await facade(v.page).click();
    expect(await state(v.page)).toBe('loading');
    release();
    await waitForState(v.page, 'ready');
    expect((await seen(v.page)).calls.filter(([method]) => method === 'openChat')).toEqual([['openChat', true]]);
    expect(v.chatraRequests).toHaveLength(1);
    await closeAll(v);
  });

  test('interaction: chatra.js is asked for with the chat part, not after it (the chat comes no later than from one file)', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const v = await visit('/interaction/', { ownFiles: [{ match: CHAT_PART, until: held }] });
    await v.page.keyboard.press('Tab');
    await expect.poll(() => v.chatraRequests.length, { timeout: 5000 }).toBe(1);
    expect(await state(v.page)).toBe('loading');
    release();
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('interaction, the first act a click on a <ClientRouter /> link: chatra.js fetched once (its preload goes on across the swap)', async () => {
    // chatra.js still on its way when the swap comes (a slow network), as the chat part is. Counted
    // as the browser asks, a request it gives up on too.
    const v = await visit('/interaction/router/');
    const asked: string[] = [];
    v.page.on('request', (request) => void (request.url() === 'https://call.chatra.io/chatra.js' && asked.push(request.url())));
    await v.page.route('https://call.chatra.io/chatra.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.fallback().catch(() => {});
    });
    await v.page.click('#next');
    await v.page.waitForURL(/\/router\/two\/$/);
    await waitForState(v.page, 'ready');
    await v.page.waitForTimeout(300);
    expect(asked).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test("interaction: a chat part that can't be had (blocked, offline) → failed at once, the WhatsApp button shows", async () => {
    const v = await visit('/interaction/', { ownFiles: [{ match: CHAT_PART, status: 404 }] });
    await facade(v.page).click();
    // Well before fallback.timeout (6 s here), whose timer would say failed too.
    await waitForState(v.page, 'failed', 2000);
    expect(await floating(v.page).isVisible()).toBe(true);
    await closeAll(v);
  });

  test('interaction with an automatic message: none before the visitor acts; once the widget is ready, sent once', async () => {
    const v = await visit('/csp-element-interaction/');
    await v.page.waitForTimeout(500);
    expect(v.chatraRequests).toHaveLength(0);
    await v.page.keyboard.press('Tab');
    await waitForState(v.page, 'ready');
    const sent = async () => (await seen(v.page)).calls.filter(([method]) => method === 'sendAutoMessage');
    await expect.poll(async () => (await sent()).length).toBe(1);
    expect((await sent())[0]![1]).toMatch(/^Hi! \[.+\]\(https:\/\/wa\.me\//);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('interaction: a key press is enough to load', async () => {
    const v = await visit('/interaction/');
    await v.page.keyboard.press('Tab');
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    await closeAll(v);
  });

  test('interaction: a page opened at a #fragment far down (the browser scrolls to it) is no act; a turn of the wheel is', async () => {
    const v = await visit('/interaction/router/long/#rss');
    expect(await v.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // The focus the browser gives the target when it can take it (a link: Chromium does) is no act either.
    // (Chromium gives it before or after the loader runs: blurred first, it is given again here, after.)
    await v.page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      (document.getElementById('rss') as HTMLElement).focus();
    });
    expect(await v.page.evaluate(() => document.activeElement?.id)).toBe('rss');
    await v.page.waitForTimeout(800);
    expect(v.chatraRequests).toHaveLength(0);
    expect(await state(v.page)).toBe('waiting');
    await v.page.mouse.move(200, 200);
    await v.page.mouse.wheel(0, -300);
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    await closeAll(v);
  });

  test("the page sets up chatra.js exactly as Chatra's official npm module does", async () => {
    // Ours: a click on the stand-in button queues openChat before chatra.js runs.
    const ours = await visit('/interaction/', { script: 'snapshot' });
    await facade(ours.page).click();
    await ours.page.waitForFunction(() => (window as unknown as { __snapshot?: object }).__snapshot);
    const ourSnapshot = await ours.page.evaluate(() => (window as unknown as { __snapshot: object }).__snapshot);
    // Chatra's module (@chatra/chatra), in its own scope as a bundler runs it, on a page of the same origin without our code.
    const official = await visit(BLANK_PAGE, { script: 'snapshot' });
    await official.page.addScriptTag({
      content: `(function (module) {\n${OFFICIAL_MODULE}\nwindow.ChatraModule = module.exports;\n})({ exports: {} });`,
    });
    await official.page.evaluate((id) => {
      const Chatra = (window as unknown as { ChatraModule: (...args: unknown[]) => void }).ChatraModule;
      Chatra('init', { ID: id, setup: {} });
      Chatra('openChat', true);
    }, CHATRA_ID);
    await official.page.waitForFunction(() => (window as unknown as { __snapshot?: object }).__snapshot);
    const officialSnapshot = await official.page.evaluate(() => (window as unknown as { __snapshot: object }).__snapshot);
    expect(ourSnapshot).toEqual(officialSnapshot);
    expect(ourSnapshot).toEqual({
      id: CHATRA_ID,
      setupType: 'object',
      queue: [{ kind: '[object Arguments]', values: ['openChat', true] }],
      scripts: [{ async: true }],
    });
    await closeAll(ours, official);
  });
});
describe("when the widget can't work, the WhatsApp button shows", () => {
  test.each(['missing', 'blocked', 'hang'] as const)('chatra.js %s → failed within fallback.timeout, no page errors', async (script) => {
    const v = await visit('/fast-fallback/', { script });
    await waitForState(v.page, 'failed', TIMEOUT + 2000);
    expect(await floating(v.page).isVisible()).toBe(true);
    expect(await facade(v.page).isVisible()).toBe(false);
    expect(await floating(v.page).getAttribute('href')).toBe(LINK);
    if (script === 'missing') await v.page.screenshot({ path: join(DOCS, 'fallback-failed.png') });
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('chatra.js later than fallback.timeout: the page stays failed, the WhatsApp button shown; the widget, come after all, stays out of sight, and a chat asked for before is not opened', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const v = await visit('/fast-fallback/', { holdChatra: held, waitUntil: 'domcontentloaded' });
    await waitForState(v.page, 'loading', 5000);
    await facade(v.page).click();
    await waitForState(v.page, 'failed', TIMEOUT + 3000);
    expect(await floating(v.page).isVisible()).toBe(true);
    release();
    await v.page.waitForFunction(() => document.getElementById('chatra'));
    await v.page.waitForTimeout(600);
    expect(await state(v.page)).toBe('failed');
    expect(await floating(v.page).isVisible()).toBe(true);
    expect(await v.page.locator('#chatra').isVisible()).toBe(false);
    expect((await seen(v.page)).calls.filter(([method]) => method === 'openChat')).toEqual([]);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  // The page's own script changed its address before the loader came (utm_ taken out; the path
  // changed): a late loader on a fresh page, not one a swap brought.
  test.each([
    {
      change: 'took its utm_ query out',
      address: '/fast-fallback/?utm_source=news',
      init: () => {
        if (location.search) history.replaceState(null, '', location.pathname);
      },
    },
    {
      change: 'changed its path',
      address: '/fast-fallback/',
      init: () => {
        if (location.pathname === '/fast-fallback/') history.replaceState(null, '', '/fast-fallback/second/');
      },
    },
  ])(
    'the loader later than fallback.timeout on a page whose own script $change (replaceState): the WhatsApp button shown stays',
    async ({ address, init }) => {
      const v = await visit(address, { delayLoader: TIMEOUT + 1500, waitUntil: 'domcontentloaded', init });
      await expect.poll(() => floating(v.page).isVisible(), { timeout: TIMEOUT + 1000 }).toBe(true);
      await v.page.waitForFunction(() => document.documentElement.hasAttribute('data-chatra-whatsapp'), undefined, { timeout: 8000 });
      expect(await state(v.page)).toBe('failed');
      expect(await floating(v.page).isVisible()).toBe(true);
      expect(v.chatraRequests).toHaveLength(0);
      await closeAll(v);
    },
  );

  test('the cached loader blocked too (a filter list): no script runs, the stylesheet shows the button after fallback.timeout', async () => {
    // Hidden at first, as while the widget loads (no flash of the button for visitors whose widget
    // starts): read in the first frame the stylesheet applies to it, where the wait counts from…
    const v = await visit('/fast-fallback/', {
      blockLoader: true,
      init: () => {
        const look = () => {
          const button = document.querySelector('a.acw-floating');
          if (!button || getComputedStyle(button).animationName === 'none') return requestAnimationFrame(look);
          (window as unknown as { atStart: string }).atStart = getComputedStyle(button).visibility;
        };
        requestAnimationFrame(look);
      },
    });
    await v.page.waitForFunction(() => (window as unknown as { atStart?: string }).atStart);
    expect(await v.page.evaluate(() => (window as unknown as { atStart: string }).atStart)).toBe('hidden');
    // …then shown, with no state ever set and no page error.
    await expect.poll(() => floating(v.page).isVisible(), { timeout: TIMEOUT + 3000 }).toBe(true);
    expect(await state(v.page)).toBeNull();
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('sessionStorage that throws (privacy modes) changes nothing', async () => {
    const v = await visit('/idle/', {
      init: () => {
        Object.defineProperty(window, 'sessionStorage', {
          get() {
            throw new DOMException('denied', 'SecurityError');
          },
        });
      },
    });
    await waitForState(v.page, 'ready');
    await expect.poll(async () => (await seen(v.page)).calls.filter(([method]) => method === 'sendAutoMessage').length).toBe(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });
});
describe('consent', () => {
  test('nothing goes to Chatra before consent; the WhatsApp button shows meanwhile; the event starts the widget', async () => {
    const v = await visit('/consent/');
    await v.page.waitForTimeout(800);
    expect(v.chatraRequests).toHaveLength(0);
    expect(await state(v.page)).toBe('consent');
    expect(await floating(v.page).isVisible()).toBe(true);
    // Not even a call waiting in Chatra's queue (the automatic message waits for the widget, after consent).
    expect(await v.page.evaluate(() => (window as unknown as { Chatra: { q?: unknown[] } }).Chatra.q ?? [])).toEqual([]);
    await v.page.evaluate(() => document.dispatchEvent(new CustomEvent('consent:chat')));
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    await expect.poll(async () => (await seen(v.page)).calls.filter(([method]) => method === 'sendAutoMessage').length).toBe(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test.each(['call', 'event'])('consent given (by %s) before the loader arrives is kept for it', async (how) => {
    // The consent manager answers at once, while the loader is still on its way (a slow first visit).
    const v = await visit('/consent/', {
      delayLoader: 1000,
      // In the page, not in the widget's frame (init scripts run in every frame).
      init:
        how === 'call'
          ? () =>
              window === window.top &&
              document.addEventListener('DOMContentLoaded', () =>
                (window as unknown as { chatraWhatsApp: { grantConsent(): void } }).chatraWhatsApp.grantConsent(),
              )
          : () =>
              window === window.top &&
              document.addEventListener('DOMContentLoaded', () => document.dispatchEvent(new CustomEvent('consent:chat'))),
    });
    // The page's load event waits for the loader: by then it took the consent and started.
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('interaction: the visitor acting is no consent; once given, the next act loads the chat', async () => {
    const v = await visit('/consent-interaction/');
    await v.page.keyboard.press('Tab');
    await v.page.mouse.click(5, 5);
    await v.page.waitForTimeout(500);
    expect(v.chatraRequests).toHaveLength(0);
    expect(v.ownRequests.filter((path) => CHAT_PART.test(path))).toEqual([]);
    expect(await state(v.page)).toBe('consent');
    expect(await floating(v.page).isVisible()).toBe(true);
    await v.page.evaluate(() => (window as unknown as { chatraWhatsApp: { grantConsent(): void } }).chatraWhatsApp.grantConsent());
    expect(await state(v.page)).toBe('waiting');
    await v.page.keyboard.press('Tab');
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter /> through a page without the widget and back: the bootstrap, run again, leaves the running loader alone', async () => {
    const v = await visit('/consent-interaction/router/');
    const grant = () =>
      v.page.evaluate(() => (window as unknown as { chatraWhatsApp: { grantConsent(): void } }).chatraWhatsApp.grantConsent());
    await grant();
    await v.page.keyboard.press('Tab');
    await waitForState(v.page, 'ready');
    await v.page.click('#next');
    await v.page.waitForURL('**/router/two/');
    await v.page.click('#back');
    await v.page.waitForURL(/\/router\/$/);
    await v.page.waitForTimeout(300);
    // Consent was given: the widget goes on, and the page says so.
    expect(await state(v.page)).toBe('ready');
    expect(await v.page.locator('#chatra').count()).toBe(1);
    expect(v.chatraRequests).toHaveLength(1);
    await closeAll(v);
  });

  test("a page of another deploy swapped in (its bootstrap differs, so it runs): the running loader keeps the page's state and its own grantConsent", async () => {
    const v = await visit('/consent-interaction/router/');
    // The next page as a later deploy would serve it: its bootstrap's text is not the running one's.
    await v.page.route('**/consent-interaction/router/ru/', async (route) => {
      const response = await route.fetch();
      return route.fulfill({ response, body: (await response.text()).replace('"timeout":6000', '"timeout":6001') });
    });
    await v.page.click('#ru');
    await v.page.waitForURL('**/router/ru/');
    await v.page.waitForTimeout(300);
    expect(await state(v.page)).toBe('consent');
    // The loader's grantConsent, not the new bootstrap's stand-in for a loader that will never run.
    await v.page.evaluate(() => (window as unknown as { chatraWhatsApp: { grantConsent(): void } }).chatraWhatsApp.grantConsent());
    expect(await state(v.page)).toBe('waiting');
    await v.page.keyboard.press('Tab');
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    await closeAll(v);
  });

  test("idle, under CSP 'strict-dynamic' (the bootstrap adds the loader): nothing goes to Chatra before consent, acts or not; the event then starts it at the next idle time, no violations", async () => {
    const v = await visit('/consent-strict-dynamic/');
    await v.page.keyboard.press('Tab');
    await v.page.mouse.click(5, 5);
    await v.page.waitForTimeout(800);
    expect(v.chatraRequests).toHaveLength(0);
    expect(await state(v.page)).toBe('consent');
    expect(await floating(v.page).isVisible()).toBe(true);
    // `idle`'s wait, not `eager`'s loading at once: the state the event leaves, read in the same task.
    const afterConsent = await v.page.evaluate((name) => {
      document.dispatchEvent(new CustomEvent('consent:chat'));
      return document.documentElement.getAttribute(name);
    }, STATE_ATTRIBUTE);
    expect(afterConsent).toBe('waiting');
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    expect(await v.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('a <ClientRouter /> visit from a deploy without consent to one that asks for it: the page loads anew, and nothing goes to Chatra before consent', async () => {
    // Two sites of one origin stand for two deploys: the loader running is one without consent's code.
    const v = await visit('/interaction/router/');
    expect(await state(v.page)).toBe('waiting');
    // A script's click: no act on the old page (a pointer or key would load the chat there, before any consent was asked).
    await v.page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { href: '/consent-interaction/router/', id: 'to-consent' });
      document.body.append(link);
      link.click();
    });
    await v.page.waitForURL('**/consent-interaction/router/', { waitUntil: 'load' });
    await expect.poll(() => state(v.page)).toBe('consent');
    await v.page.keyboard.press('Tab');
    await v.page.mouse.click(5, 5);
    await v.page.waitForTimeout(500);
    expect(await state(v.page)).toBe('consent');
    expect(v.chatraRequests).toHaveLength(0);
    await closeAll(v);
  });

  test('window.chatraWhatsApp.grantConsent() does the same', async () => {
    const v = await visit('/consent/second/');
    await v.page.evaluate(() => (window as unknown as { chatraWhatsApp: { grantConsent(): void } }).chatraWhatsApp.grantConsent());
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    await closeAll(v);
  });

  test("a page's script that assigns window.chatraWhatsApp (strict, as modules are) doesn't throw, and the API stays", async () => {
    // The bootstrap's API (consent), the loader's (eager) and the analytics listener's alone (a page without the widget).
    for (const [address, ready] of [
      ['/consent/second/', 'consent'],
      ['/eager/', 'ready'],
      ['/router-exclude/router/two/', undefined],
    ] as const) {
      const v = await visit(address);
      if (ready) await waitForState(v.page, ready);
      else await expect.poll(() => v.page.evaluate(() => 'chatraWhatsApp' in window)).toBe(true);
      const assigned = await v.page.evaluate(() => {
        'use strict';
        const w = window as unknown as { chatraWhatsApp: object };
        const api = w.chatraWhatsApp;
        try {
          // The pre-queue pattern, and a plain assignment.
          w.chatraWhatsApp = w.chatraWhatsApp || {};
          w.chatraWhatsApp = {};
        } catch (error) {
          return String(error);
        }
        return w.chatraWhatsApp === api;
      });
      expect(assigned, address).toBe(true);
      if (ready === 'consent') {
        await v.page.evaluate(() => (window as unknown as { chatraWhatsApp: { grantConsent(): void } }).chatraWhatsApp.grantConsent());
        await waitForState(v.page, 'ready');
      }
      await closeAll(v);
    }
  });
});
