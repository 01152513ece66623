/**
 * Finds the main content in a light tree and reads it as paragraphs. Phases: protect furniture
 * that holds the article, score paragraph units onto their ancestors, pick the best container,
 * add siblings that belong to it, read paragraphs, drop boilerplate paragraphs.
 */
import type { LightNode } from './light-tree.js';
import { isBoilerplateParagraph } from './boilerplate.js';

/** A paragraph read from the page, with what filtering needs to know about it. */
export interface Paragraph {
  text: string;
  /** The block tag it came from (p, li, h2, td, blockquote...). */
  tag: string;
  textLen: number;
  linkLen: number;
}

/** A unit shorter than this is a label or a link, not a paragraph (Readability uses 25 too). */
const MIN_UNIT_CHARS = 25;
/** How much of the page's non-link text a furniture-named element must hold to be kept as content. */
const PROTECT_SHARE = 0.45;
/** A name weight of +25 (content, article, story) raises a candidate's score by a quarter. */
const NAME_WEIGHT_SCALE = 100;
/** Siblings scoring at least this share of the top candidate are part of the article. */
const SIBLING_SHARE = 0.2;

const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'img',
  'ins', 'kbd', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup',
  'time', 'tt', 'u', 'var', 'wbr', 'br',
]);

const POSITIVE_NAMES = /article|body|content|entry|main|page|post|story|text|blog|hentry|prose|rich|detail/;
const NEGATIVE_NAMES = /comment|footer|sidebar|related|share|social|promo|widget|nav|menu|header|meta|sponsor|shoutbox|combx|foot|masthead|hidden/;

/** The main content's paragraphs, or an empty list when the page has none. */
export function readMainContent(root: LightNode, title: string | null): Paragraph[] {
  const units: LightNode[] = [];
  collectUnits(root, units);
  protectContent(root, units);
  const picked = pickTopCandidate(root, units);
  if (!picked) return [];
  const top = climbToArticle(picked, root, units);
  const parts = withSiblings(top);
  const paragraphs: Paragraph[] = [];
  for (const part of parts) readParagraphs(part, paragraphs);
  return filterParagraphs(paragraphs, title);
}

/** Block elements whose own inline content makes a paragraph: the units that carry scores. */
function collectUnits(root: LightNode, units: LightNode[]): void {
  const stack: LightNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    let inlineLen = 0;
    let inlineLinks = 0;
    for (const child of node.children) {
      if (typeof child === 'string') inlineLen += child.trim().length;
      else if (INLINE_TAGS.has(child.tag)) {
        inlineLen += child.textLen;
        inlineLinks += child.linkLen;
      } else stack.push(child);
    }
    node.ownLen = inlineLen;
    node.ownLinkLen = Math.min(inlineLinks, inlineLen);
    if (!INLINE_TAGS.has(node.tag) && inlineLen >= MIN_UNIT_CHARS) units.push(node);
  }
}

/** Undoes the furniture mark on an element that holds most of the page's prose (a misleading class). */
function protectContent(root: LightNode, units: LightNode[]): void {
  const total = units.reduce((sum, u) => sum + u.ownLen - u.ownLinkLen, 0);
  if (total === 0) return;
  const held = new Map<LightNode, number>();
  for (const unit of units) {
    const own = unit.ownLen - unit.ownLinkLen;
    for (let n: LightNode | null = unit; n && n !== root; n = n.parent) {
      if (n.isJunk) held.set(n, (held.get(n) ?? 0) + own);
    }
  }
  for (const [node, chars] of held) {
    if (chars / total >= PROTECT_SHARE && !/comment/.test(node.names)) node.isJunk = false;
  }
}

function isInJunk(node: LightNode, root: LightNode): boolean {
  for (let n: LightNode | null = node; n && n !== root; n = n.parent) if (n.isJunk) return true;
  return false;
}

function linkDensity(node: LightNode): number {
  return node.textLen === 0 ? 0 : node.linkLen / node.textLen;
}

function nameWeight(node: LightNode): number {
  let weight = 0;
  if (node.attrs['itemprop'] === 'articleBody') weight += 50;
  if (node.tag === 'article') weight += 10;
  if (node.tag === 'main') weight += 5;
  if (node.names) {
    if (POSITIVE_NAMES.test(node.names)) weight += 25;
    if (NEGATIVE_NAMES.test(node.names)) weight -= 25;
  }
  return weight;
}

/** Scores units onto their ancestors (parent full, grandparent half, then less) and picks the best. */
function pickTopCandidate(root: LightNode, units: LightNode[]): LightNode | null {
  const candidates = new Set<LightNode>();
  for (const unit of units) {
    if (isInJunk(unit, root)) continue;
    const text = unitText(unit);
    const commas = (text.match(/[,،，、]/g) ?? []).length;
    const score = 1 + commas + Math.min(3, Math.floor(text.length / 100));
    let level = 0;
    for (let n: LightNode | null = unit; n && level < 5; n = n.parent, level++) {
      if (!candidates.has(n)) {
        candidates.add(n);
        n.score = 0;
      }
      n.score += level === 0 ? score : level === 1 ? score : level === 2 ? score / 2 : score / (level * 3);
      if (n === root) break;
    }
  }
  let top: LightNode | null = null;
  let best = -Infinity;
  for (const c of candidates) {
    if (INLINE_TAGS.has(c.tag)) continue;
    // Names scale the content score rather than add to it, so a well-named empty box cannot win.
    c.score *= (1 + nameWeight(c) / NAME_WEIGHT_SCALE) * (1 - linkDensity(c));
    if (c.score > best) {
      best = c.score;
      top = c;
    }
  }
  return top;
}

