/** The demo site at the repository root, built as `npm start` builds it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultTexts } from '../../integration/config/default-texts.ts';
import { TOOLBAR_EVENTS, TOOLBAR_WINDOW_ATTRIBUTE } from '../../integration/shared/toolbar-data.ts';
import { buildFixture, type BuiltSite } from './fixture.ts';
import { attribute, parsePage, textOf } from './html.ts';

const DEMO_LINK = 'https://wa.me/message/DEMOCHATRAWAQ1';
let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixture('../..', { configFile: 'astro.config.mjs' });
});

/** The texts file a page points its Chatra at, as the loader will fetch it. */
function textsOf(path: string) {
  const page = parsePage(site.read(path));
  const [data] = page.all('script', { id: 'chatra-whatsapp-page', type: 'application/json' });
  const { texts } = JSON.parse(textOf(data)) as { texts: string };
  return JSON.parse(readFileSync(join(site.outDir, texts), 'utf8')) as {
    customStrings: Record<string, string>;
    language: string;
    autoMessage?: string;
  };
}

describe('the built demo', () => {
  test.each([
    ['index.html', 'en'],
    ['ru/index.html', 'ru'],
  ] as const)('%s: Chatra gets texts in %s holding [label](link)', (path, language) => {
    const label = defaultTexts[language].linkLabel;
    const texts = textsOf(path);
    expect(texts.language).toBe(language);
    const values = Object.values(texts.customStrings);
    expect(values.length).toBeGreaterThanOrEqual(6);
    for (const value of values) {
      expect(value).toContain(`](${DEMO_LINK})`);
      expect(value).not.toMatch(/\]\s+\(/);
    }
    expect(texts.customStrings.bot_afterForm).toContain(`[${label}](${DEMO_LINK})`);
  });

  test("the Russian page keeps the site owner's own offline note", () => {
    expect(defaultTexts.ru.linkLabel).not.toBe(defaultTexts.en.linkLabel);
    expect(textsOf('ru/index.html').customStrings.offlineNote).toBe(
      `Сейчас нас нет в сети. Оставьте сообщение здесь или [${defaultTexts.ru.linkLabel}](${DEMO_LINK}).`,
    );
  });

  test.each([
    ['index.html', 'Hi 👋 Questions about the demo? We answer on WhatsApp'],
    ['ru/index.html', 'Здравствуйте 👋 Есть вопросы о демо? Ответим в WhatsApp'],
  ])('%s: the greeting in the page language, beside the button, its link the button’s', (path, text) => {
    const page = parsePage(site.read(path));
    const [greeting] = page.all('details', { class: /\bacw-greeting\b/ });
    expect(textOf(page.all('span', { class: /\bacw-greeting-text\b/ })[0])).toBe(text);
    expect(attribute(greeting, 'open')).toBe('');
    expect(attribute(page.all('a', { class: /\bacw-greeting-card\b/ })[0], 'href')).toBe(DEMO_LINK);
  });

  test.each(['index.html', 'ru/index.html', 'whatsapp/index.html'])(
    '%s: the floating WhatsApp link, the loader and the page data',
    (path) => {
      const page = parsePage(site.read(path));
      const [floating, ...more] = page.all('a', { class: /\bacw-floating\b/ });
      expect(more).toHaveLength(0);
      expect(attribute(floating, 'href')).toBe(DEMO_LINK);
      expect(attribute(floating, 'target')).toBe('_blank');
      expect(attribute(floating, 'rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
      expect(textOf(floating).trim()).not.toBe('');
      // No inline script: the cached loader sets up Chatra's queue and id itself. It follows the
      // page data it reads, async; the stylesheet is a cached file too.
      const headScripts = page.all('script').filter((script) => page.head.childNodes.includes(script));
      expect(headScripts.filter((script) => !attribute(script, 'src') && attribute(script, 'type') !== 'application/json')).toHaveLength(0);
      const loader = headScripts.findIndex((script) => /\/_astro\/acw-loader\.\w+\.js$/.test(attribute(script, 'src') ?? ''));
      expect(loader).toBeGreaterThan(-1);
      expect(site.read(attribute(headScripts[loader], 'src')!.slice(1))).toContain('"DemoChatraId2026"');
      expect(headScripts.findIndex((script) => attribute(script, 'id') === 'chatra-whatsapp-page')).toBeLessThan(loader);
      expect(attribute(headScripts[loader], 'async')).toBe('');
      expect(page.all('link', { rel: 'stylesheet', href: /^\/_astro\/acw-page\.\w+\.css$/ })).toHaveLength(1);
    },
  );

  test('the MDX page renders <WhatsAppButton /> and a [text](whatsapp:) link', () => {
    const page = parsePage(site.read('whatsapp/index.html'));
    const [inline] = page.all('a', { class: /\bacw-inline\b/ });
    expect(attribute(inline, 'href')).toBe(DEMO_LINK);
    expect(textOf(inline)).toBe(defaultTexts.en.linkLabel);
    const [markdownLink] = page.all('a').filter((a) => textOf(a) === 'ask us on WhatsApp');
    expect(attribute(markdownLink, 'href')).toBe(DEMO_LINK);
    expect(attribute(markdownLink, 'target')).toBe('_blank');
  });

  test('nothing of the dev toolbar app reaches the build', () => {
    const files = readdirSync(site.outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(join(file.parentPath, file.name), 'utf8');
      expect(text.includes(TOOLBAR_EVENTS.data) || text.includes(TOOLBAR_WINDOW_ATTRIBUTE), file.name).toBe(false);
    }
  });

  test('the loader is one cached file that loads chatra.js', () => {
    const loaders = site.files('_astro').filter((file) => file.startsWith('acw-loader.'));
    expect(loaders).toHaveLength(1);
    expect(site.read(`_astro/${loaders[0]}`)).toContain('https://call.chatra.io/chatra.js');
  });

  test("Pagefind, run over the whole built site as many themes do, indexes each page's own text and none of the kit's", async () => {
    const { index } = await pagefind.createIndex();
    try {
      const { errors, page_count } = await index!.addDirectory({ path: site.outDir });
      expect(errors).toEqual([]);
      expect(page_count).toBeGreaterThanOrEqual(3);
      const { files } = await index!.getFiles();
      // A fragment is a page's indexed text: gzip, then "pagefind_dcd" and JSON.
      const fragments = files
        .filter((file) => file.path.endsWith('.pf_fragment'))
        .map(
          (file) =>
            JSON.parse(
              gunzipSync(file.content)
                .toString('utf8')
                .replace(/^pagefind_dcd/, ''),
            ) as { url: string; content: string },
        );
      const home = fragments.find((fragment) => fragment.url === '/');
      expect(home?.content).toContain(textOf(parsePage(site.read('index.html')).all('h1')[0]));
      for (const { url, content } of fragments) {
        for (const kitText of [
          'Questions about the demo? We answer',
          'Typically replies within an hour',
          'Есть вопросы о демо',
          'Связаться с нами',
        ]) {
          expect(content, url).not.toContain(kitText);
        }
      }
    } finally {
      await pagefind.close();
    }
  });
});
