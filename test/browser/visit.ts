/**
 * What a browser test file needs: its own Chromium (launched once per file), visits to the sites
 * global-setup.ts serves, and what to read off a page. chatra.js is served by a stand-in that keeps
 * Chatra's loader contract (chatra-stand-in.js), or made to fail.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { STATE_ATTRIBUTE } from '../../integration/shared/dom.ts';
import { launchChromium } from '../support/chromium.ts';
import { ROOMY_TIMEOUT } from './sites.ts';

const require = createRequire(import.meta.url);
export const STAND_IN = readFileSync(new URL('./chatra-stand-in.js', import.meta.url), 'utf8');
export const OFFICIAL_MODULE = readFileSync(require.resolve('@chatra/chatra'), 'utf8');
const AXE = require.resolve('axe-core/axe.min.js');
/** Screenshots for the README, written by the tests that show each state. */
export const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
/** A page of the same origin without any of our code. */
export const BLANK_PAGE = '/blank/';

type ChatraScript = 'stand-in' | 'missing' | 'blocked' | 'hang' | 'snapshot';
/** Runs when chatra.js would: records what the page set up for it, as Chatra's contract defines. */
const SNAPSHOT = `window.__snapshot = {
  id: window.ChatraID,
  setupType: typeof window.ChatraSetup,
  queue: (window.Chatra.q || []).map(function (args) { return { kind: Object.prototype.toString.call(args), values: Array.prototype.slice.call(args) }; }),
  scripts: Array.prototype.filter.call(document.scripts, function (s) { return s.src === 'https://call.chatra.io/chatra.js'; }).map(function (s) { return { async: s.async }; })
};`;

let browser: Browser;
/** The static server of global-setup.ts. */
export const server = { origin: inject('browserOrigin') };

/** Launches this file's Chromium before its tests, closes it after. */
export function useBrowser(options: Parameters<typeof launchChromium>[0] = {}): void {
  beforeAll(async () => {
    browser = await launchChromium(options);
    mkdirSync(DOCS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
}

export interface Visit {
  page: Page;
  /** Requests for chatra.js, each with whether the page's load event had fired. */
  chatraRequests: { afterLoad: boolean }[];
  /** The paths of this site's files the page asked for, in order. */
  ownRequests: string[];
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
  /** Hold the cached loader back this many milliseconds, as a slow first visit would. */
  delayLoader?: number;
  /** Serve the page without its own scripts: what a visitor without JavaScript gets, with room for axe. */
  stripScripts?: boolean;
  /**
   * Hold chatra.js (the stand-in) back until this settles, as a slow network would. (Requested
   * before the page's load event, it holds that event back too: visit with `waitUntil: 'domcontentloaded'`.)
   */
  holdChatra?: Promise<unknown>;
  /** What visit() waits for before it returns: the load event (the default) or the parsed document. */
  waitUntil?: 'load' | 'domcontentloaded';
  /** Requests to this site's files matching `match`: held until `until` settles, then answered, or with `status` instead. */
  ownFiles?: { match: RegExp; until?: Promise<unknown>; status?: number }[];
}

export async function visit(
  path: string,
  {
    script = 'stand-in',
    context: contextOptions = {},
    init,
    blockLoader,
    delayLoader,
    stripScripts,
    holdChatra,
    ownFiles = [],
    waitUntil = 'load',
  }: VisitOptions = {},
): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const visitState: Visit = { page: undefined as unknown as Page, chatraRequests: [], ownRequests: [], errors: [], popups: [] };
  let loaded = false;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (blockLoader && url.includes('/_astro/acw-loader.')) return route.abort('blockedbyclient');
    if (delayLoader && url.includes('/_astro/acw-loader.')) {
      await new Promise((resolve) => setTimeout(resolve, delayLoader));
      return route.continue();
    }
    if (stripScripts && route.request().isNavigationRequest()) {
      const response = await route.fetch();
      return route.fulfill({ response, body: (await response.text()).replace(/<script\b[\s\S]*?<\/script>/g, '') });
    }
    if (url === `${server.origin}${BLANK_PAGE}`)
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' });
    if (url.startsWith(server.origin)) {
      visitState.ownRequests.push(new URL(url).pathname);
      const rule = ownFiles.find(({ match }) => match.test(url));
      if (rule?.until) await rule.until;
      if (rule?.status) return route.fulfill({ status: rule.status, body: 'Not available' });
      return route.continue();
    }
    if (url === 'https://call.chatra.io/chatra.js') {
      visitState.chatraRequests.push({ afterLoad: loaded });
      if (holdChatra) await holdChatra;
      if (script === 'stand-in') return route.fulfill({ contentType: 'text/javascript', body: STAND_IN });
      if (script === 'snapshot') return route.fulfill({ contentType: 'text/javascript', body: SNAPSHOT });
      if (script === 'missing') return route.fulfill({ status: 404, body: 'Not found' });
      if (script === 'blocked') return route.abort('blockedbyclient');
      return; // 'hang': never answered
    }
    if (url.startsWith('https://wa.me/'))
      return route.fulfill({ contentType: 'text/html', body: '<title>WhatsApp</title><p>WhatsApp stub</p>' });
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
    document.addEventListener('securitypolicyviolation', (event) =>
      page.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const page = await context.newPage();
  visitState.page = page;
  page.on('pageerror', (error) => visitState.errors.push(error.message));
  page.on('load', () => (loaded = true));
  context.on('page', (popup) => visitState.popups.push(popup));
  await page.goto(`${server.origin}${path}`, { waitUntil });
  return visitState;
}

export const state = (page: Page) => page.evaluate((name) => document.documentElement.getAttribute(name), STATE_ATTRIBUTE);
export const waitForState = (page: Page, expected: string, timeout = ROOMY_TIMEOUT + 3000) =>
  page.waitForFunction(([name, value]) => document.documentElement.getAttribute(name) === value, [STATE_ATTRIBUTE, expected], { timeout });
export const floating = (page: Page) => page.locator('a.acw-floating');
export const facade = (page: Page) => page.locator('button.acw-facade');
export const seen = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __chatra: {
            id: string;
            setup: Record<string, unknown> & { locale: { customStrings: Record<string, string> }; language?: string };
            calls: unknown[][];
          };
        }
      ).__chatra,
  );
/** Opens `path` with an empty `dataLayer`, clicks the floating WhatsApp button; returns the events analytics got. */
export async function clickedEvents(path: string): Promise<{ v: Visit; events: string[] }> {
  const v = await visit(path, { init: () => void ((window as unknown as { dataLayer: unknown[] }).dataLayer = []) });
  await floating(v.page).click();
  // The new tab (counted as it opens: it may be there before anything here could wait for it).
  await expect.poll(() => v.popups.length).toBe(1);
  const dataLayer = await v.page.evaluate(() => (window as unknown as { dataLayer: { event: string }[] }).dataLayer);
  return { v, events: dataLayer.map((entry) => entry.event) };
}

export const closeAll = async (...visits: Visit[]) => Promise.all(visits.map((v) => v.page.context().close()));

export async function axeViolations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}
