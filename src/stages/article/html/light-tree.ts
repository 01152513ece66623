/**
 * A light copy of the parsed page: plain objects with text lengths and link lengths summed once,
 * so scoring never walks the DOM again. Built iteratively, so 10,000-deep nesting cannot overflow.
 */

/** An element of the light tree; text children are plain strings. */
export interface LightNode {
  tag: string;
  /** Lower-cased class and id, space-separated, for boilerplate patterns. */
  names: string;
  parent: LightNode | null;
  children: Array<LightNode | string>;
  /** Characters of non-whitespace-collapsed text below this node. */
  textLen: number;
  /** Characters of that text inside links. */
  linkLen: number;
  depth: number;
  /** Set when the node's tag, role or names mark it as page furniture (nav, share bar, comments). */
  isJunk: boolean;
  /** Readability-style content score, filled by scoring. */
  score: number;
  /** Characters of inline content directly in this block (its paragraph text), filled by scoring. */
  ownLen: number;
  /** Characters of that inline content inside links. */
  ownLinkLen: number;
  /** Paragraph characters and count below this node (junk excluded), filled by scoring. */
  proseLen: number;
  proseCount: number;
  attrs: Record<string, string>;
}

/** The minimal DOM surface we read, so linkedom's types need not leak through. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  textContent: string | null;
  /** Only on documents: linkedom's doctype has no nextSibling, so walks start here. */
  documentElement?: DomNode | null;
  getAttribute?(name: string): string | null;
  /** False for an element without attributes, whose every getAttribute is null (and class ''). */
  hasAttributes?(): boolean;
}

/** Tags whose content is never article text. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'video', 'audio', 'map', 'button', 'select', 'option', 'textarea', 'input', 'head', 'link', 'meta',
  'dialog', 'picture', 'source', 'img',
]);

/** Tags that are furniture by their role in HTML5 templates. */
const JUNK_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'menu', 'figcaption', 'form', 'label']);

/** Class/id words that name furniture in news templates (share bars, related links, comments, ads). */
const JUNK_NAMES =
  /(?:^|[\s_-])(?:comments?|comment-list|disqus|share|sharing|social|sociable|related|recommend(?:ed|ations)?|newsletter|subscribe|subscription|signup|sign-up|cookie|cookies|consent|gdpr|promo|advert|advertisement|ads?|adslot|ad-slot|dfp|sponsor(?:ed)?|banner|sidebar|side-bar|breadcrumbs?|tags?|tag-list|topics|byline|author|authors|author-bio|bio|caption|credit|credits|photo-credit|outbrain|taboola|popup|modal|paywall|footer|masthead|menu|navbar|nav|navigation|toolbar|widget|more-stories|read-more|readmore|most-popular|popular|trending|print|email|rating|meta|metadata|feedback|date|timestamp|dateline|post-meta|entry-meta|skip|visually-hidden|sr-only|screen-reader-text|copyright|disclaimer|pagination|pager|jump|login|follow|video|gallery-nav|teaser|rollover|tooltip|popover|hovercard)(?=$|[\s_-])/;

/** Furniture words that also mark it inside compound names ("newsCaption", "articleSidebar"). */
const JUNK_SUBSTRINGS = /caption|newsletter|advert|sharebar|share-bar|socialshare|social-share|sharing|related-?(?:articles?|stories|posts|links|content|news)|disqus|outbrain|taboola|cookie|paywall|breadcrumb|sidebar|byline|copyright|promo|sponsor/;
/** Embedded posts (tweets, Instagram) are quoted in the article; their wrappers keep them. */
const EMBED_NAMES = /(?:^|[\s_-])(?:embed|embedded|tweet|twitter-tweet|instagram-media|social-media-embed|social-embed)(?=$|[\s_-])/;

/** Roles that mark furniture. */
const JUNK_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert', 'menu']);

/** Result of building the tree: its root and what the build saw. */
export interface LightTree {
  root: LightNode;
  nodes: number;
  maxDepth: number;
  /** True when the build stopped early (node cap or deadline); the tree holds what was read. */
  isTruncated: boolean;
}

export interface BuildOptions {
  maxNodes: number;
  deadline: number;
}

const ELEMENT = 1;
const TEXT = 3;

function attr(node: DomNode, name: string): string {
  return node.getAttribute?.(name) ?? '';
}

