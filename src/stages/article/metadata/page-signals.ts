/**
 * One walk over the parsed document collecting what metadata is read from: meta tags, JSON-LD
 * blocks, the canonical link, <html lang>, <title>, <h1>s and <time> elements.
 */
import type { DomNode } from '../html/light-tree.js';

/** A <time> element or an element marked `itemprop="datePublished"`. */
export interface TimeSignal {
  datetime: string;
  text: string;
  /** Lower-cased class, id, itemprop and the parent's class: says whether it is the publication time. */
  context: string;
  /** Lower-cased tag names, classes and ids of up to eight ancestors: says whether it sits in a list of other stories or comments. */
  ancestry: string;
  /** The href of the link (<a>) the element sits in, within a few ancestors; '' when none. */
  link?: string;
}

/** Raw metadata of a page, before any choice is made. */
export interface PageSignals {
  /** Meta tags by lower-cased name/property/itemprop; first value wins, all values kept in order. */
  meta: Map<string, string[]>;
  jsonLd: unknown[];
  canonical: string | null;
  htmlLang: string | null;
  title: string | null;
  h1: string[];
  times: TimeSignal[];
  /** Text of elements whose class/id names a byline or author. */
  bylines: string[];
  /** Text of elements whose class/id names the story's source or credit ("Source: Xinhua"). */
  credits: string[];
  /** Link texts of the first breadcrumb trail, in order. */
  breadcrumbs: string[];
  /** The first publication field of the page's own script data (a framework's state, not JSON-LD), per script. */
  scriptDates: Array<{ key: string; value: string }>;
}

/** A publication field in a script's data: `"datePublished": "2020-03-27T10:00:00Z"`, `"publishedAt":"..."`. */
const SCRIPT_PUBLISHED =
  /["'](datePublished|publishedAt|published_at|publishDate|publish_date|publishedDate|published_date|firstPublishedAt|first_published_at|first_publish_date|date_published|publicationDate|publication_date)["']\s*:\s*["'](\d{4}-\d{2}-\d{2}(?:[T ][\d:.]{5,15}(?:Z|[+-]\d{2}:?\d{2})?)?)["']/;
/** Script characters searched for publication fields, over the whole page. */
const MAX_SCRIPT_CHARS = 1_000_000;

/** Walks at most this many elements for signals; a page beyond it keeps what was found. */
const MAX_SIGNAL_NODES = 200_000;

export function collectSignals(document: DomNode): PageSignals {
  const signals: PageSignals = {
    meta: new Map(),
    jsonLd: [],
    canonical: null,
    htmlLang: null,
    title: null,
    h1: [],
    times: [],
    bylines: [],
    credits: [],
    breadcrumbs: [],
    scriptDates: [],
  };
  let scriptChars = 0;
  const stack: DomNode[] = [document.documentElement ?? document];
  let seen = 0;
  while (stack.length > 0 && seen++ < MAX_SIGNAL_NODES) {
    const node = stack.pop()!;
    if (node.nodeType !== 1) continue;
    const tag = node.nodeName.toLowerCase();
    switch (tag) {
      case 'html':
        signals.htmlLang ??= attrOf(node, 'lang') || attrOf(node, 'xml:lang') || null;
        break;
      case 'meta': {
        const content = attrOf(node, 'content');
        const key = (attrOf(node, 'property') || attrOf(node, 'name') || attrOf(node, 'itemprop') || attrOf(node, 'http-equiv')).toLowerCase().trim();
        if (key && content) {
          const list = signals.meta.get(key);
          if (list) list.push(content);
          else signals.meta.set(key, [content]);
        }
        continue;
      }
      case 'link':
        if (/\bcanonical\b/i.test(attrOf(node, 'rel')) && attrOf(node, 'href')) signals.canonical ??= attrOf(node, 'href');
        continue;
      case 'script':
        if (/ld\+json/i.test(attrOf(node, 'type'))) readJsonLd(node.textContent ?? '', signals.jsonLd);
        else if (signals.scriptDates.length < 3 && scriptChars < MAX_SCRIPT_CHARS) {
          const code = node.textContent ?? '';
          scriptChars += code.length;
          const found = SCRIPT_PUBLISHED.exec(code.length > MAX_SCRIPT_CHARS ? code.slice(0, MAX_SCRIPT_CHARS) : code);
          if (found) signals.scriptDates.push({ key: found[1]!, value: found[2]! });
        }
        continue;
      case 'style':
      case 'noscript':
      case 'template':
      case 'svg':
        continue;
      case 'title':
        signals.title ??= clean(node.textContent ?? '');
        continue;
      case 'h1':
        if (signals.h1.length < 5) signals.h1.push(clean(node.textContent ?? ''));
        break;
      case 'abbr':
        // hAtom: <abbr class="published" title="2020-03-27T10:00:00+01:00">27 March</abbr>.
        if (signals.times.length < 50 && attrOf(node, 'title') && /published|dtstamp|dtstart|\bdate\b/i.test(attrOf(node, 'class')))
          signals.times.push(timeSignal(node, attrOf(node, 'title')));
        break;
      case 'time':
        if (signals.times.length < 50) signals.times.push(timeSignal(node, attrOf(node, 'datetime') || attrOf(node, 'content')));
        break;
      default: {
        // An element without attributes names no date, byline, breadcrumb or source.
        if (node.hasAttributes?.() === false) break;
        const itemprop = attrOf(node, 'itemprop');
        if (/datePublished|dateCreated/i.test(itemprop) && signals.times.length < 50) {
          signals.times.push(timeSignal(node, attrOf(node, 'content') || attrOf(node, 'datetime')));
        }
        const names = `${attrOf(node, 'class')} ${attrOf(node, 'id')} ${attrOf(node, 'rel')} ${itemprop}`.toLowerCase();
        if (
          signals.bylines.length < 10 &&
          /(?:^|[\s_-])(?:byline|author|author-name|authors|by-author|dateline-author|writer|reporter)(?=$|[\s_-])/.test(names)
        ) {
          const text = clean(node.textContent ?? '');
          if (text.length > 0 && text.length < 120) signals.bylines.push(text);
        }
        if (signals.breadcrumbs.length === 0 && /breadcrumb/.test(`${names} ${attrOf(node, 'aria-label').toLowerCase()}`)) {
          signals.breadcrumbs = linkTexts(node);
        }
        if (signals.credits.length < 5 && /(?:^|[\s_-])(?:source|news-source|article-source|story-source|credit-source)(?=$|[\s_-])/.test(names)) {
          const text = clean(node.textContent ?? '');
          if (text.length > 0 && text.length < 120) signals.credits.push(text);
        }
      }
    }
    // Children pushed last-first, so the first child is walked next (reversed in place, no array per element).
    let low = stack.length;
    for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) stack.push(c);
    for (let high = stack.length - 1; low < high; low++, high--) [stack[low], stack[high]] = [stack[high]!, stack[low]!];
  }
  return signals;
}

