/**
 * A remembered page (page-memory.ts) is transformed exactly as one read again: the same bytes out,
 * the same calls to its handler in the same order, with this request's answers.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PAGE_LIMIT, PageMemory, sharedLength } from '../../../integration/runtime/page-memory.ts';
import { transformPageBytes } from '../../../integration/runtime/page-stream.ts';
import type { PageHandler } from '../../../integration/runtime/page-transform.ts';
import { documentParts, documentText } from '../../support/documents.ts';

const RUNS = 10_000;
const MARKERS = ['#whatsapp', '%acw-'];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A handler whose answers carry `tag`, logging every call but `bodyMarkers` (a replay asks it first). */
function logging(tag: string, calls: string[] = []): PageHandler & { calls: string[]; askedFirst: boolean } {
  const handler = {
    calls,
    askedFirst: false,
    headStart: (lang: string | undefined) => (calls.push(`headStart ${lang}`), `<style>/*${tag}*/</style>`),
    title: (text: string) => void calls.push(`title ${text}`),
    headEnd: () => (calls.push('headEnd'), `<script>"${tag}"</script>`),
    link: (href: string) => {
      calls.push(`link ${href}`);
      return href.trim().toLowerCase() === '#whatsapp' ? { href: `https://wa.me/1?text=${tag}`, add: { target: '_blank' } } : undefined;
    },
    bodyEnd: () => (calls.push('bodyEnd'), `<aside>${tag}</aside>`),
    bodyMarkers: () => {
      // A replay asks before the head's steps (after telling the frontmatter markers, if any).
      if (!calls.some((call) => !call.startsWith('settings'))) handler.askedFirst = true;
      return MARKERS;
    },
    settingMarker: (content: string) => void calls.push(`setting ${content}`),
    settingMarkers: (contents: readonly string[]) => void calls.push(`settings ${contents.join(' ')}`),
  };
  return handler;
}

/** Where a page's reading usually stops: the same on every request (a layout's text), no marker. */
const SHARED = `<p>${'Plain words, ё, 😀. '.repeat(60)}</p>`;
/** The rest of a page's body, which differs between requests: text and markup without a marker. */
const restArb = fc
  .array(fc.constantFrom('<p>Text ', 'ё', '😀', '</p>', '<div title="</body>">', '</div>', '<!-- </html> -->', ' & '), {
    minLength: 60,
    maxLength: 200,
  })
  .map((parts) => SHARED + parts.join(''));

/** Documents, some with a frontmatter marker among their head's elements (its step comes before the head start's). */
const withSetting = fc.tuple(documentParts, fc.option(fc.nat())).map(([doc, at]) => {
  if (at === null) return doc;
  const head = [...doc.head];
  head.splice(at % (head.length + 1), 0, '<meta name="astro-chatra-whatsapp" content="%acw-key:{}">');
  return { ...doc, head };
});

