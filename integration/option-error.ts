import { AstroError } from 'astro/errors';

/**
 * A bad option value. `path` is the option as the user wrote it (`chatra.load`,
 * `locales.ru.offlineNote`); `hint` says how to fix it. The integration turns it into
 * an AstroError, so Astro prints message and hint without a stack trace.
 */
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

/** The error Astro prints as message and hint, without a stack trace. */
export function toAstroError(error: OptionError): AstroError {
  const astroError = new AstroError(error.message, error.hint);
  astroError.stack = `AstroUserError: ${error.message}`;
  return astroError;
}
