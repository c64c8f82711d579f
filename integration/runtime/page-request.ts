/**
 * One page's kit, worked out as the page transform reaches each place: which parts the page gets
 * (`include`/`exclude`, `Astro.locals.whatsapp`), its language, its title and address in the
 * WhatsApp links, and the HTML for each place. Everything a page says is data: nothing a page or
 * a request holds can make this throw while the page streams.
 */
import { PAGE_PLACEHOLDERS, PageLinks, type PageContext } from '../shared/contacts.ts';
import { NEW_TAB, OPENS_CHAT, STATE_ATTRIBUTE } from '../shared/dom.ts';
import { astroUserError, LOG_PREFIX, OptionError, toAstroError } from '../shared/errors.ts';
import { languageOf } from '../shared/language.ts';
import {
  landmarkLanguage,
  loaderScriptHtml,
  nonceAttribute,
  pageBodyHtml,
  pageDataHtml,
  pageHeadHtml,
  qrTitle,
  type PageGreeting,
  type PageParts,
} from '../shared/markup.ts';
import { cutPathname, decodePath, localeDomainOf, pageOrigin, pagePath, pageUrl } from '../shared/page-path.ts';
import { capTitle } from '../shared/page-title.ts';
import { pathMatcher } from '../shared/path-pattern.ts';
import { checkPageSetting, readSettingError, readSettingMarker, SETTING_HINTS, SETTING_PREFIX } from '../shared/page-setting.ts';
import type { PageLabels, PageSetting, RuntimeOptions } from '../shared/runtime-options.ts';
import type { PolicyNonces } from './csp-nonce.ts';
import type { LinkChange, PageHandler } from './page-transform.ts';

/** Of a longer path, only this much is matched against `include`/`exclude` (the work grows with the path: path-pattern.ts). */
const PATH_LIMIT = 2048;

/** The most of a page's address (percent-encoded) that `{path}` and `{url}` put into a message. */
const MESSAGE_PATH_LIMIT = 512;
/** Wrong `Astro.locals.whatsapp` values logged per hour and server; the rest are counted, not logged. */
const SETTINGS_LOGGED = 10;
const SETTINGS_LOG_WINDOW = 3_600_000;

const OPENS_CHAT_IN_NEW_TAB = { ...NEW_TAB, [STATE_ATTRIBUTE]: OPENS_CHAT };
/** Without one of these, nothing in a page's body changes: `#whatsapp`, `#chat`, a link naming the page, a frontmatter marker. */
const BODY_MARKERS = ['#whatsapp', '#chat', ...PAGE_PLACEHOLDERS.map((name) => `%7b${name}%7d`), SETTING_PREFIX];

/** What the page's request tells the kit. */
export interface RequestFacts {
  /** The page's address as requested. */
  url: URL;
  /** `Astro.currentLocale`. */
  locale: string | undefined;
  /** Read when first needed: by then the page's and its layout's frontmatter have run. */
  locals: () => object;
  prerendered: boolean;
  /** The nonces the response's own policy gives (csp-nonce.ts): the kit's scripts and stylesheet carry them. */
  nonces?: PolicyNonces;
}

/** The checks and lookups every page shares, made once per server. */
export class PageKits {
  readonly options: RuntimeOptions;
  readonly sendsAutoMessage: (path: string) => boolean;
  readonly getsWidget: (path: string) => boolean;
  readonly getsFloating: (path: string) => boolean;
  readonly qrCodeSvg?: (link: string, title: string) => string | undefined;
  /** The site's phone contacts' links (`https://wa.me/<digits>`): only these get the page's title and address. */
  readonly #phoneLinks: string[];
  /** Most pages share their links with the site: what they get depends only on a few keys, and is made once for each. */
  readonly #shared = new Map<string, string>();

  constructor(options: RuntimeOptions, qrCodeSvg?: (link: string, title: string) => string | undefined) {
    this.options = options;
    this.sendsAutoMessage = options.autoMessage?.pages ? pathMatcher(options.autoMessage.pages) : () => true;
    this.getsWidget = pathFilter(options.chatra?.include, options.chatra?.exclude);
    this.getsFloating = pathFilter(options.fallback.include, options.fallback.exclude);
    this.qrCodeSvg = qrCodeSvg;
    this.#phoneLinks = options.contacts.flatMap((contact) => (contact.kind === 'phone' ? [contact.link] : []));
  }

  /** Whether a WhatsApp link in a page goes to one of the site's own numbers (not one a commenter posted). */
  isOwnLink(href: string): boolean {
    return this.#phoneLinks.some((link) => href === link || href.startsWith(`${link}?`) || href.startsWith(`${link}/?`));
  }

