import { z } from 'zod';
import { GREETING_LIMIT } from '../shared/page-setting.ts';
import type { LabelKey } from '../shared/runtime-options.ts';
import { chatraLanguages } from './default-texts.ts';

/** Chatra's `locale.customStrings` keys: the widget texts a page can set (Chatra API, locale). */
export const customStringKeys = [
  'welcome',
  'chatWithUs',
  'leaveUsAMessage',
  'mobile_chatWithUs',
  'mobile_leaveUsAMessage',
  'offlineNote',
  'bot_thanksForMessage',
  'bot_startOnline',
  'bot_startOnline_email',
  'bot_startOnline_required',
  'bot_startOffline',
  'bot_startOffline_email',
  'bot_startOffline_required',
  'bot_beforeForm',
  'bot_afterForm',
  'bot_afterForm_email',
  'bot_details',
  'bot_checkbox',
  'bot_marketingConsent',
  'scriptEndText',
] as const;
type CustomStringKey = (typeof customStringKeys)[number];

/**
 * Defaults that more than the schema reads: the placement CSS writes only values that differ,
 * and styles/floating.css falls back to these (a test keeps the two equal).
 */
export const FLOATING_DEFAULTS = { x: 20, y: 20, zIndex: 9998, timeout: 8000 } as const;
/** The greeting's wait before it appears (styles/greeting.css falls back to it too). */
export const GREETING_DEFAULTS = { afterSeconds: 4 } as const;
/** Chatra's own round button, which the facade stands in for (Chatra's defaults). */
export const CHATRA_BUTTON_DEFAULTS = {
  position: 'br',
  size: 60,
  zIndex: 9999,
  background: '#1b66c9',
  color: '#fff',
  inset: 20,
} as const;
/** The longest greeting note, in characters (`fallback.greeting.note`, `locales.<code>.greetingNote`). */
const GREETING_NOTE_LIMIT = 120;

/**
 * `z.strictObject(shape)`'s type, written out on each object schema below: the published types then
 * name the shape, whose properties keep their doc comments, and an editor shows each option's
 * documentation in astro.config (tsc prints an inferred type without them).
 */
type StrictObject<Shape extends z.core.$ZodLooseShape> = z.ZodObject<Shape, z.core.$strict>;

/** A required option, with the hint a user reads when it is missing (read by zod-errors.ts). */
const required = <T extends z.ZodType>(schema: T, missingHint: string): T => schema.meta({ missingHint });

/** A DOM event name, as `addEventListener` and analytics tools take it. */
const eventName = (example: string) => z.string().regex(/^[A-Za-z][\w:.-]*$/, { error: `expected an event name such as "${example}"` });

const hexColor = z.string().regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, { error: 'expected a hex colour such as "#128c7e"' });
const pixels = z.number().int().positive().max(4000);

const colorsShape = {
  /** The chat button's text and icon, e.g. "#ffffff". */
  buttonText: hexColor.optional(),
  /** The chat button's background, e.g. "#128c7e". */
  buttonBg: hexColor.optional(),
  /** The background of the visitor's messages. */
  clientBubbleBg: hexColor.optional(),
  /** The background of your agents' messages. */
  agentBubbleBg: hexColor.optional(),
};
const colorsObject: StrictObject<typeof colorsShape> = z.strictObject(colorsShape);

