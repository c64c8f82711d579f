/**
 * The DOM contract, spelled once: what the page markup (shared/markup.ts) writes, the client
 * scripts (client/, which import this file when the package is made) read, and the stylesheets
 * (styles/) select. test/unit/shared/dom.test.ts fails when a stylesheet, script or component
 * names a class, state or id that is not here.
 */

/** `<html data-chatra-whatsapp="…">`: the widget's state, which the CSS reads to show or hide the buttons. */
export const STATE_ATTRIBUTE = 'data-chatra-whatsapp';

/**
 * The states, in the order a page goes through them: waiting for consent, waiting to load
 * (`idle`/`interaction`), loading chatra.js, the widget ready, or failed (blocked, offline,
 * timed out), when the WhatsApp button shows instead.
 */
export const STATES = ['consent', 'waiting', 'loading', 'ready', 'failed'] as const;
export type WidgetState = (typeof STATES)[number];

/** The states in which `floating: 'until-chatra'` hides the WhatsApp button and its greeting (floating.css; a test holds the two together). */
export const UNTIL_CHATRA_HIDDEN_IN = ['waiting', 'loading', 'ready'] as const satisfies readonly WidgetState[];

/** The same attribute on a link (`#chat` rewritten): a click opens the Chatra chat. */
export const OPENS_CHAT = 'chat';

/** Every WhatsApp link we write opens in a new tab, the page it came from kept (noreferrer: WhatsApp isn't told the page). */
export const NEW_TAB = { target: '_blank', rel: 'noopener noreferrer' } as const;

/** `<script type="application/json" id>` in `<head>`: the page's texts file, links and auto-message flag. */
export const PAGE_DATA_ID = 'chatra-whatsapp-page';

/**
 * Astro's mark for an element a `<ClientRouter />` swap keeps (`transition:persist`): Chatra's widget,
 * and the preload of chatra.js while it is on its way, go on into the new page under it.
 */
export const PERSIST_ATTRIBUTE = 'data-astro-transition-persist';

/** Chatra's own element, which chatra.js appends to `<body>` with the widget in it (its loader contract). */
export const CHATRA_WIDGET_ID = 'chatra';
/** Its frame, which takes the focus from the chat stand-in when the widget is ready. */
export const CHATRA_FRAME = '#chatra iframe';
/** Under PERSIST_ATTRIBUTE: Chatra's element, and the preload of chatra.js, across a swap (each its own name). */
export const WIDGET_PERSIST_NAME = 'chatra-whatsapp-widget';
export const PRELOAD_PERSIST_NAME = 'chatra-whatsapp-preload';

/** The cancelable DOM event a click on a WhatsApp link fires on the link, before analytics hears of it. */
export const CLICK_EVENT = 'whatsapp:click';

/** Chatra's script, as its snippet adds it (the chat part; the loader preloads it when the visitor acts). */
export const CHATRA_SCRIPT_URL = 'https://call.chatra.io/chatra.js';
/** The links whose clicks go to analytics (the analytics listener, and the loader keeping them until it arrives). */
export const WHATSAPP_LINKS = 'a[href^="https://wa.me/"]';

/** `<script async id>` before `</head>`: the cached loader, or on a page without the widget the analytics listener alone. */
export const LOADER_ID = 'chatra-whatsapp-loader';

/**
 * `<link rel="stylesheet" id>` (or `<style id>`) after `<head>`: the kit's stylesheet, on every page
 * with a part of the kit (the only part of the head a page without the widget has).
 */
export const STYLESHEET_ID = 'chatra-whatsapp-style';

/** sessionStorage key: the auto message went out in this session. */
export const AUTO_MESSAGE_SENT_KEY = 'chatra-whatsapp-auto';

/** sessionStorage key: the visitor closed the greeting in this session. */
export const GREETING_CLOSED_KEY = 'chatra-whatsapp-greeting';

