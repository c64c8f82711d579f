/**
 * An npm registry stand-in on 127.0.0.1: it serves one packed package (packument, version
 * manifests, tarball) and passes every other request through to the real registry.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Registry {
  url: string;
  /** Paths (with query) of every request, in order. */
  requested: string[];
  close(): Promise<void>;
}

export async function serveRegistry({
  tarball,
  upstream = 'https://registry.npmjs.org',
}: {
  tarball: string;
  upstream?: string;
}): Promise<Registry> {
  const packageJson = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  const { name, version } = packageJson as { name: string; version: string };
  const file = readFileSync(tarball);
  const tarballPath = `/${name}/-/${name.replace(/^@[^/]+\//, '')}-${version}.tgz`;
  const requested: string[] = [];

  const server = createServer(async (request, response) => {
    const path = request.url!;
    requested.push(path);
    try {
      const pathname = decodeURIComponent(new URL(path, 'http://registry').pathname);
      if (pathname === tarballPath) return response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file);
      if (pathname === `/${name}`) return json(response, packument());
      // `astro add` asks for `/<name>/latest` (a version manifest) before anything else.
      if (pathname.startsWith(`/${name}/`)) {
        const wanted = pathname.slice(name.length + 2);
        const { versions, 'dist-tags': tags } = packument();
        const manifest = versions[tags[wanted] ?? wanted];
        return manifest ? json(response, manifest) : response.writeHead(404).end();
      }
      // `accept` picks the abbreviated packument npm asks for; the body is already decompressed
      // by fetch, so content-encoding and content-length are not passed on.
      const answer = await fetch(upstream.replace(/\/$/, '') + path, {
        method: request.method,
        headers: {
          accept: request.headers.accept ?? '*/*',
          ...(request.headers['content-type'] && { 'content-type': request.headers['content-type'] }),
        },
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : await bodyOf(request),
      });
      const body = Buffer.from(await answer.arrayBuffer());
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' }).end(body);
    } catch (error) {
      response.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
    }
  });

  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function packument() {
    const dist = {
      tarball: url + tarballPath,
      integrity: `sha512-${createHash('sha512').update(file).digest('base64')}`,
      shasum: createHash('sha1').update(file).digest('hex'),
    };
    return {
      name,
      'dist-tags': { latest: version } as Record<string, string>,
      versions: { [version]: { ...packageJson, dist } } as Record<string, object>,
    };
  }

  return {
    url,
    requested,
    close: () => new Promise((closed) => (server.closeAllConnections(), server.close(() => closed()))),
  };
}

function json(response: ServerResponse, value: unknown) {
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

async function bodyOf(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
