/**
 * Article extraction for HTML pages. Phases: guard the input (size, markup), parse once into a bare
 * tree (html/parse-dom.ts), collect metadata signals, copy the body into a light tree, find and read
 * the main content, recover when it yields too little (JSON-LD body, Readability over a linkedom
 * parse of the same markup, fast text path), then fill the metadata fields.
 */
import { parseHTML } from 'linkedom';
import type { Article, Message } from '../../core/doc.js';
import type { ExtractOptions } from './options.js';
import { buildLightTree, type DomNode } from './html/light-tree.js';
import { parseDom } from './html/parse-dom.js';
import { readMainContent, type Paragraph } from './html/main-content.js';
import { fastTextParagraphs, stripNonText } from './html/fast-text.js';
import { readabilityParagraphs } from './html/readability-fallback.js';
import { collectSignals } from './metadata/page-signals.js';
import { readJsonLdArticle } from './metadata/json-ld.js';
import { readPageMetadata } from './metadata/page-metadata.js';
import { findPublished } from './metadata/published.js';
import { visibleSegments } from './metadata/visible-text.js';
import { findCredit } from './metadata/credit.js';
import { chooseLanguage } from './metadata/language.js';

/** Pages longer than this (after scripts and styles are dropped) skip the DOM for the fast text path. */
const MAX_PARSE_CHARS = 3_000_000;
/**
 * Pages with more tags than this skip the DOM: linkedom takes seconds on 100,000 flat siblings, while
 * heavy real article pages stay under 20,000.
 */
const MAX_PARSE_TAGS = 50_000;
/** Most elements copied into the light tree; a real article page has a few thousand. */
const MAX_TREE_NODES = 150_000;
/** Below this many characters the main-content pass is taken to have missed the article. */
const MIN_ARTICLE_CHARS = 250;
/** Readability recurses over the DOM; beyond this depth it is not called. */
const MAX_READABILITY_DEPTH = 300;

export function extractHtml(html: string, options: ExtractOptions): Article {
  const deadline = performance.now() + options.limits.extractTimeoutMs;
  const source = html.length > MAX_PARSE_CHARS ? stripNonText(html) : html;
  if (source.length > MAX_PARSE_CHARS) {
    note(options.messages, 'article/oversized-page', `page of ${html.length} characters read without a DOM (limit ${MAX_PARSE_CHARS})`);
    return fastArticle(source, options);
  }
  const tags = countTags(source, MAX_PARSE_TAGS);
  if (tags > MAX_PARSE_TAGS) {
    note(options.messages, 'article/oversized-page', `page of more than ${MAX_PARSE_TAGS} tags read without a DOM`);
    return fastArticle(source, options);
  }
  const markup = normaliseRoot(source);
  const root = parseDom(markup);
  const signals = collectSignals(root);
  const jsonLd = readJsonLdArticle(signals.jsonLd, options.url);
  const meta = readPageMetadata(signals, jsonLd, options.url);
  const tree = buildLightTree(findBody(root), { maxNodes: MAX_TREE_NODES, deadline });
  if (tree.isTruncated) {
    note(options.messages, 'article/truncated-dom', `read the first ${tree.nodes} elements only (node or time limit)`);
  }
  let paragraphs = readMainContent(tree.root, meta.title);
  paragraphs = recover(paragraphs, { jsonLdBody: jsonLd?.body ?? null, markup, tree, source, deadline, options });
  const texts = paragraphs.map((p) => p.text);
  const text = texts.join('\n\n');
  if (text.length === 0) warnNoText(options.messages);
  const language = chooseLanguage(meta.declaredLanguages, text || (meta.title ?? ''));
  const published = findPublished({
    signals,
    jsonLd,
    url: options.url,
    visible: visibleSegments(tree.root),
    lead: texts.slice(0, 5),
    language: meta.declaredLanguages.find((l) => l && /^[a-z]{2}[-_][a-z]{2}\b/i.test(l)) ?? language,
    reference: referenceTime(options.capturedAt),
  });
  if (published) note(options.messages, published.rule, `publication time ${published.value} (${published.reason})`);
  return {
    title: meta.title,
    text,
    publisher: meta.publisher,
    source: findCredit(texts, signals.credits),
    section: meta.section,
    byline: meta.byline,
    published: published?.value ?? null,
    language,
    url: meta.url,
  };
}

