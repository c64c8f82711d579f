/**
 * Generated HTML documents for the page transform's property tests: the page's structure as an
 * owner's layout writes it, with text that looks like markup wherever a page's data lands.
 */
import fc from 'fast-check';

/**
 * Text that looks like markup, where a page's data lands: attribute values, text, comments, raw
 * text. The page's own structure (SVG, templates) is the owner's layout and comes whole.
 */
export const tricky = fc
  .array(
    fc.constantFrom(
      '</head>',
      '</body>',
      '<head>',
      '<body>',
      '<title>',
      '</title>',
      '#whatsapp',
      '<a href=#whatsapp>x</a>',
      '</html>',
      '<!--',
      '-->',
      '</script>',
      '</style>',
      '</noscript>',
      '</textarea>',
      '"',
      'ё',
      '😀',
      "'",
      '>',
      '&amp;',
      ' ',
      'x',
      '\n',
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));
const quoted = tricky.map((value) => value.replace(/"/g, '&quot;'));

const headPiece = fc.oneof(
  fc.constant('<meta charset="utf-8">'),
  quoted.map((value) => `<meta name="description" content="${value}">`),
  tricky.map((value) => `<title>${value}</title>`),
  tricky.map((value) => `<script>${value}</script>`),
  tricky.map((value) => `<script type="application/ld+json">${value}</script>`),
  tricky.map((value) => `<style>${value}</style>`),
  tricky.map((value) => `<!--${value}-->`),
  tricky.map((value) => `<noscript>${value}</noscript>`),
  tricky.map((value) => `<template>${value}</template>`),
  fc.constant('\n  '),
);
const bodyPiece = fc.oneof(
  tricky.map((value) => `<p>${value.replace(/</g, '&lt;')}</p>`),
  quoted.map((value) => `<div title="${value}">x</div>`),
  fc.constantFrom(
    '<a href="#whatsapp">w</a>',
    '<a href=#WhatsApp class=x>w</a>',
    "<a href=' #whatsapp '>w</a>",
    '<area href="#whatsapp" alt="">',
    '<a href="/x">o</a>',
  ),
  tricky.map((value) => `<textarea>${value}</textarea>`),
  tricky.map((value) => `<script>${value}</script>`),
  tricky.map((value) => `<!--${value}-->`),
  tricky.map((value) => `<svg><title>${value.replace(/</g, '&lt;')}</title><a href="#whatsapp"><text>s</text></a></svg>`),
  fc.constantFrom('<noscript><a href="#whatsapp">n</a></noscript>', '<template><a href="#whatsapp">t</a></body></template>'),
  // Long enough that bytes pass before a later link asks the tokenizer to catch up.
  fc.constant(`<p>${'Long text. '.repeat(60)}</p>`),
  tricky.map((value) => `<noscript>${value}</noscript>`),
  fc.constant('\n'),
);

/** A document's parts, as its layout writes them. */
export const documentParts = fc
  .record({
    doctype: fc.boolean(),
    html: fc.constantFrom('', '<html>', '<html lang="en">'),
    headOpen: fc.boolean(),
    head: fc.array(headPiece, { maxLength: 6 }),
    headClose: fc.boolean(),
    bodyOpen: fc.boolean(),
    body: fc.array(bodyPiece, { maxLength: 8 }),
    bodyClose: fc.constantFrom('', '</body>', '</body>\n', '</body></body>'),
    htmlClose: fc.constantFrom('', '</html>', '</html>\n'),
  })
  .filter((doc) => doc.doctype || doc.html !== '' || doc.headOpen);

/** The document, with `more` at the end of its body's content. */
export const documentText = (doc: typeof documentParts extends fc.Arbitrary<infer T> ? T : never, more = '') =>
  (doc.doctype ? '<!DOCTYPE html>' : '') +
  doc.html +
  (doc.headOpen ? '<head>' : '') +
  doc.head.join('') +
  (doc.headClose ? '</head>' : '') +
  (doc.bodyOpen ? '<body>' : '') +
  doc.body.join('') +
  more +
  doc.bodyClose +
  doc.htmlClose;

export const documentArb = documentParts.map((doc) => documentText(doc));
