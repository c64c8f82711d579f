// @ts-check
import { STATE_ATTRIBUTE } from '../shared/dom.ts';

/*
 * The inline part, only where a build needs one before the cached loader: with `consent` (the
 * page's consent manager may call grantConsent() at once) and under CSP 'strict-dynamic' (it adds
 * the loader). The same on every page with the widget (its hash is in the CSP).
 * `config` = { id, state, timeout, loader, event? }.
 * Before anything paints: the Chatra() queue of Chatra's snippet, window.ChatraID, and the state the
 * CSS reads. If the loader can't arrive (blocked, offline), the WhatsApp button shows.
 */
(function (/** @type {{ id: string, state: WidgetState, timeout: number, loader: string, event?: string }} */ config) {
  var w = window,
    root = document.documentElement;
  // The public API, defined before the body exists: an element named chatraWhatsApp in the page's
  // content (<form id="chatraWhatsApp">) can't take its place.
  /** @type {ChatraWhatsAppApi} */
  var api = {};
  // A page's own assignment neither throws (as on a read-only property in a module) nor takes it away.
  if (!Object.prototype.hasOwnProperty.call(w, 'chatraWhatsApp'))
    Object.defineProperty(w, 'chatraWhatsApp', {
      get: function () {
        return api;
      },
      set: function () {},
    });
  api = w.chatraWhatsApp;
  // A loader runs in this visit already: this bootstrap came with a page <ClientRouter /> swapped in
  // from another deploy (the same text never runs twice). That loader goes on (see loader.js); this
  // page's loader will stand down, so nothing here may take its place (its grantConsent, the state).
  // Unless this page asks for consent and that loader never does (the deploy turned consent on):
  // then the page loads anew, with its own loader, before anything can go to Chatra.
  if (api.loaderRuns) {
    if (config.state === 'consent' && !api.asksConsent) location.reload();
    return;
  }
  // Consent given before the loader arrives (a call, or the consent event) is kept for it.
  function early() {
    api.consentGiven = true;
  }
  api.grantConsent = early;
  if (config.event) w.addEventListener(config.event, early, { capture: true, once: true });
  function failed(/** @type {Event | undefined} */ event) {
    // Our loader only: a <script> in <head> with its address, not any element that says its id.
    var target = /** @type {HTMLElement | null} */ (event ? event.target : null);
    var isLoader =
      !event ||
      (target && target.tagName === 'SCRIPT' && target.parentNode === document.head && target.getAttribute('src') === config.loader);
    // The loader, once it runs, puts its own grantConsent in place.
    if (api.grantConsent === early && isLoader) root.setAttribute(STATE_ATTRIBUTE, (state = 'failed'));
  }
  var state = config.state;
  w.ChatraID = config.id;
  // An element named Chatra in the content (a commenter's link) is no function: ours stands in.
  if (typeof w.Chatra !== 'function')
    w.Chatra = function () {
      (w.Chatra.q = w.Chatra.q || []).push(arguments);
    };
  root.setAttribute(STATE_ATTRIBUTE, state);
  // <ClientRouter />: a swap gives <html> the new page's attributes, none of ours; until the loader
  // runs (it follows the swaps from then on), the state goes on.
  document.addEventListener('astro:after-swap', function () {
    if (!api.loaderRuns) root.setAttribute(STATE_ATTRIBUTE, state);
  });
  // A script's load error doesn't bubble, but the window sees it while capturing.
  w.addEventListener('error', failed, true);
  setTimeout(failed, config.timeout);
  // INSERT_LOADER is set when the package is made (integration/build/minify.ts): true in the
  // variant for CSP 'strict-dynamic', false (and this block gone) in the other.
  if (INSERT_LOADER) {
    var loader = document.createElement('script');
    loader.async = true;
    loader.src = config.loader;
    // The nonce this script came with, if the page's policy gives one: the loader's too.
    var self = /** @type {HTMLScriptElement | null} */ (document.currentScript);
    if (self && self.nonce) loader.nonce = self.nonce;
    document.head.appendChild(loader);
  }
})(chatraWhatsAppConfig);
