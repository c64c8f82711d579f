import { describe, expect, test } from 'vitest';
import { clientAssets, filesPlace } from '../../../integration/config/client-assets.ts';
import { resolveOptions } from '../../../integration/config/resolve.ts';

const resolved = await resolveOptions(
  { whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra: { id: 'SomeChatraId' } },
  { site: undefined },
);

describe('where the client files go', () => {
  test("in the site's assets folder, which every adapter serves cached for good, under names of their own", () => {
    const place = filesPlace({ assets: '_astro' });
    const assets = clientAssets(resolved, '/docs/', { place });
    expect(assets.loaderUrl).toMatch(/^\/docs\/_astro\/acw-loader\.[0-9a-f]{10}\.js$/);
    expect(assets.textsUrls.en).toMatch(/^\/docs\/_astro\/acw-en\.[0-9a-f]{10}\.json$/);
    expect(Object.keys(assets.files).every((name) => name.startsWith('acw-'))).toBe(true);
    // The loader takes texts from there only, those names.
    expect(assets.files[assets.loaderUrl!.split('/').pop()!].body).toContain('"files":"/docs/_astro/acw-"');
    expect(clientAssets(resolved, '/', { place: filesPlace({ assets: 'assets' }) }).loaderUrl).toMatch(/^\/assets\/acw-loader\./);
  });

  test('a base with a space or other letters than ASCII: the loader checks texts by the address a browser reads (percent-encoded)', () => {
    const place = filesPlace({ assets: '_astro' });
    for (const [base, files] of [
      ['/my docs/', '/my%20docs/_astro/acw-'],
      ['/доки', '/%D0%B4%D0%BE%D0%BA%D0%B8/_astro/acw-'],
    ]) {
      const assets = clientAssets(resolved, base, { place });
      expect(assets.files[assets.loaderUrl!.split('/').pop()!].body).toContain(`"files":"${files}"`);
      expect(new URL(assets.textsUrls.en!, 'https://example.com').pathname.startsWith(files)).toBe(true);
    }
  });

  test('with build.assetsPrefix (that folder served from another origin): a folder of their own on this one', () => {
    const assets = clientAssets(resolved, '/', { place: filesPlace({ assets: '_astro', assetsPrefix: 'https://cdn.example.com' }) });
    expect(assets.loaderUrl).toMatch(/^\/_acw\/loader\.[0-9a-f]{10}\.js$/);
    expect(assets.files[assets.loaderUrl!.split('/').pop()!].body).toContain('"files":"/_acw/"');
  });
});

describe('what a page without the widget gets on a site with Chatra', () => {
  test('the analytics listener alone: a cached file, or inline (hashed) under CSP strict-dynamic; nothing with analytics: false', async () => {
    const cached = clientAssets(resolved, '/');
    expect(cached.listener.bootstrap).toBe('');
    expect(cached.listener.scriptUrl).toMatch(/^\/_astro\/acw-analytics\.[0-9a-f]{10}\.js$/);
    const listener = cached.files[cached.listener.scriptUrl!.split('/').pop()!].body;
    expect(listener).toContain('whatsapp:click');
    expect(listener).not.toContain('call.chatra.io');
    const inline = clientAssets(resolved, '/', { insertLoader: true });
    expect(inline.listener).toEqual({ bootstrap: listener });
    const off = await resolveOptions(
      { whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra: { id: 'SomeChatraId' }, analytics: false },
      { site: undefined },
    );
    expect(clientAssets(off, '/').listener).toEqual({ bootstrap: '' });
  });
});

