/*
 * The head-inline part, the same on every page (CSP hashes it once). `config` = { id, state, src, timeout }.
 * Before anything paints: the Chatra() queue of Chatra's snippet, window.ChatraID, the state the CSS
 * reads, and the cached loader. If the loader can't arrive (blocked, offline), the WhatsApp button shows.
 */
(function (config) {
  var w = window, d = document, root = d.documentElement;
  function failed() {
    if (!w.chatraWhatsApp) root.setAttribute('data-chatra-whatsapp', 'failed');
  }
  w.ChatraID = config.id;
  w.Chatra = w.Chatra || function () {
    (w.Chatra.q = w.Chatra.q || []).push(arguments);
  };
  root.setAttribute('data-chatra-whatsapp', config.state);
  var script = d.createElement('script');
  script.src = config.src;
  script.onerror = failed;
  setTimeout(failed, config.timeout);
  d.head.appendChild(script);
})
