/**
 * `npm run bench [-- --quick]`: what the integration costs a page and a build, side by side
 * with no chat at all, Chatra's own snippet, and react-floating-whatsapp. Prints a table and
 * writes bench/results.json. Figures are ratios and differences measured in one run.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { measureInBrowser } from './browser.ts';
import { measureBuildCost } from './build-cost.ts';
import { measurePageBytes, variants } from './page-bytes.ts';
import { measureStarlightCost } from './starlight-cost.ts';
import { measureOnDemand, measureTransform } from './on-demand.ts';

const quick = process.argv.includes('--quick');
// Inside the repository, so the sites resolve astro and the integration from its node_modules.
const work = fileURLToPath(new URL('./.sites/', import.meta.url));
rmSync(work, { recursive: true, force: true });
const require = createRequire(import.meta.url);
const gzip = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length;

/** react-floating-whatsapp's client bundle (React external), the reference for a WhatsApp button. */
function referenceButton() {
  const entry = require.resolve('react-floating-whatsapp');
  const bundle = buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
  });
  const code = bundle.outputFiles[0].contents;
  return { package: 'react-floating-whatsapp@5.0.8', minBytes: code.length, gzip: gzip(code) };
}

/** The loader (and with `interaction` its chat part) and one texts file as a visitor downloads them once, then from cache. */
function ourClientFiles(site: string) {
  const dir = join(site, '_astro');
  const files = readdirSync(dir).filter((file) => file.startsWith('acw-'));
  const size = (pattern: RegExp) =>
    gzip(
      readFileSync(
        join(
          dir,
          files.find((file) => pattern.test(file))!,
        ),
      ),
    );
  const chatPart = files.some((file) => /^acw-loader-rest\./.test(file));
  return {
    loaderGzip: size(/^acw-loader\./),
    ...(chatPart && { chatPartGzip: size(/^acw-loader-rest\./) }),
    textsGzipEn: size(/^acw-en\./),
  };
}

