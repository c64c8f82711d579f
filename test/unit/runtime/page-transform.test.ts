import { describe, expect, test } from 'vitest';
import { transformPageBytes, transformPageStream } from '../../../integration/runtime/page-stream.ts';
import { transformPageText } from '../../support/page-text.ts';
import type { PageHandler } from '../../../integration/runtime/page-transform.ts';
import { SETTING_PREFIX } from '../../../integration/shared/page-setting.ts';

/** Marks each place with a comment, and records what the page told the handler. The body is always read unless `markers`. */
function marker(seen: { lang?: string[]; titles?: string[] } = {}, markers?: string[]): PageHandler {
  return {
    bodyMarkers: () => markers,
    markers,
    headStart: (lang) => ((seen.lang ??= []).push(String(lang)), '<!--H-->'),
    title: (text) => void (seen.titles ??= []).push(text),
    headEnd: () => '<!--E-->',
    link: (href) =>
      href.trim().toLowerCase() === '#whatsapp' ? { href: 'https://wa.me/1?text=a&b', add: { target: '_blank' } } : undefined,
    bodyEnd: () => '<!--B-->',
  };
}

const PAGE = '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>ё &amp; co</title></head><body><p>привет</p></body></html>';
const EXPECTED =
  '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><!--H--><title>ё &amp; co</title><!--E--></head><body><p>привет</p><!--B--></body></html>';

async function streamed(chunks: Uint8Array[], handler = marker()): Promise<string> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(transformPageStream(body, handler)).text();
}
const bytes = (text: string) => new TextEncoder().encode(text);

describe('places', () => {
  test('a whole page: head start after the charset <meta>, head end, body end; lang and title read', () => {
    const seen: { lang?: string[]; titles?: string[] } = {};
    expect(transformPageText(PAGE, marker(seen))).toBe(EXPECTED);
    expect(seen).toEqual({ lang: ['ru'], titles: ['ё & co'] });
  });

  test('a whole page as bytes (prerendered pages): as streamed, searched ahead or not; with its link among the body markers, as when every byte is read', async () => {
    const big = PAGE.replace(
      '<p>привет</p>',
      `<p>привет</p>${'<p>текст 🙂 ·</p>'.repeat(5000)}<a href="#whatsapp">ask</a>${'<p>ещё</p>'.repeat(500)}`,
    );
    const whole = (page: string, markers?: string[]) => new TextDecoder().decode(transformPageBytes(bytes(page), marker({}, markers)));
    for (const page of [PAGE, big]) {
      const all = bytes(page);
      const chunks = Array.from({ length: Math.ceil(all.length / 16_384) }, (_, i) => all.slice(i * 16_384, (i + 1) * 16_384));
      for (const markers of [undefined, ['#whatsapp'], ['#nothing']]) {
        const out = whole(page, markers);
        expect(await streamed(chunks, marker({}, markers)), `streamed, markers ${markers}`).toBe(out);
        // With the frontmatter markers' prefix among them, a page holding none is searched once, whole.
        if (markers) expect(whole(page, [...markers, SETTING_PREFIX]), `searched ahead, markers ${markers}`).toBe(out);
      }
      // No body markers: the tokenizer reads every byte, the reference for the search that skips.
      expect(whole(page, ['#whatsapp'])).toBe(whole(page));
    }
    expect(whole(big, ['#whatsapp'])).toContain('href="https://wa.me/1?text=a&amp;b" target="_blank">ask</a>');
  });

  test('split into two chunks at every byte, even inside a UTF-8 character; one byte per chunk', async () => {
    const all = bytes(PAGE);
    for (let at = 1; at < all.length; at++) expect(await streamed([all.slice(0, at), all.slice(at)]), `split at ${at}`).toBe(EXPECTED);
    expect(await streamed([...all].map((byte) => Uint8Array.of(byte)))).toBe(EXPECTED);
  });

  test('markup-looking text in attributes, scripts, comments, styles, textareas and titles is data', () => {
    const head =
      '<meta name="description" content="</head><img src=x onerror=alert(1)>"><meta property="og:title" content=\'</body>\'>' +
      '<script type="application/ld+json">{"name":"</head></body>"}</script><!-- </head> --><style>a::after{content:"</head>"}</style>' +
      '<script>var s = "</head>";</script><title>Where does </head> go?</title>';
    const body = '<textarea></body></textarea><div title="</body>"></div><!-- </body> --><script>"</body>"</script>';
    const seen: { titles?: string[] } = {};
    expect(transformPageText(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, marker(seen))).toBe(
      `<!doctype html><html><head><!--H-->${head}<!--E--></head><body>${body}<!--B--></body></html>`,
    );
    expect(seen.titles).toEqual(['Where does </head> go?']);
  });

  test("an SVG's <title> is not the document's; the last </body> wins; <header> is not <head>", () => {
    const seen: { titles?: string[] } = {};
    const page =
      '<!doctype html><html><head></head><body><header><svg><title>icon</title></svg></header><title>Late</title></body>\n</body></html>';
    expect(transformPageText(page, marker(seen))).toBe(
      '<!doctype html><html><head><!--H--><!--E--></head><body><header><svg><title>icon</title></svg></header><title>Late</title></body>\n<!--B--></body></html>',
    );
    expect(seen.titles).toEqual(['Late']);
  });

  test('a head closed implicitly: before <body>, before body content, at a tag the head cannot hold', () => {
    expect(transformPageText('<!doctype html><html><head><title>t</title><body>x</body></html>', marker())).toBe(
      '<!doctype html><html><head><!--H--><title>t</title><!--E--><body>x<!--B--></body></html>',
    );
    expect(transformPageText('<!doctype html><title>t</title><p>x', marker())).toBe(
      '<!doctype html><!--H--><title>t</title><!--E--><p>x<!--B-->',
    );
    expect(transformPageText('<!doctype html><meta charset="utf-8"><p>x</p>', marker())).toBe(
      '<!doctype html><meta charset="utf-8"><!--H--><!--E--><p>x</p><!--B-->',
    );
    expect(transformPageText('<!doctype html><html lang="de"><p>x</p></html>', marker())).toBe(
      '<!doctype html><html lang="de"><!--H--><!--E--><p>x</p><!--B--></html>',
    );
  });

  test('a template in the head keeps its </head> and </body> to itself', () => {
    const page = '<!doctype html><head><template></head><p></body></p></template></head><body></body>';
    expect(transformPageText(page, marker())).toBe(
      '<!doctype html><head><!--H--><template></head><p></body></p></template><!--E--></head><body><!--B--></body>',
    );
  });

  test('a document that ends inside a comment or a tag gets nothing appended there', () => {
    expect(transformPageText('<!doctype html><head></head><body><!-- open', marker())).toBe(
      '<!doctype html><head><!--H--><!--E--></head><body><!-- open',
    );
    expect(transformPageText('<!doctype html><head></head><body><div title="x', marker())).toBe(
      '<!doctype html><head><!--H--><!--E--></head><body><div title="x',
    );
    expect(transformPageText('<!doctype html><head></head><body><script>x', marker())).toBe(
      '<!doctype html><head><!--H--><!--E--></head><body><script>x',
    );
  });
});

