/**
 * Builds the browser suite's sites once (sites.ts) and serves them from one static server; every
 * browser test file reads its address with inject('browserOrigin'). Runs only when a browser test
 * file is queued (a Vitest project of its own).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { build } from 'astro';
import chatraWhatsApp, { type ChatraWhatsAppOptions } from 'astro-chatra-whatsapp';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../support/static-server.ts';
import { LINK, ROOMY_TIMEOUT, SITES } from './sites.ts';
import { buildOutDir } from '../support/out-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    browserOrigin: string;
  }
}

export default async function setup(project: TestProject) {
  const root = fileURLToPath(new URL('../fixtures/browser-site/', import.meta.url));
  const served = buildOutDir('browser');
  for (const [name, { options, config }] of Object.entries(SITES)) {
    delete process.env.NODE_ENV;
    await build({
      root,
      outDir: join(served, name),
      base: `/${name}`,
      logLevel: 'error',
      configFile: false,
      ...config,
      integrations: [mdx(), chatraWhatsApp({ whatsapp: LINK, fallback: { timeout: ROOMY_TIMEOUT }, ...options } as ChatraWhatsAppOptions)],
    });
  }
  const server = await serveStatic(served);
  project.provide('browserOrigin', server.origin);
  return async () => {
    await server.close();
    rmSync(served, { recursive: true, force: true });
  };
}
