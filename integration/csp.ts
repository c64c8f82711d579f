import { createHash } from 'node:crypto';
import type { AstroConfig } from 'astro';

type Csp = AstroConfig['security']['csp'];
export type CspObject = Exclude<Csp, boolean>;
export interface CspAdditions {
  algorithm?: CspObject['algorithm'];
  styleDirective: { hashes: `sha256-${string}`[] };
  scriptDirective?: { resources?: string[]; hashes?: `sha256-${string}`[] };
}

/** The host chatra.js is loaded from (Chatra API, widget code). */
const CHATRA_SCRIPT_SOURCE = 'https://call.chatra.io';

/** Sources the widget needs beyond its script: its iframe, and its requests and live connection. */
const CHATRA_SOURCES: Record<string, string[]> = {
  'frame-src': ['https://chat.chatra.io'],
  'child-src': ['https://chat.chatra.io'],
  'connect-src': ['https://*.chatra.io', 'wss://*.chatra.io'],
  'default-src': [CHATRA_SCRIPT_SOURCE, 'https://chat.chatra.io', 'https://*.chatra.io', 'wss://*.chatra.io'],
};

/**
 * What to merge into `security.csp` so the inline stylesheet and chatra.js pass the policy.
 * Never turns CSP on (`false` → nothing), gives `true` the algorithm it then needs, and keeps
 * `'self'` when adding the first script source (a script source replaces Astro's default).
 */
export function cspAdditions(
  csp: Csp,
  { styles, scripts = [], loadsChatra }: { styles: string[]; scripts?: string[]; loadsChatra: boolean },
): CspAdditions | undefined {
  if (!csp) return undefined;
  const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}` as const;
  const additions: CspAdditions = { styleDirective: { hashes: styles.map(hash) } };
  // The inline scripts the page transform writes: hashed like Astro's own head-inline scripts.
  if (scripts.length > 0) additions.scriptDirective = { hashes: scripts.map(hash) };
  if (loadsChatra) {
    const userSources = csp === true ? [] : (csp.scriptDirective?.resources ?? []);
    additions.scriptDirective = { ...additions.scriptDirective, resources: [...(userSources.length === 0 ? ["'self'"] : []), CHATRA_SCRIPT_SOURCE] };
  }
  return csp === true ? { algorithm: 'SHA-256', ...additions } : additions;
}

/**
 * Adds Chatra's hosts to the directives the user already restricts (frame-src, child-src,
 * connect-src, default-src). Directives the user didn't write stay unwritten: adding one
 * would narrow the policy for everything else on the site. A directive set to 'none' is
 * left alone and reported, since the user closed it on purpose.
 */
export function widenDirectives(directives: readonly string[]): { directives: string[]; closed: string[] } {
  const closed: string[] = [];
  const widened = directives.map((directive) => {
    const [name, ...sources] = directive.trim().split(/\s+/);
    const needed = CHATRA_SOURCES[name.toLowerCase()];
    if (!needed) return directive;
    if (sources.includes("'none'")) {
      closed.push(name);
      return directive;
    }
    const missing = needed.filter((source) => !sources.includes(source));
    return missing.length ? [name, ...sources, ...missing].join(' ') : directive;
  });
  return { directives: widened, closed };
}

/**
 * Widens, in place, the directives the site's own `security.csp` restricts (updateConfig would
 * append a second frame-src, which browsers ignore). Returns the directives left closed.
 */
export function widenSiteDirectives(csp: Csp): string[] {
  if (typeof csp !== 'object' || !csp.directives) return [];
  const { directives, closed } = widenDirectives(csp.directives);
  csp.directives.splice(0, Infinity, ...(directives as typeof csp.directives));
  return closed;
}
