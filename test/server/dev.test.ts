/** `astro dev`, served for real: on-demand pages, the 404 page and the /_astro/acw- files, under `trailingSlash: 'always'`. */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attribute, parsePage, textOf } from '../build/html.ts';
import { startAstroDev, type RunningServer } from '../support/servers.ts';

const config = {
  site: 'https://shop.example',
  trailingSlash: 'always',
  chatraWhatsApp: {
    whatsapp: { phone: '+7 900 123-45-67', text: 'About {title} at {path}' },
    // `interaction`: the loader names its chat part, which dev must serve as a module can be (a JavaScript type).
    chatra: { id: 'DemoChatraId2026', load: 'interaction' },
  },
};
let server: RunningServer;
let origin: string;

beforeAll(async () => {
  server = await startAstroDev('dev', config);
  origin = server.origin;
});

afterAll(async () => {
  await server?.close();
});

describe('astro dev (trailingSlash: always)', () => {
  test('a page gets the kit, and the loader (with the chat part it imports), texts and stylesheet it names answer 200', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    const page = parsePage(await response.text());
    const [floating] = page.all('a', { class: /\bacw-floating\b/ });
    expect(new URL(attribute(floating, 'href')!).searchParams.get('text')).toBe('About Home & <Prices> at /');
    const [loader] = page.all('script', { id: 'chatra-whatsapp-loader' });
    const [data] = page.all('script', { id: 'chatra-whatsapp-page' });
    const texts = JSON.parse(textOf(data)).texts as string;
    const [stylesheet] = page.all('link', { rel: 'stylesheet', href: /\/_astro\/acw-page\.\w+\.css$/ });
    for (const file of [attribute(loader, 'src')!, texts, attribute(stylesheet, 'href')!]) {
      expect(file).not.toMatch(/\/$/);
      const answer = await fetch(origin + file);
      expect(answer.status, file + (await answer.clone().text()).slice(0, 300)).toBe(200);
    }
    const loaderBody = await (await fetch(origin + attribute(loader, 'src')!)).text();
    const chatPart = /"chat":"([^"]+)"/.exec(loaderBody)![1];
    expect(chatPart).toMatch(/^\/_astro\/acw-loader-rest\.\w+\.js$/);
    const answer = await fetch(origin + chatPart);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await answer.text()).toMatch(/export\s*\{/);
    // The analytics listener `interaction` fetches at the first act: served too.
    const listener = /"analytics":"([^"]+)"/.exec(loaderBody)![1];
    expect(listener).toMatch(/^\/_astro\/acw-analytics\.\w+\.js$/);
    const listenerAnswer = await fetch(origin + listener);
    expect(listenerAnswer.status).toBe(200);
    expect(listenerAnswer.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await listenerAnswer.text()).toContain('whatsapp:click');
  });

  test('the 404 page gets the kit, status kept', async () => {
    const response = await fetch(`${origin}/nothing/here/`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html.slice(0, 300)).toContain('acw');
    expect(parsePage(html).all('a', { class: /\bacw-floating\b/ })).toHaveLength(1);
  });

  test("a collection entry's frontmatter whatsapp: works in dev, with no layout line", async () => {
    const floatingOf = async (path: string) => parsePage(await (await fetch(origin + path)).text()).all('a', { class: /\bacw-floating\b/ });
    expect(await floatingOf('/notes/quiet/')).toHaveLength(0);
    // A prerendered page is streamed in dev: one that waits before its content keeps its whatsapp: false.
    expect(await floatingOf('/quiet-wait/')).toHaveLength(0);
    const [floating] = await floatingOf('/notes/asked/');
    expect(new URL(attribute(floating, 'href')!).searchParams.get('text')).toBe('Note: Asked note');
  });

  test('a partial is left alone', async () => {
    const response = await fetch(`${origin}/partial/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/^<li[^>]*>A partial <a [^>]*href="#whatsapp"/);
    expect(html).not.toMatch(/acw-|chatra/);
  });
});

describe('astro dev: <WhatsAppButton theme="auto" /> with darkWhen', () => {
  let themed: RunningServer | undefined;
  afterAll(async () => {
    await themed?.close();
  });

  test("the component's stylesheet is the one written from darkWhen (the integration's Vite plugin serves it in dev too)", async () => {
    themed = await startAstroDev('dev-theme', {
      srcDir: fileURLToPath(new URL('../fixtures/browser-site/src/', import.meta.url)),
      chatraWhatsApp: { whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', darkWhen: '.theme-dark' },
    });
    const html = await (await fetch(`${themed.origin}/theme/`)).text();
    expect(parsePage(html).all('a', { class: /\bacw-auto\b/ })).toHaveLength(1);
    // Dev puts a component's CSS in the page (a <style> per file), or links it: either way, the rule is there.
    const linked = parsePage(html)
      .all('link', { rel: 'stylesheet' })
      .map((link) => attribute(link, 'href')!)
      .filter((href) => !href.includes('acw-page'));
    const sheets = await Promise.all(linked.map(async (href) => (await fetch(themed!.origin + href)).text()));
    expect([html, ...sheets].some((css) => css.includes(':is(:root,body):is(.theme-dark) .acw-auto{background:#25d366'))).toBe(true);
  }, 120_000);
});
