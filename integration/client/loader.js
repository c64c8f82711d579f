// @ts-check
import { AUTO_MESSAGE_SENT_KEY, FACADE_CLASS, FLOATING_CLASS, OPENS_CHAT, PAGE_DATA_ID, STATE_ATTRIBUTE } from '../shared/dom.ts';

/*
 * The cached loader (one file for the whole site), a <script async> in each page's <head> (added by
 * the inline bootstrap under CSP 'strict-dynamic').
 * `config` = { id, state, load, setup, timeout, consent, autoMessage, autoMessageAfter, files }. Each page names its
 * texts file in <script type="application/json" id="chatra-whatsapp-page"> in <head>: { texts,
 * autoMessage, links? }; `links` maps a link the texts share to the page's own (the page's title in
 * the message). What a page says is checked: only that element in <head> is read (content in <body>
 * can't stand in for it), texts come only from `files` on this origin, links only to WhatsApp.
 * Follows the contract of Chatra's snippet: window.ChatraSetup is set before chatra.js runs, and calls
 * made before it loads wait in Chatra.q.
 * <html data-chatra-whatsapp> tells the CSS what to show: consent | waiting | loading | ready | failed.
 */
/**
 * @typedef {{ id: string, state: string, load: 'eager' | 'idle' | 'interaction', setup: Record<string, unknown>,
 *   timeout: number, consent: boolean | { event: string }, autoMessage: boolean, autoMessageAfter: number, files: string }} LoaderConfig
 * @typedef {{ widget: boolean, texts?: string, autoMessage: boolean, links: Record<string, string> }} PageData
 * @typedef {{ customStrings?: Record<string, string>, language?: string, autoMessage?: string }} Texts
 */
