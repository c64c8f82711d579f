/** The `whatsapp:` rule for Astro's default Markdown processor, Sätteri. */
import type { Link } from 'mdast';
import type { Contact } from '../shared/contacts.ts';
import { OptionError } from '../shared/errors.ts';
import { contentLinkHref, isWhatsAppLink, LINK_PROPERTIES, mentionsScheme } from './whatsapp-scheme.ts';

/** The part of Sätteri's mdast visitor context this plugin uses (satteri's `MdastVisitorContext`). */
interface SatteriContext {
  readonly fileURL: URL | undefined;
  readonly source: string;
  setProperty(node: Readonly<Link>, key: 'url' | 'data', value: unknown): void;
}

/** Where a link to `url` is written in `source`, as line:column (positions cost Sätteri every parse; this, only an error). */
function locate(source: string, url: string): string {
  const at = source.indexOf(`](${url}`);
  if (at < 0) return '';
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  return `:${line}:${at - before.lastIndexOf('\n')}`;
}

/**
 * Pushed into `markdown.processor.options.mdastPlugins`. A factory, so files without a
 * `whatsapp:` link skip the plugin (and its calls into JavaScript).
 */
export function satteriWhatsAppLinks(target: Contact, site?: string) {
  const plugin = {
    name: 'astro-chatra-whatsapp:links',
    link(node: Readonly<Link>, context: SatteriContext) {
      if (!isWhatsAppLink(node.url)) return;
      let href: string;
      try {
        href = contentLinkHref(node.url, target, site);
      } catch (error) {
        if (!(error instanceof OptionError)) throw error;
        // Sätteri prints the message alone: the file and line go first, the hint after.
        const file = context.fileURL ? decodeURI(context.fileURL.pathname) : 'a Markdown file';
        const located = new Error(`${file}${locate(context.source, node.url)}: ${error.message} ${error.hint}`);
        located.stack = located.message;
        throw located;
      }
      context.setProperty(node, 'url', href);
      context.setProperty(node, 'data', { ...node.data, hProperties: LINK_PROPERTIES });
    },
  };
  return (file: { source: string }) => (mentionsScheme(file.source) ? plugin : null);
}
