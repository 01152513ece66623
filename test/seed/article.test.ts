/**
 * The seed page (../shared/seeds) through the same functions `watchfloor analyze` calls: every
 * `article` field and `article_text` constraint of its golden file, read at test time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeInput, toAnalysis } from '../../src/analysis.js';
import { createContext, DEFAULT_LIMITS } from '../../src/core/context.js';
import { readInput } from '../../src/inputs.js';
import { NO_SHARED, SHARED, skipOutsideCi } from '../helpers.js';

const SEED = path.join(SHARED, 'seeds/000_e878d5f46c78badf.txt');
const GOLDEN = path.join(SHARED, 'golden/seed-000.expected.json');
/** The seed's own dateline; the article stage must not depend on it, but the pipeline gets a fixed clock. */
const NOW = new Date('2021-09-11T12:42:00Z');

interface Golden {
  article: Record<string, unknown>;
  article_text: { paragraphs: number; startsWith: string; endsWith: string; excludes: string[] };
}

void test('seed page: article fields and text as the golden file says', { skip: skipOutsideCi(NO_SHARED) }, async () => {
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;
  const bytes = await readInput(SEED, DEFAULT_LIMITS.maxBytes);
  const { article } = toAnalysis(
    analyzeInput({ origin: SEED, bytes, url: null, published: null }, createContext({ now: NOW })),
  );
  for (const [field, value] of Object.entries(golden.article)) {
    assert.deepEqual((article as unknown as Record<string, unknown>)[field], value, `article.${field}`);
  }
  const { paragraphs, startsWith, endsWith, excludes } = golden.article_text;
  assert.equal(article.text.split('\n\n').length, paragraphs, 'paragraph count');
  assert.ok(article.text.startsWith(startsWith), `text starts with ${JSON.stringify(startsWith)}`);
  assert.ok(article.text.endsWith(endsWith), `text ends with ${JSON.stringify(endsWith)}`);
  for (const phrase of excludes) assert.ok(!article.text.includes(phrase), `text excludes ${JSON.stringify(phrase)}`);
});
