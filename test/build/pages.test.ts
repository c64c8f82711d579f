/**
 * One fixture site (.astro, .md and .mdx pages) built three ways: Astro's default Sätteri
 * processor with Chatra and a base path; `unified()` without Chatra; and with CSP on.
 */
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFixture, type BuiltSite } from './fixture.ts';
import { attribute, parsePage, textOf } from './html.ts';

const PHONE = 'https://wa.me/79001234567';
const PAGE_TEXT = `${PHONE}?text=Hello%21`;
const pages = ['index.html', 'pricing/index.html', 'guide/index.html', 'components/index.html', 'prefilled/index.html'];

function floatingLinks(html: string) {
  return parsePage(html).all('a', { class: /\bacw-floating\b/ });
}

function pageData(html: string) {
  const [data] = parsePage(html).all('script', { id: 'chatra-whatsapp-page' });
  return data && (JSON.parse(textOf(data)) as { texts: string; autoMessage: boolean });
}

/** `[text][ref]` with `[ref]: whatsapp:`: a reference link is the same link as `[text](whatsapp:)`. */
function referenceLinkTests(site: () => BuiltSite) {
  test('.md: a reference link to a whatsapp: definition becomes the link, opening in a new tab, whatever case its label', () => {
    const links = parsePage(site().read('prefilled/index.html')).all('a');
    const byText = (text: string) => links.filter((a) => textOf(a) === text);
    for (const [text, href] of [
      ['ask us', PAGE_TEXT],
      ['Ask Us', PAGE_TEXT],
      ['ask about plans', `${PHONE}?text=About%20plans`],
    ]) {
      const [link] = byText(text);
      expect(attribute(link, 'href')).toBe(href);
      expect(attribute(link, 'target')).toBe('_blank');
      expect(attribute(link, 'rel')).toBe('noopener noreferrer');
    }
  });
}

/**
 * A Markdown or MDX file's frontmatter `whatsapp:` with no layout line: pages of their own and
 * collection entries rendered with `<Content />`; a layout's Astro.locals.whatsapp wins.
 */
function frontmatterTests(site: () => BuiltSite) {
  const message = (html: string) => {
    const href = attribute(floatingLinks(html)[0], 'href');
    return href && new URL(href.replace(/&amp;/g, '&')).searchParams.get('text');
  };
  test.each([
    ['quiet/index.html', 'a .md page'],
    ['posts/quiet-post/index.html', 'a .md collection entry'],
  ])('whatsapp: false in %s (%s): no floating button, and no marker left', (path) => {
    const html = site().read(path);
    expect(floatingLinks(html)).toHaveLength(0);
    expect(html).not.toContain('astro-chatra-whatsapp"');
    expect(html).not.toContain('%acw-');
  });

  test.each([
    ['asked/index.html', 'About Asked'],
    ['posts/asked-post/index.html', 'Post Asked post'],
  ])('whatsapp: { text } in %s (.mdx page, .mdx entry): the page message "%s"', (path, text) => {
    const html = site().read(path);
    expect(message(html)).toBe(text);
    const [nav] = parsePage(html)
      .all('a')
      .filter((a) => textOf(a) === 'WhatsApp us');
    expect(new URL(attribute(nav, 'href')!.replace(/&amp;/g, '&')).searchParams.get('text')).toBe(text);
    expect(html).not.toContain('%acw-');
  });

  test("the layout's Astro.locals.whatsapp wins over the page's frontmatter", () => {
    expect(message(site().read('override/index.html'))).toBe('From the layout');
  });
}

