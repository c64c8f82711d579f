/**
 * What the site's server bundle gets of the options: only what the middleware and the components
 * read, nothing else (no texts of other languages, no warnings, no Chatra settings). The config
 * writes it (config/virtual-module.ts), runtime/options.ts serves it: one type for both.
 */
import type { Contact } from './contacts.ts';
import type { LocaleDomains, PathStyle } from './page-path.ts';

/**
 * The labels a page's own markup shows, each settable in `texts` and `locales` (config/schema.ts
 * documents each): the text of the WhatsApp links and the floating button's accessible name, the
 * chat stand-in's name, the landmark's name, the QR code disclosure's summary, the greeting's close
 * button's name. Every place that names the labels takes this list.
 */
export const LABEL_KEYS = ['linkLabel', 'openChatLabel', 'regionLabel', 'qrLabel', 'closeLabel'] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

/** The labels a page's own markup uses, in one language. */
export interface PageLabels extends Record<LabelKey, string> {
  /** The language these labels are for (lower-case tag). */
  language: string;
  /** Labels shown in another language's words (it has none of its own), by key: that language, for `lang`. */
  labelLanguages?: Partial<Record<LabelKey, string>>;
  /** `fallback.greeting` in this language: its text and note, and their language when it is another (the site's default). */
  greeting?: { text: string; note?: string; language?: string };
}

/** Pages picked by path globs (without `base`). */
interface PathFilter {
  include?: string[];
  exclude?: string[];
}

/**
 * A page's own setting (`Astro.locals.whatsapp`, or frontmatter `whatsapp:`): `false`, no widget and
 * no floating button; `text`, the page's own message; `greeting`, its own greeting text, or `false`
 * for none. A key set to `undefined` is not set (a layout passes its own optional props on).
 */
export type PageSetting = false | { text?: string | undefined; greeting?: string | false | undefined } | undefined;

export interface RuntimeOptions extends PathStyle {
  contacts: Contact[];
  /** The site's address (`site`), for `{url}`. */
  site?: string;
  /** With Chatra: which pages get the widget, and whether a stand-in for its button is drawn until it is ready. */
  chatra?: PathFilter & { facade: boolean };
  /** The floating WhatsApp button: when it shows, its corner, whether it offers a QR code, which pages get it. */
  fallback: PathFilter & {
    /** `fallback.greeting`: its wait and the parts every language shares (texts are in `languages`). */
    greeting?: { afterSeconds: number; name?: string; avatar?: string };
    floating: 'until-chatra' | 'always' | false;
    position: 'bottom-end' | 'bottom-start' | 'bottom-right' | 'bottom-left';
    qr: boolean;
  };
  /** With an automatic message: the pages that send it (all when `pages` is absent). */
  autoMessage?: { pages?: string[] };
  /** Language of pages that declare none. */
  defaultLanguage: string;
  /** Labels by lower-case language tag. */
  languages: Record<string, PageLabels>;
  /** The page stylesheet as the head gets it: a `<link>` to the cached file, or a `<style>`. */
  stylesheet: string;
  /** The site's `base`, for matching page paths. */
  base: string;
  /**
   * The site's i18n `domains`, by host: each domain's origin and the locale whose pages it serves
   * (es.example.com/about/ is the page of /es/about/). shared/page-path.ts reads them.
   */
  localeDomains?: LocaleDomains;
  /** URL of each language's texts file. */
  textsUrls: Record<string, string>;
  /** URL of the cached script (the loader; without Chatra, the analytics listener). */
  loaderUrl?: string;
  /** The inline head script, when the build needs one (consent, CSP 'strict-dynamic'); '' otherwise. */
  bootstrap: string;
  /** With Chatra, what a page without the widget gets: the analytics listener alone (config/client-assets.ts). */
  listener: { bootstrap: string; scriptUrl?: string };
  /** What a frontmatter marker must carry to count (shared/page-setting.ts). */
  settingKey: string;
  /** URL of the greeting's cached script, for pages that show a greeting. */
  greetingScriptUrl?: string;
}
