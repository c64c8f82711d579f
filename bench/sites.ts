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
const { title } = Astro.props;
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

/** Writes a site with `pages` MDX pages; `snippet` puts Chatra's own snippet into the layout. */
export function writeSite(root: string, { pages, snippet = false }: { pages: number; snippet?: boolean }): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/layouts'), { recursive: true });
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  writeFileSync(join(root, 'src/layouts/Base.astro'), LAYOUT(snippet ? CHATRA_SNIPPET : ''));
  for (let i = 0; i < pages; i++) writeFileSync(join(root, `src/pages/page-${i}.mdx`), PAGE(i));
}
