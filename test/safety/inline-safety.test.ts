/**
 * Property tests: whatever a site owner writes in the options, what reaches the page is parsed by
 * the browser exactly as written — no string ends the <script> early, bends the HTML, or changes
 * a value. Checked the way a browser reads it: parse5 tokenises the HTML, a JS engine runs the script.
 */
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { clientAssets } from '../../integration/config/client-assets.ts';
import { serializeForScript } from '../../integration/shared/escape.ts';
import { loaderScriptHtml, whatsAppButtonHtml } from '../../integration/shared/markup.ts';
import { resolveOptions } from '../../integration/config/resolve.ts';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];

const RUNS = 10_000;

/** Strings built from the pieces that break naive escaping, mixed with arbitrary Unicode. */
const nasty = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '</script>',
        '</SCRIPT >',
        '<!--',
        '-->',
        '<script',
        ']]>',
        '\u2028',
        '\u2029',
        '"',
        "'",
        '\\',
        '`',
        '${',
        '😀',
        '\u200f',
        '\u202e',
        '\0',
        '&amp;',
        '<',
        '>',
        '&',
      ),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

function elements(node: Node, tag: string, found: Element[] = []): Element[] {
  if ('tagName' in node && node.tagName === tag) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child as Node, tag, found);
  if ('content' in node && node.content) elements(node.content as unknown as Node, tag, found);
  return found;
}

function text(node: Element): string {
  return node.childNodes.map((child) => ('value' in child ? child.value : 'childNodes' in child ? text(child as Element) : '')).join('');
}

/** The page as a browser parses it: the script element's text, and whether the markup after it survived. */
function parseScriptPage(script: string, type = '') {
  const document = parse(
    `<!doctype html><html><head><script${type}>${script}</script><meta name="after"></head><body><p id="end">end</p></body></html>`,
  );
  const scripts = elements(document, 'script');
  const after = elements(document, 'meta');
  const end = elements(document, 'p');
  return { scripts, intact: after.length === 1 && end.length === 1 && text(end[0]) === 'end' };
}

describe('serializeForScript', () => {
  test(`round-trips any JSON value through an HTML <script> (${RUNS} runs)`, () => {
    const value = fc.oneof(
      nasty,
      fc.dictionary(nasty, fc.oneof(nasty, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 4 }),
      fc.array(nasty, { maxLength: 4 }),
    );
    fc.assert(
      fc.property(value, (input) => {
        const serialized = serializeForScript(input);
        for (const type of ['', ' type="application/json"']) {
          const { scripts, intact } = parseScriptPage(serialized, type);
          if (scripts.length !== 1 || !intact || text(scripts[0]) !== serialized) return false;
        }
        // As data (JSON.parse) and as code (a JS expression), the value comes back unchanged.
        expect(JSON.parse(serialized)).toEqual(input);
        expect(runInNewContext(`(${serialized})`)).toEqual(input);
        return true;
      }),
      { numRuns: RUNS },
    );
  });
});

/** Resolved once: the properties vary only the values under test. */
const resolved = await resolveOptions(
  { whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra: { id: 'DemoChatraId2026', load: 'eager' } },
  { i18n: undefined },
);

