/**
 * Dark where the site is dark: the greeting's colours, and `<WhatsAppButton theme="auto">`'s. Written
 * here once, per site, because only the site owner knows how the site marks its dark theme.
 */
import { CLASS } from '../shared/dom.ts';

/**
 * Without `darkWhen`: the markers most sites use on `<html>` (Starlight's `data-theme`, Tailwind's
 * `.dark`), and the visitor's system setting where the page carries none of them.
 */
const KNOWN_DARK = "[data-theme='dark'],.dark";
const KNOWN_ANY = "[data-theme='light'],[data-theme='dark'],.light,.dark";

/** Each themed part's dark look: its selector and declarations. */
const DARK_LOOKS = {
  greeting: [[`.${CLASS.greeting}`, 'background:#1f2c34;color:#e9edef']],
  autoButton: [
    [`.${CLASS.auto}`, 'background:#25d366;color:#0b1f16'],
    [`.${CLASS.auto}:hover`, 'background:#4ade80;color:#0b1f16'],
  ],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;

/**
 * The dark rules of `part`. With `darkWhen` (a selector checked at config time) the page is dark
 * exactly when `<html>` or `<body>` matches it: a site whose switch only removes its dark class (as
 * Tailwind's does) is light then, whatever the visitor's system says.
 */
export function darkThemeCss(part: keyof typeof DARK_LOOKS, darkWhen: string | undefined): string {
  const rules = (scope: string) => DARK_LOOKS[part].map(([selector, declarations]) => `${scope} ${selector}{${declarations}}`).join('');
  if (darkWhen) return rules(`:is(:root,body):is(${darkWhen})`);
  return rules(`:root:is(${KNOWN_DARK})`) + `@media (prefers-color-scheme:dark){${rules(`:root:not(${KNOWN_ANY})`)}}`;
}
