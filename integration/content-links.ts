/**
 * `whatsapp:` links in Markdown and MDX: `[Ask us](whatsapp:)` becomes the configured link,
 * `[Ask us](whatsapp:?text=Hello)` the phone link with that message. One rule, used by the
 * plugin for Astro's default Sätteri processor and by the remark plugin for `unified()`.
 */
import type { Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { checkPrefilledText, contactHref, type Contact } from './contacts.ts';
import { OptionError } from './option-error.ts';

const SCHEME = 'whatsapp:';
/** Markdown links open WhatsApp in a new tab, like the buttons. */
const LINK_PROPERTIES = { target: '_blank', rel: 'noopener noreferrer' };

/**
 * The address a link stands for: unchanged when it isn't a `whatsapp:` link; throws with the
 * reason when it is a wrong one (a message that names `{url}` needs `site`).
 */
export function contentLinkHref(url: string, target: Contact, site?: string): string {
  if (!url.toLowerCase().startsWith(SCHEME)) return url;
  const rest = url.slice(SCHEME.length);
  if (rest === '' || rest === '//') return contactHref(target);
  const query = rest.startsWith('?') ? new URLSearchParams(rest.slice(1)) : undefined;
  const text = query?.get('text');
  if (!query || text === null || [...query.keys()].some((key) => key !== 'text')) {
    throw new Error(`"${url}" is not a WhatsApp link this integration knows. Write [text](whatsapp:) or [text](whatsapp:?text=Your%20message).`);
  }
  if (target.kind === 'short-link') {
    throw new Error(
      `"${url}" sets a prefilled message, but your WhatsApp contact is a short link, which carries its message on WhatsApp's side. ` +
        'Set the message in the WhatsApp Business app (Settings → Business tools → Short link), and link with [text](whatsapp:).',
    );
  }
  try {
    checkPrefilledText(text ?? '', target.kind, url, site);
  } catch (error) {
    throw error instanceof OptionError ? new Error(`"${url}" ${error.problem} ${error.hint}`) : error;
  }
  return contactHref(target, text);
}

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

/** A file that never names the scheme has nothing to rewrite. */
const mentionsScheme = (source: string) => /whatsapp:/i.test(source);

/**
 * For Astro's default processor (Sätteri): push into `markdown.processor.options.mdastPlugins`.
 * A factory, so files without a `whatsapp:` link skip the plugin (and its calls into JavaScript).
 */
export function satteriWhatsAppLinks(target: Contact, site?: string) {
  const plugin = {
    name: 'astro-chatra-whatsapp:links',
    link(node: Readonly<Link>, context: SatteriContext) {
      if (!node.url.toLowerCase().startsWith(SCHEME)) return;
      let href: string;
      try {
        href = contentLinkHref(node.url, target, site);
      } catch (error) {
        const file = context.fileURL ? decodeURI(context.fileURL.pathname) : 'a Markdown file';
        const located = new Error(`${file}${locate(context.source, node.url)}: ${(error as Error).message}`);
        located.stack = located.message;
        throw located;
      }
      context.setProperty(node, 'url', href);
      context.setProperty(node, 'data', { ...node.data, hProperties: LINK_PROPERTIES });
    },
  };
  return (file: { source: string }) => (mentionsScheme(file.source) ? plugin : null);
}

/** For `markdown.processor: unified()`: push `[remarkWhatsAppLinks, { target, site }]` into its `remarkPlugins`. */
export function remarkWhatsAppLinks({ target, site }: { target: Contact; site?: string }) {
  return (tree: Root, file: VFile) => {
    if (!mentionsScheme(String(file.value))) return;
    const visit = (node: Root | Root['children'][number]): void => {
      if (node.type === 'link') rewrite(node, file);
      if ('children' in node) for (const child of node.children) visit(child as Root['children'][number]);
    };
    const rewrite = (node: Link, vfile: VFile) => {
      if (!node.url.toLowerCase().startsWith(SCHEME)) return;
      try {
        node.url = contentLinkHref(node.url, target, site);
      } catch (error) {
        vfile.fail((error as Error).message, node);
      }
      // mdast-util-to-hast reads data.hProperties; mdast's types don't declare it.
      node.data = { ...node.data, hProperties: LINK_PROPERTIES } as Link['data'];
    };
    visit(tree);
  };
}
