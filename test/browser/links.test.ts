import { describe, expect, test } from 'vitest';
import { LINK } from './sites.ts';
import { clickedEvents, closeAll, floating, seen, server, useBrowser, visit, waitForState, type Visit } from './visit.ts';

useBrowser();

describe('links that open the chat or WhatsApp (#chat, #whatsapp)', () => {
  test('where the widget works, a #chat link opens the chat, no new tab', async () => {
    const v = await visit('/interaction/');
    await v.page.click('#nav-chat');
    await waitForState(v.page, 'ready');
    expect((await seen(v.page)).calls).toContainEqual(['openChat', true]);
    await v.page.waitForTimeout(300);
    expect(v.popups).toHaveLength(0);
    await closeAll(v);
  });

  test('a #chat link opened with Ctrl (a new tab asked for) goes to WhatsApp there, the chat left alone', async () => {
    const v = await visit('/eager/');
    await waitForState(v.page, 'ready');
    await v.page.click('#nav-chat', { modifiers: ['ControlOrMeta'] });
    await expect.poll(() => v.popups.length).toBe(1);
    expect((await seen(v.page)).calls.some(([method]) => method === 'openChat')).toBe(false);
    await closeAll(v);
  });

  test('where it failed, the same link goes to WhatsApp; #whatsapp always does', async () => {
    const v = await visit('/eager/', { script: 'blocked' });
    await waitForState(v.page, 'failed');
    await v.page.click('#nav-chat');
    await expect.poll(() => v.popups.length).toBe(1);
    await v.page.click('#nav-whatsapp');
    await expect.poll(() => v.popups.length).toBe(2);
    for (const popup of v.popups) {
      await popup.waitForLoadState();
      expect(popup.url()).toBe(LINK);
    }
    await closeAll(v);
  });
});
describe('analytics', () => {
  const LISTENER = /\/acw-analytics\.\w+\.js(\?\d+)?$/;
  type Entry = { event: string; link?: string; page?: string; chatra_event?: string };
  const emptyDataLayer = () => void ((window as unknown as { dataLayer: unknown[] }).dataLayer = []);
  const dataLayer = (v: Visit) => v.page.evaluate(() => (window as unknown as { dataLayer: Entry[] }).dataLayer);
  const kept = (v: Visit) =>
    v.page.evaluate(() => (window as unknown as { chatraWhatsApp: { clicks?: unknown[] } }).chatraWhatsApp.clicks?.length);
  const listenerRequests = (v: Visit) => v.ownRequests.filter((path) => LISTENER.test(path));

  test('a click pushes whatsapp_click to dataLayer (the page without its query or hash), and GA4 gets generate_lead', async () => {
    // A password-reset token and an e-mail in the address: analytics get the origin and path only.
    const v = await visit('/eager/?token=s3cret&utm_source=a%40b.example#reset', {
      script: 'blocked',
      init: () => {
        const page = window as unknown as { dataLayer: unknown[]; gtag: (...args: unknown[]) => void; gtagCalls: unknown[][] };
        page.dataLayer = [];
        page.gtagCalls = [];
        page.gtag = (...args) => page.gtagCalls.push(args);
      },
    });
    await waitForState(v.page, 'failed');
    await floating(v.page).click();
    const { dataLayer, gtagCalls } = await v.page.evaluate(() => {
      const page = window as unknown as { dataLayer: unknown[]; gtagCalls: unknown[][] };
      return { dataLayer: page.dataLayer, gtagCalls: page.gtagCalls };
    });
    expect(dataLayer).toEqual([{ event: 'whatsapp_click', link: LINK, page: `${server.origin}/eager/` }]);
    expect(gtagCalls).toEqual([['event', 'generate_lead', { chat_channel: 'whatsapp', link_url: LINK }]]);
    await closeAll(v);
  });

  test("a site's own window.ChatraSetup.onAnalyticEvent still hears Chatra's events, beside the analytics listener", async () => {
    const v = await visit('/eager/', {
      init: () => {
        const page = window as unknown as { dataLayer: unknown[]; heard: unknown[]; ChatraSetup: object };
        page.dataLayer = [];
        page.heard = [];
        page.ChatraSetup = { onAnalyticEvent: (name: unknown) => page.heard.push(name) };
      },
    });
    await waitForState(v.page, 'ready');
    await v.page.evaluate(() =>
      (window as unknown as { __chatra: { setup: { onAnalyticEvent(name: string): void } } }).__chatra.setup.onAnalyticEvent('chatOpened'),
    );
    const { heard, dataLayer } = await v.page.evaluate(() => {
      const page = window as unknown as { heard: unknown[]; dataLayer: { chatra_event?: string }[] };
      return { heard: page.heard, dataLayer: page.dataLayer };
    });
    expect(heard).toEqual(['chatOpened']);
    expect(dataLayer.map((entry) => entry.chatra_event)).toContain('chatOpened');
    await closeAll(v);
  });

  test('interaction: the listener comes at the first act, not before; a WhatsApp click made while it is on its way reaches analytics, once', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const v = await visit('/interaction/', { ownFiles: [{ match: LISTENER, until: held }], init: emptyDataLayer });
    await v.page.waitForTimeout(500);
    expect(listenerRequests(v)).toEqual([]);
    // The first act is the click itself: the listener is asked for at its pointerdown, and held.
    await v.page.click('#nav-whatsapp');
    await expect.poll(() => v.popups.length).toBe(1);
    expect(listenerRequests(v)).toHaveLength(1);
    expect(await dataLayer(v)).toEqual([]);
    release();
    await expect.poll(() => dataLayer(v)).toEqual([{ event: 'whatsapp_click', link: LINK, page: `${server.origin}/interaction/` }]);
    // From now on the listener hears clicks itself, and the loader keeps none (no click counted twice).
    await v.page.click('#nav-whatsapp');
    await expect.poll(async () => (await dataLayer(v)).length).toBe(2);
    expect(await kept(v)).toBe(0);
    await v.page.waitForTimeout(200);
    expect((await dataLayer(v)).map((entry) => entry.event)).toEqual(['whatsapp_click', 'whatsapp_click']);
    expect(listenerRequests(v)).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test("interaction: a click with no act before it (a site's script calling link.click()) fetches the listener itself and is reported", async () => {
    const v = await visit('/interaction/', { init: emptyDataLayer });
    await v.page.evaluate(() => document.querySelector<HTMLElement>('#nav-whatsapp')!.click());
    await expect.poll(() => dataLayer(v)).toEqual([{ event: 'whatsapp_click', link: LINK, page: `${server.origin}/interaction/` }]);
    await closeAll(v);
  });

  test('interaction: a kept click goes to analytics with the page it was made on, though <ClientRouter /> moved on meanwhile', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const v = await visit('/interaction/router/', { ownFiles: [{ match: LISTENER, until: held }], init: emptyDataLayer });
    await v.page.click('#nav-whatsapp');
    await v.page.click('#ru');
    await v.page.waitForURL('**/router/ru/');
    release();
    await expect.poll(() => dataLayer(v)).toEqual([{ event: 'whatsapp_click', link: LINK, page: `${server.origin}/interaction/router/` }]);
    await closeAll(v);
  });

  test("interaction: a kept click whose link is gone (a menu that closed): the site's listener on document still hears whatsapp:click, and may cancel it", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const v = await visit('/interaction/', {
      ownFiles: [{ match: LISTENER, until: held }],
      init: () => {
        const page = window as unknown as { dataLayer: unknown[]; heard: string[] };
        page.dataLayer = [];
        page.heard = [];
        document.addEventListener('whatsapp:click', (event) => {
          page.heard.push((event as CustomEvent<{ link: string }>).detail.link);
          event.preventDefault();
        });
        document.addEventListener('DOMContentLoaded', () => {
          const link = Object.assign(document.createElement('a'), {
            id: 'menu-wa',
            href: 'https://wa.me/123',
            target: '_blank',
            textContent: 'Menu',
          });
          link.addEventListener('click', () => setTimeout(() => link.remove()));
          document.body.prepend(link);
        });
      },
    });
    await v.page.click('#menu-wa');
    await expect.poll(() => v.page.locator('#menu-wa').count()).toBe(0);
    release();
    await expect.poll(() => v.page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual(['https://wa.me/123']);
    await v.page.waitForTimeout(200);
    expect(await dataLayer(v)).toEqual([]);
    await closeAll(v);
  });

  test('interaction: a listener that could not be had is asked for again at the next click; only WhatsApp clicks are kept', async () => {
    const asked: string[] = [];
    let failing = true;
    const v = await visit('/interaction/', { init: emptyDataLayer });
    await v.page.route(LISTENER, (route) => {
      asked.push(route.request().url());
      return failing ? route.fulfill({ status: 503, body: 'Unavailable' }) : route.fallback();
    });
    await v.page.click('h1');
    await expect.poll(() => asked.length).toBe(1);
    await v.page.waitForTimeout(300);
    expect(await kept(v)).toBe(0);
    failing = false;
    await v.page.click('#nav-whatsapp');
    await expect.poll(() => dataLayer(v)).toEqual([{ event: 'whatsapp_click', link: LINK, page: `${server.origin}/interaction/` }]);
    // Under another address: a browser keeps a module that failed as failed.
    expect(asked).toHaveLength(2);
    expect(asked[1]).not.toBe(asked[0]);
    await closeAll(v);
  });

  test.each(['eager', 'interaction'])(
    "%s: Chatra's events reach the listener once each, whenever it came, and after a restart for another language",
    async (site) => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      // With `interaction`, the listener held until the widget is set up: it is looked up at each event.
      const v = await visit(`/${site}/router/`, { ownFiles: [{ match: LISTENER, until: held }], init: emptyDataLayer });
      await v.page.click('#nav-chat');
      await waitForState(v.page, 'ready');
      release();
      await expect
        .poll(() => v.page.evaluate(() => typeof (window as unknown as { chatraWhatsApp: { track?: unknown } }).chatraWhatsApp.track))
        .toBe('function');
      const chatraEvents = async () => (await dataLayer(v)).filter((entry) => entry.chatra_event).map((entry) => entry.chatra_event);
      const fire = () =>
        v.page.evaluate(() =>
          (window as unknown as { __chatra: { setup: { onAnalyticEvent(name: string): void } } }).__chatra.setup.onAnalyticEvent(
            'chatOpened',
          ),
        );
      await fire();
      expect(await chatraEvents()).toEqual(['chatOpened']);
      await v.page.click('#ru');
      await v.page.waitForURL('**/router/ru/');
      await expect.poll(async () => (await seen(v.page)).calls.filter(([method]) => method === 'restart').length).toBe(1);
      await fire();
      expect(await chatraEvents()).toEqual(['chatOpened', 'chatOpened']);
      await closeAll(v);
    },
  );

  test('a middle click on a WhatsApp link (a new tab) goes to analytics too', async () => {
    const v = await visit('/eager/', {
      script: 'blocked',
      init: () => void ((window as unknown as { dataLayer: unknown[] }).dataLayer = []),
    });
    await waitForState(v.page, 'failed');
    await floating(v.page).click({ button: 'middle' });
    const dataLayer = await v.page.evaluate(() => (window as unknown as { dataLayer: { event: string }[] }).dataLayer);
    expect(dataLayer.map((entry) => entry.event)).toEqual(['whatsapp_click']);
    await closeAll(v);
  });

  test('a page without the widget (chatra.exclude) still reports its WhatsApp clicks: the analytics listener comes alone', async () => {
    const { v, events } = await clickedEvents('/router-exclude/router/two/');
    expect(events).toEqual(['whatsapp_click']);
    expect(v.chatraRequests).toHaveLength(0);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('a site that cancels whatsapp:click keeps the click out of analytics, and the link still opens', async () => {
    const v = await visit('/idle/second/', {
      script: 'blocked',
      init: () => {
        (window as unknown as { dataLayer: unknown[] }).dataLayer = [];
        document.addEventListener('whatsapp:click', (event) => event.preventDefault());
      },
    });
    await waitForState(v.page, 'failed');
    await floating(v.page).click();
    await expect.poll(() => v.popups.length).toBe(1);
    expect(await v.page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer)).toEqual([]);
    await closeAll(v);
  });
});