const started = Date.now();
const bytes = await measurePageBytes(work);
const browser = await measureInBrowser(bytes.sites, { loads: quick ? 3 : 21, settleMs: quick ? 500 : 1500 });
const buildCost = measureBuildCost(work, { quick });
const starlightCost = measureStarlightCost(work, { quick });
const onDemand = await measureOnDemand(work, { quick });
const transform = await measureTransform({ quick });
const results = {
  date: new Date().toISOString(),
  quick,
  node: process.version,
  astro: JSON.parse(readFileSync(require.resolve('astro/package.json'), 'utf8')).version,
  pageBytes: {
    floorGzip: bytes.floorGzip,
    addedGzip: bytes.addedGzip,
    firstVisitGzip: bytes.firstVisitGzip,
    budgetGzip: { perView: 1024, firstVisit: 2560 },
    addedBrotli: bytes.addedBrotli,
    firstVisitBrotli: bytes.firstVisitBrotli,
  },
  browser,
  build: buildCost,
  starlight: starlightCost,
  onDemand,
  transform,
  reference: {
    button: referenceButton(),
    ours: ourClientFiles(bytes.sites.idle),
    oursInteraction: ourClientFiles(bytes.sites.interaction),
  },
  seconds: Math.round((Date.now() - started) / 1000),
};
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
console.log(
  `\nPer page (gzip bytes added to the HTML; page with no chat: ${bytes.floorGzip} B), requests to other origins before the trigger, script time:\n`,
);
console.log(
  row([
    'variant',
    'per page view (gzip B)',
    'first visit (gzip B)',
    'per page view / first visit (Brotli B)',
    'other-origin requests before trigger',
    'chat code main-thread ms (median)',
    'CLS',
  ]),
);
console.log(row(['---', '---', '---', '---', '---', '---', '---']));
for (const variant of variants) {
  const b = browser[variant];
  console.log(
    row([
      variant,
      bytes.addedGzip[variant],
      bytes.firstVisitGzip[variant],
      `${bytes.addedBrotli[variant]} / ${bytes.firstVisitBrotli[variant]}`,
      b.requestsBeforeTrigger,
      b.scriptMs.toFixed(2),
      b.cls,
    ]),
  );
}
console.log(
  `\nBuild cost, with/without (i18n en+ru, MDX pages, chatra load 'interaction'), ${buildCost.sizes[0].pairs} alternated pairs per size after a warm-up; ratio median (min–max of the pairs):`,
);
const ratio = (r: { median: number; min: number; max: number }) => `${r.median.toFixed(3)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
for (const size of buildCost.sizes) {
  console.log(
    `  ${size.pages} pages: wall ${(size.ms.without / 1000).toFixed(2)} → ${(size.ms.with / 1000).toFixed(2)} s, time ${ratio(size.timeRatio)}, CPU ${ratio(size.cpuRatio)}, ` +
      `peak memory ${Math.round(size.peakMb.without)} → ${Math.round(size.peakMb.with)} MB, ${ratio(size.memoryRatio)}`,
  );
}
/** The yardstick's trip a page, and its share of its own probed build. */
const yardstickTrip = (y: { middlewareMs: number; pages: number; buildMs: number }) =>
  `a middleware that only copies each page 1,250 B longer ${(y.middlewareMs / y.pages).toFixed(3)} ms a page, ${((y.middlewareMs / y.buildMs) * 100).toFixed(1)}% of its build`;
for (const { pages, probe, yardstick } of buildCost.sizes) {
  console.log(
    `  ${pages} pages, timed inside one more build: our configuration hooks ${probe.configMs.toFixed(0)} ms, build:done ${probe.buildDoneMs.toFixed(0)} ms; ` +
      `our middleware ${probe.middlewareMs.toFixed(0)} ms for ${probe.pages} pages (${(probe.middlewareMs / probe.pages).toFixed(3)} ms a page; ` +
      `the first tenth ${(probe.firstTenthMs / Math.ceil(probe.pages / 10)).toFixed(3)} ms a page), ` +
      `${(((probe.configMs + probe.buildDoneMs + probe.middlewareMs) / probe.buildMs) * 100).toFixed(1)}% of that build's ${(probe.buildMs / 1000).toFixed(2)} s; ` +
      yardstickTrip(yardstick),
  );
}
console.log(
  `  Straight line through the extra time: ${buildCost.fixedMs.toFixed(0)} ms per build + ${buildCost.perPageMs.toFixed(3)} ms per page; ` +
    `memory ${buildCost.fixedMb.toFixed(1)} MB + ${(buildCost.perPageMb * 1000).toFixed(1)} MB per 1,000 pages`,
);
console.log(
  `\nStarlight docs site (${starlightCost.pages} pages of ${Math.round(starlightCost.pageKb)} KB HTML, 4 languages incl. right-to-left), ${starlightCost.pairs} alternated pairs: ` +
    `wall ${(starlightCost.ms.without / 1000).toFixed(1)} → ${(starlightCost.ms.with / 1000).toFixed(1)} s, time ${ratio(starlightCost.timeRatio)}, CPU ${ratio(starlightCost.cpuRatio)}, ` +
    `peak memory ${Math.round(starlightCost.peakMb.without)} → ${Math.round(starlightCost.peakMb.with)} MB, ${ratio(starlightCost.memoryRatio)}`,
);
{
  const probe = starlightCost.probe;
  console.log(
    `  timed inside one more build: our configuration hooks ${probe.configMs.toFixed(0)} ms, build:done ${probe.buildDoneMs.toFixed(0)} ms; ` +
      `our middleware ${probe.middlewareMs.toFixed(0)} ms for ${probe.pages} pages (${(probe.middlewareMs / probe.pages).toFixed(3)} ms a page), ` +
      `${(((probe.configMs + probe.buildDoneMs + probe.middlewareMs) / probe.buildMs) * 100).toFixed(1)}% of that build's ${(probe.buildMs / 1000).toFixed(1)} s; ` +
      yardstickTrip(starlightCost.yardstick),
  );
}
console.log(
  `\nOn-demand pages (@astrojs/node, ${onDemand.rounds} alternated rounds of ${onDemand.secondsPerRun} s, ${onDemand.connections} connections), with/without:`,
);
for (const [page, figures] of Object.entries(onDemand.pages) as [
  string,
  {
    bytes: number;
    rps: { with: number; without: number; ratio: { median: number; min: number; max: number } };
    p99Ms: { with: number; without: number; ratio: { median: number } };
    serverCpuMsPerRequest: { with: number; without: number; ratio: { median: number; min: number; max: number } };
    together: Record<'rpsRatio' | 'cpuRatio' | 'p99Ratio', { median: number; min: number; max: number }>;
    firstByteMs: { with: number; without: number };
    headEndMs: { with: number; without: number };
    transformMs: Record<'read' | 'remembered', { median: number; min: number; max: number }>;
  },
][]) {
  const { rps, p99Ms, serverCpuMsPerRequest: cpu, together, firstByteMs, headEndMs, transformMs } = figures;
  console.log(
    `  ${page} (${figures.bytes} B): req/s ${Math.round(rps.with)} vs ${Math.round(rps.without)}, ratio ${rps.ratio.median.toFixed(2)} (${rps.ratio.min.toFixed(2)}–${rps.ratio.max.toFixed(2)}); ` +
      `server CPU ${cpu.with.toFixed(3)} vs ${cpu.without.toFixed(3)} ms per request, ratio ${ratio(cpu.ratio)}; ` +
      `both loaded together: req/s ratio ${ratio(together.rpsRatio)}, server CPU ${ratio(together.cpuRatio)}, p99 ${ratio(together.p99Ratio)}; ` +
      `p99 ${p99Ms.with} vs ${p99Ms.without} ms (${p99Ms.ratio.median.toFixed(2)}×); first byte +${(firstByteMs.with - firstByteMs.without).toFixed(2)} ms, </head> +${(headEndMs.with - headEndMs.without).toFixed(2)} ms; ` +
      `the transform alone ${transformMs.read.median.toFixed(3)} ms read, ${transformMs.remembered.median.toFixed(3)} ms remembered`,
  );
}
console.log('\nThe page transform alone, reading every byte (worst case), 16 KB chunks:');
for (const [size, figures] of Object.entries(transform)) {
  console.log(
    `  ${size}: ${figures.transformMs.toFixed(2)} ms (decode + encode alone ${figures.floorMs.toFixed(2)} ms), ${figures.mbPerSecond.toFixed(1)} MB/s`,
  );
}
console.log(
  `Once per visitor, cached: our loader ${results.reference.ours.loaderGzip} B gzip + texts ${results.reference.ours.textsGzipEn} B gzip (en). Reference: ${results.reference.button.package} bundle ${results.reference.button.gzip} B gzip; our WhatsApp button: 0 B of JavaScript.`,
);
console.log(`\nWrote bench/results.json (${results.seconds} s).`);
