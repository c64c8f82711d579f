/**
 * The browser suite's sites: one fixture (test/fixtures/browser-site) built once per configuration,
 * each under its own `base`, by global-setup.ts before any browser test file runs.
 */
import type { AstroInlineConfig } from 'astro';
import type { ChatraWhatsAppOptions } from 'astro-chatra-whatsapp';

export const LINK = 'https://wa.me/message/4O4YGZEG3RIVE1';
export const CHATRA_ID = 'DemoChatraId2026';
/**
 * fallback.timeout of the sites whose tests wait for it to pass (`fast-fallback`, the greeting's):
 * short, so a failed widget shows the WhatsApp button soon.
 */
export const TIMEOUT = 1500;
/**
 * fallback.timeout of the other sites: room for a busy machine. The loader gives up on a page it
 * reaches later than this after navigation started, so a test that waits for `ready` must not
 * depend on a 2-core CI machine reaching it within 1.5 s.
 */
export const ROOMY_TIMEOUT = 6000;

export const GREETING = {
  text: 'Hi 👋 Any questions? We answer on WhatsApp',
  afterSeconds: 1,
  name: 'Acme',
  avatar: '/avatar.svg',
  note: 'Typically replies within an hour',
};
export const GREETING_RU = 'Здравствуйте! Есть вопросы? Ответим в WhatsApp';

const chatra = (load: 'eager' | 'idle' | 'interaction', extra: object = {}) => ({ id: CHATRA_ID, load, ...extra });
export const SITES: Record<string, { options: Partial<ChatraWhatsAppOptions>; config?: AstroInlineConfig }> = {
  eager: { options: { chatra: chatra('eager') } },
  idle: { options: { chatra: chatra('idle'), texts: { autoMessage: { text: 'Hi! {whatsapp}', afterSeconds: 0 } } } },
  interaction: { options: { chatra: chatra('interaction') } },
  // A page without the widget among pages with it (reached by <ClientRouter />).
  'router-exclude': { options: { chatra: chatra('eager', { exclude: ['/router/two/'] }) } },
  // The same with a short fallback.timeout: a visit that starts on the page without the widget and stays past it.
  'router-exclude-fast': { options: { chatra: chatra('eager', { exclude: ['/router/two/'] }), fallback: { timeout: TIMEOUT } } },
  // The site's own interface language for pages in a language Chatra doesn't have.
  'router-language': { options: { chatra: chatra('eager', { setup: { language: 'de' } }) } },
  // For the tests that wait for fallback.timeout to pass (chatra.js that never answers, no loader at all).
  'fast-fallback': { options: { chatra: chatra('idle'), fallback: { timeout: TIMEOUT } } },
  // No floating WhatsApp button: nothing takes the stand-in's place when the widget fails.
  'no-floating': { options: { chatra: chatra('idle'), fallback: { timeout: TIMEOUT, floating: false } } },
  // With an automatic message: the loader that carries both consent's code and the auto message's.
  consent: {
    options: {
      chatra: chatra('eager', { consent: { event: 'consent:chat' } }),
      texts: { autoMessage: { text: 'Hi! {whatsapp}', afterSeconds: 0 } },
    },
  },
  // Consent with the split loader (each loader carries consent's code only where the build asks for consent).
  // /router/two/ without the widget: a <ClientRouter /> visit that passes through it brings the bootstrap back.
  'consent-interaction': { options: { chatra: chatra('interaction', { consent: true, exclude: ['/router/two/'] }) } },
  csp: { options: { chatra: chatra('eager') }, config: { security: { csp: true } } },
  'csp-strict-dynamic': {
    // /second/ without the widget: the analytics listener alone, inline, allowed by its hash.
    // `interaction`: the loader's chat part comes by import() when the visitor acts, trusted as the loader is, and
    // chatra.js is preloaded beside it (a preload the script made: 'strict-dynamic' trusts it too).
    options: { chatra: chatra('interaction', { exclude: ['/second/'] }) },
    config: { security: { csp: { scriptDirective: { strictDynamic: true } } } },
  },
  // Consent where the bootstrap adds the loader: it holds consent given early, and the loader nothing before it.
  // With `idle`: once consent is given, the widget waits for the browser's idle time (`consent` has `eager`'s loader).
  'consent-strict-dynamic': {
    options: { chatra: chatra('idle', { consent: { event: 'consent:chat' } }) },
    config: { security: { csp: { scriptDirective: { strictDynamic: true } } } },
  },
  // Element-scoped sources (Astro 7.3): Astro writes script-src-elem, which rules the loader and chatra.js.
  'csp-element': {
    options: { chatra: chatra('eager') },
    config: { security: { csp: { scriptDirective: { resources: ["'self'", { resource: "'self'", kind: 'element' }] } } } },
  },
  // The same with `interaction`: script-src-elem rules the chat part's import() and the preload of chatra.js too.
  // With an automatic message: the chat part that sends one (only a build with one gets that code).
  'csp-element-interaction': {
    options: { chatra: chatra('interaction'), texts: { autoMessage: { text: 'Hi! {whatsapp}', afterSeconds: 0 } } },
    config: { security: { csp: { scriptDirective: { resources: ["'self'", { resource: "'self'", kind: 'element' }] } } } },
  },
  // The chat stand-in centred at the bottom, where Chatra's button goes with this setting.
  'facade-centred': { options: { chatra: chatra('interaction', { setup: { buttonPosition: 'bc' } }) } },
  always: { options: { chatra: chatra('eager'), fallback: { floating: 'always' } } },
  'mobile-only': { options: { fallback: { devices: 'mobile', offset: { x: 30, y: 90 }, mobileOffset: { x: 12, y: 72 } } } },
  qr: { options: { fallback: { qr: true } } },
  // A theme's fixed menu and footer: the button steps aside for the menu; room below the footer (and none, to compare).
  room: { options: { fallback: { hideWhen: '.menu-open' } } },
  'no-room': { options: { fallback: { room: false } } },
  // A greeting beside the button, in the page's language, with the site's own picture.
  greeting: { options: { fallback: { timeout: TIMEOUT, greeting: GREETING }, locales: { ru: { greeting: GREETING_RU } } } },
  // A theme whose switch puts .theme-dark on <html> and only removes it for light (as Astro's portfolio example, Tailwind's .dark).
  'dark-class': { options: { fallback: { timeout: TIMEOUT, greeting: GREETING }, darkWhen: '.theme-dark' } },
  'greeting-chatra': { options: { chatra: chatra('eager'), fallback: { timeout: TIMEOUT, greeting: GREETING } } },
  // Two phone numbers, one the beginning of the other: each link must stay its own.
  prefix: {
    options: {
      whatsapp: [
        { label: 'Sales', phone: '+49 30 1234567', text: 'Sales: {title}' },
        { label: 'Support', phone: '+49 30 12345678', text: 'Support: {title}' },
      ],
      chatra: chatra('eager'),
    },
  },
  contacts: {
    options: {
      whatsapp: [
        { label: 'Sales', link: LINK },
        { label: 'Support', phone: '+49 30 1234567', text: 'Help with {title}' },
      ],
      chatra: chatra('eager'),
    },
  },
};
