/**
 * One build in a fresh process, so its peak memory is its own. Prints
 * `{ "ms": …, "cpuMs": …, "maxRssKb": … }` (cpuMs: user + system time of all its threads, less
 * sensitive than wall time to what else the machine is doing).
 * `probe`: with the integration and the timing probes of build-probe.ts around it; prints their times too.
 * `yardstick`: the same probes around a middleware that only copies each page 1,250 bytes longer, in place of ours.
 * Usage: node build-once.ts <root> <outDir> <with|without|probe|yardstick> [i18n|starlight]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mdx from '@astrojs/mdx';
import { build, type AstroIntegration } from 'astro';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { copyingIntegration, probed } from './build-probe.ts';
import { CHATRA_ID, SHORT_LINK, STARLIGHT_LOCALES } from './sites.ts';

const [root, outDir, variant, shape] = process.argv.slice(2);
if (!['with', 'without', 'probe', 'yardstick'].includes(variant))
  throw new Error(`build-once.ts: variant is with, without, probe or yardstick, not ${variant}`);
// `i18n`: the multilingual site of build-cost.ts, with the widget loading on interaction.
const i18n = shape === 'i18n' ? { defaultLocale: 'en', locales: ['en', 'ru'] } : undefined;
const chatra = { id: CHATRA_ID, ...(shape && { load: 'interaction' as const }) };
const write = (file: string, text: string) => {
  const probeDir = join(outDir, '..', '.bench-probe');
  mkdirSync(probeDir, { recursive: true });
  writeFileSync(join(probeDir, file), text);
  return join(probeDir, file);
};
const ours =
  variant === 'without' ? [] : [variant === 'yardstick' ? copyingIntegration(write) : chatraWhatsApp({ whatsapp: SHORT_LINK, chatra })];
const probe = variant === 'probe' || variant === 'yardstick' ? probed(ours, write) : undefined;
// `starlight`: the documentation site of starlight-cost.ts (no search index: the same for both).
const site: AstroIntegration[] =
  shape === 'starlight'
    ? [
        (await import('@astrojs/starlight')).default({ title: 'Docs', pagefind: false, locales: STARLIGHT_LOCALES }),
        ...(probe?.integrations ?? ours),
      ]
    : [mdx(), ...(probe?.integrations ?? ours)];
const integrations = site;
const start = performance.now();
const cpuStart = process.cpuUsage();
await build({ root, outDir, logLevel: 'error', configFile: false, integrations, i18n, ...(probe && { build: { concurrency: 1 } }) });
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, probe: probe?.times }));
