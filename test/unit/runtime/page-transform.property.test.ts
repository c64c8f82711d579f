/**
 * The page transform against the HTML parser (parse5, as browsers parse): for generated documents
 * full of markup-looking data, cut into random chunks, the transformed page parses to the original
 * tree plus exactly the inserted elements, each where it belongs, and nothing inside an attribute,
 * a comment or raw text.
 */
import fc from 'fast-check';
import { parse, parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { transformPageBytes, transformPageStream } from '../../../integration/runtime/page-stream.ts';
import { PageTransform, type PageHandler } from '../../../integration/runtime/page-transform.ts';
import { SETTING_PREFIX } from '../../../integration/shared/page-setting.ts';
import { documentArb } from '../../support/documents.ts';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

const RUNS = 10_000;
const LINK = 'https://wa.me/1?text=x';
const H = '<style>/*H*/</style>';
const E = '<script type="application/json">"E"</script>';
const B = '<aside data-acw="B"></aside>';

const handler: PageHandler = {
  headStart: () => H,
  title: () => {},
  headEnd: () => E,
  link: (href) => (href.trim().toLowerCase() === '#whatsapp' ? { href: LINK, add: { target: '_blank' } } : undefined),
  bodyEnd: () => B,
  bodyMarkers: () => undefined,
};
/** As the middleware runs it: the body read only when it names `#whatsapp`. */
const passing: PageHandler = { ...handler, bodyMarkers: () => ['#whatsapp'] };
/** As the middleware runs a page that is here whole: searched once, ahead, for its markers (none: no more searching). */
const SEARCHED = ['#whatsapp', SETTING_PREFIX];
const searched: PageHandler = { ...handler, bodyMarkers: () => SEARCHED, markers: SEARCHED };
/** The same, not searched ahead. */
const unsearched: PageHandler = { ...handler, bodyMarkers: () => SEARCHED };

/** Cuts text at random places. */
const chunked = (text: string) =>
  fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, text.length - 1) }), { maxLength: 8 }).map((cuts) => {
    const points = [0, ...cuts.filter((cut) => cut < text.length).sort((a, b) => a - b), text.length];
    return points.slice(1).map((point, index) => text.slice(points[index], point));
  });

/** Sorted cut points from 0 to `length`. */
const byteCuts = (length: number) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: 8 })
    .map((cuts) => [0, ...cuts.filter((cut) => cut < length).sort((a, b) => a - b), length]);

function transform(chunks: string[]): string {
  const page = new PageTransform(handler);
  return chunks.map((chunk) => page.write(chunk)).join('') + page.end();
}

function childrenOf(node: ParentNode): ChildNode[] {
  return node.childNodes;
}

function* walk(node: ParentNode): Generator<ChildNode> {
  for (const child of childrenOf(node)) {
    yield child;
    if ('childNodes' in child) yield* walk(child as ParentNode);
    if ('content' in child && child.content) yield* walk(child.content as unknown as ParentNode);
  }
}

const isMarker = (node: ChildNode, tag: string, test: (element: Element) => boolean) =>
  'tagName' in node && node.tagName === tag && test(node);
const textOf = (element: Element) => element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
const markers = {
  H: (node: ChildNode) => isMarker(node, 'style', (element) => textOf(element) === '/*H*/'),
  E: (node: ChildNode) => isMarker(node, 'script', (element) => textOf(element) === '"E"'),
  B: (node: ChildNode) => isMarker(node, 'aside', (element) => element.attrs.some((attr) => attr.name === 'data-acw')),
};

/** Removes the markers and joins the text nodes they separated; returns where each was. */
function removeMarkers(node: ParentNode, found: Record<string, ParentNode[]>): void {
  const kept: ChildNode[] = [];
  for (const child of node.childNodes) {
    const name = (Object.keys(markers) as (keyof typeof markers)[]).find((key) => markers[key](child));
    if (name) {
      (found[name] ??= []).push(node);
      continue;
    }
    const previous = kept.at(-1);
    if (previous && previous.nodeName === '#text' && child.nodeName === '#text')
      (previous as { value: string }).value += (child as { value: string }).value;
    else kept.push(child);
    if ('childNodes' in child) removeMarkers(child as ParentNode, found);
    if ('content' in child && child.content) removeMarkers(child.content as unknown as ParentNode, found);
  }
  node.childNodes = kept;
}

/** The original tree as the transform should leave it: its #whatsapp links pointed at LINK. */
function expectedTree(html: string): string {
  const document = parse(html);
  rewriteLinks(document);
  return normalized(document, true);
}

function rewriteLinks(document: ParentNode): void {
  for (const node of walk(document)) {
    if (!('tagName' in node) || (node.tagName !== 'a' && node.tagName !== 'area') || node.namespaceURI !== 'http://www.w3.org/1999/xhtml')
      continue;
    const href = node.attrs.find((attr) => attr.name === 'href');
    if (href?.value.trim().toLowerCase() !== '#whatsapp') continue;
    href.value = LINK;
    if (!node.attrs.some((attr) => attr.name === 'target')) node.attrs.push({ name: 'target', value: '_blank' });
  }
}

