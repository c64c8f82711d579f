/**
 * What differs from page to page: the page's title and address in the prefilled message, a page's
 * own message or none at all (`Astro.locals.whatsapp`, from frontmatter), include/exclude patterns,
 * and several contacts.
 */
import mdx from '@astrojs/mdx';
import chatraWhatsApp from 'astro-chatra-whatsapp';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFixture, type BuiltSite } from './fixture.ts';
import { decodeQrSvg } from '../support/qr-decode.ts';
import { attribute, parsePage, textOf } from './html.ts';

const PHONE = 'https://wa.me/79001234567';
const message = (text: string) =>
  `${PHONE}?text=${encodeURIComponent(text).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

function pageParts(html: string) {
  const page = parsePage(html);
  const [data] = page.all('script', { id: 'chatra-whatsapp-page' });
  return {
    page,
    floating: page.all('a', { class: /\bacw-floating\b/ })[0],
    data: data && (JSON.parse(textOf(data)) as { texts: string; links?: Record<string, string> }),
    loader: page.all('script', { id: 'chatra-whatsapp-loader' })[0],
    styles: page.all('style').length,
    footerLink: page.all('a').find((a) => textOf(a) === 'WhatsApp us'),
  };
}

describe('one phone number, a message naming the page, per-page rules (base /docs)', () => {
  const template = 'Hi! A question about {title} ({url})';
  const shared = message(template);
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('page-context', {
      site: 'https://shop.example',
      base: '/docs',
      integrations: [
        mdx(),
        chatraWhatsApp({
          whatsapp: { phone: '+7 900 123-45-67', text: template },
          chatra: { id: 'DemoChatraId2026', exclude: ['/no-widget/**'] },
          fallback: { exclude: ['/blog/**'], qr: true },
        }),
      ],
    });
  });

  test("the page's title (entities decoded) and full address fill the message, in every link of the page", () => {
    const { floating, footerLink, data } = pageParts(site.read('index.html'));
    const own = message('Hi! A question about Home & <Prices> (https://shop.example/docs/)');
    expect(attribute(floating, 'href')).toBe(own);
    expect(attribute(footerLink!, 'href')).toBe(own);
    // Chatra's texts are one cached file for all pages: the page tells the loader which link is its own.
    expect(data.links).toEqual({ [shared]: own });
    const texts = site.read(data.texts.replace('/docs/', ''));
    expect(texts).toContain(`](${shared})`);
  });

  test("fallback.qr: phones get the link; desktops a disclosure whose QR code scans to the page's own link", () => {
    const html = site.read('index.html');
    const { floating, page } = pageParts(html);
    const own = message('Hi! A question about Home & <Prices> (https://shop.example/docs/)');
    expect(attribute(floating, 'class')).toMatch(/\bacw-touch\b/);
    const [details] = page.all('details', { class: /\bacw-desk\b/ });
    expect(
      page
        .all('a')
        .filter((a) => page.contains(details, a))
        .map((a) => attribute(a, 'href')),
    ).toEqual([own]);
    expect(decodeQrSvg(/<svg[^>]*class="acw-qr"[\s\S]*?<\/svg>/.exec(html)![0])).toBe(own);
  });

  test('whatsapp: false in frontmatter: no widget, no floating button; #whatsapp links still work, their clicks reported', () => {
    const { floating, data, loader, styles, footerLink } = pageParts(site.read('off/index.html'));
    expect([floating, data, styles]).toEqual([undefined, undefined, 0]);
    expect(attribute(loader, 'src')).toMatch(/^\/docs\/_astro\/acw-analytics\.[0-9a-f]{10}\.js$/);
    expect(attribute(footerLink!, 'href')).toBe(message('Hi! A question about No chat here (https://shop.example/docs/off/)'));
  });

  test("whatsapp: { text } in frontmatter: the page's own message, everywhere on the page", () => {
    const { floating, footerLink, data, page } = pageParts(site.read('own-text/index.html'));
    const own = message('When will my order arrive? (from /docs/own-text/)');
    expect(attribute(floating, 'href')).toBe(own);
    expect(attribute(footerLink!, 'href')).toBe(own);
    expect(
      attribute(
        page.all('a').find((a) => textOf(a) === 'Ask about delivery')!,
        'href',
      ),
    ).toBe(own);
    expect(data.links).toEqual({ [shared]: own });
  });

  test('fallback.exclude: the blog has the widget but no floating button', () => {
    const { floating, data, loader } = pageParts(site.read('blog/post/index.html'));
    expect(floating).toBeUndefined();
    expect(data).toBeDefined();
    expect(loader).toBeDefined();
  });

  test('chatra.exclude: no widget at checkout; the floating button shows from the start; its clicks reach analytics', () => {
    const { floating, data, loader, page } = pageParts(site.read('no-widget/index.html'));
    expect(data).toBeUndefined();
    // The analytics listener alone, not the loader (which carries it on pages with the widget).
    expect(attribute(loader, 'src')).toMatch(/^\/docs\/_astro\/acw-analytics\.[0-9a-f]{10}\.js$/);
    expect(site.read(attribute(loader, 'src')!.replace(/^\/docs\//, ''))).toContain('whatsapp:click');
    expect(page.all('button', { class: /\bacw-facade\b/ })).toHaveLength(0);
    // Not "until Chatra": there is no Chatra on this page to wait for.
    expect(attribute(floating, 'class')).not.toMatch(/\bacw-until\b/);
  });
});

describe('several contacts', () => {
  const SALES = 'https://wa.me/message/4O4YGZEG3RIVE1';
  const SUPPORT = 'https://wa.me/49301234567';
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('contacts', {
      integrations: [
        chatraWhatsApp({
          whatsapp: [
            { label: 'Sales', link: SALES },
            { label: 'Support', phone: '+49 30 1234567', text: 'Help with {path}' },
          ],
          chatra: { id: 'DemoChatraId2026' },
        }),
      ],
    });
  });

  test('the floating button is a <details> listing each contact, its message filled in', () => {
    const page = parsePage(site.read('index.html'));
    const [details, ...more] = page.all('details', { class: /\bacw-contacts\b/ });
    expect(more).toHaveLength(0);
    expect(attribute(details, 'open')).toBeUndefined();
    const links = page.all('a').filter((a) => page.contains(details, a));
    expect(links.map((a) => [textOf(a), attribute(a, 'href'), attribute(a, 'target')])).toEqual([
      ['Sales', SALES, '_blank'],
      ['Support', `${SUPPORT}?text=Help%20with%20%2F`, '_blank'],
    ]);
  });

  test('the components take contact="…" (any case); the first contact is the default', () => {
    const page = parsePage(site.read('index.html'));
    const inline = page.all('a', { class: /\bacw-inline\b/ });
    expect(inline.map((a) => attribute(a, 'href'))).toEqual([
      SALES,
      `${SUPPORT}?text=Help%20with%20%2F`,
      `${SUPPORT}?text=Help%20with%20%2F`,
    ]);
    const [figure] = page.all('figure', { class: /\bacw-qr-figure\b/ });
    const [caption] = page.all('a').filter((a) => page.contains(figure, a));
    expect(attribute(caption, 'href')).toBe(`${SUPPORT}?text=Help%20with%20%2F`);
    const support = `${SUPPORT}?text=Help%20with%20%2F`;
    const codes = [...site.read('index.html').matchAll(/<svg[^>]*class="acw-qr"[\s\S]*?<\/svg>/g)].map(([svg]) => decodeQrSvg(svg));
    // <WhatsAppQR contact="Support" /> and <WhatsAppButton contact="Support" qr />
    expect(codes).toEqual([support, support]);
    const [offer] = page.all('details', { class: /\bacw-qr-details\b/ });
    expect(textOf(offer.childNodes.find((node) => 'tagName' in node && node.tagName === 'summary') as never)).toBe(
      'Show a QR code for your phone',
    );
  });

  test("Chatra's texts list each contact's link", () => {
    const [data] = parsePage(site.read('index.html')).all('script', { id: 'chatra-whatsapp-page' });
    const texts = JSON.parse(site.read(JSON.parse(textOf(data)).texts.slice(1)));
    expect(texts.customStrings.offlineNote).toContain(
      `[WhatsApp: Sales](${SALES}), [WhatsApp: Support](${SUPPORT}?text=Help%20with%20%7Bpath%7D)`,
    );
  });
});
