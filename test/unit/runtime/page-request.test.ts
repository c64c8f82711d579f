import { describe, expect, test, vi } from 'vitest';
import { clientAssets } from '../../../integration/config/client-assets.ts';
import { contactHref, fillPageContext, type Contact } from '../../../integration/shared/contacts.ts';
import { resolveOptions } from '../../../integration/config/resolve.ts';
import { PageKits, PageRequest } from '../../../integration/runtime/page-request.ts';
import { capTitle, TITLE_LIMIT } from '../../../integration/shared/page-title.ts';
import {
  cutPathname,
  decodePath,
  keptRequestedUrl,
  pagePath,
  pageUrl,
  requestedUrl,
  type LocaleDomains,
} from '../../../integration/shared/page-path.ts';
import { transformPageBody, transformPageBytes } from '../../../integration/runtime/page-stream.ts';
import { transformPageText } from '../../support/page-text.ts';
import { settingMarkerContent } from '../../../integration/shared/page-setting.ts';
import { PageMemory } from '../../../integration/runtime/page-memory.ts';
import { localeDomains, toRuntimeOptions } from '../../../integration/config/virtual-module.ts';

const TEXT = 'About {title} ({url}) {path}';
const phone: Contact = { kind: 'phone', link: 'https://wa.me/79001234567', text: TEXT };

async function kits(site: string | undefined, extra: object = {}, localeDomains?: LocaleDomains) {
  const resolved = await resolveOptions({ whatsapp: { phone: '+7 900 123-45-67', text: TEXT }, ...extra }, { site });
  const assets = clientAssets(resolved, '/');
  return new PageKits(
    toRuntimeOptions(resolved, assets, { base: '/', trailingSlash: 'ignore', format: 'directory', settingKey: 'testkey', localeDomains }),
  );
}

function render(html: string, kit: PageKits, url: string, locals: object = {}, prerendered = true) {
  return transformPageText(html, new PageRequest(kit, { url: new URL(url), locale: undefined, locals: () => locals, prerendered }));
}

const message = (href: string) => new URL(href.replace(/&amp;/g, '&')).searchParams.get('text');
const hrefs = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]);

