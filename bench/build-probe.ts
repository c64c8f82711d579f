/**
 * Where the integration's own time goes in a build, measured from the outside (no timing code in
 * the package): an integration added before ours and one after it time our configuration hooks,
 * and a middleware before ours and one after it (closer to the page) time each page's trip through
 * ours. The probed build prerenders one page at a time (`build.concurrency: 1`, Astro's default,
 * set anyway) and, without an adapter, renders each page whole before the middleware sees it, so the
 * difference is our middleware's time. A build of its own, not one of the pairs the ratios come from (those have no
 * extra middleware at all).
 */
import type { AstroIntegration } from 'astro';

export interface ProbeTimes {
  /** Our `astro:config:setup` and `astro:config:done` hooks, ms. */
  configMs: number;
  /** Our `astro:build:done` hook, ms. */
  buildDoneMs: number;
  /** Pages through our middleware, and its time in all of them, ms. */
  pages: number;
  middlewareMs: number;
  /** The same, for the first tenth of the pages (the engine's code not yet optimized). */
  firstTenthMs: number;
}

interface Clock {
  outer: number[];
  inner: number[];
}
const KEY = Symbol.for('astro-chatra-whatsapp.bench-probe');
const clock = ((globalThis as Record<symbol, Clock>)[KEY] ??= { outer: [], inner: [] });

const timingMiddleware = (which: 'outer' | 'inner') =>
  `const clock = globalThis[Symbol.for('astro-chatra-whatsapp.bench-probe')];\n` +
  `export const onRequest = async (context, next) => {\n` +
  `  const start = performance.now();\n` +
  `  const response = await next();\n` +
  `  if (context.isPrerendered) clock.${which}.push(performance.now() - start);\n` +
  `  return response;\n` +
  `};\n`;

/**
 * The yardstick: a middleware that does the least any middleware adding markup to each page must (read
 * Astro's page, send it in a new `Response` with 1,250 bytes more before its last tag, about what our
 * kit adds to the bench's pages), written as plainly as such a middleware can be. Probed in place of
 * ours, its trip is the floor our middleware's trip is set against. `write` as for `probed`.
 */
export function copyingIntegration(write: (file: string, text: string) => string): AstroIntegration {
  const added = JSON.stringify(`<aside>${'x'.repeat(1250 - '<aside></aside>'.length)}</aside>`);
  const middleware =
    `const added = new TextEncoder().encode(${added});\n` +
    `export const onRequest = async (context, next) => {\n` +
    `  const response = await next();\n` +
    `  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;\n` +
    `  const reader = response.body.getReader();\n` +
    `  const chunks = [];\n` +
    `  let length = 0;\n` +
    `  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value), (length += read.value.length);\n` +
    `  const page = new Uint8Array(length + added.length);\n` +
    `  let at = 0;\n` +
    `  for (const chunk of chunks) page.set(chunk, at), (at += chunk.length);\n` +
    `  const end = Math.max(0, page.lastIndexOf(60, length - 1));\n` +
    `  page.copyWithin(end + added.length, end, length);\n` +
    `  page.set(added, end);\n` +
    `  const headers = new Headers(response.headers);\n` +
    `  headers.delete('content-length');\n` +
    `  return new Response(page, { status: response.status, headers });\n` +
    `};\n`;
  return {
    name: 'bench-copying-middleware',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => addMiddleware({ entrypoint: write('copying.mjs', middleware), order: 'pre' }),
    },
  };
}

/** `[before, ...ours, after]`: the integrations of a probed build, and its times once it is done. */
export function probed(ours: AstroIntegration[], write: (file: string, text: string) => string) {
  const times: ProbeTimes = { configMs: 0, buildDoneMs: 0, pages: 0, middlewareMs: 0, firstTenthMs: 0 };
  let mark = 0;
  const start = () => void (mark = performance.now());
  const stop = (into: 'configMs' | 'buildDoneMs') => () => void (times[into] += performance.now() - mark);
  const before: AstroIntegration = {
    name: 'bench-probe-before',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: write('outer.mjs', timingMiddleware('outer')), order: 'pre' });
        start();
      },
      'astro:config:done': start,
      'astro:build:done': start,
    },
  };
  const after: AstroIntegration = {
    name: 'bench-probe-after',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        stop('configMs')();
        addMiddleware({ entrypoint: write('inner.mjs', timingMiddleware('inner')), order: 'pre' });
      },
      'astro:config:done': stop('configMs'),
      'astro:build:done': () => {
        stop('buildDoneMs')();
        // Paired by index: one page at a time (the probed build sets build.concurrency to 1).
        if (clock.outer.length === 0 || clock.outer.length !== clock.inner.length)
          throw new Error(`bench probe: ${clock.outer.length} pages timed outside ours, ${clock.inner.length} inside`);
        const trips = clock.outer.map((outer, i) => outer - clock.inner[i]);
        times.pages = trips.length;
        times.middlewareMs = trips.reduce((sum, ms) => sum + ms, 0);
        times.firstTenthMs = trips.slice(0, Math.ceil(trips.length / 10)).reduce((sum, ms) => sum + ms, 0);
      },
    },
  };
  return { integrations: [before, ...ours, after], times };
}
