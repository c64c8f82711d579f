import type { Plugin } from 'vite';
import type { ClientAssets } from './client-assets.ts';
import type { ResolvedOptions } from './resolve-options.ts';
import type { RuntimeOptions } from './runtime/runtime-options.ts';

const ID = 'virtual:astro-chatra-whatsapp/options';

/** Serves the resolved options to the middleware and the components as `virtual:astro-chatra-whatsapp/options`. */
export function virtualOptions(options: RuntimeOptions): Plugin {
  return {
    name: 'astro-chatra-whatsapp:options',
    resolveId(source) {
      if (source === ID) return `\0${ID}`;
    },
    load(id) {
      if (id === `\0${ID}`) return `export default ${JSON.stringify(options)};`;
    },
  };
}

/** What the server bundle needs of the options: labels, not every language's Chatra texts; no warnings. */
export function toRuntimeOptions(
  resolved: ResolvedOptions,
  assets: ClientAssets,
  site: Pick<RuntimeOptions, 'css' | 'base' | 'trailingSlash' | 'format'>,
): RuntimeOptions {
  const languages: RuntimeOptions['languages'] = {};
  for (const [tag, { linkLabel, openChatLabel, regionLabel, qrLabel }] of Object.entries(resolved.languages)) {
    languages[tag] = { linkLabel, openChatLabel, regionLabel, qrLabel };
  }
  return {
    contacts: resolved.contacts,
    site: resolved.site,
    chatra: resolved.chatra,
    fallback: resolved.fallback,
    autoMessage: resolved.autoMessage,
    defaultLanguage: resolved.defaultLanguage,
    languages,
    ...site,
    textsUrls: assets.textsUrls,
    loaderUrl: assets.loaderUrl,
    bootstrap: assets.bootstrap,
    analyticsScript: assets.analyticsScript,
  };
}
