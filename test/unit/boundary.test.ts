/**
 * The package's folders say where code runs, and this keeps them honest. What reaches the site's
 * server bundle (everything the middleware and the components import, followed through relative
 * imports, and every file in runtime/ and shared/) must run on any runtime (Node, workerd, Deno,
 * edge functions) with Web APIs only and stay light: no `node:` built-in, no zod, no config-time
 * library. And imports only go down: shared/ imports nothing of ours outside it; runtime/ nothing
 * from config/ or markdown/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const integration = fileURLToPath(new URL('../../integration/', import.meta.url));
/** Bare imports the server bundle may have, and why. */
const ALLOWED = new Map([
  ['astro:middleware', 'Astro'],
  ['astro/errors', 'Astro (already in the bundle): errors a build prints without a stack'],
  ['parse5', 'the page transform’s tokenizer (pure ESM, Web APIs only)'],
  ['uqr', 'QR codes (pure ESM)'],
]);

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function importsOf(file: string, { types = false } = {}): string[] {
  let source = readFileSync(file, 'utf8');
  if (file.endsWith('.astro')) source = source.split('---')[1] ?? '';
  // Type-only imports vanish from the bundle.
  return [...source.matchAll(IMPORT)]
    .filter((match) => types || !/^\s*(?:import|export)\s+type\s/.test(match[0].trimStart().replace(/^;/, '')))
    .map((match) => match[1] ?? match[2] ?? match[3]);
}

function reach(entries: string[]): { files: Set<string>; bare: Map<string, string> } {
  const files = new Set<string>();
  const bare = new Map<string, string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) {
        if (!/\.(css)$/.test(specifier)) queue.push(resolve(dirname(file), specifier));
      } else {
        bare.set(specifier, file.slice(integration.length));
      }
    }
  }
  return { files, bare };
}

const components = readdirSync(join(integration, 'components'))
  .filter((name) => name.endsWith('.astro'))
  .map((name) => join(integration, 'components', name));
const sources = (folder: string) =>
  readdirSync(join(integration, folder))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(integration, folder, name));
const { files, bare } = reach([join(integration, 'runtime/middleware.ts'), ...components, ...sources('runtime'), ...sources('shared')]);

describe('the server bundle', () => {
  test('imports no Node built-in and no config-time library', () => {
    const forbidden = [...bare].filter(([specifier]) => !ALLOWED.has(specifier));
    expect(forbidden, 'bare imports outside the allow-list (and the file that imports each)').toEqual([]);
  });

  test('the walk sees the page transform, the QR encoder and the components (the check is not empty)', () => {
    const seen = [...files].map((file) => file.slice(integration.length));
    expect(seen).toEqual(
      expect.arrayContaining([
        'runtime/page-transform.ts',
        'runtime/qr-code.ts',
        'runtime/parser-feedback.ts',
        'components/WhatsAppButton.astro',
      ]),
    );
    expect([...bare.keys()]).toEqual(expect.arrayContaining(['parse5', 'uqr']));
  });
});

describe('imports go down, never up', () => {
  const outside = (folder: string, allowed: string[]) =>
    sources(folder).flatMap((file) =>
      importsOf(file, { types: true })
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => resolve(dirname(file), specifier).slice(integration.length))
        .filter((target) => !allowed.some((prefix) => target.startsWith(prefix)))
        .map((target) => `${file.slice(integration.length)} → ${target}`),
    );

  test('shared/ imports only shared/', () => {
    expect(outside('shared', ['shared/'])).toEqual([]);
  });

  test('runtime/ imports only runtime/ and shared/', () => {
    expect(outside('runtime', ['runtime/', 'shared/'])).toEqual([]);
  });

  test('toolbar/ (the dev toolbar app, in the browser) imports only shared/', () => {
    expect(outside('toolbar', ['toolbar/', 'shared/'])).toEqual([]);
  });

  test('markdown/ imports only markdown/ and shared/', () => {
    expect(outside('markdown', ['markdown/', 'shared/'])).toEqual([]);
  });
});