describe('the head-inline bootstrap (consent builds)', () => {
  /** Runs the bootstrap against a minimal page; returns what it set up. */
  function runBootstrap(code: string) {
    const attributes: Record<string, string> = {};
    const window: Record<string, unknown> = {
      setTimeout: () => 0,
      addEventListener: () => undefined,
      document: {
        documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) },
        addEventListener: () => undefined,
      },
    };
    window.window = window;
    runInNewContext(code, window);
    return { window, attributes };
  }

  test(`keeps the Chatra id exactly, inside <script>; the loader URL keeps the site's base (${RUNS} runs)`, () => {
    const base = fc
      .array(fc.oneof(fc.constantFrom('</script>', '<!--', '\u2028', '"', "'", '\\', 'ü', ' '), fc.string({ maxLength: 6 })), {
        maxLength: 5,
      })
      .map((parts) => `/${parts.join('')}`);
    const id = fc.stringMatching(/^[A-Za-z0-9]{8,40}$/);
    fc.assert(
      fc.property(id, base, fc.constantFrom('eager', 'idle', 'interaction'), fc.boolean(), (chatraId, siteBase, load, consent) => {
        const assets = clientAssets({ ...resolved, chatra: { ...resolved.chatra!, id: chatraId, load, consent } }, siteBase);
        const bootstrap = assets.bootstrap;
        // Only consent needs a script before the loader (its API may be called at once).
        if (!consent) return bootstrap === '' && assets.loaderUrl!.startsWith(`${siteBase.replace(/\/?$/, '/')}_astro/acw-loader.`);
        const { scripts, intact } = parseScriptPage(bootstrap);
        if (scripts.length !== 1 || !intact || text(scripts[0]) !== bootstrap) return false;
        const { window, attributes } = runBootstrap(bootstrap);
        expect(window.ChatraID).toBe(chatraId);
        expect(typeof window.Chatra).toBe('function');
        expect(attributes['data-chatra-whatsapp']).toBe('consent');
        // The loader's <script src> is an attribute: the browser reads back exactly the URL we wrote.
        const document = parse(`<!doctype html><html><head>${loaderScriptHtml(assets.loaderUrl)}</head><body></body></html>`);
        const [loader] = elements(document, 'script');
        expect(loader.attrs.find((attribute) => attribute.name === 'src')?.value).toBe(assets.loaderUrl);
        expect(assets.loaderUrl!.startsWith(`${siteBase.replace(/\/?$/, '/')}_astro/acw-loader.`)).toBe(true);
        return true;
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the cached loader', () => {
  test(`carries any ChatraSetup string value unchanged (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(nasty, nasty, (groupId, selector) => {
        const setup = { groupId: groupId || 'g', customWidgetButton: selector || '.c' };
        const { files } = clientAssets({ ...resolved, chatra: { ...resolved.chatra!, setup } }, '/');
        const loader = Object.entries(files).find(([name]) => name.startsWith('acw-loader.'))![1].body;
        // The loader starts from the page: run it far enough to see the setup it would hand to Chatra.
        const seen: { setup?: Record<string, unknown> } = {};
        const window: Record<string, unknown> = {
          Chatra: () => undefined,
          performance: { now: () => 0 },
          setTimeout: () => 0,
          clearTimeout: () => undefined,
          addEventListener: () => undefined,
          // A page without texts resolves at once; this stand-in runs the continuation synchronously.
          Promise: { resolve: () => ({ catch: () => ({ then: (next: (texts: object) => void) => next({}) }) }) },
          sessionStorage: { getItem: () => null, setItem: () => undefined },
          document: {
            documentElement: { getAttribute: () => 'loading', setAttribute: () => undefined },
            getElementById: () => null,
            createElement: () => ({ setAttribute: () => undefined }),
            head: { appendChild: () => (seen.setup = window.ChatraSetup as Record<string, unknown>), querySelector: () => null },
            addEventListener: () => undefined,
          },
        };
        window.window = window;
        runInNewContext(loader, window);
        expect(seen.setup?.groupId).toBe(groupId || 'g');
        expect(seen.setup?.customWidgetButton).toBe(selector || '.c');
        return true;
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the loader and a page's data", () => {
  /** Runs the loader on a page whose head holds `data`: what it fetches, and what it hands Chatra. */
  async function runLoader(loader: string, data: unknown) {
    const fetched: string[] = [];
    const seen: { setup?: { locale: { customStrings: Record<string, string> } } } = {};
    const texts = { customStrings: { offlineNote: 'Away. [WhatsApp](https://wa.me/49301234567?text=Hi)' } };
    let chatraAdded: () => void = () => {};
    const added = new Promise<void>((resolve) => (chatraAdded = resolve));
    const window: Record<string, unknown> = {
      Chatra: () => undefined,
      performance: { now: () => 0 },
      URL,
      location: { href: 'https://site.example/docs/page/', origin: 'https://site.example' },
      setTimeout: () => 0,
      clearTimeout: () => undefined,
      addEventListener: () => undefined,
      fetch: (url: string) => {
        fetched.push(url);
        return Promise.resolve({ ok: true, json: () => Promise.resolve(structuredClone(texts)) });
      },
      sessionStorage: { getItem: () => null, setItem: () => undefined },
      document: {
        documentElement: { getAttribute: () => 'loading', setAttribute: () => undefined },
        getElementById: () => null,
        createElement: () => ({ setAttribute: () => undefined }),
        head: {
          appendChild: () => {
            seen.setup = window.ChatraSetup as typeof seen.setup;
            chatraAdded();
          },
          querySelector: () => ({ textContent: JSON.stringify(data) }),
        },
        addEventListener: () => undefined,
      },
    };
    window.window = window;
    runInNewContext(loader, window);
    await added;
    return { fetched, strings: seen.setup!.locale.customStrings };
  }

  test(`fetches texts only from this origin's /_astro/acw- folder and swaps only WhatsApp links, whatever the page data says (${RUNS} runs)`, async () => {
    const { files } = clientAssets({ ...resolved, chatra: { ...resolved.chatra!, load: 'eager' } }, '/docs');
    const loader = Object.entries(files).find(([name]) => name.startsWith('acw-loader.'))![1].body;
    const own = '/docs/_astro/acw-en.0123456789.json';
    const texts = fc.oneof(
      fc.constantFrom(
        own,
        'https://site.example' + own,
        'data:application/json,{}',
        'https://evil.example/docs/_astro/acw-x.json',
        '//evil.example/docs/_astro/acw-x.json',
        '/docs/_astro/acw-x.js',
        '/other/_astro/acw-x.json',
        // The site's own assets beside ours: not texts.
        '/docs/_astro/x.json',
        'javascript:alert(1)',
        ' /docs/_astro/acw-x.json',
      ),
      nasty,
    );
    const links = fc.dictionary(
      fc.oneof(fc.constant('https://wa.me/49301234567?text=Hi'), nasty),
      fc.oneof(fc.constant('https://wa.me/49301234567?text=Own'), fc.constant('https://evil.example/pay'), nasty),
      { maxKeys: 3 },
    );
    await fc.assert(
      fc.asyncProperty(texts, links, fc.boolean(), async (url, pageLinks, autoMessage) => {
        const { fetched, strings } = await runLoader(loader, { texts: url, links: pageLinks, autoMessage });
        for (const fetchedUrl of fetched) {
          const parsed = new URL(fetchedUrl, 'https://site.example/docs/page/');
          expect(parsed.origin).toBe('https://site.example');
          expect(parsed.pathname.startsWith('/docs/_astro/acw-') && parsed.pathname.endsWith('.json')).toBe(true);
        }
        // Whatever the page data maps, every link Chatra gets is a WhatsApp link.
        for (const link of Object.values(strings)
          .join(' ')
          .matchAll(/\]\(([^)]*)\)/g))
          expect(link[1]).toMatch(/^https:\/\/wa\.me\//);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the WhatsApp button', () => {
  test(`shows any label as text, never as markup (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(nasty, (label) => {
        const html = whatsAppButtonHtml({ href: 'https://wa.me/79001234567?text=a%26b', label });
        const document = parse(`<!doctype html><html><head></head><body>${html}<p id="end">end</p></body></html>`);
        const links = elements(document, 'a');
        if (links.length !== 1 || elements(document, 'p').length !== 1) return false;
        const href = links[0].attrs.find((attribute) => attribute.name === 'href')?.value;
        const shown = text(elements(links[0] as unknown as Node, 'span')[0]);
        // As in browsers, the HTML parser drops NUL from text and turns CR LF into LF.
        return href === 'https://wa.me/79001234567?text=a%26b' && shown === label.replace(/\r\n?/g, '\n').replace(/\0/g, '');
      }),
      { numRuns: RUNS },
    );
  });
});