describe('Sätteri (the default), Chatra, base /docs', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('pages', {
      base: '/docs',
      integrations: [
        mdx(),
        chatraWhatsApp({
          whatsapp: { phone: '+7 (900) 123-45-67', text: 'Hello!' },
          chatra: { id: 'DemoChatraId2026', load: 'interaction' },
          texts: { autoMessage: { text: 'Hi! {whatsapp}', pages: ['/pricing/**'] } },
        }),
      ],
    });
  });

  test.each(pages)('%s: floating link, page data and loader under the base path', (path) => {
    const html = site.read(path);
    const [floating] = floatingLinks(html);
    expect(attribute(floating, 'href')).toBe(PAGE_TEXT);
    expect(pageData(html).texts).toMatch(/^\/docs\/_astro\/acw-en\.\w+\.json$/);
    const [loader] = parsePage(html).all('script', { id: 'chatra-whatsapp-loader' });
    expect(attribute(loader, 'src')).toMatch(/^\/docs\/_astro\/acw-loader\.\w+\.js$/);
    expect(site.exists(attribute(loader, 'src')!.replace('/docs/', ''))).toBe(true);
  });

  test.each(pages)('%s: #whatsapp and #chat links in the layout become the WhatsApp link; others stay', (path) => {
    const page = parsePage(site.read(path));
    const byText = (text: string) => page.all('a').find((a) => textOf(a) === text)!;
    for (const text of ['WhatsApp us', 'Chat']) {
      expect(attribute(byText(text), 'href')).toBe(PAGE_TEXT);
      expect(attribute(byText(text), 'target')).toBe('_blank');
      expect(attribute(byText(text), 'rel')).toBe('noopener noreferrer');
    }
    expect(attribute(byText('Chat'), 'data-chatra-whatsapp')).toBe('chat');
    expect(attribute(byText('Chat'), 'class')).toBe('menu');
    expect(attribute(byText('WhatsApp us'), 'data-chatra-whatsapp')).toBeUndefined();
    expect(attribute(byText('Top'), 'href')).toBe('#top');
  });

  test('the auto message goes only to pages matching its globs (paths without base)', () => {
    expect(pages.filter((path) => pageData(site.read(path)).autoMessage)).toEqual(['pricing/index.html']);
  });

  test('the texts file holds the phone link with its message, in Chatra syntax', () => {
    const texts = JSON.parse(site.read(pageData(site.read('index.html')).texts.replace('/docs/', '')));
    expect(texts.customStrings.offlineNote).toContain(`](${PAGE_TEXT})`);
    expect(texts.autoMessage).toBe(`Hi! [Write to us on WhatsApp](${PAGE_TEXT})`);
  });

  test('.md: [text](whatsapp:) becomes the link; GFM still runs', () => {
    const page = parsePage(site.read('guide/index.html'));
    const [link] = page.all('a').filter((a) => textOf(a) === 'Ask us on WhatsApp');
    expect(attribute(link, 'href')).toBe(PAGE_TEXT);
    expect(attribute(link, 'rel')).toBe('noopener noreferrer');
    expect(page.all('table')).toHaveLength(1);
  });

  test(".md: whatsapp:?text= sets this page's message", () => {
    const [link] = parsePage(site.read('prefilled/index.html'))
      .all('a')
      .filter((a) => textOf(a) === 'Ask about pricing');
    expect(attribute(link, 'href')).toBe(`${PHONE}?text=About%20pricing%20%282026%29`);
  });

  describe('frontmatter', () => frontmatterTests(() => site));
  describe('reference links', () => referenceLinkTests(() => site));

  test('.mdx: the components, with their props, and a whatsapp: link', () => {
    const page = parsePage(site.read('components/index.html'));
    const [plain, large] = page.all('a', { class: /\bacw-inline\b/ });
    expect(attribute(plain, 'href')).toBe(PAGE_TEXT);
    expect(textOf(plain)).toBe('Write to us on WhatsApp');
    expect(textOf(large)).toBe('Ask sales');
    expect(attribute(large, 'class')).toMatch(/\bacw-large\b.*\bacw-dark\b/);
    const [markdown] = page.all('a').filter((a) => textOf(a) === 'Markdown link');
    expect(attribute(markdown, 'href')).toBe(PAGE_TEXT);
  });
});

describe('unified() processor, no Chatra', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('pages', {
      markdown: { processor: unified() },
      integrations: [mdx(), chatraWhatsApp({ whatsapp: { phone: '+7 900 123 45 67', text: 'Hello!' } })],
    });
  });

  test.each(pages)('%s: the WhatsApp button, and no Chatra code', (path) => {
    const html = site.read(path);
    expect(attribute(floatingLinks(html)[0], 'href')).toBe(PAGE_TEXT);
    expect(pageData(html)).toBeUndefined();
    expect(html).not.toContain('call.chatra.io');
    expect(parsePage(html).all('button', { class: /\bacw-facade\b/ })).toHaveLength(0);
    // The analytics listener is the only script: a cached file, none inline.
    const scripts = parsePage(html).all('script');
    expect(scripts.filter((script) => textOf(script).includes('whatsapp:click'))).toHaveLength(0);
    const listener = scripts.filter((script) => /^\/_astro\/acw-analytics\.[0-9a-f]{10}\.js$/.test(attribute(script, 'src') ?? ''));
    expect(listener).toHaveLength(1);
    expect(attribute(listener[0], 'async')).toBe('');
    expect(site.read(attribute(listener[0], 'src')!.slice(1))).toContain('whatsapp:click');
    // The stylesheet: one cached file for the site, linked right after <head>.
    const [link] = parsePage(html).all('link', { rel: 'stylesheet', href: /^\/_astro\/acw-page\.[0-9a-f]{10}\.css$/ });
    expect(site.read(attribute(link, 'href')!.slice(1))).toContain('.acw-floating');
    const sheet = site.read(attribute(link, 'href')!.slice(1));
    expect(
      parsePage(html)
        .all('style')
        .filter((style) => textOf(style) === sheet),
    ).toHaveLength(0);
  });

  describe('frontmatter', () => frontmatterTests(() => site));
  describe('reference links', () => referenceLinkTests(() => site));

  test('.md and .mdx whatsapp: links are rewritten by the remark plugin', () => {
    const [guide] = parsePage(site.read('guide/index.html'))
      .all('a')
      .filter((a) => textOf(a) === 'Ask us on WhatsApp');
    expect(attribute(guide, 'href')).toBe(PAGE_TEXT);
    expect(attribute(guide, 'target')).toBe('_blank');
    const [prefilled] = parsePage(site.read('prefilled/index.html'))
      .all('a')
      .filter((a) => textOf(a) === 'Ask about pricing');
    expect(attribute(prefilled, 'href')).toBe(`${PHONE}?text=About%20pricing%20%282026%29`);
    const [mdxLink] = parsePage(site.read('components/index.html'))
      .all('a')
      .filter((a) => textOf(a) === 'Markdown link');
    expect(attribute(mdxLink, 'href')).toBe(PAGE_TEXT);
  });

  test('no loader or texts files are emitted: only the stylesheet and the analytics listener', () => {
    expect(
      site
        .files('_astro')
        .filter((name) => name.startsWith('acw-'))
        .map((name) => name.replace(/\.[0-9a-f]{10}\./, '.'))
        .sort(),
    ).toEqual(['acw-analytics.js', 'acw-page.css']);
  });
});

