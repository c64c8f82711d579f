import { describe, expect, test } from 'vitest';
import { LINK } from './sites.ts';
import { clickedEvents, closeAll, floating, seen, state, useBrowser, visit, waitForState } from './visit.ts';

useBrowser();

describe('markup-looking text in the head is data', () => {
  test.each(['eager', 'csp'])(
    '%s: no dialog, the attributes intact, the widget gets its texts, the CSP <meta> stays in the head',
    async (site) => {
      const v = await visit(`/${site}/xss/`);
      const dialogs: string[] = [];
      v.page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await waitForState(v.page, 'ready');
      const page = await v.page.evaluate(() => ({
        description: document.querySelector('meta[name="description"]')?.getAttribute('content'),
        images: document.images.length,
        title: document.title,
        cspInHead: document.head.querySelector('meta[http-equiv="content-security-policy"]') !== null,
        cspInBody: document.body.querySelector('meta[http-equiv="content-security-policy"]') !== null,
      }));
      expect(dialogs).toEqual([]);
      expect(page).toMatchObject({
        description: '</head><img src=x onerror="alert(1)"><script>alert(2)</script>',
        images: 0,
        title: 'Where does </head> go?',
        cspInBody: false,
      });
      expect(page.cspInHead).toBe(site === 'csp');
      expect(Object.values((await seen(v.page)).setup.locale.customStrings).join(' ')).toContain(`](${LINK})`);
      expect(await v.page.locator('#done').isVisible()).toBe(true);
      expect(v.errors).toEqual([]);
      await closeAll(v);
    },
  );
});
describe('content that names our ids and globals gains nothing', () => {
  test('a forged page-data element, a form named chatraWhatsApp, an image named like the loader: ours win', async () => {
    const v = await visit('/eager/evil/');
    await waitForState(v.page, 'ready');
    const strings = Object.values((await seen(v.page)).setup.locale.customStrings).join(' ');
    expect(strings).toContain(`](${LINK})`);
    expect(strings).not.toContain('evil.example');
    expect(
      await v.page.evaluate(() => typeof (window as unknown as { chatraWhatsApp: { grantConsent: unknown } }).chatraWhatsApp.grantConsent),
    ).toBe('function');
    await closeAll(v);
  });

  test('a link named Chatra in the content: a #chat link still queues openChat for the widget, no error', async () => {
    const v = await visit('/interaction/evil/');
    await v.page.click('#nav-chat');
    await waitForState(v.page, 'ready');
    expect((await seen(v.page)).calls).toContainEqual(['openChat', true]);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('consent: grantConsent() still works with a form named chatraWhatsApp in the content', async () => {
    const v = await visit('/consent/evil/');
    await v.page.waitForTimeout(300);
    expect(await state(v.page)).toBe('consent');
    await v.page.evaluate(() => (window as unknown as { chatraWhatsApp: { grantConsent(): void } }).chatraWhatsApp.grantConsent());
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    await closeAll(v);
  });

  test("a signed-in visitor's clientId is set per visitor, Chatra's way, before the widget loads, never in the build", async () => {
    const v = await visit('/consent/');
    await v.page.evaluate(() => {
      const page = window as unknown as { ChatraSetup: object; chatraWhatsApp: { grantConsent(): void } };
      page.ChatraSetup = { clientId: 'visitor-secret-1' };
      page.chatraWhatsApp.grantConsent();
    });
    await waitForState(v.page, 'ready');
    expect((await seen(v.page)).setup.clientId).toBe('visitor-secret-1');
    await closeAll(v);
  });

  test('two phone numbers, one the start of the other: each contact keeps its own link in the chat', async () => {
    const v = await visit('/prefix/');
    await waitForState(v.page, 'ready');
    const strings = Object.values((await seen(v.page)).setup.locale.customStrings).join(' ');
    const links = [...strings.matchAll(/\]\((https:\/\/wa\.me\/[^)]+)\)/g)].map((match) => decodeURIComponent(match[1]));
    expect(links.some((link) => link.startsWith('https://wa.me/49301234567?text=Sales: Chat with us'))).toBe(true);
    expect(links.some((link) => link.startsWith('https://wa.me/493012345678?text=Support: Chat with us'))).toBe(true);
    expect(links.filter((link) => link.includes('{title}'))).toEqual([]);
    await closeAll(v);
  });
});
describe('strict CSP (security.csp: true)', () => {
  test.each(['csp', 'csp-strict-dynamic', 'csp-element', 'csp-element-interaction'])(
    '%s: no policy violations from the bootstrap, the stylesheet, the loader or the texts',
    async (site) => {
      const v = await visit(`/${site}/`);
      // What starts the widget on the sites with `interaction` (the loader's chat part, chatra.js preloaded).
      await v.page.keyboard.press('Tab');
      await waitForState(v.page, 'ready');
      expect(await v.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      expect(await floating(v.page).count()).toBe(1);
      expect(v.errors).toEqual([]);
      await closeAll(v);
    },
  );

  test('csp-strict-dynamic: a page without the widget gets the analytics listener inline, allowed by its hash', async () => {
    const { v, events } = await clickedEvents('/csp-strict-dynamic/second/');
    expect(events).toEqual(['whatsapp_click']);
    expect(await v.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(v.chatraRequests).toHaveLength(0);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });
});
