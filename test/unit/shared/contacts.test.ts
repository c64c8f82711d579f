import { describe, expect, test } from 'vitest';
import {
  contactHref,
  fillPageContext,
  findContact,
  PageLinks,
  pageLinks,
  siteWideHref,
  type Contact,
} from '../../../integration/shared/contacts.ts';

const phone: Contact = { kind: 'phone', link: 'https://wa.me/79001234567', text: 'About {title} ({url}) {path}' };
const short: Contact = { kind: 'short-link', link: 'https://wa.me/message/4O4YGZEG3RIVE1', label: 'Sales' };
const page = { title: 'Tea & "Cakes" (new)', url: 'https://shop.example/docs/tea/', path: '/docs/tea/' };

describe('contact links and the page context', () => {
  test('the shared link keeps the placeholders, encoded; the page fills them in, encoded the same way', () => {
    const shared = contactHref(phone);
    expect(shared).toBe('https://wa.me/79001234567?text=About%20%7Btitle%7D%20%28%7Burl%7D%29%20%7Bpath%7D');
    const own = fillPageContext(shared, page);
    expect(new URL(own).searchParams.get('text')).toBe('About Tea & "Cakes" (new) (https://shop.example/docs/tea/) /docs/tea/');
    // Chatra's [label](link) syntax survives: no bare parentheses or spaces.
    expect(own).not.toMatch(/[()\s]/);
  });

  test('a short link is the same on every page', () => {
    expect(pageLinks([short], page).size).toBe(0);
    expect(pageLinks([short], page, 'A text')).toEqual(new Map());
  });

  test("a page's own text replaces the message of phone contacts", () => {
    const plain: Contact = { kind: 'phone', link: 'https://wa.me/4930123', text: 'Hi' };
    expect(pageLinks([short, plain], page, 'Order {path}')).toEqual(
      new Map([['https://wa.me/4930123?text=Hi', 'https://wa.me/4930123?text=Order%20%2Fdocs%2Ftea%2F']]),
    );
  });

  test('PageLinks: main is the first contact; a link not shared is only filled in', () => {
    const links = new PageLinks([phone, short], page);
    expect(links.main).toBe(fillPageContext(contactHref(phone), page));
    expect(links.href(short.link)).toBe(short.link);
    expect(links.href('https://wa.me/79001234567?text=%7Btitle%7D')).toBe(
      `https://wa.me/79001234567?text=${encodeURIComponent(page.title).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))}`,
    );
  });

  test('outside any page (the dashboard texts), a message that names the page is left out; one that does not stays', () => {
    expect(siteWideHref(phone)).toBe('https://wa.me/79001234567');
    expect(siteWideHref({ ...phone, text: 'Hello (again)' })).toBe('https://wa.me/79001234567?text=Hello%20%28again%29');
    expect(siteWideHref(short)).toBe(short.link);
  });

  test('findContact: by label in any case, the first by default, and a clear error listing the labels', () => {
    const support: Contact = { ...phone, label: 'Support' };
    expect(findContact([short, support], undefined, 'contact')).toBe(short);
    expect(findContact([short, support], ' support ', 'contact')).toBe(support);
    expect(() => findContact([short, support], 'Billing', 'contact')).toThrow('`contact`: "Billing" is not one of your WhatsApp contacts.');
    expect(() => findContact([phone], 'Sales', 'contact')).toThrow(/only one WhatsApp contact/);
  });
});
