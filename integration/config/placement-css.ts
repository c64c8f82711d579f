import { CLASS, CUSTOM_PROPERTIES, GREETING_ROOM_PROPERTY, STATE_ATTRIBUTE, UNTIL_CHATRA_HIDDEN_IN } from '../shared/dom.ts';
import type { ResolvedOptions } from './resolve.ts';
import { CHATRA_BUTTON_DEFAULTS, FLOATING_DEFAULTS, GREETING_DEFAULTS } from './schema.ts';
import { darkThemeCss } from './theme-css.ts';
import { minifiedStylesheets } from './minified.ts';

/** How far above the button's bottom offset the greeting stands (greeting.css's `bottom`, disclosure.css's panel: a test holds them together). */
export const GREETING_LIFT = 68;

/** CSS for this build's positions and colours, appended to the shared button stylesheet. */
export function placementCss(options: ResolvedOptions): string {
  const { fallback, chatra } = options;
  const size = chatra?.setup.buttonSize ?? CHATRA_BUTTON_DEFAULTS.size;
  const facadePosition = chatra?.setup.buttonPosition ?? CHATRA_BUTTON_DEFAULTS.position;
  const colors = chatra?.setup.colors ?? {};
  // Custom properties, so a site can move the button itself (say, while its cookie banner shows).
  // floating.css falls back to the defaults: only other values are written.
  const { x, y, zIndex, timeout } = FLOATING_DEFAULTS;
  let css = customProperties(
    { x: fallback.offset.x, y: fallback.offset.y, z: fallback.zIndex, timeout: fallback.timeout },
    { x, y, z: zIndex, timeout },
  );
  if (fallback.greeting) {
    if (fallback.greeting.afterSeconds !== GREETING_DEFAULTS.afterSeconds)
      css += `:root{${CUSTOM_PROPERTIES.greetAfter}:${fallback.greeting.afterSeconds}s}`;
    css += darkThemeCss('greeting', options.darkWhen);
  }
  if (fallback.mobileOffset) {
    const { x: mobileX = fallback.offset.x, y: mobileY = fallback.offset.y } = fallback.mobileOffset;
    css += `@media (max-width:640px){${customProperties({ x: mobileX, y: mobileY })}}`;
  }
  // By media features, not user agents: a fine pointer that hovers is a desktop.
  // The greeting goes where its button goes.
  const floatingParts = fallback.greeting ? `.${CLASS.floating},.${CLASS.greeting}` : `.${CLASS.floating}`;
  if (fallback.devices === 'mobile') css += `@media (hover:hover) and (pointer:fine){${floatingParts}{display:none}}`;
  if (fallback.devices === 'desktop') css += `@media (hover:none),(pointer:coarse){${floatingParts}{display:none}}`;
  // With floating: 'always', the WhatsApp button stacks above Chatra's button (round, or its tab)
  // when both share a bottom corner; where Chatra shows none (the site's own, hidden, a frame in the
  // page) it keeps its place. Chatra places its button by physical corner; ours at the reading end
  // follows the page's direction, so whether they share one may depend on it.
  const chatraButton = chatra && !chatra.setup.customWidgetButton && !chatra.setup.startHidden && chatra.setup.mode !== 'frame';
  const chatraCorner = ['br', 'rb'].includes(facadePosition) ? 'right' : ['bl', 'lb'].includes(facadePosition) ? 'left' : undefined;
  // The greeting stands this far above the window's bottom offset (greeting.css), higher when stacked.
  const stacked = fallback.floating === 'always' && chatraButton && chatraCorner;
  const greetingLift = GREETING_LIFT + (stacked ? size + 16 : 0);
  if (stacked) {
    const stack = [`.${CLASS.floating}{bottom:calc(var(${CUSTOM_PROPERTIES.y},${y}px) + ${size + 16}px)}`];
    if (fallback.greeting) stack.push(`.${CLASS.greeting}{bottom:calc(var(${CUSTOM_PROPERTIES.y},${y}px) + ${greetingLift}px)}`);
    for (const [scope, side] of Object.entries(sidesByDirection(fallback.position))) {
      if (side === chatraCorner) css += stack.map((rule) => (scope ? `${scope} ${rule}` : rule)).join('');
    }
  }
  // Out of the way while the page shows something of its own there: an open <dialog>, and what
  // the owner names (an open menu, a cookie banner).
  css += `:root:has(${['dialog[open]', ...fallback.hideWhen].join(',')}) .${CLASS.region}{display:none}`;
  // Room below the page's last content, so the button never covers it (a footer's links).
  if (fallback.room) {
    const room = `calc(var(${CUSTOM_PROPERTIES.y},${y}px) + 64px)`;
    css += `.${CLASS.region}{height:${room}}`;
    // And for the open greeting: its height as the greeting script measures it, above its live
    // offset (a site's --acw-y, a narrow window's); not while the widget's state hides it (an
    // 'until-chatra' greeting once the widget is ready). Unmeasured (its fallback cancels the lift),
    // the button's room.
    if (fallback.greeting) {
      const hiding = UNTIL_CHATRA_HIDDEN_IN.map((state) => `[${STATE_ATTRIBUTE}=${state}]`).join(',');
      const open = `.${CLASS.region}:has(> .${CLASS.greeting}[open]`;
      const greetingRoom = `calc(var(${CUSTOM_PROPERTIES.y},${y}px) + ${greetingLift + 8}px + var(${GREETING_ROOM_PROPERTY},-${greetingLift + 8}px))`;
      css += `${open}:not(.${CLASS.untilChatra})),:root:not(${hiding}) ${open}){height:max(${room},${greetingRoom})}`;
    }
  }
  if (chatra?.facade) {
    css +=
      `.${CLASS.facade}{width:${size}px;height:${size}px;z-index:${chatra.setup.zIndex ?? CHATRA_BUTTON_DEFAULTS.zIndex};${facadePlacement(facadePosition)}` +
      `background:${colors.buttonBg ?? CHATRA_BUTTON_DEFAULTS.background};color:${colors.buttonText ?? CHATRA_BUTTON_DEFAULTS.color}}`;
  }
  return css;
}

