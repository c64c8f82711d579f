import type { AstroConfig, AstroIntegrationLogger, HookParameters } from 'astro';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import type { MarkdownContext } from './frontmatter-setting.ts';
import { remarkWhatsApp } from './remark.ts';
import { satteriFrontmatter, satteriWhatsAppLinks } from './satteri.ts';

/**
 * Ties frontmatter markers to this site: a page shows a marker's setting only when it carries this
 * key, which never reaches a visitor (the transform takes markers out). It depends on the site's
 * folder only: Astro's content cache keeps collection entries' HTML, markers included, from build
 * to build, and does not notice a change to an integration's options.
 */
export function settingKey(root: URL): string {
  return createHash('sha256').update(`astro-chatra-whatsapp:${root.href}`).digest('hex').slice(0, 16);
}

/**
 * The one place that picks the adapter: adds the `whatsapp:` link rule and the frontmatter
 * `whatsapp:` to the site's Markdown processor, which `.mdx` shares unless
 * the MDX integration got its own. Processors read their options lazily, so integration order
 * doesn't matter (the way Starlight adds its plugins). On Astro 6, MDX reads only the top-level
 * `markdown.remarkPlugins` (which Astro 6 also runs for `.md`, with a deprecation notice of its own).
 */
export function addMarkdownPlugins(
  markdown: AstroConfig['markdown'],
  context: MarkdownContext,
  { updateConfig, logger }: { updateConfig: HookParameters<'astro:config:setup'>['updateConfig']; logger: AstroIntegrationLogger },
): void {
  if (astroMajor() < 7) {
    updateConfig({ markdown: { remarkPlugins: [[remarkWhatsApp, context]] } });
    return;
  }
  const { processor } = markdown;
  const options = processor.options as { mdastPlugins?: unknown[]; remarkPlugins?: unknown[] };
  if (processor.name === 'satteri' && options.mdastPlugins) {
    options.mdastPlugins.push(satteriWhatsAppLinks(context), satteriFrontmatter(context));
  } else if (processor.name === 'unified' && options.remarkPlugins) {
    options.remarkPlugins.push([remarkWhatsApp, context]);
  } else {
    logger.warn(
      `markdown.processor "${processor.name}" is neither satteri() nor unified(): [text](whatsapp:) links in Markdown stay as written, ` +
        'and a frontmatter `whatsapp:` does nothing (set Astro.locals.whatsapp in the layout instead).',
    );
  }
}

/**
 * Markdoc (`.mdoc`) parses with its own pipeline, which the Markdown plugins never see: say so once,
 * at config time, rather than leave `whatsapp:` links in it silently dead.
 */
export function markdocWarning(integrations: readonly { name: string }[]): string | undefined {
  if (!integrations.some((integration) => integration.name === '@astrojs/markdoc')) return undefined;
  return (
    '.mdoc (Markdoc) files are parsed by Markdoc, not by the Markdown processor: in them a [text](whatsapp:) link stays as written ' +
    'and a frontmatter `whatsapp:` does nothing. Link to #whatsapp (or #chat) there, which every page gets, and set ' +
    'Astro.locals.whatsapp in the layout that renders the entry (e.g. from entry.data).'
  );
}

function astroMajor(): number {
  const { version } = createRequire(import.meta.url)('astro/package.json') as { version: string };
  return Number(version.split('.')[0]);
}
