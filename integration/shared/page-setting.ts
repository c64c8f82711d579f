/**
 * A page's own setting (`false`, or `{ text }`), from `Astro.locals.whatsapp` or from a Markdown
 * or MDX file's frontmatter `whatsapp:`. The frontmatter travels to the page transform as a
 * `<meta>` the Markdown plugin puts at the start of the file's content: the transform reads it
 * before the page's head gets its kit, and takes it out of the page.
 */
import { checkPrefilledText, type Contact } from './contacts.ts';
import { OptionError } from './errors.ts';
import type { PageSetting } from './runtime-options.ts';

/** The marker's `name`. */
export const SETTING_META_NAME = 'astro-chatra-whatsapp';
/**
 * How its `content` begins. A `%`: the page transform already looks for `%7B…%7D` in the body, so
 * finding markers costs no second search.
 */
export const SETTING_PREFIX = '%acw-';

export const SETTING_HINTS = {
  locals: 'Set it in the frontmatter of the page or its layout: Astro.locals.whatsapp = false, or = { text: "A question about {title}" }.',
  frontmatter: 'Write `whatsapp: false`, or `whatsapp:` with `text: "A question about {title}"` under it, in the frontmatter.',
} as const;

/**
 * Checks a page's setting. `lenient`: a message built from request data keeps an unknown
 * `{placeholder}` as written instead of failing.
 */
export function checkPageSetting(
  value: unknown,
  where: string,
  { contacts, site, hint, lenient = false }: { contacts: readonly Contact[]; site: string | undefined; hint: string; lenient?: boolean },
): PageSetting {
  if (value === undefined || value === false) return value;
  const isText =
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).join() === 'text' &&
    typeof (value as { text: unknown }).text === 'string';
  if (!isText) throw new OptionError(where, `expected false or { text: "…" }, got ${describe(value)}.`, hint);
  const { text } = value as { text: string };
  const kind = contacts.some((contact) => contact.kind === 'phone') ? 'phone' : 'short-link';
  if (!lenient || kind === 'short-link') checkPrefilledText(text, kind, `${where}: text`, site);
  return { text };
}

/** The marker's `content` for a checked setting; `key` ties it to this site's build. */
export function settingMarkerContent(key: string, setting: false | { text: string }): string {
  return `${SETTING_PREFIX}${key}:${JSON.stringify(setting)}`;
}

/** The setting a marker holds, if it is one of this build's (`key`) and reads back; else undefined. */
export function readSettingMarker(content: string, key: string): unknown {
  const prefix = `${SETTING_PREFIX}${key}:`;
  if (!content.startsWith(prefix)) return undefined;
  try {
    return JSON.parse(content.slice(prefix.length)) as unknown;
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 80) ?? String(value);
  } catch {
    return typeof value;
  }
}
