/** The sites the benchmark builds: the same pages with no chat, with this integration, and with Chatra's own snippet. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SHORT_LINK = 'https://wa.me/message/4O4YGZEG3RIVE1';
export const CHATRA_ID = 'BenchChatraId2026';

/** Chatra's dashboard snippet as the dashboard gives it out (chatra.md §1.1), pasted `is:inline` as Astro needs. */
export const CHATRA_SNIPPET = `<script is:inline>
    (function(d, w, c) {
        w.ChatraID = '${CHATRA_ID}';
        var s = d.createElement('script');
        w[c] = w[c] || function() {
            (w[c].q = w[c].q || []).push(arguments);
        };
        s.async = true;
        s.src = 'https://call.chatra.io/chatra.js';
        if (d.head) d.head.appendChild(s);
    })(document, window, 'Chatra');
</script>`;

/** A layout: `head` goes into <head>, `around` (a header and a footer) around the page's <main>. */
export const LAYOUT = (head: string, around: { header?: string; footer?: string } = {}) => `---
// An MDX page's layout gets its frontmatter as \`frontmatter\`; a page that uses the layout directly, as props.
const { title } = Astro.props.frontmatter ?? Astro.props;
---
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
    ${head}
  </head>
  <body>
    ${around.header ?? ''}<main><slot /></main>${around.footer ?? ''}
  </body>
</html>
`;

const PAGE = (i: number) => `---
layout: ../layouts/Base.astro
title: Page ${i}
---
# Page ${i}

Some text on page ${i}, with a [link](https://example.com/${i}) and a list:

- one
- two
- three
`;

/**
 * Writes a site with `pages` MDX pages; `snippet` puts Chatra's own snippet into the layout;
 * `i18n` splits the pages between `src/pages/` (en) and `src/pages/ru/`, the layout setting `lang`.
 */
export function writeSite(
  root: string,
  { pages, snippet = false, i18n = false }: { pages: number; snippet?: boolean; i18n?: boolean },
): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/layouts'), { recursive: true });
  mkdirSync(join(root, 'src/pages/ru'), { recursive: true });
  const layout = LAYOUT(snippet ? CHATRA_SNIPPET : '');
  writeFileSync(
    join(root, 'src/layouts/Base.astro'),
    i18n ? layout.replace('<html lang="en">', '<html lang={Astro.currentLocale}>') : layout,
  );
  for (let i = 0; i < pages; i++) {
    const ru = i18n && i % 2 === 1;
    writeFileSync(join(root, `src/pages/${ru ? 'ru/' : ''}page-${i}.mdx`), ru ? PAGE(i).replace('../layouts/', '../../layouts/') : PAGE(i));
  }
}
