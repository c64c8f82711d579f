/**
 * What a visitor meets, in a real Chromium: one fixture site built once per configuration
 * (each under its own `base`), one static server, one browser. chatra.js is served by a
 * stand-in that keeps Chatra's loader contract (chatra-stand-in.js), or made to fail.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { build, type AstroInlineConfig } from 'astro';
import chatraWhatsApp, { type ChatraWhatsAppOptions } from 'astro-chatra-whatsapp';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultTexts } from '../../integration/default-texts.ts';
import { launchChromium } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const require = createRequire(import.meta.url);
const LINK = 'https://wa.me/message/4O4YGZEG3RIVE1';
const CHATRA_ID = 'DemoChatraId2026';
const TIMEOUT = 1500;
const STAND_IN = readFileSync(new URL('./chatra-stand-in.js', import.meta.url), 'utf8');
const OFFICIAL_MODULE = readFileSync(require.resolve('@chatra/chatra'), 'utf8');
const AXE = require.resolve('axe-core/axe.min.js');
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
/** A page of the same origin without any of our code. */
const BLANK_PAGE = '/blank/';

const chatra = (load: 'eager' | 'idle' | 'interaction', extra: object = {}) => ({ id: CHATRA_ID, load, ...extra });
const SITES: Record<string, { options: Partial<ChatraWhatsAppOptions>; config?: AstroInlineConfig }> = {
  eager: { options: { chatra: chatra('eager') } },
  idle: { options: { chatra: chatra('idle'), texts: { autoMessage: { text: 'Hi! {whatsapp}', afterSeconds: 0 } } } },
  interaction: { options: { chatra: chatra('interaction') } },
  consent: { options: { chatra: chatra('eager', { consent: { event: 'consent:chat' } }) } },
  csp: { options: { chatra: chatra('eager') }, config: { security: { csp: true } } },
  'csp-strict-dynamic': { options: { chatra: chatra('eager') }, config: { security: { csp: { scriptDirective: { strictDynamic: true } } } } },
  always: { options: { chatra: chatra('eager'), fallback: { floating: 'always' } } },
  'mobile-only': { options: { fallback: { devices: 'mobile', offset: { x: 30, y: 90 }, mobileOffset: { x: 12, y: 72 } } } },
  qr: { options: { fallback: { qr: true } } },
  // Two phone numbers, one the beginning of the other: each link must stay its own.
  prefix: {
    options: {
      whatsapp: [
        { label: 'Sales', phone: '+49 30 1234567', text: 'Sales: {title}' },
        { label: 'Support', phone: '+49 30 12345678', text: 'Support: {title}' },
      ],
      chatra: chatra('eager'),
    },
  },
  contacts: {
    options: {
      whatsapp: [
        { label: 'Sales', link: LINK },
        { label: 'Support', phone: '+49 30 1234567', text: 'Help with {title}' },
      ],
      chatra: chatra('eager'),
    },
  },
};

type ChatraScript = 'stand-in' | 'missing' | 'blocked' | 'hang' | 'snapshot';
/** Runs when chatra.js would: records what the page set up for it, as Chatra's contract defines. */
const SNAPSHOT = `window.__snapshot = {
  id: window.ChatraID,
  setupType: typeof window.ChatraSetup,
  queue: (window.Chatra.q || []).map(function (args) { return { kind: Object.prototype.toString.call(args), values: Array.prototype.slice.call(args) }; }),
  scripts: Array.prototype.filter.call(document.scripts, function (s) { return s.src === 'https://call.chatra.io/chatra.js'; }).map(function (s) { return { async: s.async }; })
};`;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const root = fileURLToPath(new URL('../fixtures/browser-site/', import.meta.url));
  const served = mkdtempSync(join(tmpdir(), 'acw-browser-'));
  for (const [name, { options, config }] of Object.entries(SITES)) {
    delete process.env.NODE_ENV;
    await build({
      root,
      outDir: join(served, name),
      base: `/${name}`,
      logLevel: 'error',
      configFile: false,
      ...config,
      integrations: [mdx(), chatraWhatsApp({ whatsapp: LINK, fallback: { timeout: TIMEOUT }, ...options } as ChatraWhatsAppOptions)],
    });
  }
  [browser, server] = await Promise.all([launchChromium(), serveStatic(served)]);
  mkdirSync(DOCS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  page: Page;
  /** Requests for chatra.js, each with whether the page's load event had fired. */
  chatraRequests: { afterLoad: boolean }[];
  errors: string[];
  popups: Page[];
}

