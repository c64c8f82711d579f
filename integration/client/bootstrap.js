/*
 * The head-inline part, the same on every page (CSP hashes it once). `config` = { id, state, timeout }.
 * Before anything paints: the Chatra() queue of Chatra's snippet, window.ChatraID, and the state the
 * CSS reads. The cached loader follows as <script async> before </head>; if it can't arrive
 * (blocked, offline), the WhatsApp button shows.
 */
(function (config) {
  var w = window, root = document.documentElement;
  function failed(event) {
    var loaded = w.chatraWhatsApp && w.chatraWhatsApp.grantConsent;
    var isLoader = !event || (event.target && event.target.id === 'chatra-whatsapp-loader');
    if (!loaded && isLoader) root.setAttribute('data-chatra-whatsapp', 'failed');
  }
  w.ChatraID = config.id;
  w.Chatra = w.Chatra || function () {
    (w.Chatra.q = w.Chatra.q || []).push(arguments);
  };
  root.setAttribute('data-chatra-whatsapp', config.state);
  // A script's load error doesn't bubble, but the window sees it while capturing.
  w.addEventListener('error', failed, true);
  setTimeout(failed, config.timeout);
})
