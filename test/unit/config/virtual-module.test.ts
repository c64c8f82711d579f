import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { viteFileId, virtualOptions } from '../../../integration/config/virtual-module.ts';
import type { RuntimeOptions } from '../../../integration/shared/runtime-options.ts';

const load = (plugin: ReturnType<typeof virtualOptions>, id: string) => (plugin.load as (id: string) => string | undefined).call({}, id);
const file = (path: string) => fileURLToPath(new URL(`../../../integration/${path}`, import.meta.url));

describe("the integration's Vite plugin", () => {
  const options = { contacts: [] } as unknown as RuntimeOptions;

  test('serves the options module, and the theme="auto" stylesheet written from darkWhen, whatever query Vite adds', () => {
    const plugin = virtualOptions(options, '.theme-dark');
    expect(load(plugin, file('runtime/options.ts'))).toBe('export default {"contacts":[]};');
    for (const query of ['', '?direct', '?inline&used']) {
      expect(load(plugin, file('styles/auto-theme.css') + query)).toContain(':is(:root,body):is(.theme-dark) .acw-auto{');
    }
    expect(load(virtualOptions(options, undefined), file('styles/auto-theme.css'))).toContain('prefers-color-scheme:dark');
    expect(load(plugin, file('styles/inline.css'))).toBeUndefined();
  });

  test("names files as Vite does on every system: Windows' backslashes as forward slashes, no query", () => {
    expect(viteFileId('C:\\site\\node_modules\\astro-chatra-whatsapp\\styles\\auto-theme.css')).toBe(
      viteFileId('C:/site/node_modules/astro-chatra-whatsapp/styles/auto-theme.css?direct'),
    );
    expect(viteFileId('/srv/site/a.css?inline')).toBe('/srv/site/a.css');
  });
});
