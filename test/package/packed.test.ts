/**
 * What a user installs: `npm pack` of the package, installed with astro into a fresh site outside
 * this repository, then built with that site's own astro.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { attribute, parsePage, textOf } from '../build/html.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Whether a built page's styles (its stylesheets in _astro/ and its inline <style>s) hold the
 * component's theme="auto" rule written from `darkWhen: '.theme-dark'` (served per site by the
 * integration's Vite plugin in place of styles/auto-theme.css), however the bundler minified it.
 */
function hasAutoThemeRule(dist: string, page: string): boolean {
  const html = readFileSync(join(dist, page), 'utf8');
  const sheets = readdirSync(join(dist, '_astro'))
    .filter((file) => file.endsWith('.css'))
    .map((file) => readFileSync(join(dist, '_astro', file), 'utf8'));
  const inline = parsePage(html).all('style').map(textOf);
  return [...sheets, ...inline].some((css) => /\.theme-dark\)?\s*\.acw-auto\s*\{[^}]*#25d366/i.test(css));
}
const versionOf = (name: string) => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version as string;
// Our Node 22 first: the machine's own Node may be too old for Astro.
const env = { ...process.env, PATH: `${join(repo, 'node_modules/.bin')}:${process.env.PATH}` };

let site: string;
let work: string;
let tarballPath: string;
let tarballFiles: string[];

// The fresh sites with their node_modules are ~500 MB: a test run leaves nothing behind.
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'acw-packed-'));
  tarballPath = inject('tarball').path;
  tarballFiles = execFileSync('tar', ['tzf', tarballPath], { encoding: 'utf8' }).trim().split('\n');

  site = join(work, 'site');
  mkdirSync(join(site, 'src/pages'), { recursive: true });
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'fresh-site', private: true, type: 'module' }));
  writeFileSync(
    join(site, 'astro.config.mjs'),
    `import mdx from '@astrojs/mdx';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { defineConfig } from 'astro/config';
export default defineConfig({
  integrations: [mdx(), chatraWhatsApp({ whatsapp: 'wa.me/message/4O4YGZEG3RIVE1', chatra: { id: 'FreshSiteChatra01' }, darkWhen: '.theme-dark' })],
});
`,
  );
  writeFileSync(
    join(site, 'src/pages/index.astro'),
    '<html lang="de"><head><title>Fresh</title></head><body><h1>Fresh site</h1></body></html>\n',
  );
  writeFileSync(
    join(site, 'src/pages/contact.mdx'),
    'import { WhatsAppButton } from \'astro-chatra-whatsapp/components\';\n\n# Contact\n\n<WhatsAppButton />\n\n[Or this link](whatsapp:)\n\n<WhatsAppButton label="Any theme" theme="auto" />\n',
  );
  execFileSync(
    'npm',
    [
      'install',
      tarballPath,
      `astro@${versionOf('astro')}`,
      `@astrojs/mdx@${versionOf('@astrojs/mdx')}`,
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
    ],
    { cwd: site, env, stdio: 'pipe' },
  );
  execFileSync(join(site, 'node_modules/.bin/astro'), ['build'], { cwd: site, env, stdio: 'pipe' });
}, 300_000);

