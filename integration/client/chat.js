// @ts-check
import { AUTO_MESSAGE_SENT_KEY, CHATRA_SCRIPT_URL, CHATRA_WIDGET_ID, PERSIST_ATTRIBUTE, WIDGET_PERSIST_NAME } from '../shared/dom.ts';
import { own, pageDataElement } from './page-data.js';

/*
 * The loader's chat part: from the moment Chatra is asked for (the page's texts, window.ChatraSetup,
 * chatra.js) to the widget kept in step with the page in view (its texts and language after a
 * <ClientRouter /> navigation, the widget taken away and back, the automatic message).
 * With `load: 'interaction'` it is a file of its own, fetched when the visitor acts, so a first visit
 * that never asks for the chat doesn't pay for it; with `eager` and `idle` it rides in the loader,
 * which starts it at once (nothing then waits for a second file).
 * Each page names its texts file in <script type="application/json" id="chatra-whatsapp-page"> in
 * <head>: { texts, autoMessage, links? }; `links` maps a link the texts share to the page's own (the
 * page's title in the message). What a page says is checked: only that element in <head> is read
 * (content in <body> can't stand in for it), texts come only from `files` on this origin, links only
 * to WhatsApp.
 */
/**
 * What the build gives the loader: only what its variant reads (`load` in the one-file loader, `consent`
 * where it is asked for, `autoMessageAfter` where an automatic message is set; AUTO_MESSAGE and CONSENT say the rest).
 * The split loader's (SPLIT_CHAT) has no `state` (known when the package is made), and its `setup` and `files`
 * ride in the chat part's own file, which only reads them.
 * @typedef {{ id: string, state: WidgetState, load?: 'eager' | 'idle', setup: Record<string, unknown>, timeout: number,
 *   consent?: true | { event: string }, autoMessageAfter?: number, files: string, chat?: string, analytics?: string }} LoaderConfig
 * @typedef {{ widget: boolean, texts?: string, autoMessage: boolean, links: Record<string, string> }} PageData
 * @typedef {{ customStrings?: Record<string, string>, language?: string, autoMessage?: string }} Texts
 * @typedef {{ load: () => void, pageLoad: () => void }} Chat
 */

var WHATSAPP = /^https:\/\/wa\.me\/[^\s()]*$/;

/**
 * Starts the chat part with what the loader shares: its config, the nonce it came with, the state
 * and its changes, and when the page in view was shown (the auto message counts from there).
 * @returns {Chat}
 */