/** An attribute's value, or '' when the element lacks it. */
function attrOf(node: DomNode, name: string): string {
  return node.getAttribute?.(name) ?? '';
}

/** The texts of the links under a small element (a breadcrumb trail), at most 10. */
function linkTexts(root: DomNode): string[] {
  const out: string[] = [];
  const stack: DomNode[] = [root];
  let seen = 0;
  while (stack.length > 0 && out.length < 10 && seen++ < 500) {
    const node = stack.pop()!;
    if (node.nodeType !== 1) continue;
    if (node.nodeName.toLowerCase() === 'a') {
      const text = clean(node.textContent ?? '');
      if (text) out.push(text);
      continue;
    }
    const children: DomNode[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

function timeSignal(node: DomNode, datetime: string): TimeSignal {
  const get = (n: DomNode | null, name: string): string => n?.getAttribute?.(name) ?? '';
  const parent = (node as unknown as { parentNode: DomNode | null }).parentNode;
  const context = [
    get(node, 'class'),
    get(node, 'id'),
    get(node, 'itemprop'),
    get(node, 'pubdate') !== '' || node.getAttribute?.('pubdate') != null ? 'pubdate' : '',
    get(parent, 'class'),
    get(parent, 'id'),
  ]
    .join(' ')
    .toLowerCase();
  return {
    datetime,
    text: clean(node.textContent ?? '').slice(0, 200),
    context,
    ancestry: ancestryOf(parent),
    link: linkOf(node),
  };
}

/** The href of the nearest <a> among the element and its first four ancestors. */
function linkOf(start: DomNode): string {
  let node: DomNode | null = start;
  for (let i = 0; node && node.nodeType === 1 && i < 5; i++) {
    if (node.nodeName.toLowerCase() === 'a') return node.getAttribute?.('href') ?? '';
    node = (node as unknown as { parentNode: DomNode | null }).parentNode;
  }
  return '';
}

/** How many ancestors of a <time> are read for list, comment and footer markers. */
const ANCESTRY_DEPTH = 8;

function ancestryOf(start: DomNode | null): string {
  const parts: string[] = [];
  let node = start;
  // The page's own classes on <body> and <main> ("layout--with-sidebar") describe the page, not a list in it.
  for (let i = 0; node && node.nodeType === 1 && i < ANCESTRY_DEPTH && !/^(?:body|main|html)$/i.test(node.nodeName); i++) {
    parts.push(`${node.nodeName.toLowerCase()} ${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''}`);
    node = (node as unknown as { parentNode: DomNode | null }).parentNode;
  }
  return parts.join(' ').toLowerCase();
}

/** Parses a JSON-LD block leniently (CDATA wrappers, trailing semicolons); drops it when unreadable. */
function readJsonLd(raw: string, out: unknown[]): void {
  const text = raw
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .trim()
    .replace(/;\s*$/, '');
  if (!text || text.length > 2_000_000) return;
  try {
    out.push(JSON.parse(text));
  } catch {
    // Raw control characters inside strings are the common fault; try once without them.
    try {
      out.push(JSON.parse(stripControls(text)));
    } catch {
      // Broken JSON-LD (trailing commas, unescaped quotes) still names its dates; keep those.
      const recovered = recoverFields(text);
      if (recovered) out.push(recovered);
    }
  }
}

/** Whitespace collapsed and trimmed. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The date and headline fields of a JSON-LD block that does not parse, read one by one. */
function recoverFields(text: string): Record<string, string> | null {
  const field = (name: string): string | undefined => new RegExp(`"${name}"\\s*:\\s*"([^"]{1,300})"`).exec(text)?.[1];
  const datePublished = field('datePublished');
  if (!datePublished) return null;
  const fields: Record<string, string> = { '@type': 'CreativeWork', datePublished };
  for (const name of ['dateCreated', 'headline', 'inLanguage', 'articleSection']) {
    const value = field(name);
    if (value) fields[name] = value;
  }
  return fields;
}

/** Raw control characters (invalid inside JSON strings) replaced by spaces. */
function stripControls(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i) < 32 ? ' ' : text[i];
  return out;
}
