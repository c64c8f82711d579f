/**
 * A site owner's CSS selector (`fallback.hideWhen`, `darkWhen`), checked before it goes into the stylesheet:
 * parsed by css-what (the selector parser of css-select, which cheerio and svgo use), and nothing in
 * it that could end the selector's rule or the stylesheet (css-what forgives some of those).
 */
import { createRequire } from 'node:module';
import { OptionError } from '../shared/errors.ts';

/** Characters that end or leave a selector in a stylesheet: a rule's braces, a declaration's end, a comment, markup, an at-rule, an escape. */
const OUTSIDE_SELECTOR = /[{};<@\\]|\/\*|[\u0000-\u001f\u007f]/;
const COMBINATORS = new Set(['child', 'descendant', 'adjacent', 'sibling', 'parent', 'column-combinator']);

/** Loaded on first use: only sites with a selector option pay for it. */
function parse(selector: string): ReturnType<typeof import('css-what').parse> {
  return (createRequire(import.meta.url)('css-what') as typeof import('css-what')).parse(selector);
}

const HIDE_WHEN_HINT =
  'Give a CSS selector of an element that is present while the button must step aside, e.g. ".menu-open" or "body.nav-open".';

type SelectorToken = ReturnType<typeof parse>[number][number];

/**
 * The selector as it goes into the stylesheet, or an OptionError naming `path` and, as its hint,
 * `hint`; `problemOf` adds a rule of the option's own for each of the selector's parts.
 */
export function checkSelector(
  selector: string,
  path: string,
  hint: string = HIDE_WHEN_HINT,
  problemOf: (token: SelectorToken) => string | undefined = () => undefined,
): string {
  const trimmed = selector.trim();
  const fail = (problem: string): never => {
    throw new OptionError(path, `${JSON.stringify(selector)} ${problem}`, hint);
  };
  if (trimmed === '') fail('is empty.');
  if (OUTSIDE_SELECTOR.test(trimmed)) fail("has a character a selector can't hold here ({, }, ;, <, @, a backslash or a comment).");
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(trimmed);
  } catch (error) {
    return fail(`is not a CSS selector: ${(error as Error).message}.`);
  }
  if (parsed.some((compound) => compound.length === 0 || COMBINATORS.has(compound.at(-1)!.type)))
    fail('ends with a combinator or an empty part.');
  for (const token of parsed.flat()) {
    const problem = problemOf(token);
    if (problem) fail(problem);
  }
  return trimmed;
}

const DARK_WHEN_FIX =
  'Give a CSS selector that matches <html> (or <body>) while the site is dark, e.g. ".dark" or "[data-theme=\'dark\']".';

/**
 * `darkWhen`: a selector of `<html>` or `<body>`, so one naming another element (`dark`, the dot
 * forgotten) or a pseudo-element, which could never match, stops the build rather than never darken.
 */
export function checkDarkSelector(selector: string, path: string): string {
  return checkSelector(selector, path, DARK_WHEN_FIX, (token) =>
    token.type === 'tag' && !['html', 'body'].includes(token.name)
      ? `names the element <${token.name}>, which is neither <html> nor <body>${/^[\w-]+$/.test(token.name) ? ` (a class is ".${token.name}")` : ''}.`
      : token.type === 'pseudo-element'
        ? `names a pseudo-element (::${token.name}), which is never <html> or <body>.`
        : undefined,
  );
}