describe('security.csp: true', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    // A policy whose styles come from elsewhere only: our stylesheet is inlined and allowed by its
    // hash. Consent: the one build with an inline bootstrap, allowed by its hash.
    site = await buildFixture('pages', {
      security: { csp: { styleDirective: { resources: ['https://fonts.example'] } } },
      integrations: [mdx(), chatraWhatsApp({ whatsapp: { phone: '+7 900 123 45 67' }, chatra: { id: 'DemoChatraId2026', consent: true } })],
    });
  });

  test.each(pages)("%s: the policy allows our stylesheet, bootstrap and chatra.js, and keeps 'self'", async (path) => {
    const page = parsePage(site.read(path));
    const [meta] = page.all('meta', { 'http-equiv': /content-security-policy/i });
    const policy = Object.fromEntries(
      attribute(meta, 'content')!
        .split(';')
        .map((directive) => {
          const [name, ...sources] = directive.trim().split(/\s+/);
          return [name, sources];
        }),
    );
    const hash = async (text: string) =>
      `'sha256-${Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('base64')}'`;
    const [style] = page.all('style').filter((element) => textOf(element).includes('.acw-floating'));
    const [bootstrap] = page.all('script').filter((element) => textOf(element).includes('ChatraID'));
    expect(policy['style-src']).toContain(await hash(textOf(style)));
    expect(policy['script-src']).toContain(await hash(textOf(bootstrap)));
    expect(policy['script-src']).toContain("'self'");
    expect(policy['script-src']).toContain('https://call.chatra.io');
  });
});

describe("security.csp with 'strict-dynamic', a page without the widget", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('pages', {
      security: { csp: { scriptDirective: { strictDynamic: true } } },
      integrations: [
        mdx(),
        chatraWhatsApp({ whatsapp: { phone: '+7 900 123 45 67' }, chatra: { id: 'DemoChatraId2026', exclude: ['/pricing'] } }),
      ],
    });
  });

  test('its analytics listener is inline, allowed by its hash; the pages with the widget keep the bootstrap, allowed by its own', async () => {
    const hash = async (text: string) =>
      `'sha256-${Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('base64')}'`;
    const scriptSources = (path: string) => {
      const page = parsePage(site.read(path));
      const [meta] = page.all('meta', { 'http-equiv': /content-security-policy/i });
      const directive = attribute(meta, 'content')!
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .find(([name]) => name === 'script-src')!;
      const ours = page.all('script').filter((element) => /whatsapp|ChatraID/.test(textOf(element)));
      return { sources: directive.slice(1), ours: ours.map(textOf) };
    };
    const without = scriptSources('pricing/index.html');
    expect(without.ours).toHaveLength(1);
    expect(without.ours[0]).toContain('whatsapp:click');
    expect(without.ours[0]).not.toContain('ChatraID');
    expect(without.sources).toContain(await hash(without.ours[0]));
    const withWidget = scriptSources('index.html');
    expect(withWidget.ours).toHaveLength(1);
    expect(withWidget.ours[0]).toContain('ChatraID');
    expect(withWidget.sources).toContain(await hash(withWidget.ours[0]));
  });
});