  #settingsWindow = { start: -Infinity, logged: 0, leftOut: 0 };
  /**
   * A wrong `Astro.locals.whatsapp` on an on-demand page, left out: logged for the first few
   * requests of each hour, as request data (a visitor) may set it on every one; the next hour's
   * first line says how many went unlogged.
   */
  warnSettingLeftOut(warning: string): void {
    const window = this.#settingsWindow;
    const now = Date.now();
    if (now - window.start >= SETTINGS_LOG_WINDOW) {
      if (window.leftOut > 0) {
        console.warn(
          `${LOG_PREFIX} ${window.leftOut} more wrong Astro.locals.whatsapp values were left out without a line in the log in the hour from ${new Date(window.start).toISOString()}.`,
        );
      }
      this.#settingsWindow = { start: now, logged: 0, leftOut: 0 };
      return this.warnSettingLeftOut(warning);
    }
    if (window.logged >= SETTINGS_LOGGED) {
      window.leftOut++;
      return;
    }
    console.warn(warning);
    if (++window.logged === SETTINGS_LOGGED) {
      console.warn(`${LOG_PREFIX} Further wrong Astro.locals.whatsapp values this hour are counted, not logged.`);
    }
  }

  #warnedLate = false;
  /** Once per server: a page whose frontmatter setting arrived after its head had been sent. */
  warnLateSetting(path: string): void {
    if (this.#warnedLate) return;
    this.#warnedLate = true;
    console.warn(
      `${LOG_PREFIX} ${path}: its Markdown's frontmatter \`whatsapp:\` came after the page's head had been sent ` +
        '(the page streams), so it was left out. For pages that stream, set Astro.locals.whatsapp in the page or its layout.',
    );
  }

  memo(links: PageLinks, key: string, make: () => string): string {
    if (links.changed.size > 0) return make();
    let html = this.#shared.get(key);
    if (html === undefined) this.#shared.set(key, (html = make()));
    return html;
  }
}

/** The page transform's handler for one page. */
export class PageRequest implements PageHandler {
  readonly #kits: PageKits;
  readonly #facts: RequestFacts;
  /** The page's path without `base`, for include/exclude. */
  readonly #route: string;
  #setting: PageSetting | undefined;
  #settingRead = false;
  /** The frontmatter markers read before the page (a whole page); undefined: none read ahead. */
  #markdown: PageSetting | undefined;
  #markdownRead = false;
  #title: string | undefined;
  #links: PageLinks | undefined;
  #language = '';
  #parts: PageParts = { widget: false, floating: false };
  /** The document's `<html lang>`, if any. */
  #documentLanguage: string | undefined;
  /** What the page gets of our scripts: inline in the head, and a cached file before `</head>`. */
  #scripts: RuntimeOptions['listener'] = { bootstrap: '' };

  constructor(kits: PageKits, facts: RequestFacts) {
    this.#kits = kits;
    this.#facts = facts;
    const { base } = kits.options;
    // As patterns are written: `/привет/**` for a request to /%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/
    // (cut where it still decodes, so no escape is cut in two).
    const pathname = decodePath(cutPathname(facts.url.pathname, PATH_LIMIT));
    let route = '/' + (pathname.startsWith(base) ? pathname.slice(base.length) : pathname).replace(/^\/+/, '');
    // On a language's own domain (i18n `domains`), es.example.com/about/ is the page of /es/about/:
    // the patterns name it so, as they name it on the main domain.
    const domain = localeDomainOf(facts.url, kits.options.localeDomains);
    if (domain) route = `/${domain.locale}${route}`;
    // In the 'file' and 'preserve' formats a prerendered page's URL names its file (/secret.html,
    // /ru/index.html): the patterns name its address, as `{path}` does (pagePath).
    this.#route = kits.options.format === 'directory' ? route : addressOfFile(route);
  }

