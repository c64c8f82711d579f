/** What the dev server tells the dev toolbar app (config/dev-toolbar.ts → toolbar/app.ts): one shape for both. */

export const TOOLBAR_APP_ID = 'astro-chatra-whatsapp';

/** The attribute on the app's window, which its tests find it by. */
export const TOOLBAR_WINDOW_ATTRIBUTE = 'data-acw-toolbar';

export const TOOLBAR_EVENTS = {
  /** Server → app: everything the app shows. */
  data: 'astro-chatra-whatsapp:data',
  /** App → server: draw a QR code of this link. */
  qrRequest: 'astro-chatra-whatsapp:qr-request',
  /** Server → app: the QR code. */
  qr: 'astro-chatra-whatsapp:qr',
} as const;

export interface ToolbarData {
  contacts: { label?: string; link: string }[];
  hasChatra: boolean;
  defaultLanguage: string;
  /** By lower-case tag: the Chatra texts each language's pages get, and their file (what a page's data names). */
  languages: Record<string, { customStrings: Record<string, string>; textsUrl?: string }>;
  /** By site language: the dashboard texts (bot scenario, trigger, saved reply). */
  dashboard: Record<string, Record<string, string>>;
  warnings: string[];
}
