import { describe, expect, it } from 'vitest';
import { qrCodeSvg as draw } from '../../../integration/runtime/qr-code.ts';

const qrCodeSvg = (link: string, title: string, size?: number) => draw(link, title, size)!;
import { decodeQrSvg as decode } from '../../support/qr-decode.ts';

describe('qrCodeSvg', () => {
  it('encodes a short link', () => {
    const link = 'https://wa.me/message/4O4YGZEG3RIVE1';
    expect(decode(qrCodeSvg(link, 'Chat on WhatsApp'))).toBe(link);
  });

  it('encodes a phone link with a long prefilled text in Cyrillic and emoji', () => {
    const link = 'https://wa.me/14155550123?text=' + encodeURIComponent('Привет! A question about "Pricing" 😀 & more');
    expect(decode(qrCodeSvg(link, 'Chat on WhatsApp', 200))).toBe(link);
  });

  it('gives nothing for a link no QR code can hold', () => {
    expect(draw('https://wa.me/14155550123?text=' + 'x'.repeat(3000), 'x')).toBeUndefined();
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
