/**
 * The dev toolbar app (`astro dev` only): for the page in view, its WhatsApp links with a QR code
 * to try on a phone, the texts Chatra receives in its language, the widget's state live with
 * buttons to preview the others, the ready-to-paste dashboard texts with a copy button each, and
 * the build's warnings. Data comes from the dev server (config/dev-toolbar.ts); everything is
 * written as text, never as markup.
 */
import { defineToolbarApp } from 'astro/toolbar';
import { FLOATING_CLASS, PAGE_DATA_ID, STATE_ATTRIBUTE, STATES } from '../shared/dom.ts';
import { languageOf } from '../shared/language.ts';
import { TOOLBAR_EVENTS, TOOLBAR_WINDOW_ATTRIBUTE, type ToolbarData } from '../shared/toolbar-data.ts';

export default defineToolbarApp({
  init(canvas, _app, server) {
    const panel = document.createElement('astro-dev-toolbar-window');
    panel.setAttribute(TOOLBAR_WINDOW_ATTRIBUTE, '');
    canvas.append(panel);
    const style = document.createElement('style');
    style.textContent =
      'h2{font-size:1rem;margin:.75rem 0 .25rem}dl{margin:0}dt{font-weight:600}dd{margin:0 0 .5rem;overflow-wrap:anywhere}' +
      'button{margin:0 .25rem .25rem 0}img{background:#fff;padding:4px;width:140px;height:140px}section{max-height:60vh;overflow:auto}';
    canvas.append(style);
    let shown: ToolbarData | undefined;
    const show = () => shown && render(panel, shown, (href) => server.send(TOOLBAR_EVENTS.qrRequest, { href }));
    server.on<ToolbarData>(TOOLBAR_EVENTS.data, (data) => ((shown = data), show()));
    // <ClientRouter />: the toolbar stays across a swap, the page in view changes (its link, its language).
    document.addEventListener('astro:page-load', show);
    server.on<{ href: string; svg?: string }>(TOOLBAR_EVENTS.qr, ({ svg }) => {
      const image = panel.querySelector<HTMLImageElement>('img[data-qr]');
      if (image && svg) image.src = `data:image/svg+xml,${encodeURIComponent(svg)}`;
    });
  },
});

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

let stateWatcher: MutationObserver | undefined;

/** The texts file the page's data names, if the page has the widget. */
function pageTextsUrl(): string | undefined {
  try {
    const texts: unknown = JSON.parse(document.getElementById(PAGE_DATA_ID)?.textContent ?? 'null')?.texts;
    return typeof texts === 'string' ? texts : undefined;
  } catch {
    return undefined;
  }
}

function render(panel: HTMLElement, data: ToolbarData, askForQr: (href: string) => void): void {
  const root = document.documentElement;
  // The language whose texts the page's data names (the loader gives Chatra those: an i18n fallback
  // page's, whatever its <html lang>), else the page's own.
  const named = pageTextsUrl();
  const language =
    Object.keys(data.languages).find((tag) => named !== undefined && data.languages[tag].textsUrl === named) ??
    languageOf({ languages: data.languages, defaultLanguage: data.defaultLanguage }, root.lang || undefined);
  const texts = data.languages[language];
  const section = element('section');
  panel.replaceChildren(section);

  // This page: its link as the floating button has it (the page's own message filled in), and a QR code of it.
  section.append(element('h2', `This page (${language})`));
  const pageLink = document.querySelector<HTMLAnchorElement>(`a.${FLOATING_CLASS}`)?.href ?? data.contacts[0].link;
  const links = element('dl');
  links.append(element('dt', 'WhatsApp link'), element('dd', pageLink, { 'data-page-link': '' }));
  for (const contact of data.contacts) links.append(element('dt', contact.label ?? 'Contact'), element('dd', contact.link));
  section.append(links, element('img', undefined, { 'data-qr': '', alt: `QR code of ${pageLink}` }));
  askForQr(pageLink);

  // The widget's state, live, and buttons to see the page in each.
  if (data.hasChatra) {
    const state = element('output', root.getAttribute(STATE_ATTRIBUTE) ?? '(none)', { 'data-state': '' });
    // One watcher, for the output drawn last (the app draws again after each <ClientRouter /> swap).
    stateWatcher?.disconnect();
    stateWatcher = new MutationObserver(() => (state.textContent = root.getAttribute(STATE_ATTRIBUTE) ?? '(none)'));
    stateWatcher.observe(root, {
      attributes: true,
      attributeFilter: [STATE_ATTRIBUTE],
    });
    section.append(element('h2', 'Widget state'), state, element('br'));
    for (const name of STATES) {
      const button = element('button', `Preview: ${name}`, { type: 'button', 'data-preview': name });
      button.addEventListener('click', () => root.setAttribute(STATE_ATTRIBUTE, name));
      section.append(button);
    }
    const noScript = element('button', 'Preview: JavaScript off', { type: 'button', 'data-preview': 'none' });
    // Without JavaScript there is no state, and the WhatsApp button shows at once.
    noScript.addEventListener('click', () => root.setAttribute(STATE_ATTRIBUTE, 'failed'));
    section.append(noScript);

    section.append(element('h2', `Texts Chatra receives (${language})`));
    const strings = element('dl');
    for (const [key, value] of Object.entries(texts?.customStrings ?? {})) strings.append(element('dt', key), element('dd', value));
    section.append(strings);
  }

  // What only the Chatra dashboard can hold, per site language, each with a copy button.
  section.append(element('h2', 'Texts for the Chatra dashboard'));
  for (const [tag, blocks] of Object.entries(data.dashboard)) {
    const list = element('dl');
    for (const [name, text] of Object.entries(blocks)) {
      const copy = element('button', 'Copy', { type: 'button', 'data-copy': `${tag}.${name}` });
      copy.addEventListener('click', () => {
        void navigator.clipboard.writeText(text).then(() => (copy.textContent = 'Copied'));
      });
      const value = element('dd', text);
      value.append(' ', copy);
      list.append(element('dt', `[${tag}] ${name}`), value);
    }
    section.append(list);
  }

  if (data.warnings.length > 0) {
    section.append(element('h2', 'Build warnings'));
    const list = element('ul');
    for (const warning of data.warnings) list.append(element('li', warning));
    section.append(list);
  }
}
