/** The dev toolbar app's server side (`astro dev` only): the data it shows, and QR codes on request. */
import type { HookParameters } from 'astro';
import { qrCodeSvg } from '../runtime/qr-code.ts';
import { TOOLBAR_APP_ID, TOOLBAR_EVENTS, type ToolbarData } from '../shared/toolbar-data.ts';
import { contactHref } from '../shared/contacts.ts';
import { WHATSAPP_ICON } from '../shared/markup.ts';
import { ownModule } from './own-module.ts';
import type { ResolvedOptions } from './resolve.ts';
import { dashboardTextsFor } from './texts.ts';

/** Adds the app to the dev toolbar (Astro shows it in `astro dev` only). */
export function addToolbarApp(addDevToolbarApp: HookParameters<'astro:config:setup'>['addDevToolbarApp']): void {
  addDevToolbarApp({ id: TOOLBAR_APP_ID, name: 'Chatra and WhatsApp', icon: WHATSAPP_ICON, entrypoint: ownModule('toolbar/app') });
}

function toolbarData(resolved: ResolvedOptions, textsUrls: Record<string, string>): ToolbarData {
  return {
    contacts: resolved.contacts.map((contact) => ({ label: contact.label, link: contactHref(contact) })),
    hasChatra: Boolean(resolved.chatra),
    defaultLanguage: resolved.defaultLanguage,
    languages: Object.fromEntries(
      Object.entries(resolved.languages).map(([tag, texts]) => [tag, { customStrings: texts.customStrings, textsUrl: textsUrls[tag] }]),
    ),
    dashboard: dashboardTextsFor(resolved),
    warnings: resolved.warnings,
  };
}

/** Answers the app: its data when it starts, a QR code of a WhatsApp link when asked. */
export function serveToolbarApp(
  toolbar: HookParameters<'astro:server:setup'>['toolbar'],
  resolved: ResolvedOptions,
  textsUrls: Record<string, string>,
): void {
  toolbar.onAppInitialized(TOOLBAR_APP_ID, () => toolbar.send(TOOLBAR_EVENTS.data, toolbarData(resolved, textsUrls)));
  toolbar.on<{ href: string }>(TOOLBAR_EVENTS.qrRequest, ({ href }) => {
    // Only WhatsApp links: the app asks for the page's own.
    const svg = typeof href === 'string' && href.startsWith('https://wa.me/') ? qrCodeSvg(href, 'QR code') : undefined;
    toolbar.send(TOOLBAR_EVENTS.qr, { href, svg });
  });
}