(function (/** @type {LoaderConfig} */ config) {
  var w = window,
    d = document,
    root = d.documentElement;
  // The nonce this script came with (the page's own policy gives one per request): chatra.js gets it too.
  var nonce = d.currentScript && /** @type {HTMLScriptElement} */ (d.currentScript).nonce;
  var state = root.getAttribute(STATE_ATTRIBUTE);
  /** @type {boolean | undefined} */
  var requested;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  var failTimer;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  var autoTimer;
  /** @type {string | undefined} */
  var textsKey;
  /** @type {boolean | undefined} */
  var swapped;
  /** @type {boolean | undefined} */
  var autoSent;
  /** The auto message whose time has come, until the widget is there to take it. */
  /** @type {string | undefined} */
  var autoPending;
  /** @type {boolean | undefined} */
  var hidden;
  /** The widget was taken away after it was ready (watchWidget): the state says failed until it is back. */
  /** @type {boolean | undefined} */
  var lost;
  /** A click asked for the chat before the widget was there (its openChat waits in Chatra.q). */
  /** @type {boolean | undefined} */
  var openAsked;
  /** The interface language Chatra started in (the texts' `language`; none: the dashboard's). */
  /** @type {string | undefined} */
  var chatraLanguage;

  function setState(/** @type {string} */ next) {
    var focused = d.activeElement;
    state = next;
    root.setAttribute(STATE_ATTRIBUTE, next);
    // The chat stand-in had the focus and is gone with this state: the focus goes on to what took its
    // place (the widget's frame; the WhatsApp button), not back to the top of the page.
    if (focused && focused.classList.contains(FACADE_CLASS) && !focused.getClientRects().length) {
      // The first that can take it: of the WhatsApp buttons, one is shown (a link on phones, a QR code on desktops).
      var successors = d.querySelectorAll(
        next === 'ready' ? '#chatra iframe' : 'a.' + FLOATING_CLASS + ', .' + FLOATING_CLASS + ' > summary',
      );
      for (var i = 0; i < successors.length && d.activeElement !== successors[i - 1]; i++)
        /** @type {HTMLElement} */ (successors[i]).focus();
    }
  }

  var own = Object.prototype.hasOwnProperty;
  /** Astro's mark for an element a <ClientRouter /> swap keeps (transition:persist). */
  var PERSIST = 'data-astro-transition-persist';
  var WHATSAPP = /^https:\/\/wa\.me\/[^\s()]*$/;

  /** @returns {PageData} */
  function pageData() {
    var el = d.head && d.head.querySelector('script[type="application/json"]#' + PAGE_DATA_ID);
    var data;
    try {
      data = el ? JSON.parse(el.textContent || '') : {};
    } catch (e) {
      data = {};
    }
    /** @type {PageData} */
    var page = { widget: !!el, autoMessage: config.autoMessage && data.autoMessage === true, links: {} };
    if (typeof data.texts === 'string' && isOwnFile(data.texts)) page.texts = data.texts;
    var links = data.links && typeof data.links === 'object' ? data.links : {};
    for (var shared in links) {
      if (own.call(links, shared) && WHATSAPP.test(shared) && typeof links[shared] === 'string' && WHATSAPP.test(links[shared]))
        page.links[shared] = links[shared];
    }
    return page;
  }

  function isOwnFile(/** @type {string} */ url) {
    try {
      var parsed = new URL(url, location.href);
      return parsed.origin === location.origin && parsed.pathname.indexOf(config.files) === 0 && /\.json$/.test(parsed.pathname);
    } catch (e) {
      return false;
    }
  }

  /** Whole links only, in Chatra's [label](link): a shared link that begins another stays apart. */
  /** @template {string | undefined} T */
  function withPageLinks(/** @type {T} */ text, /** @type {Record<string, string>} */ links) {
    if (typeof text !== 'string') return text;
    /** @type {string} */
    var result = text;
    for (var shared in links) if (own.call(links, shared)) result = result.split('](' + shared + ')').join('](' + links[shared] + ')');
    return /** @type {T} */ (result);
  }

  /** @returns {Promise<Texts>} */
  function fetchTexts(/** @type {PageData} */ page) {
    return fetch(/** @type {string} */ (page.texts))
      .then(function (response) {
        // A texts file that doesn't come is no texts: the caller keeps what it has.
        return response.ok ? response.json() : Promise.reject(response.status);
      })
      .then(function (/** @type {Texts} */ texts) {
        /** @type {Record<string, string>} */
        var strings = {};
        var source = texts.customStrings || {};
        for (var key in source) if (own.call(source, key)) strings[key] = withPageLinks(source[key], page.links);
        return { customStrings: strings, language: texts.language, autoMessage: withPageLinks(texts.autoMessage, page.links) };
      });
  }

  function keyOf(/** @type {PageData} */ page) {
    return page.texts + JSON.stringify(page.links);
  }

  function fail() {
    if (state !== 'ready') setState('failed');
  }

  /** The widget takes the texts of the page in view (after a `<ClientRouter />` navigation). */
  function followTexts(/** @type {PageData} */ page) {
    var key = keyOf(page);
    if (!page.texts || key === textsKey) return;
    textsKey = key;
    fetchTexts(page).then(
      function (texts) {
        // Answers can come out of order: only the texts of the page in view count.
        if (key !== textsKey) return;
        if (texts.language === chatraLanguage) return w.Chatra('setLocale', { customStrings: texts.customStrings });
        // A page in another language: Chatra reads its interface language when it starts, so it
        // restarts with the new settings, as Chatra's own npm module applies them.
        setUpChatra(texts, true);
        w.Chatra('restart');
      },
      function () {
        // Not had: the next page with these texts asks again.
        if (key === textsKey) textsKey = undefined;
      },
    );
  }

  function watchUntilReady() {
    var tries = 0;
    var timer = setInterval(function () {
      if (w.Chatra.restart && d.getElementById('chatra')) {
        clearInterval(timer);
        clearTimeout(failTimer);
        setState('ready');
        watchWidget();
        sendAutoMessage();
        // Navigated while it loaded: the page in view may leave the widget out, or have other texts.
        var page = pageData();
        if (!page.widget) w.Chatra('hide');
        hidden = !page.widget;
        followTexts(page);
      } else if (++tries > 600) {
        clearInterval(timer);
      }
    }, 100);
  }

  /**
   * The widget taken away without a <ClientRouter /> swap (a site's own script; a router that
   * replaces <body>, as Turbo and htmx do): the WhatsApp button takes its place, and steps aside when
   * the widget is back. Away for less than a second (Chatra drawing it anew) counts as there.
   */
  function watchWidget() {
    if (!w.MutationObserver) return;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    var away;
    new MutationObserver(function () {
      if (d.getElementById('chatra')) {
        clearTimeout(away);
        away = undefined;
        if (lost) {
          lost = false;
          setState('ready');
        }
      } else if (state === 'ready' && !away) {
        away = setTimeout(function () {
          away = undefined;
          if (state === 'ready' && !d.getElementById('chatra')) {
            lost = true;
            setState('failed');
          }
        }, 1000);
      }
    }).observe(root, { childList: true, subtree: true });
  }

  /** window.ChatraSetup for `texts`; `again`: for a restart, where a language the texts lack goes back to the site's (chatra.setup.language), else the dashboard's. */
  function setUpChatra(/** @type {Texts} */ texts, /** @type {boolean} */ again) {
    // What the site's own script set for this visitor, Chatra's way (window.ChatraSetup = { clientId }
    // for a signed-in user), over the build's setup; an element named ChatraSetup is not an own property.
    var visitor = own.call(w, 'ChatraSetup') && w.ChatraSetup && typeof w.ChatraSetup === 'object' ? w.ChatraSetup : {};
    /** @type {Record<string, unknown>} */
    var setup = Object.assign({}, config.setup, visitor, { locale: { customStrings: texts.customStrings || {} } });
    // Chatra's events go to the analytics listener, and to the site's own handler too, if it set one.
    var siteHandler = /** @type {unknown} */ (visitor.onAnalyticEvent);
    var ours = api.chatraEvent;
    if (ours) {
      var listener = ours;
      setup.onAnalyticEvent =
        typeof siteHandler === 'function'
          ? function (/** @type {string} */ event) {
              listener(event);
              /** @type {(event: string) => void} */ (siteHandler)(event);
            }
          : ours;
    }
    if (texts.language) setup.language = texts.language;
    // A restart for a language Chatra doesn't have: the site's own choice, else the dashboard's.
    else if (again && config.setup.language) setup.language = config.setup.language;
    else if (again) delete setup.language;
    chatraLanguage = texts.language;
    w.ChatraSetup = setup;
  }

  function addChatraScript(/** @type {Texts} */ texts) {
    setUpChatra(texts, false);
    var script = d.createElement('script');
    script.async = true;
    script.src = 'https://call.chatra.io/chatra.js';
    if (nonce) script.nonce = nonce;
    // Run already, for Astro's <ClientRouter />: it runs a script in the document it hasn't run (a site's
    // own swap keeps <head>, and chatra.js would start a second widget).
    script.setAttribute('data-astro-exec', '');
    script.onerror = fail;
    script.onload = watchUntilReady;
    d.head.appendChild(script);
  }

  function load() {
    if (requested) return;
    requested = true;
    setState('loading');
    failTimer = setTimeout(fail, config.timeout);
    var page = pageData();
    textsKey = keyOf(page);
    // Without our texts the chat still works, in Chatra's own words.
    (page.texts ? fetchTexts(page) : Promise.resolve(/** @type {Texts} */ ({})))
      .catch(function () {
        return /** @type {Texts} */ ({});
      })
      .then(addChatraScript);
  }

  /** Whether the auto message went out in this session (this tab's). */
  function autoMessageSent() {
    try {
      return !!sessionStorage.getItem(AUTO_MESSAGE_SENT_KEY) || !!autoSent;
    } catch (e) {
      return !!autoSent;
    }
  }

  /**
   * The auto message whose time has come goes to a widget that is there, and only then counts as
   * sent: one queued for a chatra.js that never ran (the visitor left first, it failed, no
   * interaction or consent came) would be lost for the whole session.
   */
  function sendAutoMessage() {
    if (!autoPending || state !== 'ready' || autoMessageSent()) return;
    autoSent = true;
    try {
      sessionStorage.setItem(AUTO_MESSAGE_SENT_KEY, '1');
    } catch (e) {}
    w.Chatra('sendAutoMessage', autoPending);
    autoPending = undefined;
  }

  function scheduleAutoMessage(/** @type {PageData} */ page) {
    clearTimeout(autoTimer);
    // The page in view decides: one without the message leaves none waiting.
    autoPending = undefined;
    if (!page.autoMessage || !page.texts) return;
    var key = keyOf(page);
    autoTimer = setTimeout(function () {
      if (autoMessageSent()) return;
      fetchTexts(page).then(
        function (/** @type {Texts} */ texts) {
          // Navigated meanwhile: the page in view has its own.
          if (keyOf(pageData()) !== key) return;
          autoPending = texts.autoMessage;
          sendAutoMessage();
        },
        function () {},
      );
    }, config.autoMessageAfter * 1000);
  }

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
      // pointerdown covers mouse, pen and touch.
      ['pointerdown', 'keydown', 'scroll', 'focusin'].forEach(function (type) {
        w.addEventListener(type, load, { once: true, passive: true, capture: true });
      });
    }
  }

  function grantConsent() {
    if (state === 'consent') start();
  }

  // The bootstrap defined window.chatraWhatsApp before the page's content existed (a named element
  // in the content is not an own property of window, so it can't pass for it here either).
  if (!own.call(w, 'chatraWhatsApp')) Object.defineProperty(w, 'chatraWhatsApp', { value: {}, enumerable: true });
  var api = w.chatraWhatsApp;
  // One loader a visit: after a deploy renamed it, <ClientRouter /> runs the new one beside the old.
  if (api.loaderRuns) return;
  api.loaderRuns = true;
  // Consent the bootstrap kept for the loader (given before it arrived).
  var consentGiven = api.consentGiven === true;
  api.grantConsent = grantConsent;
  // What Chatra's own snippet sets up first: on most pages there is no inline bootstrap, and the
  // loader does it. Calls made before chatra.js arrives wait in Chatra.q.
  w.ChatraID = config.id;
  // An element named Chatra in the content (a commenter's link) is no function: ours stands in.
  if (typeof w.Chatra !== 'function')
    w.Chatra = function () {
      (w.Chatra.q = w.Chatra.q || []).push(arguments);
    };
  if (!state) {
    // Later than fallback.timeout after the page started, the stylesheet already shows the
    // WhatsApp button (the loader was that slow): stay with it. A page <ClientRouter /> swapped in
    // (the loader's first on a visit that began on a page without it) started just now: its
    // elements, and the stylesheet's timer, are new.
    var loaded = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    var swappedIn = loaded && loaded.name.split('#')[0] !== location.href.split('#')[0];
    setState(!swappedIn && performance.now() > config.timeout ? 'failed' : config.state);
  }
  if (state === 'failed') {
    // Nothing to start; the navigations are still followed (the state goes on, the button stays).
  } else if (config.consent) {
    // Until consent, nothing goes to Chatra and the WhatsApp button shows.
    if (typeof config.consent === 'object') w.addEventListener(config.consent.event, grantConsent, { capture: true });
    if (consentGiven) grantConsent();
  } else {
    start();
  }

  // The chat stand-in, and links marked to open the chat (`<a href="#chat">` in the page's HTML),
  // which go to WhatsApp on their own when the widget can't start.
  d.addEventListener('click', function (event) {
    var clicked = /** @type {Element | null} */ (event.target);
    var target = clicked && clicked.closest && clicked.closest('.' + FACADE_CLASS + ', [' + STATE_ATTRIBUTE + '="' + OPENS_CHAT + '"]');
    // A page without the widget (<ClientRouter /> brought it): the link goes to WhatsApp, as on a fresh load.
    if (!target || state === 'failed' || state === 'consent' || !pageData().widget) return;
    // A link opened in a new tab or window (Ctrl, Cmd or Shift): WhatsApp there, as the visitor asked.
    if (target.tagName === 'A' && (event.ctrlKey || event.metaKey || event.shiftKey)) return;
    event.preventDefault();
    // Until the widget is there, one openChat waits for it in Chatra.q, however many clicks came.
    if (state !== 'ready') {
      if (openAsked) return;
      openAsked = true;
    }
    w.Chatra('openChat', true);
    load();
  });

  // Astro's <ClientRouter />: the swap replaces <html> attributes, the page's data and <body>, where
  // Chatra keeps its widget (#chatra): the widget goes on into the new page by Astro's own
  // transition:persist (the new page gets a place marked as the widget is; Astro's swap moves the
  // live widget there, its chat frame still loaded, where a move through the new document would
  // load it again), and stays where it is when a site's own swap keeps <body>. The state follows
  // what is there after the swap.
  d.addEventListener('astro:before-swap', function (event) {
    var swap = /** @type {Event & { newDocument?: Document }} */ (event);
    var widget = d.getElementById('chatra');
    if (!widget || !swap.newDocument || !swap.newDocument.body) return;
    var place = swap.newDocument.createElement('div');
    widget.setAttribute(PERSIST, 'chatra-whatsapp-widget');
    place.setAttribute(PERSIST, 'chatra-whatsapp-widget');
    swap.newDocument.body.appendChild(place);
  });
  d.addEventListener('astro:after-swap', function () {
    swapped = true;
    setState(state === 'ready' && !d.getElementById('chatra') ? 'failed' : state || config.state);
  });
  d.addEventListener('astro:page-load', function () {
    if (!swapped) return;
    swapped = false;
    var page = pageData();
    // Calls to a widget that failed would wait in Chatra.q forever, one more each navigation.
    if (requested && state === 'ready') {
      // A page that leaves the widget out (chatra.exclude: it has no page data) hides it; the next
      // page that has it shows it again.
      if (page.widget === !!hidden) w.Chatra((hidden = !page.widget) ? 'hide' : 'show');
      if (page.widget) {
        followTexts(page);
        w.Chatra('pageView');
      }
    }
    scheduleAutoMessage(page);
  });

  scheduleAutoMessage(pageData());
})(chatraWhatsAppConfig);
