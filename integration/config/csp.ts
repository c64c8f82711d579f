import { createHash } from 'node:crypto';
import type { AstroConfig } from 'astro';
import { CHATRA_SCRIPT_URL } from '../shared/dom.ts';

type Csp = AstroConfig['security']['csp'];
export type CspObject = Exclude<Csp, boolean>;
/** A source scoped to elements: Astro writes it into `script-src-elem` (or `style-src-elem`), which rules `<script>` elements. */
type ElementSource = { resource: string; kind: 'element' };
export interface CspAdditions {
  algorithm?: CspObject['algorithm'];
  styleDirective: { hashes: `sha256-${string}`[] };
  scriptDirective?: { resources?: (string | ElementSource)[]; hashes?: `sha256-${string}`[] };
}

type Directive = { resources?: unknown[]; hashes?: unknown[] } | undefined;

/**
 * A directive's sources by kind, as Astro renders them: default-kind ones into `script-src`, and
 * `script-src-elem` written at all (`elementScoped`) when any source or hash is element-scoped.
 */
function sourcesOf(directive: Directive) {
  const kindOf = (entry: unknown) => (typeof entry === 'string' ? 'default' : ((entry as { kind?: string }).kind ?? 'default'));
  const resourceOf = (entry: unknown) => (typeof entry === 'string' ? entry : String((entry as { resource?: unknown }).resource));
  const resources = directive?.resources ?? [];
  const elements = resources.filter((entry) => kindOf(entry) === 'element').map(resourceOf);
  return {
    defaults: resources.filter((entry) => kindOf(entry) === 'default').map(resourceOf),
    elements,
    elementScoped: elements.length > 0 || (directive?.hashes ?? []).some((entry) => kindOf(entry) === 'element'),
  };
}

/** The host chatra.js is loaded from (Chatra API, widget code). */
const CHATRA_SCRIPT_SOURCE = new URL(CHATRA_SCRIPT_URL).origin;

/** Sources the widget needs beyond its script: its iframe, and its requests and live connection. */
const CHATRA_SOURCES: Record<string, string[]> = {
  'frame-src': ['https://chat.chatra.io'],
  'child-src': ['https://chat.chatra.io'],
  'connect-src': ['https://*.chatra.io', 'wss://*.chatra.io'],
};
/** Where a missing directive falls back to, in order (CSP 3). */
const FALLBACKS: Record<string, string[]> = {
  'frame-src': ['child-src', 'default-src'],
  'connect-src': ['default-src'],
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
    const { defaults, elements, elementScoped } = sourcesOf(csp === true ? undefined : csp.scriptDirective);
    // 'self' where the site wrote no source: Astro's own default, which a first source replaces.
    const resources: (string | ElementSource)[] = [...(defaults.length === 0 ? ["'self'"] : []), CHATRA_SCRIPT_SOURCE];
    // Where the site's policy has script-src-elem, it rules the loader and chatra.js: the same go there
    // (Astro puts 'self' into it only while there is no default-kind source, which the line above adds).
    if (elementScoped) {
      if (defaults.length === 0 && !elements.includes("'self'")) resources.push({ resource: "'self'", kind: 'element' });
      resources.push({ resource: CHATRA_SCRIPT_SOURCE, kind: 'element' });
    }
    additions.scriptDirective = { ...additions.scriptDirective, resources };
  }
  return csp === true ? { algorithm: 'SHA-256', ...additions } : additions;
}

/** Astro 5's CSP is an experiment (`experimental.csp`) this integration doesn't read: what that leaves to the site. */
export function unreadPolicyWarning(config: object): string | undefined {
  if (!(config as { experimental?: { csp?: unknown } }).experimental?.csp) return undefined;
  return (
    'experimental.csp (Astro 5) is not read by this integration: it adds no hashes there. Allow https://call.chatra.io in script-src ' +
    "and, with chatra.consent, the inline bootstrap's hash yourself, or use Astro 6+'s security.csp."
  );
}

/**
 * Whether the site's policy lets a page load a stylesheet (or a script) from the site itself:
 * Astro's default source is 'self', which any source the site writes replaces; where the site scopes
 * sources to elements, `style-src-elem` rules (with 'self' in it while there is no default-kind source).
 */
function allowsOwnFiles(directive: Directive): boolean {
  const { defaults, elements, elementScoped } = sourcesOf(directive);
  if (defaults.length === 0) return true;
  return (elementScoped ? elements : defaults).includes("'self'");
}

/** Whether the site's policy lets a page load a stylesheet from the site itself. */
export function allowsOwnStylesheets(csp: Csp): boolean {
  return !csp || csp === true || allowsOwnFiles(csp.styleDirective);
}

