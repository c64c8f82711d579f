/**
 * A QR code of the WhatsApp link, drawn as a small inline SVG: no JavaScript and no image request
 * on the page. Always dark on white with a 4-module quiet zone, whatever the page's theme, since
 * that is what scanners read reliably. uqr is pure ESM with no Node built-ins, so this runs per
 * request on any runtime (Node, workerd, Deno).
 */
import { encode } from 'uqr';
import { CLASS } from '../shared/dom.ts';
import { escapeHtml } from '../shared/escape.ts';

const QUIET_ZONE = 4;

/**
 * The SVG of `link` as a QR code (error correction M), titled `title` for screen readers, or
 * undefined when the link is too long for any QR code. Without `size` it has no width or height,
 * so CSS sizes it; with it, both are `size`.
 */
export function qrCodeSvg(link: string, title: string, size?: number): string | undefined {
  let modules: boolean[][];
  try {
    modules = encode(link, { ecc: 'M', boostEcc: false, border: 0 }).data;
  } catch {
    return undefined;
  }
  const count = modules.length;
  const n = count + 2 * QUIET_ZONE;
  // One subpath per horizontal run of dark modules.
  let dark = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count;) {
      if (!modules[row][col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules[row][col]) col++;
      const width = col - start;
      dark += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${width}v1h-${width}z`;
    }
  }
  const dimensions = size === undefined ? '' : ` width="${size}" height="${size}"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}"${dimensions} role="img" class="${CLASS.qr}" shape-rendering="crispEdges">` +
    `<title>${escapeHtml(title)}</title><path fill="#fff" d="M0 0h${n}v${n}H0z"/><path fill="#000" d="${dark}"/></svg>`
  );
}
