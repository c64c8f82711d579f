/**
 * Cloudflare Workers: the on-demand fixture built with @astrojs/cloudflare (prerendering inside
 * workerd, the adapter's default) and served by `wrangler dev --local` on workerd, offline. Once
 * with the adapter's defaults, once with an old compatibility date and no flags, where Node's
 * built-ins are not there: the integration must need none.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attribute, parsePage, textOf } from '../build/html.ts';
import { arrival, buildInProcess, onFreePort, startServer, type RunningServer } from '../support/servers.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const WRANGLER = join(repo, 'node_modules/.bin/wrangler');

const buildLogs: Partial<Record<'default' | 'pinned', string>> = {};

async function buildAndServe(name: 'default' | 'pinned'): Promise<RunningServer> {
  const root = fileURLToPath(new URL(`../fixtures/cloudflare/${name}/`, import.meta.url));
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  // Nothing leaves this machine: no metrics, no update check, no cf.json, wrangler's files in the fixture.
  const env = {
    CI: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    XDG_CONFIG_HOME: join(root, '.xdg'),
    WRANGLER_LOG_PATH: join(root, '.wrangler-logs'),
  };
  buildLogs[name] = await buildInProcess(
    root,
    {
      srcDir: '../../on-demand/src',
      output: 'server',
      site: 'https://shop.example',
      adapter: 'cloudflare',
      chatraWhatsApp: { whatsapp: { phone: '+7 900 123-45-67', text: 'About {title} at {path}' }, chatra: { id: 'DemoChatraId2026' } },
    },
    env,
  );
  return onFreePort((port) => {
    const args = [
      'dev',
      '--local',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--show-interactive-dev-session=false',
      '-c',
      'dist/server/wrangler.json',
    ];
    return startServer(WRANGLER, args, { cwd: root, port, env, timeoutMs: 60_000 });
  });
}

const servers: Partial<Record<'default' | 'pinned', RunningServer>> = {};

beforeAll(async () => {
  // One at a time: each build takes about 1 GB and both cores.
  servers.default = await buildAndServe('default');
  servers.pinned = await buildAndServe('pinned');
}, 300_000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server?.close()));
});

describe.each(['default', 'pinned'] as const)('on workerd (%s compatibility settings)', (name) => {
  const get = (path: string) => fetch(servers[name]!.origin + path, { redirect: 'manual' });
  const message = (href: string | undefined) => new URL(href!).searchParams.get('text');

  test('an on-demand page, rendered by workerd, gets the kit: floating link, widget, #whatsapp links with the page title', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    const page = parsePage(await response.text());
    expect(textOf(page.all('p', { id: 'runtime' })[0])).toBe('Cloudflare-Workers');
    const [floating] = page.all('a', { class: /\bacw-floating\b/ });
    expect(message(attribute(floating, 'href'))).toBe('About Home & <Prices> at /');
    expect(page.all('script', { id: 'chatra-whatsapp-page' })).toHaveLength(1);
    expect(page.all('script', { id: 'chatra-whatsapp-loader' })).toHaveLength(1);
    const footer = page.all('a').find((a) => textOf(a) === 'WhatsApp us')!;
    expect(message(attribute(footer, 'href'))).toBe('About Home & <Prices> at /');
  });

  test('a page asked for again (from the page memory when its first bytes are the same) is the same page; one with another head is read anew', async () => {
    const first = await (await get('/')).text();
    const other = await (await get('/?q=Other')).text();
    expect([await (await get('/')).text(), await (await get('/')).text()]).toEqual([first, first]);
    expect(other.replace('content="Other"', 'content="Welcome"')).toBe(first);
  });

  test("a collection entry's frontmatter whatsapp: works on workerd, with no layout line", async () => {
    const quiet = await (await get('/notes/quiet')).text();
    expect(quiet).toContain('A note without the floating button.');
    expect(parsePage(quiet).all('a', { class: /\bacw-floating\b/ })).toHaveLength(0);
    const [floating] = parsePage(await (await get('/notes/asked')).text()).all('a', { class: /\bacw-floating\b/ });
    expect(message(attribute(floating, 'href'))).toBe('Note: Asked note');
  });

  test("a page under the site's own nonce policy: the kit's loader carries the request's nonce, another each request", async () => {
    const nonceOf = async () => {
      const response = await get('/nonce');
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
      const [loader] = parsePage(await response.text()).all('script', { id: 'chatra-whatsapp-loader' });
      return { nonce, loader: attribute(loader, 'nonce') };
    };
    const [first, second] = [await nonceOf(), await nonceOf()];
    expect(first.nonce).toBeTruthy();
    expect(first.loader).toBe(first.nonce);
    expect(second.loader).toBe(second.nonce);
    expect(second.nonce).not.toBe(first.nonce);
  });

  test('a page prerendered inside workerd at build time gets the kit too', async () => {
    const page = parsePage(await (await get('/static/')).text());
    expect(textOf(page.all('p', { id: 'runtime' })[0])).toBe('Cloudflare-Workers');
    const [floating] = page.all('a', { class: /\bacw-floating\b/ });
    expect(message(attribute(floating, 'href'))).toBe('About Prerendered at /static/');
    // Prerendered inside workerd, a page is streamed: one that waits before its content keeps its whatsapp: false.
    const quiet = await (await get('/quiet-wait/')).text();
    expect(quiet).toContain('After the wait.');
    expect(parsePage(quiet).all('a', { class: /\bacw-floating\b/ })).toHaveLength(0);
  });

  test("a slow body: the head, and all of the body Astro sent before the slow part, don't wait for it", async () => {
    const slow = await arrival(servers[name]!.origin + '/slow');
    expect(slow.endAt).toBeGreaterThan(1400);
    expect(slow.pauseMs).toBeGreaterThan(500);
    expect(slow.beforePause).toContain('</head>');
    expect(slow.beforePause).toMatch(/<main><p>$/);
    expect(parsePage(slow.text).all('a', { class: /\bacw-floating\b/ })).toHaveLength(1);
  });

  test('the 404 page keeps its status and gets the kit; the loader and the stylesheet are served', async () => {
    const response = await get('/no/such/page');
    expect(response.status).toBe(404);
    const page = parsePage(await response.text());
    expect(page.all('a', { class: /\bacw-floating\b/ })).toHaveLength(1);
    const loader = await get(attribute(page.all('script', { id: 'chatra-whatsapp-loader' })[0], 'src')!);
    expect(loader.status).toBe(200);
    const [stylesheet] = page.all('link', { rel: 'stylesheet', href: /\/_astro\/acw-page\.\w+\.css$/ });
    const css = await get(attribute(stylesheet, 'href')!);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain('.acw-floating');
    // In the site's assets folder: the adapter's _headers rule caches them for good.
    for (const file of [loader, css]) expect(file.headers.get('cache-control')).toMatch(/immutable/);
  });

  test.each([
    ['/rewrite', 'Astro.rewrite', 200, 'No chat'],
    ['/mw-rewrite', "the site's middleware, next('/nochat')", 200, 'No chat'],
    ['/ctx-rewrite', "the site's middleware, context.rewrite('/nochat')", 200, 'No chat'],
    ['/rewrite?to=missing', 'Astro.rewrite to an unknown address', 404, 'Not found'],
  ])('%s (%s): one kit, {path} the address asked for, with the page that answered', async (path, _how, status, title) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    const page = parsePage(await response.text());
    expect(page.all('aside', { class: /\bacw-region\b/ })).toHaveLength(1);
    const floating = page.all('a', { class: /\bacw-floating\b/ });
    expect(floating).toHaveLength(1);
    expect(page.all('script', { id: 'chatra-whatsapp-page' })).toHaveLength(1);
    expect(page.all('script', { id: 'chatra-whatsapp-loader' })).toHaveLength(1);
    expect(message(attribute(floating[0], 'href'))).toBe(`About ${title} at ${path.split('?')[0]}/`);
  });

  test('a partial is left alone; workerd logged no uncaught error; the build saw no Node import', async () => {
    expect(await (await get('/partial')).text()).not.toContain('acw-');
    expect(servers[name]!.log()).not.toMatch(/Uncaught|No such module/);
    expect(buildLogs[name]).not.toMatch(/Unexpected Node\.js imports|No such module/);
  });
});
