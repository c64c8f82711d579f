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

/** A handler whose answers carry `tag`, logging every call but `bodyMarkers`. */
function logging(tag: string, calls: string[] = []): PageHandler & { calls: string[] } {
  const handler = {
    calls,
    headStart: (lang: string | undefined) => (calls.push(`headStart ${lang}`), `<style>/*${tag}*/</style>`),
    title: (text: string) => void calls.push(`title ${text}`),
    headEnd: () => (calls.push('headEnd'), `<script>"${tag}"</script>`),
    link: (href: string) => {
      calls.push(`link ${href}`);
      return href.trim().toLowerCase() === '#whatsapp' ? { href: `https://wa.me/1?text=${tag}`, add: { target: '_blank' } } : undefined;
    },
    bodyEnd: () => (calls.push('bodyEnd'), `<aside>${tag}</aside>`),
    bodyMarkers: () => MARKERS,
    markers: MARKERS,
    settingMarker: (content: string) => void calls.push(`setting ${content}`),
    settingMarkers: (contents: readonly string[]) => void calls.push(`settings ${contents.join(' ')}`),
  };
  return handler;
}

/**
 * Whether `transform` replayed the page remembered at `key`: a replay keeps the recipe and counts
 * no miss; a page read again counts one (or, read and learned anew, leaves another recipe).
 */
function replays<T>(memory: PageMemory, key: string, transform: () => T): { replayed: boolean; out: T } {
  const before = memory.recall(key);
  const out = transform();
  const after = memory.recall(key);
  return { replayed: before !== undefined && after === before && after.misses === 0, out };
}

/** Where a page's reading usually stops: the same on every request (a layout's text), no marker. */
const SHARED = `<p>${'Plain words, ё, 😀. '.repeat(60)}</p>`;
/**
 * The rest of a page's body, which differs between requests: text and markup, and now and then a
 * frontmatter marker, as the plugins write it (the byte search finds it: no replay) or spelled
 * with a character reference (a marker on neither path).
 */
