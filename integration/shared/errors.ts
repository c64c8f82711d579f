/**
 * The one shape of every error a user reads: `path` names what they wrote (`chatra.load`,
 * `locales.ru.offlineNote`, `<WhatsAppButton contact>`, a Markdown link), `problem` says what is
 * wrong with it, `hint` how to fix it. Thrown as an AstroError, so Astro prints message and hint
 * without a stack trace.
 */
import { AstroError } from 'astro/errors';

/** The package's name: the integration's, and what a page's log lines begin with (LOG_PREFIX). */
export const INTEGRATION_NAME = 'astro-chatra-whatsapp';
export const LOG_PREFIX = `[${INTEGRATION_NAME}]`;

export class OptionError extends Error {
  readonly path: string;
  readonly problem: string;
  readonly hint: string;

  constructor(path: string, problem: string, hint: string) {
    super(`\`${path}\`: ${problem}`);
    this.name = 'OptionError';
    this.path = path;
    this.problem = problem;
    this.hint = hint;
  }
}

/** The error Astro prints as message and hint: its stack is the message, so no trace into our code follows it. */
export function astroUserError(message: string, hint: string): AstroError {
  const astroError = new AstroError(message, hint);
  astroError.stack = `AstroUserError: ${message}`;
  return astroError;
}

/** An OptionError as the AstroError Astro prints. */
export function toAstroError(error: OptionError): AstroError {
  return astroUserError(error.message, error.hint);
}

/** Throws `error` on, an OptionError as the AstroError Astro prints. */
export function rethrowAsAstroError(error: unknown): never {
  throw error instanceof OptionError ? toAstroError(error) : error;
}

/** Runs `work`; an OptionError it throws comes out as the AstroError Astro prints. */
export function asAstroError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    return rethrowAsAstroError(error);
  }
}

/**
 * A value someone gave, as an error message quotes it: as JSON, cut at 80 characters. One JSON
 * can't write (a BigInt, an object that holds itself, a function) by its kind: quoting a wrong
 * value must never throw in place of the error that names it.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length > 80 ? `${json.slice(0, 79)}…` : json;
  } catch {
    // Cyclic: named by its kind below.
  }
  return typeof value === 'object' && value !== null ? 'an object JSON cannot write' : String(value);
}

/** Hints more than one check gives, written once. */
export const HINTS = {
  /** Where to get the short link, and the two forms of `whatsapp`. */
  missingWhatsApp:
    'Pass your WhatsApp Business short link (app: Settings → Business tools → Short link) in astro.config.mjs:\n' +
    '  chatraWhatsApp({ whatsapp: "https://wa.me/message/XXXXXXXXXXXXX" })\n' +
    'or a phone number: chatraWhatsApp({ whatsapp: { phone: "+49 30 1234567" } }).',
  /** A short link carries its prefilled message on WhatsApp's side. */
  shortLinkMessage:
    "A short link carries its prefilled message on WhatsApp's side: set it in the WhatsApp Business app (Settings → Business tools → Short link → Message), or use a phone number: { phone, text }.",
  placeholders: "Use {title}, {url} (the page's full address) or {path}.",
  urlNeedsSite: "Set `site: 'https://example.com'` in astro.config.mjs, or use {path}.",
} as const;

/** The problem of a prefilled message given to a short link. */
export const SHORT_LINK_HAS_NO_MESSAGE = "sets a prefilled message, but a short link can't take one here.";
