/**
 * What Astro's terminal shows of an error's message or hint: it reads them as Markdown
 * (`renderErrorMarkdown(…, 'cli')`), so `[text](url)` comes out as "text url". Astro's own
 * renderer, imported from its files (it is not in the package's exports), colours stripped.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const { renderErrorMarkdown } = (await import(pathToFileURL(join(astro, 'dist/core/errors/dev/utils.js')).href)) as {
  renderErrorMarkdown: (markdown: string, target: 'cli' | 'html') => string;
};

export const astroPrints = (text: string): string => stripVTControlCharacters(renderErrorMarkdown(text, 'cli'));
