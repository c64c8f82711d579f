/**
 * Rewrites a page's links as its HTML passes, at build time, so they work without JavaScript:
 * `<a href="#whatsapp">` anywhere (menus, footers, layouts) becomes the page's WhatsApp link;
 * `<a href="#chat">` becomes the same link, marked `data-chatra-whatsapp="chat"` (where the widget
 * can start, the loader opens the chat instead; where it can't, the link goes to WhatsApp); and
 * WhatsApp links the site shares become the page's own (its title and address in the message).
 */
import { Readable } from 'node:stream';
import { RewritingStream } from 'parse5-html-rewriting-stream';
import type { PageLinks } from './contacts.ts';

const TRIGGERS: Record<string, 'whatsapp' | 'chat'> = { '#whatsapp': 'whatsapp', '#chat': 'chat' };
type StartTag = Parameters<RewritingStream['emitStartTag']>[0];

/** What the rewriter needs from the page: it hears the title first, then asks for the links. */
export interface LinkRewrite {
  /** The text of the page's `<title>`, as it passes. */
  title(text: string): void;
  links(): PageLinks;
}

/** Cheap test before parsing: a page that never names a trigger is left as it is. */
export function mayHaveTriggers(html: string): boolean {
  return html.includes('#whatsapp') || html.includes('#chat');
}

function rewriter(page: LinkRewrite): RewritingStream {
  const stream = new RewritingStream();
  let title: string | undefined;
  let inTitle = false;
  stream.on('startTag', (tag: StartTag, raw: string) => {
    // The document's title is the first; an SVG's <title> comes later, in the body.
    if (tag.tagName === 'title' && title === undefined) inTitle = true;
    if (tag.tagName === 'body') title ??= '';
    const link = tag.tagName === 'a' ? tag.attrs.find((attr) => attr.name === 'href') : undefined;
    const href = link?.value.trim();
    const trigger = href && TRIGGERS[href];
    const own = trigger ? page.links().main : href?.startsWith('https://wa.me/') ? page.links().href(href) : undefined;
    if (!link || own === undefined || (own === href && !trigger)) return stream.emitRaw(raw);
    link.value = own;
    const set = (name: string, value: string) => {
      if (!tag.attrs.some((attr) => attr.name === name)) tag.attrs.push({ name, value });
    };
    if (trigger) {
      set('target', '_blank');
      set('rel', 'noopener noreferrer');
    }
    if (trigger === 'chat') set('data-chatra-whatsapp', 'chat');
    stream.emitStartTag(tag);
  });
  stream.on('text', (token: { text: string }, raw: string) => {
    if (inTitle) title = (title ?? '') + token.text;
    stream.emitRaw(raw);
  });
  stream.on('endTag', (tag: { tagName: string }, raw: string) => {
    if (inTitle && tag.tagName === 'title') {
      inTitle = false;
      title ??= '';
      page.title(title);
    }
    stream.emitRaw(raw);
  });
  return stream;
}

/** A whole page: prerendered pages. */
export async function rewriteLinks(html: string, page: LinkRewrite): Promise<string> {
  let output = '';
  const stream = Readable.from([html]).pipe(rewriter(page));
  for await (const chunk of stream) output += chunk;
  return output;
}

/** A page as a stream: on-demand pages. */
export function rewriteLinksStream(html: ReadableStream<Uint8Array>, page: LinkRewrite): ReadableStream<Uint8Array> {
  const text = Readable.fromWeb(html as import('node:stream/web').ReadableStream<Uint8Array>).setEncoding('utf8');
  return Readable.toWeb(text.pipe(rewriter(page))) as unknown as ReadableStream<Uint8Array>;
}
