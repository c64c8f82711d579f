/**
 * The bad-config catalogue: options a site owner might write, the option path the error must
 * name, and a word of the fix its hint must contain.
 */
export interface BadConfigCase {
  name: string;
  options: unknown;
  /** Astro config beside the integration (e.g. i18n). */
  site?: Record<string, unknown>;
  path: string;
  hint: RegExp;
}

const link = 'https://wa.me/message/4O4YGZEG3RIVE1';
const chatra = { id: 'DemoChatraId2026' };

export const badConfigCases: BadConfigCase[] = [
  { name: 'no options (what astro add writes)', options: undefined, path: 'whatsapp', hint: /chatraWhatsApp\(\{ whatsapp:/ },
  { name: 'empty object', options: {}, path: 'whatsapp', hint: /short link/ },
  // `whatsapp` mistyped: the stray key is named, not just the missing one.
  { name: 'whatsapp mistyped', options: { whatsap: link }, path: 'whatsap', hint: /Did you mean "whatsapp"/ },
  { name: 'whatsapp in another case', options: { WhatsApp: link, chatra }, path: 'WhatsApp', hint: /Did you mean "whatsapp"/ },
  // A stray key that is no typo of it: the missing `whatsapp` is the error to fix first.
  { name: 'no whatsapp, a stray key', options: { chatra, colour: 'green' }, path: 'whatsapp', hint: /short link/ },
  // A phone number where a link goes: said as such, the fix written with the number given.
  {
    name: 'a phone number as a string',
    options: { whatsapp: '+7 900 123-45-67' },
    path: 'whatsapp',
    hint: /whatsapp: \{ phone: "\+7 900 123-45-67" \}/,
  },
  // A required option that is missing: the schema's own hint for it (required() in schema.ts).
  {
    name: 'a greeting without its text',
    options: { whatsapp: link, fallback: { greeting: { name: 'Acme' } } },
    path: 'fallback.greeting.text',
    hint: /greeting: \{ text: "Hi/,
  },
  {
    name: "a greeting's picture from another site",
    options: { whatsapp: link, fallback: { greeting: { text: 'Hi', avatar: 'https://cdn.example/team.jpg' } } },
    path: 'fallback.greeting.avatar',
    hint: /\/team\.jpg|public/,
  },
  {
    name: "a greeting's picture that is not in public/",
    options: { whatsapp: link, fallback: { greeting: { text: 'Hi', avatar: '/no-such-picture.jpg' } } },
    path: 'fallback.greeting.avatar',
    hint: /Put the picture in public\//,
  },
  {
    name: 'a greeting with no floating button to stand beside',
    options: { whatsapp: link, fallback: { floating: false, greeting: { text: 'Hi' } } },
    path: 'fallback.greeting',
    hint: /fallback\.floating/,
  },
  {
    name: 'a greeting in one language without a greeting',
    options: { whatsapp: link, texts: { greeting: 'Hallo' } },
    path: 'texts.greeting',
    hint: /fallback: \{ greeting: \{ text:/,
  },
  {
    name: 'hideWhen that ends a rule',
    options: { whatsapp: link, fallback: { hideWhen: '.menu-open} body{display:none' } },
    path: 'fallback.hideWhen',
    hint: /CSS selector/,
  },
  {
    name: 'hideWhen not a selector',
    options: { whatsapp: link, fallback: { hideWhen: ['.ok', 'div >'] } },
    path: 'fallback.hideWhen.1',
    hint: /CSS selector/,
  },
  {
    name: 'hideWhen with markup',
    options: { whatsapp: link, fallback: { hideWhen: '</style><script>' } },
    path: 'fallback.hideWhen',
    hint: /CSS selector/,
  },
  {
    name: 'darkWhen that leaves its rule',
    options: { whatsapp: link, darkWhen: '.dark{} :root' },
    path: 'darkWhen',
    hint: /matches <html> \(or <body>\) while the site is dark/,
  },
  {
    name: 'darkWhen naming an element, its dot forgotten',
    options: { whatsapp: link, darkWhen: 'dark' },
    path: 'darkWhen',
    hint: /matches <html> \(or <body>\)/,
  },
  {
    name: 'darkWhen naming a pseudo-element',
    options: { whatsapp: link, darkWhen: 'html.dark::before' },
    path: 'darkWhen',
    hint: /matches <html> \(or <body>\)/,
  },
  { name: 'chatra without its id', options: { whatsapp: link, chatra: { load: 'eager' } }, path: 'chatra.id', hint: /API keys/ },
  { name: 'a message without a phone', options: { whatsapp: { text: 'Hi' } }, path: 'whatsapp.phone', hint: /international form/ },
  { name: 'a contact without a label', options: { whatsapp: [{ link }] }, path: 'whatsapp.0.label', hint: /Name each contact/ },
  {
    name: 'autoMessage without its text',
    options: { whatsapp: link, chatra, texts: { autoMessage: { afterSeconds: 5 } } },
    path: 'texts.autoMessage.text',
    hint: /Add the message/,
  },
  {
    name: 'consent with a wrong event name',
    options: { whatsapp: link, chatra: { ...chatra, consent: { event: '1 bad' } } },
    path: 'chatra.consent.event',
    hint: /event name/,
  },
  { name: 'whatsapp is a number', options: { whatsapp: 79001234567 }, path: 'whatsapp', hint: /phone/ },
  { name: 'empty short link', options: { whatsapp: '' }, path: 'whatsapp', hint: /wa\.me\/message/ },
  { name: 'short link without code', options: { whatsapp: 'https://wa.me/message/' }, path: 'whatsapp', hint: /Short link/ },
  { name: 'code with a dash', options: { whatsapp: 'https://wa.me/message/ABC-DEF' }, path: 'whatsapp', hint: /wa\.me\/message/ },
  { name: 'javascript: scheme', options: { whatsapp: 'javascript:alert(1)' }, path: 'whatsapp', hint: /wa\.me\/message/ },
  { name: 'data: scheme', options: { whatsapp: 'data:text/html,<script>alert(1)</script>' }, path: 'whatsapp', hint: /wa\.me\/message/ },
  {
    name: 'look-alike host',
    options: { whatsapp: 'https://wa.me.evil.com/message/4O4YGZEG3RIVE1' },
    path: 'whatsapp',
    hint: /wa\.me\/message/,
  },
  {
    name: 'credentials before the host',
    options: { whatsapp: 'https://wa.me@evil.com/message/4O4YGZEG3RIVE1' },
    path: 'whatsapp',
    hint: /wa\.me\/message/,
  },
  {
    name: 'wa.me in the path of another host',
    options: { whatsapp: 'https://evil.com/wa.me/message/4O4YGZEG3RIVE1' },
    path: 'whatsapp',
    hint: /wa\.me\/message/,
  },
  {
    name: 'line break in the link',
    options: { whatsapp: 'https://wa.me/message/4O4YG\nZEG3RIVE1' },
    path: 'whatsapp',
    hint: /wa\.me\/message/,
  },
  { name: 'group invite', options: { whatsapp: 'https://chat.whatsapp.com/AbCdEf' }, path: 'whatsapp', hint: /Short link/ },
  { name: 'catalog link', options: { whatsapp: 'https://wa.me/c/491701234567' }, path: 'whatsapp', hint: /Short link/ },
  { name: 'channel link', options: { whatsapp: 'https://whatsapp.com/channel/0029VaABC' }, path: 'whatsapp', hint: /Short link/ },
  { name: 'prefilled text on a short link', options: { whatsapp: `${link}?text=hi` }, path: 'whatsapp', hint: /WhatsApp Business app/ },
  { name: 'phone without country code', options: { whatsapp: { phone: '900 123 45 67' } }, path: 'whatsapp.phone', hint: /country code/ },
  { name: 'phone with letters', options: { whatsapp: { phone: '+7 900 CALL-NOW' } }, path: 'whatsapp.phone', hint: /international form/ },
  { name: 'invalid phone number', options: { whatsapp: { phone: '+1 555 0100' } }, path: 'whatsapp.phone', hint: /international form/ },
  { name: 'unknown key in whatsapp', options: { whatsapp: { phone: '+49 30 1234567', txt: 'Hi' } }, path: 'whatsapp.txt', hint: /text/ },
  { name: 'unknown top-level key with a typo', options: { whatsapp: link, fallbak: {} }, path: 'fallbak', hint: /fallback/ },
  {
    name: 'an image in a text (a tracking pixel)',
    options: { whatsapp: link, texts: { offlineNote: 'Hi ![x](https://tracker.example/p.gif) {whatsapp}' } },
    path: 'texts.offlineNote',
    hint: /link to its address instead/,
  },
  {
    name: 'raw HTML in a text',
    options: { whatsapp: link, texts: { offlineNote: 'Hi <a href="javascript:alert(1)">x</a> {whatsapp}' } },
    path: 'texts.offlineNote',
    hint: /plain text/,
  },
  {
    name: 'a reference link to javascript:',
    options: { whatsapp: link, texts: { offlineNote: 'Hi [x][r] {whatsapp}\n\n[r]: javascript:alert(1)' } },
    path: 'texts.offlineNote',
    hint: /where it stands/,
  },
  {
    name: 'a no-break space between ] and (',
    options: { whatsapp: link, texts: { offlineNote: 'Write [us]\u00a0(https://example.com) or {whatsapp}' } },
    path: 'texts.offlineNote',
    hint: /Remove the space after "\[us\]"/,
  },
  {
    name: 'one clientId for every visitor',
    options: { whatsapp: link, chatra: { ...chatra, setup: { clientId: 'user-42' } } },
    path: 'chatra.setup.clientId',
    hint: /window\.ChatraSetup = \{ clientId/,
  },
  { name: 'chatra without id', options: { whatsapp: link, chatra: { load: 'idle' } }, path: 'chatra.id', hint: /id/ },
  {
    name: 'chatra.id of the wrong shape',
    options: { whatsapp: link, chatra: { id: 'not a key!' } },
    path: 'chatra.id',
    hint: /chatra\.id/,
  },
  {
    name: 'chatra.load unknown',
    options: { whatsapp: link, chatra: { ...chatra, load: 'lazy' } },
    path: 'chatra.load',
    hint: /"interaction"/,
  },
  { name: 'typo in chatra', options: { whatsapp: link, chatra: { ...chatra, lod: 'idle' } }, path: 'chatra.lod', hint: /load/ },
  {
    name: 'chatra.setup.locale (texts go in texts)',
    options: { whatsapp: link, chatra: { ...chatra, setup: { locale: {} } } },
    path: 'chatra.setup.locale',
    hint: /Options here|Did you mean/,
  },
  {
    name: 'chatra.setup.buttonPosition unknown',
    options: { whatsapp: link, chatra: { ...chatra, setup: { buttonPosition: 'top' } } },
    path: 'chatra.setup.buttonPosition',
    hint: /"br"/,
  },
  {
    name: 'chatra.setup.colors not hex',
    options: { whatsapp: link, chatra: { ...chatra, setup: { colors: { buttonBg: 'green' } } } },
    path: 'chatra.setup.colors.buttonBg',
    hint: /chatra\.setup\.colors\.buttonBg|hex/,
  },
  {
    name: 'consent event with a space',
    options: { whatsapp: link, chatra: { ...chatra, consent: { event: 'consent granted' } } },
    path: 'chatra.consent.event',
    hint: /./,
  },
  {
    name: 'texts: spaced link',
    options: { whatsapp: link, texts: { offlineNote: 'Ask [here] (https://example.com)' } },
    path: 'texts.offlineNote',
    hint: /Remove the space after "\[here\]"/,
  },
  {
    name: 'texts: javascript link',
    options: { whatsapp: link, texts: { welcome: '[x](javascript:alert(1))' } },
    path: 'texts.welcome',
    hint: /https:\/\//,
  },
  {
    name: 'texts: relative link',
    options: { whatsapp: link, texts: { welcome: 'See [prices](/prices)' } },
    path: 'texts.welcome',
    hint: /https:\/\//,
  },
  {
    name: 'texts: unknown customStrings key',
    options: { whatsapp: link, texts: { offlineNotice: 'x' } },
    path: 'texts.offlineNotice',
    hint: /offlineNote/,
  },
  { name: 'texts: empty linkLabel', options: { whatsapp: link, texts: { linkLabel: '' } }, path: 'texts.linkLabel', hint: /./ },
  {
    name: 'texts: linkLabel with brackets',
    options: { whatsapp: link, texts: { linkLabel: 'Chat [now]' } },
    path: 'texts.linkLabel',
    hint: /Remove/,
  },
  {
    name: 'texts: linkLabel with a line break',
    options: { whatsapp: link, texts: { linkLabel: 'Write\r\nus' } },
    path: 'texts.linkLabel',
    hint: /Remove/,
  },
  { name: 'texts.offlineNote is a number', options: { whatsapp: link, texts: { offlineNote: 42 } }, path: 'texts.offlineNote', hint: /./ },
  {
    name: 'autoMessage without text',
    options: { whatsapp: link, chatra, texts: { autoMessage: { afterSeconds: 5 } } },
    path: 'texts.autoMessage.text',
    hint: /./,
  },
  {
    name: 'autoMessage delay negative',
    options: { whatsapp: link, chatra, texts: { autoMessage: { text: 'Hi', afterSeconds: -1 } } },
    path: 'texts.autoMessage.afterSeconds',
    hint: /0/,
  },
  {
    name: 'locale not in the site i18n',
    options: { whatsapp: link, locales: { de: { linkLabel: 'Schreiben Sie uns' } } },
    site: { i18n: { defaultLocale: 'en', locales: ['en', 'ru'] } },
    path: 'locales.de',
    hint: /en, ru/,
  },
  {
    // Its pages are in the locale's first code: a key naming another would never be used.
    name: "a locale's second code",
    options: { whatsapp: link, locales: { 'ru-RU': { linkLabel: 'Пишите в WhatsApp' } } },
    site: { i18n: { defaultLocale: 'en', locales: ['en', { path: 'russian', codes: ['ru', 'ru-RU'] }] } },
    path: 'locales.ru-RU',
    hint: /locales: \{ "ru": /,
  },
  { name: 'locale key not a language tag', options: { whatsapp: link, locales: { русский: {} } }, path: 'locales.русский', hint: /./ },
  { name: 'one language under two keys', options: { whatsapp: link, locales: { ru: {}, RU: {} } }, path: 'locales.RU', hint: /"ru"/ },
  {
    name: 'locales: spaced link in ru',
    options: { whatsapp: link, locales: { ru: { offlineNote: 'Пишите [сюда] (https://example.com)' } } },
    path: 'locales.ru.offlineNote',
    hint: /Remove the space after "\[сюда\]"/,
  },
  { name: 'fallback.timeout too small', options: { whatsapp: link, fallback: { timeout: 10 } }, path: 'fallback.timeout', hint: /1000/ },
  {
    name: 'fallback.timeout too large',
    options: { whatsapp: link, fallback: { timeout: 600000 } },
    path: 'fallback.timeout',
    hint: /60000/,
  },
  {
    name: 'fallback.floating unknown',
    options: { whatsapp: link, fallback: { floating: 'sometimes' } },
    path: 'fallback.floating',
    hint: /until-chatra/,
  },
  {
    name: 'fallback.devices unknown',
    options: { whatsapp: link, fallback: { devices: 'tablet' } },
    path: 'fallback.devices',
    hint: /"mobile"/,
  },
  { name: 'fallback.offset negative', options: { whatsapp: link, fallback: { offset: { x: -5 } } }, path: 'fallback.offset.x', hint: /0/ },
  { name: 'contacts: an empty list', options: { whatsapp: [] }, path: 'whatsapp', hint: /short link/ },
  { name: 'contacts: a contact without label', options: { whatsapp: [{ link }] }, path: 'whatsapp.0.label', hint: /label: "Sales"/ },
  { name: 'contacts: neither link nor phone', options: { whatsapp: [{ label: 'Sales' }] }, path: 'whatsapp.0', hint: /phone/ },
  {
    name: 'contacts: both link and phone',
    options: { whatsapp: [{ label: 'Sales', link, phone: '+49 30 1234567' }] },
    path: 'whatsapp.0',
    hint: /one of them/,
  },
  {
    name: 'contacts: the same label twice',
    options: {
      whatsapp: [
        { label: 'Sales', link },
        { label: 'sales ', phone: '+49 30 1234567' },
      ],
    },
    path: 'whatsapp.1.label',
    hint: /own label/,
  },
  { name: 'contacts: label with brackets', options: { whatsapp: [{ label: '[Sales]', link }] }, path: 'whatsapp.0.label', hint: /Remove/ },
  {
    name: 'contacts: bad phone in the second',
    options: {
      whatsapp: [
        { label: 'Sales', link },
        { label: 'Support', phone: '12345' },
      ],
    },
    path: 'whatsapp.1.phone',
    hint: /country code/,
  },
  {
    name: 'contacts: unknown key',
    options: { whatsapp: [{ label: 'Sales', link, phnoe: '+49 30 1234567' }] },
    path: 'whatsapp.0.phnoe',
    hint: /phone/,
  },
  {
    name: 'text with a short link',
    options: { whatsapp: [{ label: 'Sales', link, text: 'About {title}' }] },
    path: 'whatsapp.0.text',
    hint: /Business app/,
  },
  {
    name: 'text: unknown placeholder',
    options: { whatsapp: { phone: '+49 30 1234567', text: 'About {tittle}' } },
    path: 'whatsapp.text',
    hint: /\{title\}/,
  },
  {
    name: 'text: {url} without site',
    options: { whatsapp: { phone: '+49 30 1234567', text: 'About {url}' } },
    path: 'whatsapp.text',
    hint: /site:/,
  },
  {
    name: 'chatra.exclude: empty list',
    options: { whatsapp: link, chatra: { ...chatra, exclude: [] } },
    path: 'chatra.exclude',
    hint: /leave the option out/,
  },
  {
    name: 'analytics: true (on by default; the other forms are false and an object)',
    options: { whatsapp: link, analytics: true },
    path: 'analytics',
    hint: /false or an object/,
  },
  {
    name: 'chatra.consent: a word',
    options: { whatsapp: link, chatra: { id: 'DemoChatraId2026', consent: 'yes' } },
    path: 'chatra.consent',
    hint: /true, false or an object/,
  },
  {
    name: 'texts.autoMessage without chatra',
    options: { whatsapp: link, texts: { autoMessage: { text: 'Hi' } } },
    path: 'texts.autoMessage',
    hint: /Add chatra/,
  },
  {
    name: 'chatra.exclude: a pattern with a character class',
    options: { whatsapp: link, chatra: { id: 'DemoChatraId2026', exclude: ['/blog/**', '/shop/[0-9]*'] } },
    path: 'chatra.exclude.1',
    hint: /\{cart,checkout\}/,
  },
  {
    name: 'fallback.include: a pattern without its leading slash',
    options: { whatsapp: link, fallback: { include: ['blog/**'] } },
    path: 'fallback.include.0',
    hint: /without `base`/,
  },
  {
    name: 'fallback.include: not a list',
    options: { whatsapp: link, fallback: { include: '/blog/**' } },
    path: 'fallback.include',
    hint: /to a list/,
  },
  {
    name: 'fallback.qr with several contacts',
    options: {
      whatsapp: [
        { label: 'Sales', link },
        { label: 'Support', phone: '+49 30 1234567' },
      ],
      fallback: { qr: true },
    },
    path: 'fallback.qr',
    hint: /WhatsAppQR/,
  },
  {
    name: 'fallback.position unknown',
    options: { whatsapp: link, fallback: { position: 'top-left' } },
    path: 'fallback.position',
    hint: /bottom-right/,
  },
];
