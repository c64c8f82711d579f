// Run by Deno (and by Node, for the comparison): the published page transform on a page read from
// stdin, streamed in small chunks, then whole, read and remembered (an on-demand page asked for
// again); prints the three outputs, one after another. Web APIs only, so it runs on both unchanged.
import { PageMemory } from '../../integration/dist/runtime/page-memory.js';
import { transformPageBytes, transformPageStream } from '../../integration/dist/runtime/page-stream.js';

const handler = {
  headStart: (lang) => `<style>/*${lang}*/</style>`,
  title: () => {},
  headEnd: () => '<script type="application/json">{}</script>',
  link: (href) => (href.trim().toLowerCase() === '#whatsapp' ? { href: 'https://wa.me/1?text=a&b', add: { target: '_blank' } } : undefined),
  bodyEnd: () => '<aside class="kit"></aside>',
  bodyMarkers: () => ['#whatsapp'],
};
const page = await new Response(
  typeof Deno === 'undefined' ? (await import('node:stream')).Readable.toWeb(process.stdin) : Deno.stdin.readable,
).bytes();
const body = new ReadableStream({
  start(controller) {
    for (let at = 0; at < page.length; at += 7) controller.enqueue(page.slice(at, at + 7));
    controller.close();
  },
});
const streamed = await new Response(transformPageStream(body, handler)).text();
const remembered = { memory: new PageMemory(), key: '/page' };
const calls = [];
const noted = {
  ...handler,
  headStart: (lang) => (calls.push('headStart'), handler.headStart(lang)),
  bodyMarkers: () => (calls.push('bodyMarkers'), handler.bodyMarkers()),
};
const whole = [transformPageBytes(page, handler, remembered)];
whole.push(transformPageBytes(page.slice(), noted, remembered));
// A replay asks for the markers first; a page read asks once its head is behind.
if (calls[0] !== 'bodyMarkers') throw new Error(`the page was read again, not replayed: ${calls.join(' ')}`);
const output = [streamed, ...whole.map((bytes) => new TextDecoder().decode(bytes))].join('');
await new Response(output).body.pipeTo(
  typeof Deno === 'undefined' ? (await import('node:stream')).Writable.toWeb(process.stdout) : Deno.stdout.writable,
);