/** `<html data-acw-greeted>`: the greeting was closed earlier in the session (set by the greeting script). */
export const GREETED_ATTRIBUTE = 'data-acw-greeted';

/**
 * On the floating region, set by the greeting script when the greeting comes in: how far its top
 * stands above the window's bottom, so `fallback.room` can hold it too.
 */
export const GREETING_ROOM_PROPERTY = '--acw-greet-room';

/** The keyframes that bring the greeting in after its wait (and their still version, for reduced motion). */
export const GREETING_KEYFRAMES = ['acw-greet', 'acw-greet-still'] as const;

/** The chat facade's class, on its own so the loader carries just this name (CLASS.facade is it). */
export const FACADE_CLASS = 'acw-facade';
/** The floating WhatsApp button's class (a link, or a `<details>` with several contacts or a QR code), for the loader too. */
export const FLOATING_CLASS = 'acw-floating';
/** The floating button shown only until the widget is ready (`fallback.floating: 'until-chatra'`), for the loader too. */
export const UNTIL_CHATRA_CLASS = 'acw-until';

/** The greeting's classes the greeting script reads, on their own for the same reason. */
export const GREETING_CLASS = 'acw-greeting';
export const GREETING_TEXT_CLASS = 'acw-greeting-text';
export const GREETING_STATUS_CLASS = 'acw-greeting-status';

/** Class names, all with the `acw-` prefix so they can't meet a site's own. */
export const CLASS = {
  /** Every WhatsApp link styled as a button (and the summary of a disclosure). */
  button: 'acw-wa',
  label: 'acw-label',
  inline: 'acw-inline',
  floating: FLOATING_CLASS,
  /** The landmark around the floating buttons. */
  region: 'acw-region',
  /** The stand-in for Chatra's round button, until the widget is ready. */
  facade: FACADE_CLASS,
  /** The floating button's corner: at the reading end or start (logical), or right or left (physical). */
  end: 'acw-end',
  start: 'acw-start',
  left: 'acw-left',
  right: 'acw-right',
  /** Floating button shown only until the widget is ready (`fallback.floating: 'until-chatra'`). */
  untilChatra: UNTIL_CHATRA_CLASS,
  /** With `fallback.qr`: the plain link on touch screens, the QR disclosure on desktops. */
  touch: 'acw-touch',
  desk: 'acw-desk',
  disclosure: 'acw-disclosure',
  contacts: 'acw-contacts',
  /** A QR code's `<svg>`. */
  qr: 'acw-qr',
  qrOffer: 'acw-qr-offer',
  qrDetails: 'acw-qr-details',
  qrFigure: 'acw-qr-figure',
  small: 'acw-small',
  medium: 'acw-medium',
  large: 'acw-large',
  light: 'acw-light',
  dark: 'acw-dark',
  auto: 'acw-auto',
  /** `fallback.greeting`: the bubble (a `<details open>`), its close button (the summary), its parts. */
  greeting: GREETING_CLASS,
  greetingClose: 'acw-greeting-close',
  greetingCard: 'acw-greeting-card',
  greetingAvatar: 'acw-greeting-avatar',
  greetingName: 'acw-greeting-name',
  greetingText: GREETING_TEXT_CLASS,
  greetingNote: 'acw-greeting-note',
  /** A polite live region the greeting script fills once, when the greeting appears. */
  greetingStatus: GREETING_STATUS_CLASS,
} as const;

/** The keyframes that keep the WhatsApp button hidden until `fallback.timeout` while no state is set. */
export const LATE_KEYFRAMES = 'acw-late';

/**
 * CSS custom properties: a site may set the first three to move the floating button; then
 * `fallback.timeout`, after which the button shows when the loader never ran (`acw-late` is the
 * keyframes name of that wait), and `fallback.greeting.afterSeconds`.
 */
export const CUSTOM_PROPERTIES = {
  x: '--acw-x',
  y: '--acw-y',
  z: '--acw-z',
  timeout: '--acw-timeout',
  greetAfter: '--acw-greet-after',
} as const;
