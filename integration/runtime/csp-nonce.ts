/**
 * The nonces a page's own Content-Security-Policy header gives (pure, so the rules are tested
 * apart from Astro). A site whose middleware makes a policy with a nonce per request (with
 * 'strict-dynamic', the strict policy most guides give) allows only the scripts that carry it:
 * the kit's scripts carry it too, and its stylesheet the styles' nonce. The header is the site's
 * own (its middleware runs inside ours), never the visitor's.
 */

/** A nonce source, its value base64 or base64url (https://w3c.github.io/webappsec-csp/#grammardef-nonce-source). */
const NONCE_SOURCE = /^'nonce-([A-Za-z0-9+/_=-]+)'$/i;

/** Which directive rules an element, most specific first (https://w3c.github.io/webappsec-csp/#directive-fallback-list). */
const SCRIPT_DIRECTIVES = ['script-src-elem', 'script-src', 'default-src'];
const STYLE_DIRECTIVES = ['style-src-elem', 'style-src', 'default-src'];

export interface PolicyNonces {
  script?: string;
  style?: string;
}

/** The script and style nonces of the response's policy, if it names any. */
export function policyNonces(headers: Headers): PolicyNonces | undefined {
  const header = headers.get('content-security-policy');
  if (!header) return undefined;
  // Several headers come joined by commas, a policy each; a site gives one nonce per response.
  const policies = header.split(',').map(directivesOf);
  const script = firstNonce(policies, SCRIPT_DIRECTIVES);
  const style = firstNonce(policies, STYLE_DIRECTIVES);
  return script || style ? { ...(script && { script }), ...(style && { style }) } : undefined;
}

function directivesOf(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/[\t\n\f\r ]+/);
    // A directive named twice: the first counts.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function firstNonce(policies: Map<string, string[]>[], fallbacks: string[]): string | undefined {
  for (const directives of policies) {
    const sources = fallbacks.map((name) => directives.get(name)).find((found) => found !== undefined);
    for (const source of sources ?? []) {
      const nonce = NONCE_SOURCE.exec(source)?.[1];
      if (nonce) return nonce;
    }
  }
  return undefined;
}
