/**
 * What each variant costs a visitor in bytes (gzip -9, and Brotli at its best, which many hosts and
 * CDNs send instead), against the same page with no chat:
 * per page view once the site's files are cached (what the HTML gains), and on a first visit
 * (the HTML, plus every file of ours the page fetches before the visitor does anything: the
 * stylesheet, the loader or the analytics listener, and with \`eager\`/\`idle\` the page's texts).
 * With \`interaction\` the loader's chat part and the texts come when the visitor acts: not counted.
 * chatra.js itself is Chatra's, the same for every way of loading it, and not counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import mdx from '@astrojs/mdx';
import { build } from 'astro';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { CHATRA_ID, SHORT_LINK, writeSite } from './sites.ts';

export type Variant = 'none' | 'button' | 'greeting' | 'eager' | 'idle' | 'interaction' | 'snippet';
export const variants: Variant[] = ['none', 'button', 'greeting', 'eager', 'idle', 'interaction', 'snippet'];
/** The `greeting` variant: the button with a greeting as the anchors show one (name, text, note). */
const GREETING = { text: 'Hi 👋 Any questions? We answer on WhatsApp', name: 'Acme', note: 'Typically replies within an hour' };
const gzip = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length;
const brotli = (text: string | Uint8Array) =>
  brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;

export async function measurePageBytes(work: string) {
  const sites: Record<Variant, string> = {} as never;
  for (const variant of variants) {
    const root = join(work, `site-${variant}`);
    writeSite(root, { pages: 1, snippet: variant === 'snippet' });
    const chatra = ['eager', 'idle', 'interaction'].includes(variant) ? { id: CHATRA_ID, load: variant as 'eager' } : undefined;
    const integrations = [
      mdx(),
      ...(variant === 'none' || variant === 'snippet'
        ? []
        : [chatraWhatsApp({ whatsapp: SHORT_LINK, chatra, ...(variant === 'greeting' && { fallback: { greeting: GREETING } }) })]),
    ];
    await build({ root, outDir: join(root, 'dist'), logLevel: 'error', configFile: false, integrations });
    sites[variant] = join(root, 'dist');
  }
  const html = (variant: Variant) => readFileSync(join(sites[variant], 'page-0/index.html'), 'utf8');
  const floor = gzip(html('none'));
  const floorBrotli = brotli(html('none'));
  const addedGzip = {} as Record<Variant, number>;
  const firstVisitGzip = {} as Record<Variant, number>;
  const addedBrotli = {} as Record<Variant, number>;
  const firstVisitBrotli = {} as Record<Variant, number>;
  for (const variant of variants) {
    const page = html(variant);
    addedGzip[variant] = gzip(page) - floor;
    addedBrotli[variant] = brotli(page) - floorBrotli;
    // Our files the page names (stylesheet, scripts), and the texts its page data names when the widget starts by itself.
    const files = [...page.matchAll(/(?:href|src)="(\/_astro\/acw-[^"]+)"/g)].map((match) => readFileSync(join(sites[variant], match[1])));
    const texts = /"texts":"(\/_astro\/acw-[^"]+)"/.exec(page)?.[1];
    if (texts && (variant === 'eager' || variant === 'idle')) files.push(readFileSync(join(sites[variant], texts)));
    firstVisitGzip[variant] = addedGzip[variant] + files.reduce((sum, file) => sum + gzip(file), 0);
    firstVisitBrotli[variant] = addedBrotli[variant] + files.reduce((sum, file) => sum + brotli(file), 0);
  }
  return { floorGzip: floor, addedGzip, firstVisitGzip, addedBrotli, firstVisitBrotli, sites };
}
