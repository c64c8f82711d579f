/**
 * What the client scripts (// @ts-check) see: the build's config they are applied to, the flag
 * the minifier folds in, and what Chatra, the site and analytics tools put on `window`.
 */

/** Replaced by the build's config (JSON) when the package's minified scripts are applied. */
declare const chatraWhatsAppConfig: never;
/** Set when the package is made: true in the bootstrap for CSP 'strict-dynamic'. */
declare const INSERT_LOADER: boolean;
/** Set when the package is made: true in the loader whose chat part is a file of its own (`load: 'interaction'`). */
declare const SPLIT_CHAT: boolean;

/** Set when the package is made: true in the loader of a build with `chatra.consent` (the others' carry none of its code). */
declare const CONSENT: boolean;
/** Set when the package is made: true in the chat part (and the loader carrying it) of a build with `texts.autoMessage`. */
declare const AUTO_MESSAGE: boolean;
/** Set when the package is made: true in the analytics listener `load: 'interaction'` fetches at the first act. */
declare const AFTER_ACT: boolean;

/** The public API on `window.chatraWhatsApp`. */
interface ChatraWhatsAppApi {
  grantConsent?: () => void;
  /** Consent given before the loader arrived, kept by the bootstrap. */
  consentGiven?: boolean;
  track?: (name: string, params: Record<string, unknown>) => void;
  chatraEvent?: (name: string) => void;
  /** Clicks before the analytics listener arrived (`interaction`: it comes at the first act), for it to take. */
  clicks?: [MouseEvent, string][];
  /** A loader runs in this visit already (the loader's own mark: a second one stands down). */
  loaderRuns?: boolean;
  /** The loader running asks for consent (a consent build's). */
  asksConsent?: boolean;
}

/** Chatra's queue function (its snippet's), and what chatra.js adds to it. */
interface ChatraFunction {
  (...args: unknown[]): void;
  q?: IArguments[];
  restart?: unknown;
}

interface Window {
  Chatra: ChatraFunction;
  ChatraID: string;
  ChatraSetup?: Record<string, unknown>;
  chatraWhatsApp: ChatraWhatsAppApi;
  dataLayer?: { push(value: unknown): void };
  plausible?: (name: string, options: { props: unknown }) => void;
  umami?: { track(name: string, params: unknown): void };
  gtag?: (...args: unknown[]) => void;
}

/** The widget's states (shared/dom.ts STATES), as the client scripts set and compare them. */
type WidgetState = import('../shared/dom.ts').WidgetState;
