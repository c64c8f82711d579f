/*
 * Inline loader, injected into <head> of every page (the same string everywhere, so CSP hashes it once).
 * `config` = { id, load, setup, timeout, consent }. The page's own texts come from <script id="chatra-whatsapp-page">.
 * Follows the contract of Chatra's snippet: window.ChatraID, window.ChatraSetup set before chatra.js runs,
 * and a Chatra() stub that queues calls in Chatra.q until chatra.js takes over.
 * <html data-chatra-whatsapp> tells the CSS what to show: consent | waiting | loading | ready | failed.
 */
(function (config) {
  var w = window, d = document, root = d.documentElement;
  var state, requested, pollTimer, failTimer, autoTimer, lastStrings, swapped, autoSent;

  function setState(next) {
    state = next;
    root.setAttribute('data-chatra-whatsapp', next);
  }

  function pageData() {
    var el = d.getElementById('chatra-whatsapp-page');
    try {
      return el ? JSON.parse(el.textContent) : {};
    } catch (e) {
      return {};
    }
  }

  function isReady() {
    return w.Chatra && w.Chatra.restart && d.getElementById('chatra');
  }

  function fail() {
    if (state !== 'ready') setState('failed');
  }

  function load() {
    if (requested) return;
    requested = true;
    var page = pageData();
    var setup = Object.assign({}, config.setup, { locale: { customStrings: page.customStrings || {} } });
    if (page.language) setup.language = page.language;
    lastStrings = JSON.stringify(page.customStrings);
    w.ChatraSetup = setup;
    setState('loading');
    var script = d.createElement('script');
    script.async = true;
    script.src = 'https://call.chatra.io/chatra.js';
    script.onerror = fail;
    script.onload = function () {
      var tries = 0;
      pollTimer = setInterval(function () {
        if (isReady()) {
          clearInterval(pollTimer);
          clearTimeout(failTimer);
          setState('ready');
        } else if (++tries > 600) {
          clearInterval(pollTimer);
        }
      }, 100);
    };
    failTimer = setTimeout(fail, config.timeout);
    d.head.appendChild(script);
  }

  function scheduleAutoMessage(page) {
    clearTimeout(autoTimer);
    if (!page.autoMessage) return;
    autoTimer = setTimeout(function () {
      try {
        if (sessionStorage.getItem('chatra-whatsapp-auto')) return;
        sessionStorage.setItem('chatra-whatsapp-auto', '1');
      } catch (e) {
        if (autoSent) return;
      }
      autoSent = true;
      w.Chatra('sendAutoMessage', page.autoMessage);
    }, page.autoMessageAfter * 1000);
  }

  w.ChatraID = config.id;
  w.Chatra = w.Chatra || function () {
    (w.Chatra.q = w.Chatra.q || []).push(arguments);
  };

  function start() {
    if (config.load === 'eager') return load();
    setState('waiting');
    if (config.load === 'idle') {
      var whenIdle = function () {
        if (w.requestIdleCallback) w.requestIdleCallback(load, { timeout: 3000 });
        else setTimeout(load, 1);
      };
      if (d.readyState === 'complete') whenIdle();
      else w.addEventListener('load', whenIdle);
    } else {
      ['pointerdown', 'keydown', 'scroll', 'touchstart', 'focusin'].forEach(function (type) {
        w.addEventListener(type, load, { once: true, passive: true, capture: true });
      });
    }
  }

  if (config.consent) {
    // Until consent, nothing goes to Chatra and the WhatsApp button shows.
    setState('consent');
    var grantConsent = function () {
      if (state === 'consent') start();
    };
    w.chatraWhatsApp = { grantConsent: grantConsent };
    if (config.consent.event) w.addEventListener(config.consent.event, grantConsent, { capture: true });
  } else {
    start();
  }

  d.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('.acw-facade')) {
      w.Chatra('openChat', true);
      load();
    }
  });

  // Astro's <ClientRouter />: the swap replaces <html> attributes and the page texts.
  d.addEventListener('astro:after-swap', function () {
    swapped = true;
    setState(state);
  });
  d.addEventListener('astro:page-load', function () {
    if (!swapped) return;
    swapped = false;
    var page = pageData();
    if (requested) {
      var strings = JSON.stringify(page.customStrings);
      if (strings !== lastStrings) w.Chatra('setLocale', { customStrings: page.customStrings });
      lastStrings = strings;
      w.Chatra('pageView');
    }
    scheduleAutoMessage(page);
  });

  scheduleAutoMessage(pageData());
})
