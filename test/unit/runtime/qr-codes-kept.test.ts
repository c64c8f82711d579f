import { describe, expect, test } from 'vitest';
import { qrCodesKept } from '../../../integration/runtime/qr-codes-kept.ts';

describe("the floating button's QR codes a server keeps", () => {
  const drawing = () => {
    const drawn: string[] = [];
    const draw = (link: string, title: string) => {
      drawn.push(link);
      return link.length > 50 ? undefined : `<svg>${title}:${link}</svg>`.padEnd(40, ' ');
    };
    return { drawn, draw };
  };

  test('each link drawn once while it is kept; kept by size, the least recently asked for dropped first', () => {
    const { drawn, draw } = drawing();
    const warnings: string[] = [];
    // Room for two codes of 40 characters.
    const code = qrCodesKept(draw, (message) => warnings.push(message), 100);
    code('a', 'T');
    code('a', 'T');
    code('b', 'T');
    expect(drawn).toEqual(['a', 'b']);
    code('a', 'T'); // a: the most recent again
    code('c', 'T'); // drops b, not a
    code('a', 'T');
    code('b', 'T');
    expect(drawn).toEqual(['a', 'b', 'c', 'b']);
    // Another title is another code (its <title> differs).
    code('a', 'U');
    expect(drawn).toEqual(['a', 'b', 'c', 'b', 'a']);
    expect(warnings).toEqual([]);
  });

  test('a link too long for any code: no code (the plain button), said once, kept as such', () => {
    const { drawn, draw } = drawing();
    const warnings: string[] = [];
    const code = qrCodesKept(draw, (message) => warnings.push(message));
    const long = 'x'.repeat(60);
    expect(code(long, 'T')).toBeUndefined();
    expect(code(long, 'T')).toBeUndefined();
    expect(code(long + 'y', 'T')).toBeUndefined();
    expect(drawn).toHaveLength(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/fallback\.qr: a link of 60 characters is too long for a QR code/);
  });

  test('a code larger than the whole budget is still given, and kept until the next', () => {
    const { drawn, draw } = drawing();
    const code = qrCodesKept(draw, () => {}, 10);
    expect(code('a', 'T')).toMatch(/^<svg>/);
    expect(code('a', 'T')).toMatch(/^<svg>/);
    code('b', 'T');
    code('a', 'T');
    expect(drawn).toEqual(['a', 'b', 'a']);
  });
});
