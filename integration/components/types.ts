/**
 * Props of `<WhatsAppButton />`. Link and label come from the integration's options: none is required.
 * Each takes `undefined` as not given (a wrapper component passes its own optional props on).
 */
export interface WhatsAppButtonProps {
  /** Link text; default: `texts.linkLabel` in the page's language. */
  label?: string | undefined;
  /** Which contact, by its `label`, when `whatsapp` lists several; default: the first. */
  contact?: string | undefined;
  /** Prefilled message for this button (phone links only: a short link carries its message in the app); `{title}`, `{url}`, `{path}` become the page's. */
  text?: string | undefined;
  /** 'inline' (default) sits in the text; 'floating' is fixed to the bottom corner. */
  variant?: 'inline' | 'floating' | undefined;
  /** The inline button's size: 'small', 'medium' (default) or 'large'. */
  size?: 'small' | 'medium' | 'large' | undefined;
  /** The inline button's look. 'light' (default): dark green with white text; 'dark': bright green for dark pages; 'auto': dark where the site is (the integration's `darkWhen`; by default Starlight's `data-theme` or a `.dark`/`.light` class, else the visitor's colour scheme; a switch that only removes `.dark` for light needs `darkWhen`). */
  theme?: 'light' | 'dark' | 'auto' | undefined;
  /** Also offer a QR code of the link, for desktop visitors (a CSS-only disclosure; phones just follow the link). */
  qr?: boolean | undefined;
}

/** Props of `<WhatsAppQR />`: a QR code of the link, drawn where the page is rendered (at build time, or per request on demand). */
export interface WhatsAppQRProps {
  /** Which contact, by its `label`, when `whatsapp` lists several; default: the first. */
  contact?: string | undefined;
  /** Prefilled message in the link (phone links only: a short link carries its message in the app); `{url}` and `{path}` become the page's. */
  text?: string | undefined;
  /** What `{title}` becomes in the message (the component can't read the page's `<title>`); default: the page's path. */
  pageTitle?: string | undefined;
  /** Accessible name of the QR code; default: `texts.linkLabel` in the page's language, plus " (QR)". */
  label?: string | undefined;
  /** Width and height in CSS pixels, 64 to 1024; default 160. */
  size?: number | undefined;
}
