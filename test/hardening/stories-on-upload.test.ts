/** An uploaded page joins its story at once, through the worker thread (file store) and in-process (memory store). */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { makeTestApp, type TestStore } from '../server/fixtures.js';

const TOKEN = 'stories-token';
let fixture: TestStore;
let app: FastifyInstance;

let dispose: () => Promise<void>;
before(async () => {
  ({ fixture, app, dispose } = await makeTestApp(TOKEN));
});

after(async () => {
  await dispose();
});

const PAGE = '<html><head><title>Ferry service resumes</title></head><body><article><p>The island ferry service resumed on 4 March 2024 after a storm damaged the northern pier, the harbour office said.</p></article></body></html>';

async function storyOf(store: SqliteStore, articleId: number): Promise<number | null> {
  const [row] = await store.listStoryFeatures({ articleIds: [articleId] });
  return row?.storyId ?? null;
}

void test('an upload (worker thread) is in a story when the answer comes back', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/pages?published=2024-03-04', payload: PAGE, headers: { 'content-type': 'text/html', authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.statusCode, 201, res.body);
  const { articleId } = res.json<{ articleId: number }>();
  assert.notEqual(await storyOf(fixture.store, articleId), null);
});

void test('an upload to an in-memory store (analysed in-process) joins its story too', async () => {
  const store = new SqliteStore(':memory:');
  await store.migrate();
  const memoryApp = await buildApp({ store, config: { ...fixture.config, db: ':memory:' }, rateLimit: { perSecond: 0, burst: 0 } });
  try {
    const res = await memoryApp.inject({ method: 'POST', url: '/api/pages', payload: PAGE, headers: { 'content-type': 'text/html', authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.statusCode, 201, res.body);
    assert.notEqual(await storyOf(store, res.json<{ articleId: number }>().articleId), null);
  } finally {
    await memoryApp.close();
    await store.close();
  }
});
