/**
 * The URL of one of the package's own modules, by its path from the package's source root
 * (`runtime/middleware`) without an extension: `.ts` when running from the sources (this
 * repository), `.js` in the published dist/, which has the same folders.
 */
export function ownModule(path: string): URL {
  return new URL(`../${path}${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
}