describe('a page request fills the page into its links', () => {
  test("the document's title (decoded, not an SVG's), the decoded path, and the address from `site`", async () => {
    const html =
      '<!doctype html><html><head><title>Tea &amp; &quot;Cakes&quot; (new)</title></head><body><svg><title>Icon</title></svg>' +
      `<a href="#whatsapp">Us</a><a href="${contactHref(phone)}">Same</a><a href="https://example.com/%7Btitle%7D">Other</a></body></html>`;
    const output = render(html, await kits('https://shop.example'), 'https://evil.example/%D1%87%D0%B0%D0%B9');
    const own = 'About Tea & "Cakes" (new) (https://shop.example/%D1%87%D0%B0%D0%B9/) /чай/';
    const [us, same, other, floating] = hrefs(output);
    expect(message(us)).toBe(own);
    expect(message(same)).toBe(own);
    expect(other).toBe('https://example.com/%7Btitle%7D');
    expect(message(floating)).toBe(own);
    expect(output).toContain('target="_blank" rel="noopener noreferrer">Us</a>');
  });

  test("without `site`, {url} stays as written: the request's Host never reaches the message", async () => {
    const output = render(
      '<!doctype html><title>T</title><a href="#whatsapp">x</a>',
      await kits(undefined, { whatsapp: { phone: '+7 900 123-45-67', text: 'At {path}' } }),
      'https://attacker.example/a',
    );
    expect(output).not.toContain('attacker');
  });

  test("the page's context is fixed when its links are first made: a <title> after its first WhatsApp link doesn't count", async () => {
    const kit = await kits('https://shop.example', { whatsapp: { phone: '+7 900 123-45-67', text: 'Hi' } });
    const late =
      '<!doctype html><html><head></head><body><a href="#whatsapp">a</a><title>Shoes</title>' +
      '<a href="https://wa.me/79001234567?text=About%20%7Btitle%7D">b</a></body></html>';
    expect(hrefs(render(late, kit, 'https://shop.example/p/')).map(message)).toEqual(['Hi', 'About /p/', 'Hi']);
    const early = late.replace('<head></head>', '<head><title>Tea</title></head>');
    expect(hrefs(render(early, kit, 'https://shop.example/p/')).map(message)).toEqual(['Hi', 'About Tea', 'Hi']);
  });

  test('a title of any length is capped at a word, with an ellipsis', async () => {
    const long = 'word '.repeat(30_000);
    expect(capTitle(long).length).toBeLessThanOrEqual(TITLE_LIMIT);
    expect(capTitle(long).endsWith('word…')).toBe(true);
    const output = render(
      `<!doctype html><title>${long}</title><a href="#whatsapp">x</a>`,
      await kits('https://shop.example'),
      'https://shop.example/',
    );
    expect(output.length).toBeLessThan(long.length + 10_000);
  });

  test("a page with its own section called WhatsApp or Chat (a heading's id, a table of contents): links to it stay in-page anchors", async () => {
    const kit = await kits('https://shop.example');
    // As Starlight writes a page: its table of contents before the headings, an anchor beside each.
    const page =
      '<!doctype html><html><head><title>Support</title></head><body><nav><a href="#chat">Chat</a><a href="#WhatsApp">WhatsApp</a></nav>' +
      '<h2 id="chat">Chat</h2><a class="sl-anchor-link" href="#chat">#</a><h2 id=whatsapp>WhatsApp</h2><p>Or <a href="#whatsapp">ask</a>.</p></body></html>';
    const request = (prerendered: boolean) =>
      new PageRequest(kit, { url: new URL('https://shop.example/support/'), locale: undefined, locals: () => ({}), prerendered });
    const bytes = (html: string, prerendered: boolean) =>
      new TextDecoder().decode(transformPageBytes(new TextEncoder().encode(html), request(prerendered)));
    for (const prerendered of [true, false]) {
      for (const output of [render(page, kit, 'https://shop.example/support/', {}, prerendered), bytes(page, prerendered)]) {
        expect(hrefs(output).slice(0, 4)).toEqual(['#chat', '#WhatsApp', '#chat', '#whatsapp']);
        expect(output).not.toContain('data-chatra-whatsapp="chat"');
      }
    }
    // On demand, the same page again at its address (remembered pages are replayed unread): the same.
    const memory = new PageMemory();
    // (The section first, then a link to it, and the rest: a page that would be remembered.)
    const sectionFirst =
      '<!doctype html><html><head><title>Support</title></head><body><h2 id="chat">Chat</h2><p><a href="#chat">Up</a></p>' +
      `<p>${'More text. '.repeat(100)}</p></body></html>`;
    for (let visit = 0; visit < 4; visit++) {
      for (const html of [page, sectionFirst]) {
        const output = new TextDecoder().decode(
          transformPageBytes(new TextEncoder().encode(html), request(false), { memory, key: '/support/' }),
        );
        expect(hrefs(output).slice(0, html === page ? 4 : 1)).toEqual(
          ['#chat', '#WhatsApp', '#chat', '#whatsapp'].slice(0, html === page ? 4 : 1),
        );
      }
    }
    // Streamed (a slow part first): the links after the section stay; those before it had left already.
    const streamed = new ReadableStream<Uint8Array>({
      async start(controller) {
        const [before, after] = page.split('<h2 id="chat">');
        controller.enqueue(new TextEncoder().encode(before));
        await new Promise((resolve) => setTimeout(resolve, 20));
        controller.enqueue(new TextEncoder().encode('<h2 id="chat">' + after));
        controller.close();
      },
    });
    const sent = await new Response((await transformPageBody(streamed, request(false))) as ReadableStream).text();
    expect(hrefs(sent).slice(2, 4)).toEqual(['#chat', '#whatsapp']);
    // Only the one that has a section of its own: a page with a Chat section still sends #whatsapp to WhatsApp.
    const chatOnly = page.replace('<h2 id=whatsapp>', '<h2>');
    expect(hrefs(bytes(chatOnly, true)).slice(0, 4)).toEqual([
      '#chat',
      expect.stringMatching(/^https:\/\/wa\.me\//),
      '#chat',
      expect.stringMatching(/^https:\/\/wa\.me\//),
    ]);
    // An id in text, in a comment, in another attribute, or another element's `data-id`, is no section.
    for (const notASection of ['<p>id="chat"</p>', '<!-- <h2 id="chat"> -->', '<p title=\'id="chat"\'>x</p>', '<p data-id="chat">x</p>']) {
      const output = bytes(page.replaceAll('<h2 id="chat">', '<h2>').replace('<h2 id=whatsapp>', '<h2>') + notASection, true);
      expect(hrefs(output)[0]).toMatch(/^https:\/\/wa\.me\//);
    }
  });

  test('a value filled in is never filled again: a title that says "{url}" stays that text, in the page\'s links and in a link filled before (a QR code\'s caption)', async () => {
    const kit = await kits('https://shop.example');
    const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
    const [filled] = hrefs(
      render(page('<title>Using {url} and {path}</title>', '<a href="#whatsapp">x</a>'), kit, 'https://shop.example/p/'),
    );
    expect(message(filled)).toBe('About Using {url} and {path} (https://shop.example/p/) /p/');
    // The link filled already (a component's), in another page: the transform leaves its text as it is.
    const [again] = hrefs(render(page('<title>Other</title>', `<a href="${filled}">caption</a>`), kit, 'https://shop.example/q/'));
    expect(message(again)).toBe('About Using {url} and {path} (https://shop.example/p/) /p/');
  });

  test("a title that reflects a query can't turn the message's text around or lay it out: no bidirectional overrides, embeddings, isolates or control characters", async () => {
    expect(capTitle('Order status\u202e at')).toBe('Order status at');
    expect(capTitle('a\u2066b\u2069c\u202ad\u202ce')).toBe('abcde');
    expect(capTitle('a\u0000b\u0085c\u007fd')).toBe('abcd');
    // Marks are how an RTL title places its neutral characters: kept.
    expect(capTitle('\u05e9\u05dc\u05d5\u05dd\u200f!')).toBe('\u05e9\u05dc\u05d5\u05dd\u200f!');
    const page =
      '<!doctype html><title>Results for \u202eevil</title><a href="https://wa.me/79001234567?text=%7Btitle%7D%20at%20%7Bpath%7D">x</a>';
    for (const prerendered of [true, false]) {
      const [ours] = hrefs(render(page, await kits('https://shop.example'), 'https://shop.example/s/', {}, prerendered));
      expect(message(ours)).toBe('Results for evil at /s/');
    }
  });

  test('a title cut where a character of two UTF-16 units stands (an emoji, CJK): the cut is before it, nothing throws', async () => {
    const title = 'あ'.repeat(TITLE_LIMIT - 2) + '😀'.repeat(5);
    expect(capTitle(title)).toBe('あ'.repeat(TITLE_LIMIT - 2) + '…');
    const page = `<!doctype html><title>${title}</title><a href="https://wa.me/79001234567?text=%7Btitle%7D">ours</a><a href="#whatsapp">x</a>`;
    for (const prerendered of [true, false]) {
      const [ours] = hrefs(render(page, await kits('https://shop.example'), 'https://shop.example/t/', {}, prerendered));
      expect(message(ours)).toBe('あ'.repeat(TITLE_LIMIT - 2) + '…');
    }
  });

  test('a message with half a character (a lone surrogate, as JSON from a request can carry): it becomes U+FFFD, nothing throws', async () => {
    const kit = await kits('https://shop.example');
    const page = '<!doctype html><title>T</title><a href="#whatsapp">x</a>';
    for (const prerendered of [true, false]) {
      const output = render(page, kit, 'https://shop.example/', { whatsapp: { text: 'Hi \ud800 there' } }, prerendered);
      expect(message(hrefs(output)[0])).toBe('Hi \ufffd there');
    }
  });

  test('Russian words in a document that says it is English (a 404 layout, under /ru/): the landmark says lang="ru"', async () => {
    const kit = await kits('https://shop.example');
    const page = (lang: string) =>
      `<!doctype html><html lang="${lang}"><head><title>404</title></head><body><p>Not found</p></body></html>`;
    const request = () =>
      new PageRequest(kit, { url: new URL('https://shop.example/ru/nope'), locale: 'ru', locals: () => ({}), prerendered: false });
    expect(transformPageText(page('en'), request())).toContain(
      '<aside class="acw-region" aria-label="Связаться с нами" lang="ru" data-pagefind-ignore="all">',
    );
    expect(transformPageText(page('ru-RU'), request())).toContain(
      '<aside class="acw-region" aria-label="Связаться с нами" data-pagefind-ignore="all">',
    );
    // A document that says no language (or an empty one): the landmark says its own.
    const unsaid = '<!doctype html><html><head><title>404</title></head><body><p>Not found</p></body></html>';
    expect(transformPageText(unsaid, request())).toContain(
      '<aside class="acw-region" aria-label="Связаться с нами" lang="ru" data-pagefind-ignore="all">',
    );
    expect(transformPageText(page(''), request())).toContain(
      '<aside class="acw-region" aria-label="Связаться с нами" lang="ru" data-pagefind-ignore="all">',
    );
  });

  test("a WhatsApp link to another number (a commenter's) naming the page stays as written: the page's title is not theirs to get", async () => {
    const page =
      '<!doctype html><title>Order 5521 for Jane</title><a href="https://wa.me/15550001111?text=%7Btitle%7D">theirs</a><a href="https://wa.me/79001234567?text=%7Btitle%7D">ours</a>';
    const [theirs, ours] = hrefs(render(page, await kits('https://shop.example'), 'https://shop.example/c/', {}, false));
    expect(theirs).toBe('https://wa.me/15550001111?text=%7Btitle%7D');
    expect(message(ours)).toBe('Order 5521 for Jane');
  });

  test('include/exclude read a request for /привет/ as written in the pattern, not percent-encoded', async () => {
    const kit = await kits('https://shop.example', { fallback: { exclude: ['/привет/**'] } });
    const page = '<!doctype html><title>T</title><p>x</p>';
    const floating = (url: string) => /acw-floating/.test(render(page, kit, url, {}, false));
    expect(floating('https://shop.example/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/')).toBe(false);
    expect(floating('https://shop.example/%D0%BF%D0%BE%D0%BA%D0%B0/')).toBe(true);
    expect(floating('https://shop.example/%E0%A4%A/')).toBe(true);
    // One escape that is not UTF-8, or a cut inside one, doesn't leave the rest encoded (and out of the pattern's reach).
    const admin = await kits('https://shop.example', { fallback: { exclude: ['/admin/**'] } });
    const adminFloating = (url: string) => /acw-floating/.test(render(page, admin, url, {}, false));
    expect(adminFloating('https://shop.example/%61dmin/%FF')).toBe(false);
    expect(adminFloating(`https://shop.example/%61dmin/${'a'.repeat(2037)}%C3%A9`)).toBe(false);
    expect(adminFloating('https://shop.example/%61dmin%2Fx')).toBe(true);
  });

  test("a crafted long path can't grow the page: {path} takes at most 512 characters of it", async () => {
    const kit = await kits('https://shop.example', { whatsapp: { phone: '+7 900 123-45-67', text: 'At {path}' } });
    const output = render(
      '<!doctype html><title>T</title><a href="#whatsapp">x</a>',
      kit,
      `https://shop.example/${'%C3%A9'.repeat(2500)}`,
      {},
      false,
    );
    expect(message(hrefs(output)[0])).toBe(`At /${'é'.repeat(85)}/`);
    expect(output.length).toBeLessThan(20_000);
  });

  test('a path is cut where its last character is whole, whatever escape that never decoded (%FF) comes before', () => {
    expect(cutPathname('/%FF/' + 'a'.repeat(600) + '%C3%A9', 607)).toBe('/%FF/' + 'a'.repeat(600));
    expect(cutPathname('/' + '%C3%A9'.repeat(200), 512)).toBe('/' + '%C3%A9'.repeat(85));
    expect(cutPathname('/a%FF%FF%FF%FF', 10)).toBe('/a%FF%FF');
    expect(decodePath('/%61dmin/%FF/%D1%8F%2F')).toBe('/admin/%FF/я%2F');
  });

  test("a visitor's path can't turn the message's text around: bidirectional controls in {path} stay escaped", async () => {
    const kit = await kits('https://shop.example', { whatsapp: { phone: '+7 900 123-45-67', text: 'Order {path} please' } });
    // U+202E (right-to-left override) would show the rest of the message, the site's own words, reversed.
    const output = render(
      '<!doctype html><title>T</title><a href="#whatsapp">x</a>',
      kit,
      'https://shop.example/a%E2%80%AEb%E2%81%A6c%D1%8F',
      {},
      false,
    );
    expect(message(hrefs(output)[0])).toBe('Order /a%E2%80%AEb%E2%81%A6cя/ please');
    for (const control of [
      '\u061c',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      expect(pagePath(`/x${encodeURI(control)}y`, { trailingSlash: 'never', format: 'directory' })).toBe(`/x${encodeURI(control)}y`);
    }
  });

  test("after a rewrite (an i18n fallback), the page is the visitor's address: Astro's originPathname, under base", () => {
    const url = new URL('https://shop.example/docs/en/about/');
    // The same address in another form is no rewrite: the URL itself comes back.
    for (const origin of ['/en/about/', '/en/about', '/en/about.html', '/en/about.html/', '/docs/en/about/', undefined]) {
      expect(requestedUrl(url, origin, '/docs')).toBe(url);
    }
    expect(requestedUrl(new URL('https://shop.example/docs/'), '/index.html', '/docs/')).toEqual(new URL('https://shop.example/docs/'));
    expect(requestedUrl(url, '/es/about/', '/docs').pathname).toBe('/docs/es/about/');
    expect(requestedUrl(new URL('https://shop.example/en/%D1%8F'), '/es/я', '/').pathname).toBe('/es/%D1%8F');
    // On a language's own domain (i18n domains) Astro names es.example.com/about/ as /es/about/: no rewrite.
    const onDomain = new URL('https://es.example.com/about/');
    expect(requestedUrl(onDomain, '/es/about/', '/', { 'es.example.com': { origin: 'https://es.example.com', locale: 'es' } })).toBe(
      onDomain,
    );
    expect(requestedUrl(onDomain, '/es/about/', '/').pathname).toBe('/es/about/');
    // A `%` that starts no escape stays a `%`.
    expect(requestedUrl(url, '/es/100%', '/docs').pathname).toBe('/docs/es/100%25');
    // Escaped as the request wrote it (Astro 5 may hand it on so): the same address, or the visitor's, never escaped twice.
    const cyrillic = new URL('https://shop.example/%D0%BF/');
    expect(requestedUrl(cyrillic, '/%D0%BF/', '/')).toBe(cyrillic);
    expect(requestedUrl(cyrillic, '/es/%D0%BF/', '/').pathname).toBe('/es/%D0%BF/');
  });

  test("on a language's own domain (i18n domains): {url} on that domain, the patterns by the locale's route", async () => {
    const domains = localeDomains({ ru: 'https://ru.example.com' });
    const kit = await kits('https://example.com', { chatra: { id: 'DemoChatraId2026', exclude: ['/ru/secret/**'] } }, domains);
    const page = '<!doctype html><html lang="ru"><head><title>О нас</title></head><body><a href="#whatsapp">Us</a></body></html>';
    // ru.example.com/about/ is the page of /ru/about/: its address is on its own domain, not the English page's.
    expect(message(hrefs(render(page, kit, 'https://ru.example.com/about/', {}, false))[0])).toBe(
      'About О нас (https://ru.example.com/about/) /about/',
    );
    // The main domain's addresses stay on `site`.
    expect(message(hrefs(render(page, kit, 'https://example.com/ru/about/', {}, false))[0])).toBe(
      'About О нас (https://example.com/ru/about/) /ru/about/',
    );
    // chatra.exclude: ['/ru/secret/**'] leaves the widget out at both addresses of that page.
    for (const url of ['https://ru.example.com/secret/', 'https://example.com/ru/secret/']) {
      expect(render(page, kit, url, {}, false), url).not.toContain('chatra-whatsapp-page');
    }
    expect(render(page, kit, 'https://ru.example.com/about/', {}, false)).toContain('chatra-whatsapp-page');
    // A rewrite there (ru.example.com/rw/ answered by /ru/about/): the first run keeps the visitor's address, the
    // run after the rewrite (its URL the page that answered) gets it.
    const locals = {};
    expect(keptRequestedUrl(locals, new URL('https://ru.example.com/rw/'), '/ru/rw/', '/', domains).href).toBe(
      'https://ru.example.com/rw/',
    );
    expect(keptRequestedUrl(locals, new URL('https://ru.example.com/ru/about/'), '/ru/rw/', '/', domains).href).toBe(
      'https://ru.example.com/rw/',
    );
  });

  test('prerendered and on-demand pages of one shape name the same path', () => {
    const site = { trailingSlash: 'ignore', format: 'directory' } as const;
    expect(pagePath('/static/', site)).toBe('/static/');
    expect(pagePath('/static', site)).toBe('/static/');
    expect(pagePath('/feed.xml', site)).toBe('/feed.xml');
    expect(pagePath('/a', { trailingSlash: 'never', format: 'directory' })).toBe('/a');
    expect(pagePath('/a/', { trailingSlash: 'never', format: 'directory' })).toBe('/a');
    expect(pagePath('/%E0%A4%A', site)).toBe('/%E0%A4%A/');
    // A dot among digits is no file's name: /v1.2 on demand says what the prerendered /v1.2/ says.
    expect(pagePath('/v1.2', site)).toBe('/v1.2/');
    expect(pagePath('/v1.2/', site)).toBe('/v1.2/');
    // build.format 'file' or 'preserve': a prerendered page's Astro.url names its file; the page's address doesn't.
    for (const format of ['file', 'preserve'] as const) {
      const style = { trailingSlash: 'ignore', format } as const;
      expect(pagePath('/docs/about.html', style)).toBe('/docs/about');
      expect(pagePath('/docs/ru/index.html', style)).toBe(format === 'file' ? '/docs/ru' : '/docs/ru/');
      expect(pagePath('/index.html', style)).toBe('/');
    }
    expect(pagePath('/docs/about.html', { trailingSlash: 'always', format: 'file' })).toBe('/docs/about/');
    // With trailingSlash 'always' a build's Astro.url says /about.html/ (and /index.html/).
    expect(pagePath('/docs/about.html/', { trailingSlash: 'always', format: 'file' })).toBe('/docs/about/');
    expect(pagePath('/index.html/', { trailingSlash: 'always', format: 'preserve' })).toBe('/');
    expect(pagePath('/docs/ssr', { trailingSlash: 'ignore', format: 'file' })).toBe('/docs/ssr');
    // In the 'directory' format a path ending in .html is a route of that name.
    expect(pagePath('/legacy.html', site)).toBe('/legacy.html');
  });

  test('Astro.locals.whatsapp from request data: a wrong value or an unknown placeholder never throws on demand', async () => {
    const kit = await kits('https://shop.example');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const page = '<!doctype html><title>T</title><a href="#whatsapp">x</a>';
    const odd = render(page, kit, 'https://shop.example/', { whatsapp: { text: 'Hi {tittle}' } }, false);
    expect(message(hrefs(odd)[0])).toBe('Hi {tittle}');
    expect(() => render(page, kit, 'https://shop.example/', { whatsapp: 42 }, false)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    // A visitor who sets it on every request doesn't fill the log: ten lines, and one that says so.
    for (let request = 0; request < 50; request++) render(page, kit, 'https://shop.example/', { whatsapp: 42 }, false);
    expect(warn).toHaveBeenCalledTimes(11);
    // An hour later the log says how many were left out, and logs again: a visitor can't silence it for good.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 3_600_000);
      render(page, kit, 'https://shop.example/', { whatsapp: 42 }, false);
      expect(warn).toHaveBeenCalledTimes(13);
      expect(warn.mock.calls[11][0]).toMatch(/41 more wrong Astro\.locals\.whatsapp values .* left out/);
      expect(warn.mock.calls[12][0]).toMatch(/Astro\.locals\.whatsapp/);
    } finally {
      vi.useRealTimers();
      warn.mockRestore();
    }
    // Prerendered, the same mistakes stop the build, naming the page.
    expect(() => render(page, kit, 'https://shop.example/p/', { whatsapp: 42 })).toThrow('Astro.locals.whatsapp on /p/');
    expect(() => render(page, kit, 'https://shop.example/p/', { whatsapp: { text: 'Hi {tittle}' } })).toThrow('{tittle}');
  });

  test('a fragment is asked nothing: a wrong Astro.locals.whatsapp on a prerendered partial passes with it, as bytes or text', async () => {
    const kit = await kits('https://shop.example');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const partial = '<li>A partial <a href="#whatsapp">w</a></li>';
    const request = (prerendered: boolean) =>
      new PageRequest(kit, { url: new URL('https://shop.example/p/'), locale: undefined, locals: () => ({ whatsapp: 42 }), prerendered });
    for (const prerendered of [true, false]) {
      expect(new TextDecoder().decode(transformPageBytes(new TextEncoder().encode(partial), request(prerendered)))).toBe(partial);
      expect(transformPageText(partial, request(prerendered))).toBe(partial);
    }
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  test('a page language that names an Object.prototype key is just an unknown language', async () => {
    const kit = await kits('https://shop.example');
    for (const lang of ['constructor', '__proto__', 'constructor-xx', 'toString']) {
      expect(() => render(`<!doctype html><html lang="${lang}"><title>T</title></html>`, kit, 'https://shop.example/')).not.toThrow();
    }
  });

  test('shared links: the page fills its own', () => {
    expect(fillPageContext(contactHref(phone), { title: 'x', path: '/p' })).toContain('%7Burl%7D');
  });
});

describe("a Markdown file's frontmatter `whatsapp:`, carried by its marker", () => {
  const marker = (setting: unknown, key = 'testkey') =>
    `<meta name="astro-chatra-whatsapp" content="${settingMarkerContent(key, setting as false).replace(/"/g, '&quot;')}">`;
  const page = (body: string) =>
    `<!doctype html><html><head><title>Post</title></head><body><nav><a href="#whatsapp">x</a></nav><main>${body}<p>Text</p></main></body></html>`;
  const floating = (html: string) => /class="[^"]*\bacw-floating\b/.test(html);

  test('{ text } gives the page its message: in links before the marker too, and in the floating button; the marker leaves the page', async () => {
    const output = render(page(marker({ text: 'About {title}' })), await kits('https://shop.example'), 'https://shop.example/post/');
    expect(hrefs(output).map(message)).toEqual(['About Post', 'About Post']);
    expect(output).not.toContain('astro-chatra-whatsapp');
    expect(output).not.toContain('%acw-');
  });

  test('false drops the floating button and the kit from the page', async () => {
    const output = render(page(marker(false)), await kits('https://shop.example'), 'https://shop.example/post/');
    expect(floating(output)).toBe(false);
    expect(output).not.toContain('<link rel="stylesheet"');
    expect(output).not.toContain('astro-chatra-whatsapp');
  });

  test('a frontmatter marker nested past what JSON.stringify can take (in user content, with the key): left out, nothing throws', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const output = render(
      page(marker(false).replace('false', deep)),
      await kits('https://shop.example'),
      'https://shop.example/post/',
      {},
      false,
    );
    expect(floating(output)).toBe(true);
  });

  test('Astro.locals.whatsapp wins over the frontmatter', async () => {
    const output = render(page(marker(false)), await kits('https://shop.example'), 'https://shop.example/post/', {
      whatsapp: { text: 'Layout' },
    });
    expect(floating(output)).toBe(true);
    expect(hrefs(output).map(message)).toEqual(['Layout', 'Layout']);
  });

  test('text that only looks like a marker, in an attribute or a comment, is data: not read, not removed', async () => {
    const kit = await kits('https://shop.example');
    const lookalike = marker(false).replace(/"/g, '&quot;');
    for (const body of [`<p title="${lookalike}">q</p>`, `<!-- ${marker(false)} -->`, `<textarea>${marker(false)}</textarea>`]) {
      const output = render(page(body), kit, 'https://shop.example/post/');
      expect(floating(output)).toBe(true);
      expect(output).toContain(body);
    }
  });

  test("another build's key, or files that disagree (a list of posts), leave the page its site setting", async () => {
    const kit = await kits('https://shop.example');
    for (const body of [marker(false, 'otherkey'), marker(false) + marker({ text: 'Other' })]) {
      const output = render(page(body), kit, 'https://shop.example/post/');
      expect(floating(output)).toBe(true);
      expect(output).not.toContain('astro-chatra-whatsapp');
    }
    // Files that agree give their setting.
    expect(floating(render(page(marker(false) + marker(false)), kit, 'https://shop.example/post/'))).toBe(false);
  });

  test('a page that streams its head before the marker: left out, said once, and the marker still leaves the page', async () => {
    const kit = await kits('https://shop.example');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [head, rest] = page(marker(false)).split('<main>');
    const stream = () =>
      new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(head + '<main>'));
          await new Promise((resolve) => setTimeout(resolve, 20));
          controller.enqueue(new TextEncoder().encode(rest));
          controller.close();
        },
      });
    for (let i = 0; i < 2; i++) {
      const request = new PageRequest(kit, {
        url: new URL('https://shop.example/post/'),
        locale: undefined,
        locals: () => ({}),
        prerendered: false,
      });
      const output = await new Response(await transformPageBody(stream(), request)).text();
      expect(floating(output)).toBe(true);
      expect(output).not.toContain('%acw-');
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/\/post\/: its Markdown's frontmatter `whatsapp:` came after the page's head/);
    warn.mockRestore();
  });
});

describe('a greeting (fallback.greeting) on a page', () => {
  const html = '<!doctype html><html lang="en"><head><title>Shop</title></head><body><p>Hi</p></body></html>';
  const greetingKits = () => kits('https://shop.example', { fallback: { greeting: { text: 'Hello <there> & welcome', note: 'Fast' } } });
  const greetingOf = (output: string) => /<details class="acw-greeting[^"]*" open>[\s\S]*?<\/details>/.exec(output)?.[0];

  test('the site greeting beside the button, its words escaped; its script once', async () => {
    const output = render(html, await greetingKits(), 'https://shop.example/');
    const greeting = greetingOf(output)!;
    expect(greeting).toContain('<span class="acw-greeting-text">Hello &#60;there&#62; &#38; welcome</span>');
    expect(greeting).toContain('<span class="acw-greeting-note">Fast</span>');
    expect(greeting).toContain('aria-label="Close"');
    expect(output.match(/<script async src="\/_astro\/acw-greeting\.[0-9a-f]{10}\.js"><\/script>/g)).toHaveLength(1);
  });

  test("a page's own greeting, none (greeting: false), or no button at all (false)", async () => {
    const kit = await greetingKits();
    const own = render(html, kit, 'https://shop.example/', { whatsapp: { greeting: 'Questions about shoes?' } });
    expect(greetingOf(own)).toContain('>Questions about shoes?</span>');
    const none = render(html, kit, 'https://shop.example/', { whatsapp: { greeting: false } });
    expect(greetingOf(none)).toBeUndefined();
    expect(none).toContain('acw-floating');
    expect(none).not.toContain('/_astro/acw-greeting.');
    const off = render(html, kit, 'https://shop.example/', { whatsapp: false });
    expect(greetingOf(off)).toBeUndefined();
  });

  test('a page in a language without its own greeting says which language the words are in', async () => {
    const output = render(html.replace('lang="en"', 'lang="de"'), await greetingKits(), 'https://shop.example/');
    expect(greetingOf(output)).toContain('<span lang="en">');
    expect(greetingOf(output)).toContain('aria-label="Schließen"');
  });
});

