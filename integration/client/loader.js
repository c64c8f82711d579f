// @ts-check
import {
  CHATRA_FRAME,
  CHATRA_SCRIPT_URL,
  CHATRA_WIDGET_ID,
  FACADE_CLASS,
  FLOATING_CLASS,
  OPENS_CHAT,
  PERSIST_ATTRIBUTE,
  PRELOAD_PERSIST_NAME,
  STATE_ATTRIBUTE,
  UNTIL_CHATRA_CLASS,
  WHATSAPP_LINKS,
} from '../shared/dom.ts';
import { startChat } from './chat.js';
import { own, pageDataElement } from './page-data.js';

/*
 * The cached loader (one file for the whole site), a <script async> in each page's <head> (added by
 * the inline bootstrap under CSP 'strict-dynamic'): what runs from the page's start until the chat is
 * asked for (the state, the loading strategy, consent, the chat stand-in and `#chat` links, the state
 * across <ClientRouter /> swaps). From then on, the chat part (chat.js) does the rest.
 * `config`: LoaderConfig (chat.js), what this variant reads of the build's options.
 * Follows the contract of Chatra's snippet: window.ChatraSetup is set before chatra.js runs, and calls
 * made before it loads wait in Chatra.q.
 * <html data-chatra-whatsapp> tells the CSS what to show: consent | waiting | loading | ready | failed.
 */
/**
 * chatra.js asked for beside the chat part (SPLIT_CHAT): its texts and chatra.js were fetched one
 * after the other anyway, so the chat comes no later than from one file. A <ClientRouter /> swap
 * keeps the preload (taken out of <head>, it would stop, and chatra.js be fetched again): the new
 * page gets a place marked as it is, which Astro's swap fills with it.
 */
function preloadChatra(/** @type {string | null | undefined} */ nonce) {
  var hint = document.createElement('link');
  hint.rel = 'preload';
  hint.as = 'script';
  hint.href = CHATRA_SCRIPT_URL;
  if (nonce) hint.nonce = nonce;
  hint.setAttribute(PERSIST_ATTRIBUTE, PRELOAD_PERSIST_NAME);
  document.head.appendChild(hint);
  document.addEventListener('astro:before-swap', function (event) {
    // Astro's swap event always brings the new document.
    var next = /** @type {Event & { newDocument: Document }} */ (event).newDocument;
    if (!hint.isConnected) return;
    // A copy marks the place (Astro's swap keeps the live one there and drops the copy).
    next.head.appendChild(hint.cloneNode());
  });
}

/**
 * @typedef {import('./chat.js').LoaderConfig} LoaderConfig
 * @typedef {import('./chat.js').Chat} Chat
 */