describe('the analytics listener beside the loader', () => {
  const site = { site: undefined };
  const bodyOf = (assets: ReturnType<typeof clientAssets>, url: string) => assets.files[url.split('/').pop()!]!.body;
  const loaderConfig = (assets: ReturnType<typeof clientAssets>) =>
    JSON.parse(/\}\((\{"chat".*\})\)\}\)\(\);?$/.exec(bodyOf(assets, assets.loaderUrl!))![1]!) as Record<string, unknown>;

  test('eager and idle: in the loader; interaction: the file a page without the widget gets, named in the loader (fetched at the first act)', async () => {
    const eager = clientAssets(resolved, '/');
    expect(bodyOf(eager, eager.loaderUrl!)).toContain('whatsapp:click');
    const interaction = clientAssets(
      await resolveOptions({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra: { id: 'SomeChatraId', load: 'interaction' } }, site),
      '/',
    );
    expect(bodyOf(interaction, interaction.loaderUrl!)).not.toContain('whatsapp:click');
    const config = loaderConfig(interaction);
    expect(config.analytics).toBe(interaction.listener.scriptUrl);
    expect(bodyOf(interaction, config.analytics as string)).toContain('whatsapp:click');
    // Under CSP 'strict-dynamic' a page without the widget gets it inline; the loader still fetches the file.
    const inserted = clientAssets(
      await resolveOptions({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra: { id: 'SomeChatraId', load: 'interaction' } }, site),
      '/',
      { insertLoader: true },
    );
    expect(bodyOf(inserted, /"loader":"([^"]+)"/.exec(inserted.bootstrap)![1]!)).toContain('"analytics":"/_astro/acw-analytics.');
    const off = clientAssets(
      await resolveOptions(
        { whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra: { id: 'SomeChatraId', load: 'interaction' }, analytics: false },
        site,
      ),
      '/',
    );
    expect(loaderConfig(off).analytics).toBeUndefined();
    expect(Object.keys(off.files).some((name) => name.includes('analytics'))).toBe(false);
  });

  test('the code that sends an automatic message only in the builds of sites that have one: in the loader, or in the chat part', async () => {
    const autoMessage = { text: 'Hi! {whatsapp}', afterSeconds: 5 };
    for (const load of ['idle', 'interaction'] as const) {
      const chatra = { id: 'SomeChatraId', load };
      const without = clientAssets(await resolveOptions({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra }, site), '/');
      const withIt = clientAssets(
        await resolveOptions({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra, texts: { autoMessage } }, site),
        '/',
      );
      const chatCode = (assets: typeof without) =>
        Object.entries(assets.files)
          .filter(([name]) => /^acw-loader(-rest)?\./.test(name))
          .map(([, file]) => file.body)
          .join('\n');
      expect(chatCode(without), load).not.toContain('sendAutoMessage');
      expect(chatCode(withIt), load).toContain('sendAutoMessage');
    }
  });

  test("consent's code in the loader of every strategy where the build asks for consent, and only there", async () => {
    for (const load of ['eager', 'idle', 'interaction'] as const) {
      for (const consent of [false, true, { event: 'consent:chat' }]) {
        for (const texts of [undefined, { autoMessage: { text: 'Hi! {whatsapp}' } }]) {
          const options = { whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra: { id: 'SomeChatraId', load, consent }, texts };
          // Named in the page, or (under CSP 'strict-dynamic') added by the bootstrap.
          for (const insertLoader of [false, true]) {
            const assets = clientAssets(await resolveOptions(options, site), '/', { insertLoader });
            const loaderUrl = insertLoader ? /"loader":"([^"]+)"/.exec(assets.bootstrap)![1]! : assets.loaderUrl!;
            const body = bodyOf(assets, loaderUrl);
            expect(body.includes('.consent.event'), JSON.stringify({ load, consent, texts, insertLoader })).toBe(Boolean(consent));
          }
        }
      }
    }
  });

  test("each loader carries its own strategies only: interaction's no idle callback, eager's and idle's no wait for an act", async () => {
    const interaction = clientAssets(
      await resolveOptions({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra: { id: 'SomeChatraId', load: 'interaction' } }, site),
      '/',
    );
    expect(bodyOf(interaction, interaction.loaderUrl!)).toContain('pointerdown');
    expect(bodyOf(interaction, interaction.loaderUrl!)).not.toContain('requestIdleCallback');
    const idle = clientAssets(resolved, '/');
    expect(bodyOf(idle, idle.loaderUrl!)).toContain('requestIdleCallback');
    expect(bodyOf(idle, idle.loaderUrl!)).not.toContain('pointerdown');
  });
});
