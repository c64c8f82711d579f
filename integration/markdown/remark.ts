/** The `whatsapp:` rule for `markdown.processor: unified()` (and MDX on Astro 6): a remark plugin. */
import type { Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Contact } from '../shared/contacts.ts';
import { OptionError } from '../shared/errors.ts';
import { contentLinkHref, isWhatsAppLink, LINK_PROPERTIES, mentionsScheme } from './whatsapp-scheme.ts';

/** Pushed into `remarkPlugins` as `[remarkWhatsAppLinks, { target, site }]`. */
export function remarkWhatsAppLinks({ target, site }: { target: Contact; site?: string }) {
  return (tree: Root, file: VFile) => {
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
        // vfile names the file and the link's position.
        if (error instanceof OptionError) file.fail(`${error.message} ${error.hint}`, node);
        throw error;
      }
      // mdast-util-to-hast reads data.hProperties; mdast's types don't declare it.
      node.data = { ...node.data, hProperties: LINK_PROPERTIES } as Link['data'];
    };
    visit(tree);
  };
}
