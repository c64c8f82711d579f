/** In Chromium: requests to other origins before the trigger, the chat code's main-thread time, layout shift. */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/chromium.ts';
import { serveStatic, type StaticServer } from '../test/support/static-server.ts';

/** The chat script's own inline code: ours (it names chatraWhatsApp or ChatraID) or Chatra's snippet. */
const CHAT_INLINE_SCRIPT = /<script>(?:(?!<\/script>)[\s\S])*?(?:chatraWhatsApp|ChatraID)[\s\S]*?<\/script>/;

/** Our cached scripts, by path. */
const OUR_SCRIPT = /\/(?:acw-)?loader(?:-rest)?\.[^/]+\.js$/;

/** Wraps code so it adds its own running time to `window.__chatMs`, measured inside the same script. */
const timed = (code: string) => `var __t=performance.now();${code}\n;window.__chatMs=(window.__chatMs||0)+performance.now()-__t;`;

/**
 * Serves a built site, timing the chat code from inside: the inline script, the cached loader and its chat part.
 * Marks in separate scripts would also count the parser yielding between them. Every page first
 * runs one empty script: the first script of a fresh page pays the engine's warm-up, whoever it is.
 */
function serve(root: string): Promise<StaticServer> {
  return serveStatic(root, (path, body) => {
    if (path.endsWith('.html')) {
      return body
        .toString('utf8')
        .replace('<head>', '<head><script>void 0</script>')
        .replace(CHAT_INLINE_SCRIPT, (script) => `<script>${timed(script.slice('<script>'.length, -'</script>'.length))}</script>`);
    }
    // The loader, and with `interaction` its chat part (`_astro/acw-loader.…`, or `_acw/loader.…` with assetsPrefix).
    return OUR_SCRIPT.test(path) ? timed(body.toString('utf8')) : body;
  });
}

interface LoadFigures {
  requestsBeforeLoad: number;
  requestsWithoutInteraction: number;
  scriptMs: number;
  cls: number;
}

/** One page per variant, navigated again and again: visitors browse in a warm renderer. */
async function openVariant(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const external: number[] = [];
  // Watched, not intercepted: interception would put every request's start on the page's clock.
  // Other origins are unreachable here, so those requests fail at once, as a blocked widget would.
  context.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) external.push(performance.now());
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return {
    context,
    async load(url: string, settleMs: number): Promise<LoadFigures> {
      external.length = 0;
      // Each load starts a new session, as a new visitor would (the auto message is once per session).
      await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'load' });
      const loadedAt = performance.now();
      // Long enough for `idle` to fire, with no input: `interaction` must not load.
      await page.waitForTimeout(settleMs);
      const { cls, scriptMs } = await page.evaluate(() => {
        const page = window as unknown as { __cls: number; __chatMs?: number };
        return { cls: page.__cls, scriptMs: page.__chatMs ?? 0 };
      });
      return {
        requestsBeforeLoad: external.filter((at) => at < loadedAt).length,
        requestsWithoutInteraction: external.length,
        scriptMs,
        cls,
      };
    },
  };
}

/** Loads each variant's page `loads` times (variants interleaved) and reports medians. */
export async function measureInBrowser(sites: Record<string, string>, { loads, settleMs }: { loads: number; settleMs: number }) {
  const browser = await launchChromium();
  const servers = Object.fromEntries(
    await Promise.all(Object.entries(sites).map(async ([name, dir]) => [name, await serve(dir)] as const)),
  );
  const runs: Record<string, LoadFigures[]> = Object.fromEntries(Object.keys(sites).map((name) => [name, []]));
  try {
    const variants = Object.fromEntries(
      await Promise.all(Object.keys(sites).map(async (name) => [name, await openVariant(browser)] as const)),
    );
    // A first load per variant warms its renderer; it is not counted.
    for (let i = 0; i <= loads; i++) {
      for (const name of Object.keys(sites)) {
        const figures = await variants[name].load(`${servers[name].origin}/page-0/`, settleMs);
        if (i > 0) runs[name].push(figures);
      }
    }
  } finally {
    await browser.close();
    await Promise.all(Object.values(servers).map((server) => server.close()));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      {
        requestsBeforeTrigger:
          name === 'idle' ? median(list.map((run) => run.requestsBeforeLoad)) : median(list.map((run) => run.requestsWithoutInteraction)),
        scriptMs: median(list.map((run) => run.scriptMs)),
        cls: Math.max(...list.map((run) => run.cls)),
      },
    ]),
  ) as Record<string, { requestsBeforeTrigger: number; scriptMs: number; cls: number }>;
}