/** Opens a page of the served sites; nothing leaves the machine (wa.me answers with a stub page). */
interface VisitOptions {
  script?: ChatraScript;
  context?: BrowserContextOptions;
  init?: () => void;
  /** Block the cached loader, as a filter list might. */
  blockLoader?: boolean;
  /** Serve the page without its own scripts: what a visitor without JavaScript gets, with room for axe. */
  stripScripts?: boolean;
}

async function visit(path: string, { script = 'stand-in', context: contextOptions = {}, init, blockLoader, stripScripts }: VisitOptions = {}): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const visitState: Visit = { page: undefined as unknown as Page, chatraRequests: [], errors: [], popups: [] };
  let loaded = false;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (blockLoader && url.includes('/_acw/loader.')) return route.abort('blockedbyclient');
    if (stripScripts && route.request().isNavigationRequest()) {
      const response = await route.fetch();
      return route.fulfill({ response, body: (await response.text()).replace(/<script\b[\s\S]*?<\/script>/g, '') });
    }
    if (url === `${server.origin}${BLANK_PAGE}`) return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' });
    if (url.startsWith(server.origin)) return route.continue();
    if (url === 'https://call.chatra.io/chatra.js') {
      visitState.chatraRequests.push({ afterLoad: loaded });
      if (script === 'stand-in') return route.fulfill({ contentType: 'text/javascript', body: STAND_IN });
      if (script === 'snapshot') return route.fulfill({ contentType: 'text/javascript', body: SNAPSHOT });
      if (script === 'missing') return route.fulfill({ status: 404, body: 'Not found' });
      if (script === 'blocked') return route.abort('blockedbyclient');
      return; // 'hang': never answered
    }
    if (url.startsWith('https://wa.me/')) return route.fulfill({ contentType: 'text/html', body: '<title>WhatsApp</title><p>WhatsApp stub</p>' });
    return route.abort();
  });
  if (init) await context.addInitScript(init);
  await context.addInitScript(() => {
    const page = window as unknown as { __cls: number; __violations: string[] };
    page.__cls = 0;
    page.__violations = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) page.__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('securitypolicyviolation', (event) => page.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  visitState.page = page;
  page.on('pageerror', (error) => visitState.errors.push(error.message));
  page.on('load', () => (loaded = true));
  context.on('page', (popup) => visitState.popups.push(popup));
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  return visitState;
}

const state = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-chatra-whatsapp'));
const waitForState = (page: Page, expected: string, timeout = TIMEOUT + 3000) =>
  page.waitForFunction((value) => document.documentElement.getAttribute('data-chatra-whatsapp') === value, expected, { timeout });
const floating = (page: Page) => page.locator('a.acw-floating');
const facade = (page: Page) => page.locator('button.acw-facade');
const seen = (page: Page) => page.evaluate(() => (window as unknown as { __chatra: { id: string; setup: Record<string, unknown> & { locale: { customStrings: Record<string, string> }; language?: string }; calls: unknown[][] } }).__chatra);
const closeAll = async (...visits: Visit[]) => Promise.all(visits.map((v) => v.page.context().close()));

async function axeViolations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

describe('loading strategies', () => {
  test('eager: chatra.js at once, with the page\'s texts already in ChatraSetup; then ready', async () => {
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

  test('idle: nothing from Chatra before the load event, then the Russian page\'s texts in Russian', async () => {
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
    expect(await state(v.page)).toBe('waiting');
    expect(await facade(v.page).isVisible()).toBe(true);
    expect(await floating(v.page).isVisible()).toBe(false);
    await facade(v.page).click();
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    expect((await seen(v.page)).calls).toContainEqual(['openChat', true]);
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

  test('the page sets up chatra.js exactly as Chatra\'s official npm module does', async () => {
    // Ours: a click on the stand-in button queues openChat before chatra.js runs.
    const ours = await visit('/interaction/', { script: 'snapshot' });
    await facade(ours.page).click();
    await ours.page.waitForFunction(() => (window as unknown as { __snapshot?: object }).__snapshot);
    const ourSnapshot = await ours.page.evaluate(() => (window as unknown as { __snapshot: object }).__snapshot);
    // Chatra's module (@chatra/chatra), in its own scope as a bundler runs it, on a page of the same origin without our code.
    const official = await visit(BLANK_PAGE, { script: 'snapshot' });
    await official.page.addScriptTag({ content: `(function (module) {\n${OFFICIAL_MODULE}\nwindow.ChatraModule = module.exports;\n})({ exports: {} });` });
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

describe('when the widget can\'t work, the WhatsApp button shows', () => {
  test.each(['missing', 'blocked', 'hang'] as const)('chatra.js %s → failed within fallback.timeout, no page errors', async (script) => {
    const v = await visit('/eager/', { script });
    const started = Date.now();
    await waitForState(v.page, 'failed', TIMEOUT + 2000);
    expect(Date.now() - started).toBeLessThan(TIMEOUT + 2000);
    expect(await floating(v.page).isVisible()).toBe(true);
    expect(await facade(v.page).isVisible()).toBe(false);
    expect(await floating(v.page).getAttribute('href')).toBe(LINK);
    if (script === 'missing') await v.page.screenshot({ path: join(DOCS, 'fallback-failed.png') });
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('the cached loader blocked too (a filter list) → failed, no page errors', async () => {
    const v = await visit('/idle/', { blockLoader: true });
    await waitForState(v.page, 'failed', 2000);
    expect(await floating(v.page).isVisible()).toBe(true);
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

describe('without JavaScript', () => {
  test('the floating and inline buttons are there, right, and open WhatsApp in a new tab', async () => {
    const v = await visit('/idle/inline/', { context: { javaScriptEnabled: false } });
    expect(v.chatraRequests).toHaveLength(0);
    expect(await floating(v.page).isVisible()).toBe(true);
    expect(await floating(v.page).getAttribute('href')).toBe(LINK);
    const inline = v.page.locator('a.acw-inline');
    expect(await inline.isVisible()).toBe(true);
    expect(await inline.getAttribute('href')).toBe(LINK);
    expect(await facade(v.page).isVisible()).toBe(false);
    await v.page.screenshot({ path: join(DOCS, 'no-js.png') });
    await inline.click();
    await expect.poll(() => v.popups.length).toBe(1);
    await v.popups[0].waitForLoadState();
    expect(v.popups[0].url()).toBe(LINK);
    await closeAll(v);
  });
});

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
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('<ClientRouter />: the widget Chatra drew in <body> is still there after three navigations; gone, the WhatsApp button shows', async () => {
    const v = await visit('/eager/router/');
    await waitForState(v.page, 'ready');
    const chatraWidgets = () => v.page.locator('#chatra').count();
    for (const [link, url] of [['#next', '**/router/two/'], ['#back', /\/router\/$/], ['#next', '**/router/two/']] as const) {
      await v.page.click(link);
      await v.page.waitForURL(url);
      await v.page.waitForFunction(() => document.readyState === 'complete');
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

  test('<ClientRouter /> after a failure: no call piles up in Chatra.q on navigation', async () => {
    const v = await visit('/eager/router/', { script: 'missing' });
    await waitForState(v.page, 'failed');
    const queue = () => v.page.evaluate(() => ((window as unknown as { Chatra: { q?: unknown[] } }).Chatra.q ?? []).length);
    const before = await queue();
    for (const [link, url] of [['#next', '**/router/two/'], ['#back', /\/router\/$/], ['#next', '**/router/two/']] as const) {
      await v.page.click(link);
      await v.page.waitForURL(url);
    }
    await v.page.waitForTimeout(300);
    expect(await queue()).toBe(before);
    expect(await floating(v.page).isVisible()).toBe(true);
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
    await v.page.evaluate(() => document.dispatchEvent(new CustomEvent('consent:chat')));
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });

  test('window.chatraWhatsApp.grantConsent() does the same', async () => {
    const v = await visit('/consent/second/');
    await v.page.evaluate(() => (window as unknown as { chatraWhatsApp: { grantConsent(): void } }).chatraWhatsApp.grantConsent());
    await waitForState(v.page, 'ready');
    expect(v.chatraRequests).toHaveLength(1);
    await closeAll(v);
  });
});

describe('markup-looking text in the head is data', () => {
  test.each(['eager', 'csp'])('%s: no dialog, the attributes intact, the widget gets its texts, the CSP <meta> stays in the head', async (site) => {
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
    expect(page).toMatchObject({ description: '</head><img src=x onerror="alert(1)"><script>alert(2)</script>', images: 0, title: 'Where does </head> go?', cspInBody: false });
    expect(page.cspInHead).toBe(site === 'csp');
    expect(Object.values((await seen(v.page)).setup.locale.customStrings).join(' ')).toContain(`](${LINK})`);
    expect(await v.page.locator('#done').isVisible()).toBe(true);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });
});

describe('content that names our ids and globals gains nothing', () => {
  test('a forged page-data element, a form named chatraWhatsApp, an image named like the loader: ours win', async () => {
    const v = await visit('/eager/evil/');
    await waitForState(v.page, 'ready');
    const strings = Object.values((await seen(v.page)).setup.locale.customStrings).join(' ');
    expect(strings).toContain(`](${LINK})`);
    expect(strings).not.toContain('evil.example');
    expect(await v.page.evaluate(() => typeof (window as unknown as { chatraWhatsApp: { grantConsent: unknown } }).chatraWhatsApp.grantConsent)).toBe('function');
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
  test.each(['csp', 'csp-strict-dynamic'])('%s: no policy violations from the bootstrap, the stylesheet, the loader or the texts', async (site) => {
    const v = await visit(`/${site}/`);
    await waitForState(v.page, 'ready');
    expect(await v.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(await floating(v.page).count()).toBe(1);
    expect(v.errors).toEqual([]);
    await closeAll(v);
  });
});

describe('accessibility and layout', () => {

  test.each<[string, BrowserContextOptions]>([
    ['light, desktop, widget failed', { colorScheme: 'light' }],
    ['dark, desktop, widget failed', { colorScheme: 'dark' }],
    ['light, mobile 375×667, widget failed', { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true }],
  ])('axe-core finds nothing: %s', async (_name, context) => {
    const v = await visit('/eager/inline/', { script: 'missing', context });
    await waitForState(v.page, 'failed');
    expect(await axeViolations(v.page)).toEqual([]);
    const box = (await floating(v.page).boundingBox())!;
    const viewport = v.page.viewportSize()!;
    expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height).toBe(true);
    if (context.colorScheme === 'dark') await v.page.screenshot({ path: join(DOCS, 'dark.png') });
    if (context.isMobile) await v.page.screenshot({ path: join(DOCS, 'mobile.png') });
    await closeAll(v);
  });

  test('axe-core finds nothing without JavaScript', async () => {
    const v = await visit('/idle/inline/', { stripScripts: true });
    expect(await state(v.page)).toBeNull();
    expect(await floating(v.page).isVisible()).toBe(true);
    expect(await axeViolations(v.page)).toEqual([]);
    await closeAll(v);
  });

  test('Tab reaches the WhatsApp button, which shows a visible focus ring', async () => {
    const v = await visit('/eager/', { script: 'blocked' });
    await waitForState(v.page, 'failed');
    let focused = false;
    for (let i = 0; i < 10 && !focused; i++) {
      await v.page.keyboard.press('Tab');
      focused = await v.page.evaluate(() => document.activeElement?.classList.contains('acw-floating') ?? false);
    }
    expect(focused).toBe(true);
    const ring = await floating(v.page).evaluate((link) => {
      const style = getComputedStyle(link);
      return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.outline).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await closeAll(v);
  });

  test('at 200% zoom (1280×800 seen as 640×400) the button stays whole and reachable', async () => {
    const v = await visit('/eager/', { script: 'blocked', context: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } });
    await waitForState(v.page, 'failed');
    const box = (await floating(v.page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(640);
    expect(box.y + box.height).toBeLessThanOrEqual(400);
    await floating(v.page).click();
    await expect.poll(() => v.popups.length).toBe(1);
    await closeAll(v);
  });

  test('no layout shift, whether the widget arrives or fails', async () => {
    for (const script of ['stand-in', 'missing'] as const) {
      const v = await visit('/eager/', { script });
      await waitForState(v.page, script === 'stand-in' ? 'ready' : 'failed');
      expect(await v.page.evaluate(() => (window as unknown as { __cls: number }).__cls), script).toBe(0);
      await closeAll(v);
    }
  });

  test('floating: "always" stacks the WhatsApp button above Chatra\'s, never over it', async () => {
    const v = await visit('/always/');
    await waitForState(v.page, 'ready');
    const whatsapp = (await floating(v.page).boundingBox())!;
    const chat = (await v.page.locator('#chatra').boundingBox())!;
    const overlap = whatsapp.x < chat.x + chat.width && chat.x < whatsapp.x + whatsapp.width && whatsapp.y < chat.y + chat.height && chat.y < whatsapp.y + whatsapp.height;
    expect(overlap).toBe(false);
    await closeAll(v);
  });

  test('the WhatsApp link opens a new tab that can\'t reach back (no window.opener)', async () => {
    const v = await visit('/eager/', { script: 'blocked' });
    await waitForState(v.page, 'failed');
    await floating(v.page).click();
    await expect.poll(() => v.popups.length).toBe(1);
    await v.popups[0].waitForLoadState();
    expect(await v.popups[0].evaluate(() => window.opener)).toBeNull();
    await closeAll(v);
  });
});

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

describe('placement (CSS only)', () => {
  test('devices: "mobile" shows the button on a touch phone, not on a desktop; offsets per window width', async () => {
    const desktop = await visit('/mobile-only/');
    expect(await floating(desktop.page).isVisible()).toBe(false);
    const phone = await visit('/mobile-only/', { context: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } });
    const box = (await floating(phone.page).boundingBox())!;
    expect(Math.round(375 - (box.x + box.width))).toBe(12);
    expect(Math.round(667 - (box.y + box.height))).toBe(72);
    const tablet = await visit('/mobile-only/', { context: { viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true } });
    const wide = (await floating(tablet.page).boundingBox())!;
    expect(Math.round(1024 - (wide.x + wide.width))).toBe(30);
    expect(Math.round(768 - (wide.y + wide.height))).toBe(90);
    await closeAll(desktop, phone, tablet);
  });

  test('a site can move the button itself through the custom properties (say, above its cookie banner)', async () => {
    const v = await visit('/eager/', { script: 'blocked' });
    await waitForState(v.page, 'failed');
    await v.page.addStyleTag({ content: 'body.cookie-banner { --acw-y: 140px }' });
    await v.page.evaluate(() => document.body.classList.add('cookie-banner'));
    const box = (await floating(v.page).boundingBox())!;
    expect(Math.round(800 - (box.y + box.height))).toBe(140);
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

describe('several contacts: a disclosure that needs no JavaScript', () => {
  const details = (page: Page) => page.locator('details.acw-contacts');
  const contact = (page: Page, name: string) => page.locator('details.acw-contacts a', { hasText: name });

  test('closed at first; a click lists Sales and Support; Support carries the page title; Plausible and Umami hear the click', async () => {
    const v = await visit('/contacts/', {
      script: 'missing',
      init: () => {
        const page = window as unknown as { calls: unknown[][]; plausible: (...args: unknown[]) => void; umami: { track: (...args: unknown[]) => void } };
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
    expect(await axeViolations(desktop.page)).toEqual([]);
    const phone = await visit('/qr/', { context: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } });
    expect(await phone.page.locator('a.acw-touch').isVisible()).toBe(true);
    expect(await phone.page.locator('details.acw-desk').isVisible()).toBe(false);
    await closeAll(desktop, phone);
  });
});
