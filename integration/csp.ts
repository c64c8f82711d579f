import { createHash } from 'node:crypto';
import type { AstroConfig } from 'astro';

type Csp = AstroConfig['security']['csp'];
export type CspObject = Exclude<Csp, boolean>;
export interface CspAdditions {
  algorithm?: CspObject['algorithm'];
  styleDirective: { hashes: `sha256-${string}`[] };
  scriptDirective?: { resources: string[] };
}

/** The host chatra.js is loaded from (Chatra API, widget code). */
export const CHATRA_SCRIPT_SOURCE = 'https://call.chatra.io';

/**
 * What to merge into `security.csp` so the inline stylesheet and chatra.js pass the policy.
 * Never turns CSP on (`false` → nothing), gives `true` the algorithm it then needs, and keeps
 * `'self'` when adding the first script source (a script source replaces Astro's default).
 */
export function cspAdditions(csp: Csp, { styles, loadsChatra }: { styles: string[]; loadsChatra: boolean }): CspAdditions | undefined {
  if (!csp) return undefined;
  const additions: CspAdditions = {
    styleDirective: { hashes: styles.map((style) => `sha256-${createHash('sha256').update(style).digest('base64')}` as const) },
  };
  if (loadsChatra) {
    const userSources = csp === true ? [] : (csp.scriptDirective?.resources ?? []);
    additions.scriptDirective = { resources: [...(userSources.length === 0 ? ["'self'"] : []), CHATRA_SCRIPT_SOURCE] };
  }
  return csp === true ? { algorithm: 'SHA-256', ...additions } : additions;
}
