/**
 * Deno, a Web-standard runtime like the edge functions: the published page transform (dist/) runs
 * there unchanged, offline, and writes byte for byte what it writes on Node.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { NODE } from '../support/servers.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const script = fileURLToPath(new URL('../support/deno-transform.mjs', import.meta.url));
const PAGE =
  '<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="description" content="</head><img src=x>">' +
  '<title>Привет 😀</title></head><body><p>Текст <a href="#whatsapp">WhatsApp</a></p><script>"</body>"</script>' +
  `<p>${'Долгий текст. '.repeat(400)}</p></body></html>\n`;

test('the page transform runs on Deno with no flags but reading its files, and writes what it writes on Node', () => {
  // A cache of its own (nothing from the machine's), removed after.
  const denoDir = mkdtempSync(join(tmpdir(), 'acw-deno-'));
  let deno: string;
  try {
    deno = execFileSync(join(repo, 'node_modules/.bin/deno'), ['run', '--no-prompt', '--allow-read', '--node-modules-dir=manual', script], {
      cwd: repo,
      input: PAGE,
      encoding: 'utf8',
      env: { ...process.env, DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1' },
    });
  } finally {
    rmSync(denoDir, { recursive: true, force: true });
  }
  const node = execFileSync(NODE, [script], { cwd: repo, input: PAGE, encoding: 'utf8' });
  expect(deno).toBe(node);
  // Streamed in chunks, whole, and whole again from what was remembered: the same page three times.
  const [streamed, whole, remembered] = deno.split(/(?<=<\/html>\n)/);
  expect(whole).toBe(streamed);
  expect(remembered).toBe(streamed);
  expect(streamed).toContain('<style>/*ru*/</style><meta name="description" content="</head><img src=x>">');
  expect(streamed).toContain('<a href="https://wa.me/1?text=a&amp;b" target="_blank">WhatsApp</a>');
  expect(streamed).toMatch(/<aside class="kit"><\/aside><\/body><\/html>\n$/);
});
