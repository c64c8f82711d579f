import { STATE_ATTRIBUTE } from '../shared/dom.ts';

/*
 * The inline part, the same on every page with the widget (its hash is in the CSP). `config` = { id, state, timeout, loader }.
 * Before anything paints: the Chatra() queue of Chatra's snippet, window.ChatraID, and the state the
 * CSS reads. The cached loader follows as <script async> before </head>; if it can't arrive
 * (blocked, offline), the WhatsApp button shows.
 */
(function (config) {
  var w = window,
    root = document.documentElement;
  // The public API, defined before the body exists: an element named chatraWhatsApp in the page's
  // content (<form id="chatraWhatsApp">) can't take its place.
  var api = {};
  if (!Object.prototype.hasOwnProperty.call(w, 'chatraWhatsApp'))
    Object.defineProperty(w, 'chatraWhatsApp', { value: api, enumerable: true });
  api = w.chatraWhatsApp;
  function failed(event) {
    // Our loader only: a <script> in <head> with its address, not any element that says its id.
    var target = event && event.target;
    var isLoader =
      !event ||
      (target && target.tagName === 'SCRIPT' && target.parentNode === document.head && target.getAttribute('src') === config.loader);
    if (!api.grantConsent && isLoader) root.setAttribute(STATE_ATTRIBUTE, 'failed');
  }
  w.ChatraID = config.id;
  w.Chatra =
    w.Chatra ||
    function () {
      (w.Chatra.q = w.Chatra.q || []).push(arguments);
    };
  root.setAttribute(STATE_ATTRIBUTE, config.state);
  // A script's load error doesn't bubble, but the window sees it while capturing.
  w.addEventListener('error', failed, true);
  setTimeout(failed, config.timeout);
  // INSERT_LOADER is set when the package is made (integration/build/minify.ts): true in the
  // variant for CSP 'strict-dynamic', false (and this block gone) in the other.
  if (INSERT_LOADER) {
    var loader = document.createElement('script');
    loader.async = true;
    loader.src = config.loader;
    document.head.appendChild(loader);
  }
})(chatraWhatsAppConfig);
