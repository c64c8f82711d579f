import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientFile, FilesPlace } from './client-assets.ts';

/**
 * `astro dev`: serves the client files (in `<base>/<place.folder>/`) before Astro's routing, so they answer
 * whatever `trailingSlash` says (a route would 404 the loader's address under `trailingSlash: 'always'`).
 */
export function serveClientFiles(files: Record<string, ClientFile>, base: string, place: FilesPlace) {
  const prefix = `${base.replace(/\/?$/, '/')}${place.folder}/`;
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const path = (request.url ?? '').split('?')[0];
    if (!path.startsWith(prefix)) return next();
    const name = path.slice(prefix.length).replace(/\/$/, '');
    const file = Object.hasOwn(files, name) ? files[name] : undefined;
    if (!file) return next();
    response.writeHead(200, { 'content-type': `${file.type}; charset=utf-8`, 'cache-control': 'no-cache' });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };
}
