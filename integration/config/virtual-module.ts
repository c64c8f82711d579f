import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { comparablePath } from '../shared/file-path.ts';
import type { LocaleDomains } from '../shared/page-path.ts';
import { LABEL_KEYS, type LabelKey, type RuntimeOptions } from '../shared/runtime-options.ts';
import type { ClientAssets } from './client-assets.ts';
import { ownModule } from './own-module.ts';
import type { ResolvedOptions } from './resolve.ts';
import { darkThemeCss } from './theme-css.ts';

const comparable = (path: string) => comparablePath(path, process.platform);

/** The module the middleware and the components import their options from (it throws when loaded as it is). */
const OPTIONS_MODULE = comparable(fileURLToPath(ownModule('runtime/options')));
/** The components' stylesheet for `theme="auto"`, written per site (styles/ sits beside dist/ and the sources' folders). */
const AUTO_THEME_STYLESHEET = comparable(
  fileURLToPath(new URL(`${import.meta.url.endsWith('.ts') ? '..' : '../..'}/styles/auto-theme.css`, import.meta.url)),
);

/**
 * Serves this build's options as the contents of `runtime/options.ts`: a real file, so a site that
 * uses the components without the integration gets that file's own message, not a bundler error.
 * And the components' `theme="auto"` stylesheet, for the site's own dark marker.
 */
export function virtualOptions(options: RuntimeOptions, darkWhen: string | undefined): Plugin {
  return {
    name: 'astro-chatra-whatsapp:options',
    load(id) {
      // An id's query (`?direct`, `?inline`) is Vite's, not the file's.
      const file = comparable(id.split('?')[0]);
      if (file === OPTIONS_MODULE) return `export default ${JSON.stringify(options)};`;
      if (file === AUTO_THEME_STYLESHEET) return darkThemeCss('autoButton', darkWhen);
    },
  };
}

/** What the server bundle needs of the options: labels, not every language's Chatra texts; no warnings. */
export function toRuntimeOptions(
  resolved: ResolvedOptions,
  assets: ClientAssets,
  site: Pick<RuntimeOptions, 'base' | 'trailingSlash' | 'format' | 'settingKey' | 'localeDomains'>,
): RuntimeOptions {
  const { chatra, fallback } = resolved;
  const languages: RuntimeOptions['languages'] = {};
  for (const [tag, texts] of Object.entries(resolved.languages)) {
    const { language, labelLanguages, greeting } = texts;
    const labels = Object.fromEntries(LABEL_KEYS.map((key) => [key, texts[key]])) as Record<LabelKey, string>;
    languages[tag] = { language, ...(labelLanguages && { labelLanguages }), ...labels, ...(greeting && { greeting }) };
  }
  const { greeting } = fallback;
  return {
    contacts: resolved.contacts,
    site: resolved.site,
    chatra: chatra && { facade: chatra.facade, include: chatra.include, exclude: chatra.exclude },
    fallback: {
      ...(greeting && {
        greeting: {
          afterSeconds: greeting.afterSeconds,
          ...(greeting.name && { name: greeting.name }),
          // A file in public/, served under the site's base.
          ...(greeting.avatar && { avatar: site.base.replace(/\/?$/, '') + greeting.avatar }),
        },
      }),
      floating: fallback.floating,
      position: fallback.position,
      qr: fallback.qr,
      include: fallback.include,
      exclude: fallback.exclude,
    },
    autoMessage: resolved.autoMessage && { pages: resolved.autoMessage.pages },
    defaultLanguage: resolved.defaultLanguage,
    languages,
    ...site,
    stylesheet: assets.stylesheet,
    textsUrls: assets.textsUrls,
    loaderUrl: assets.loaderUrl,
    bootstrap: assets.bootstrap,
    listener: assets.listener,
    ...(assets.greetingScriptUrl && { greetingScriptUrl: assets.greetingScriptUrl }),
  };
}

/** i18n `domains` by host (Astro serves /es/about/ at es.example.com/about/): their origins and locales. */
export function localeDomains(domains: Record<string, string> | undefined): LocaleDomains {
  const byHost: LocaleDomains = {};
  for (const [locale, domain] of Object.entries(domains ?? {})) {
    try {
      const url = new URL(domain);
      byHost[url.host] = { origin: url.origin, locale };
    } catch {
      // Astro checks its own config: a domain that is no URL never gets here.
    }
  }
  return byHost;
}
