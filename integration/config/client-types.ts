import { CLICK_EVENT } from '../shared/dom.ts';

/** What a page's own scripts see of the kit (README: consent, analytics): `window.chatraWhatsApp` and the click event (CLICK_EVENT). */
export const CLIENT_TYPES = `/** What a click on a WhatsApp link tells (the \`${CLICK_EVENT}\` event's detail). */
interface ChatraWhatsAppClickDetail {
  /** The WhatsApp link clicked. */
  link: string;
  /** The page, its origin and path (no query or hash). */
  page: string;
}
interface Window {
  /** The kit's API, on pages with the Chatra widget or the analytics listener: call it with \`?.\` elsewhere. */
  readonly chatraWhatsApp?: {
    /** With \`chatra.consent\`: the visitor agreed, Chatra may load (kept until the loader runs). */
    grantConsent?(): void;
  };
}
/** Fired on a WhatsApp link before analytics get the click; \`preventDefault()\` keeps it out of them (the link still opens). */
interface HTMLElementEventMap {
  '${CLICK_EVENT}': CustomEvent<ChatraWhatsAppClickDetail>;
}
interface DocumentEventMap {
  '${CLICK_EVENT}': CustomEvent<ChatraWhatsAppClickDetail>;
}
interface WindowEventMap {
  '${CLICK_EVENT}': CustomEvent<ChatraWhatsAppClickDetail>;
}
`;

/** `Astro.locals.whatsapp`, typed for the site's pages and middleware. */
export const LOCALS_TYPES =
  'declare namespace App {\n  interface Locals {\n' +
  '    /** `false`: no Chatra widget or floating WhatsApp button on this page; `{ text }`: its prefilled message; `{ greeting }`: its own greeting, or `false` for none. Wins over the frontmatter `whatsapp:`. */\n' +
  "    whatsapp?: import('astro-chatra-whatsapp').PageSetting;\n  }\n}\n";
