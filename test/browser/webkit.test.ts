/**
 * WebKit, Safari's engine (Debian's WebKitGTK, test/support/webkit.ts): what a visitor on it sees
 * when the widget can't start (WebKit's WebDriver can't serve a stand-in for chatra.js: the test's
 * own proxy refuses it), the chat stand-in handing on the focus, the CSS of the button, the QR
 * code and the greeting.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWebKit, type WebKitPage } from '../support/webkit.ts';
import { LINK, TIMEOUT } from './sites.ts';
import { server } from './visit.ts';

let page: WebKitPage;
let proxy: Server;
/** The other origins the pages asked for (through the proxy), such as `call.chatra.io:443`. */
const asked: string[] = [];
beforeAll(async () => {
  // Every request for the world goes to this proxy, which refuses it: the widget fails, whatever the
  // machine's network (WebKit's WebDriver can't serve a stand-in for chatra.js).
  proxy = createServer((request, response) => {
    asked.push(request.headers.host ?? '');
    response.writeHead(403).end();
  });
  proxy.on('connect', (request: IncomingMessage, socket: Socket) => {
    asked.push(request.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  page = await launchWebKit({ proxy: `127.0.0.1:${(proxy.address() as AddressInfo).port}` });
}, 60_000);
afterAll(async () => {
  await page?.close();
  proxy?.close();
});

const open = (path: string) => page.goto(`${server.origin}${path}`);
const state = () => page.evaluate<string | null>("return document.documentElement.getAttribute('data-chatra-whatsapp')");
/** Where an element is drawn, and whether it is (null: none in the page). */
const box = (selector: string) =>
  page.evaluate<{ shown: boolean; right: number; bottom: number; top: number; width: number } | null>(
    `const element = document.querySelector(arguments[0]);
     if (!element) return null;
     const rect = element.getBoundingClientRect();
     return { shown: rect.width > 0 && getComputedStyle(element).visibility === 'visible', right: innerWidth - rect.right, bottom: innerHeight - rect.bottom, top: rect.top, width: rect.width };`,
    selector,
  );
async function poll<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(last).toBe(expected);
}

test('the widget unreachable: failed within fallback.timeout, the WhatsApp button in its corner, the chat stand-in gone', async () => {
  await open('/fast-fallback/');
  await poll(state, 'failed', TIMEOUT + 8000);
  expect(asked).toContain('call.chatra.io:443');
  const button = await box('a.acw-floating');
  expect(button?.shown).toBe(true);
  expect(Math.round(button!.right)).toBe(20);
  expect(Math.round(button!.bottom)).toBe(20);
  expect(await page.evaluate("return document.querySelector('a.acw-floating').href")).toBe(LINK);
  expect((await box('button.acw-facade'))?.width).toBe(0);
});

test('an open <dialog> makes the button step aside (:has()), and it comes back when the dialog closes', async () => {
  await open('/fast-fallback/');
  await poll(state, 'failed', TIMEOUT + 8000);
  await page.evaluate("const dialog = document.createElement('dialog'); document.body.append(dialog); dialog.showModal();");
  expect((await box('a.acw-floating'))?.width).toBe(0);
  await page.evaluate("document.querySelector('dialog').close();");
  expect((await box('a.acw-floating'))?.shown).toBe(true);
});

test('focus on the chat stand-in goes on to the WhatsApp button when the widget fails', async () => {
  await open('/interaction/');
  await poll(state, 'waiting');
  // Focus alone starts the widget with `interaction`; here it fails, and the button takes the stand-in's place.
  await page.evaluate("document.querySelector('button.acw-facade').focus();");
  await poll(state, 'failed', 20_000);
  expect(await page.evaluate("return document.activeElement.matches('a.acw-floating')")).toBe(true);
});

test('fallback.qr on a desktop: the QR disclosure instead of the plain link; it opens on a click, the code drawn', async () => {
  await open('/qr/');
  expect((await box('details.acw-desk'))?.shown).toBe(true);
  expect((await box('a.acw-touch'))?.width).toBe(0);
  await page.click('details.acw-desk > summary');
  const code = await box('details.acw-desk svg.acw-qr');
  expect(code?.shown).toBe(true);
  expect(code!.width).toBeGreaterThan(100);
});

test('the greeting comes in after its wait, above the button, and its close button closes it', async () => {
  await open('/greeting/');
  await poll(async () => (await box('.acw-greeting-card'))?.shown ?? false, true, TIMEOUT + 8000);
  const greeting = (await box('.acw-greeting-card'))!;
  const button = (await box('a.acw-floating'))!;
  expect(greeting.bottom).toBeGreaterThan(button.bottom);
  await page.click('.acw-greeting-close');
  await poll(async () => (await box('.acw-greeting-card'))?.width ?? 0, 0);
});