/** An article split into sections sits under an ancestor; climb while the ancestor adds prose, not links. */
const CLIMB_MIN_AVERAGE = 90;
/** The added prose must be at least this share of what the candidate holds, else it is a stray box. */
const CLIMB_MIN_SHARE = 0.15;
const CLIMB_MAX_LEVELS = 8;

function climbToArticle(top: LightNode, root: LightNode, units: LightNode[]): LightNode {
  for (const unit of units) {
    if (unit.ownLinkLen * 2 > unit.ownLen || isInJunk(unit, root)) continue;
    for (let n: LightNode | null = unit; n; n = n.parent) {
      n.proseLen += unit.ownLen;
      n.proseCount++;
    }
  }
  let best = top;
  let level = 0;
  for (let n = top.parent; n && level < CLIMB_MAX_LEVELS; n = n.parent, level++) {
    const extraLen = n.proseLen - best.proseLen;
    const extraCount = n.proseCount - best.proseCount;
    if (extraCount === 0) continue;
    if (extraLen / extraCount < CLIMB_MIN_AVERAGE || extraLen < best.proseLen * CLIMB_MIN_SHARE) break;
    const extraText = n.textLen - best.textLen;
    if (extraText > 0 && (n.linkLen - best.linkLen) / extraText > 0.25) break;
    best = n;
  }
  return best;
}

/** The top candidate, or its parent's children that belong with it, in page order. */
function withSiblings(top: LightNode): LightNode[] {
  const parent = top.parent;
  if (!parent) return [top];
  const threshold = Math.max(10, top.score * SIBLING_SHARE);
  const parts: LightNode[] = [];
  for (const child of parent.children) {
    if (typeof child === 'string') continue;
    if (child === top) {
      parts.push(child);
      continue;
    }
    if (child.isJunk) continue;
    const ld = linkDensity(child);
    if (child.score >= threshold && ld < 0.3) parts.push(child);
    else if (child.tag === 'p') {
      const text = unitText(child);
      if ((text.length > 80 && ld < 0.25) || (text.length > 0 && ld === 0 && /[.!?。]$/.test(text))) parts.push(child);
    }
  }
  return parts;
}

/** The inline text of a unit, whitespace collapsed. */
function unitText(node: LightNode): string {
  const out: string[] = [];
  const stack: Array<LightNode | string> = [node];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item !== node && !INLINE_TAGS.has(item.tag)) continue;
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** Reads paragraphs in page order: block elements and double line breaks end a paragraph. */
function readParagraphs(start: LightNode, out: Paragraph[]): void {
  let buffer: string[] = [];
  let linkLen = 0;
  let blockTag = start.tag;
  const flush = (): void => {
    const text = buffer.join('').replace(/\s+/g, ' ').trim();
    if (text) out.push({ text, tag: blockTag, textLen: text.length, linkLen: Math.min(linkLen, text.length) });
    buffer = [];
    linkLen = 0;
  };
  // Items: a node to enter, a string to append, or a marker closing a block or a link.
  type Item = LightNode | string | { close: LightNode };
  const stack: Item[] = [start];
  let linkDepth = 0;
  let lastWasBr = false;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      buffer.push(item);
      if (linkDepth > 0) linkLen += item.replace(/\s+/g, ' ').length;
      if (item.trim()) lastWasBr = false;
      continue;
    }
    if ('close' in item) {
      if (item.close.tag === 'a') linkDepth--;
      else {
        flush();
        blockTag = item.close.parent?.tag ?? blockTag;
      }
      continue;
    }
    const node = item;
    if (node !== start && node.isJunk) continue;
    // A link list tucked inside a paragraph (a hover card, an inline "related" box) is not prose.
    if (node.tag !== 'a' && INLINE_TAGS.has(node.tag) && node.textLen > 80 && node.linkLen > node.textLen * 0.7) continue;
    if (node.tag === 'br') {
      if (lastWasBr) flush();
      else buffer.push('\n');
      lastWasBr = true;
      continue;
    }
    const isInline = INLINE_TAGS.has(node.tag);
    if (!isInline) {
      flush();
      blockTag = node.tag;
    }
    if (node.tag === 'a') linkDepth++;
    if (node.tag === 'a' || !isInline) stack.push({ close: node });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  flush();
}

/** A label above the article ("Commentary", "World"): short, unpunctuated, before the first real paragraph. */
const MAX_KICKER_CHARS = 30;
const LONG_PARAGRAPH = 80;

/** Drops link lists, the title repeated, kicker labels, and boilerplate lines (share prompts, credits, ads). */
function filterParagraphs(paragraphs: Paragraph[], title: string | null): Paragraph[] {
  const normTitle = title ? norm(title) : null;
  const firstLong = paragraphs.findIndex((p) => p.textLen >= LONG_PARAGRAPH);
  return paragraphs.filter((p, index) => {
    if (index === 0 && firstLong > 0 && p.textLen < MAX_KICKER_CHARS && isLabel(p)) return false;
    const density = p.textLen ? p.linkLen / p.textLen : 0;
    // A link list, unless the words around the link make a sentence of their own ("<a>Lead</a>. More prose.").
    if (density > 0.5 && p.textLen < 300 && !(p.textLen - p.linkLen >= 60 && /[.!?。]$/.test(p.text))) return false;
    if (/^h[1-6]$/.test(p.tag) && normTitle && norm(p.text) === normTitle) return false;
    if (p.tag === 'h1') return false;
    return !isBoilerplateParagraph(p.text);
  });
}

/** One or two words, no punctuation, not a heading: a kicker or section label. */
function isLabel(p: Paragraph): boolean {
  return !/^h[1-6]$/.test(p.tag) && !/[,.!?:;。،]/.test(p.text) && p.text.split(/\s+/).length <= 2;
}

function norm(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
