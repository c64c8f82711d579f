import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { defaultTexts } from '../../integration/config/default-texts.ts';
import { LINK, TIMEOUT } from './sites.ts';
import { closeAll, floating, seen, server, state, useBrowser, visit, waitForState } from './visit.ts';

useBrowser();

/** A <ClientRouter /> navigation by the fixture's links (#next to two/, #back to the first page), once the new page has loaded. */
async function navigate(page: Page, link: '#next' | '#back') {
  await page.click(link);
  await page.waitForURL(link === '#next' ? '**/router/two/' : /\/router\/$/);
  await page.waitForFunction(() => document.readyState === 'complete');
}

describe('visits and navigation', () => {
  test('the auto message is sent once per visitor session, not per page view', async () => {
    const v = await visit('/idle/');
    await waitForState(v.page, 'ready');
    const sent = async () => (await seen(v.page)).calls.filter(([method]) => method === 'sendAutoMessage');
    await expect.poll(async () => (await sent()).length).toBe(1);
    expect((await sent())[0][1]).toBe(`Hi! [${defaultTexts.en.linkLabel}](${LINK})`);
    await v.page.goto(`${server.origin}/idle/second/`, { waitUntil: 'load' });
    await waitForState(v.page, 'ready');
    await v.page.waitForTimeout(300);
    expect(await sent()).toHaveLength(0);
    await closeAll(v);
  });

  test('the widget taken away by something else than <ClientRouter /> (a script; a router that replaces <body>): the WhatsApp button shows, and steps aside when it is back', async () => {
    const v = await visit('/eager/');
    await waitForState(v.page, 'ready');
    await v.page.evaluate(() => {
      const widget = document.getElementById('chatra')!;
      (window as unknown as { kept: Element }).kept = widget;
      widget.remove();
    });
    await waitForState(v.page, 'failed');
    expect(await floating(v.page).isVisible()).toBe(true);
    await v.page.evaluate(() => document.body.appendChild((window as unknown as { kept: Element }).kept));
    await waitForState(v.page, 'ready');
    expect(await floating(v.page).isVisible()).toBe(false);
    // Turbo, htmx boosting: a <body> of their own, without the widget.
    await v.page.evaluate(() => {
      const body = document.createElement('body');
      body.innerHTML = '<p>Swapped by a router of its own</p>';
      document.body.replaceWith(body);
    });
    await waitForState(v.page, 'failed');
    await closeAll(v);
  });

  test('the auto message whose page was left before chatra.js came is sent on the next page, not lost for the session', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const v = await visit('/idle/', { holdChatra: held });
    // Its time has come (afterSeconds 0) while chatra.js is still on its way; the visitor moves on.
    await v.page.waitForFunction(() => document.documentElement.getAttribute('data-chatra-whatsapp') === 'loading');
    await v.page.waitForTimeout(300);
    await v.page.goto(`${server.origin}/idle/second/`, { waitUntil: 'load' });
    release();
    await waitForState(v.page, 'ready');
    await expect.poll(async () => (await seen(v.page)).calls.filter(([method]) => method === 'sendAutoMessage').length).toBe(1);
    await closeAll(v);
  });

  test('<ClientRouter />: chatra.js once, pageView on each navigation, the state survives the swap', async () => {
    const v = await visit('/eager/router/');
    await waitForState(v.page, 'ready');
    await v.page.click('#next');
    await v.page.waitForURL('**/router/two/');
    await waitForState(v.page, 'ready');
    await v.page.click('#back');
    await v.page.waitForURL(/\/router\/$/);
    await expect.poll(async () => (await seen(v.page)).calls.filter(([method]) => method === 'pageView').length).toBe(2);
    expect(await state(v.page)).toBe('ready');
    expect(v.chatraRequests).toHaveLength(1);
    // The same language: Chatra isn't started again.
    expect((await seen(v.page)).calls.filter(([method]) => method === 'restart')).toEqual([]);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter /> to a page in another language: Chatra starts again in it, with its texts; and back', async () => {
    const v = await visit('/eager/router/');
    await waitForState(v.page, 'ready');
    const restarts = async () => (await seen(v.page)).calls.filter(([method]) => method === 'restart').length;
    await v.page.click('#ru');
    await v.page.waitForURL('**/router/ru/');
    await expect.poll(restarts).toBe(1);
    let setup = (await seen(v.page)).setup;
    expect(setup.language).toBe('ru');
    expect(Object.values(setup.locale.customStrings).join(' ')).toContain(`[${defaultTexts.ru.linkLabel}](${LINK})`);
    expect(await v.page.locator('#chatra').count()).toBe(1);
    await v.page.click('#back');
    await v.page.waitForURL(/\/router\/$/);
    await expect.poll(restarts).toBe(2);
    setup = (await seen(v.page)).setup;
    expect(setup.language).toBe('en');
    expect(Object.values(setup.locale.customStrings).join(' ')).toContain(`[${defaultTexts.en.linkLabel}](${LINK})`);
    expect(await state(v.page)).toBe('ready');
    expect(v.chatraRequests).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter /> to another language while chatra.js is still on its way: Chatra ends up in the new language', async () => {
    let release!: () => void;
    const v = await visit('/eager/router/', {
      holdChatra: new Promise<void>((resolve) => (release = resolve)),
      waitUntil: 'domcontentloaded',
    });
    await waitForState(v.page, 'loading');
    await v.page.click('#ru');
    // Not until the load event: chatra.js, held, may have been asked for before it (it holds that event back).
    await v.page.waitForURL('**/router/ru/', { waitUntil: 'commit' });
    release();
    await waitForState(v.page, 'ready');
    await expect.poll(async () => (await seen(v.page)).setup.language).toBe('ru');
    expect(Object.values((await seen(v.page)).setup.locale.customStrings).join(' ')).toContain(`[${defaultTexts.ru.linkLabel}](${LINK})`);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test("<ClientRouter /> to a language Chatra doesn't have (uk): Chatra starts again in the site's chatra.setup.language", async () => {
    const v = await visit('/router-language/router/');
    await waitForState(v.page, 'ready');
    expect((await seen(v.page)).setup.language).toBe('en');
    await v.page.click('#uk');
    await v.page.waitForURL('**/router/uk/');
    await expect.poll(async () => (await seen(v.page)).calls.filter(([method]) => method === 'restart').length).toBe(1);
    expect((await seen(v.page)).setup.language).toBe('de');
    await closeAll(v);
  });

  test("<ClientRouter /> to another language whose texts don't come (a 500): Chatra keeps the texts it has", async () => {
    const v = await visit('/eager/router/', { ownFiles: [{ match: /\/_astro\/acw-ru\.[^/]*\.json$/, status: 500 }] });
    await waitForState(v.page, 'ready');
    await v.page.click('#ru');
    await v.page.waitForURL('**/router/ru/');
    await expect.poll(async () => (await seen(v.page)).calls.filter(([method]) => method === 'pageView').length).toBe(1);
    await v.page.waitForTimeout(300);
    expect((await seen(v.page)).calls.filter(([method]) => method === 'restart' || method === 'setLocale')).toEqual([]);
    expect((await seen(v.page)).setup.language).toBe('en');
    await closeAll(v);
  });

  test('<ClientRouter /> back before the texts of the page left came: the texts of the page in view win', async () => {
    let release!: () => void;
    const ruTexts = new Promise<void>((resolve) => (release = resolve));
    const v = await visit('/eager/router/', { ownFiles: [{ match: /\/_astro\/acw-ru\.[^/]*\.json$/, until: ruTexts }] });
    await waitForState(v.page, 'ready');
    await v.page.click('#ru');
    await v.page.waitForURL('**/router/ru/');
    await v.page.click('#back');
    await v.page.waitForURL(/\/router\/$/);
    await expect.poll(async () => (await seen(v.page)).calls.filter(([method]) => method === 'pageView').length).toBe(2);
    release();
    await v.page.waitForTimeout(500);
    // The Russian texts came last, for a page no longer in view: Chatra stays in English.
    expect((await seen(v.page)).setup.language).toBe('en');
    expect((await seen(v.page)).calls.filter(([method]) => method === 'restart')).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter /> to a page that leaves the widget out (chatra.exclude): hidden there, the WhatsApp button shown; back again', async () => {
    const v = await visit('/router-exclude/router/');
    await waitForState(v.page, 'ready');
    await v.page.click('#next');
    await v.page.waitForURL('**/router/two/');
    await expect.poll(() => v.page.locator('#chatra').isVisible()).toBe(false);
    expect(await floating(v.page).isVisible()).toBe(true);
    await v.page.click('#back');
    await v.page.waitForURL(/\/router\/$/);
    await expect.poll(() => v.page.locator('#chatra').isVisible()).toBe(true);
    expect(await floating(v.page).isVisible()).toBe(false);
    expect((await seen(v.page)).calls.filter(([method]) => method === 'pageView')).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter />: the widget Chatra drew in <body> is still there after three navigations; gone, the WhatsApp button shows', async () => {
    const v = await visit('/eager/router/');
    await waitForState(v.page, 'ready');
    const chatraWidgets = () => v.page.locator('#chatra').count();
    for (const link of ['#next', '#back', '#next'] as const) {
      await navigate(v.page, link);
      expect(await chatraWidgets()).toBe(1);
      expect(await state(v.page)).toBe('ready');
      expect(await floating(v.page).isVisible()).toBe(false);
    }
    // Whatever takes the widget away (a script of the site's, Chatra itself), the state follows the truth.
    await v.page.evaluate(() => document.getElementById('chatra')!.remove());
    await v.page.click('#back');
    await v.page.waitForURL(/\/router\/$/);
    await waitForState(v.page, 'failed');
    expect(await floating(v.page).isVisible()).toBe(true);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  // Where the View Transitions API is missing (Firefox ESR, older Safari), Astro plays the old page's
  // animations between astro:before-swap and the swap: Chatra may draw its widget, or draw it again
  // for another language, meanwhile. These pages fade for 3 s; the API is taken away before any script.
  const withoutViewTransitions = () => void delete (Document.prototype as { startViewTransition?: unknown }).startViewTransition;
  const oldPageAnimating = (page: Page) =>
    page.waitForFunction(() => document.documentElement.getAttribute('data-astro-transition-fallback') === 'old');

  test('<ClientRouter /> without View Transitions: a widget Chatra draws while the old page animates out goes on into the new page', async () => {
    let release!: () => void;
    const v = await visit('/eager/router/anim/', {
      init: withoutViewTransitions,
      holdChatra: new Promise<void>((resolve) => (release = resolve)),
      waitUntil: 'domcontentloaded',
    });
    await waitForState(v.page, 'loading');
    await v.page.click('#next');
    await oldPageAnimating(v.page);
    release();
    await v.page.waitForFunction(() => document.getElementById('chatra'));
    expect(await v.page.evaluate(() => document.documentElement.getAttribute('data-astro-transition-fallback'))).toBe('old');
    await v.page.waitForURL('**/router/two/', { waitUntil: 'commit' });
    await v.page.waitForFunction(() => document.querySelector('#back'), undefined, { timeout: 8000 });
    await expect.poll(() => v.page.locator('#chatra').count()).toBe(1);
    expect(await state(v.page)).toBe('ready');
    expect(v.chatraRequests).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter /> without View Transitions: a widget Chatra draws again (a language restart) while the old page animates out goes on too', async () => {
    let releaseRussian!: () => void;
    const v = await visit('/eager/router/anim/', {
      init: withoutViewTransitions,
      ownFiles: [{ match: /\/_astro\/acw-ru\.[^/]*\.json$/, until: new Promise<void>((resolve) => (releaseRussian = resolve)) }],
    });
    await waitForState(v.page, 'ready');
    await v.page.click('#ru');
    await v.page.waitForURL('**/router/anim/ru/');
    await expect.poll(() => v.ownRequests.some((path) => /acw-ru\./.test(path))).toBe(true);
    await v.page.waitForFunction(() => !document.documentElement.hasAttribute('data-astro-transition-fallback'));
    // On to another Russian page; the Russian texts come while the page it leaves animates out.
    await v.page.click('#ru-next');
    await oldPageAnimating(v.page);
    releaseRussian();
    await expect.poll(async () => (await seen(v.page)).calls.filter(([method]) => method === 'restart').length).toBe(1);
    await v.page.waitForURL(/\/router\/ru\/$/, { waitUntil: 'commit' });
    await v.page.waitForFunction(() => !document.querySelector('#ru-next'), undefined, { timeout: 8000 });
    await expect.poll(() => v.page.locator('#chatra').count()).toBe(1);
    expect(await state(v.page)).toBe('ready');
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter />: a widget gone at the swap (Chatra between two drawings of it) leaves no place behind to break the next swap', async () => {
    const v = await visit('/eager/router/');
    await waitForState(v.page, 'ready');
    await v.page.evaluate(() => {
      let first = true;
      // After the integration's own listener: Chatra takes its widget away as the swap runs, and draws it again after it.
      document.addEventListener('astro:before-swap', (event) => {
        if (!first) return;
        first = false;
        const swap = event as Event & { swap: () => void };
        const swapping = swap.swap;
        swap.swap = () => {
          const widget = document.getElementById('chatra')!;
          widget.remove();
          swapping();
          widget.removeAttribute('data-astro-transition-persist');
          document.body.append(widget);
        };
      });
    });
    const marked = () =>
      v.page.evaluate(() =>
        [...document.querySelectorAll('[data-astro-transition-persist="chatra-whatsapp-widget"]')].map(
          (element) => element.id || element.tagName,
        ),
      );
    await navigate(v.page, '#next');
    expect(await marked()).toEqual([]);
    await navigate(v.page, '#back');
    expect(await v.page.evaluate(() => document.getElementById('chatra')?.parentElement?.tagName)).toBe('BODY');
    expect(await state(v.page)).toBe('ready');
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test("<ClientRouter />: a frame in Chatra's widget (its chat is one) stays loaded across navigations, what it holds kept", async () => {
    const v = await visit('/eager/router/');
    await waitForState(v.page, 'ready');
    await v.page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>chat</p>';
      document.getElementById('chatra')!.append(frame);
      return new Promise((resolve) => (frame.onload = resolve));
    });
    await v.page.evaluate(
      () =>
        (((document.querySelector('#chatra iframe[srcdoc]') as HTMLIFrameElement).contentWindow as unknown as { typed: string }).typed =
          'Hello'),
    );
    for (const link of ['#next', '#back'] as const) {
      await navigate(v.page, link);
    }
    const typed = await v.page.evaluate(
      () =>
        (
          (document.querySelector('#chatra iframe[srcdoc]') as HTMLIFrameElement | null)?.contentWindow as unknown as
            { typed?: string } | undefined
        )?.typed,
    );
    expect(typed).toBe('Hello');
    expect(await v.page.locator('#chatra').count()).toBe(1);
    expect(await state(v.page)).toBe('ready');
    await closeAll(v);
  });

  test("<ClientRouter /> with the site's own swap that keeps <body> (only <main> replaced): the widget stays", async () => {
    const v = await visit('/eager/router/');
    await waitForState(v.page, 'ready');
    await v.page.evaluate(() =>
      document.addEventListener('astro:before-swap', (event) => {
        const swap = event as Event & { newDocument: Document; swap: () => void };
        swap.swap = () => {
          document.querySelector('main')!.replaceWith(swap.newDocument.querySelector('main')!);
          document.title = swap.newDocument.title;
        };
      }),
    );
    await v.page.click('#next');
    await v.page.waitForURL('**/router/two/');
    await v.page.waitForFunction(() => document.readyState === 'complete');
    await v.page.waitForTimeout(300);
    expect(await v.page.locator('#chatra').count()).toBe(1);
    expect(await state(v.page)).toBe('ready');
    expect(await floating(v.page).isVisible()).toBe(false);
    expect(v.chatraRequests).toHaveLength(1);
    await closeAll(v);
  });

  test('<ClientRouter /> from a page without the widget, after fallback.timeout: the next page starts Chatra as a fresh load would', async () => {
    const v = await visit('/router-exclude-fast/router/two/');
    // Longer than fallback.timeout on the first page (it has no loader): the loader first runs after the swap.
    await v.page.waitForTimeout(TIMEOUT + 700);
    await v.page.click('#back');
    await v.page.waitForURL(/\/router\/$/);
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter /> from a page without the widget before its load event, after fallback.timeout: the next page still starts Chatra', async () => {
    let release!: () => void;
    const v = await visit('/router-exclude-fast/router/two/', {
      waitUntil: 'domcontentloaded',
      // An image that holds the first page's load event back.
      ownFiles: [{ match: /\/slow\.png$/, until: new Promise<void>((resolve) => (release = resolve)) }],
      init: () => {
        document.addEventListener('DOMContentLoaded', () => {
          const image = document.createElement('img');
          image.src = '/slow.png';
          document.body.append(image);
        });
      },
    });
    await v.page.waitForTimeout(TIMEOUT + 700);
    expect(await v.page.evaluate(() => document.readyState)).not.toBe('complete');
    await v.page.click('#back');
    await v.page.waitForURL(/\/router\/$/, { waitUntil: 'commit' });
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    release();
    await closeAll(v);
  });

  test('<ClientRouter /> to a page without the widget while chatra.js is on its way: the widget stays hidden there', async () => {
    let release = () => {};
    const v = await visit('/router-exclude/router/', {
      holdChatra: new Promise<void>((resolve) => (release = resolve)),
      waitUntil: 'domcontentloaded',
    });
    await v.page.click('#next');
    // Not until the load event: chatra.js, held, may have been asked for before it (it holds that event back).
    await v.page.waitForURL('**/router/two/', { waitUntil: 'commit' });
    release();
    await waitForState(v.page, 'ready');
    await v.page.waitForTimeout(300);
    expect(await v.page.locator('#chatra').isVisible()).toBe(false);
    expect(await floating(v.page).isVisible()).toBe(true);
    // And the next page with the widget shows it.
    await v.page.click('#back');
    await v.page.waitForURL(/\/router\/$/);
    await expect.poll(() => v.page.locator('#chatra').isVisible()).toBe(true);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter /> to a page without the widget: its #chat link goes to WhatsApp, as on a fresh load of it', async () => {
    const v = await visit('/router-exclude/router/');
    await waitForState(v.page, 'ready');
    await v.page.click('#next');
    await v.page.waitForURL('**/router/two/');
    await expect.poll(() => v.page.locator('#chatra').isVisible()).toBe(false);
    await v.page.click('#nav-chat');
    await expect.poll(() => v.popups.length).toBe(1);
    expect((await seen(v.page)).calls.filter(([method]) => method === 'openChat')).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter /> after the loader came too late (failed from its start): the state stays failed on every page, the WhatsApp button shown', async () => {
    const v = await visit('/fast-fallback/router/', { delayLoader: TIMEOUT + 700 });
    await waitForState(v.page, 'failed');
    for (const link of ['#next', '#back'] as const) {
      await navigate(v.page, link);
      expect(await state(v.page)).toBe('failed');
      expect(await floating(v.page).isVisible()).toBe(true);
    }
    await closeAll(v);
  });

  test('<ClientRouter /> with the inline bootstrap (consent) and the loader blocked: failed stays failed after a navigation, the button shown', async () => {
    const v = await visit('/consent/router/', { blockLoader: true });
    await waitForState(v.page, 'failed');
    await v.page.click('#next');
    await v.page.waitForURL('**/router/two/');
    await v.page.waitForFunction(() => document.readyState === 'complete');
    expect(await state(v.page)).toBe('failed');
    expect(await floating(v.page).isVisible()).toBe(true);
    await closeAll(v);
  });

  test('a second loader in the same visit (a deploy renamed it; <ClientRouter /> runs the new one): one Chatra, one pageView a navigation', async () => {
    const v = await visit('/eager/router/');
    await waitForState(v.page, 'ready');
    await v.page.evaluate(() => {
      const loader = document.querySelector<HTMLScriptElement>('script[src*="/_astro/acw-loader."]')!;
      const again = document.createElement('script');
      again.src = loader.src + '?deploy=2';
      document.head.appendChild(again);
      return new Promise((resolve) => (again.onload = resolve));
    });
    await v.page.click('#next');
    await v.page.waitForURL('**/router/two/');
    await expect.poll(async () => (await seen(v.page)).calls.filter(([method]) => method === 'pageView').length).toBe(1);
    await v.page.waitForTimeout(300);
    expect((await seen(v.page)).calls.filter(([method]) => method === 'pageView')).toHaveLength(1);
    expect(v.chatraRequests).toHaveLength(1);
    expect(await state(v.page)).toBe('ready');
    await closeAll(v);
  });

  test('<ClientRouter /> after a failure: no call piles up in Chatra.q on navigation', async () => {
    const v = await visit('/eager/router/', { script: 'missing' });
    await waitForState(v.page, 'failed');
    const queue = () => v.page.evaluate(() => ((window as unknown as { Chatra: { q?: unknown[] } }).Chatra.q ?? []).length);
    const before = await queue();
    for (const link of ['#next', '#back', '#next'] as const) {
      await navigate(v.page, link);
    }
    await v.page.waitForTimeout(300);
    expect(await queue()).toBe(before);
    expect(await floating(v.page).isVisible()).toBe(true);
    await closeAll(v);
  });
});
