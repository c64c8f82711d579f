/** A `whatsapp:` link the contact can't honour, or a wrong page setting, stops the build, naming the file or page. */
import { unified } from '@astrojs/markdown-remark';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildFixture } from './fixture.ts';
import { printedDuring } from '../support/printed.ts';

test.each([
  ['Sätteri', {}, 'bad-link', 5],
  ['unified()', { markdown: { processor: unified() } }, 'bad-link', 5],
  ['Sätteri, a reference link', {}, 'bad-reference', 7],
  ['unified(), a reference link', { markdown: { processor: unified() } }, 'bad-reference', 7],
] as const)('%s: whatsapp:?text= with a short link fails with file:line and the way out', async (_name, markdown, fixture, line) => {
  const error = await buildFixture(fixture, {
    ...markdown,
    integrations: [chatraWhatsApp({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1' })],
  }).then(
    () => undefined,
    (thrown: Error & { loc?: { file?: string; line?: number } }) => thrown,
  );
  expect(error, 'the build must fail').toBeDefined();
  const where = `${error!.message} ${error!.loc?.file ?? ''}:${error!.loc?.line ?? ''}`;
  expect(where).toMatch(new RegExp(`${fixture}/src/pages/index\\.md`));
  expect(where).toMatch(new RegExp(`index\\.md:${line}\\b|:${line}$`));
  expect(error!.message).toMatch(/WhatsApp Business app/);
});

test('a wrong Astro.locals.whatsapp stops the build, naming the page and the fix', async () => {
  const error = await buildFixture('bad-page-setting', { integrations: [chatraWhatsApp({ whatsapp: { phone: '+49 30 1234567' } })] }).then(
    () => undefined,
    (thrown: Error & { hint?: string }) => thrown,
  );
  expect(error, 'the build must fail').toBeDefined();
  expect(error!.message).toMatch(/^`Astro\.locals\.whatsapp on \/`: expected false or \{ text/);
  expect(error!.hint).toMatch(/Astro\.locals\.whatsapp = false/);
});

test('a component used without the integration stops the build, saying how to add it', async () => {
  const error = await buildFixture('no-integration').then(
    () => undefined,
    (thrown: Error) => thrown,
  );
  expect(error, 'the build must fail').toBeDefined();
  expect(error!.message).toMatch(/need the integration\. Add it to astro\.config\.mjs/);
  expect(error!.message).not.toMatch(/virtual:|Rollup|Could not resolve/);
});

test.each([
  ['Sätteri', {}],
  ['unified()', { markdown: { processor: unified() } }],
])('%s: a wrong frontmatter whatsapp: stops the build, naming the file and the fix', async (_name, markdown) => {
  const error = await buildFixture('bad-frontmatter', {
    ...markdown,
    integrations: [chatraWhatsApp({ whatsapp: { phone: '+49 30 1234567' } })],
  }).then(
    () => undefined,
    (thrown: Error & { loc?: { file?: string } }) => thrown,
  );
  expect(error, 'the build must fail').toBeDefined();
  expect(`${error!.message} ${error!.loc?.file ?? ''}`).toMatch(/bad-frontmatter\/src\/pages\/post\.md/);
  expect(error!.message).toMatch(/frontmatter whatsapp`?: expected false or \{ text: "…" \}.*, got "off"/);
  expect(error!.message).toMatch(/whatsapp: false/);
});

describe("a collection entry's Markdown (Astro renders it while syncing content, and only logs what fails there)", () => {
  test.each([
    [
      'Sätteri',
      'a frontmatter whatsapp:',
      'bad-collection',
      /bad-collection\/src\/notes\/off\.md: `frontmatter whatsapp`: expected false/,
      {},
    ],
    [
      'unified()',
      'a frontmatter whatsapp:',
      'bad-collection',
      /bad-collection\/src\/notes\/off\.md: `frontmatter whatsapp`: expected false/,
      { markdown: { processor: unified() } },
    ],
    ['Sätteri', 'a whatsapp: link', 'bad-collection-link', /bad-collection-link\/src\/notes\/link\.md:7:\d+: .*WhatsApp Business app/, {}],
    [
      'unified()',
      'a whatsapp: link',
      'bad-collection-link',
      /bad-collection-link\/src\/notes\/link\.md:7:\d+: .*WhatsApp Business app/,
      { markdown: { processor: unified() } },
    ],
  ])(
    '%s: %s that is wrong stops the build at the page that shows it, naming the file, again when cached',
    async (_name, _what, fixture, message, markdown) => {
      const once = () =>
        buildFixture(fixture, {
          ...markdown,
          integrations: [chatraWhatsApp({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1' })],
        }).then(
          () => undefined,
          (thrown: Error & { hint?: string }) => thrown,
        );
      const first = await once();
      expect(first, 'the build must fail').toBeDefined();
      expect(first!.message).toMatch(message);
      expect(first!.hint).toMatch(/The page \/(off|link)\/ shows/);
      // The content store keeps the entry's HTML from the first build: the same error, not a page without its body.
      const again = await once();
      expect(again?.message).toBe(first!.message);
    },
  );
});

// Markdoc itself isn't installed here (its peer range lags Astro 7); the warning keys on its integration's name.
const markdoc = { name: '@astrojs/markdoc', hooks: {} };
const addsMarkdoc = {
  name: 'adds-markdoc',
  hooks: {
    'astro:config:setup': ({ updateConfig }: { updateConfig: (config: object) => void }) => updateConfig({ integrations: [markdoc] }),
  },
};
test.each([
  ['@astrojs/markdoc listed after ours', 1, [markdoc]],
  ['@astrojs/markdoc added by another integration', 1, [addsMarkdoc]],
  ['no Markdoc', 0, []],
])('%s: `astro sync` warns %i time(s) that .mdoc files keep their whatsapp: links', async (_name, warnings, others) => {
  const { sync } = await import('astro');
  const printed = await printedDuring(() =>
    sync({
      root: fileURLToPath(new URL('../fixtures/pages/', import.meta.url)),
      configFile: false,
      logLevel: 'warn',
      integrations: [chatraWhatsApp({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1' }), ...others],
    }),
  );
  expect(printed.match(/\.mdoc \(Markdoc\) files/g) ?? []).toHaveLength(warnings);
  if (warnings) expect(printed).toMatch(/Link to #whatsapp \(or #chat\) there/);
});
