/**
 * The integration's cost on a large multilingual documentation site, the shape of Starlight's own
 * docs (issue: ~600 pages of ~100 KB in 17 languages): a generated Starlight site, no network
 * needed, built with and without the integration in alternated pairs after a warm-up, each build in
 * a fresh process; wall time, CPU time and peak memory, and the size of a built page. And one more
 * build with the timing probes (build-probe.ts): the integration's own time in it, which the
 * machine's drift over a minute (a build takes 25-40 s) does not blur as it does the pairs' ratios.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ProbeTimes } from './build-probe.ts';
import { writeStarlightSite } from './sites.ts';

interface Run {
  ms: number;
  cpuMs: number;
  maxRssKb: number;
  probe?: ProbeTimes;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

export function measureStarlightCost(work: string, { quick }: { quick: boolean }) {
  const pagesPerLocale = quick ? 15 : 150;
  const kb = quick ? 10 : 15;
  const pairs = quick ? 1 : 3;
  const root = join(work, 'starlight-site');
  writeStarlightSite(root, { pages: pagesPerLocale, kb });
  // Every build from scratch: the content layer's cache would otherwise let a build that follows one
  // of the same variant skip most of its work.
  const once = (variant: 'with' | 'without' | 'probe' | 'yardstick'): Run => {
    rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
    return JSON.parse(
      execFileSync(
        process.execPath,
        [new URL('./build-once.ts', import.meta.url).pathname, root, join(root, `dist-${variant}`), variant, 'starlight'],
        {
          encoding: 'utf8',
        },
      )
        .trim()
        .split('\n')
        .at(-1)!,
    );
  };
  once('without');
  once('with');
  const runs: Record<'with' | 'without', Run[]> = { with: [], without: [] };
  for (let pair = 0; pair < pairs; pair++) {
    for (const variant of pair % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) runs[variant].push(once(variant));
  }
  const probe = once('probe');
  const yardstick = once('yardstick');
  const ratios = (pick: (run: Run) => number) => spread(runs.with.map((run, i) => pick(run) / pick(runs.without[i])));
  const page = readFileSync(join(root, 'dist-without/guides/page-0/index.html'));
  return {
    pages: (pagesPerLocale + 1) * 4,
    pageKb: page.length / 1024,
    pairs,
    ms: { with: median(runs.with.map((run) => run.ms)), without: median(runs.without.map((run) => run.ms)) },
    timeRatio: ratios((run) => run.ms),
    cpuRatio: ratios((run) => run.cpuMs),
    memoryRatio: ratios((run) => run.maxRssKb),
    peakMb: { with: median(runs.with.map((run) => run.maxRssKb)) / 1024, without: median(runs.without.map((run) => run.maxRssKb)) / 1024 },
    probe: { ...probe.probe!, buildMs: probe.ms },
    yardstick: { ...yardstick.probe!, buildMs: yardstick.ms },
  };
}