interface RecoverContext {
  jsonLdBody: string | null;
  /** The markup the bare tree was parsed from: Readability gets linkedom's document of it. */
  markup: string;
  tree: { maxDepth: number; isTruncated: boolean };
  source: string;
  deadline: number;
  options: ExtractOptions;
}

/** When the main-content pass found too little: the JSON-LD body, then Readability, then the fast path. */
function recover(paragraphs: Paragraph[], ctx: RecoverContext): Paragraph[] {
  const length = paragraphs.reduce((n, p) => n + p.textLen, 0);
  if (length >= MIN_ARTICLE_CHARS) return paragraphs;
  const { messages } = ctx.options;
  const ldBody = ctx.jsonLdBody?.trim() ?? '';
  if (ldBody.length > Math.max(length * 1.5, MIN_ARTICLE_CHARS)) {
    note(messages, 'article/json-ld-body', 'main content too short; used the articleBody of the JSON-LD');
    return ldBody
      .split(/\n\s*\n|\r?\n/)
      .map((t) => t.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .map((text) => ({ text, tag: 'p', textLen: text.length, linkLen: 0 }));
  }
  if (ctx.tree.maxDepth <= MAX_READABILITY_DEPTH && !ctx.tree.isTruncated && performance.now() < ctx.deadline) {
    const fromReadability = readabilityParagraphs(parseHTML(ctx.markup).document);
    const found = fromReadability.reduce((n, p) => n + p.textLen, 0);
    if (found > length * 1.5) {
      note(messages, 'article/readability-fallback', 'main content too short; used Readability');
      return fromReadability;
    }
  }
  if (length === 0) {
    const fast = fastTextParagraphs(ctx.source);
    if (fast.length > 0) {
      note(messages, 'article/fast-text', 'no article container found; read prose lines without structure');
      return fast;
    }
  }
  return paragraphs;
}

/** The article read by the fast text path, with what metadata a head regex can give. */
function fastArticle(html: string, options: ExtractOptions): Article {
  const paragraphs = fastTextParagraphs(html).map((p) => p.text);
  if (paragraphs.length === 0) warnNoText(options.messages);
  const title = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(html.slice(0, 100_000))?.[1]?.trim() ?? null;
  const text = paragraphs.join('\n\n');
  return {
    title,
    text,
    publisher: null,
    source: findCredit(paragraphs),
    section: null,
    byline: null,
    published: null,
    language: chooseLanguage([], text),
    url: options.url,
  };
}

/** Start tags in the page, counted up to `limit` + 1 (no more is needed to refuse it). */
function countTags(html: string, limit: number): number {
  let count = 0;
  for (let i = html.indexOf('<'); i !== -1 && count <= limit; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1) | 32;
    if (c >= 97 && c <= 122) count++;
  }
  return count;
}

/** How far into a page its <html> tag is looked for. */
const HTML_TAG_SCAN = 200_000;

/**
 * linkedom takes the first element for the root: a fragment or bare text is wrapped in <html>, and
 * markup before the <html> tag (a stray <style> or ad script) is dropped so it does not become the root.
 */
function normaliseRoot(html: string): string {
  const head = html.slice(0, HTML_TAG_SCAN);
  let at = -1;
  for (const m of head.matchAll(/<html[\s>]/gi)) {
    // An <html> inside a conditional comment (<!--[if IE 6]><html class="ie6">) is not the root.
    if (head.lastIndexOf('<!--', m.index) <= head.lastIndexOf('-->', m.index)) {
      at = m.index;
      break;
    }
  }
  if (at === -1) return `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const before = html.slice(0, at).replace(/<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>/g, '');
  return /<[a-z]/i.test(before) ? html.slice(at) : html;
}

/** The <body>, or the root element when the page has none. */
function findBody(document: DomNode): DomNode {
  const html = document.documentElement;
  if (!html) return document;
  for (let c = html.firstChild; c; c = c.nextSibling) if (c.nodeName.toLowerCase() === 'body') return c;
  return html;
}

/** The capture time as a Date, or null when not given or unreadable. */
function referenceTime(capturedAt: string | null | undefined): Date | null {
  const ms = capturedAt ? Date.parse(capturedAt) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** The stage turns an empty text into an InputError naming the input; the message says why. */
function warnNoText(messages: Message[]): void {
  messages.push({ level: 'warning', rule: 'article/no-text', reason: 'no article text on the page (empty, script-only or markup only)' });
}

function note(messages: Message[], rule: string, reason: string): void {
  messages.push({ level: 'info', rule, reason });
}

