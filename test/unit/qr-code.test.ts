import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrCodeSvg } from '../../integration/qr-code.ts';

const PX = 4; // pixels per module

/** Draws the SVG's dark runs, white everywhere else, and reads it back with jsQR. */
function decode(svg: string): string | undefined {
  const n = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  expect(svg).toContain(`<path fill="#fff" d="M0 0h${n}v${n}H0z"/>`);
  const d = /<path fill="#000" d="([^"]*)"\/>/.exec(svg)![1];
  const run = /M(\d+) (\d+)h(\d+)v1h-\3z/gy;
  const side = n * PX;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = run.exec(d))) {
    end = run.lastIndex;
    const [x, y, w] = match.slice(1).map(Number);
    expect(x + w).toBeLessThanOrEqual(n - 4); // the quiet zone stays white
    for (let py = y * PX; py < (y + 1) * PX; py++) {
      for (let px = x * PX; px < (x + w) * PX; px++) pixels.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
    }
  }
  expect(end).toBe(d.length); // every command was a run
  return jsQR(pixels, side, side)?.data;
}

describe('qrCodeSvg', () => {
  it('encodes a short link', () => {
    const link = 'https://wa.me/message/4O4YGZEG3RIVE1';
    expect(decode(qrCodeSvg(link, 'Chat on WhatsApp'))).toBe(link);
  });

  it('encodes a phone link with a long prefilled text in Cyrillic and emoji', () => {
    const link = 'https://wa.me/14155550123?text=' + encodeURIComponent('Привет! A question about "Pricing" 😀 & more');
    expect(decode(qrCodeSvg(link, 'Chat on WhatsApp', 200))).toBe(link);
  });

  it('sizes itself only when asked', () => {
    expect(qrCodeSvg('https://wa.me/14155550123', 'x')).not.toMatch(/width=|height=/);
    expect(qrCodeSvg('https://wa.me/14155550123', 'x', 200)).toContain(' width="200" height="200"');
  });

  it('escapes the title and carries no script or inline style', () => {
    const svg = qrCodeSvg('https://wa.me/14155550123', `<script>alert("x" & 'y')</script>`);
    const title = /<title>(.*)<\/title>/.exec(svg)![1];
    expect(title).not.toMatch(/[<>"']|&(?!#\d+;|[a-z]+;)/);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('style=');
  });
});
