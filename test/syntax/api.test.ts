/** GET /api/articles/:id/syntax in-process: trees of a span's sentences with spans into the article text; bad spans are 400s. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { MAX_SYNTAX_SPAN } from '../../src/server/routes/syntax.js';
import { makeTestStore, type TestStore } from '../server/fixtures.js';

let fixture: TestStore;
let app: FastifyInstance;

before(async () => {
  fixture = await makeTestStore({ withDemo: false });
  app = await buildApp({ store: fixture.store, config: fixture.config, rateLimit: { perSecond: 0, burst: 0 }, searchPool: false });
});

after(async () => {
  await app.close();
  await fixture.dispose();
});

interface Answer {
  sentences: Array<{ text: string; start: number; end: number; words: Array<{ text: string; start: number; end: number; head: number; deprel: string }> }>;
}

void test('the sentences of a span come back parsed, every word quoting the article text', async () => {
  const id = fixture.fixtureIds[0] as number;
  const article = (await app.inject({ method: 'GET', url: `/api/articles/${id}` })).json<{ analysis: { article: { text: string } } }>();
  const text = article.analysis.article.text;
  const end = Math.min(text.length, 600);
  const res = await app.inject({ method: 'GET', url: `/api/articles/${id}/syntax?start=0&end=${end}` });
  assert.equal(res.statusCode, 200, res.body);
  const answer = res.json<Answer>();
  assert.ok(answer.sentences.length >= 1);
  for (const s of answer.sentences) {
    assert.equal(text.slice(s.start, s.end), s.text);
    assert.equal(s.words.filter((w) => w.head === -1).length, 1);
    for (const w of s.words) assert.equal(text.slice(w.start, w.end), w.text);
  }
});

void test('spans that are empty, too long or past the text are refused; an unknown article is a 404', async () => {
  const id = fixture.fixtureIds[0] as number;
  for (const query of ['start=5&end=5', `start=0&end=${MAX_SYNTAX_SPAN + 1}`, 'start=0&end=9999999']) {
    const res = await app.inject({ method: 'GET', url: `/api/articles/${id}/syntax?${query}` });
    assert.equal(res.statusCode, 400, query);
  }
  const missing = await app.inject({ method: 'GET', url: '/api/articles/999999/syntax?start=0&end=10' });
  assert.equal(missing.statusCode, 404);
});
