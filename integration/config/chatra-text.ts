import type { Link, Nodes, Root } from 'mdast';
import { createRequire } from 'node:module';
import { chatraLink, expandWhatsApp, type TextLink } from './chatra-link.ts';
import { OptionError } from '../shared/errors.ts';

let markdown: { parse(text: string): Root } | undefined;

/**
 * The Markdown parser, loaded on first use: a site that keeps our default texts never loads it.
 * Through Node's require (ESM allowed since Node 22.12), not import(): Astro 6 closes the module
 * runner its config ran in before the integration's hooks run.
 */
function parser(): { parse(text: string): Root } {
  if (!markdown) {
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    const remarkGfm = (require('remark-gfm') as typeof import('remark-gfm')).default;
    markdown = unified().use(remarkParse).use(remarkGfm);
  }
  return markdown;
}

const ALLOWED_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);
/** `[label] (url)`: any space-like character between `]` and `(` (a no-break space, a zero-width one, a line break). */
const SPACED_LINK = /\[([^\]\n]+)\][\s\u00a0\u180e\u200b-\u200d\u2060\ufeff]+\(([^()\s]+)\)/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Turns one text (Markdown as Chatra reads it) into the string Chatra gets: `{whatsapp}`
 * becomes `[label](link)`, bare URLs become links in `[url](url)` form, and it fails on
 * `[label] (url)` (Chatra would show it as plain text) and on links with other schemes.
 */
export function toChatraText(source: string, whatsapp: TextLink[], path: string): string {
  const text = expandWhatsApp(source, whatsapp);
  const edits: { start: number; end: number; replacement: string }[] = [];
  const code: [number, number][] = [];
  const tree = parser().parse(text);

  visit(tree, (node) => {
    if (node.type === 'inlineCode' || node.type === 'code') code.push([node.position!.start.offset!, node.position!.end.offset!]);
  });
  checkSpacedLinks(text, code, path);
  visit(tree, (node) => {
    checkAllowed(node, text, path);
    if (node.type !== 'link') return;
    checkScheme(node, path);
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    const written = text.slice(start, end);
    if (!written.startsWith('[')) {
      // A GFM autolink (`https://…`, `www.…`) or `<https://…>`: Chatra gets explicit syntax.
      const label = written.replace(/^<|>$/g, '');
      edits.push({ start, end, replacement: chatraLink(label, node.url) });
    }
  });

  return edits
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.replacement + result.slice(edit.end), text);
}

/** `[label] (url)` outside code: the mistake Chatra's own article warns about. */
function checkSpacedLinks(text: string, code: [number, number][], path: string): void {
  const match = [...text.matchAll(SPACED_LINK)].find(({ index }) => !code.some(([start, end]) => index >= start && index < end));
  if (!match) return;
  throw new OptionError(
    path,
    `"${match[0]}" has a space between "]" and "(", so Chatra would show it as plain text.`,
    `Remove the space after "[${match[1]}]": Chatra reads a link only where "(" follows "]" directly.`,
  );
}

/**
 * Chatra's link, described: Astro prints errors as Markdown, where a literal "[text](https://…)"
 * would come out as "text https://…".
 */
const LINK_FORM = '"[text]" directly followed by "(https://…)"';

/** An image as an error quotes it: its address (its Markdown, quoted whole, would lose its brackets on the way to the terminal). */
const imageOf = (node: Nodes, written: () => string) => (node.type === 'image' ? node.url : written());

/** What a chat text may hold: text and inline links; no images, raw HTML or reference links. */
function checkAllowed(node: Nodes, text: string, path: string): void {
  const written = () => JSON.stringify(text.slice(node.position!.start.offset!, node.position!.end.offset!).slice(0, 60));
  if (node.type === 'image' || node.type === 'imageReference') {
    throw new OptionError(
      path,
      `holds an image (${imageOf(node, written)}), which Chatra would load from another site whenever the text shows.`,
      'Remove it, or link to its address instead.',
    );
  }
  if (node.type === 'html') {
    throw new OptionError(
      path,
      `holds HTML (${written()}), which a chat text must not carry.`,
      `Write plain text, and links as ${LINK_FORM}.`,
    );
  }
  if (node.type === 'linkReference' || node.type === 'definition') {
    throw new OptionError(
      path,
      `uses a reference link (${written()}), which Chatra does not read.`,
      `Write each link where it stands, as ${LINK_FORM}.`,
    );
  }
}

function checkScheme(node: Link, path: string): void {
  if (CONTROL.test(node.url)) {
    throw new OptionError(
      path,
      `the link ${JSON.stringify(node.url)} holds a control character (a tab, a line break).`,
      'Write the address on one line, without tabs.',
    );
  }
  let scheme: string;
  try {
    scheme = new URL(node.url).protocol;
  } catch {
    throw new OptionError(
      path,
      `the link "${node.url}" is not an absolute address; the chat runs on Chatra's site, where relative links don't lead to yours.`,
      'Write the full address, starting with https://.',
    );
  }
  if (!ALLOWED_SCHEMES.has(scheme)) {
    throw new OptionError(
      path,
      `the link "${node.url}" uses the scheme "${scheme}", which a chat text must not carry.`,
      'Use links that start with https://, http://, mailto: or tel:.',
    );
  }
}

function visit(node: Nodes, visitor: (node: Nodes) => void): void {
  visitor(node);
  if ('children' in node) for (const child of node.children) visit(child, visitor);
}