(function (/** @type {LoaderConfig} */ config) {
  var w = window,
    d = document,
    root = d.documentElement;
  // The nonce this script came with (the page's own policy gives one per request): chatra.js gets it too.
  var nonce = d.currentScript && /** @type {HTMLScriptElement} */ (d.currentScript).nonce;
  // Ours, as the bootstrap or an earlier loader set it.
  var state = /** @type {WidgetState | null} */ (root.getAttribute(STATE_ATTRIBUTE));
  // The state a page starts in: the split loader's is known when the package is made (interaction:
  // waiting, or consent in its consent variant); the one-file loader's is in its config.
  var startState = SPLIT_CHAT ? (CONSENT ? 'consent' : 'waiting') : config.state;
  /** @type {boolean | undefined} */
  var requested;
  /** @type {boolean | undefined} */
  var swapped;
  /** A click asked for the chat before the widget was there (its openChat waits in Chatra.q). */
  /** @type {boolean | undefined} */
  var openAsked;
  function setState(/** @type {WidgetState} */ next) {
    var focused = d.activeElement;
    state = next;
    root.setAttribute(STATE_ATTRIBUTE, next);
    // The chat stand-in had the focus and is gone with this state: the focus goes on to what took its
    // place (the widget's frame; the WhatsApp button), not back to the top of the page.
    if (focused && focused.classList.contains(FACADE_CLASS) && !focused.getClientRects().length) {
      // The first that can take it: of the WhatsApp buttons, one is shown (a link on phones, a QR code on desktops).
      var successors = d.querySelectorAll(next === 'ready' ? CHATRA_FRAME : 'a.' + FLOATING_CLASS + ', .' + FLOATING_CLASS + ' > summary');
      for (var i = 0; i < successors.length && d.activeElement !== successors[i - 1]; i++)
        /** @type {HTMLElement} */ (successors[i]).focus();
      // None took it (no floating button, `fallback.floating: false`; a widget without a frame): the
      // landmark around the stand-in keeps the visitor's place, where the browser would drop the focus
      // to the top of the page. Not scrolled to: it is at the end of <body>, its buttons fixed in view.
      if (d.activeElement === focused) {
        var region = /** @type {HTMLElement} */ (focused.parentNode);
        region.tabIndex = -1;
        region.focus({ preventScroll: true });
      }
    }
  }

  /** When the page in view was shown: now, or at its <ClientRouter /> swap (for the chat part's auto message). */
  var shownAt = AUTO_MESSAGE ? performance.now() : 0;
  /** The chat part, once started. @type {Chat | undefined} */
  var chat;

  function fail() {
    // Once the widget is ready, the timer set for its loading has nothing left to do.
    if (state === 'ready') return;
    setState('failed');
    // The visitor has the WhatsApp button now: a chat a click asked for meanwhile is not opened later.
    var queue = w.Chatra && w.Chatra.q;
    if (queue)
      w.Chatra.q = queue.filter(function (/** @type {IArguments} */ call) {
        return call[0] !== 'openChat';
      });
    openAsked = false;
  }

  /** The chat part, started once, given what the loader shares with it. */
  function chatFrom(/** @type {typeof startChat} */ start) {
    return (chat =
      chat ||
      start(
        config,
        nonce,
        function () {
          return state;
        },
        setState,
        fail,
        shownAt,
      ));
  }

  /**
   * The chat part: in this file (SPLIT_CHAT false: `eager` and `idle`), started with the loader; or
   * with `interaction` a file fetched now, when the visitor acted (SPLIT_CHAT true).
   */
  function withChat(/** @type {(chat: Chat) => void} */ then) {
    if (SPLIT_CHAT) {
      // Once a visit (load() asks once).
      preloadChatra(nonce);
      import(/** @type {string} */ (config.chat)).then(function (/** @type {{ startChat: typeof startChat }} */ part) {
        then(chatFrom(part.startChat));
      }, fail);
    } else {
      then(chatFrom(startChat));
    }
  }

  function load() {
    if (requested) return;
    requested = true;
    setState('loading');
    setTimeout(fail, config.timeout);
    withChat(function (started) {
      started.load();
    });
  }

  // The split loader is `interaction`'s alone, the one-file loader `eager`'s and `idle`'s: each
  // carries its own strategies only.
  function start() {
    if (!SPLIT_CHAT && config.load === 'eager') return load();
    setState('waiting');
    if (SPLIT_CHAT) {
      onFirstAct(load);
    } else {
      var whenIdle = function () {
        if (w.requestIdleCallback) w.requestIdleCallback(load, { timeout: 3000 });
        else setTimeout(load, 1);
      };
      if (d.readyState === 'complete') whenIdle();
      else w.addEventListener('load', whenIdle);
    }
  }

  /**
   * `then` at the visitor's first act (pointerdown covers mouse, pen and touch, a scrollbar dragged
   * too; keydown, scrolling by keys). A turn of the wheel, not any scroll: the browser scrolls by
   * itself to a page's #fragment and back to where a reload or Back left it, which is no act.
   */
  function onFirstAct(/** @type {() => void} */ then) {
    // `then` runs once whatever calls it (load(), the analytics fetch): the listeners stay.
    ['pointerdown', 'keydown', 'wheel', 'focusin'].forEach(function (type) {
      w.addEventListener(
        type,
        function (event) {
          // Nor is the focus the browser itself gives a #fragment's target (a link the address names).
          if (type !== 'focusin' || !(/** @type {Element} */ (event.target).matches(':target'))) then();
        },
        { passive: true, capture: true },
      );
    });
  }

  function grantConsent() {
    if (CONSENT && state === 'consent') start();
  }

  // The bootstrap defined window.chatraWhatsApp before the page's content existed (a named element
  // in the content is not an own property of window, so it can't pass for it here either).
  // A page's own assignment neither throws (as on a read-only property in a module) nor takes it away.
  /** @type {ChatraWhatsAppApi} */
  var api = {};
  if (!own.call(w, 'chatraWhatsApp'))
    Object.defineProperty(w, 'chatraWhatsApp', {
      get: function () {
        return api;
      },
      set: function () {},
    });
  api = w.chatraWhatsApp;
  // One loader a visit: after a deploy renamed it, <ClientRouter /> runs the new one beside the old.
  if (api.loaderRuns) return;
  api.loaderRuns = true;
  // What a later deploy's bootstrap checks (it reloads the page when it asks for consent and this loader doesn't).
  if (CONSENT) api.asksConsent = true;
  // Consent the bootstrap kept for the loader (given before it arrived).
  var consentGiven = CONSENT && api.consentGiven === true;
  api.grantConsent = grantConsent;
  // With `interaction`, the analytics listener is a file of its own too (the one a page without the
  // widget gets), fetched at the visitor's first act whatever the widget's state: it hears WhatsApp
  // clicks after a failure or before consent as well. A WhatsApp click before it arrived is kept for
  // it, with the page it was made on (analytics.js takes them), and starts the fetch itself if no act
  // came first (a site's script calling link.click(), a press begun before this loader ran). A fetch
  // that failed is made again at the next act or click, under another address (a browser keeps a
  // module that failed as failed).
  if (SPLIT_CHAT && config.analytics) {
    var clicks = (api.clicks = /** @type {[MouseEvent, string][]} */ ([]));
    /** @type {boolean | undefined} */
    var fetching;
    var tries = 0;
    var listen = function () {
      if (fetching || api.track) return;
      fetching = true;
      import(config.analytics + (tries++ ? '?' + tries : '')).catch(function () {
        fetching = false;
      });
    };
    var keep = function (/** @type {MouseEvent} */ event) {
      if (api.track) return;
      var target = /** @type {Element | null} */ (event.target);
      // The page as analytics.js's page() gives it, as it was at the click.
      if (target && target.closest && target.closest(WHATSAPP_LINKS)) clicks.push([event, location.origin + location.pathname]);
      listen();
    };
    w.addEventListener('click', keep);
    w.addEventListener('auxclick', keep);
    onFirstAct(listen);
  }
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
    // elements, and the stylesheet's timer, are new. Told apart by the load event, not the address
    // (a page's own script may change it with replaceState): a loader in the page's HTML, or added
    // by the bootstrap as it is read, holds the load event back; one that runs after it came with a
    // swap. A swap before that load event is told by the page: the WhatsApp button it brought is
    // still hidden by its own timer.
    var until = d.querySelector('.' + UNTIL_CHATRA_CLASS);
    setState(
      d.readyState != 'complete' && performance.now() > config.timeout && !(until && getComputedStyle(until).visibility == 'hidden')
        ? 'failed'
        : startState,
    );
  }
  if (state === 'failed') {
    // Nothing to start; the navigations are still followed (the state goes on, the button stays).
  } else if (CONSENT) {
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
    if (!target || state === 'failed' || (CONSENT && state === 'consent') || !pageDataElement()) return;
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

  // Astro's <ClientRouter />: the swap gives <html> the new page's attributes; the state follows
  // what is there after it (the chat part keeps the widget itself across the swap).
  d.addEventListener('astro:after-swap', function () {
    swapped = true;
    setState(state === 'ready' && !d.getElementById(CHATRA_WIDGET_ID) ? 'failed' : state || startState);
  });
  d.addEventListener('astro:page-load', function () {
    if (!swapped) return;
    swapped = false;
    if (chat) chat.pageLoad();
    else if (AUTO_MESSAGE) shownAt = performance.now();
  });

  // In this file, the chat part starts with the loader: it follows the swaps and the auto message from the first page on.
  if (!SPLIT_CHAT) withChat(function () {});
})(chatraWhatsAppConfig);
