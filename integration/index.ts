import { mkdir, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { ASSETS_DIR, clientAssets, pageStylesheet, type ClientAssets } from './client-assets.ts';
import { addContentLinks } from './content-plugin.ts';
import { cspAdditions, widenSiteDirectives, type CspObject } from './csp.ts';
import { OptionError, toAstroError } from './option-error.ts';
import type { ChatraWhatsAppOptions } from './options.ts';
import { dashboardTextsFor, resolveOptions, type ResolvedOptions, type SiteConfig } from './resolve-options.ts';
import { serveClientFiles } from './dev-server.ts';
import { ownModule } from './own-module.ts';
import { toRuntimeOptions, virtualOptions } from './virtual-options.ts';

export type { ChatraWhatsAppOptions, PageSetting } from './options.ts';

/** The Chatra live-chat widget with your WhatsApp link in its texts, and a zero-JS WhatsApp button on every page. */
export default function chatraWhatsApp(options?: ChatraWhatsAppOptions): AstroIntegration {
  let resolved: ResolvedOptions;
  let assets: ClientAssets;
  return {
    name: 'astro-chatra-whatsapp',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, addMiddleware, logger }) => {
        resolved = await resolveOrThrow(options, config);
        for (const warning of resolved.warnings) logger.warn(warning);
        const css = pageStylesheet(resolved);
        for (const name of resolved.chatra ? widenSiteDirectives(config.security.csp) : []) {
          logger.warn(`security.csp: ${name} is 'none', so the Chatra widget can't work; the WhatsApp button will show instead.`);
        }
        const { csp: siteCsp } = config.security;
        assets = clientAssets(resolved, config.base, { insertLoader: typeof siteCsp === 'object' && siteCsp.scriptDirective?.strictDynamic === true });
        // A partial policy: updateConfig merges it into the user's (AstroConfig types it as whole).
        const csp = cspAdditions(config.security.csp, {
          styles: [css],
          scripts: [assets.bootstrap, assets.analyticsScript].filter(Boolean),
          loadsChatra: Boolean(resolved.chatra),
        });
        const runtime = toRuntimeOptions(resolved, assets, { css, base: config.base, trailingSlash: config.trailingSlash, format: config.build.format });
        updateConfig({ vite: { plugins: [virtualOptions(runtime)] }, ...(csp && { security: { csp: csp as CspObject } }) });
        addMiddleware({ entrypoint: ownModule('./runtime/middleware'), order: 'pre' });
        addContentLinks(config.markdown, resolved.contacts[0], resolved.site, { updateConfig, logger });
      },
      // The loader and the texts files: served by the dev server, written beside the site's own
      // files by the build (static for every adapter, never rendered per request).
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveClientFiles(assets.files, server.config.base));
      },
      'astro:config:done': ({ injectTypes }) => {
        injectTypes({
          filename: 'locals.d.ts',
          content:
            'declare namespace App {\n  interface Locals {\n' +
            '    /** `false`: no Chatra widget or floating WhatsApp button on this page; `{ text }`: its prefilled message. */\n' +
            "    whatsapp?: import('astro-chatra-whatsapp').PageSetting;\n  }\n}\n",
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const files = Object.entries(assets.files);
        if (files.length > 0) {
          const folder = new URL(`${ASSETS_DIR}/`, dir);
          await mkdir(folder, { recursive: true });
          await Promise.all(files.map(([name, file]) => writeFile(new URL(name, folder), file.body)));
        }
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

async function resolveOrThrow(options: unknown, site: SiteConfig): Promise<ResolvedOptions> {
  try {
    return await resolveOptions(options, site);
  } catch (error) {
    throw error instanceof OptionError ? toAstroError(error) : error;
  }
}

function formatDashboardTexts(resolved: ResolvedOptions): string {
  const lines = ['Texts to paste into the Chatra dashboard (bot scenarios, automatic messages, saved replies):'];
  for (const [language, texts] of Object.entries(dashboardTextsFor(resolved))) {
    lines.push(`  [${language}]`, `    Bot scenario:   ${texts.botScenario}`, `    Auto message:   ${texts.trigger}`, `    Saved reply:    ${texts.savedReply}`);
  }
  return lines.join('\n');
}
