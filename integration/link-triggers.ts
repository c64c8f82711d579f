/**
 * `<a href="#whatsapp">` anywhere on a page (menus, footers, layouts) becomes the WhatsApp link,
 * at build time, so it works without JavaScript. `<a href="#chat">` becomes the same link, marked
 * `data-chatra-whatsapp="chat"`: where the widget can start, the loader opens the chat instead;
 * where it can't (no JavaScript, blocked, failed), the link goes to WhatsApp.
 */
import { Readable } from 'node:stream';
import { RewritingStream } from 'parse5-html-rewriting-stream';

const TRIGGERS: Record<string, 'whatsapp' | 'chat'> = { '#whatsapp': 'whatsapp', '#chat': 'chat' };
type StartTag = Parameters<RewritingStream['emitStartTag']>[0];

/** Cheap test before parsing: a page that never names a trigger is left as it is. */
export function mayHaveTriggers(html: string): boolean {
  return html.includes('#whatsapp') || html.includes('#chat');
}

function rewriter(href: string): RewritingStream {
  const stream = new RewritingStream();
  stream.on('startTag', (tag: StartTag, raw: string) => {
    const link = tag.tagName === 'a' ? tag.attrs.find((attr) => attr.name === 'href') : undefined;
    const trigger = link && TRIGGERS[link.value.trim()];
    if (!trigger) return stream.emitRaw(raw);
    link.value = href;
    const set = (name: string, value: string) => {
      if (!tag.attrs.some((attr) => attr.name === name)) tag.attrs.push({ name, value });
    };
    set('target', '_blank');
    set('rel', 'noopener noreferrer');
    if (trigger === 'chat') set('data-chatra-whatsapp', 'chat');
    stream.emitStartTag(tag);
  });
  return stream;
}

/** A whole page: prerendered pages. */
export async function rewriteTriggers(html: string, href: string): Promise<string> {
  let output = '';
  const stream = Readable.from([html]).pipe(rewriter(href));
  for await (const chunk of stream) output += chunk;
  return output;
}

/** A page as a stream: on-demand pages. */
export function rewriteTriggersStream(html: ReadableStream<Uint8Array>, href: string): ReadableStream<Uint8Array> {
  const text = Readable.fromWeb(html as import('node:stream/web').ReadableStream<Uint8Array>).setEncoding('utf8');
  return Readable.toWeb(text.pipe(rewriter(href))) as unknown as ReadableStream<Uint8Array>;
}
