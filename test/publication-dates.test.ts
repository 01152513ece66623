/**
 * Publication dates on whole pages of our own (test/pages/<name>/source.html with page.json's URL):
 * each page stands for one kind of evidence or one rejection, and says which rule must have made the
 * choice. The golden-pages suite runs the same pages through the whole pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractHtml } from '../src/stages/article/html.js';
import { DEFAULT_LIMITS, DataFiles } from '../src/core/context.js';
import type { Message } from '../src/core/doc.js';
import { ROOT } from './helpers.js';

const data = new DataFiles();

/** [page folder, expected publication value or null, the rule's reason must mention this]. */
const PAGES: Array<[string, string | null, RegExp | null]> = [
  // A Czech dateline in the article's meta line; the related list's days are not taken.
  ['vltava-listy-bridge-inspection', '2023-10-14T09:40:00', /text dateline/],
  // No date markup on the story: the site's feed beside it lists the story itself with its time.
  ['lakeside-courier-feed-entry', '2023-11-08T09:20:00+01:00', /list entry linking to this page/],
  // A press release without an <h1>, its date in brackets opening the first paragraph.
  ['hafenbote-bracket-dateline', '2024-03-07', /dateline opening the article/],
  // A registry page: the masthead <h1>, the served day ('today') and a filing date in a table are no publication.
  ['marsh-registry-served-day', null, null],
];

for (const [name, expected, reason] of PAGES) {
  void test(`publication date of test/pages/${name}: ${expected ?? 'none'}`, () => {
    const dir = path.join(ROOT, 'test/pages', name);
    const { url } = JSON.parse(readFileSync(path.join(dir, 'page.json'), 'utf8')) as { url: string };
    const messages: Message[] = [];
    const article = extractHtml(readFileSync(path.join(dir, 'source.html'), 'utf8'), {
      url,
      messages,
      limits: DEFAULT_LIMITS,
      data,
    });
    assert.equal(article.published, expected);
    const said = messages.find((m) => m.rule.startsWith('article/published'));
    if (reason) {
      assert.equal(said?.level, 'info');
      assert.match(said?.reason ?? '', reason);
    } else assert.equal(said, undefined);
  });
}
