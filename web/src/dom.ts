/** Small DOM builders: every piece of text goes in through textContent, so nothing from a page is ever parsed as HTML. */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** An HTML element with attributes (null/false left out) and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, same rules as h(). */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    // Inline style attributes are refused by the CSP; styling goes through classes.
    if (key === 'style' || key.startsWith('on')) throw new Error(`h(): attribute ${key} is not allowed`);
    el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Text with «matched» words as <mark> elements (search snippets). */
export function markedSnippet(snippet: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parts = snippet.split(/[«»]/);
  parts.forEach((part, i) => {
    if (part === '') return;
    fragment.append(i % 2 === 1 ? h('mark', {}, part) : document.createTextNode(part));
  });
  return fragment;
}

/** "2022-08-27" from an ISO timestamp, or an en dash. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '–';
}

/** A hash link inside the desk. */
export function link(href: string, text: string, attrs: Attrs = {}): HTMLAnchorElement {
  return h('a', { href, ...attrs }, text);
}

/** A visually plain status line that screen readers announce. */
export function notice(text: string, kind: 'info' | 'error' = 'info'): HTMLParagraphElement {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** QuadClass names and the class that colours them. */
export const QUAD_CLASSES: Record<number, string> = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

/** A legend of the four QuadClasses. */
export function quadLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'QuadClass colours' },
    ...Object.entries(QUAD_CLASSES).map(([q, name]) => h('li', {}, h('span', { class: `swatch quad-${q}`, 'aria-hidden': 'true' }), name)),
  );
}
