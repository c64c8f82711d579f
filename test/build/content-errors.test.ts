/** A `whatsapp:` link the contact can't honour stops the build, naming the file and the line. */
import { unified } from '@astrojs/markdown-remark';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { expect, test } from 'vitest';
import { buildFixture } from './fixture.ts';

test.each([
  ['Sätteri', {}],
  ['unified()', { markdown: { processor: unified() } }],
])('%s: whatsapp:?text= with a short link fails with file:line and the way out', async (_name, markdown) => {
  const error = await buildFixture('bad-link', { ...markdown, integrations: [chatraWhatsApp({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1' })] }).then(
    () => undefined,
    (thrown: Error & { loc?: { file?: string; line?: number } }) => thrown,
  );
  expect(error, 'the build must fail').toBeDefined();
  const where = `${error!.message} ${error!.loc?.file ?? ''}:${error!.loc?.line ?? ''}`;
  expect(where).toMatch(/bad-link\/src\/pages\/index\.md/);
  expect(where).toMatch(/index\.md:5\b|:5$/);
  expect(error!.message).toMatch(/WhatsApp Business app/);
});
