/**
 * On-demand pages: what the page transform costs a server. The same site built twice with
 * @astrojs/node (with and without the integration), both servers up, measured side by side in
 * alternated rounds: requests per second and p99 latency under load (autocannon, in a client process
 * of its own: bench/load.ts), time to first byte and to `</head>` one request at a time; and both
 * servers under load at once (the ratios without the machine's drift between rounds). And the transform alone, in this process, on pages
 * of several sizes, against the floor any text transform pays (decode and encode).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { clientAssets } from '../integration/config/client-assets.ts';
import { resolveOptions } from '../integration/config/resolve.ts';
import { toRuntimeOptions } from '../integration/config/virtual-module.ts';
import { PageMemory } from '../integration/runtime/page-memory.ts';
import { PageKits, PageRequest } from '../integration/runtime/page-request.ts';
import { transformPageBytes, transformPageStream } from '../integration/runtime/page-stream.ts';
import type { PageHandler } from '../integration/runtime/page-transform.ts';
import { buildInProcess, startNodeAdapter, type RunningServer } from '../test/support/servers.ts';
import { CHATRA_ID, LAYOUT, SHORT_LINK } from './sites.ts';

const run = promisify(execFile);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/** A blog post of about `kb` KB: headings, paragraphs with links and inline code, code blocks. */
export function blogPost(kb: number): string {
  let body = '';
  for (let i = 0; body.length < kb * 1024 - 1500; i++) {
    body +=
      `<h2 id="s${i}">Section ${i}</h2><p>Lorem ipsum <strong>dolor</strong> sit amet, <a href="/posts/${i}/">consectetur</a> ` +
      `adipiscing elit, <code>sed do</code> eiusmod tempor incididunt ut labore et dolore magna aliqua &amp; more.</p>` +
      `<pre class="astro-code"><code><span style="color:#F97583">const</span> x${i} = <span style="color:#79B8FF">${i}</span>;</code></pre>\n`;
  }
  return body;
}

/** The bench's layout, with a header holding a `#whatsapp` link, as sites put one in their navigation. */
const SERVER_LAYOUT = LAYOUT('<meta name="description" content={title} />', {
  header: '<header><nav><a href="/">Home</a> <a href="/blog/">Blog</a> <a href="#whatsapp">WhatsApp</a></nav></header>',
  footer: '<footer>© Example</footer>',
});

export function writeServerSite(root: string): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/layouts'), { recursive: true });
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  writeFileSync(join(root, 'src/layouts/Base.astro'), SERVER_LAYOUT);
  for (const [name, kb] of [
    ['small', 5],
    ['post', 60],
  ] as const) {
    writeFileSync(
      join(root, `src/pages/${name}.astro`),
      `---\nimport Base from '../layouts/Base.astro';\nconst q = Astro.url.searchParams.get('q') ?? '';\n---\n<Base title={'A page ' + q}><Fragment set:html={${JSON.stringify(blogPost(kb))}} /></Base>\n`,
    );
  }
}

/** Connections open on a server under load (half each when both are loaded together). */
const CONNECTIONS = 10;

interface Load {
  rps: number;
  p99: number;
  /** The server's CPU time per request, ms (Linux; NaN elsewhere). */
  cpuMs: number;
}

/**
 * A process's CPU time so far (user + system), ms, from /proc. Requests per second depend on the
 * load generator too (it shares this machine's cores); CPU per request is the server's alone.
 */
function cpuTimeMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

const LOAD = fileURLToPath(new URL('./load.ts', import.meta.url));

/** Load on `server` for `seconds`, from a client process of its own (bench/load.ts). */
async function load(server: RunningServer, path: string, seconds: number, connections = CONNECTIONS): Promise<Load> {
  const before = cpuTimeMs(server.pid);
  const { stdout } = await run(process.execPath, [LOAD, server.origin + path, String(connections), String(seconds)]);
  const cpu = cpuTimeMs(server.pid) - before;
  const result = JSON.parse(stdout) as { rps: number; p99: number; total: number };
  return { rps: result.rps, p99: result.p99, cpuMs: cpu / result.total };
}

/** A pair's figures with the integration over those without. */
function pairRatios(withRun: Load, withoutRun: Load) {
  return {
    rps: withRun.rps / withoutRun.rps,
    p99: withRun.p99 / Math.max(withoutRun.p99, 0.001),
    cpu: withRun.cpuMs / withoutRun.cpuMs,
  };
}

