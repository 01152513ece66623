/**
 * Heavy reads bounded: limits on timeline, network, events, credibility; one computation for the same question
 * asked at once, dropped after an upload; exports streamed page by page; one article's answer capped; /raw streamed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { streamEvents } from '../../src/server/routes/exports.js';
import { capAnalysis, MAX_ANSWER_FINDINGS, MAX_ANSWER_TEXT } from '../../src/server/routes/articles.js';
import { toCsv, toGeojson, toJsonl } from '../../src/exports/index.js';
import { ingestOne } from '../../src/ingest.js';
import { createContext } from '../../src/core/context.js';
import type { EventFilter, Store, StoredArticle, StoredEvent } from '../../src/store.js';
import { makeTestStore, type TestStore } from '../server/fixtures.js';

const TOKEN = 'heavy-token';
let fixture: TestStore;
let app: FastifyInstance;
let listEventsCalls = 0;

before(async () => {
  fixture = await makeTestStore({ withDemo: false, token: TOKEN });
  const real = fixture.store;
  const counting = new Proxy(real, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key === 'listEvents') return (filter?: EventFilter) => ((listEventsCalls += 1), real.listEvents(filter));
      // Credibility needs built stories; five graded rows stand in for them.
      if (key === 'listEventCredibility') return async () => Array.from({ length: 5 }, (_, i) => ({ eventId: i + 1, credibility: 2 }));
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  app = await buildApp({ store: counting, config: fixture.config, rateLimit: { perSecond: 0, burst: 0 }, searchPool: false });
});

after(async () => {
  await app.close();
  await fixture.dispose();
});

describe('limits', () => {
  test('timeline and network refuse more than 20,000 events, events more than 5,000, credibility more than 5,000', async () => {
    for (const url of ['/api/timeline?limit=50000', '/api/network?limit=20001', '/api/events?limit=20000', '/api/events.geojson?limit=5001', '/api/credibility?limit=100000', '/api/export/events?limit=20001']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400, url);
    }
    assert.equal((await app.inject({ method: 'GET', url: '/api/timeline?limit=20000' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/api/events?limit=5000' })).statusCode, 200);
  });

  test('credibility takes limit and offset', async () => {
    const all = (await app.inject({ method: 'GET', url: '/api/credibility' })).json<unknown[]>();
    assert.equal(all.length, 5);
    const page = (await app.inject({ method: 'GET', url: '/api/credibility?limit=1&offset=1' })).json<unknown[]>();
    assert.deepEqual(page, all.slice(1, 2));
  });
});

describe('aggregates', () => {
  test('eight identical timeline requests at once read the events once; an upload makes the next one read again', async () => {
    const url = '/api/timeline?since=2020&interval=day';
    const before = listEventsCalls;
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.inject({ method: 'GET', url })));
    assert.ok(answers.every((r) => r.statusCode === 200));
    assert.equal(new Set(answers.map((r) => r.body)).size, 1);
    assert.equal(listEventsCalls - before, 1);
    await app.inject({ method: 'GET', url: '/api/timeline?interval=day&since=2020' });
    assert.equal(listEventsCalls - before, 1, 'the same question written in another order is the same key');
    const page = '<html><head><title>Dock strike</title></head><body><article><p>Dock workers in the northern port stopped work on Tuesday over pay.</p></article></body></html>';
    const upload = await app.inject({ method: 'POST', url: '/api/pages', payload: page, headers: { 'content-type': 'text/html', authorization: `Bearer ${TOKEN}` } });
    assert.equal(upload.statusCode, 201, upload.body);
    await app.inject({ method: 'GET', url });
    assert.equal(listEventsCalls - before, 2);
  });
});

describe('exports stream', () => {
  function fakeEvents(n: number): StoredEvent[] {
    return Array.from({ length: n }, (_, i) => ({
      id: i + 1, articleId: 1, cameo: '042', plover: 'CONSULT', quadClass: 1, goldstein: 1.9, sourceName: 'Harbour board', sourceCode: null,
      targetName: 'Ferry union', targetCode: null, date: '2024-01-02', precision: 'day', modality: 'asserted', quantities: [],
      locationName: i % 3 === 0 ? null : 'Quay', lat: i < 1500 ? null : 10, lon: i < 1500 ? null : 20, speaker: null, via: [],
      evidence: { text: `=cell ${i}`, start: 0, end: 7 }, articleTitle: 'T', articleUrl: null, articlePublished: null, articleSource: null, analyzedAt: '2024-01-02',
    }));
  }
  const events = fakeEvents(2500);
  const pagedStore = {
    listEvents: async (filter: EventFilter = {}) => events.slice(filter.offset ?? 0, (filter.offset ?? 0) + (filter.limit ?? 1000)),
  } as unknown as Store;

  async function collect(format: 'csv' | 'jsonl' | 'geojson' | 'gdelt', filter: EventFilter): Promise<string> {
    let text = '';
    for await (const chunk of streamEvents(pagedStore, filter, format)) text += chunk;
    return text;
  }

  test('pages of 1,000 join into exactly what the whole-list writers make', async () => {
    assert.equal(await collect('csv', { limit: 2200 }), toCsv(events.slice(0, 2200)));
    assert.equal(await collect('jsonl', { limit: 2500, offset: 100 }), toJsonl(events.slice(100, 2500)));
    // The first page has no coordinates at all: the collection must still be valid JSON.
    const geo = await collect('geojson', { limit: 2500 });
    assert.deepEqual(JSON.parse(geo), JSON.parse(toGeojson(events)));
  });

  test('the server sends the export as a stream with the same body', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/export/events?format=csv' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, toCsv(await fixture.store.listEvents({ limit: 1000 })));
  });
});

describe('one article', () => {
  test('text past 200,000 characters and finding lists past 2,000 are cut, with counts of what was there', () => {
    const text = 'Gulls circled the breakwater. '.repeat(10_000);
    const dates = Array.from({ length: 3000 }, (_, i) => ({ text: 'Gulls', start: i * 100, end: i * 100 + 5, value: null, precision: 'vague' as const }));
    const article = {
      id: 1, captureId: 1, sha256: 'x', origin: 'o', pipelineVersion: 'v', analyzedAt: 'a',
      analysis: {
        contract: 1, article: { title: null, text, publisher: null, source: null, section: null, byline: null, published: null, language: 'en', url: null },
        entities: [{ id: 'other:gull', name: 'Gulls', type: 'other', code: null, role: null, affiliation: null, lat: null, lon: null, mentions: dates.map(({ text: t, start, end }) => ({ text: t, start, end })) }],
        dates, events: [], transfers: [], sections: [], messages: [],
      },
    } as unknown as StoredArticle;
    const capped = capAnalysis(article);
    assert.equal(capped.analysis.article.text.length, MAX_ANSWER_TEXT);
    assert.ok(capped.analysis.dates.length <= MAX_ANSWER_FINDINGS);
    assert.ok(capped.analysis.dates.every((d) => d.end <= MAX_ANSWER_TEXT));
    assert.ok((capped.analysis.entities[0]?.mentions.length ?? 0) <= 200);
    assert.deepEqual(capped.truncated, { textLength: text.length, dates: 3000 });
    const small = capAnalysis({ ...article, analysis: { ...article.analysis, article: { ...article.analysis.article, text: 'Short.' }, entities: [], dates: [] } });
    assert.equal(small.truncated, undefined);
  });

  test('/raw streams a gzipped capture back whole, as UTF-8 text', async () => {
    const page = `<html><head><title>Lighthouse log</title></head><body><article><p>${'The keeper noted fog at six, then clear skies — été. '.repeat(4000)}</p></article></body></html>`;
    const { articleId } = await ingestOne(fixture.store, { origin: 'lighthouse.html.gz', bytes: gzipSync(page) }, createContext());
    assert.ok(articleId !== null);
    const res = await app.inject({ method: 'GET', url: `/api/articles/${articleId}/raw` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(res.body, page);
  });
});
