import type { AstroConfig, AstroIntegrationLogger, HookParameters } from 'astro';
import { createRequire } from 'node:module';
import type { Contact } from '../shared/contacts.ts';
import { remarkWhatsAppLinks } from './remark.ts';
import { satteriWhatsAppLinks } from './satteri.ts';

/**
 * The one place that picks the adapter: adds the `whatsapp:` link rule to the site's Markdown processor, which `.mdx` shares unless
 * the MDX integration got its own. Processors read their options lazily, so integration order
 * doesn't matter (the way Starlight adds its plugins). On Astro 6, MDX reads only the top-level
 * `markdown.remarkPlugins` (which Astro 6 also runs for `.md`, with a deprecation notice of its own).
 */
export function addContentLinks(
  markdown: AstroConfig['markdown'],
  target: Contact,
  site: string | undefined,
  { updateConfig, logger }: { updateConfig: HookParameters<'astro:config:setup'>['updateConfig']; logger: AstroIntegrationLogger },
): void {
  if (astroMajor() < 7) {
    updateConfig({ markdown: { remarkPlugins: [[remarkWhatsAppLinks, { target, site }]] } });
    return;
  }
  const { processor } = markdown;
  const options = processor.options as { mdastPlugins?: unknown[]; remarkPlugins?: unknown[] };
  if (processor.name === 'satteri' && options.mdastPlugins) {
    options.mdastPlugins.push(satteriWhatsAppLinks(target, site));
  } else if (processor.name === 'unified' && options.remarkPlugins) {
    options.remarkPlugins.push([remarkWhatsAppLinks, { target, site }]);
  } else {
    logger.warn(
      `markdown.processor "${processor.name}" is neither satteri() nor unified(): [text](whatsapp:) links in Markdown stay as written.`,
    );
  }
}

function astroMajor(): number {
  const { version } = createRequire(import.meta.url)('astro/package.json') as { version: string };
  return Number(version.split('.')[0]);
}