export function startChat(
  /** @type {LoaderConfig} */ config,
  /** @type {string | null | undefined} */ nonce,
  /** @type {() => string | null} */ state,
  /** @type {(next: WidgetState) => void} */ setState,
  /** @type {() => void} */ fail,
  /** @type {number} */ shownAt,
) {
  // A file of its own (interaction): what only it reads of the build's options rides in it, not in the loader.
  if (SPLIT_CHAT) config = Object.assign({}, /** @type {LoaderConfig} */ (/** @type {unknown} */ (chatraWhatsAppConfig)), config);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  var autoTimer;
  /** @type {string | undefined} */
  var textsKey;
  /** @type {boolean | undefined} */
  var autoSent;
  /** The handler Chatra gets for its analytics events. @type {Function | undefined} */
  var analyticHandler;
  /** The site's own, which it calls. @type {unknown} */
  var siteAnalyticHandler;
  /** The auto message whose time has come, until the widget is there to take it. */
  /** @type {string | undefined} */
  var autoPending;
  /** @type {boolean | undefined} */
  var hidden;
  /** The widget was taken away after it was ready (watchWidget): the state says failed until it is back. */
  /** @type {boolean | undefined} */
  var lost;
  /** The interface language Chatra started in (the texts' `language`; none: the dashboard's). */
  /** @type {string | undefined} */
  var chatraLanguage;

  /** @returns {PageData} */
  function pageData() {
    var el = pageDataElement();
    var data;
    try {
      data = el ? JSON.parse(el.textContent || '') : {};
    } catch (e) {
      data = {};
    }
    /** @type {PageData} */
    var page = { widget: !!el, autoMessage: AUTO_MESSAGE && data.autoMessage === true, links: {} };
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

  /** The widget takes the texts of the page in view (after a `<ClientRouter />` navigation). */
  function followTexts(/** @type {PageData} */ page) {
    var key = keyOf(page);
    if (!page.texts || key === textsKey) return;
    textsKey = key;
    fetchTexts(page).then(
      function (texts) {
        // Answers can come out of order: only the texts of the page in view count.
        if (key !== textsKey) return;
        if (texts.language === chatraLanguage) return window.Chatra('setLocale', { customStrings: texts.customStrings });
        // A page in another language: Chatra reads its interface language when it starts, so it
        // restarts with the new settings, as Chatra's own npm module applies them.
        setUpChatra(texts, true);
        window.Chatra('restart');
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
      if (window.Chatra.restart && document.getElementById(CHATRA_WIDGET_ID)) {
        clearInterval(timer);
        // Later than fallback.timeout: the page went on with the WhatsApp button, and stays failed;
        // the widget, come after all, stays out of its way (the next page loaded has it at once).
        if (state() === 'failed') {
          window.Chatra('hide');
          hidden = true;
          return;
        }
        setState('ready');
        watchWidget();
        sendAutoMessage();
        // Navigated while it loaded: the page in view may leave the widget out, or have other texts.
        var page = pageData();
        if (!page.widget) window.Chatra('hide');
        hidden = !page.widget;
        followTexts(page);
      } else if (++tries > 600) {
        // A minute, the longest `fallback.timeout` allows (schema.ts): by then the page is failed for good.
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
    if (!window.MutationObserver) return;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    var away;
    new MutationObserver(function () {
      if (document.getElementById(CHATRA_WIDGET_ID)) {
        clearTimeout(away);
        away = undefined;
        if (lost) {
          lost = false;
          setState('ready');
        }
      } else if (state() === 'ready' && !away) {
        away = setTimeout(function () {
          away = undefined;
          if (state() === 'ready' && !document.getElementById(CHATRA_WIDGET_ID)) {
            lost = true;
            setState('failed');
          }
        }, 1000);
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  /** window.ChatraSetup for `texts`; `again`: for a restart, where a language the texts lack goes back to the site's (chatra.setup.language), else the dashboard's. */
  function setUpChatra(/** @type {Texts} */ texts, /** @type {boolean} */ again) {
    // What the site's own script set for this visitor, Chatra's way (window.ChatraSetup = { clientId }
    // for a signed-in user), over the build's setup; an element named ChatraSetup is not an own property.
    var visitor = own.call(window, 'ChatraSetup') && window.ChatraSetup && typeof window.ChatraSetup === 'object' ? window.ChatraSetup : {};
    /** @type {Record<string, unknown>} */
    var setup = Object.assign({}, config.setup, visitor, { locale: { customStrings: texts.customStrings || {} } });
    // Chatra's events go to the analytics listener, and to the site's own handler too, if it set one,
    // as Chatra calls it. The listener is looked up at each event: with `interaction` it is a file
    // fetched beside this one. A restart finds our handler in window.ChatraSetup: the site's stays
    // the one it wraps (not ours around it, which would count each event twice).
    var given = visitor.onAnalyticEvent;
    if (given !== analyticHandler) siteAnalyticHandler = given;
    analyticHandler = setup.onAnalyticEvent = function () {
      var ours = window.chatraWhatsApp.chatraEvent;
      if (ours) ours(arguments[0]);
      if (typeof siteAnalyticHandler === 'function') siteAnalyticHandler.apply(this, arguments);
    };
    if (texts.language) setup.language = texts.language;
    // A restart for a language Chatra doesn't have: the site's own choice, else the dashboard's.
    else if (again && config.setup.language) setup.language = config.setup.language;
    else if (again) delete setup.language;
    chatraLanguage = texts.language;
    window.ChatraSetup = setup;
  }

  function addChatraScript(/** @type {Texts} */ texts) {
    setUpChatra(texts, false);
    var script = document.createElement('script');
    script.async = true;
    script.src = CHATRA_SCRIPT_URL;
    if (nonce) script.nonce = nonce;
    // Run already, for Astro's <ClientRouter />: it runs a script in the document it hasn't run (a site's
    // own swap keeps <head>, and chatra.js would start a second widget).
    script.setAttribute('data-astro-exec', '');
    script.onerror = fail;
    script.onload = watchUntilReady;
    document.head.appendChild(script);
  }

  function load() {
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
    if (!AUTO_MESSAGE || !autoPending || state() !== 'ready' || autoMessageSent()) return;
    autoSent = true;
    try {
      sessionStorage.setItem(AUTO_MESSAGE_SENT_KEY, '1');
    } catch (e) {}
    window.Chatra('sendAutoMessage', autoPending);
    autoPending = undefined;
  }

  /**
   * The page in view's auto message, `autoMessageAfter` seconds after it was shown (this part may come later than that).
   * Only in the build of a site that has one (AUTO_MESSAGE): the others' visitors don't fetch this code.
   */
  function scheduleAutoMessage(/** @type {PageData} */ page) {
    clearTimeout(autoTimer);
    // The page in view decides: one without the message leaves none waiting.
    autoPending = undefined;
    if (!AUTO_MESSAGE || !page.autoMessage || !page.texts) return;
    var key = keyOf(page);
    autoTimer = setTimeout(
      function () {
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
      },
      /** @type {number} */ (config.autoMessageAfter) * 1000 - (performance.now() - shownAt),
    );
  }

  // Astro's <ClientRouter />: the swap replaces <html> attributes, the page's data and <body>, where
  // Chatra keeps its widget (#chatra): the widget goes on into the new page by Astro's own
  // transition:persist (the new page gets a place marked as the widget is; Astro's swap moves the
  // live widget there, its chat frame still loaded, where a move through the new document would
  // load it again), and stays where it is when a site's own swap keeps <body>.
  document.addEventListener('astro:before-swap', function (event) {
    var swap = /** @type {Event & { newDocument?: Document, swap: () => void }} */ (event);
    var next = swap.newDocument;
    var astroSwap = swap.swap;
    /** @type {Element | undefined} */
    var place;
    function mark() {
      var widget = document.getElementById(CHATRA_WIDGET_ID);
      if (!widget || !next || !next.body) return;
      widget.setAttribute(PERSIST_ATTRIBUTE, WIDGET_PERSIST_NAME);
      if (place) return;
      place = next.createElement('div');
      place.setAttribute(PERSIST_ATTRIBUTE, WIDGET_PERSIST_NAME);
      next.body.appendChild(place);
    }
    mark();
    // And again as the swap happens: without the View Transitions API, Astro first plays the old
    // page's animations, and Chatra may draw its widget (or draw it again, in another language)
    // meanwhile. (A site's own swap, set after this, still finds the mark made above.)
    swap.swap = function () {
      mark();
      astroSwap.call(swap);
      // No widget to move there after all (Chatra between two drawings of it): the place stays
      // behind in the page, where the next swap would pair it with the widget too.
      if (place && place.isConnected) place.remove();
    };
  });

  if (AUTO_MESSAGE) scheduleAutoMessage(pageData());

  return {
    load: load,
    /** A page <ClientRouter /> swapped in is shown. */
    pageLoad: function () {
      if (AUTO_MESSAGE) shownAt = performance.now();
      var page = pageData();
      // Calls to a widget that failed would wait in Chatra.q forever, one more each navigation.
      if (state() === 'ready') {
        // A page that leaves the widget out (chatra.exclude: it has no page data) hides it; the next
        // page that has it shows it again.
        if (page.widget === !!hidden) window.Chatra((hidden = !page.widget) ? 'hide' : 'show');
        if (page.widget) {
          followTexts(page);
          window.Chatra('pageView');
        }
      }
      if (AUTO_MESSAGE) scheduleAutoMessage(page);
    },
  };
}
