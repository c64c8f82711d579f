/** The `whatsapp:` rule and the frontmatter `whatsapp:` for `markdown.processor: unified()` (and MDX on Astro 5 and 6): a remark plugin. */
import type { Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { OptionError } from '../shared/errors.ts';
import { frontmatterMarker, type MarkdownContext } from './frontmatter-setting.ts';
import { contentLinkHref, isWhatsAppLink, LINK_PROPERTIES, mentionsScheme } from './whatsapp-scheme.ts';

/** Pushed into `remarkPlugins` as `[remarkWhatsApp, context]`. */
export function remarkWhatsApp(context: MarkdownContext) {
  const { target, site } = context;
  return (tree: Root, file: VFile) => {
    // vfile names the file (and the node's position, when given one).
    const fail = (error: unknown, node?: Link): never => {
      if (error instanceof OptionError) file.fail(`${error.message} ${error.hint}`, node);
      throw error;
    };
    try {
      const marker = frontmatterMarker((file.data.astro as { frontmatter?: unknown } | undefined)?.frontmatter, context);
      if (marker) tree.children.unshift(marker as Root['children'][number]);
    } catch (error) {
      fail(error);
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
        fail(error, node);
      }
      // mdast-util-to-hast reads data.hProperties; mdast's types don't declare it.
      node.data = { ...node.data, hProperties: LINK_PROPERTIES } as Link['data'];
    };
    visit(tree);
  };
}
