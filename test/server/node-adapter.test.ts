/**
 * On-demand pages for real: the fixture built with @astrojs/node (standalone) and served, with and
 * without the integration side by side, so what the integration must leave alone can be compared
 * byte for byte. A second build (static output, `prerender = false` pages) covers sites that are
 * mostly prerendered.
 */
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import { build, type AstroInlineConfig } from 'astro';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attribute, parsePage, textOf } from '../build/html.ts';
import { launchChromium } from '../support/chromium.ts';
import { arrival, startNodeAdapter, type RunningServer } from '../support/servers.ts';

const root = fileURLToPath(new URL('../fixtures/on-demand/', import.meta.url));
const PHONE = 'https://wa.me/79001234567';
const integration = (extra: object = {}) =>
  chatraWhatsApp({
    whatsapp: { phone: '+7 900 123-45-67', text: 'About {title} at {path}' },
    chatra: { id: 'DemoChatraId2026' },
    ...extra,
  });

async function buildAndServe(name: string, config: AstroInlineConfig): Promise<RunningServer> {
  const outDir = `${root}dist-${name}/`;
  rmSync(outDir, { recursive: true, force: true });
  delete process.env.NODE_ENV;
  await build({
    root,
    outDir,
    logLevel: 'error',
    configFile: false,
    site: 'https://shop.example',
    adapter: node({ mode: 'standalone' }),
    ...config,
  });
  return startNodeAdapter(outDir);
}

let withIt: RunningServer;
let without: RunningServer;
let mostlyStatic: RunningServer;
let underBase: RunningServer;

beforeAll(async () => {
  withIt = await buildAndServe('server', {
    output: 'server',
    integrations: [integration({ chatra: { id: 'DemoChatraId2026', exclude: ['/nochat'] } })],
  });
  without = await buildAndServe('plain', { output: 'server' });
  mostlyStatic = await buildAndServe('static', { output: 'static', integrations: [integration()] });
  underBase = await buildAndServe('base', {
    output: 'server',
    base: '/shop',
    trailingSlash: 'always',
    // `interaction`: the loader's chat part and the analytics listener are files the loader imports, under the base.
    integrations: [
      integration({
        chatra: { id: 'DemoChatraId2026', load: 'interaction' },
        fallback: { greeting: { text: 'Hi! Any questions?', name: 'Shop' } },
      }),
    ],
  });
}, 300_000);

afterAll(async () => {
  await Promise.all([withIt, without, mostlyStatic, underBase].map((server) => server?.close()));
});

const get = (server: RunningServer, path: string, init?: RequestInit) => fetch(server.origin + path, { redirect: 'manual', ...init });
const message = (href: string | undefined) => new URL(href!).searchParams.get('text');

function kitOf(html: string) {
  const page = parsePage(html);
  return {
    page,
    floating: page.all('a', { class: /\bacw-floating\b/ }),
    data: page.all('script', { id: 'chatra-whatsapp-page' }),
    // The loader (a page without the widget has the analytics listener alone, under the same id).
    loader: page.all('script', { id: 'chatra-whatsapp-loader' }).filter((script) => /\/acw-loader\./.test(attribute(script, 'src') ?? '')),
    footer: page.all('a').filter((a) => textOf(a).startsWith('WhatsApp us')),
  };
}

