/**
 * One build in a fresh process, so its peak memory is its own. Prints
 * `{ "ms": …, "cpuMs": …, "maxRssKb": … }` (cpuMs: user + system time of all its threads, less
 * sensitive than wall time to what else the machine is doing). Usage: node build-once.ts <root> <outDir> <with|without>
 */
import mdx from '@astrojs/mdx';
import { build } from 'astro';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { CHATRA_ID, SHORT_LINK } from './sites.ts';

const [root, outDir, variant] = process.argv.slice(2);
const integrations = [mdx(), ...(variant === 'with' ? [chatraWhatsApp({ whatsapp: SHORT_LINK, chatra: { id: CHATRA_ID } })] : [])];
const start = performance.now();
const cpuStart = process.cpuUsage();
await build({ root, outDir, logLevel: 'error', configFile: false, integrations });
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS }));
