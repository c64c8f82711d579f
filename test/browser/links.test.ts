import { describe, expect, test } from 'vitest';
import { LINK } from './sites.ts';
import { clickedEvents, closeAll, floating, seen, server, useBrowser, visit, waitForState } from './visit.ts';

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
    const LISTENER = /\/acw-analytics\.\w+\.js$/;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const v = await visit('/interaction/', {
      ownFiles: [{ match: LISTENER, until: held }],
      init: () => void ((window as unknown as { dataLayer: unknown[] }).dataLayer = []),
    });
    const events = () => v.page.evaluate(() => (window as unknown as { dataLayer: { event: string; link?: string }[] }).dataLayer);
    await v.page.waitForTimeout(500);
    expect(v.ownRequests.filter((path) => LISTENER.test(path))).toEqual([]);
    // The first act is the click itself: the listener is asked for at its pointerdown, and held.
    await v.page.click('#nav-whatsapp');
    await expect.poll(() => v.popups.length).toBe(1);
    expect(v.ownRequests.filter((path) => LISTENER.test(path))).toHaveLength(1);
    expect(await events()).toEqual([]);
    release();
    await expect.poll(events).toEqual([{ event: 'whatsapp_click', link: LINK, page: `${server.origin}/interaction/` }]);
    // From now on the listener hears clicks itself: the loader's keeping stops (no click counted twice).
    await v.page.click('#nav-whatsapp');
    await expect.poll(() => v.popups.length).toBe(2);
    await expect.poll(async () => (await events()).length).toBe(2);
    await v.page.waitForTimeout(200);
    expect((await events()).map((entry) => entry.event)).toEqual(['whatsapp_click', 'whatsapp_click']);
    // Chatra's events reach it too, though it came beside the chat part (looked up at each event).
    await waitForState(v.page, 'ready');
    await v.page.evaluate(() =>
      (window as unknown as { __chatra: { setup: { onAnalyticEvent(name: string): void } } }).__chatra.setup.onAnalyticEvent('chatOpened'),
    );
    expect((await events()).map((entry) => (entry as { chatra_event?: string }).chatra_event)).toContain('chatOpened');
    expect(v.ownRequests.filter((path) => LISTENER.test(path))).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

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
