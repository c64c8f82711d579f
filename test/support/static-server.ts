/** A static file server on 127.0.0.1 for built sites; `transform` may rewrite a file on its way out. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

export function serveStatic(root: string, transform?: (path: string, body: Buffer) => string | Buffer): Promise<StaticServer> {
  const server = createServer((request, response) => {
    let path = normalize(join(root, decodeURIComponent(new URL(request.url!, 'http://127.0.0.1').pathname)));
    if (!path.startsWith(normalize(root))) return response.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return response.writeHead(404).end();
    const body = readFileSync(path);
    response
      .writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
      .end(transform ? transform(path, body) : body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}
