/**
 * One build in a fresh process, so its peak memory is its own. Prints
 * `{ "ms": …, "maxRssKb": … }`. Usage: node build-once.ts <root> <outDir> <with|without>
 */
import mdx from '@astrojs/mdx';
import { build } from 'astro';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { CHATRA_ID, SHORT_LINK } from './sites.ts';

const [root, outDir, variant] = process.argv.slice(2);
const integrations = [mdx(), ...(variant === 'with' ? [chatraWhatsApp({ whatsapp: SHORT_LINK, chatra: { id: CHATRA_ID } })] : [])];
const start = performance.now();
await build({ root, outDir, logLevel: 'error', configFile: false, integrations });
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS }));
