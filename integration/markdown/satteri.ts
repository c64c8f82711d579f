/** The `whatsapp:` rule and the frontmatter `whatsapp:` for Astro's default Markdown processor, Sätteri. */
import { fileURLToPath } from 'node:url';
import type { Definition, Link, LinkReference, Root } from 'mdast';
import { OptionError } from '../shared/errors.ts';
import { defersErrors, errorMarker, frontmatterMarker, type MarkdownContext } from './frontmatter-setting.ts';
import { linesBefore } from './source-lines.ts';
import { contentLinkHref, isWhatsAppLink, LINK_PROPERTIES, mentionsScheme } from './whatsapp-scheme.ts';

/** The part of Sätteri's mdast visitor context this plugin uses (satteri's `MdastVisitorContext`). */
interface SatteriContext {
  readonly fileURL: URL | undefined;
  readonly source: string;
  setProperty(node: Readonly<Link | Definition | LinkReference>, key: 'url' | 'data', value: unknown): void;
  prependChild(node: Readonly<Root>, child: unknown): void;
}

/** What Sätteri hands a plugin factory (satteri's `PluginFactoryContext`): Astro puts the parsed frontmatter in `data`. */
interface SatteriFile {
  readonly fileURL: URL | undefined;
  readonly source: string;
  readonly data: { astro?: { frontmatter?: unknown } };
}

/** The file's path as the system writes it (`C:\site\…` on Windows, where a URL's pathname is `/C:/site/…`). */
function pathOf(fileURL: URL | undefined): string | undefined {
  if (!fileURL) return undefined;
  try {
    return fileURLToPath(fileURL);
  } catch {
    // Not a local file (a content loader's own address): shown whole; never an error of its own.
    return fileURL.href;
  }
}

/**
 * Where a link to `url` is written in `source`, as line:column of `fileURL`'s file (positions cost
 * Sätteri every parse; this, only an error).
 */
function locate(source: string, url: string, fileURL: URL | undefined): string {
  // A link (`](url`), else a definition (`]: url`, `]: <url>`).
  let at = source.indexOf(`](${url}`);
  if (at < 0) at = source.search(new RegExp(`\\]:[ \\t]*<?${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  if (at < 0) return '';
  const before = source.slice(0, at);
  const line = before.split('\n').length + linesBefore(pathOf(fileURL), source);
  return `:${line}:${at - before.lastIndexOf('\n')}`;
}

/** Sätteri prints an error's message alone: the file (and line) go first, the hint after. */
function locatedMessage(error: OptionError, fileURL: URL | undefined, where = ''): string {
  const file = pathOf(fileURL) ?? 'a Markdown file';
  return `${file}${where}: ${error.message} ${error.hint}`;
}

function located(error: OptionError, fileURL: URL | undefined, where = ''): Error {
  const result = new Error(locatedMessage(error, fileURL, where));
  result.stack = result.message;
  return result;
}

const defers = (fileURL: URL | undefined, context: MarkdownContext) => defersErrors(pathOf(fileURL), context);

/**
 * The `whatsapp:` links, pushed into `markdown.processor.options.mdastPlugins`. A factory, so files
 * without a `whatsapp:` link skip the plugin (and its calls into JavaScript).
 */
export function satteriWhatsAppLinks(context: MarkdownContext) {
  const { target, site } = context;
  /** The link's address and its element's data (a new tab, or the error marker); the address stays on an error. */
  const rewrite = (node: Readonly<Link | Definition>, visitor: SatteriContext): { href?: string; data: unknown } => {
    try {
      return { href: contentLinkHref(node.url, target, site), data: { hProperties: LINK_PROPERTIES } };
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      const where = locate(visitor.source, node.url, visitor.fileURL);
      if (!defers(visitor.fileURL, context)) throw located(error, visitor.fileURL, where);
      // Outside the pages folder: the link becomes the error marker (frontmatter-setting.ts defersErrors).
      return { data: errorMarker(locatedMessage(error, visitor.fileURL, where), context).data };
    }
  };
  const plugin = () => {
    // `[text][ref]` with `[ref]: whatsapp:` (the definition most often after its references): the
    // definition gives the address, each reference its element's data once the document is read.
    const definitions = new Map<string, unknown>();
    const references: Readonly<LinkReference>[] = [];
    return {
      name: 'astro-chatra-whatsapp:links',
      link(node: Readonly<Link>, visitor: SatteriContext) {
        if (!isWhatsAppLink(node.url)) return;
        const { href, data } = rewrite(node, visitor);
        if (href !== undefined) visitor.setProperty(node, 'url', href);
        visitor.setProperty(node, 'data', { ...node.data, ...(data as object) });
      },
      definition(node: Readonly<Definition>, visitor: SatteriContext) {
        if (!isWhatsAppLink(node.url)) return;
        const { href, data } = rewrite(node, visitor);
        if (href !== undefined) visitor.setProperty(node, 'url', href);
        definitions.set(node.identifier, data);
      },
      linkReference(node: Readonly<LinkReference>) {
        references.push(node);
      },
      after(_root: Readonly<Root>, visitor: SatteriContext) {
        for (const node of references)
          if (definitions.has(node.identifier))
            visitor.setProperty(node, 'data', { ...node.data, ...(definitions.get(node.identifier) as object) });
      },
    };
  };
  return (file: SatteriFile) => (mentionsScheme(file.source) ? plugin() : null);
}

/**
 * The frontmatter `whatsapp:`, a plugin of its own beside the links: only files that set it get it.
 * Two entries, not one: Astro keeps collection entries' HTML while its config digest holds, in
 * which a factory counts only by its place, so sites that had the links plugin alone render their
 * entries again, markers included.
 */
export function satteriFrontmatter(context: MarkdownContext) {
  return (file: SatteriFile) => {
    let marker: ReturnType<typeof frontmatterMarker> | ReturnType<typeof errorMarker>;
    try {
      marker = frontmatterMarker(file.data.astro?.frontmatter, context);
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      if (!defers(file.fileURL, context)) throw located(error, file.fileURL);
      marker = errorMarker(locatedMessage(error, file.fileURL), context);
    }
    if (!marker) return null;
    return {
      name: 'astro-chatra-whatsapp:frontmatter',
      before: (root: Readonly<Root>, visitor: SatteriContext) => visitor.prependChild(root, marker),
    };
  };
}
