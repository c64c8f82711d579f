// Run by Deno (and by Node, for the comparison): the published page transform on a page read from
// stdin, streamed in small chunks; prints the output. Web APIs only, so it runs on both unchanged.
import { transformPageStream } from '../../integration/dist/runtime/page-stream.js';

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
const output = await new Response(transformPageStream(body, handler)).text();
await new Response(output).body.pipeTo(
  typeof Deno === 'undefined' ? (await import('node:stream')).Writable.toWeb(process.stdout) : Deno.stdout.writable,
);