const chatraSetupShape = {
  /** Chat button style; overrides the dashboard. */
  buttonStyle: z.enum(['tab', 'round']).optional(),
  /** Button position: b = bottom, l = left, r = right, then l/c/r or t/m/b. Overrides the dashboard. */
  buttonPosition: z.enum(['bl', 'bc', 'br', 'lt', 'lm', 'lb', 'rt', 'rm', 'rb']).optional(),
  /** Round button size in px (Chatra's default: 60). */
  buttonSize: pixels.optional(),
  /** CSS selector of your own elements that open the chat; Chatra then hides its own button. */
  customWidgetButton: z.string().min(1).optional(),
  /** Chat window width in px (default 340). */
  chatWidth: pixels.optional(),
  /** Chat window height in px (default 480). */
  chatHeight: pixels.optional(),
  /** z-index of the widget (default 9999). */
  zIndex: z.number().int().optional(),
  /** Widget colours. */
  colors: colorsObject.optional(),
  /** Start hidden; show with `Chatra('show')`. */
  startHidden: z.boolean().optional(),
  /** Show the widget on mobile devices only. */
  mobileOnly: z.boolean().optional(),
  /** Don't show the widget on mobile devices. */
  disabledOnMobile: z.boolean().optional(),
  /** Widget language for pages that don't declare one (a page's own language wins). */
  language: z.enum(chatraLanguages).optional(),
  /** 'frame' embeds the chat into the element `injectTo`. */
  mode: z.enum(['widget', 'frame']).optional(),
  /** Element id for `mode: 'frame'`. */
  injectTo: z.string().min(1).optional(),
  /**
   * Not here: a clientId is secret per visitor (it opens that visitor's conversation), so one for the
   * whole site is an error. Set it in your page for a signed-in user: `window.ChatraSetup = { clientId }`.
   * (Typed as never, so an editor says so; read as anything, so the build's error can say why: resolve.ts.)
   */
  clientId: z.unknown().optional() as unknown as z.ZodOptional<z.ZodNever>,
  /** Agent group that gets the chats started on these pages. */
  groupId: z.string().min(1).optional(),
  /** Google Analytics tracking id for Chatra's events. */
  gaTrackingId: z.string().min(1).optional(),
  /** Stop Chatra's Google Analytics events. */
  disableGaTracking: z.boolean().optional(),
  /** Yandex Metrika counter id for Chatra's events. */
  yaCounterId: z.string().min(1).optional(),
  /** Stop Chatra's Yandex Metrika events. */
  disableYaTracking: z.boolean().optional(),
  /** Let chatra.js postpone its own work until the page has loaded. */
  deferredLoading: z.boolean().optional(),
  /** Don't add #chatraChatExpanded to the address when the chat opens on mobile. */
  disableChatOpenHash: z.boolean().optional(),
};
/** `window.ChatraSetup` settings this integration passes through (Chatra API, Settings). Texts go in `texts`. */
const chatraSetupSchema: StrictObject<typeof chatraSetupShape> = z.strictObject(chatraSetupShape);

/** One text: a string (Markdown as Chatra reads it; `{whatsapp}` becomes the link) or `false` to drop our default. */
const text = z.union([z.string(), z.literal(false)]);

const labelsShape = {
  /** Text of every generated WhatsApp link, and the floating button's accessible name. */
  linkLabel: z.string().min(1).optional(),
  /** Accessible name of the stand-in for Chatra's button (default: "Open chat" in the page's language). */
  openChatLabel: z.string().trim().min(1).optional(),
  /** Name of the landmark around the floating buttons (default: "Contact us" in the page's language). */
  regionLabel: z.string().trim().min(1).optional(),
  /** Summary of the QR code's disclosure (default: "Show a QR code for your phone" in the page's language). */
  qrLabel: z.string().trim().min(1).optional(),
  /** Accessible name of the greeting's close button (default: "Close" in the page's language). */
  closeLabel: z.string().trim().min(1).optional(),
  /** The greeting's text in this language (`fallback.greeting.text` elsewhere). */
  greeting: z.string().trim().min(1).max(GREETING_LIMIT).optional(),
  /** The greeting's note in this language (`fallback.greeting.note` elsewhere). */
  greetingNote: z.string().trim().min(1).max(GREETING_NOTE_LIMIT).optional(),
} satisfies Record<LabelKey | 'greeting' | 'greetingNote', z.ZodType>;

/**
 * Chatra's widget texts (`locale.customStrings`), one per key of `customStringKeys`: Markdown as
 * Chatra reads it, `{whatsapp}` for the link, `false` to drop our default. Written out, each with
 * what Chatra shows it for (by its name where Chatra doesn't say), for the editor.
 */
