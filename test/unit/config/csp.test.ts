import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  allowsOwnStylesheets,
  blockedLoaderWarning,
  cspAdditions,
  widenDirectives,
  widenSiteDirectives,
} from '../../../integration/config/csp.ts';

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

  test("element-scoped sources (Astro writes script-src-elem, which rules <script> elements): chatra.js and 'self' go there too", () => {
    const own = cspAdditions({ scriptDirective: { resources: [{ resource: 'https://cdn.example', kind: 'element' }] } } as never, {
      styles,
      loadsChatra: true,
    })!;
    // No default-kind sources of the site's: 'self' added, which Astro would otherwise have put into script-src-elem itself.
    expect(own.scriptDirective!.resources).toEqual([
      "'self'",
      'https://call.chatra.io',
      { resource: "'self'", kind: 'element' },
      { resource: 'https://call.chatra.io', kind: 'element' },
    ]);
    const withSelf = cspAdditions(
      { scriptDirective: { resources: ["'self'", { resource: "'self'", kind: 'element' }], hashes: [] } } as never,
      { styles, loadsChatra: true },
    )!;
    expect(withSelf.scriptDirective!.resources).toEqual([
      'https://call.chatra.io',
      { resource: 'https://call.chatra.io', kind: 'element' },
    ]);
    // An element-scoped hash makes script-src-elem too.
    const hashed = cspAdditions({ scriptDirective: { hashes: [{ hash: 'sha256-abc', kind: 'element' }] } } as never, {
      styles,
      loadsChatra: true,
    })!;
    expect(hashed.scriptDirective!.resources).toContainEqual({ resource: 'https://call.chatra.io', kind: 'element' });
  });

  test("a script policy without 'self' would block the loader (a file of the site's): the build says so and how to allow it", () => {
    const warn = (csp: unknown) => blockedLoaderWarning(csp as never, true);
    expect(warn(true)).toBeUndefined();
    expect(warn({ scriptDirective: { resources: ["'self'"] } })).toBeUndefined();
    expect(warn({ scriptDirective: {} })).toBeUndefined();
    expect(warn({ scriptDirective: { resources: ['https://www.googletagmanager.com'] } })).toMatch(
      /security\.csp\.scriptDirective\.resources.*'self'.*strictDynamic/s,
    );
    expect(warn({ scriptDirective: { resources: ["'self'", { resource: 'https://gtm.example', kind: 'element' }] } })).toMatch(/'self'/);
    // 'strict-dynamic': the hashed bootstrap adds the loader, which the policy then trusts.
    expect(warn({ scriptDirective: { resources: ['https://gtm.example'], strictDynamic: true } })).toBeUndefined();
    expect(blockedLoaderWarning({ scriptDirective: { resources: ['https://gtm.example'] } } as never, false)).toBeUndefined();
  });

  test("the site's own stylesheets allowed, element-scoped sources read too (else the stylesheet goes inline, hashed)", () => {
    expect(allowsOwnStylesheets(true)).toBe(true);
    expect(allowsOwnStylesheets({ styleDirective: { resources: ['https://fonts.example'] } } as never)).toBe(false);
    expect(allowsOwnStylesheets({ styleDirective: { resources: [{ resource: 'https://fonts.example', kind: 'element' }] } } as never)).toBe(
      true,
    );
    expect(
      allowsOwnStylesheets({
        styleDirective: { resources: ["'self'", { resource: 'https://fonts.example', kind: 'element' }] },
      } as never),
    ).toBe(false);
    expect(
      allowsOwnStylesheets({
        styleDirective: { resources: ['https://x.example', { resource: "'self'", kind: 'element' }] },
      } as never),
    ).toBe(true);
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
