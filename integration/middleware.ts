/// <reference path="./virtual.d.ts" />
import { defineMiddleware } from 'astro:middleware';
import picomatch from 'picomatch';
import options from 'virtual:astro-chatra-whatsapp/options';
import { checkPrefilledText, hasPlaceholders, namesPage, PageLinks } from './contacts.ts';
import { insertIntoHtml, insertIntoHtmlText, type PageInsertion } from './html-stream.ts';
import { mayHaveTriggers, rewriteLinks, rewriteLinksStream, type LinkRewrite } from './link-rewriter.ts';
import { OptionError, toAstroError } from './option-error.ts';
import type { PageSetting } from './options.ts';
import { languageOf, loaderScriptHtml, pageBodyHtml, pageDataHtml, pageHeadHtml, qrTitle } from './page-markup.ts';

const sendsAutoMessage = options.autoMessage?.pages ? picomatch(options.autoMessage.pages) : () => true;
const getsWidget = pathFilter(options.chatra?.include, options.chatra?.exclude);
const getsFloating = pathFilter(options.fallback.include, options.fallback.exclude);
const contactsNamePage = options.contacts.some((contact) => namesPage(contact.text));
const transformed = new WeakSet<Response>();
// The QR code is drawn per page (the link may name the page), and its library loads only when asked for.
const qrCodeSvg = options.fallback.qr ? (await import('./qr-code.ts')).qrCodeSvg : undefined;

/** Adds the page's Chatra texts, the floating WhatsApp button and the chat facade to every HTML page. */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const isHtml = response.headers.get('content-type')?.startsWith('text/html');
  if (!isHtml || !response.body || response.status >= 300 || transformed.has(response)) return response;

  const path = '/' + context.url.pathname.slice(options.base.length).replace(/^\/+/, '');
  // Read when first needed: by then the page's and its layout's frontmatter have run.
  let setting: PageSetting | undefined | null = null;
  const pageSetting = () => (setting === null ? (setting = readPageSetting(context.locals, context.url.pathname)) : setting);
  let title: string | undefined;
  let links: PageLinks | undefined;
  const rewrite: LinkRewrite = {
    title: (text) => (title ??= text.trim().replace(/\s+/g, ' ')),
    links: () => {
      const { pathname } = context.url;
      const url = (options.site ?? context.url.origin).replace(/\/$/, '') + pathname;
      return (links ??= new PageLinks(options.contacts, { title: title || pathname, url, path: pathname }, (pageSetting() || undefined)?.text));
    },
  };
  const insertion = (htmlLang: string | undefined): PageInsertion => {
    const on = pageSetting() !== false;
    const page = { widget: on && Boolean(options.chatra) && getsWidget(path), floating: on && getsFloating(path) };
    const language = languageOf(options, context.currentLocale ?? htmlLang);
    return {
      head: pageHeadHtml(options, options.css, page),
      headEnd: () => {
        if (!page.widget) return '';
        const autoMessage = Boolean(options.autoMessage) && sendsAutoMessage(path);
        const links = rewrite.links();
        return memo(links, `${language} ${autoMessage}`, () => pageDataHtml({ texts: options.textsUrls[language], autoMessage, links: links.changed }) + loaderScriptHtml(options.loaderUrl));
      },
      body: () => {
        const texts = options.languages[language];
        const links = rewrite.links();
        const qrCode = qrCodeSvg && ((href: string) => qrCodeSvg(href, qrTitle(texts.linkLabel)));
        return memo(links, `${language} ${page.widget} ${page.floating}`, () => pageBodyHtml(options, texts, page, links, qrCode));
      },
    };
  };

  let body: string | ReadableStream<Uint8Array>;
  if (context.isPrerendered) {
    // A prerendered page is written to a file whole: one string pass is cheaper than a stream.
    let html = await response.text();
    if (contactsNamePage || pageSetting() || mayHaveTriggers(html) || hasPlaceholders(html)) html = await rewriteLinks(html, rewrite);
    body = insertIntoHtmlText(html, insertion);
  } else {
    body = insertIntoHtml(rewriteLinksStream(response.body, rewrite), insertion);
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  const result = new Response(body, { status: response.status, statusText: response.statusText, headers });
  transformed.add(result);
  return result;
});

/** Most pages share their links with the site: what they get depends only on a few keys, and is made once for each. */
const shared = new Map<string, string>();
function memo(links: PageLinks, key: string, make: () => string): string {
  if (links.changed.size > 0) return make();
  let html = shared.get(key);
  if (html === undefined) shared.set(key, (html = make()));
  return html;
}

/** `Astro.locals.whatsapp`, checked: a wrong value fails the build, naming the page. */
function readPageSetting(locals: object, pathname: string): PageSetting | undefined {
  const value = (locals as { whatsapp?: unknown }).whatsapp;
  const where = `Astro.locals.whatsapp on ${pathname}`;
  try {
    // Checked by hand, not with the options schema: zod would be bundled into every server build.
    const isText = typeof value === 'object' && value !== null && Object.keys(value).join() === 'text' && typeof (value as { text: unknown }).text === 'string';
    if (value !== undefined && value !== false && !isText) {
      throw new OptionError(
        where,
        `expected false or { text: "…" }, got ${JSON.stringify(value)}.`,
        'Set it in the frontmatter of the page or its layout: Astro.locals.whatsapp = false, or = { text: "A question about {title}" }.',
      );
    }
    const hasPhone = options.contacts.some((contact) => contact.kind === 'phone');
    const setting = value as PageSetting;
    if (setting) checkPrefilledText(setting.text, hasPhone ? 'phone' : 'short-link', `${where}: text`, options.site);
    return setting;
  } catch (error) {
    throw error instanceof OptionError ? toAstroError(error) : error;
  }
}

function pathFilter(include: string[] | undefined, exclude: string[] | undefined): (path: string) => boolean {
  const included = include ? picomatch(include) : () => true;
  const excluded = exclude ? picomatch(exclude) : () => false;
  return (path) => included(path) && !excluded(path);
}