  headStart(lang: string | undefined): string {
    const { options, getsWidget, getsFloating } = this.#kits;
    const on = this.#pageSetting() !== false;
    this.#parts = { widget: on && Boolean(options.chatra) && getsWidget(this.#route), floating: on && getsFloating(this.#route) };
    this.#language = languageOf(options, this.#facts.locale ?? lang);
    this.#documentLanguage = lang;
    // On a site with Chatra, a page without the widget gets the analytics listener alone (elsewhere it rides in the loader).
    this.#scripts =
      this.#parts.widget || !options.chatra ? { bootstrap: options.bootstrap, scriptUrl: options.loaderUrl } : options.listener;
    const script = this.#scripts.bootstrap;
    const nonces = this.#facts.nonces;
    return (
      pageHeadHtml(options, this.#parts, nonces?.style) + (script ? `<script${nonceAttribute(nonces?.script)}>${script}</script>` : '')
    );
  }

  title(text: string): void {
    // Capped when a link names the page (most don't).
    this.#title ??= text;
  }

  headEnd(): string {
    const { options, sendsAutoMessage } = this.#kits;
    const nonce = this.#facts.nonces?.script;
    if (!this.#parts.widget) return loaderScriptHtml(this.#scripts.scriptUrl, nonce);
    const autoMessage = Boolean(options.autoMessage) && sendsAutoMessage(this.#route);
    const links = this.#pageLinks();
    const make = () =>
      pageDataHtml({ texts: options.textsUrls[this.#language], autoMessage, links: links.changed }) +
      loaderScriptHtml(options.loaderUrl, nonce);
    // A nonce is the request's own: made for the page, never kept.
    return nonce ? make() : this.#kits.memo(links, `${this.#language} ${autoMessage}`, make);
  }

  link(href: string): LinkChange | undefined {
    const trigger = href.trim().toLowerCase();
    if (trigger === '#whatsapp') return this.#unlessSection('whatsapp', NEW_TAB);
    if (trigger === '#chat') return this.#unlessSection('chat', OPENS_CHAT_IN_NEW_TAB);
    // The page's title and address go only into messages to the site's own numbers: a link to
    // another (a commenter's) stays as written.
    if (!href.startsWith('https://wa.me/') || !this.#kits.isOwnLink(href)) return undefined;
    const own = this.#pageLinks().href(href);
    return own === href ? undefined : { href: own };
  }

  readonly markers = BODY_MARKERS;

  /**
   * The page's own sections called `whatsapp` or `chat` (an element's id, in any case: a heading
   * "Chat"), as read: a link to one (its table of contents, its anchor) stays an in-page link.
   */
  readonly #sections = new Set<string>();
  /** Those changed into a link to WhatsApp before any such section was read. */
  readonly #changedBefore = new Set<string>();

  #unlessSection(name: string, add: Record<string, string>): LinkChange | undefined {
    if (this.#sections.has(name)) return undefined;
    this.#changedBefore.add(name);
    return { href: this.#pageLinks().main, add };
  }

  elementId(id: string): void {
    const name = id.toLowerCase();
    if (name === 'whatsapp' || name === 'chat') this.#sections.add(name);
  }

  sections(): 'none' | 'read' | 'late' {
    const late = [...this.#changedBefore].some((name) => this.#sections.has(name));
    this.#changedBefore.clear();
    return late ? 'late' : this.#sections.size > 0 ? 'read' : 'none';
  }

  bodyMarkers(): readonly string[] | undefined {
    // A page's own message changes every link to a phone contact: any of them may be in the body.
    const setting = this.#pageSetting();
    return setting && setting.text !== undefined ? undefined : BODY_MARKERS;
  }

  bodyEnd(): string {
    const { options, qrCodeSvg } = this.#kits;
    const texts = options.languages[this.#language];
    const links = this.#pageLinks();
    const qrCode = qrCodeSvg && ((link: string) => qrCodeSvg(link, qrTitle(texts.linkLabel)));
    const setting = this.#pageSetting();
    const own = setting ? setting.greeting : undefined;
    const greeting = pageGreeting(options, texts, own);
    const nonce = this.#facts.nonces?.script;
    const make = () =>
      pageBodyHtml(options, texts, this.#parts, links, { qrCode, greeting, documentLanguage: this.#documentLanguage, scriptNonce: nonce });
    // A page's own greeting may come from request data, and a nonce is the request's: made for the page, never kept.
    if (typeof own === 'string' || nonce) return make();
    // Of the document's language, what the kit reads (one of the site's languages, or none): request
    // data may set <html lang>, and the kept kits must stay few.
    const landmark = landmarkLanguage(texts, this.#documentLanguage) ?? '';
    return this.#kits.memo(links, `${this.#language} ${this.#parts.widget} ${this.#parts.floating} ${own === false} ${landmark}`, make);
  }

  /**
   * The page's links: made once, when first needed (by then its title has passed). Its context (path,
   * address, capped title) is worked out only when a link names the page, from the title as it was
   * when the links were made.
   */
  #pageLinks(): PageLinks {
    if (this.#links) return this.#links;
    const { options } = this.#kits;
    const title = this.#title;
    let page: PageContext | undefined;
    const context = () => {
      if (page) return page;
      // A visitor chooses the path: a longer one is cut (each WhatsApp link on the page repeats it).
      const path = pagePath(cutPathname(this.#facts.url.pathname, MESSAGE_PATH_LIMIT), options);
      const origin = pageOrigin(options.site, this.#facts.url, options.localeDomains);
      return (page = { title: (title && capTitle(title)) || path, url: pageUrl(origin, path), path });
    };
    const setting = this.#pageSetting();
    return (this.#links = new PageLinks(options.contacts, context, setting ? setting.text : undefined));
  }

  /** Frontmatter markers found in the whole page before its transform (page-stream.ts reads ahead). */
  settingMarkers(contents: readonly string[]): void {
    this.#markdownRead = true;
    this.#settingError(contents);
    this.#markdown = markdownSetting(contents, this.#kits.options);
  }

  /** A marker the transform takes out of the page; one in a page that streamed came after its head. */
  settingMarker(content: string): void {
    if (this.#markdownRead || this.#settingError([content]) || readSettingMarker(content, this.#kits.options.settingKey) === undefined)
      return;
    this.#kits.warnLateSetting(this.#facts.url.pathname);
  }

  /**
   * A wrong `whatsapp:` in a collection entry the page shows (an error marker: page-setting.ts
   * settingErrorContent). On a prerendered page it stops the build, naming the file and the page;
   * on an on-demand page it is logged and left out (a request never fails over it). Whether there was one.
   */
  #settingError(contents: readonly string[]): boolean {
    const { settingKey } = this.#kits.options;
    const message = contents.map((content) => readSettingError(content, settingKey)).find((found) => found !== undefined);
    if (message === undefined) return false;
    const page = this.#facts.url.pathname;
    if (this.#facts.prerendered) {
      throw astroUserError(message, `The page ${page} shows that file's content.`);
    }
    this.#kits.warnSettingLeftOut(`${LOG_PREFIX} ${message} (shown on ${page}: left out for this request)`);
    return true;
  }

  /** `Astro.locals.whatsapp` when set, else the Markdown's frontmatter. */
  #pageSetting(): PageSetting | undefined {
    if (!this.#settingRead) {
      this.#settingRead = true;
      this.#setting = readPageSetting((this.#facts.locals() as { whatsapp?: unknown }).whatsapp, this.#facts, this.#kits);
    }
    return this.#setting ?? this.#markdown;
  }
}

/**
 * `Astro.locals.whatsapp`, checked. On a prerendered page a wrong value stops the build, naming
 * the page (`report` throws there); on an on-demand page it is reported and left out, since a
 * request must not fail over it.
 */
function readPageSetting(value: unknown, facts: RequestFacts, kits: PageKits): PageSetting | undefined {
  const { options } = kits;
  try {
    return checkPageSetting(value, `Astro.locals.whatsapp on ${facts.url.pathname}`, {
      contacts: options.contacts,
      site: options.site,
      hint: SETTING_HINTS.locals,
      // On demand, a message from request data keeps an unknown {placeholder} as written.
      lenient: !facts.prerendered,
    });
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    if (facts.prerendered) throw toAstroError(error);
    kits.warnSettingLeftOut(`${LOG_PREFIX} ${error.message} Left out for this request. ${error.hint}`);
    return undefined;
  }
}

/**
 * The frontmatter settings the page's Markdown left (checked when it was built): one setting when
 * they all say the same; none when a page shows several files that disagree (a list of posts).
 */
function markdownSetting(contents: readonly string[], options: RuntimeOptions): PageSetting | undefined {
  // A marker is page data (user content may forge one): whatever it holds, nothing here throws.
  try {
    const values = new Set(contents.map((content) => JSON.stringify(readSettingMarker(content, options.settingKey) ?? null)));
    if (values.size !== 1) return undefined;
    return checkPageSetting(JSON.parse([...values][0]) ?? undefined, 'frontmatter whatsapp', {
      contacts: options.contacts,
      site: options.site,
      hint: SETTING_HINTS.frontmatter,
      lenient: true,
    });
  } catch {
    return undefined;
  }
}

/** The greeting a page shows: none when the site has none or the page says `greeting: false`; else its own words or its language's. */
function pageGreeting(options: RuntimeOptions, texts: PageLabels, own: string | false | undefined): PageGreeting | undefined {
  const site = options.fallback.greeting;
  if (!site || !texts.greeting || own === false) return undefined;
  const words = typeof own === 'string' ? { text: own } : texts.greeting;
  return { ...words, ...(site.name && { name: site.name }), ...(site.avatar && { avatar: site.avatar }) };
}

/** A page's file as its address: /ru/index.html is /ru/, /about.html is /about (a trailing slash doesn't count in patterns). */
function addressOfFile(route: string): string {
  return route.replace(/\/index\.html\/?$/, '/').replace(/\.html\/?$/, '') || '/';
}

function pathFilter(include: string[] | undefined, exclude: string[] | undefined): (path: string) => boolean {
  const included = include ? pathMatcher(include) : () => true;
  const excluded = exclude ? pathMatcher(exclude) : () => false;
  return (path) => included(path) && !excluded(path);
}
