/**
 * The DOM contract has one spelling, in shared/dom.ts. The markup imports it, the client scripts
 * import it when the package is made; the stylesheets can't import, so this reads them (and
 * everything else that ships) for any class, state or id the contract doesn't name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GREETING_LIFT } from '../../../integration/config/placement-css.ts';
import { FLOATING_DEFAULTS, GREETING_DEFAULTS } from '../../../integration/config/schema.ts';
import {
  AUTO_MESSAGE_SENT_KEY,
  CLASS,
  CUSTOM_PROPERTIES,
  GREETING_KEYFRAMES,
  LATE_KEYFRAMES,
  LOADER_ID,
  OPENS_CHAT,
  PAGE_DATA_ID,
  STATE_ATTRIBUTE,
  STATES,
  UNTIL_CHATRA_HIDDEN_IN,
} from '../../../integration/shared/dom.ts';
import * as dom from '../../../integration/shared/dom.ts';

const root = new URL('../../../integration/', import.meta.url);
const read = (folder: string, extension: string) =>
  readdirSync(new URL(folder, root))
    .filter((name) => name.endsWith(extension))
    .map((name) => ({ name: `${folder}${name}`, text: readFileSync(new URL(`${folder}${name}`, root), 'utf8') }));

const stylesheets = read('styles/', '.css');
const scripts = read('client/', '.js');
const shipped = [
  ...stylesheets,
  ...scripts,
  ...read('components/', '.astro'),
  ...read('config/', '.ts').filter((file) => file.name !== 'config/minified.ts'),
  ...read('shared/', '.ts').filter((file) => file.name !== 'shared/dom.ts'),
  ...read('runtime/', '.ts'),
  ...read('markdown/', '.ts'),
  ...read('toolbar/', '.ts'),
  ...read('', '.ts'),
];

describe('one spelling of the DOM contract', () => {
  test('every acw- name in what ships is a class or custom property of the contract', () => {
    const known = new Set<string>([
      ...Object.values(CLASS),
      ...Object.values(CUSTOM_PROPERTIES).map((name) => name.slice(2)),
      LATE_KEYFRAMES,
      ...GREETING_KEYFRAMES,
    ]);
    const unknown = shipped.flatMap((file) =>
      [...file.text.matchAll(/(?<![\w-])acw-[a-z][a-z-]*/g)].filter(([name]) => !known.has(name)).map(([name]) => `${file.name}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  test("the states floating.css hides an 'until-chatra' button in are the contract's UNTIL_CHATRA_HIDDEN_IN", () => {
    const floating = stylesheets.find((file) => file.name === 'styles/floating.css')!.text;
    const hidden = [...floating.matchAll(new RegExp(`html\\[${STATE_ATTRIBUTE}='(\\w+)'\\] \\.${CLASS.untilChatra}[,\\s{]`, 'g'))].map(
      (match) => match[1],
    );
    expect(hidden.sort()).toEqual([...UNTIL_CHATRA_HIDDEN_IN].sort());
  });

  test('the stylesheets select only the contract’s states', () => {
    const used = stylesheets.flatMap((file) =>
      [...file.text.matchAll(new RegExp(`${STATE_ATTRIBUTE}=["']?(\\w+)`, 'g'))].map((match) => match[1]),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((state) => !(STATES as readonly string[]).includes(state))).toEqual([]);
  });

  test('the client scripts set and compare only the contract’s states', () => {
    const used = scripts.flatMap((file) =>
      [...file.text.matchAll(/(?:setState\(|state [!=]== |setAttribute\(STATE_ATTRIBUTE, )'(\w+)'/g)].map((match) => match[1]),
    );
    expect(used).toEqual(expect.arrayContaining(['ready', 'failed', 'loading', 'consent']));
    expect(used.filter((state) => !(STATES as readonly string[]).includes(state))).toEqual([]);
  });

  test('the client scripts import the contract’s names instead of writing them', () => {
    // In code, not in the comments that explain it.
    const code = scripts.map((file) => ({ ...file, text: file.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') }));
    // Every string the contract spells, as a string in code ('chat' too: the contract's short names
    // would match words, their quoted forms only the name). Not the states: the scripts write them,
    // and the test above holds them to the contract's.
    const states: readonly string[] = STATES;
    const strings = Object.values(dom)
      .flatMap((value) =>
        typeof value === 'string'
          ? [value]
          : Array.isArray(value)
            ? value.filter((item) => typeof item === 'string')
            : typeof value === 'object'
              ? Object.values(value)
              : [],
      )
      .filter((name) => !states.includes(name));
    expect(strings).toEqual(
      expect.arrayContaining([STATE_ATTRIBUTE, PAGE_DATA_ID, LOADER_ID, AUTO_MESSAGE_SENT_KEY, CLASS.facade, OPENS_CHAT]),
    );
    const spelled = code.flatMap((file) =>
      strings
        .filter((name) => [`'${name}'`, `"${name}"`].some((quoted) => file.text.includes(quoted)))
        .map((name) => `${file.name} spells '${name}'`),
    );
    expect(spelled).toEqual([]);
  });

  test('floating.css falls back to the defaults the schema and the placement CSS use', () => {
    const floating = stylesheets.find((file) => file.name === 'styles/floating.css')!.text;
    const sides = stylesheets.find((file) => file.name === 'styles/sides.css')!.text;
    expect(sides).toContain(`var(--acw-x, ${FLOATING_DEFAULTS.x}px)`);
    expect(sides).not.toMatch(new RegExp(`var\\(--acw-x, (?!${FLOATING_DEFAULTS.x}px)`));
    expect(floating).toContain(`var(--acw-y, ${FLOATING_DEFAULTS.y}px)`);
    expect(floating).toContain(`var(--acw-z, ${FLOATING_DEFAULTS.zIndex})`);
    expect(floating).toContain(`var(--acw-timeout, ${FLOATING_DEFAULTS.timeout / 1000}s)`);
    const greeting = stylesheets.find((file) => file.name === 'styles/greeting.css')!.text;
    expect(greeting).toContain(`var(--acw-greet-after, ${GREETING_DEFAULTS.afterSeconds}s)`);
    expect(greeting).not.toMatch(new RegExp(`var\\(--acw-greet-after, (?!${GREETING_DEFAULTS.afterSeconds}s)`));
    // What stands above the button (the greeting, a disclosure's panel) clears it by the lift the placement CSS uses.
    expect(greeting).toContain(`bottom: calc(var(--acw-y, ${FLOATING_DEFAULTS.y}px) + ${GREETING_LIFT}px)`);
    expect(stylesheets.find((file) => file.name === 'styles/disclosure.css')!.text).toContain(`bottom: ${GREETING_LIFT}px`);
  });
});