/** The rule of styles/sides.css for the side class `side` (its one spelling). */
export function sideRule(side: string): string {
  const rule = minifiedStylesheets.sides.split('}').find((text) => text.startsWith(`.${side}{`));
  if (!rule) throw new Error(`styles/sides.css has no rule for .${side}`);
  return `${rule}}`;
}

/** `:root{--acw-x:…}` for the values that differ from `unchanged`. */
function customProperties(
  values: Partial<Record<'x' | 'y' | 'z' | 'timeout', number>>,
  unchanged: Partial<Record<'x' | 'y' | 'z' | 'timeout', number>> = {},
): string {
  const set = (Object.entries(values) as ['x' | 'y' | 'z' | 'timeout', number][])
    .filter(([name, value]) => value !== unchanged[name])
    .map(
      ([name, value]) => `${CUSTOM_PROPERTIES[name]}:${name === 'timeout' ? `${value / 1000}s` : `${value}${name === 'z' ? '' : 'px'}`}`,
    );
  return set.length ? `:root{${set.join(';')}}` : '';
}

/** The floating button's physical side: on every page ('' scope), or per direction. */
function sidesByDirection(position: ResolvedOptions['fallback']['position']): Record<string, 'left' | 'right'> {
  if (position === 'bottom-right') return { '': 'right' };
  if (position === 'bottom-left') return { '': 'left' };
  const end = position === 'bottom-end';
  return { ':root:not([dir=rtl])': end ? 'right' : 'left', ':root[dir=rtl]': end ? 'left' : 'right' };
}

/**
 * Where Chatra draws its button for `buttonPosition` (edge, then where along it), `inset` px from the
 * edges. Centred by `translate`, which the hover's `scale` leaves alone (a `transform` would be replaced).
 */
function facadePlacement(position: string): string {
  const [edge, along] = position.split('');
  const inset = `${CHATRA_BUTTON_DEFAULTS.inset}px`;
  if (edge === 'b') {
    return along === 'c' ? `bottom:${inset};left:50%;translate:-50% 0;` : `bottom:${inset};${along === 'l' ? 'left' : 'right'}:${inset};`;
  }
  const side = `${edge === 'l' ? 'left' : 'right'}:${inset};`;
  return side + (along === 't' ? `top:${inset};` : along === 'm' ? 'top:50%;translate:0 -50%;' : `bottom:${inset};`);
}
