/**
 * Path patterns for `include`, `exclude` and `autoMessage.pages`: `*` (any characters within a
 * segment), `?` (one character), `**` as a whole segment (any number of segments, none too) and
 * `{a,b}` (either), written without `base`. A trailing slash doesn't count, in the pattern or the
 * path (`/about` is `/about/`), and a segment that begins with a dot is matched only by one
 * written with that dot (`/**` is not `/.well-known/…`).
 *
 * The path is the request's, which a visitor chooses. A glob library turns a pattern into a
 * regular expression, and V8's backtracks: `/blog/*-*-*` took seconds on a 2 KB path of dashes,
 * for every such request. Here each path segment is held against each pattern segment once, by
 * the two-pointer wildcard match: the work grows with the path's length times the pattern's,
 * never faster.
 */

const STAR = -1;
const ONE = -2;

/** A pattern segment: `**`, or its characters' codes with STAR and ONE for `*` and `?`. */
type Segment = 'globstar' | number[];

/** Paths `{a,b}` may expand into, at most: a pattern is written by hand, and each is matched on every request. */
const MAX_ALTERNATIVES = 64;

/** What is wrong with a pattern, or undefined: the syntax here is all it may use. */
export function pathPatternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('!')) return 'starts with "!" (a negation): list the paths in `exclude` instead';
  // `**` alone or as the first segment stands for any path; anything else must start as a path does.
  if (!pattern.startsWith('/') && pattern !== '**' && !pattern.startsWith('**/')) return 'does not start with "/": paths do';
  const other = /[[\]()\\]/.exec(pattern);
  if (other) return `holds "${other[0]}", which these patterns don't read (only *, ?, ** and {a,b})`;
  let depth = 0;
  for (const char of pattern) {
    if (char === '{' && ++depth > 1) return 'nests braces: write {a,b} only one level deep';
    if (char === '}' && --depth < 0) return 'closes a brace it never opened';
  }
  if (depth !== 0) return 'opens a brace it never closes';
  // Counted before anything is expanded: twenty groups of two would be a million patterns.
  let alternatives = 1;
  for (const [, choices] of pattern.matchAll(/\{([^}]*)\}/g)) {
    alternatives *= choices.split(',').length;
    if (alternatives > MAX_ALTERNATIVES) return `expands into more than ${MAX_ALTERNATIVES} paths`;
  }
  return undefined;
}

/** Whether a path matches any of `patterns` (checked with pathPatternProblem at configuration time). */
export function pathMatcher(patterns: readonly string[]): (path: string) => boolean {
  const compiled = patterns.flatMap(expand).map(compile);
  return (path) => {
    const segments = withoutTrailingSlash(path).split('/');
    return compiled.some((pattern) => matches(pattern, segments));
  };
}

/** `{a,b}` expanded, left to right: `/x/{a,b}/{c,d}` is four patterns. */
function expand(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  const close = pattern.indexOf('}', open);
  if (close < 0) return [pattern];
  const rest = expand(pattern.slice(close + 1));
  return pattern
    .slice(open + 1, close)
    .split(',')
    .flatMap((choice) => rest.map((tail) => pattern.slice(0, open) + choice + tail));
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function compile(pattern: string): Segment[] {
  return withoutTrailingSlash(pattern)
    .split('/')
    .map((segment) => {
      if (segment === '**') return 'globstar';
      const codes: number[] = [];
      // UTF-16 units, as the path is read (and as a glob library's regular expression reads it).
      for (let at = 0; at < segment.length; at++) {
        const char = segment[at];
        const code = char === '*' ? STAR : char === '?' ? ONE : segment.charCodeAt(at);
        // `**` inside a segment is `*`.
        if (!(code === STAR && codes.at(-1) === STAR)) codes.push(code);
      }
      return codes;
    });
}

/**
 * Whether `pattern` matches `path` (both split at "/"): `fits[i][j]`, whether the pattern's
 * segments from i on match the path's from j on, filled from the ends, each pair of segments
 * compared at most once.
 */
function matches(pattern: Segment[], path: string[]): boolean {
  const width = path.length + 1;
  const fits = new Uint8Array((pattern.length + 1) * width);
  fits[pattern.length * width + path.length] = 1;
  for (let i = pattern.length - 1; i >= 0; i--) {
    const segment = pattern[i];
    for (let j = path.length; j >= 0; j--) {
      const here = i * width + j;
      if (segment === 'globstar') {
        // None of the path's segments from j, or one more that doesn't begin with a dot.
        fits[here] = fits[here + width] || (j < path.length && !path[j].startsWith('.') && fits[here + 1]) ? 1 : 0;
      } else {
        fits[here] = j < path.length && fits[here + width + 1] && segmentMatches(segment, path[j]) ? 1 : 0;
      }
    }
  }
  return fits[0] === 1;
}

/** One segment, by the two-pointer wildcard match (a failed `*` retries one character later). */
function segmentMatches(pattern: number[], text: string): boolean {
  // A wildcard never takes a leading dot; a segment of stars alone is not empty.
  if (text.startsWith('.') && pattern[0] !== 46) return false;
  if (text === '' && pattern.length > 0 && pattern.every((code) => code === STAR)) return false;
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === ONE || pattern[p] === text.charCodeAt(t))) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === STAR) {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === STAR) p++;
  return p === pattern.length;
}
