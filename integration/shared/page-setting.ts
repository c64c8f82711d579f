/**
 * A page's own setting (`false`, or `{ text, greeting }`, either or both), from `Astro.locals.whatsapp` or from a Markdown
 * or MDX file's frontmatter `whatsapp:`. The frontmatter travels to the page transform as a
 * `<meta>` the Markdown plugin puts at the start of the file's content: the transform reads it
 * before the page's head gets its kit, and takes it out of the page.
 */
import { checkPrefilledText, type Contact } from './contacts.ts';
import { describeValue, OptionError } from './errors.ts';
import { cutWhole } from './page-title.ts';
import type { PageSetting } from './runtime-options.ts';

/** The longest greeting, in UTF-16 units: the site's (checked in its options), a page's (cut to it, at a whole character). */
export const GREETING_LIMIT = 300;

/** The marker's `name`. */
export const SETTING_META_NAME = 'astro-chatra-whatsapp';
/**
 * How its `content` begins. A `%`: the page transform already looks for `%7B…%7D` in the body, so
 * finding markers costs no second search.
 */
export const SETTING_PREFIX = '%acw-';

export const SETTING_HINTS = {
  locals: 'Set it in the frontmatter of the page or its layout: Astro.locals.whatsapp = false, or = { text: "A question about {title}" }.',
  frontmatter:
    'Write `whatsapp: false`, or `whatsapp:` with `text: "A question about {title}"` (or `greeting: "…"`) under it, in the frontmatter.',
} as const;

/**
 * Checks a page's setting: `false`, or an object with `text` (the page's message) and/or `greeting`
 * (its greeting text, or `false` for none). `lenient`: a message built from request data keeps an
 * unknown `{placeholder}` as written instead of failing.
 */
export function checkPageSetting(
  value: unknown,
  where: string,
  { contacts, site, hint, lenient = false }: { contacts: readonly Contact[]; site: string | undefined; hint: string; lenient?: boolean },
): PageSetting {
  if (value === undefined || value === false) return value;
  const wrong = () => new OptionError(where, `expected false or { text: "…" } (or { greeting: "…" }), got ${describeValue(value)}.`, hint);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrong();
  // A key set to undefined is not set (`{ text: frontmatter.text }` on a page without one): no setting at all then.
  const keys = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  if (keys.length === 0) return undefined;
  const { text, greeting } = value as { text?: unknown; greeting?: unknown };
  if (
    keys.some((key) => key !== 'text' && key !== 'greeting') ||
    (text !== undefined && typeof text !== 'string') ||
    (greeting !== undefined && greeting !== false && (typeof greeting !== 'string' || !greeting.trim()))
  ) {
    throw wrong();
  }
  if (typeof text === 'string') {
    const kind = contacts.some((contact) => contact.kind === 'phone') ? 'phone' : 'short-link';
    if (!lenient || kind === 'short-link') checkPrefilledText(text, kind, `${where}: text`, site);
  }
  return {
    ...(typeof text === 'string' && { text }),
    ...(greeting !== undefined && { greeting: typeof greeting === 'string' ? cutWhole(greeting.trim(), GREETING_LIMIT) : false }),
  };
}

/** The marker's `content` for a checked setting; `key` ties it to this site's build. */
export function settingMarkerContent(key: string, setting: NonNullable<PageSetting>): string {
  return `${SETTING_PREFIX}${key}:${JSON.stringify(setting)}`;
}

/**
 * The marker for a wrong `whatsapp:` in a file Astro renders while it syncs content (a collection
 * entry), where a thrown error is only logged and the entry kept without its HTML: the error
 * travels with the HTML instead, and the page that shows it stops the build (page-request.ts).
 * `message` names the file.
 */
export function settingErrorContent(key: string, message: string): string {
  return `${SETTING_PREFIX}${key}!${JSON.stringify(message)}`;
}

/** The error an error marker of this build (`key`) holds, if it is one; else undefined. */
export function readSettingError(content: string, key: string): string | undefined {
  const prefix = `${SETTING_PREFIX}${key}!`;
  if (!content.startsWith(prefix)) return undefined;
  try {
    const message = JSON.parse(content.slice(prefix.length)) as unknown;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
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
