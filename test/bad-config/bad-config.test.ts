import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'astro';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { describe, expect, test } from 'vitest';
import { OptionError } from '../../integration/shared/errors.ts';
import { resolveOptions } from '../../integration/config/resolve.ts';
import { badConfigCases } from './cases.ts';
import { astroPrints } from '../support/astro-prints.ts';
import { buildOutDir } from '../support/out-dir.ts';

const root = fileURLToPath(new URL('../fixtures/bad-config/', import.meta.url));

describe('the bad-config catalogue', () => {
  test('has at least 30 cases, each naming a different situation', () => {
    expect(badConfigCases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(badConfigCases.map((c) => c.name)).size).toBe(badConfigCases.length);
  });

  test.each(badConfigCases)('$name → `$path`', async ({ options, site, path, hint }) => {
    const outDir = buildOutDir('bad');
    const error = await build({
      root,
      outDir,
      logLevel: 'silent',
      configFile: false,
      ...site,
      integrations: [chatraWhatsApp(options as never)],
    }).then(
      () => undefined,
      (thrown: unknown) => thrown as Error & { hint?: string },
    );

    expect(error, 'the build must fail').toBeDefined();
    expect(error!.name).toBe('AstroUserError');
    expect(error!.message.startsWith(`\`${path}\`: `), error!.message).toBe(true);
    expect(error!.hint).toMatch(hint);
    expect(error!.stack, 'no stack trace').not.toMatch(/\n\s+at /);
    // Astro prints them as Markdown: a "[text](link)" in them would lose its brackets on the way.
    expect(astroPrints(error!.message), 'the message as Astro prints it').toBe(error!.message);
    expect(astroPrints(error!.hint!), 'the hint as Astro prints it').toBe(error!.hint);
    const written = existsSync(outDir) ? readdirSync(outDir, { recursive: true }) : [];
    expect(written.filter((file) => String(file).endsWith('.html'))).toEqual([]);
  });

  test('the same options fail the same way without a build (resolveOptions)', async () => {
    for (const { options, site, path } of badConfigCases) {
      let thrown: unknown;
      try {
        await resolveOptions(options, {
          i18n: undefined,
          publicDir: new URL('public/', pathToFileURL(root)),
          ...(site as object),
        } as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, path).toBeInstanceOf(OptionError);
      expect((thrown as OptionError).path).toBe(path);
    }
  });
});
