/** Bad pages: oversized, deeply nested, malformed, bodiless, script-only, out of time. No crash, a clear message. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from './html.js';
import { DEFAULT_LIMITS, DataFiles, type Limits } from '../../core/context.js';
import type { Message } from '../../core/doc.js';

const data = new DataFiles();
const PROSE =
  'The ministry said the convoy crossed the border at dawn, carrying fuel, medicine and spare parts for the power station.';

function run(html: string, limits: Limits = DEFAULT_LIMITS) {
  const messages: Message[] = [];
  const article = extractHtml(html, { url: 'https://example.org/news/2024/05/06/convoy', messages, limits, data });
  return { article, rules: messages.map((m) => m.rule) };
}

void test('a 20 MB page is read by the fast text path with a message, not parsed into a DOM', () => {
  const filler = '<div class="x"><a href="/a">link</a><span>menu</span></div>\n';
  const article = `<article><p>${PROSE}</p><p>${PROSE.replace('dawn', 'noon')}</p></article>`;
  const html = `<html><head><title>Convoy</title></head><body>${article}${filler.repeat(Math.ceil(20e6 / filler.length))}</body></html>`;
  assert.ok(html.length >= 20e6);
  const { article: result, rules } = run(html);
  assert.ok(rules.includes('article/oversized-page'), rules.join(','));
  assert.match(result.text, /crossed the border at dawn/);
  assert.equal(result.title, 'Convoy');
});

void test('10,000-deep nesting neither overflows the stack nor loses the text at the bottom', () => {
  const depth = 10_000;
  const html = `<html><body>${'<div>'.repeat(depth)}<p>${PROSE}</p><p>${PROSE}</p>${'</div>'.repeat(depth)}</body></html>`;
  const { article } = run(html);
  assert.match(article.text, /crossed the border/);
});

void test('malformed markup (unclosed tags, stray end tags, broken attributes) still yields the paragraphs', () => {
  const html = `<html><head><title>Convoy</title><body><div class="story"><p>${PROSE}<p>Officials said a second convoy would follow within a week if the road stayed open.</div></span></td><p class="x=">Local residents lined the road, and several said it was the first delivery since the winter.<div <b>unclosed`;
  const { article } = run(html);
  assert.match(article.text, /crossed the border/);
  assert.match(article.text, /second convoy would follow/);
});

void test('a page without <body> or <html> is read as a fragment', () => {
  for (const html of [
    `<head><title>Convoy</title></head><p>${PROSE}</p><p>${PROSE}</p>`,
    `<p>${PROSE}</p><p>${PROSE}</p>`,
    `${PROSE} ${PROSE} ${PROSE}`,
  ]) {
    const { article } = run(html);
    assert.match(article.text, /crossed the border/, html.slice(0, 40));
  }
});

void test('a script-only page gives empty text and a no-text warning (the stage then names the input)', () => {
  const { article, rules } = run('<html><head><script>var a = 1;</script></head><body><script>document.write("x")</script><noscript>Enable JavaScript</noscript></body></html>');
  assert.equal(article.text, '');
  assert.ok(rules.includes('article/no-text'), rules.join(','));
});

void test('a page past its time budget stops building the tree, says so, and returns what it read', () => {
  const paragraphs = Array.from({ length: 3000 }, (_, i) => `<p>${PROSE} Paragraph ${i}.</p>`).join('');
  const { article, rules } = run(`<html><body><article>${paragraphs}</article></body></html>`, {
    ...DEFAULT_LIMITS,
    extractTimeoutMs: 0,
  });
  assert.ok(rules.includes('article/truncated-dom'), rules.join(','));
  assert.match(article.text, /Paragraph 0\./);
});

void test('an empty or whitespace page does not throw', () => {
  for (const html of ['', '   ', '<html></html>', '<!DOCTYPE html>']) {
    const { article, rules } = run(html);
    assert.equal(article.text, '');
    assert.ok(rules.includes('article/no-text'));
  }
});

void test('markup before <html> (a stray style, IE conditional roots) does not become the page', () => {
  const html = `<style>body { overflow: hidden; } #welcome-ad { position: fixed; }</style>
<!--[if IE 6]><html class="ie6"><![endif]-->
<!--[if gt IE 8]><!--><html class="modern" lang="en"><!--<![endif]-->
<head><title>Convoy reaches the plant</title></head><body><article><p>${PROSE}</p><p>${PROSE}</p></article></body></html>`;
  const { article } = run(html);
  assert.doesNotMatch(article.text, /overflow/);
  assert.match(article.text, /crossed the border/);
  assert.equal(article.title, 'Convoy reaches the plant');
  assert.equal(article.language, 'en');
});

void test('a page of 120,000 small elements skips the DOM (the parser would take seconds) and keeps its prose', () => {
  const html = `<html><body>${'<div><span>x</span><a href="#">y</a></div>'.repeat(40_000)}<p>${PROSE} ${PROSE}</p></body></html>`;
  const { article, rules } = run(html);
  assert.ok(rules.includes('article/oversized-page'), rules.join(','));
  assert.match(article.text, /crossed the border/);
});

void test('responsive "hidden-xs" columns keep their text; a plain "hidden" class does not', () => {
  const html = `<html><body><div class="row"><div class="col-md-8 hidden-xs"><p>${PROSE}</p><p>${PROSE.replace('dawn', 'dusk')}</p></div>
<div class="hidden"><p>Back to Gallery: this caption belongs to a slideshow nobody sees on the page.</p></div></div></body></html>`;
  const { article } = run(html);
  assert.match(article.text, /crossed the border at dusk/);
  assert.doesNotMatch(article.text, /Back to Gallery/);
});

void test('an embedded post inside a media-named wrapper is quoted in the text', () => {
  const html = `<html><body><article><p>${PROSE}</p><div class="video-container"><blockquote class="twitter-tweet"><p>Convoy spotted at the crossing this morning, dozens of trucks waiting in line.</p>— Local reporter (@reporter) May 6, 2024</blockquote></div><p>${PROSE.replace('dawn', 'dusk')}</p></article></body></html>`;
  const { article } = run(html);
  assert.match(article.text, /Convoy spotted at the crossing/);
});
