/** Props of `<WhatsAppButton />`. Link and label come from the integration's options: none is required. */
export interface WhatsAppButtonProps {
  /** Link text; default: `texts.linkLabel` in the page's language. */
  label?: string;
  /** Which contact, by its `label`, when `whatsapp` lists several; default: the first. */
  contact?: string;
  /** Prefilled message for this button (phone links only: a short link carries its message in the app); `{title}`, `{url}`, `{path}` become the page's. */
  text?: string;
  /** 'inline' (default) sits in the text; 'floating' is fixed to the bottom corner. */
  variant?: 'inline' | 'floating';
  size?: 'small' | 'medium' | 'large';
  /** 'light' (default): dark green with white text; 'dark': bright green for dark pages; 'auto' follows the visitor's colour scheme. */
  theme?: 'light' | 'dark' | 'auto';
  /** Also offer a QR code of the link, for desktop visitors (a CSS-only disclosure; phones just follow the link). */
  qr?: boolean;
}

/** Props of `<WhatsAppQR />`: a QR code of the link, drawn at build time. */
export interface WhatsAppQRProps {
  /** Which contact, by its `label`, when `whatsapp` lists several; default: the first. */
  contact?: string;
  /** Prefilled message in the link (phone links only: a short link carries its message in the app); `{url}` and `{path}` become the page's. */
  text?: string;
  /** What `{title}` becomes in the message (the component can't read the page's `<title>`); default: the page's path. */
  pageTitle?: string;
  /** Accessible name of the QR code; default: `texts.linkLabel` in the page's language, plus " (QR code)". */
  label?: string;
  /** Width and height in CSS pixels; default 160. */
  size?: number;
}
