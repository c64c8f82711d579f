/**
 * The integration: Astro's hooks, wired to what each one needs. The work lives in config/
 * (Node, config time), runtime/ (the site's server bundle), markdown/ and client/.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { clientAssets, filesPlace, writeClientFiles, type ClientAssets, type FilesPlace } from './config/client-assets.ts';
import { cspAdditions, sitePolicy, type CspObject } from './config/csp.ts';
import { serveClientFiles } from './config/dev-server.ts';
import { addToolbarApp, serveToolbarApp } from './config/dev-toolbar.ts';
import { ownModule } from './config/own-module.ts';
import { resolveOrThrow, type ResolvedOptions, type SiteConfig } from './config/resolve.ts';
import type { ChatraWhatsAppOptions } from './config/schema.ts';
import { CLIENT_TYPES, LOCALS_TYPES } from './config/client-types.ts';
import { dashboardTextsFor, formatDashboardTexts } from './config/texts.ts';
import { localeDomains, toRuntimeOptions, virtualOptions } from './config/virtual-module.ts';
import { addMarkdownPlugins, markdocWarning, settingKey } from './markdown/processor.ts';
import { INTEGRATION_NAME } from './shared/errors.ts';

export type { ChatraWhatsAppOptions, PageSetting } from './config/schema.ts';
export type { SiteConfig } from './config/resolve.ts';

/** The Chatra live-chat widget with your WhatsApp link in its texts, and a zero-JS WhatsApp button on every page. */
export default function chatraWhatsApp(options?: ChatraWhatsAppOptions): AstroIntegration {
  let resolved: ResolvedOptions;
  let assets: ClientAssets;
  let place: FilesPlace;
  return {
    name: INTEGRATION_NAME,
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, addMiddleware, addDevToolbarApp, logger }) => {
        resolved = await resolveOrThrow(options, config);
        const policy = sitePolicy(config, Boolean(resolved.chatra));
        for (const warning of [...resolved.warnings, ...policy.warnings]) logger.warn(warning);
        place = filesPlace(config.build);
        assets = clientAssets(resolved, config.base, {
          place,
          insertLoader: policy.insertLoader,
          inlineStylesheet: policy.inlineStylesheet,
        });
        // A partial policy: updateConfig merges it into the user's (AstroConfig types it as whole).
        const csp = cspAdditions(config.security.csp, {
          styles: [assets.inlineCss].filter(Boolean),
          scripts: [...new Set([assets.bootstrap, assets.listener.bootstrap])].filter(Boolean),
          loadsChatra: Boolean(resolved.chatra),
        });
        const key = settingKey(config.root);
        const runtime = toRuntimeOptions(resolved, assets, {
          base: config.base,
          trailingSlash: config.trailingSlash,
          format: config.build.format,
          settingKey: key,
          localeDomains: localeDomains(config.i18n?.domains),
        });
        updateConfig({
          vite: { plugins: [virtualOptions(runtime, resolved.darkWhen)] },
          ...(csp && { security: { csp: csp as CspObject } }),
        });
        addMiddleware({ entrypoint: ownModule('runtime/middleware'), order: 'pre' });
        addMarkdownPlugins(
          config.markdown,
          {
            target: resolved.contacts[0],
            contacts: resolved.contacts,
            site: resolved.site,
            settingKey: key,
            pagesDir: fileURLToPath(new URL('pages/', config.srcDir)),
          },
          { updateConfig, logger },
        );
        if (command === 'dev') addToolbarApp(addDevToolbarApp);
      },
      // The loader and the texts files: served by the dev server, written beside the site's own
      // files by the build (static for every adapter, never rendered per request).
      'astro:server:setup': ({ server, toolbar }) => {
        server.middlewares.use(serveClientFiles(assets.files, server.config.base, place));
        serveToolbarApp(toolbar, resolved, assets.textsUrls);
      },
      // The final list: another integration may have added Markdoc.
      'astro:config:done': ({ config, injectTypes, logger }) => {
        const markdoc = markdocWarning(config.integrations);
        if (markdoc) logger.warn(markdoc);
        injectTypes({ filename: 'locals.d.ts', content: LOCALS_TYPES });
        injectTypes({ filename: 'client.d.ts', content: CLIENT_TYPES });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writeClientFiles(assets.files, dir, place);
        logger.info(formatDashboardTexts(resolved));
      },
    },
  };
}

/**
 * Texts with your WhatsApp link for what only the Chatra dashboard can edit (bot scenarios,
 * automatic messages, saved replies), by language. `astro build` prints them too.
 */
export async function dashboardTexts(options: ChatraWhatsAppOptions, site: SiteConfig = {}) {
  return dashboardTextsFor(await resolveOrThrow(options, site));
}