describe('an on-demand page (output: server)', () => {
  test('answers 200 with the whole kit, its title and decoded path in every WhatsApp link', async () => {
    const response = await get(withIt, '/');
    expect(response.status).toBe(200);
    const { page, floating, data, loader, footer } = kitOf(await response.text());
    expect(floating).toHaveLength(1);
    expect(message(attribute(floating[0], 'href'))).toBe('About Home & <Prices> at /');
    expect(data).toHaveLength(1);
    expect(page.contains(page.head, data[0]) && page.contains(page.head, loader[0])).toBe(true);
    expect(footer.map((a) => message(attribute(a, 'href')))).toEqual(['About Home & <Prices> at /']);
    expect(attribute(page.all('area')[0], 'href')).toMatch(/^https:\/\/wa\.me\/79001234567\?text=/);
    // The <noscript> link, as a browser without JavaScript reads it.
    const noscript = page.all('noscript')[0];
    expect(textOf(noscript)).toContain(`href="${PHONE}?text=About`);
  });

  test("a collection entry's frontmatter whatsapp: works on demand, with no layout line; no marker is left", async () => {
    const quiet = await (await get(withIt, '/notes/quiet')).text();
    expect(kitOf(quiet).floating).toHaveLength(0);
    expect(quiet).toContain('A note without the floating button.');
    const asked = await (await get(withIt, '/notes/asked')).text();
    const { floating, footer } = kitOf(asked);
    expect(message(attribute(floating[0], 'href'))).toBe('Note: Asked note');
    expect(footer.map((a) => message(attribute(a, 'href')))).toEqual(['Note: Asked note']);
    for (const html of [quiet, asked]) expect(html).not.toMatch(/astro-chatra-whatsapp"|%acw-/);
  });

  test('a Cyrillic path reaches the message decoded', async () => {
    const { floating } = kitOf(await (await get(withIt, '/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82')).text());
    expect(message(attribute(floating[0], 'href'))).toBe('About Привет at /привет/');
  });

  test('a query the page reflects into <head> stays in its attribute: the kit goes where the tokenizer says', async () => {
    const attack = '</head><img src=x onerror=alert(1)><script>alert(2)</script>';
    const { page, data, loader } = kitOf(await (await get(withIt, `/?q=${encodeURIComponent(attack)}`)).text());
    expect(attribute(page.all('meta', { name: 'description' })[0], 'content')).toBe(attack);
    expect(page.all('img')).toHaveLength(0);
    expect(page.contains(page.head, data[0]) && page.contains(page.head, loader[0])).toBe(true);
  });

  test('a page asked for again (from the page memory when its first bytes are the same) is the same page; one with another head is read anew', async () => {
    const first = await (await get(withIt, '/')).text();
    const other = await (await get(withIt, `/?q=${encodeURIComponent('Again & "again"')}`)).text();
    const again = [await (await get(withIt, '/')).text(), await (await get(withIt, '/')).text()];
    expect(again).toEqual([first, first]);
    expect(attribute(kitOf(other).page.all('meta', { name: 'description' })[0], 'content')).toBe('Again & "again"');
    expect(other.replace(/<meta name="description"[^>]*>/, '')).toBe(first.replace(/<meta name="description"[^>]*>/, ''));
  });

  test("a slow body: the head, and all of the body Astro sent before the slow part, don't wait for it", async () => {
    const [slow, plain] = await Promise.all([arrival(withIt.origin + '/slow'), arrival(without.origin + '/slow')]);
    expect(slow.endAt).toBeGreaterThan(1400);
    expect(slow.text.slice(0, slow.text.indexOf('</head>'))).toContain('id="chatra-whatsapp-loader"');
    expect(kitOf(slow.text).floating).toHaveLength(1);
    // Without the integration, the page up to its slow part came before the pause it makes: with it, the same.
    expect(plain.pauseMs).toBeGreaterThan(500);
    expect(plain.beforePause).toMatch(/<main><p>$/);
    expect(slow.pauseMs).toBeGreaterThan(500);
    expect(slow.beforePause).toContain('</head>');
    expect(slow.beforePause).toMatch(/<main><p>$/);
  });

  test('a server island: the page gets one kit, the island response none', async () => {
    const html = await (await get(withIt, '/island')).text();
    expect(kitOf(html).data).toHaveLength(1);
    expect(kitOf(html).floating).toHaveLength(1);
    // Each build encrypts the island's props with its own key: each server's page names its own island URL.
    const islandOf = async (server: RunningServer) =>
      get(server, /href="(\/_server-islands\/[^"]+)"/.exec(await (await get(server, '/island')).text())![1].replace(/&amp;/g, '&'));
    const [ours, theirs] = await Promise.all([islandOf(withIt), islandOf(without)]);
    expect(ours.status).toBe(200);
    const body = await ours.text();
    expect(body).toContain('Island content');
    expect(body).not.toContain('acw-');
    expect(body).toBe(await theirs.text());
  });

  test.each([
    '/partial',
    '/fragment',
    '/data.json',
    '/image.png',
    '/cp1251',
    '/meta-1251',
    '/latin1-fragment',
    '/range',
    '/gzipped',
    '/redirect',
    '/download',
    '/no-transform',
  ])('%s is byte- and header-identical with and without the integration', async (path) => {
    const [ours, theirs] = await Promise.all([
      get(withIt, path, { headers: { 'accept-encoding': 'identity' } }),
      get(without, path, { headers: { 'accept-encoding': 'identity' } }),
    ]);
    expect(ours.status).toBe(theirs.status);
    const headers = (response: Response) => [...response.headers].filter(([name]) => name !== 'date');
    expect(headers(ours)).toEqual(headers(theirs));
    expect(Buffer.from(await ours.arrayBuffer())).toEqual(Buffer.from(await theirs.arrayBuffer()));
  });

  test('a page that says UTF-8 only by its byte-order mark keeps it, and gets the kit', async () => {
    const bytes = new Uint8Array(await (await get(withIt, '/bom')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const html = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
    expect(html).toMatch(/^<!doctype html><html><head>/);
    expect(html).toContain('<p>Привет, мир</p>');
    expect(kitOf(html).floating).toHaveLength(1);
  });

  test("a page with its own ETag and length: both go, they named the bytes before the kit (a cache would keep a page's old kit)", async () => {
    const [ours, theirs] = await Promise.all([get(withIt, '/etag'), get(without, '/etag')]);
    expect(theirs.headers.get('etag')).toBe('"v1"');
    expect(ours.headers.get('etag')).toBeNull();
    expect(ours.headers.get('content-length')).toBeNull();
    expect(ours.headers.get('cache-control')).toBe('public, max-age=600');
    expect(kitOf(await ours.text()).floating).toHaveLength(1);
  });

  test('a page of this site fetched and returned: it has its kit already, and gets no second', async () => {
    const { floating, data, loader } = kitOf(await (await get(withIt, '/proxy')).text());
    expect([floating.length, data.length, loader.length]).toEqual([1, 1, 1]);
  });

  test('a page of this site without the widget (chatra.exclude) fetched and returned: one stylesheet, one button, no widget', async () => {
    const { page, floating, data, loader } = kitOf(await (await get(withIt, '/proxy?to=/nochat')).text());
    expect(page.all('link', { rel: 'stylesheet', href: /\/acw-page\./ })).toHaveLength(1);
    expect(page.all('aside', { class: /\bacw-region\b/ })).toHaveLength(1);
    expect([floating.length, data.length, loader.length]).toEqual([1, 0, 0]);
  });

  test.each(['/string-chunks', '/string-chunks?slow'])(
    '%s, a body of strings (Node sends them): the page whole, with its kit',
    async (path) => {
      const response = await get(withIt, path);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toMatch(/^<!doctype html><html><head>/);
      expect(html).toContain('<p>Привет from strings</p>');
      expect(html).toContain('<p>the end</p>');
      expect(kitOf(html).floating).toHaveLength(1);
    },
  );

  test('HEAD gets the headers of GET and an empty body, as without the integration', async () => {
    const [ours, theirs] = await Promise.all([get(withIt, '/', { method: 'HEAD' }), get(without, '/', { method: 'HEAD' })]);
    expect(ours.status).toBe(200);
    expect(await ours.text()).toBe('');
    expect(ours.headers.get('content-type')).toBe(theirs.headers.get('content-type'));
  });

  test('HEAD of a page with its own ETag and length: the headers GET sends, without the two that named the bytes before the kit', async () => {
    const [head, page] = await Promise.all([get(withIt, '/etag', { method: 'HEAD' }), get(withIt, '/etag')]);
    // Less what says how the connection carries a body (chunked, kept alive: Node's, for GET).
    const headers = (response: Response) =>
      [...response.headers].filter(([name]) => !['date', 'transfer-encoding', 'connection', 'keep-alive'].includes(name));
    expect(headers(head)).toEqual(headers(page));
    expect(head.headers.get('etag')).toBeNull();
    expect(head.headers.get('content-length')).toBeNull();
    expect(await head.text()).toBe('');
  });

  test('the 404 page of an unknown address gets the kit, status kept, its #chat link working', async () => {
    const response = await get(withIt, '/no/such/page');
    expect(response.status).toBe(404);
    const { page, floating, data } = kitOf(await response.text());
    expect(floating).toHaveLength(1);
    expect(data).toHaveLength(1);
    const ask = page.all('a').find((a) => textOf(a) === 'Ask us')!;
    expect(attribute(ask, 'data-chatra-whatsapp')).toBe('chat');
    expect(attribute(ask, 'href')).toMatch(/^https:\/\/wa\.me\//);
  });

  test("a crafted address on the 404 page: backslashes stay backslashes (not slashes) and line breaks stay escaped in the message's {path}", async () => {
    for (const [path, named] of [
      ['/%5C%5Cevil.example/support', '/\\\\evil.example/support'],
      ['/x%0A%0AHi%2C%20please%20cancel', '/x%0A%0AHi%2C please cancel'],
    ]) {
      const response = await get(withIt, path);
      expect(response.status).toBe(404);
      const { floating } = kitOf(await response.text());
      expect([`About Not found at ${named}`, `About Not found at ${named}/`]).toContain(message(attribute(floating[0], 'href')));
    }
  });

  test('a page with its own Chat section, served: links to it stay in-page, #whatsapp goes to WhatsApp, the second request (remembered) the same', async () => {
    for (let request = 0; request < 2; request++) {
      const { page } = kitOf(await (await get(withIt, '/sections')).text());
      const links = page.all('a').filter((a) => ['Chat', 'This section', 'Write to us'].includes(textOf(a)));
      expect(links.map((a) => attribute(a, 'href'))).toEqual(['#chat', expect.stringMatching(/^https:\/\/wa\.me\//), '#chat']);
      expect(links.filter((a) => attribute(a, 'data-chatra-whatsapp') !== undefined)).toHaveLength(0);
    }
  });

  test.each([
    ['/rewrite', 'Astro.rewrite', 200, 'No chat'],
    ['/mw-rewrite', "the site's middleware, next('/nochat')", 200, 'No chat'],
    ['/ctx-rewrite', "the site's middleware, context.rewrite('/nochat')", 200, 'No chat'],
    ['/rewrite?to=missing', 'Astro.rewrite to an unknown address', 404, 'Not found'],
    ['/rewrite-chain', 'Astro.rewrite to a page that rewrites again', 200, 'No chat'],
    ['/mw-chain', "the site's middleware, next('/rewrite'), a page that rewrites again", 200, 'No chat'],
  ])(
    '%s (%s): one kit, by the address asked for (not excluded, {path} its own), with the page that answered',
    async (path, _how, status, title) => {
      const response = await get(withIt, path);
      expect(response.status).toBe(status);
      const { page, floating, data, loader } = kitOf(await response.text());
      expect(page.all('aside', { class: /\bacw-region\b/ })).toHaveLength(1);
      // /nochat, in chatra.exclude, answered: the widget still comes, as the address asked for is not excluded.
      expect([floating.length, data.length, loader.length]).toEqual([1, 1, 1]);
      expect(message(attribute(floating[0], 'href'))).toBe(`About ${title} at ${path.split('?')[0]}/`);
    },
  );

  test('the 500 page gets the kit, status kept', async () => {
    const response = await get(withIt, '/boom');
    expect(response.status).toBe(500);
    expect(kitOf(await response.text()).floating).toHaveLength(1);
  });

  test('the loader, texts and stylesheet files are served, cached for good (their names change with their content)', async () => {
    const { page, data, loader } = kitOf(await (await get(withIt, '/')).text());
    const texts = JSON.parse(textOf(data[0])).texts as string;
    const [stylesheet] = page.all('link', { rel: 'stylesheet', href: /^\/_astro\/acw-page\.\w+\.css$/ });
    const [loaded, json, css] = await Promise.all([
      get(withIt, attribute(loader[0], 'src')!),
      get(withIt, texts),
      get(withIt, attribute(stylesheet, 'href')!),
    ]);
    expect(loaded.status).toBe(200);
    expect(loaded.headers.get('content-type')).toMatch(/javascript/);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(JSON.parse(await json.text()).customStrings).toBeTypeOf('object');
    // Each page view would otherwise ask again for each (the stylesheet holds the page's rendering back).
    for (const file of [loaded, json, css]) expect(file.headers.get('cache-control')).toMatch(/max-age=31536000, immutable/);
  });

  test('no request logged an error but the page that throws on purpose', () => {
    const errors = withIt
      .log()
      .split('\n')
      .filter((line) => /error|unhandled/i.test(line) && !/boom/.test(line));
    expect(errors).toEqual([]);
  });
});

describe('a mostly static site with on-demand pages (prerender = false)', () => {
  test('the prerendered page and the prerendered 404 page carry the kit; the author text stays in its attribute', async () => {
    const html = await (await get(mostlyStatic, '/static/')).text();
    const { page, floating, data } = kitOf(html);
    expect(attribute(page.all('meta', { name: 'description' })[0], 'content')).toBe('</head><img src=x onerror=alert(1)>');
    expect(page.all('img')).toHaveLength(0);
    expect(floating).toHaveLength(1);
    expect(page.contains(page.head, data[0])).toBe(true);
    const missing = await get(mostlyStatic, '/nothing-here');
    expect(missing.status).toBe(404);
    const notFound = kitOf(await missing.text()).floating;
    expect(notFound).toHaveLength(1);
    // One file for every dead link: its own address in the message, not the one asked for.
    expect(message(attribute(notFound[0], 'href'))).toBe('About Not found at /404/');
  });

  test("a prerendered page that waits before its content (Astro streams it in such a build) keeps its frontmatter's whatsapp: false", async () => {
    const html = await (await get(mostlyStatic, '/quiet-wait/')).text();
    const { page, floating, data, loader } = kitOf(html);
    expect(textOf(page.all('main')[0])).toContain('After the wait.');
    expect([floating, data, loader].map((found) => found.length)).toEqual([0, 0, 0]);
    expect(page.all('link', { rel: 'stylesheet' })).toHaveLength(0);
    expect(html).not.toContain('%acw-');
  });

  test('a page with prerender = false renders on demand with the kit; the same path in the message as a prerendered page', async () => {
    const response = await get(mostlyStatic, '/slow');
    expect(response.status).toBe(200);
    const { floating } = kitOf(await response.text());
    expect(message(attribute(floating[0], 'href'))).toBe('About Slow at /slow/');
    const { floating: prerendered } = kitOf(await (await get(mostlyStatic, '/static/')).text());
    expect(message(attribute(prerendered[0], 'href'))).toBe('About Prerendered at /static/');
  });
});

describe("under base: '/shop' with trailingSlash: 'always'", () => {
  test('on-demand pages get the kit with the path as visitors see it; the files answer under the base', async () => {
    const response = await get(underBase, '/shop/');
    expect(response.status).toBe(200);
    const { page, floating, data, loader } = kitOf(await response.text());
    expect(message(attribute(floating[0], 'href'))).toBe('About Home & <Prices> at /shop/');
    const texts = JSON.parse(textOf(data[0])).texts as string;
    expect(texts).toMatch(/^\/shop\/_astro\/acw-/);
    const [stylesheet] = page.all('link', { rel: 'stylesheet', href: /^\/shop\/_astro\/acw-page\.\w+\.css$/ });
    // The greeting on demand: beside the button, its link the page's, its script served under the base.
    const [greetingLink] = page.all('a', { class: /\bacw-greeting-card\b/ });
    expect(attribute(greetingLink, 'href')).toBe(attribute(floating[0], 'href'));
    expect(textOf(page.all('span', { class: /\bacw-greeting-text\b/ })[0])).toBe('Hi! Any questions?');
    const [greetingScript] = page.all('script', { src: /^\/shop\/_astro\/acw-greeting\.\w+\.js$/ });
    for (const file of [texts, attribute(loader[0], 'src')!, attribute(stylesheet, 'href')!, attribute(greetingScript, 'src')!]) {
      expect((await get(underBase, file)).status, file).toBe(200);
    }
  });

  test('the 404 page greets too, status kept: the visitor who hit a dead link is the one to ask', async () => {
    const response = await get(underBase, '/shop/no/such/page/');
    expect(response.status).toBe(404);
    const page = parsePage(await response.text());
    expect(page.all('details', { class: /\bacw-greeting\b/ })).toHaveLength(1);
    expect(page.all('a', { class: /\bacw-floating\b/ })).toHaveLength(1);
  });
});

describe('in Chromium', () => {
  test('a query reflected into the head of an on-demand page: no dialog, the widget ready with its texts', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const standIn = readFileSync(new URL('../browser/chatra-stand-in.js', import.meta.url), 'utf8');
      await page.route('https://call.chatra.io/chatra.js', (route) => route.fulfill({ contentType: 'text/javascript', body: standIn }));
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const attack = '</head><img src=x onerror="alert(1)"><script>alert(2)</script>';
      await page.goto(`${withIt.origin}/?q=${encodeURIComponent(attack)}`);
      // The stand-in's own element: chatra.js ran with the page's setup.
      await page.waitForSelector('#chatra', { timeout: 10_000 });
      const strings = await page.evaluate(() => JSON.stringify((window as unknown as { __chatra: { setup: unknown } }).__chatra.setup));
      expect(strings).toContain('](https://wa.me/79001234567?text=');
      expect(await page.evaluate(() => document.querySelector('meta[name="description"]')?.getAttribute('content'))).toBe(attack);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test("a page under the site's own nonce policy (a nonce per request, 'strict-dynamic'): the kit's scripts carry it, the widget starts", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const standIn = readFileSync(new URL('../browser/chatra-stand-in.js', import.meta.url), 'utf8');
      await page.route('https://call.chatra.io/chatra.js', (route) => route.fulfill({ contentType: 'text/javascript', body: standIn }));
      const blocked: string[] = [];
      page.on('console', (message) => void (/Content Security Policy/i.test(message.text()) && blocked.push(message.text())));
      const response = await page.goto(`${withIt.origin}/nonce`);
      expect(response!.headers()['content-security-policy']).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
      await page.waitForFunction(() => document.documentElement.getAttribute('data-chatra-whatsapp') === 'ready', undefined, {
        timeout: 10_000,
      });
      expect(await page.locator('#chatra').count()).toBe(1);
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test("interaction under base '/shop' and the site's nonce policy: nothing of the chat before the visitor acts; one Tab, and the chat part, the analytics listener and chatra.js arrive, trusted", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const standIn = readFileSync(new URL('../browser/chatra-stand-in.js', import.meta.url), 'utf8');
      const chatraRequests: string[] = [];
      await page.route('https://call.chatra.io/chatra.js', (route) => {
        chatraRequests.push(route.request().url());
        return route.fulfill({ contentType: 'text/javascript', body: standIn });
      });
      const asked: string[] = [];
      page.on('request', (request) => void (request.url().startsWith(underBase.origin) && asked.push(new URL(request.url()).pathname)));
      const blocked: string[] = [];
      page.on('console', (message) => void (/Content Security Policy/i.test(message.text()) && blocked.push(message.text())));
      const response = await page.goto(`${underBase.origin}/shop/nonce/`);
      expect(response!.headers()['content-security-policy']).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
      await page.waitForTimeout(500);
      const later = /^\/shop\/_astro\/acw-(loader-rest|analytics)\.\w+\.js$/;
      expect(asked.filter((path) => later.test(path))).toEqual([]);
      expect(chatraRequests).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-chatra-whatsapp'))).toBe('waiting');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => document.documentElement.getAttribute('data-chatra-whatsapp') === 'ready', undefined, {
        timeout: 10_000,
      });
      expect(asked.filter((path) => later.test(path)).map((path) => path.split('.')[0])).toEqual(
        expect.arrayContaining(['/shop/_astro/acw-loader-rest', '/shop/_astro/acw-analytics']),
      );
      await expect
        .poll(() => page.evaluate(() => typeof (window as unknown as { chatraWhatsApp?: { track?: unknown } }).chatraWhatsApp?.track))
        .toBe('function');
      expect(chatraRequests).toHaveLength(1);
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('a page with a server island: the island arrives, the page keeps one kit; the 404 page offers WhatsApp', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // chatra.js can't be reached here: the widget fails and the WhatsApp button takes over.
      await page.route('https://call.chatra.io/chatra.js', (route) => route.abort());
      await page.goto(`${withIt.origin}/island`);
      await page.waitForSelector('.deferred');
      // The island's own HTML is a fragment and passes untouched (its #whatsapp link too: see README).
      expect(await page.locator('.deferred a').getAttribute('href')).toBe('#whatsapp');
      expect(await page.locator('a.acw-floating').count()).toBe(1);
      expect(await page.locator('script#chatra-whatsapp-page').count()).toBe(1);
      const missing = await page.goto(`${withIt.origin}/no/such/page`);
      expect(missing!.status()).toBe(404);
      await page.waitForFunction(() => document.documentElement.getAttribute('data-chatra-whatsapp') === 'failed', undefined, {
        timeout: 15_000,
      });
      expect(await page.locator('a.acw-floating').isVisible()).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