const customStringsShape = {
  /** The widget's greeting. */
  welcome: text.optional(),
  /** The chat button's label on desktops. */
  chatWithUs: text.optional(),
  /** The chat button's label on desktops while no one is online. */
  leaveUsAMessage: text.optional(),
  /** The chat button's label on phones. */
  mobile_chatWithUs: text.optional(),
  /** The chat button's label on phones while no one is online. */
  mobile_leaveUsAMessage: text.optional(),
  /** The note shown while no one is online (ours: leave a message, or WhatsApp). */
  offlineNote: text.optional(),
  /** Contact-form bot: its thanks for a message. */
  bot_thanksForMessage: text.optional(),
  /** Contact-form bot: its first words while someone is online. */
  bot_startOnline: text.optional(),
  /** Contact-form bot: its first words while someone is online, the visitor's e-mail known (`{{#email}}`). */
  bot_startOnline_email: text.optional(),
  /** Contact-form bot: its first words while someone is online, when contact details are required. */
  bot_startOnline_required: text.optional(),
  /** Contact-form bot: its first words while no one is online (ours: leave your question, or WhatsApp). */
  bot_startOffline: text.optional(),
  /** Contact-form bot: the same, the visitor's e-mail known (`{{#email}}`). */
  bot_startOffline_email: text.optional(),
  /** Contact-form bot: the same, when contact details are required. */
  bot_startOffline_required: text.optional(),
  /** Contact-form bot: before its form. */
  bot_beforeForm: text.optional(),
  /** Contact-form bot: after its form is sent (ours: we'll get back to you, or WhatsApp). */
  bot_afterForm: text.optional(),
  /** Contact-form bot: after its form is sent, the visitor's e-mail known (`{{#email}}`). */
  bot_afterForm_email: text.optional(),
  /** Contact-form bot: the details it asks for. */
  bot_details: text.optional(),
  /** Contact-form bot: its checkbox. */
  bot_checkbox: text.optional(),
  /** Contact-form bot: the marketing consent it asks for. */
  bot_marketingConsent: text.optional(),
  /** The end of a bot scenario. */
  scriptEndText: text.optional(),
} satisfies Record<CustomStringKey, z.ZodOptional<typeof text>>;

/** Every text a language can set: ours, and Chatra's widget texts. */
const languageTextsShape = { ...labelsShape, ...customStringsShape };
const languageTextsObject: StrictObject<typeof languageTextsShape> = z.strictObject(languageTextsShape);

const greetingShape = {
  /** What it says, e.g. "Hi 👋 Any questions? We answer on WhatsApp". Per language: `locales.<code>.greeting`. */
  text: required(
    z.string().trim().min(1).max(GREETING_LIMIT),
    'Add what it says: fallback: { greeting: { text: "Hi 👋 Any questions? We answer on WhatsApp" } }.',
  ),
  /** Seconds after the button shows (default 4). */
  afterSeconds: z.number().min(0).max(600).default(GREETING_DEFAULTS.afterSeconds),
  /** The business's name, above the text. */
  name: z.string().trim().min(1).max(80).optional(),
  /**
   * A picture beside it, served by the site itself: a path such as "/team.jpg" (a file in
   * `public/`), shown 40 × 40 px. Never a third-party address.
   */
  avatar: z
    .string()
    // No `..` (out of public/), no `%` (written as the file is named), no scheme or host.
    .regex(/^\/(?!\/)(?!(?:.*\/)?\.\.(?:\/|$))[^\s?#%\\]*\.(?:avif|webp|png|jpe?g|gif|svg)$/i, {
      error: 'expected a path on this site to an image, such as "/team.jpg" (a file in public/)',
    })
    .optional(),
  /** A line under the text, e.g. "Typically replies within an hour". Per language: `locales.<code>.greetingNote`. */
  note: z.string().trim().min(1).max(GREETING_NOTE_LIMIT).optional(),
};
/**
 * A speech bubble beside the floating WhatsApp button, shown whenever the button is, after a
 * wait, in CSS alone; dismissible (remembered for the session where scripts run).
 */
const greetingObject: StrictObject<typeof greetingShape> = z.strictObject(greetingShape);

const offsetShape = {
  /** Distance in px from the side of the window (default 20). */
  x: z.number().int().min(0).max(2000).default(FLOATING_DEFAULTS.x),
  /** Distance in px from the bottom of the window (default 20). */
  y: z.number().int().min(0).max(2000).default(FLOATING_DEFAULTS.y),
};
const offsetObject: StrictObject<typeof offsetShape> = z.strictObject(offsetShape);

const mobileOffsetShape = {
  /** Distance in px from the side of the window (default: `offset.x`). */
  x: z.number().int().min(0).max(2000).optional(),
  /** Distance in px from the bottom of the window (default: `offset.y`). */
  y: z.number().int().min(0).max(2000).optional(),
};
const mobileOffsetObject: StrictObject<typeof mobileOffsetShape> = z.strictObject(mobileOffsetShape);

/** Path patterns (globs such as "/blog/**"), written without `base`. */
const pathPatterns = z.array(z.string().min(1)).min(1);

