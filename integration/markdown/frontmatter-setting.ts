/**
 * `whatsapp: false` or `whatsapp: { text, greeting }` in a Markdown or MDX file's frontmatter, as a pure
 * rule: checked when the file is built, and carried to the page as a `<meta>` at the start of the
 * file's content, which the page transform reads and takes out (shared/page-setting.ts). It works
 * wherever the file's HTML lands: a page of its own, or a collection entry's `<Content />`.
 */
import type { Contact } from '../shared/contacts.ts';
import { checkPageSetting, SETTING_HINTS, SETTING_META_NAME, settingErrorContent, settingMarkerContent } from '../shared/page-setting.ts';
import { comparablePath } from '../shared/file-path.ts';

/** What the Markdown plugins know about the site. */
export interface MarkdownContext {
  /** The contact `[text](whatsapp:)` stands for. */
  target: Contact;
  contacts: readonly Contact[];
  site: string | undefined;
  /** Ties the frontmatter markers to this site's build (see settingKey in processor.ts). */
  settingKey: string;
  /**
   * The site's pages folder (a path): a wrong value in a file there throws, which stops the build
   * at the file; anywhere else (a collection entry, which Astro renders while syncing content and
   * whose errors it only logs) it becomes an error marker (errorMarker).
   */
  pagesDir?: string;
}

/** Whether a wrong value in the file at `path` goes into its HTML as an error marker rather than thrown. */
export function defersErrors(path: string | undefined, context: MarkdownContext): boolean {
  if (context.pagesDir === undefined || path === undefined) return false;
  // MDX names its file Vite's way (forward slashes on Windows too): compared in one form.
  return !comparablePath(path, process.platform).startsWith(comparablePath(context.pagesDir, process.platform));
}

/** An mdast node that becomes the error marker `<meta>` (shared/page-setting.ts settingErrorContent). */
export function errorMarker(message: string, context: MarkdownContext) {
  return {
    type: 'paragraph' as const,
    children: [],
    data: {
      hName: 'meta',
      hProperties: { name: SETTING_META_NAME, content: settingErrorContent(context.settingKey, message) },
      hChildren: [],
    },
  };
}

/**
 * The marker node for a file's frontmatter, or undefined when it sets nothing. A wrong value
 * throws an OptionError (the adapters add the file). An mdast node with `data.hName` becomes that
 * element in both processors, in `.md` and `.mdx` alike (a raw HTML node would fail in MDX).
 */
export function frontmatterMarker(frontmatter: unknown, context: MarkdownContext) {
  const value = (frontmatter as { whatsapp?: unknown } | undefined)?.whatsapp;
  if (value === undefined || frontmatter === null || typeof frontmatter !== 'object') return undefined;
  const setting = checkPageSetting(value, 'frontmatter whatsapp', {
    contacts: context.contacts,
    site: context.site,
    hint: SETTING_HINTS.frontmatter,
  });
  if (setting === undefined) return undefined;
  return {
    type: 'paragraph' as const,
    children: [],
    data: { hName: 'meta', hProperties: { name: SETTING_META_NAME, content: settingMarkerContent(context.settingKey, setting) } },
  };
}
