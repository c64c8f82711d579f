// @ts-check
import { PAGE_DATA_ID } from '../shared/dom.ts';

/* What the loader and its chat part both read of the page: bundled into each (one file, or two). */

export var own = Object.prototype.hasOwnProperty;

/** The page data of the page in view, in <head>: a page without it has no widget. */
export function pageDataElement() {
  var head = document.head;
  return head && head.querySelector('script[type="application/json"]#' + PAGE_DATA_ID);
}