const autoMessageShape = {
  /** The message, sent once per visitor session through `Chatra('sendAutoMessage', text)`. */
  text: required(z.string().min(1), 'Add the message: autoMessage: { text: "Questions? Ask here, or {whatsapp}." }.'),
  /** Seconds after the page loads (default 0). */
  afterSeconds: z.number().min(0).max(3600).default(0),
  /** Path patterns (globs such as "/pricing/**", without `base`) of the pages that send it; default: every page. */
  pages: pathPatterns.optional(),
};
const autoMessageObject: StrictObject<typeof autoMessageShape> = z.strictObject(autoMessageShape);

/** A prefilled message; `{title}`, `{url}` and `{path}` become the page's. */
const prefilledText = z.string();

const contactShape = {
  /** Name shown in the list of contacts and used by `<WhatsAppButton contact="…">`, e.g. "Sales". */
  label: required(z.string(), 'Name each contact: { label: "Sales", link: "https://wa.me/message/XXXXXXXXXXXXX" }.'),
  /** This contact's WhatsApp Business short link… */
  link: z.string().optional(),
  /** …or phone number in international form. */
  phone: z.string().optional(),
  /** Prefilled message (phone numbers only); `{title}`, `{url}` and `{path}` become the page's. */
  text: prefilledText.optional(),
};
const contactObject: StrictObject<typeof contactShape> = z.strictObject(contactShape);

const phoneShape = {
  /** Phone number in international form, e.g. "+7 900 123-45-67". */
  phone: required(z.string(), 'Add the number in international form: whatsapp: { phone: "+49 30 1234567" }.'),
  /** Prefilled message; `{title}`, `{url}` and `{path}` become the page's. */
  text: prefilledText.optional(),
};
const phoneObject: StrictObject<typeof phoneShape> = z.strictObject(phoneShape);

const consentEventShape = {
  /** Name of the event your consent manager dispatches (on window, document or any element). */
  event: eventName('consent:granted'),
};
const consentEventObject: StrictObject<typeof consentEventShape> = z.strictObject(consentEventShape);

const chatraShape = {
  /** Your Chatra public key (dashboard: Settings → Preferences → API keys), the `ChatraID` of Chatra's snippet. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9]{8,40}$/, { error: 'expected the public key from the Chatra dashboard: 8 to 40 letters and digits' })
    .meta({ missingHint: 'Add your Chatra public key (dashboard: Settings → Preferences → API keys): chatra: { id: "…" }.' }),
  /** When chatra.js loads: at once, when the browser is idle after the page loaded, or on the visitor's first interaction. */
  load: z.enum(['eager', 'idle', 'interaction']).default('idle'),
  /** `window.ChatraSetup` settings. */
  setup: chatraSetupSchema.default({}),
  /**
   * Ask for consent first: nothing is requested from Chatra until the page calls
   * `window.chatraWhatsApp.grantConsent()`, or (with `{ event }`) that DOM event fires.
   * Until then the WhatsApp button shows. Default: false.
   */
  consent: z.union([z.boolean(), consentEventObject]).default(false),
  /** Pages that get the widget (path globs without `base`); default: every page. */
  include: pathPatterns.optional(),
  /** Pages that don't get the widget, even if `include` names them. */
  exclude: pathPatterns.optional(),
};
const chatraObject: StrictObject<typeof chatraShape> = z.strictObject(chatraShape);

/** `texts`: those of every language, and the automatic message. */
const textsShape = {
  ...languageTextsShape,
  /** A message the widget sends the visitor by itself, once a session: `{ text, afterSeconds?, pages? }`. */
  autoMessage: autoMessageObject.optional(),
};
const textsObject: StrictObject<typeof textsShape> = z.strictObject(textsShape);

const analyticsShape = {
  /** Event name for a click on a WhatsApp link (default "whatsapp_click"). */
  event: eventName('whatsapp_click').default('whatsapp_click'),
  /** Event name for Chatra's own analytics events (default "chatra_event"). */
  chatraEvent: eventName('chatra_event').default('chatra_event'),
};
const analyticsObject: StrictObject<typeof analyticsShape> = z.strictObject(analyticsShape);

