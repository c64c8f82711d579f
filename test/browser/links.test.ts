import { describe, expect, test } from 'vitest';
import { LINK } from './sites.ts';
import { closeAll, floating, seen, server, useBrowser, visit, waitForState } from './visit.ts';

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
