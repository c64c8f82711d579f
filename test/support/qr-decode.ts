import jsQR from 'jsqr';
import { expect } from 'vitest';

const PX = 4; // pixels per module

/** Draws the SVG's dark runs, white everywhere else, and reads it back with jsQR. */
export function decodeQrSvg(svg: string): string | undefined {
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
