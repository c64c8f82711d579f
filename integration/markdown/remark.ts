/** The `whatsapp:` rule and the frontmatter `whatsapp:` for `markdown.processor: unified()` (and MDX on Astro 5 and 6): a remark plugin. */
import type { Definition, Link, LinkReference, Root } from 'mdast';
import type { VFile } from 'vfile';
import { OptionError } from '../shared/errors.ts';
import { defersErrors, errorMarker, frontmatterMarker, type MarkdownContext } from './frontmatter-setting.ts';
import { linesBefore } from './source-lines.ts';
import { contentLinkHref, isWhatsAppLink, LINK_PROPERTIES, mentionsScheme } from './whatsapp-scheme.ts';

/** Pushed into `remarkPlugins` as `[remarkWhatsApp, context]`. */
export function remarkWhatsApp(context: MarkdownContext) {
  const { target, site } = context;
  return (tree: Root, file: VFile) => {
    const defers = defersErrors(file.path, context);
    // vfile names the file (and the node's position, when given one). Outside the pages folder the
    // error goes into the HTML instead (frontmatter-setting.ts defersErrors), naming the same.
    const fail = (error: unknown, node?: Link | Definition): Root['children'][number] => {
      if (!(error instanceof OptionError)) throw error;
      if (!defers) file.fail(`${error.message} ${error.hint}`, node);
      const start = node?.position?.start;
      const where = `${file.path}${start ? `:${start.line + linesBefore(file.path, String(file.value))}:${start.column}` : ''}`;
      return errorMarker(`${where}: ${error.message} ${error.hint}`, context) as Root['children'][number];
    };
    try {
      const marker = frontmatterMarker((file.data.astro as { frontmatter?: unknown } | undefined)?.frontmatter, context);
      if (marker) tree.children.unshift(marker as Root['children'][number]);
    } catch (error) {
      tree.children.unshift(fail(error));
    }
    if (!mentionsScheme(String(file.value))) return;
    // `[text][ref]` with `[ref]: whatsapp:`: the definition gives the link its address, the
    // reference its element (`data` for each reference: a new tab, or the error marker).
    const references = new Map<string, Link['data']>();
    const visit = (node: Root | Root['children'][number], pass: 'links' | 'references'): void => {
      if (pass === 'links' && (node.type === 'link' || node.type === 'definition')) rewrite(node);
      if (pass === 'references' && node.type === 'linkReference' && references.has(node.identifier))
        (node as LinkReference).data = { ...node.data, ...references.get(node.identifier) } as LinkReference['data'];
      if ('children' in node) for (const child of node.children) visit(child as Root['children'][number], pass);
    };
    const rewrite = (node: Link | Definition) => {
      if (!isWhatsAppLink(node.url)) return;
      let data: Link['data'];
      try {
        node.url = contentLinkHref(node.url, target, site);
        // mdast-util-to-hast reads data.hProperties; mdast's types don't declare it.
        data = { hProperties: LINK_PROPERTIES } as Link['data'];
      } catch (error) {
        // The link becomes the error marker (its element, its attributes, no children).
        data = fail(error, node).data as Link['data'];
      }
      if (node.type === 'definition') references.set(node.identifier, data);
      else node.data = { ...node.data, ...data } as Link['data'];
    };
    visit(tree, 'links');
    if (references.size > 0) visit(tree, 'references');
  };
}