describe('frontmatter markers on a page that streams', () => {
  test('a marker in what came before the slow part counts; the page is not held for the rest', async () => {
    const kit = await kits('https://shop.example');
    const marker = `<meta name="astro-chatra-whatsapp" content="${settingMarkerContent('testkey', false)}">`;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(
          new TextEncoder().encode(`<!doctype html><html><head><title>Post</title></head><body><main>${marker}<p>Text</p>`),
        );
        await new Promise((resolve) => setTimeout(resolve, 20));
        controller.enqueue(new TextEncoder().encode('<p>Slow part</p></main></body></html>'));
        controller.close();
      },
    });
    const request = new PageRequest(kit, {
      url: new URL('https://shop.example/post/'),
      locale: undefined,
      locals: () => ({}),
      prerendered: false,
    });
    const output = await new Response(await transformPageBody(stream, request)).text();
    expect(output).not.toContain('acw-floating');
    expect(output).toContain('<p>Slow part</p>');
    expect(output).not.toContain('%acw-');
  });
});

test('a page setting whose keys are all undefined is no setting: the frontmatter still counts', async () => {
  const kit = await kits('https://shop.example');
  const marker = `<meta name="astro-chatra-whatsapp" content="${settingMarkerContent('testkey', false)}">`;
  const html = `<!doctype html><html><head><title>T</title></head><body>${marker}<p>x</p></body></html>`;
  for (const locals of [{ whatsapp: { text: undefined } }, { whatsapp: {} }]) {
    expect(render(html, kit, 'https://shop.example/p/', locals)).not.toContain('acw-floating');
  }
});

