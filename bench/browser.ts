/** In Chromium: requests to other origins before the trigger, script main-thread time, layout shift. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium found. Install Debian\'s chromium (apt-get install -y chromium) or set CHROME_PATH.');
  return found;
}

function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    let path = join(root, decodeURIComponent(new URL(request.url!, 'http://x').pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface LoadFigures {
  requestsBeforeLoad: number;
  requestsWithoutInteraction: number;
  scriptMs: number;
  cls: number;
}

async function loadOnce(browser: Browser, url: string, settleMs: number): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const external: number[] = [];
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
    external.push(performance.now());
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
  });
  await page.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  const loadedAt = performance.now();
  // Long enough for `idle` to fire, with no input: `interaction` must not load.
  await page.waitForTimeout(settleMs);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  await context.close();
  return {
    requestsBeforeLoad: external.filter((at) => at < loadedAt).length,
    requestsWithoutInteraction: external.length,
    scriptMs: (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000,
    cls,
  };
}

/** Loads each variant's page `loads` times (variants interleaved) and reports medians. */
export async function measureInBrowser(sites: Record<string, string>, { loads, settleMs }: { loads: number; settleMs: number }) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const servers = Object.fromEntries(await Promise.all(Object.entries(sites).map(async ([name, dir]) => [name, await serve(dir)] as const)));
  const runs: Record<string, LoadFigures[]> = Object.fromEntries(Object.keys(sites).map((name) => [name, []]));
  try {
    for (let i = 0; i < loads; i++) {
      for (const name of Object.keys(sites)) {
        const { port } = servers[name].address() as AddressInfo;
        runs[name].push(await loadOnce(browser, `http://127.0.0.1:${port}/page-0/`, settleMs));
      }
    }
  } finally {
    await browser.close();
    for (const server of Object.values(servers)) server.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const floor = median(runs.none.map((run) => run.scriptMs));
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      {
        requestsBeforeTrigger: name === 'idle' ? median(list.map((run) => run.requestsBeforeLoad)) : median(list.map((run) => run.requestsWithoutInteraction)),
        scriptMs: Math.max(0, median(list.map((run) => run.scriptMs)) - floor),
        cls: Math.max(...list.map((run) => run.cls)),
      },
    ]),
  ) as Record<string, { requestsBeforeTrigger: number; scriptMs: number; cls: number }>;
}
