// Types for editors and TypeScript outside Astro's own tooling, which can't read `.astro` files.
import type { WhatsAppButtonProps, WhatsAppQRProps } from '../dist/components/types.js';

export type { WhatsAppButtonProps, WhatsAppQRProps };
/** A WhatsApp link styled as a button: no JavaScript, opens WhatsApp in a new tab. */
export declare function WhatsAppButton(props: WhatsAppButtonProps): unknown;
/** A QR code of your WhatsApp link, drawn where the page is rendered (at build time, or per request on demand), with the link beneath it. */
export declare function WhatsAppQR(props: WhatsAppQRProps): unknown;
