/**
 * What the integration costs a build, at several site sizes: with and without it, in alternated
 * pairs after a warm-up, each build in a fresh process (build-once.ts). A straight line through
 * the extra time at each size splits it into a fixed cost per build and a cost per page; the same
 * for peak memory. The site: i18n (en, ru), one shared layout, generated MDX pages,
 * `chatra: { id, load: 'interaction' }` (the shape of the site that first showed a fixed cost).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ProbeTimes } from './build-probe.ts';
import { writeSite } from './sites.ts';

export interface SizeCost {
  pages: number;
  pairs: number;
  ms: { with: number; without: number };
  /** Median of the per-pair ratios, and their spread. */
  timeRatio: { median: number; min: number; max: number };
  cpuRatio: { median: number; min: number; max: number };
  memoryRatio: { median: number; min: number; max: number };
  peakMb: { with: number; without: number };
  /** One more build with the timing probes (build-probe.ts): the integration's own time in it. */
  probe: ProbeTimes & { buildMs: number };
  /** The same probes around the yardstick (build-probe.ts: a middleware that only copies each page longer), in place of ours. */
  yardstick: ProbeTimes & { buildMs: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

interface Run {
  ms: number;
  cpuMs: number;
  maxRssKb: number;
  probe?: ProbeTimes;
}

function buildOnce(root: string, variant: 'with' | 'without' | 'probe' | 'yardstick'): Run {
  const output = execFileSync(
    process.execPath,
    [new URL('./build-once.ts', import.meta.url).pathname, root, join(root, `dist-${variant}`), variant, 'i18n'],
    { encoding: 'utf8' },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

/** One size: a warm-up pair, then `pairs` alternated pairs. */
export function measureSize(work: string, pages: number, pairs: number): SizeCost {
  const root = join(work, `build-${pages}`);
  writeSite(root, { pages, i18n: true });
  buildOnce(root, 'without');
  buildOnce(root, 'with');
  const runs: Record<'with' | 'without', Run[]> = { with: [], without: [] };
  for (let pair = 0; pair < pairs; pair++) {
    for (const variant of pair % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const))
      runs[variant].push(buildOnce(root, variant));
  }
  const probe = buildOnce(root, 'probe');
  const yardstick = buildOnce(root, 'yardstick');
  const ratios = (pick: (run: Run) => number) => spread(runs.with.map((run, i) => pick(run) / pick(runs.without[i])));
  return {
    pages,
    pairs,
    ms: { with: median(runs.with.map((run) => run.ms)), without: median(runs.without.map((run) => run.ms)) },
    timeRatio: ratios((run) => run.ms),
    cpuRatio: ratios((run) => run.cpuMs),
    memoryRatio: ratios((run) => run.maxRssKb),
    peakMb: {
      with: median(runs.with.map((run) => run.maxRssKb)) / 1024,
      without: median(runs.without.map((run) => run.maxRssKb)) / 1024,
    },
    probe: { ...probe.probe!, buildMs: probe.ms },
    yardstick: { ...yardstick.probe!, buildMs: yardstick.ms },
  };
}

/** Least squares through (pages, extra): the fixed part (intercept) and the part per page (slope). */
export function fit(points: { pages: number; extra: number }[]): { fixed: number; perPage: number } {
  const n = points.length;
  const mx = points.reduce((sum, p) => sum + p.pages, 0) / n;
  const my = points.reduce((sum, p) => sum + p.extra, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.pages - mx) ** 2, 0);
  const sxy = points.reduce((sum, p) => sum + (p.pages - mx) * (p.extra - my), 0);
  const perPage = sxy / sxx;
  return { fixed: my - perPage * mx, perPage };
}

export function measureBuildCost(work: string, { quick }: { quick: boolean }) {
  const sizes = quick ? [10, 100] : [10, 300, 1000];
  const pairs = quick ? 1 : 5;
  const results = sizes.map((pages) => measureSize(work, pages, pairs));
  const time = fit(results.map((r) => ({ pages: r.pages, extra: r.ms.with - r.ms.without })));
  const memory = fit(results.map((r) => ({ pages: r.pages, extra: r.peakMb.with - r.peakMb.without })));
  return { sizes: results, fixedMs: time.fixed, perPageMs: time.perPage, fixedMb: memory.fixed, perPageMb: memory.perPage };
}
