import { describe, expect, test } from 'vitest';
import { insertIntoHtml, type PageInsertion } from '../../integration/html-stream.ts';

const PAGE = '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>ё</title></head><body><p>привет</p></body></html>';
const INSERTION: PageInsertion = { head: '<!--H-->', headEnd: () => '<!--E-->', body: () => '<!--B-->' };
const EXPECTED = '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><!--H--><title>ё</title><!--E--></head><body><p>привет</p><!--B--></body></html>';

async function run(chunks: Uint8Array[], insertion = INSERTION) {
  const languages: (string | undefined)[] = [];
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const output = await new Response(
    insertIntoHtml(stream, (language) => {
      languages.push(language);
      return insertion;
    }),
  ).text();
  return { output, languages };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('insertIntoHtml', () => {
  test('whole page at once', async () => {
    expect(await run([bytes(PAGE)])).toEqual({ output: EXPECTED, languages: ['ru'] });
  });

  test('split into two chunks at every byte, even inside a UTF-8 character', async () => {
    const all = bytes(PAGE);
    for (let at = 1; at < all.length; at++) {
      const { output, languages } = await run([all.slice(0, at), all.slice(at)]);
      expect(output, `split at ${at}`).toBe(EXPECTED);
      expect(languages).toEqual(['ru']);
    }
  });

  test('one byte per chunk', async () => {
    expect((await run([...bytes(PAGE)].map((byte) => Uint8Array.of(byte)))).output).toBe(EXPECTED);
  });

  test('the last </body> wins; <header> is not <head>', async () => {
    const page = '<html><head></head><body><header>x</header><script>var s = "</body>";</script></body></html>';
    expect((await run([bytes(page)])).output).toBe(
      '<html><head><!--H--><!--E--></head><body><header>x</header><script>var s = "</body>";</script><!--B--></body></html>',
    );
  });

  test('a page without <head>, </head> or </body> still gets everything', async () => {
    expect((await run([bytes('<p>bare</p>')])).output).toBe('<!--H--><p>bare</p><!--E--><!--B-->');
  });

  test('a page without <head> but with a doctype keeps the doctype first (standards mode)', async () => {
    expect((await run([bytes('<!DOCTYPE html><p>bare</p>')])).output).toBe('<!DOCTYPE html><!--H--><p>bare</p><!--E--><!--B-->');
    expect((await run([bytes('<!doctype html>\n<html lang="ru"><p>bare</p></html>')])).output).toBe(
      '<!doctype html>\n<html lang="ru"><!--H--><p>bare</p></html><!--E--><!--B-->',
    );
  });

  test('a head closed implicitly gets its end part before <body>', async () => {
    expect((await run([bytes('<html><head><title>t</title><body>x</body></html>')])).output).toBe(
      '<html><head><!--H--><title>t</title><!--E--><body>x<!--B--></body></html>',
    );
  });

  test('no lang: the callback gets undefined', async () => {
    expect((await run([bytes('<html><head></head><body></body></html>')])).languages).toEqual([undefined]);
  });
});
