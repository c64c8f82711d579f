import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import type { Contact } from './contacts.ts';
import { remarkWhatsAppLinks, satteriWhatsAppLinks } from './content-links.ts';

/**
 * Adds the `whatsapp:` link rule to the site's Markdown processor, which `.mdx` shares unless
 * the MDX integration got its own. Processors read their options lazily, so integration order
 * doesn't matter (the way Starlight adds its plugins).
 */
export function addContentLinks(processor: AstroConfig['markdown']['processor'], target: Contact, logger: AstroIntegrationLogger): void {
  const options = processor.options as { mdastPlugins?: unknown[]; remarkPlugins?: unknown[] };
  if (processor.name === 'satteri' && options.mdastPlugins) {
    options.mdastPlugins.push(satteriWhatsAppLinks(target));
  } else if (processor.name === 'unified' && options.remarkPlugins) {
    options.remarkPlugins.push([remarkWhatsAppLinks, target]);
  } else {
    logger.warn(`markdown.processor "${processor.name}" is neither satteri() nor unified(): [text](whatsapp:) links in Markdown stay as written.`);
  }
}
