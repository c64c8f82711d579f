import { describe, expect, test } from 'vitest';
import { clientAssets } from '../../../integration/config/client-assets.ts';
import { resolveOptions } from '../../../integration/config/resolve.ts';
import { toRuntimeOptions } from '../../../integration/config/virtual-module.ts';
import { checkProps, componentLink } from '../../../integration/runtime/component-link.ts';
import { keptRequestedUrl } from '../../../integration/shared/page-path.ts';

async function options(site: string | undefined, extra: object = {}) {
  const resolved = await resolveOptions({ whatsapp: { phone: '+7 900 123-45-67', text: 'Hi' }, ...extra }, { site });
  return toRuntimeOptions(resolved, clientAssets(resolved, '/'), {
    base: '/',
    trailingSlash: 'ignore',
    format: 'directory',
    settingKey: 'testkey',
  });
}

const message = (href: string) => new URL(href).searchParams.get('text');

describe('components: the contact they name', () => {
  test('an unknown contact is an error naming the prop and listing the contacts', async () => {
    const two = await options(undefined, {
      whatsapp: [
        { label: 'Sales', phone: '+7 900 123-45-67' },
        { label: 'Support', phone: '+7 900 123-45-68' },
      ],
    });
    const props = { component: 'WhatsAppButton' as const, contact: 'Billing', url: new URL('https://shop.example/') };
    expect(() => componentLink(two, props)).toThrow(/<WhatsAppButton contact>.*"Billing" is not one of your WhatsApp contacts/);
    try {
      componentLink(two, props);
    } catch (error) {
      expect((error as { hint?: string }).hint).toBe('Use one of "Sales", "Support".');
    }
  });
});

describe('components after rewrites: the address the visitor asked for', () => {
  test('a page reached through two rewrites (/a → /b → /c): {path} is /a, as the middleware kept it on locals, not the last hop’s origin', async () => {
    const withSite = await options('https://shop.example');
    const locals = {};
    // The middleware's first run, on the visitor's request.
    expect(keptRequestedUrl(locals, new URL('https://shop.example/a'), '/a', '/').pathname).toBe('/a');
    // A later run after the second rewrite gets the same; the site's own code doesn't see it among its locals.
    expect(keptRequestedUrl(locals, new URL('https://shop.example/c'), '/b', '/').pathname).toBe('/a');
    expect(Object.keys(locals)).toEqual([]);
    expect(JSON.stringify(locals)).toBe('{}');
    const props = { component: 'WhatsAppQR' as const, text: 'At {path}', url: new URL('https://shop.example/c'), originPathname: '/b' };
    expect(message(componentLink(withSite, { ...props, locals }).qrHref)).toBe('At /a/');
    // Without the kept address (a single rewrite as Astro reports it): the origin.
    expect(message(componentLink(withSite, props).qrHref)).toBe('At /b/');
  });
});

describe('components in a server island', () => {
  test("the QR code's message keeps {title} and {path} as written, as the link beside it does, not the island endpoint's address", async () => {
    const withSite = await options('https://shop.example');
    const island = {
      component: 'WhatsAppQR' as const,
      text: 'About {title} at {path}',
      url: new URL('https://shop.example/_server-islands/Deferred/'),
      routePattern: '/_server-islands/[name]',
    };
    const { href, qrHref } = componentLink(withSite, island);
    expect(message(qrHref)).toBe('About {title} at {path}');
    expect(qrHref).toBe(href);
    // On a page, filled in.
    expect(message(componentLink(withSite, { ...island, url: new URL('https://shop.example/p'), routePattern: '/p' }).qrHref)).toBe(
      'About /p/ at /p/',
    );
  });
});

describe('components: a message that names {url}', () => {
  test('needs `site` (a build error naming the component), and takes the address from it, never from the request', async () => {
    const withoutSite = await options(undefined);
    const props = { component: 'WhatsAppButton' as const, text: 'See {url}', url: new URL('https://attacker.example/p') };
    expect(() => componentLink(withoutSite, props)).toThrow(/<WhatsAppButton text>.*site/s);
    const withSite = await options('https://shop.example');
    const { qrHref } = componentLink(withSite, props);
    expect(message(qrHref)).toBe('See https://shop.example/p/');
  });
});

describe('component props are checked, never written as markup', () => {
  test('a size, variant or theme outside what the prop takes is an error naming the prop', async () => {
    expect(() => checkProps('WhatsAppQR', { size: '"><img src=x onerror=alert(1)>' })).toThrow(/<WhatsAppQR size>.*64 to 1024/);
    expect(() => checkProps('WhatsAppQR', { size: Infinity })).toThrow(/<WhatsAppQR size>/);
    expect(() => checkProps('WhatsAppButton', { size: '"><img src=x>' })).toThrow(/<WhatsAppButton size>.*"small"/);
    expect(() => checkProps('WhatsAppButton', { theme: 'x" onmouseover="alert(1)' })).toThrow(/<WhatsAppButton theme>/);
    expect(() => checkProps('WhatsAppButton', { label: { toString: () => '<b>' } })).toThrow(/<WhatsAppButton label>.*a string/);
    expect(() => checkProps('WhatsAppButton', { size: 'large', theme: 'auto', variant: 'floating', qr: true, label: 'Hi' })).not.toThrow();
    expect(() => checkProps('WhatsAppQR', { size: 200, label: 'QR' })).not.toThrow();
  });

  test('a value JSON cannot write (a BigInt, an object that holds itself) gets the same error, not a TypeError', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const thrown = (props: Record<string, unknown>) => {
      try {
        checkProps('WhatsAppButton', props);
      } catch (error) {
        return error as Error;
      }
    };
    expect(thrown({ size: 10n })).toMatchObject({
      name: 'AstroUserError',
      message: expect.stringMatching(/^`<WhatsAppButton size>`: is 10n; expected one of "small"/),
    });
    expect(thrown({ label: cyclic })?.message).toMatch(/^`<WhatsAppButton label>`: is an object.*; expected a string/);
  });
});

describe("components: pageTitle, what {title} becomes in a QR code's message", () => {
  test("made fit as the document's title is: no bidirectional override, capped at a word", async () => {
    const site = await options('https://shop.example', { whatsapp: { phone: '+7 900 123-45-67', text: 'About {title}' } });
    const link = (pageTitle: string) =>
      message(componentLink(site, { component: 'WhatsAppQR', pageTitle, url: new URL('https://shop.example/p/') }).qrHref);
    expect(link('Comp \u202e title')).toBe('About Comp title');
    const long = link('word '.repeat(1000));
    expect(long!.length).toBeLessThanOrEqual('About '.length + 200);
    expect(long!.endsWith('word…')).toBe(true);
    // Nothing left of it: the page's path, as without one.
    expect(link('\u202e ')).toBe('About /p/');
  });
});
