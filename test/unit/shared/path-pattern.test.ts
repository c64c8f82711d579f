import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, test } from 'vitest';
import { pathMatcher, pathPatternProblem } from '../../../integration/shared/path-pattern.ts';

const match = (pattern: string, path: string) => pathMatcher([pattern])(path);

/** The same rules, written as the plainest recursion (exponential, fine on small inputs): the reference. */
function reference(pattern: string, path: string): boolean {
  const trim = (text: string) => (text.length > 1 && text.endsWith('/') ? text.slice(0, -1) : text);
  const segments = (pat: string[], segs: string[]): boolean => {
    if (pat.length === 0) return segs.length === 0;
    if (pat[0] === '**')
      return segments(pat.slice(1), segs) || (segs.length > 0 && !segs[0].startsWith('.') && segments(pat, segs.slice(1)));
    return segs.length > 0 && segment(pat[0].replace(/\*+/g, '*'), segs[0]) && segments(pat.slice(1), segs.slice(1));
  };
  const segment = (pat: string, text: string): boolean => {
    if (text.startsWith('.') && !pat.startsWith('.')) return false;
    if (text === '' && /^\*+$/.test(pat)) return false;
    const chars = (p: number, t: number): boolean => {
      if (p === pat.length) return t === text.length;
      if (pat[p] === '*') return chars(p + 1, t) || (t < text.length && chars(p, t + 1));
      return t < text.length && (pat[p] === '?' || pat[p] === text[t]) && chars(p + 1, t + 1);
    };
    return chars(0, 0);
  };
  return segments(trim(pattern).split('/'), trim(path).split('/'));
}

describe('path patterns', () => {
  test.each([
    ['/checkout/**', '/checkout', true],
    ['/checkout/**', '/checkout/', true],
    ['/checkout/**', '/checkout/pay/now/', true],
    ['/checkout/**', '/checkouts/', false],
    ['/blog/*', '/blog/', false],
    ['/blog/*', '/blog/post/', true],
    ['/blog/*', '/blog/post/comments/', false],
    ['/blog/*-*-*/**', '/blog/2026-12-02/post/', true],
    ['/blog/*-*-*/**', '/blog/2026/post/', false],
    ['/about', '/about/', true],
    ['/about/', '/about', true],
    ['/**', '/', true],
    ['/**', '/.well-known/security.txt', false],
    ['/.well-known/**', '/.well-known/security.txt', true],
    ['/*', '/.env', false],
    ['/a/?', '/a/b', true],
    ['/a/?', '/a/bc', false],
    ['/**/*.html', '/x.html', true],
    ['/**/*.html', '/a/b/x.html', true],
    ['/{cart,checkout}/**', '/cart/', true],
    ['/{cart,checkout}/**', '/checkout/pay/', true],
    ['/{cart,checkout}/**', '/shop/', false],
    ['/shop/{a,b}-{1,2}', '/shop/b-2', true],
    ['/привет/**', '/привет/мир/', true],
    ['**', '/a/b/', true],
    ['**/print', '/x/print', true],
    ['**/print', '/print', true],
  ])('%s on %s: %s', (pattern, path, expected) => {
    expect(pathPatternProblem(pattern)).toBeUndefined();
    expect(match(pattern, path)).toBe(expected);
  });

  test.each([
    ['blog/**', /does not start with "\/"/],
    ['!/blog/**', /negation/],
    ['/blog/[0-9]*', /"\["/],
    ['/blog/@(a|b)', /"\("/],
    ['/x/{a,{b,c}}', /nests braces/],
    ['/x/{a,b', /never closes/],
    ['/x/a}', /never opened/],
    ['/{a,b,c,d}/{a,b,c,d}/{a,b,c,d}/{a,b}', /more than 64/],
    ['/{a,b}'.repeat(30), /more than 64/],
    ['**.xml', /does not start with "\/"/],
    ['***/x', /does not start with "\/"/],
  ])('%s is refused: %s', (pattern, problem) => {
    expect(pathPatternProblem(pattern)).toMatch(problem);
  });

  test('as picomatch on the paths sites have, where its rules and these agree (no trailing-slash or dot-segment differences)', () => {
    const patterns = [
      '/blog/**',
      '/blog/*',
      '/blog/*-*-*/**',
      '/shop/*/reviews',
      '/docs/**/api/*',
      '/**/print',
      '/a?c/**',
      '/{en,ru}/blog/**',
    ];
    const paths = [
      '/blog/a',
      '/blog/a/b',
      '/blog/2026-12-02/x',
      '/shop/tea/reviews',
      '/docs/v1/api/x',
      '/docs/api/x',
      '/x/print',
      '/abc/d',
      '/ru/blog/x',
      '/de/blog/x',
    ];
    for (const pattern of patterns) {
      const theirs = picomatch(pattern, { noextglob: true });
      for (const path of paths) expect(match(pattern, path), `${pattern} on ${path}`).toBe(theirs(path));
    }
  });

  test("a visitor's 2 KB path against patterns whose regular expressions backtrack: answered (picomatch: seconds each)", () => {
    const dashes = '/blog/' + '-'.repeat(2040);
    expect(match('/blog/*-*-*/**', dashes)).toBe(true);
    expect(match('/blog/*-*-*x/**', dashes)).toBe(false);
    expect(match('/**/*-*-*/**/q', '/' + Array.from({ length: 32 }, () => '-'.repeat(63)).join('/'))).toBe(false);
    expect(match('/a/*a*a*a*a*a*/**', '/a/' + 'a'.repeat(2040))).toBe(true);
  });

  test('matches as the plain recursion of the same rules does (fast-check, 10,000 runs)', () => {
    const segment = fc.oneof(fc.constant('**'), fc.stringMatching(/^[ab.*?-]{0,4}$/));
    const pattern = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => '/' + segments.join('/'));
    const path = fc.array(fc.stringMatching(/^[ab.-]{0,4}$/), { minLength: 1, maxLength: 5 }).map((segments) => '/' + segments.join('/'));
    fc.assert(
      fc.property(pattern, path, (p, s) => {
        expect(match(p, s)).toBe(reference(p, s));
      }),
      { numRuns: 10_000 },
    );
  });
});
