// @ts-check
/*
 * The greeting's script, a cached file on pages with a greeting (`fallback.greeting`). The greeting
 * needs none of it to show, wait and close: this only remembers a close for the session, says the
 * greeting once to screen readers when it appears (a live region ignores what a page starts with),
 * and makes room for it at the page's end.
 */
import {
  GREETED_ATTRIBUTE,
  GREETING_CLASS,
  GREETING_CLOSED_KEY,
  GREETING_KEYFRAMES,
  GREETING_ROOM_PROPERTY,
  GREETING_STATUS_CLASS,
  GREETING_TEXT_CLASS,
} from '../shared/dom.ts';

(function () {
  var closed = false;
  try {
    closed = Boolean(sessionStorage.getItem(GREETING_CLOSED_KEY));
  } catch (error) {
    // Storage off: the greeting comes back on the next page, as without JavaScript.
  }
  function mark() {
    if (closed) document.documentElement.setAttribute(GREETED_ATTRIBUTE, '');
  }
  mark();
  // Astro's <ClientRouter /> gives <html> the new page's attributes: mark it again.
  document.addEventListener('astro:after-swap', mark);
  // `toggle` does not bubble: heard on the way down.
  document.addEventListener(
    'toggle',
    function (event) {
      var details = /** @type {HTMLDetailsElement} */ (event.target);
      if (!details.classList || !details.classList.contains(GREETING_CLASS) || details.open) return;
      closed = true;
      mark();
      try {
        sessionStorage.setItem(GREETING_CLOSED_KEY, '1');
      } catch (error) {
        // Closed on this page only.
      }
    },
    true,
  );
  // The greeting's animation starts when its wait is over: it appears now.
  document.addEventListener('animationstart', function (event) {
    if (!(/** @type {readonly string[]} */ (GREETING_KEYFRAMES).includes(event.animationName))) return;
    var greeting = /** @type {Element} */ (event.target);
    var status = greeting.querySelector('.' + GREETING_STATUS_CLASS);
    var text = greeting.querySelector('.' + GREETING_TEXT_CLASS);
    if (status && text && !status.textContent) status.textContent = text.textContent;
    makeRoom(/** @type {HTMLElement} */ (greeting));
  });
  var measured = new WeakSet();
  /**
   * The room at the page's end (fallback.room) holds the open greeting too: the stylesheet adds its
   * height, measured here and kept current as it wraps, to its live offset. It changes only while
   * the page's end is out of sight, where it moves nothing the visitor sees (no layout shift).
   * @param {HTMLElement} greeting
   */
  function makeRoom(greeting) {
    var region = greeting.parentElement;
    if (!region || measured.has(greeting)) return;
    measured.add(greeting);
    var measure = function () {
      var height = greeting.offsetHeight;
      if (height && region && region.getBoundingClientRect().top >= innerHeight)
        region.style.setProperty(GREETING_ROOM_PROPERTY, height + 'px');
    };
    measure();
    if (window.ResizeObserver) new ResizeObserver(measure).observe(greeting);
  }
})();
