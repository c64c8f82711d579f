import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { virtualOptions } from '../../../integration/config/virtual-module.ts';
import { comparablePath } from '../../../integration/shared/file-path.ts';
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

  test("compares paths as Vite names files: Windows' backslashes as forward slashes, and there in one letter case", () => {
    expect(comparablePath('C:\\Users\\Ann\\site\\node_modules\\astro-chatra-whatsapp\\styles\\auto-theme.css', 'win32')).toBe(
      'c:/users/ann/site/node_modules/astro-chatra-whatsapp/styles/auto-theme.css',
    );
    expect(comparablePath('c:/users/ann/Site/a.css', 'win32')).toBe(comparablePath('C:\\Users\\Ann\\site\\a.css', 'win32'));
    // Elsewhere paths are case-sensitive, and a '?' in a folder's name is the folder's.
    expect(comparablePath('/srv/Site/what?/a.css', 'linux')).toBe('/srv/Site/what?/a.css');
  });
});