describe("a page under its own nonce policy (a nonce per request, from the site's middleware)", () => {
  test("the kit's scripts carry the script nonce, its stylesheet the style nonce; the next request's kit has its own", async () => {
    const kit = await kits('https://shop.example', {
      chatra: { id: 'DemoChatraId2026', consent: true },
      fallback: { greeting: { text: 'Hi!' } },
    });
    const page = '<!doctype html><html><head><title>T</title></head><body><p>x</p></body></html>';
    const once = (nonces?: { script?: string; style?: string }) =>
      transformPageText(
        page,
        new PageRequest(kit, { url: new URL('https://shop.example/'), locale: undefined, locals: () => ({}), prerendered: false, nonces }),
      );
    const first = once({ script: 'n0nce1', style: 's7yle' });
    const scripts = [...first.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    // The bootstrap (consent), the page data, the loader and the greeting's script: all but the data (never run) carry it.
    expect(scripts.filter((tag) => !tag.includes('application/json'))).toHaveLength(3);
    for (const tag of scripts) expect(tag.includes('nonce="n0nce1"')).toBe(!tag.includes('application/json'));
    expect(first).toMatch(/<link nonce="s7yle" rel="stylesheet" href=/);
    const second = once({ script: 'other' });
    expect(second).not.toContain('n0nce1');
    expect(second).toContain('nonce="other"');
    expect(once()).not.toContain('nonce=');
  });
});

describe("include/exclude under build.format 'file' and 'preserve' (a prerendered page's URL names its file)", () => {
  test.each(['file', 'preserve'] as const)('%s: /secret.html is /secret, /ru/index.html and /ru.html are /ru', async (format) => {
    const resolved = await resolveOptions(
      {
        whatsapp: { phone: '+7 900 123-45-67', text: TEXT },
        chatra: { id: 'DemoChatraId2026', exclude: ['/secret', '/ru/**'] },
        fallback: { exclude: ['/about'] },
      },
      { site: 'https://shop.example' },
    );
    const kit = new PageKits(
      toRuntimeOptions(resolved, clientAssets(resolved, '/'), { base: '/', trailingSlash: 'never', format, settingKey: 'testkey' }),
    );
    const page = '<!doctype html><html><head><title>T</title></head><body><p>x</p></body></html>';
    const parts = (path: string) => {
      const html = render(page, kit, `https://shop.example${path}`);
      return { widget: html.includes('chatra-whatsapp-page'), floating: html.includes('acw-floating') };
    };
    expect(parts('/secret.html')).toEqual({ widget: false, floating: true });
    expect(parts('/ru.html')).toEqual({ widget: false, floating: true });
    expect(parts('/ru/index.html')).toEqual({ widget: false, floating: true });
    expect(parts('/about.html')).toEqual({ widget: true, floating: false });
    expect(parts('/index.html')).toEqual({ widget: true, floating: true });
    expect(parts('/secrets.html')).toEqual({ widget: true, floating: true });
  });
});

describe('{url}: the page on `site`, as Astro and its sitemap resolve it', () => {
  test('a `site` that holds the base path (GitHub Pages) names it once', () => {
    expect(pageUrl('https://user.github.io/repo', '/repo/about/')).toBe('https://user.github.io/repo/about/');
    expect(pageUrl('https://user.github.io/repo/', '/repo/about/')).toBe('https://user.github.io/repo/about/');
    expect(pageUrl('https://shop.example', '/чай/')).toBe('https://shop.example/%D1%87%D0%B0%D0%B9/');
    expect(pageUrl('https://shop.example/', '/')).toBe('https://shop.example/');
    expect(pageUrl(undefined, '/about/')).toBeUndefined();
  });

  test("the origin is always `site`'s: a path that begins with `//` or backslashes names no other host", () => {
    expect(pageUrl('https://shop.example', '//evil.example/x/')).toBe('https://shop.example//evil.example/x/');
    expect(pageUrl('https://shop.example', '/\\\\evil.example/x/')).toBe('https://shop.example/%5C%5Cevil.example/x/');
    expect(pageUrl('https://shop.example/docs/?q=1#top', '/docs/a/')).toBe('https://shop.example/docs/a/');
  });

  test('the escapes {path} keeps (reserved characters, bidirectional controls) are not escaped twice', () => {
    const path = (pathname: string) => pagePath(pathname, { trailingSlash: 'always', format: 'directory' });
    expect(pageUrl('https://shop.example', path('/fz/a%2Fb'))).toBe('https://shop.example/fz/a%2Fb/');
    expect(pageUrl('https://shop.example', path('/fz/%23whatsapp'))).toBe('https://shop.example/fz/%23whatsapp/');
    expect(pageUrl('https://shop.example', path('/fz/%E2%80%AEevil%E2%80%AC'))).toBe('https://shop.example/fz/%E2%80%AEevil%E2%80%AC/');
    expect(pageUrl('https://shop.example', path('/a b/?#'))).toBe('https://shop.example/a%20b/%3F%23/');
  });
});

describe("{url} and {path} of a page the request's path names (a 404, a rewrite)", () => {
  const notFound = new URL('https://shop.example/404');
  const site = { trailingSlash: 'always', format: 'directory' } as const;
  const url = (origin: string) => pageUrl('https://shop.example', pagePath(requestedUrl(notFound, origin, '/').pathname, site));

  test("backslashes are characters of the path, not slashes: the host stays the site's", () => {
    expect(requestedUrl(notFound, '/\\\\evil.example/support', '/').pathname).toBe('/%5C%5Cevil.example/support');
    expect(url('/\\\\evil.example/support')).toBe('https://shop.example/%5C%5Cevil.example/support/');
    expect(url('//evil.example/support')).toBe('https://shop.example//evil.example/support/');
  });

  test('control characters (a line break, NUL) stay escaped in {path}, as the request wrote them', () => {
    expect(requestedUrl(notFound, '/x\n\nHi, please cancel/', '/').pathname).toBe('/x%0A%0AHi,%20please%20cancel/');
    expect(pagePath('/x%0A%0AHi%00/', site)).toBe('/x%0A%0AHi%00/');
    expect(pagePath('/a%C2%85b%7F/', site)).toBe('/a%C2%85b%7F/');
  });
});