/**
 * Serialized with each element's attributes sorted (the transform adds them where href was), and
 * each <noscript>'s text as a browser without JavaScript reads it (markup, links rewritten).
 */
function normalized(document: ParentNode, rewrite = false): string {
  for (const node of [...walk(document)]) {
    // Whitespace between the head's elements means nothing (an insertion before a text run moves it).
    if ('tagName' in node && (node.tagName === 'head' || node.tagName === 'html')) {
      node.childNodes = node.childNodes.filter((child) => !(child.nodeName === '#text' && !(child as { value: string }).value.trim()));
    }
    if ('attrs' in node) node.attrs.sort((a, b) => a.name.localeCompare(b.name));
    if ('tagName' in node && node.tagName === 'noscript' && node.childNodes.length === 1 && node.childNodes[0].nodeName === '#text') {
      const fragment = parseFragment((node.childNodes[0] as { value: string }).value, { scriptingEnabled: false });
      if (rewrite) rewriteLinks(fragment);
      (node.childNodes[0] as { value: string }).value = normalized(fragment);
    }
  }
  return serialize(document);
}

/** Whether markup appended to the document would be an element in its tree (not text, not inside a template). */
function endsClean(html: string): boolean {
  const document = parse(html + '<acw-probe></acw-probe>');
  const probe = [...walk(document)].find((node) => 'tagName' in node && node.tagName === 'acw-probe') as Element | undefined;
  if (!probe || probe.namespaceURI !== 'http://www.w3.org/1999/xhtml') return false;
  for (let parent: ParentNode | null = probe.parentNode; parent; parent = 'parentNode' in parent ? (parent as Element).parentNode : null) {
    if (parent.nodeName === '#document') return true;
  }
  return false;
}

describe('the page transform keeps the document and adds exactly its own elements', () => {
  test(`generated documents in random chunks (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        documentArb.chain((html) => fc.tuple(fc.constant(html), chunked(html))),
        ([html, chunks]) => {
          const output = transform(chunks);
          expect(transform([html]), 'same output whole and in chunks').toBe(output);
          checkTree(html, output, true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test(`as the middleware streams it, the body passed unread when it names no link to change (${RUNS} runs)`, async () => {
    const encoder = new TextEncoder();
    await fc.assert(
      fc.asyncProperty(
        documentArb.chain((html) =>
          fc.tuple(fc.constant(html), byteCuts(encoder.encode(html).length), fc.array(fc.boolean(), { maxLength: 9 })),
        ),
        async ([html, cuts, pauses]) => {
          // Cut as a network would: anywhere in the bytes, inside a character too; and after some
          // cuts a pause, as a slow part of a page makes (what was held back goes out meanwhile).
          const bytes = encoder.encode(html);
          const body = new ReadableStream<Uint8Array>({
            async start(controller) {
              for (const [index, cut] of cuts.slice(1).entries()) {
                controller.enqueue(bytes.slice(cuts[index], cut));
                if (pauses[index]) for (let turn = 0; turn < 64; turn++) await null;
              }
              controller.close();
            },
          });
          const output = await new Response(transformPageStream(body, passing)).text();
          // Where the browser reads the document to its end in plain data, the tree is the same as the tokenizer's.
          if (endsClean(html)) {
            checkTree(html, output, false);
            // Whole, searched once ahead for its markers: the same bytes as without that search, and the
            // same tree.
            const whole = new TextDecoder().decode(transformPageBytes(bytes, searched));
            expect(whole).toBe(new TextDecoder().decode(transformPageBytes(bytes, unsearched)));
            checkTree(html, whole, false);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** The output parses to the input's tree plus exactly the kit's elements, each where it belongs. */
function checkTree(html: string, output: string, strict: boolean): void {
  const document = parse(output);
  const found: Record<string, ParentNode[]> = {};
  removeMarkers(document, found);
  // Each marker written is an element in the tree: none is inside an attribute, a comment or raw text.
  for (const [name, text] of Object.entries({ H, E, B })) {
    expect(found[name]?.length ?? 0, `${name} in the tree`).toBe(output.split(text).length - 1);
    expect(found[name]?.length ?? 0, `${name} at most once`).toBeLessThanOrEqual(1);
  }
  if (strict ? endsClean(html) : true) {
    // Where the end is plain data, every place exists (an implied one at the latest).
    expect(found.H?.length, 'head start placed').toBe(1);
    expect(found.E?.length, 'head end placed').toBe(1);
    expect(found.B?.length, 'body end placed').toBe(1);
  }
  if (found.H) expect((found.H[0] as Element).tagName, 'head start in <head>').toBe('head');
  if (found.E) expect((found.E[0] as Element).tagName, 'head end in <head>').toBe('head');
  if (found.B) {
    // In <body>, or in an element the page left open there; never in <head> or a template.
    let parent: ParentNode | null = found.B[0];
    while (parent && 'tagName' in parent && parent.tagName !== 'body') parent = (parent as Element).parentNode;
    expect(parent && 'tagName' in parent && parent.tagName, 'body end inside <body>').toBe('body');
  }
  expect(normalized(document), 'the rest of the tree unchanged').toBe(expectedTree(html));
}
