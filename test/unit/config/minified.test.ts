import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { minifiedModule } from '../../../integration/build/minify.ts';

describe('integration/minified.ts', () => {
  test('is what its sources minify to (else: npm run build:client)', async () => {
    expect(readFileSync(new URL('../../../integration/config/minified.ts', import.meta.url), 'utf8'), 'run `npm run build:client`').toBe(
      await minifiedModule(),
    );
  });
});