describe('fragments pass untouched', () => {
  test.each([
    '<li>A partial <a href="#whatsapp">link</a></li>',
    '<div class="island">x</div></body>',
    '  <!-- island --><link rel="stylesheet" href="/a.css"><div>x</div>',
    'plain text </head></body>',
    '</div><p>x</p>',
    '',
  ])('%j', async (fragment) => {
    expect(transformPageText(fragment, marker())).toBe(fragment);
    expect(await streamed([...bytes(fragment)].map((byte) => Uint8Array.of(byte)))).toBe(fragment);
  });
});

describe('links', () => {
  test('#whatsapp in <a>, <area> and <noscript>, any case, unquoted; only href changes; attributes the link has stay', () => {
    const body =
      '<a class=x href=#whatsapp>a</a><area href="#WhatsApp" alt=""><a href="#whatsapp" target="_self">b</a>' +
      '<noscript><a href=\'#whatsapp\' title="</noscript>">c</a></noscript><a href="/other">d</a>';
    const page = `<!doctype html><html><head></head><body>${body}</body></html>`;
    const link = 'href="https://wa.me/1?text=a&amp;b"';
    expect(transformPageText(page, marker())).toBe(
      '<!doctype html><html><head><!--H--><!--E--></head><body>' +
        `<a class=x ${link} target="_blank">a</a><area ${link} target="_blank" alt=""><a ${link} target="_self">b</a>` +
        `<noscript><a href='#whatsapp' title="</noscript>">c</a></noscript><a href="/other">d</a><!--B--></body></html>`,
    );
  });

  test('a link inside a <noscript> is rewritten as a browser without JavaScript reads it', () => {
    const page = '<!doctype html><html><head></head><body><noscript><p><a href="#whatsapp">c</a></p></noscript></body></html>';
    expect(transformPageText(page, marker())).toBe(
      '<!doctype html><html><head><!--H--><!--E--></head><body><noscript><p><a href="https://wa.me/1?text=a&amp;b" target="_blank">c</a></p></noscript><!--B--></body></html>',
    );
  });
});

describe('a body without markers passes unread', () => {
  const markers = ['#whatsapp'];
  const head = '<!doctype html><html><head><title>t</title></head><body>';

  test('the kit goes before the closing </body></html>, even after a </body> inside an attribute', async () => {
    const page = `${head}<div title="</body></html>">x</div>\n</body>\n</html>\n`;
    const expected = `<!doctype html><html><head><!--H--><title>t</title><!--E--></head><body><div title="</body></html>">x</div>\n<!--B--></body>\n</html>\n`;
    expect(transformPageText(page, marker({}, markers))).toBe(expected);
    const all = bytes(page);
    for (let at = 1; at < all.length; at++)
      expect(await streamed([all.slice(0, at), all.slice(at)], marker({}, markers)), `split at ${at}`).toBe(expected);
  });

  test('without closing tags, after the last byte: nothing of the page follows the kit', () => {
    expect(transformPageText(`${head}<p title="</body>">x</p>`, marker({}, markers))).toBe(
      '<!doctype html><html><head><!--H--><title>t</title><!--E--></head><body><p title="</body>">x</p><!--B-->',
    );
  });

  test('a marker in a later chunk: the tokenizer catches up on the bytes passed and rewrites the link', async () => {
    const filler = '<p>' + 'x'.repeat(5000) + '</p>';
    const page = `${head}${filler}<a href="#whatsapp">w</a></body></html>`;
    const cut = page.indexOf('<a href');
    const output = await streamed([bytes(page.slice(0, cut - 10)), bytes(page.slice(cut - 10))], marker({}, markers));
    expect(output).toContain('<a href="https://wa.me/1?text=a&amp;b" target="_blank">w</a><!--B--></body></html>');
    expect(output).toContain(filler);
  });
});
