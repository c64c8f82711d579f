/** Where an error in a Markdown file's body is, counted in the file's own lines. */
import { readFileSync } from 'node:fs';

/**
 * How many of the file's lines come before `body`, the Markdown the plugins were given. A collection
 * entry reaches them without its frontmatter (a content loader hands over the body alone), so a
 * position in it counts from the body; a page keeps its lines (Astro blanks its frontmatter), and
 * its body is then not found as written: 0. Read only for an error message.
 */
export function linesBefore(path: string | undefined, body: string): number {
  if (!path || !body) return 0;
  try {
    const source = readFileSync(path, 'utf8');
    // The body ends the file: its last place there (a short body may also be found in the frontmatter).
    const at = source.lastIndexOf(body);
    return at > 0 ? source.slice(0, at).split('\n').length - 1 : 0;
  } catch {
    return 0;
  }
}
