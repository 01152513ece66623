/**
 * The page parsed into a bare tree of plain objects: the same htmlparser2 events, options and tree as
 * linkedom's parser builds (an element per open tag, a text node per text event, comments kept,
 * CDATA text as CDATA nodes), without linkedom's per-node costs (an event-listener map for every
 * node, attributes as linked nodes, a class list per class attribute). It offers only what the
 * extractor reads (DomNode): names, children, parent, text content and attributes, read as linkedom
 * reads them: the names and values htmlparser2 gives (attribute names keep their case, the first of
 * two equal names wins), and `class` as its distinct whitespace-separated words joined by one space
 * ('' when the element has none). Readability still gets a linkedom document (html.ts).
 */
import { Parser } from 'htmlparser2';
import type { DomNode } from './light-tree.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const COMMENT_NODE = 8;
const DOCUMENT_NODE = 9;

/** One node of the bare tree. */
class BareNode implements DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  parentNode: BareNode | null = null;
  firstChild: BareNode | null = null;
  lastChild: BareNode | null = null;
  nextSibling: BareNode | null = null;
  /** Text of a text, CDATA or comment node. */
  readonly data: string;
  /** An element's attributes as htmlparser2 gives them; null for other nodes. */
  readonly attributes: Record<string, string> | null;
  #className: string | null = null;

  constructor(nodeType: number, nodeName: string, data: string, attributes: Record<string, string> | null) {
    this.nodeType = nodeType;
    this.nodeName = nodeName;
    this.data = data;
    this.attributes = attributes;
  }

  append(child: BareNode): BareNode {
    child.parentNode = this;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
    return child;
  }

  /** The document's first element child (null on other nodes, as only documents are asked). */
  get documentElement(): BareNode | null {
    if (this.nodeType !== DOCUMENT_NODE) return null;
    for (let c = this.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) return c;
    return null;
  }

  /** A text node's text; an element's text and CDATA descendants joined in order; null for a document. */
  get textContent(): string | null {
    if (this.nodeType !== ELEMENT_NODE) return this.nodeType === DOCUMENT_NODE ? null : this.data;
    let text = '';
    // Depth first, in document order, without recursion (pages nest thousands deep).
    let node = this.firstChild;
    while (node) {
      if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) text += node.data;
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node && !node.nextSibling) {
        node = node.parentNode;
        if (node === this) return text;
      }
      node = node ? node.nextSibling : null;
    }
    return text;
  }

  getAttribute(name: string): string | null {
    const attributes = this.attributes;
    if (name === 'class') return (this.#className ??= classValue(attributes));
    if (attributes === null || !Object.hasOwn(attributes, name)) return null;
    return attributes[name] ?? null;
  }

  hasAttributes(): boolean {
    if (this.attributes === null) return false;
    for (const _ in this.attributes) return true;
    return false;
  }
}

/** The class attribute as linkedom's class list gives it back: its distinct words, in order, one space apart. */
function classValue(attributes: Record<string, string> | null): string {
  if (attributes === null || !Object.hasOwn(attributes, 'class')) return '';
  const words = new Set<string>();
  for (const word of String(attributes['class']).split(/\s+/)) if (word) words.add(word);
  return [...words].join(' ');
}

/** Parses a page (html.ts has put its root first) into the bare tree; returns the document node. */
export function parseDom(html: string): DomNode {
  const document = new BareNode(DOCUMENT_NODE, '#document', '', null);
  let node: BareNode = document;
  let isCData = false;
  const parser = new Parser(
    {
      // linkedom's handler set: htmlparser2 does some work only for the events a handler listens to.
      onprocessinginstruction() {},
      onopentag(name, attributes) {
        node = node.append(new BareNode(ELEMENT_NODE, name.toUpperCase(), '', attributes));
      },
      oncomment(data) {
        node.append(new BareNode(COMMENT_NODE, '#comment', data, null));
      },
      ontext(text) {
        node.append(isCData ? new BareNode(CDATA_SECTION_NODE, '#cdata-section', text, null) : new BareNode(TEXT_NODE, '#text', text, null));
      },
      oncdatastart() {
        isCData = true;
      },
      oncdataend() {
        isCData = false;
      },
      onclosetag() {
        node = node.parentNode ?? document;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  parser.write(html);
  parser.end();
  return document;
}