/**
 * A policy that allows no script from the site itself blocks the loader, a file of the site's
 * (the WhatsApp button then shows): what the build says, with the two ways to allow it. Under
 * 'strict-dynamic' the hashed bootstrap adds the loader, which the policy then trusts.
 */
export function blockedLoaderWarning(csp: Csp, loadsChatra: boolean): string | undefined {
  if (!loadsChatra || !csp || csp === true || csp.scriptDirective?.strictDynamic) return undefined;
  const { defaults, elements, elementScoped } = sourcesOf(csp.scriptDirective);
  // No source of the site's: 'self' is added (cspAdditions).
  if (defaults.length === 0) return undefined;
  if (defaults.includes("'self'") && (!elementScoped || elements.includes("'self'"))) return undefined;
  return (
    "security.csp.scriptDirective.resources has no 'self'" +
    (elementScoped ? ' among its element-scoped sources' : '') +
    ", so the Chatra widget's loader (a file of your site) is blocked and the WhatsApp button shows instead. " +
    `Add "'self'" to scriptDirective.resources${elementScoped ? " (as { resource: \"'self'\", kind: 'element' })" : ''}, or set scriptDirective.strictDynamic: true.`
  );
}

/**
 * Lets Chatra's frame and requests through a site's policy, widening no more than that: Chatra's
 * hosts go into `frame-src`, `child-src` and `connect-src` where the site wrote them; where it
 * didn't, but restricts what they fall back to (`child-src`, `default-src`), the directive is
 * added, seeded with that fallback's sources, so everything else keeps the site's rule.
 * `default-src` itself is never widened (that would open every kind of resource to Chatra's
 * hosts), and nothing is added when the site restricts nothing. A source list of 'none' is the
 * site's decision: left alone and reported.
 */
export function widenDirectives(directives: readonly string[]): { directives: string[]; closed: string[] } {
  const closed = new Set<string>();
  const parsed = directives.map((directive) => {
    const [name, ...sources] = directive.trim().split(/\s+/);
    return { name: name.toLowerCase(), sources };
  });
  const find = (name: string) => parsed.find((directive) => directive.name === name);
  const widened = directives.map((directive, index) => {
    const { name, sources } = parsed[index];
    // Own keys only: a directive the site named `constructor` is not a table entry.
    const needed = Object.hasOwn(CHATRA_SOURCES, name) ? CHATRA_SOURCES[name] : undefined;
    if (!needed) return directive;
    if (sources.includes("'none'")) {
      closed.add(name);
      return directive;
    }
    const missing = needed.filter((source) => !sources.includes(source));
    return missing.length ? [directive.trim().split(/\s+/)[0], ...sources, ...missing].join(' ') : directive;
  });
  for (const [name, fallbacks] of Object.entries(FALLBACKS)) {
    if (find(name)) continue;
    const fallback = fallbacks.map(find).find(Boolean);
    // A frame falls back to child-src, which is widened above: nothing to add.
    if (!fallback || fallback.name === 'child-src') continue;
    if (fallback.sources.includes("'none'")) {
      closed.add(name);
      continue;
    }
    widened.push([name, ...fallback.sources, ...CHATRA_SOURCES[name].filter((source) => !fallback.sources.includes(source))].join(' '));
  }
  return { directives: widened, closed: [...closed] };
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

/**
 * What the site's own policy means for the kit, worked out once: the directives Chatra needs are
 * widened in place (widenSiteDirectives), and the warnings say what can't work; the loader is added
 * by the inline script where the policy is 'strict-dynamic'; the stylesheet is inline where the site
 * inlines its own, or where its policy allows no stylesheet from the site itself (then by its hash).
 */
export function sitePolicy(
  config: Pick<AstroConfig, 'security' | 'build'>,
  loadsChatra: boolean,
): { warnings: string[]; insertLoader: boolean; inlineStylesheet: boolean } {
  const csp = config.security.csp;
  const closed = loadsChatra ? widenSiteDirectives(csp) : [];
  const warnings = closed.map(
    (name) =>
      `security.csp.directives: ${name} is 'none', so the Chatra widget can't work; the WhatsApp button will show instead. ` +
      `To have the widget, write ${name} without 'none' (the integration adds Chatra's sources to it); without the widget, leave out \`chatra\`.`,
  );
  for (const warning of [unreadPolicyWarning(config), blockedLoaderWarning(csp, loadsChatra)]) if (warning) warnings.push(warning);
  return {
    warnings,
    insertLoader: typeof csp === 'object' && csp.scriptDirective?.strictDynamic === true,
    inlineStylesheet: config.build.inlineStylesheets === 'always' || !allowsOwnStylesheets(csp),
  };
}
