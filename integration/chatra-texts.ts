import type { Link, Nodes, Root } from 'mdast';
import { createRequire } from 'node:module';
import { chatraLink, expandWhatsApp, type TextLink } from './chatra-link.ts';
import { OptionError } from './option-error.ts';

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
const SPACED_LINK = /\[([^\]\n]+)\][ \t]+\(([^()\s]+)\)/g;

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
    `Write it without the space: "${chatraLink(match[1], match[2])}".`,
  );
}

function checkScheme(node: Link, path: string): void {
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