const fallbackShape = {
  /** 'until-chatra': shown without JS and when the widget fails; 'always'; false: no floating button. */
  floating: z.union([z.enum(['until-chatra', 'always']), z.literal(false)]).default('until-chatra'),
  /**
   * Corner of the floating button: at the reading end (bottom-right on left-to-right pages,
   * bottom-left on right-to-left ones) or start, or a physical corner whatever the direction.
   */
  position: z.enum(['bottom-end', 'bottom-start', 'bottom-right', 'bottom-left']).default('bottom-end'),
  /** Milliseconds to wait for the widget before showing the WhatsApp button instead. */
  timeout: z.number().int().min(1000).max(60000).default(FLOATING_DEFAULTS.timeout),
  /** Where the floating button shows, by CSS media features alone (pointer and hover): 'all', 'mobile' or 'desktop'. */
  devices: z.enum(['all', 'mobile', 'desktop']).default('all'),
  /** Distance in px from the side (`x`) and the bottom (`y`) of the window (default 20 and 20). */
  offset: offsetObject.prefault({}),
  /** The same for windows up to 640px wide, e.g. above a mobile cookie bar (default: `offset`, also for a coordinate left out). */
  mobileOffset: mobileOffsetObject.optional(),
  /** z-index of the floating button (default 9998, under Chatra's 9999). */
  zIndex: z.number().int().default(FLOATING_DEFAULTS.zIndex),
  /** On desktops, the floating button opens a QR code of the link to scan with a phone (CSS only; adds about 1 KB gzip to each page). Phones just follow the link. */
  qr: z.boolean().default(false),
  /**
   * CSS selectors: while an element matching one is in the page (an open menu, a cookie
   * banner), the floating buttons step aside, in CSS alone. An open `<dialog>` always does it.
   */
  hideWhen: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  /** Room at the end of the page for the floating button, so it never covers the last content (a footer's links). */
  room: z.boolean().default(true),
  /** A greeting beside the floating button: `{ text, afterSeconds?, name?, avatar?, note? }`. */
  greeting: greetingObject.optional(),
  /** Pages that get the floating button (path globs without `base`); default: every page. */
  include: pathPatterns.optional(),
  /** Pages that don't get the floating button, even if `include` names them. */
  exclude: pathPatterns.optional(),
};
const fallbackObject: StrictObject<typeof fallbackShape> = z.strictObject(fallbackShape);

const optionsShape = {
  /**
   * Your WhatsApp contact: the WhatsApp Business short link (`https://wa.me/message/XXXXXXXXXXXXX`),
   * a phone number with an optional prefilled message, or a list of named contacts (Sales, Support).
   */
  whatsapp: z.union([z.string(), phoneObject, z.array(contactObject).min(1)]),
  /** The Chatra widget. Leave it out for the WhatsApp button alone. */
  chatra: chatraObject.optional(),
  /** Widget texts for every language: `linkLabel`, any Chatra `customStrings` key, and `autoMessage`. */
  texts: textsObject.default({}),
  /** Texts per page language (`ru`, `pt-BR`, …), over `texts` and our defaults. */
  locales: z
    .record(
      z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language code such as "ru" or "pt-BR"' }),
      languageTextsObject,
    )
    .default({}),
  /**
   * Clicks on WhatsApp links: a cancelable `whatsapp:click` DOM event, then `event` pushed to
   * `dataLayer` and sent to Plausible and Umami when present, and GA4's `generate_lead`
   * (`chat_channel: 'whatsapp'`) through `gtag`. Chatra's own events go out as `chatraEvent`.
   * `false`: no listener at all.
   */
  analytics: z
    .union([z.literal(false), analyticsObject])
    // prefault: the object's own defaults fill it in (zod 4's default() would skip them).
    .prefault({}),
  /** The zero-JS WhatsApp button shown where the widget is not. */
  fallback: fallbackObject.prefault({}),
  /**
   * A CSS selector that matches `<html>` (or `<body>`) while the site shows its dark theme: `'.dark'`,
   * `'.theme-dark'`, `'[data-theme="dark"]'`. The greeting and `<WhatsAppButton theme="auto">` are
   * then dark exactly when it matches, whatever the visitor's system setting. Default: Starlight's
   * `data-theme` and a `.dark`/`.light` class where the page has one, else the system setting.
   */
  darkWhen: z.string().optional(),
};
/** `chatraWhatsApp(options)`: what astro.config gives, checked and with the defaults filled in. */
export const optionsSchema: StrictObject<typeof optionsShape> = z.strictObject(optionsShape);

export type { PageSetting } from '../shared/runtime-options.ts';

export type ChatraWhatsAppOptions = z.input<typeof optionsSchema>;
export type ParsedOptions = z.output<typeof optionsSchema>;
export type ChatraSetup = z.output<typeof chatraSetupSchema>;
export type Texts = z.output<typeof optionsSchema>['locales'][string];
