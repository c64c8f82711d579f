// @ts-check
/*
 * The analytics listener: in the cached loader with Chatra (`eager`, `idle`); a cached file of its
 * own without Chatra (inline under CSP 'strict-dynamic'), and with `interaction`, where the loader
 * fetches it at the visitor's first act. `config` = { event, chatraEvent }.
 * A click on a WhatsApp link fires a cancelable `whatsapp:click` event ({ link, page }) on the link;
 * unless a listener cancels it, the click goes to whatever analytics the page has.
 * The link itself needs none of this: it works the same with JavaScript off.
 */
import { CLICK_EVENT, WHATSAPP_LINKS } from '../shared/dom.ts';

(function (/** @type {{ event: string, chatraEvent: string }} */ config) {
  var w = window;
  // Defined once, before the page's content exists (the bootstrap does the same): an element named
  // chatraWhatsApp in the content can't take its place. A page's own assignment (`window.chatraWhatsApp
  // = window.chatraWhatsApp || {}`) neither throws, as it would on a read-only property in a module,
  // nor takes it away.
  /** @type {ChatraWhatsAppApi} */
  var api = {};
  if (!Object.prototype.hasOwnProperty.call(w, 'chatraWhatsApp'))
    Object.defineProperty(w, 'chatraWhatsApp', {
      get: function () {
        return api;
      },
      set: function () {},
    });
  api = w.chatraWhatsApp;
  // Listening already: a second loader in the visit (a deploy renamed it; <ClientRouter /> runs it).
  if (api.track) return;
  // The page as analytics get it: its address without query or hash (tokens, e-mails in utm_ values).
  function page() {
    return location.origin + location.pathname;
  }

  function track(/** @type {string} */ name, /** @type {Record<string, unknown>} */ params) {
    if (w.dataLayer && w.dataLayer.push) w.dataLayer.push(Object.assign({ event: name }, params));
    if (typeof w.plausible === 'function') w.plausible(name, { props: params });
    if (w.umami && typeof w.umami.track === 'function') w.umami.track(name, params);
  }
  api.track = track;
  api.chatraEvent = function (/** @type {string} */ name) {
    track(config.chatraEvent, { chatra_event: name, page: page() });
  };

  // On window, so it hears the click after the page's own handlers: a click something else took
  // over (a `#chat` link that opened the chat) didn't go to WhatsApp. A middle click (auxclick) opens
  // the link in a new tab: a click on WhatsApp too.
  function clicked(/** @type {MouseEvent} */ event, /** @type {string | undefined} */ pageClickedOn = undefined) {
    if (event.type === 'auxclick' && event.button !== 1) return;
    var target = /** @type {Element | null} */ (event.target);
    var link = target && target.closest && /** @type {HTMLAnchorElement | null} */ (target.closest(WHATSAPP_LINKS));
    if (!link || event.defaultPrevented) return;
    var detail = { link: link.href, page: (AFTER_ACT && pageClickedOn) || page() };
    // A kept click's link may be gone since (a menu that closed, a page swapped in): the event then
    // goes to the document, where the site's listeners still hear it and may cancel it.
    var on = AFTER_ACT && !link.isConnected ? document : link;
    if (!on.dispatchEvent(new CustomEvent(CLICK_EVENT, { bubbles: true, cancelable: true, detail: detail }))) return;
    if (typeof w.gtag === 'function') w.gtag('event', 'generate_lead', { chat_channel: 'whatsapp', link_url: detail.link });
    track(config.event, detail);
  }
  w.addEventListener('click', clicked);
  w.addEventListener('auxclick', clicked);
  // Clicks the loader kept while this file was on its way (`interaction` fetches it at the first act).
  if (AFTER_ACT)
    (api.clicks || []).splice(0).forEach(function (kept) {
      clicked(kept[0], kept[1]);
    });
})(chatraWhatsAppConfig);