describe('a remembered page', () => {
  test(`is transformed as if read again, for pages sharing their first bytes (${RUNS} runs)`, () => {
    let replayed = 0;
    fc.assert(
      fc.property(withSetting, restArb, restArb, (page, firstRest, rest) => {
        const memory = new PageMemory();
        const remembered = { memory, key: '/page' };
        // The first page read and remembered; the next one shares everything but the end of its body.
        transformPageBytes(encoder.encode(documentText(page, firstRest)), logging('first'), remembered);
        const next = encoder.encode(documentText(page, rest));
        const fresh = logging('next');
        const expected = decoder.decode(transformPageBytes(next, fresh));
        const replaying = logging('next');
        const output = decoder.decode(transformPageBytes(next, replaying, remembered));
        expect(output).toBe(expected);
        expect(replaying.calls).toEqual(fresh.calls);
        if (replaying.askedFirst) replayed++;
      }),
      { numRuns: RUNS },
    );
    // Most generated pages end their reading before the rest: the property is about replays, not fallbacks.
    expect(replayed).toBeGreaterThan(RUNS / 3);
  });

  test('answers with this request: another handler, another title, another link', () => {
    const memory = new PageMemory();
    const remembered = { memory, key: '/p' };
    const rest = `<p>${'text '.repeat(200)}</p></body></html>`;
    const page = (title: string) =>
      encoder.encode(`<!doctype html><html lang="de"><head><title>${title}</title></head><body><a href="#whatsapp">w</a>${rest}`);
    transformPageBytes(page('A'), logging('one'), remembered);
    const handler = logging('two');
    const out = decoder.decode(transformPageBytes(page('A'), handler, remembered));
    expect(handler.askedFirst).toBe(true);
    expect(out).toBe(decoder.decode(transformPageBytes(page('A'), logging('two'))));
    expect(out).toContain('https://wa.me/1?text=two');
    expect(out).toContain('<aside>two</aside></body></html>');
    // Another title is other first bytes: read again.
    const other = logging('three');
    expect(decoder.decode(transformPageBytes(page('B'), other, remembered))).toContain('<title>B</title>');
    expect(other.askedFirst).toBe(false);
    expect(other.calls).toContain('title B');
  });

  test('is read again when the rest holds a marker (where it differs, after the page remembered, past what was kept of a large one), when its first bytes are not valid UTF-8, or start with a byte-order mark', () => {
    const rest = `<p>${'text '.repeat(200)}</p></body></html>`;
    const head = '<!doctype html><html><head><title>t</title></head><body><a href="#whatsapp">w</a>';
    const late = '<a href="#whatsapp">late</a>';
    const large = `<p>${'text '.repeat(PAGE_LIMIT / 5)}</p>`;
    const cases: [Uint8Array, Uint8Array][] = [
      [encoder.encode(head + rest), encoder.encode(head + rest.replace('text', late))],
      [encoder.encode(head + rest), encoder.encode(head + rest + late)],
      // The pages differ in a marker's last byte: the marker begins in what they share.
      [encoder.encode(head + rest + late.replace('#whatsapp', '#whatsapx')), encoder.encode(head + rest + late)],
      [encoder.encode(head + large + rest), encoder.encode(head + large + late + rest)],
      [
        bytes(encoder.encode('<!doctype html><html><head><title>'), [0xff, 0xfe], encoder.encode(`</title>${head.slice(40)}${rest}`)),
        new Uint8Array(),
      ],
      [bytes([0xef, 0xbb, 0xbf], encoder.encode(head + rest)), new Uint8Array()],
    ];
    for (const [first, second] of cases) {
      const memory = new PageMemory();
      const remembered = { memory, key: '/p' };
      const next = second.length ? second : first;
      transformPageBytes(first, logging('a'), remembered);
      const handler = logging('b');
      const out = transformPageBytes(next, handler, remembered);
      expect(handler.askedFirst).toBe(false);
      expect(decoder.decode(out)).toBe(decoder.decode(transformPageBytes(next, logging('b'))));
    }
  });

  test('a page the same as the one remembered, or as its beginning, is replayed without a search of its rest', () => {
    const rest = `<p>${'text '.repeat(300)}</p>`;
    const page = `<!doctype html><html><head><title>t</title></head><body><a href="#whatsapp">w</a>${rest}`;
    for (const next of [page + '</body></html>', page]) {
      const memory = new PageMemory();
      const remembered = { memory, key: '/p' };
      transformPageBytes(encoder.encode(page + '</body></html>'), logging('a'), remembered);
      const handler = logging('b');
      const out = decoder.decode(transformPageBytes(encoder.encode(next), handler, remembered));
      expect(handler.askedFirst).toBe(true);
      expect(out).toBe(decoder.decode(transformPageBytes(encoder.encode(next), logging('b'))));
    }
  });

  test('the shared length of two byte arrays, four bytes at a time where they line up (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), fc.nat(3), fc.nat(3), (a, tail, offsetA, offsetB) => {
        const b = new Uint8Array([...a.slice(0, a.length - (tail.length % (a.length + 1))), ...tail]);
        const view = (array: Uint8Array, offset: number) => {
          const buffer = new Uint8Array(array.length + offset);
          buffer.set(array, offset);
          return buffer.subarray(offset);
        };
        let naive = 0;
        while (naive < Math.min(a.length, b.length) && a[naive] === b[naive]) naive++;
        expect(sharedLength(view(a, offsetA), view(b, offsetB))).toBe(naive);
      }),
      { numRuns: 10_000 },
    );
  });

  test('keeps the addresses used last, up to its limit of addresses and of bytes', () => {
    const recipe = (size: number) => ({ page: new Uint8Array(size), prefix: 0, cut: 0, markers: [], ahead: undefined, steps: [] });
    const memory = new PageMemory(2);
    const small = recipe(10);
    memory.keep('/a', small);
    memory.keep('/b', small);
    memory.recall('/a');
    memory.keep('/c', small);
    expect(memory.recall('/b')).toBeUndefined();
    expect(memory.recall('/a')).toBe(small);
    expect(memory.recall('/c')).toBe(small);
    const bounded = new PageMemory(10, 100);
    bounded.keep('/a', recipe(60));
    bounded.keep('/b', recipe(30));
    bounded.keep('/a', recipe(50));
    // 80 bytes; /b used last, so /a goes when /c would take the memory past 100.
    expect(bounded.recall('/b')).toBeDefined();
    bounded.keep('/c', recipe(40));
    expect(bounded.recall('/a')).toBeUndefined();
    expect(bounded.recall('/b')).toBeDefined();
    expect(bounded.recall('/c')).toBeDefined();
  });
});

function bytes(...parts: (Uint8Array | number[])[]): Uint8Array {
  return new Uint8Array(parts.flatMap((part) => [...part]));
}
