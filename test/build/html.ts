/** Reading built pages the way a browser would: parse5, not regular expressions. */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];

export interface Page {
  /** Elements matching `tag` and, optionally, every given attribute value (a RegExp tests it). */
  all(tag: string, attributes?: Record<string, string | RegExp>): Element[];
  head: Element;
  body: Element;
  /** Whether `node` sits inside `ancestor`. */
  contains(ancestor: Element, node: Element): boolean;
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

export function textOf(node: Element): string {
  return node.childNodes.map((child) => ('value' in child ? child.value : 'childNodes' in child ? textOf(child as Element) : '')).join('');
}

function collect(node: Node, found: Element[]): Element[] {
  if ('tagName' in node) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) collect(child as Node, found);
  return found;
}

export function parsePage(html: string): Page {
  const elements = collect(parse(html), []);
  const matches = (element: Element, attributes: Record<string, string | RegExp>) =>
    Object.entries(attributes).every(([name, expected]) => {
      const value = attribute(element, name);
      return value !== undefined && (typeof expected === 'string' ? value === expected : expected.test(value));
    });
  return {
    all: (tag, attributes = {}) => elements.filter((element) => element.tagName === tag && matches(element, attributes)),
    head: elements.find((element) => element.tagName === 'head')!,
    body: elements.find((element) => element.tagName === 'body')!,
    contains: (ancestor, node) => {
      for (let parent = node.parentNode; parent; parent = 'parentNode' in parent ? parent.parentNode : null)
        if (parent === ancestor) return true;
      return false;
    },
  };
}
