import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { cspAdditions, widenDirectives, widenSiteDirectives } from '../../../integration/config/csp.ts';

describe('cspAdditions (merged into security.csp)', () => {
  const styles = ['.acw-floating{position:fixed}'];

  test('CSP off stays off', () => {
    expect(cspAdditions(false, { styles, loadsChatra: true })).toBeUndefined();
  });

  test("csp: true gets the algorithm it then needs, the style hash, chatra.js and 'self'", () => {
    const additions = cspAdditions(true, { styles, loadsChatra: true })!;
    expect(additions.algorithm).toBe('SHA-256');
    expect(additions.styleDirective.hashes).toEqual(['sha256-' + createHash('sha256').update(styles[0]).digest('base64')]);
    expect(additions.scriptDirective!.resources).toEqual(["'self'", 'https://call.chatra.io']);
  });

  test('a policy with script sources of its own keeps them (merge concatenates) and gets only chatra.js', () => {
    const additions = cspAdditions({ algorithm: 'SHA-384', scriptDirective: { resources: ["'self'", 'https://cdn.example'] } } as never, {
      styles,
      loadsChatra: true,
    })!;
    expect(additions.algorithm).toBeUndefined();
    expect(additions.scriptDirective!.resources).toEqual(['https://call.chatra.io']);
  });

  test('without Chatra, only the style hash', () => {
    expect(cspAdditions(true, { styles, loadsChatra: false })!.scriptDirective).toBeUndefined();
  });
});

describe('widenDirectives', () => {
  test("adds Chatra's hosts to the frame and connect directives the site restricts, never to default-src", () => {
    const { directives, closed } = widenDirectives([
      "img-src 'self' data:",
      'frame-src https://www.youtube.com',
      "connect-src 'self'",
      "default-src 'self'",
    ]);
    expect(directives).toEqual([
      "img-src 'self' data:",
      'frame-src https://www.youtube.com https://chat.chatra.io',
      "connect-src 'self' https://*.chatra.io wss://*.chatra.io",
      "default-src 'self'",
    ]);
    expect(closed).toEqual([]);
  });

  test('a site with only default-src: frame-src and connect-src are added, seeded from it; default-src stays as it was', () => {
    expect(widenDirectives(["default-src 'self' https://cdn.example"]).directives).toEqual([
      "default-src 'self' https://cdn.example",
      "frame-src 'self' https://cdn.example https://chat.chatra.io",
      "connect-src 'self' https://cdn.example https://*.chatra.io wss://*.chatra.io",
    ]);
    // Frames fall back to child-src before default-src: widening child-src is enough there.
    expect(widenDirectives(["child-src 'self'", "default-src 'self'"]).directives).toEqual([
      "child-src 'self' https://chat.chatra.io",
      "default-src 'self'",
      "connect-src 'self' https://*.chatra.io wss://*.chatra.io",
    ]);
    expect(widenDirectives(["default-src 'none'"])).toEqual({ directives: ["default-src 'none'"], closed: ['frame-src', 'connect-src'] });
  });

  test('never adds a directive the site did not write, and is idempotent', () => {
    const once = widenDirectives(["img-src 'self'"]).directives;
    expect(once).toEqual(["img-src 'self'"]);
    const twice = widenDirectives(widenDirectives(['frame-src https://a.example']).directives).directives;
    expect(twice).toEqual(['frame-src https://a.example https://chat.chatra.io']);
  });

  test("'none' is the site's decision: left alone and reported", () => {
    expect(widenDirectives(["frame-src 'none'"])).toEqual({ directives: ["frame-src 'none'"], closed: ['frame-src'] });
  });
});

describe('widenSiteDirectives', () => {
  test("changes the site's own directives array in place (what Astro keeps) and reports closed ones", () => {
    const csp = { algorithm: 'SHA-256' as const, directives: ['frame-src https://a.example', "connect-src 'none'"] };
    const array = csp.directives;
    expect(widenSiteDirectives(csp as never)).toEqual(['connect-src']);
    expect(csp.directives).toBe(array);
    expect(array).toEqual(['frame-src https://a.example https://chat.chatra.io', "connect-src 'none'"]);
  });

  test('a policy without directives, or CSP off, is left alone', () => {
    expect(widenSiteDirectives(false)).toEqual([]);
    expect(widenSiteDirectives(true)).toEqual([]);
    expect(widenSiteDirectives({ algorithm: 'SHA-256' } as never)).toEqual([]);
  });
});

test("Astro 5's experimental.csp, which the integration doesn't read, gets a warning saying what is left to the site", async () => {
  const { unreadPolicyWarning } = await import('../../../integration/config/csp.ts');
  expect(unreadPolicyWarning({ experimental: { csp: true } })).toMatch(/experimental\.csp \(Astro 5\).*call\.chatra\.io/);
  expect(unreadPolicyWarning({ experimental: {} })).toBeUndefined();
  expect(unreadPolicyWarning({})).toBeUndefined();
});