/** One request at a time: ms to the first byte and to `</head>`. */
async function timings(url: string, requests: number): Promise<{ firstByte: number; headEnd: number }> {
  const firstBytes: number[] = [];
  const headEnds: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    const response = await fetch(url);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    let first = 0;
    let head = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!first) first = performance.now() - start;
      text += value;
      if (!head && text.includes('</head>')) head = performance.now() - start;
    }
    firstBytes.push(first);
    headEnds.push(head);
  }
  return { firstByte: median(firstBytes), headEnd: median(headEnds) };
}

export async function measureOnDemand(work: string, { quick }: { quick: boolean }) {
  const root = join(work, 'server-site');
  writeServerSite(root);
  const config = (variant: 'with' | 'without') => ({
    output: 'server',
    outDir: join(root, `dist-${variant}`),
    adapter: 'node',
    ...(variant === 'with' && { chatraWhatsApp: { whatsapp: SHORT_LINK, chatra: { id: CHATRA_ID } } }),
  });
  await buildInProcess(root, config('without'));
  await buildInProcess(root, config('with'));
  const servers: Record<'with' | 'without', RunningServer> = {
    without: await startNodeAdapter(join(root, 'dist-without')),
    with: await startNodeAdapter(join(root, 'dist-with')),
  };
  // Many short rounds, each pair side by side: this machine's speed drifts over seconds, and a pair
  // taken close together shares the drift (6 rounds of 5 s gave 0.92 and 0.75 with the same code).
  const rounds = quick ? 2 : 15;
  const seconds = 2;
  const results: Record<string, unknown> = {};
  try {
    for (const page of ['small', 'post']) {
      const runs: Record<'with' | 'without', Load[]> = { with: [], without: [] };
      // Warm both servers up (JIT, caches) before anything counts.
      for (const variant of ['without', 'with'] as const) await load(servers[variant], `/${page}`, 1);
      for (let round = 0; round < rounds; round++) {
        for (const variant of round % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
          runs[variant].push(await load(servers[variant], `/${page}`, seconds));
        }
      }
      const pairs = runs.with.map((run, i) => pairRatios(run, runs.without[i]));
      // Both servers under load at once, half the connections each: whatever the machine does
      // meanwhile (its speed drifts over seconds, by more than the difference measured), it does to
      // both. The client that starts first changes each round.
      const together: ReturnType<typeof pairRatios>[] = [];
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const);
        const loads = await Promise.all(order.map((variant) => load(servers[variant], `/${page}`, seconds, CONNECTIONS / 2)));
        const [withLoad, withoutLoad] = order[0] === 'with' ? loads : [loads[1], loads[0]];
        together.push(pairRatios(withLoad, withoutLoad));
      }
      const timing: Record<'with' | 'without', { firstByte: number; headEnd: number }[]> = { with: [], without: [] };
      for (let round = 0; round < 4; round++) {
        for (const variant of round % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
          timing[variant].push(await timings(`${servers[variant].origin}/${page}`, quick ? 30 : 100));
        }
      }
      const bytes = (await (await fetch(`${servers.with.origin}/${page}`)).arrayBuffer()).byteLength;
      const rendered = new Uint8Array(await (await fetch(`${servers.without.origin}/${page}`)).arrayBuffer());
      results[page] = {
        bytes,
        transformMs: await timeWholePage(rendered, `/${page}`, quick),
        rps: {
          with: median(runs.with.map((run) => run.rps)),
          without: median(runs.without.map((run) => run.rps)),
          ratio: spread(pairs.map((pair) => pair.rps)),
        },
        serverCpuMsPerRequest: {
          with: median(runs.with.map((run) => run.cpuMs)),
          without: median(runs.without.map((run) => run.cpuMs)),
          ratio: spread(pairs.map((pair) => pair.cpu)),
        },
        p99Ms: {
          with: median(runs.with.map((run) => run.p99)),
          without: median(runs.without.map((run) => run.p99)),
          ratio: spread(pairs.map((pair) => pair.p99)),
        },
        together: {
          rpsRatio: spread(together.map((pair) => pair.rps)),
          cpuRatio: spread(together.map((pair) => pair.cpu)),
          p99Ratio: spread(together.map((pair) => pair.p99)),
        },
        firstByteMs: { with: median(timing.with.map((t) => t.firstByte)), without: median(timing.without.map((t) => t.firstByte)) },
        headEndMs: { with: median(timing.with.map((t) => t.headEnd)), without: median(timing.without.map((t) => t.headEnd)) },
      };
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.close()));
  }
  return { rounds, secondsPerRun: seconds, connections: CONNECTIONS, pages: results };
}

