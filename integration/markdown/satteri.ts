/** The `whatsapp:` rule and the frontmatter `whatsapp:` for Astro's default Markdown processor, Sätteri. */
import type { Link, Root } from 'mdast';
import { OptionError } from '../shared/errors.ts';
import { frontmatterMarker, type MarkdownContext } from './frontmatter-setting.ts';
import { contentLinkHref, isWhatsAppLink, LINK_PROPERTIES, mentionsScheme } from './whatsapp-scheme.ts';

/** The part of Sätteri's mdast visitor context this plugin uses (satteri's `MdastVisitorContext`). */
interface SatteriContext {
  readonly fileURL: URL | undefined;
  readonly source: string;
  setProperty(node: Readonly<Link>, key: 'url' | 'data', value: unknown): void;
  prependChild(node: Readonly<Root>, child: unknown): void;
}

/** What Sätteri hands a plugin factory (satteri's `PluginFactoryContext`): Astro puts the parsed frontmatter in `data`. */
interface SatteriFile {
  readonly fileURL: URL | undefined;
  readonly source: string;
  readonly data: { astro?: { frontmatter?: unknown } };
}

/** Where a link to `url` is written in `source`, as line:column (positions cost Sätteri every parse; this, only an error). */
function locate(source: string, url: string): string {
  const at = source.indexOf(`](${url}`);
  if (at < 0) return '';
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  return `:${line}:${at - before.lastIndexOf('\n')}`;
}

/** Sätteri prints an error's message alone: the file (and line) go first, the hint after. */
function located(error: OptionError, fileURL: URL | undefined, where = ''): Error {
  const file = fileURL ? decodeURI(fileURL.pathname) : 'a Markdown file';
  const result = new Error(`${file}${where}: ${error.message} ${error.hint}`);
  result.stack = result.message;
  return result;
}

/**
 * Pushed into `markdown.processor.options.mdastPlugins`. A factory, so files with neither a
 * `whatsapp:` link nor a frontmatter `whatsapp:` skip the plugin (and its calls into JavaScript).
 */
export function satteriWhatsApp(context: MarkdownContext) {
  const { target, site } = context;
  const links = {
    link(node: Readonly<Link>, visitor: SatteriContext) {
      if (!isWhatsAppLink(node.url)) return;
      let href: string;
      try {
        href = contentLinkHref(node.url, target, site);
      } catch (error) {
        if (!(error instanceof OptionError)) throw error;
        throw located(error, visitor.fileURL, locate(visitor.source, node.url));
      }
      visitor.setProperty(node, 'url', href);
      visitor.setProperty(node, 'data', { ...node.data, hProperties: LINK_PROPERTIES });
    },
  };
  return (file: SatteriFile) => {
    let marker: ReturnType<typeof frontmatterMarker>;
    try {
      marker = frontmatterMarker(file.data.astro?.frontmatter, context);
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      throw located(error, file.fileURL);
    }
    const hasLinks = mentionsScheme(file.source);
    if (!marker && !hasLinks) return null;
    return {
      name: 'astro-chatra-whatsapp',
      ...(hasLinks && links),
      ...(marker && { before: (root: Readonly<Root>, visitor: SatteriContext) => visitor.prependChild(root, marker) }),
    };
  };
}