/** Copies the body (or the whole document) into a light tree, skipping scripts and hidden parts. */
export function buildLightTree(start: DomNode, options: BuildOptions): LightTree {
  const root = makeNode(start, null, 0);
  let nodes = 1;
  let maxDepth = 0;
  let isTruncated = false;
  // Explicit stack of [dom child cursor, light parent].
  const stack: Array<[DomNode | null, LightNode]> = [[start.firstChild, root]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const dom = top[0];
    if (dom === null) {
      stack.pop();
      const done = top[1];
      closeNode(done);
      continue;
    }
    top[0] = dom.nextSibling;
    const parent = top[1];
    if (dom.nodeType === TEXT) {
      const text = dom.textContent ?? '';
      if (text.length === 0) continue;
      parent.children.push(text);
      parent.textLen += visibleLength(text);
      continue;
    }
    if (dom.nodeType !== ELEMENT) continue;
    const tag = dom.nodeName.toLowerCase();
    if (SKIPPED_TAGS.has(tag)) {
      if (tag === 'img') parent.children.push(makeNode(dom, parent, parent.depth + 1));
      continue;
    }
    if (isHidden(dom)) continue;
    if ((++nodes & 1023) === 0 && performance.now() > options.deadline) isTruncated = true;
    if (nodes > options.maxNodes) isTruncated = true;
    if (isTruncated) break;
    const node = makeNode(dom, parent, parent.depth + 1);
    parent.children.push(node);
    if (node.names && EMBED_NAMES.test(node.names)) keepEmbedWrappers(node);
    if (node.depth > maxDepth) maxDepth = node.depth;
    stack.push([dom.firstChild, node]);
  }
  // Close whatever the early stop left open, so the sums still add up.
  for (let i = stack.length - 1; i > 0; i--) closeNode(stack[i]![1]);
  return { root, nodes, maxDepth, isTruncated };
}

/** Adds a finished node's sums to its parent; all text inside a link counts as link text. */
function closeNode(node: LightNode): void {
  if (node.tag === 'a') node.linkLen = node.textLen;
  if (node.parent) {
    node.parent.textLen += node.textLen;
    node.parent.linkLen += node.linkLen;
  }
}

/** Attributes a light node keeps. */
const KEPT_ATTRIBUTES = ['itemprop', 'href', 'datetime', 'content', 'property', 'alt', 'dir', 'lang'];

function makeNode(dom: DomNode, parent: LightNode | null, depth: number): LightNode {
  const tag = dom.nodeName.toLowerCase();
  // An element without attributes (a third of most pages) has no names, role or kept attributes to read.
  const isBare = dom.hasAttributes?.() === false;
  const names = isBare ? '' : `${attr(dom, 'class')} ${attr(dom, 'id')}`.toLowerCase().trim();
  const role = isBare ? '' : attr(dom, 'role').toLowerCase();
  const attrs: Record<string, string> = {};
  if (!isBare) {
    for (const name of KEPT_ATTRIBUTES) {
      const value = dom.getAttribute?.(name);
      if (value) attrs[name] = value;
    }
  }
  return {
    tag,
    names,
    parent,
    children: [],
    textLen: 0,
    linkLen: 0,
    depth,
    isJunk: JUNK_TAGS.has(tag) || JUNK_ROLES.has(role) || isJunkName(names),
    score: 0,
    ownLen: 0,
    ownLinkLen: 0,
    proseLen: 0,
    proseCount: 0,
    attrs,
  };
}

/** Whole class tokens that hide an element on every screen ("hidden-xs" hides on phones only, so it is not one). */
const HIDDEN_CLASS = /(?:^|\s)(?:hidden|is-hidden|u-hidden|hide|d-none|invisible)(?=$|\s)/;

/** Wrappers named for media ("video-container", "social-embed") around an embedded post keep it. */
const EMBED_WRAPPER_LEVELS = 3;
function keepEmbedWrappers(embed: LightNode): void {
  let level = 0;
  for (let n = embed.parent; n && level < EMBED_WRAPPER_LEVELS; n = n.parent, level++) {
    if (n.isJunk && /video|embed|media|social/.test(n.names) && !JUNK_TAGS.has(n.tag)) n.isJunk = false;
  }
}

function isJunkName(names: string): boolean {
  if (names.length === 0) return false;
  if (HIDDEN_CLASS.test(names)) return true;
  if (EMBED_NAMES.test(names)) return false;
  return JUNK_NAMES.test(names) || JUNK_SUBSTRINGS.test(names);
}

function isHidden(dom: DomNode): boolean {
  if (dom.hasAttributes?.() === false) return false;
  if (dom.getAttribute?.('hidden') != null) return true;
  if (attr(dom, 'aria-hidden') === 'true') return true;
  const style = attr(dom, 'style');
  return style.length > 0 && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Length of a text without its whitespace runs collapsed to one. */
function visibleLength(text: string): number {
  let n = 0;
  let wasSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (isSpace) {
      if (!wasSpace) n++;
    } else n++;
    wasSpace = isSpace;
  }
  return n;
}
