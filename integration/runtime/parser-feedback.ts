/**
 * The part of HTML tree construction that changes how the tokenizer reads what follows: after
 * `<script>` it reads script data, after `<style>` raw text, after `<title>` and `<textarea>`
 * escapable raw text, inside `<svg>` and `<math>` foreign content (where those rules don't apply
 * and CDATA sections do). Without this, `<script>"</head>"</script>` would look like a `</head>`.
 *
 * Adapted from parse5-sax-parser's ParserFeedbackSimulator (MIT, © parse5 contributors), which
 * can't be imported on its own: its package entry pulls in `node:stream`. Scripting is taken as
 * enabled, as in every browser that runs the widget: `<noscript>` content is raw text.
 */
import { foreignContent, html, TokenizerMode, type Token, type Tokenizer } from 'parse5';

const $ = html.TAG_ID;

/** The tokenizer state a start tag in the HTML namespace switches to, if any. */
function textModeOf(tag: html.TAG_ID): Tokenizer['state'] | undefined {
  switch (tag) {
    case $.TEXTAREA:
    case $.TITLE:
      return TokenizerMode.RCDATA;
    case $.PLAINTEXT:
      return TokenizerMode.PLAINTEXT;
    case $.SCRIPT:
      return TokenizerMode.SCRIPT_DATA;
    case $.STYLE:
    case $.IFRAME:
    case $.XMP:
    case $.NOEMBED:
    case $.NOFRAMES:
    case $.NOSCRIPT:
      return TokenizerMode.RAWTEXT;
    default:
      return undefined;
  }
}

/** End tags that, inside SVG or MathML, end it and are read as HTML (https://html.spec.whatwg.org/#parsing-main-inforeign). */
const FOREIGN_BREAKERS = new Set([$.BR, $.P]);

export class ParserFeedback {
  /** Innermost first. */
  readonly #namespaces: html.NS[] = [html.NS.HTML];
  readonly #tokenizer: Tokenizer;

  constructor(tokenizer: Tokenizer) {
    this.#tokenizer = tokenizer;
  }

  /** Whether the tokens now arriving are in the HTML namespace (not inside SVG or MathML). */
  get inHtml(): boolean {
    return this.#namespaces[0] === html.NS.HTML;
  }

  /** Call for every start tag, before looking at it: adjusts the tag and the tokenizer. */
  startTag(token: Token.TagToken): void {
    let tag = token.tagID;
    if (tag === $.SVG) this.#enter(html.NS.SVG);
    else if (tag === $.MATH) this.#enter(html.NS.MATHML);
    if (this.inHtml) {
      const mode = textModeOf(tag);
      if (mode !== undefined) this.#tokenizer.state = mode;
      return;
    }
    if (foreignContent.causesExit(token)) {
      // The tree builder pops every foreign element, not one level (parse5-sax-parser pops one).
      while (!this.inHtml) this.#leave();
      const mode = textModeOf(tag);
      if (mode !== undefined) this.#tokenizer.state = mode;
      return;
    }
    const namespace = this.#namespaces[0];
    if (namespace === html.NS.MATHML) foreignContent.adjustTokenMathMLAttrs(token);
    else if (namespace === html.NS.SVG) {
      foreignContent.adjustTokenSVGTagName(token);
      foreignContent.adjustTokenSVGAttrs(token);
    }
    foreignContent.adjustTokenXMLAttrs(token);
    tag = token.tagID;
    if (!token.selfClosing && foreignContent.isIntegrationPoint(tag, namespace, token.attrs)) this.#enter(html.NS.HTML);
  }

  /**
   * Call for every end tag. `closesOuterElement`: the tag closes an HTML element opened outside
   * the current SVG or MathML (an open `<template>`), which closes them too.
   */
  endTag(token: Token.TagToken, closesOuterElement = false): void {
    let tag = token.tagID;
    if (!this.inHtml && (closesOuterElement || FOREIGN_BREAKERS.has(tag))) {
      // The tree builder pops the foreign elements and reads the tag as HTML.
      while (!this.inHtml) this.#leave();
      return;
    }
    if (this.inHtml) {
      const outer = this.#namespaces[1];
      if (outer === html.NS.SVG) {
        const adjusted = foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP.get(token.tagName);
        if (adjusted) tag = html.getTagID(adjusted);
      }
      if (outer !== undefined && foreignContent.isIntegrationPoint(tag, outer, token.attrs)) this.#leave();
    } else if ((tag === $.SVG && this.#namespaces[0] === html.NS.SVG) || (tag === $.MATH && this.#namespaces[0] === html.NS.MATHML)) {
      this.#leave();
    }
  }

  #enter(namespace: html.NS): void {
    this.#namespaces.unshift(namespace);
    this.#tokenizer.inForeignNode = !this.inHtml;
  }

  #leave(): void {
    if (this.#namespaces.length > 1) this.#namespaces.shift();
    this.#tokenizer.inForeignNode = !this.inHtml;
  }
}
