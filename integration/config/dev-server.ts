import type { IncomingMessage, ServerResponse } from 'node:http';
import { ASSETS_DIR, type ClientFile } from './client-assets.ts';

/**
 * `astro dev`: serves `<base>/_acw/<file>` before Astro's routing, so the files answer whatever
 * `trailingSlash` says (a route would 404 `/_acw/loader.js` under `trailingSlash: 'always'`).
 */
export function serveClientFiles(files: Record<string, ClientFile>, base: string) {
  const prefix = `${base.replace(/\/?$/, '/')}${ASSETS_DIR}/`;
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