const restArb = fc
  .tuple(
    fc.array(fc.constantFrom('<p>Text ', 'ё', '😀', '\ufeff', '</p>', '<div title="</body>">', '</div>', '<!-- </html> -->', ' & '), {
      minLength: 60,
      maxLength: 200,
    }),
    fc.constantFrom(
      '',
      '',
      '',
      '<meta name="astro-chatra-whatsapp" content="%acw-key:false">',
      '<meta name="astro-chatra-whatsapp" content="&#37;acw-key:false">',
    ),
    fc.nat(),
  )
  .map(([parts, marker, at]) => {
    const all: string[] = [...parts];
    all.splice(at % (all.length + 1), 0, marker);
    return SHARED + all.join('');
  });

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
    let runs = 0;
    fc.assert(
      fc.property(withSetting, restArb, restArb, (page, firstRest, rest) => {
        runs++;
        const memory = new PageMemory();
        const remembered = { memory, key: '/page' };
        // The first page read and remembered; the next one shares everything but the end of its body.
        transformPageBytes(encoder.encode(documentText(page, firstRest)), logging('first'), remembered);
        const next = encoder.encode(documentText(page, rest));
        const fresh = logging('next');
        const expected = decoder.decode(transformPageBytes(next, fresh));
        const replaying = logging('next');
        const run = replays(memory, '/page', () => decoder.decode(transformPageBytes(next, replaying, remembered)));
        expect(run.out).toBe(expected);
        expect(replaying.calls).toEqual(fresh.calls);
        if (run.replayed) replayed++;
      }),
      { numRuns: RUNS },
    );
    // Most generated pages end their reading before the rest: the property is about replays, not fallbacks.
    // (Of the runs made: on a busy machine a property stops after a minute, test/support/fast-check-seed.ts.)
    expect(runs).toBeGreaterThan(100);
    expect(replayed).toBeGreaterThan(runs / 3);
  });

  test('answers with this request: another handler, another title, another link', () => {
    const memory = new PageMemory();
    const remembered = { memory, key: '/p' };
    const rest = `<p>${'text '.repeat(200)}</p></body></html>`;
    const page = (title: string) =>
      encoder.encode(`<!doctype html><html lang="de"><head><title>${title}</title></head><body><a href="#whatsapp">w</a>${rest}`);
    transformPageBytes(page('A'), logging('one'), remembered);
    const { replayed, out } = replays(memory, '/p', () => decoder.decode(transformPageBytes(page('A'), logging('two'), remembered)));
    expect(replayed).toBe(true);
    expect(out).toBe(decoder.decode(transformPageBytes(page('A'), logging('two'))));
    expect(out).toContain('https://wa.me/1?text=two');
    expect(out).toContain('<aside>two</aside></body></html>');
    // Another title is other first bytes: read again.
    const other = logging('three');
    const again = replays(memory, '/p', () => decoder.decode(transformPageBytes(page('B'), other, remembered)));
    expect(again.out).toContain('<title>B</title>');
    expect(again.replayed).toBe(false);
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
      // Read past 32 KB (a link that far down): not kept.
      [encoder.encode(head + `<p>${'text '.repeat(7000)}</p>` + late + rest), new Uint8Array()],
    ];
    for (const [first, second] of cases) {
      const memory = new PageMemory();
      const remembered = { memory, key: '/p' };
      const next = second.length ? second : first;
      transformPageBytes(first, logging('a'), remembered);
      const { replayed, out } = replays(memory, '/p', () => transformPageBytes(next, logging('b'), remembered));
      expect(replayed).toBe(false);
      expect(decoder.decode(out)).toBe(decoder.decode(transformPageBytes(next, logging('b'))));
    }
  });

  test('a page the same as the one remembered is replayed without a search of its rest; one that is its beginning only (no closing tags: its end decides) is read', () => {
    const rest = `<p>${'text '.repeat(300)}</p>`;
    const page = `<!doctype html><html><head><title>t</title></head><body><a href="#whatsapp">w</a>${rest}`;
    for (const next of [page + '</body></html>', page]) {
      const memory = new PageMemory();
      const remembered = { memory, key: '/p' };
      transformPageBytes(encoder.encode(page + '</body></html>'), logging('a'), remembered);
      const { replayed, out } = replays(memory, '/p', () =>
        decoder.decode(transformPageBytes(encoder.encode(next), logging('b'), remembered)),
      );
      expect(replayed).toBe(next.endsWith('</html>'));
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

  test("one page's frontmatter markers never reach another's handler: a marker spelled with a character reference is none", () => {
    const head =
      '<!doctype html><html><head><title>t</title></head><body><meta name="astro-chatra-whatsapp" content="%acw-key:{}"><p>x</p>';
    const other = '<meta name="astro-chatra-whatsapp" content="&#37;acw-key:false">';
    const marked = encoder.encode(`${head}<p>${'text '.repeat(300)}</p>${other}</body></html>`);
    const plain = encoder.encode(`${head}<p>${'text '.repeat(300)}</p></body></html>`);
    for (const [first, next] of [
      [marked, plain],
      [plain, marked],
    ]) {
      const memory = new PageMemory();
      const remembered = { memory, key: '/p' };
      transformPageBytes(first, logging('a'), remembered);
      const replaying = logging('b');
      const fresh = logging('b');
      expect(decoder.decode(transformPageBytes(next, replaying, remembered))).toBe(decoder.decode(transformPageBytes(next, fresh)));
      expect(replaying.calls).toEqual(fresh.calls);
      expect(fresh.calls[0]).toBe('settings %acw-key:{}');
    }
  });

  test('bytes that are not UTF-8 in the rest pass as they came, each once', () => {
    const head = '<!doctype html><html><head><title>t</title></head><body><a href="#whatsapp">w</a><p>';
    // The head is read to `<body>`'s end; the marker right after it reads 512 bytes more, and reading
    // stops there. Every byte from there on is a continuation byte.
    const cut = head.indexOf('<body>') + '<body>'.length + 512;
    const page = bytes(encoder.encode(head + 'x'.repeat(cut - head.length)), new Array(600).fill(0x80), encoder.encode('</body></html>'));
    const memory = new PageMemory();
    const remembered = { memory, key: '/p' };
    transformPageBytes(page, logging('a'), remembered);
    const { replayed, out } = replays(memory, '/p', () => transformPageBytes(page, logging('b'), remembered));
    expect(replayed).toBe(true);
    expect(out).toEqual(transformPageBytes(page, logging('b')));
  });

  test('a U+FEFF inside the page is text: kept, and the page remembered; the one at its very start goes', () => {
    const rest = `<p>${'text '.repeat(200)}</p></body></html>`;
    // 512 bytes in: where the first piece the tokenizer reads ends.
    const start = '<!doctype html><html><head><title>t</title></head><body><a href="#whatsapp">w</a><p>';
    const page = start + 'x'.repeat(512 - encoder.encode(start).length) + '\ufeff' + rest;
    const memory = new PageMemory();
    const remembered = { memory, key: '/p' };
    const read = decoder.decode(transformPageBytes(encoder.encode(page), logging('a'), remembered));
    expect(read).toContain('x\ufeff<p>');
    const again = replays(memory, '/p', () => decoder.decode(transformPageBytes(encoder.encode(page), logging('a'), remembered)));
    expect(again.out).toBe(read);
    expect(again.replayed).toBe(true);
    expect(decoder.decode(transformPageBytes(encoder.encode('\ufeff' + page), logging('a')))).toBe(read);
  });

  test('a handler that answers with other markers has the page read (told its frontmatter markers again, the same)', () => {
    const page = encoder.encode(
      `<!doctype html><html><head><meta name="astro-chatra-whatsapp" content="%acw-key:{}"><title>t</title></head><body><p>${'text '.repeat(200)}</p></body></html>`,
    );
    const memory = new PageMemory();
    const remembered = { memory, key: '/p' };
    transformPageBytes(page, logging('a'), remembered);
    const calls: string[] = [];
    const other = { ...logging('b', calls), bodyMarkers: () => ['#whatsapp', '%acw-', '#chat'] };
    const out = transformPageBytes(page, other, remembered);
    expect(decoder.decode(out)).toBe(decoder.decode(transformPageBytes(page, logging('b'))));
    expect(calls.filter((call) => call.startsWith('settings'))).toEqual(['settings %acw-key:{}', 'settings %acw-key:{}']);
  });

  test('an address whose pages differ each time is learned again only now and then', () => {
    const memory = new PageMemory();
    const remembered = { memory, key: '/p' };
    const page = (n: number) =>
      encoder.encode(`<!doctype html><html><head><title>${n}</title></head><body><p>${'text '.repeat(200)}</p></body></html>`);
    const learned: number[] = [];
    for (let n = 0; n < 40; n++) {
      const before = memory.recall('/p');
      transformPageBytes(page(n), logging('a'), remembered);
      if (memory.recall('/p') !== before) learned.push(n);
    }
    // The first page and two misses, then one in sixteen.
    expect(learned).toEqual([0, 1, 2, 16, 32]);
    // A page that fits again is replayed, and the count starts over.
    expect(replays(memory, '/p', () => transformPageBytes(page(32), logging('b'), remembered)).replayed).toBe(true);
    expect(memory.recall('/p')!.misses).toBe(0);
  });

  test('keeps the addresses used last, up to its limit of addresses and of bytes', () => {
    const recipe = (size: number) => ({
      page: new Uint8Array(size),
      prefix: 0,
      cut: 0,
      markers: [],
      ahead: undefined,
      steps: [],
      misses: 0,
    });
    const memory = new PageMemory(2);
    const small = recipe(10);
    memory.keep('/a', small);
    memory.keep('/b', small);
    memory.recall('/a');
    memory.keep('/c', small);
    expect(memory.recall('/b')).toBeUndefined();
    expect(memory.recall('/a')).toBe(small);
    expect(memory.recall('/c')).toBe(small);
    // Each counts its page and 260 bytes more (its address, the rest of it).
    const bounded = new PageMemory(10, 1100);
    bounded.keep('/a', recipe(300));
    bounded.keep('/b', recipe(200));
    bounded.keep('/a', recipe(250));
    // 970 bytes; /b used last, so /a goes when /c would take the memory past 1,100.
    expect(bounded.recall('/b')).toBeDefined();
    bounded.keep('/c', recipe(200));
    expect(bounded.recall('/a')).toBeUndefined();
    expect(bounded.recall('/b')).toBeDefined();
    expect(bounded.recall('/c')).toBeDefined();
  });
});

function bytes(...parts: (Uint8Array | number[])[]): Uint8Array {
  return new Uint8Array(parts.flatMap((part) => [...part]));
}
