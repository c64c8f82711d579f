/** The `whatsapp:` rule and the frontmatter `whatsapp:` for `markdown.processor: unified()` (and MDX on Astro 5 and 6): a remark plugin. */
import type { Link, Root } from 'mdast';
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
    const fail = (error: unknown, node?: Link): Root['children'][number] => {
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
    const visit = (node: Root | Root['children'][number]): void => {
      if (node.type === 'link') rewrite(node);
      if ('children' in node) for (const child of node.children) visit(child as Root['children'][number]);
    };
    const rewrite = (node: Link) => {
      if (!isWhatsAppLink(node.url)) return;
      try {
        node.url = contentLinkHref(node.url, target, site);
      } catch (error) {
        // The link becomes the error marker (its element, its attributes, no children).
        node.data = fail(error, node).data as Link['data'];
        return;
      }
      // mdast-util-to-hast reads data.hProperties; mdast's types don't declare it.
      node.data = { ...node.data, hProperties: LINK_PROPERTIES } as Link['data'];
    };
    visit(tree);
  };
}
