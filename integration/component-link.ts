import { checkPrefilledText, contactHref, fillPageContext, findContact } from './contacts.ts';
import { OptionError } from './option-error.ts';
import { languageOf } from './page-markup.ts';
import { pagePath, pageUrl } from './runtime/page-request.ts';
import type { PageLabels, RuntimeOptions } from './runtime/runtime-options.ts';

/**
 * The link and texts a component renders: the contact it names (or the first), with its own
 * message if it gives one. In links, the middleware fills in the page's title and address;
 * a QR code is drawn now, so `qrHref` has them filled in already (`{title}`: `pageTitle`, else the path).
 */
export function componentLink(
  options: RuntimeOptions,
  props: { component: string; contact?: string; text?: string; language?: string; url: URL; pageTitle?: string },
): { href: string; qrHref: string; texts: PageLabels } {
  let contact;
  try {
    contact = findContact(options.contacts, props.contact);
  } catch (error) {
    throw new Error(`${props.component}: ${(error as Error).message}`);
  }
  if (props.text !== undefined && contact.kind === 'short-link') {
    throw new Error(
      `${props.component}: \`text\` only works with a phone number. A short link carries its prefilled message on WhatsApp's side: ` +
        'set it in the WhatsApp Business app (Settings → Business tools → Short link → Message).',
    );
  }
  if (props.text !== undefined) {
    try {
      checkPrefilledText(props.text, contact.kind, `${props.component} text`, options.site);
    } catch (error) {
      throw error instanceof OptionError ? new Error(`${error.message} ${error.hint}`) : error;
    }
  }
  const texts = options.languages[languageOf(options, props.language)];
  const href = contactHref(contact, props.text ?? contact.text);
  const path = pagePath(props.url.pathname, options);
  const qrHref = fillPageContext(href, { title: props.pageTitle ?? path, url: pageUrl(options.site, path), path });
  return { href, qrHref, texts };
}

const ONE_OF = {
  variant: ['inline', 'floating'],
  size: ['small', 'medium', 'large'],
  theme: ['light', 'dark', 'auto'],
} as const;

/**
 * Checks a component's props: each goes into the page's markup, so a value outside what the prop
 * takes (`size={'"><img …>'}`, from frontmatter say) is an error naming the prop, never markup.
 */
export function checkProps(component: string, props: Record<string, unknown>): void {
  const fail = (name: string, expected: string) => {
    throw new Error(`${component}: \`${name}\` is ${JSON.stringify(props[name])?.slice(0, 60) ?? String(props[name])}; expected ${expected}.`);
  };
  for (const [name, allowed] of Object.entries(ONE_OF)) {
    const value = props[name];
    if (component === 'WhatsAppButton' && value !== undefined && !(allowed as readonly unknown[]).includes(value)) fail(name, allowed.map((a) => `"${a}"`).join(', '));
  }
  for (const name of ['label', 'contact', 'text', 'pageTitle']) {
    if (props[name] !== undefined && typeof props[name] !== 'string') fail(name, 'a string');
  }
  if (props.qr !== undefined && typeof props.qr !== 'boolean') fail('qr', 'true or false');
  if (component === 'WhatsAppQR' && props.size !== undefined) {
    const size = props.size;
    if (typeof size !== 'number' || !Number.isFinite(size) || size < 64 || size > 1024) fail('size', 'a number of CSS pixels from 64 to 1024');
  }
}
