/// <reference path="./virtual.d.ts" />
import { defineMiddleware } from 'astro:middleware';
import picomatch from 'picomatch';
import options from 'virtual:astro-chatra-whatsapp/options';
import { insertIntoHtml, insertIntoHtmlText, type PageInsertion } from './html-stream.ts';
import { mayHaveTriggers, rewriteTriggers, rewriteTriggersStream } from './link-triggers.ts';
import { loaderScriptHtml, pageBodyHtml, pageHeadHtml } from './page-markup.ts';

const sendsAutoMessage = options.autoMessage?.pages ? picomatch(options.autoMessage.pages) : () => true;
const transformed = new WeakSet<Response>();

/** Adds the page's Chatra texts, the floating WhatsApp button and the chat facade to every HTML page. */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const isHtml = response.headers.get('content-type')?.startsWith('text/html');
  if (!isHtml || !response.body || response.status >= 300 || transformed.has(response)) return response;

  const path = '/' + context.url.pathname.slice(options.base.length).replace(/^\/+/, '');
  const insertion = (htmlLang: string | undefined) => insertionFor(languageOf(context.currentLocale ?? htmlLang), sendsAutoMessage(path));
  // A prerendered page is written to a file whole: one string pass is cheaper than a stream.
  let body: string | ReadableStream<Uint8Array>;
  if (context.isPrerendered) {
    const html = await response.text();
    body = insertIntoHtmlText(mayHaveTriggers(html) ? await rewriteTriggers(html, options.href) : html, insertion);
  } else {
    body = insertIntoHtml(rewriteTriggersStream(response.body, options.href), insertion);
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  const result = new Response(body, { status: response.status, statusText: response.statusText, headers });
  transformed.add(result);
  return result;
});

/** A page's insertion depends only on its language and whether it sends the auto message: made once for each. */
const insertions = new Map<string, PageInsertion>();
function insertionFor(language: string, autoMessage: boolean): PageInsertion {
  const key = `${language} ${autoMessage}`;
  let insertion = insertions.get(key);
  if (!insertion) {
    insertion = {
      head: pageHeadHtml(options, options.css, { textsUrl: options.textsUrls[language], autoMessage }),
      headEnd: loaderScriptHtml(options.loaderUrl),
      body: pageBodyHtml(options, options.languages[language]),
    };
    insertions.set(key, insertion);
  }
  return insertion;
}

/** The language tag the integration has texts for: the page's, its base language, or the default. */
function languageOf(pageLanguage: string | undefined): string {
  const tag = pageLanguage?.toLowerCase();
  if (tag && options.languages[tag]) return tag;
  if (tag && options.languages[tag.split('-')[0]]) return tag.split('-')[0];
  return options.languages[options.defaultLanguage] ? options.defaultLanguage : 'en';
}