/**
 * The transform of a page Astro rendered at once, as the middleware runs it (this site's options,
 * the real page handler), in this process: read by the tokenizer each time, and remembered (the
 * same first bytes as the request before). Alternated, median ms per page; no server noise.
 */
async function timeWholePage(page: Uint8Array, path: string, quick: boolean) {
  const resolved = await resolveOptions({ whatsapp: SHORT_LINK, chatra: { id: CHATRA_ID } }, { site: undefined });
  const kits = new PageKits(
    toRuntimeOptions(resolved, clientAssets(resolved, '/'), {
      base: '/',
      trailingSlash: 'ignore',
      format: 'directory',
      settingKey: 'bench',
    }),
  );
  const url = new URL(path, 'http://localhost');
  const memory = new PageMemory();
  const once = (remember: boolean) =>
    transformPageBytes(
      // A new buffer for each request, as a server has.
      new Uint8Array(page),
      new PageRequest(kits, { url, locale: undefined, locals: () => ({}), prerendered: false }),
      remember ? { memory, key: path } : undefined,
    );
  const runs: Record<'read' | 'remembered', number[]> = { read: [], remembered: [] };
  const repeats = quick ? 500 : 3000;
  for (let round = 0; round < (quick ? 4 : 10); round++) {
    for (const way of round % 2 ? (['remembered', 'read'] as const) : (['read', 'remembered'] as const)) {
      const start = performance.now();
      for (let i = 0; i < repeats; i++) once(way === 'remembered');
      runs[way].push((performance.now() - start) / repeats);
    }
  }
  return { read: spread(runs.read), remembered: spread(runs.remembered) };
}

const handler: PageHandler = {
  headStart: () => '<style>.x{}</style>',
  title: () => {},
  headEnd: () => '<script type="application/json">{}</script>',
  link: () => undefined,
  bodyEnd: () => '<aside></aside>',
  // Read every byte: the tokenizer's own cost, the worst case.
  bodyMarkers: () => undefined,
};

function streamOf(page: Uint8Array, chunk: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= page.length) return controller.close();
      controller.enqueue(page.subarray(at, (at += chunk)));
    },
  });
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.length;
  }
}

/**
 * The transform alone, streamed in 16 KB chunks, per page size; beside it the floor (decode and
 * re-encode). Sizes from a 5 KB page to 16 MB (one with no `</head>` at all): the MB/s must not
 * fall as pages grow.
 */
export async function measureTransform({ quick }: { quick: boolean }) {
  const encoder = new TextEncoder();
  const page = (kb: number, head = true) =>
    encoder.encode(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title>${head ? '</head><body>' : ''}${blogPost(kb)}</body></html>`,
    );
  const sizes: [string, Uint8Array][] = [
    ['5 KB', page(5)],
    ['60 KB', page(60)],
    ['600 KB', page(600)],
    ['8 MB', page(8 * 1024)],
    ['16 MB', page(16 * 1024)],
    ['8 MB, no </head>', page(8 * 1024, false)],
  ];
  const results: Record<string, { bytes: number; transformMs: number; floorMs: number; mbPerSecond: number }> = {};
  for (const [name, bytes] of sizes) {
    const repeats = Math.max(3, Math.min(quick ? 50 : 300, Math.round((quick ? 2e7 : 1e8) / bytes.length)));
    const time = async (make: () => ReadableStream<Uint8Array>) => {
      const samples: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const start = performance.now();
        await drain(make());
        samples.push(performance.now() - start);
      }
      return median(samples);
    };
    // Alternated: floor, transform, floor, transform.
    const floor: number[] = [];
    const transform: number[] = [];
    for (let round = 0; round < 2; round++) {
      floor.push(
        await time(() =>
          streamOf(bytes, 16384)
            .pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>)
            .pipeThrough(new TextEncoderStream()),
        ),
      );
      transform.push(await time(() => transformPageStream(streamOf(bytes, 16384), handler)));
    }
    const transformMs = Math.min(...transform);
    results[name] = {
      bytes: bytes.length,
      transformMs,
      floorMs: Math.min(...floor),
      mbPerSecond: bytes.length / 1e6 / (transformMs / 1000),
    };
  }
  return results;
}
