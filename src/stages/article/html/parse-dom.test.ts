import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { parseDom } from './parse-dom.js';
import type { DomNode } from './light-tree.js';

/** Every node below the root, in document order, as the extractor reads it. */
function outline(root: DomNode | null | undefined): string[] {
  const lines: string[] = [];
  const visit = (node: DomNode, depth: number): void => {
    const parent = (node as unknown as { parentNode: DomNode | null }).parentNode;
    let line = `${depth} ${node.nodeType} ${node.nodeName} <${parent?.nodeName ?? ''}> ${JSON.stringify(node.textContent)}`;
    if (node.nodeType === 1) {
      line += ` attrs=${String(node.hasAttributes?.())}`;
      for (const name of ['class', 'id', 'CLASS', 'data-x', 'hidden', 'style', 'href', 'missing']) line += ` ${name}=${JSON.stringify(node.getAttribute?.(name))}`;
    }
    lines.push(line);
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c, depth + 1);
  };
  if (root) visit(root, 0);
  return lines;
}

const PAGES = [
  '<!DOCTYPE html><html lang="en"><head><title>Harbour &amp; ferry notes</title><meta property="og:title" content="Ferry"></head>' +
    '<body><div class="  story   story main " id="x"><p>First <b>line</b> of text.</p><p>Second<br>line</p></div></body></html>',
  // Unclosed paragraphs and list items, a void element written as a pair, upper-case tags and attribute names.
  '<html><body><P CLASS="Lead">One<p>Two<ul><li>a<li>b</ul><img src="a.png"></img><DIV data-x="1" hidden>gone</DIV></body></html>',
  // Script and style text, a comment, a template, an inline svg with its own class and a CDATA block.
  '<html><head><style>p { color: red }</style><script>var when = "2021-04-05";</script></head><body><!-- note -->' +
    '<template><p>kept inside</p></template><svg class="icon  icon"><g class="a"><text>label</text></g></svg>' +
    '<math><![CDATA[x < y]]></math><p style="display:none">hidden text</p><a href="/x?a=1&amp;b=2">link</a></body></html>',
  // Text after the root closes, a duplicated attribute (the first wins), entities in text and attributes.
  '<html><body><p id="one" id="two" title="&quot;q&quot;">caf&eacute; &lt;tag&gt;</p></body></html><p>after</p>',
];

void test('parseDom gives the tree, text and attributes linkedom gives', () => {
  for (const page of PAGES) {
    const ours = parseDom(page);
    const theirs = parseHTML(page).document as unknown as DomNode;
    assert.deepEqual(outline(ours.documentElement), outline(theirs.documentElement), page);
  }
});

void test('parseDom reads class as its distinct words and other attributes as written', () => {
  const root = parseDom('<html><body><div class=" a  b a " Data-Role="x" hidden></div><span></span></body></html>').documentElement!;
  const body = root.firstChild!;
  const div = body.firstChild!;
  assert.equal(div.getAttribute?.('class'), 'a b');
  assert.equal(div.getAttribute?.('Data-Role'), 'x');
  assert.equal(div.getAttribute?.('data-role'), null);
  assert.equal(div.getAttribute?.('hidden'), '');
  assert.equal(div.hasAttributes?.(), true);
  const span = div.nextSibling!;
  assert.equal(span.hasAttributes?.(), false);
  assert.equal(span.getAttribute?.('class'), '');
  assert.equal(span.getAttribute?.('id'), null);
});

void test('parseDom reads text content of deep nesting without recursion', () => {
  const depth = 20_000;
  const page = `<html><body>${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}<p>end</p></body></html>`;
  const body = parseDom(page).documentElement!.firstChild!;
  assert.equal(body.textContent, 'deepend');
});