describe('the packed package in a fresh site', () => {
  test('ships compiled JavaScript with declarations, the stylesheets and the components; no TypeScript source, nothing of the repo', () => {
    const files = tarballFiles.map((file) => file.replace(/^package\//, ''));
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/runtime/middleware.js',
      'dist/runtime/page-transform.js',
      'dist/config/minified.js',
      'styles/button.css',
      'styles/floating.css',
      'components/WhatsAppButton.astro',
    ]) {
      expect(files).toContain(needed);
    }
    // TypeScript sources stay in the repository (components/types.ts only types the components for editors).
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.startsWith('components/'))).toEqual([]);
    expect(files.filter((file) => /^(test|src|bench|node_modules|docs|build)\//.test(file))).toEqual([]);
  });

  test('plain Node 22 imports the entry point: dashboardTexts() "from code", as README offers', () => {
    const script =
      "import('astro-chatra-whatsapp').then(async (m) => console.log(JSON.stringify(await m.dashboardTexts({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1' }))))";
    const output = execFileSync(join(repo, 'node_modules/.bin/node'), ['--input-type=module', '-e', script], {
      cwd: site,
      env,
      encoding: 'utf8',
    });
    expect(JSON.parse(output).en.botScenario).toContain('https://wa.me/message/4O4YGZEG3RIVE1');
    // The keys README names.
    expect(Object.keys(JSON.parse(output).en)).toEqual(['botScenario', 'trigger', 'savedReply']);
  });

  test('builds: the page has the floating button, the German texts and the loader', () => {
    const html = readFileSync(join(site, 'dist/index.html'), 'utf8');
    const page = parsePage(html);
    const [floating] = page.all('a', { class: /\bacw-floating\b/ });
    expect(attribute(floating, 'href')).toBe('https://wa.me/message/4O4YGZEG3RIVE1');
    expect(textOf(floating)).toContain('WhatsApp');
    const [data] = page.all('script', { id: 'chatra-whatsapp-page' });
    const texts = JSON.parse(readFileSync(join(site, 'dist', JSON.parse(textOf(data)).texts), 'utf8'));
    expect(texts.language).toBe('de');
    expect(texts.customStrings.bot_afterForm).toContain('](https://wa.me/message/4O4YGZEG3RIVE1)');
    expect(readdirSync(join(site, 'dist/_astro')).some((file) => file.startsWith('acw-loader.'))).toBe(true);
  });

  test('the component and the whatsapp: link work from the installed package', () => {
    const page = parsePage(readFileSync(join(site, 'dist/contact/index.html'), 'utf8'));
    expect(attribute(page.all('a', { class: /\bacw-inline\b/ })[0], 'href')).toBe('https://wa.me/message/4O4YGZEG3RIVE1');
    expect(attribute(page.all('a').filter((a) => textOf(a) === 'Or this link')[0], 'href')).toBe('https://wa.me/message/4O4YGZEG3RIVE1');
    expect(hasAutoThemeRule(join(site, 'dist'), 'contact/index.html'), 'the theme="auto" rule from darkWhen').toBe(true);
  });

  test("the types a site's own code gets: Astro.locals.whatsapp, window.chatraWhatsApp, the whatsapp:click event, props passed on, dashboardTexts (tsc, strictest)", () => {
    writeFileSync(
      join(site, 'tsconfig.json'),
      JSON.stringify({
        extends: 'astro/tsconfigs/strictest',
        include: ['.astro/types.d.ts', 'src/**/*.ts'],
        compilerOptions: { noEmit: true },
      }),
    );
    mkdirSync(join(site, 'src/scripts'), { recursive: true });
    writeFileSync(
      join(site, 'src/scripts/site.ts'),
      `import { dashboardTexts } from 'astro-chatra-whatsapp';
import type { WhatsAppButtonProps } from 'astro-chatra-whatsapp/components';
window.chatraWhatsApp?.grantConsent?.();
document.addEventListener('whatsapp:click', (event) => {
  const link: string = event.detail.link;
  const page: string = event.detail.page;
  if (link.includes(page)) event.preventDefault();
});
document.querySelector('a')?.addEventListener('whatsapp:click', (event) => console.log(event.detail.link));
const setting: App.Locals['whatsapp'] = { text: 'About {title}' };
// @ts-expect-error a setting is false or an object
const wrong: App.Locals['whatsapp'] = true;
// A wrapper passes its own optional props on: undefined is not given (exactOptionalPropertyTypes).
const own: { text?: string; size?: 'small' } = {};
const passed: App.Locals['whatsapp'] = { text: own.text };
const props: WhatsAppButtonProps = { label: own.text, size: own.size };
const texts = () => dashboardTexts({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1' }, { i18n: { defaultLocale: 'en', locales: ['en', 'ru'] } });
// @ts-expect-error clientId is per visitor, set in the page (window.ChatraSetup), never one for the site
const perSite = () => dashboardTexts({ whatsapp: 'https://wa.me/message/4O4YGZEG3RIVE1', chatra: { id: 'DemoChatraId2026', setup: { clientId: 'user-42' } } });
export { setting, wrong, passed, props, texts, perSite };
`,
    );
    const run = () => execFileSync(join(repo, 'node_modules/.bin/tsc'), ['-p', site], { cwd: site, env, encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  });

  test("every option has its documentation in the published types (an editor shows it in astro.config's options)", () => {
    const file = join(site, 'src/scripts/options.ts');
    mkdirSync(join(site, 'src/scripts'), { recursive: true });
    writeFileSync(
      file,
      "import type { ChatraWhatsAppOptions } from 'astro-chatra-whatsapp';\nexport const options: ChatraWhatsAppOptions = { whatsapp: '' };\n",
    );
    const program = ts.createProgram([file], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    let reference: ts.Node | undefined;
    ts.forEachChild(program.getSourceFile(file)!, function find(node) {
      if (ts.isTypeReferenceNode(node)) reference = node;
      ts.forEachChild(node, find);
    });
    // Each property the package declares, all the way down (objects, unions, lists, records), by its path.
    const undocumented: string[] = [];
    const documented: string[] = [];
    const seen = new Set<ts.Type>();
    const walk = (type: ts.Type, path: string): void => {
      if (seen.has(type)) return;
      seen.add(type);
      if (type.isUnionOrIntersection()) return type.types.forEach((member) => walk(member, path));
      if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference).forEach((item) => walk(item, `${path}[]`));
      if (!(type.flags & ts.TypeFlags.Object)) return;
      for (const index of checker.getIndexInfosOfType(type)) walk(index.type, `${path}<key>`);
      for (const property of type.getProperties()) {
        if (!property.getDeclarations()?.some((declaration) => declaration.getSourceFile().fileName.includes('/astro-chatra-whatsapp/')))
          continue;
        const doc = ts.displayPartsToString(property.getDocumentationComment(checker));
        const named = path ? `${path}.${property.name}` : property.name;
        (doc ? documented : undocumented).push(named);
        walk(checker.getTypeOfSymbol(property), named);
      }
    };
    walk(checker.getTypeAtLocation(reference!), '');
    expect(undocumented).toEqual([]);
    // The walk reached the options down to their leaves.
    expect(documented).toEqual(
      expect.arrayContaining([
        'whatsapp',
        'chatra.setup.colors.buttonBg',
        'fallback.greeting.avatar',
        'locales<key>.welcome',
        'whatsapp[].label',
      ]),
    );
  });

  test('publint finds nothing to fix (strict)', () => {
    const output = execFileSync(join(repo, 'node_modules/.bin/publint'), ['run', 'integration', '--strict'], {
      cwd: repo,
      env,
      encoding: 'utf8',
    });
    expect(output).toContain('All good!');
  });

  test('Are the types wrong? No: every entry point resolves with types, for ESM (node16 and bundlers)', () => {
    const run = () =>
      execFileSync(join(repo, 'node_modules/.bin/attw'), [tarballPath, '--profile', 'esm-only', '--format', 'json'], {
        env,
        encoding: 'utf8',
      });
    let output: string;
    try {
      output = run();
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    type Problem = { kind: string; resolutionKind?: string; resolutionOption?: string };
    const { analysis } = JSON.parse(output) as { analysis: { problems: Problem[] } };
    // ESM only, as Astro is: CommonJS and TypeScript's pre-exports `node10` resolution don't apply.
    const problems = analysis.problems.filter(
      (problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? problem.resolutionOption ?? ''),
    );
    expect(problems).toEqual([]);
  });
});

// The older majors in the peer range, each at its latest release there (and its MDX): Markdown
// through remark (no Sätteri before Astro 7), everything else as on 7.
describe.each([
  ['6', '6.4.8', '5.0.6'],
  ['5', '5.18.2', '4.3.14'],
])('on Astro %s (the peer range is ^5 || ^6 || ^7)', (major, astroVersion, mdxVersion) => {
  let site6: string;
  beforeAll(() => {
    site6 = join(work, `site-astro${major}`);
    mkdirSync(join(site6, 'src/pages'), { recursive: true });
    writeFileSync(join(site6, 'package.json'), JSON.stringify({ name: `astro${major}-site`, private: true, type: 'module' }));
    writeFileSync(
      join(site6, 'astro.config.mjs'),
      `import mdx from '@astrojs/mdx';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { defineConfig } from 'astro/config';
export default defineConfig({
  integrations: [mdx(), chatraWhatsApp({ whatsapp: { phone: '+49 30 1234567', text: 'About {title}' }, chatra: { id: 'AstroSixChatra01' }, texts: { offlineNote: 'Away. {whatsapp}' }, darkWhen: '.theme-dark' })],
});
`,
    );
    writeFileSync(
      join(site6, 'src/pages/index.astro'),
      '<html lang="en"><head><title>Six</title></head><body><a href="#whatsapp">Ask</a></body></html>\n',
    );
    writeFileSync(join(site6, 'src/pages/guide.md'), '---\ntitle: Guide\n---\n\n[Markdown link](whatsapp:)\n');
    // {path} from the middleware's context on this major (what it names the page by differs between versions).
    writeFileSync(
      join(site6, 'src/pages/путь.astro'),
      '---\nAstro.locals.whatsapp = { text: \'At {path}\' };\n---\n<html lang="en"><head><title>Path</title></head><body><a href="#whatsapp">Ask</a></body></html>\n',
    );
    writeFileSync(join(site6, 'src/pages/quiet.md'), '---\ntitle: Quiet\nwhatsapp: false\n---\n\nNo button here.\n');
    writeFileSync(join(site6, 'src/pages/asked.mdx'), "---\ntitle: Asked\nwhatsapp:\n  text: 'Asked {title}'\n---\n\nOwn message.\n");
    writeFileSync(
      join(site6, 'src/pages/contact.mdx'),
      'import { WhatsAppButton } from \'astro-chatra-whatsapp/components\';\n\n<WhatsAppButton />\n\n[MDX link](whatsapp:)\n\n<WhatsAppButton label="Any theme" theme="auto" />\n',
    );
    execFileSync(
      'npm',
      [
        'install',
        tarballPath,
        `astro@${astroVersion}`,
        `@astrojs/mdx@${mdxVersion}`,
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
      ],
      {
        cwd: site6,
        env,
        stdio: 'pipe',
      },
    );
    execFileSync(join(site6, 'node_modules/.bin/astro'), ['build'], { cwd: site6, env, stdio: 'pipe' });
  }, 300_000);

  test('builds: the page title in the message, the widget, and whatsapp: links through remark', () => {
    const read = (path: string) => parsePage(readFileSync(join(site6, 'dist', path), 'utf8'));
    expect(JSON.parse(readFileSync(join(site6, 'node_modules/astro/package.json'), 'utf8')).version).toMatch(new RegExp(`^${major}\\.`));
    const home = read('index.html');
    expect(attribute(home.all('a', { class: /\bacw-floating\b/ })[0], 'href')).toBe('https://wa.me/49301234567?text=About%20Six');
    expect(
      attribute(
        home.all('a').find((a) => textOf(a) === 'Ask')!,
        'href',
      ),
    ).toBe('https://wa.me/49301234567?text=About%20Six');
    const [data] = home.all('script', { id: 'chatra-whatsapp-page' });
    const texts = JSON.parse(readFileSync(join(site6, 'dist', JSON.parse(textOf(data)).texts), 'utf8'));
    expect(texts.customStrings.offlineNote).toBe('Away. [Write to us on WhatsApp](https://wa.me/49301234567?text=About%20%7Btitle%7D)');
    const guide = read('guide/index.html');
    expect(
      attribute(
        guide.all('a').find((a) => textOf(a) === 'Markdown link')!,
        'href',
      ),
    ).toMatch(/^https:\/\/wa\.me\/49301234567\?text=About%20/);
    const contact = read('contact/index.html');
    expect(
      attribute(
        contact.all('a').find((a) => textOf(a) === 'MDX link')!,
        'href',
      ),
    ).toMatch(/^https:\/\/wa\.me\/49301234567\?text=About%20/);
    expect(contact.all('a', { class: /\bacw-inline\b/ })).toHaveLength(2);
    expect(hasAutoThemeRule(join(site6, 'dist'), 'contact/index.html'), 'the theme="auto" rule from darkWhen').toBe(true);
  });

  test('{path}: the decoded address, escaped once in the link', () => {
    const page = parsePage(readFileSync(join(site6, 'dist/путь/index.html'), 'utf8'));
    expect(
      attribute(
        page.all('a').find((a) => textOf(a) === 'Ask')!,
        'href',
      ),
    ).toBe(`https://wa.me/49301234567?text=${encodeURIComponent('At /путь/')}`);
  });

  test("a page's frontmatter whatsapp: works with no layout line (.md, .mdx)", () => {
    const floating = (path: string) => parsePage(readFileSync(join(site6, 'dist', path), 'utf8')).all('a', { class: /\bacw-floating\b/ });
    expect(floating('quiet/index.html')).toHaveLength(0);
    expect(attribute(floating('asked/index.html')[0], 'href')).toBe('https://wa.me/49301234567?text=Asked%20%2Fasked%2F'); // no <title> without a layout: {title} is the path
  });
});
