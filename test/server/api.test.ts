/** The API, in-process (app.inject): search, articles and raw captures, entities, events, exports, ETags, errors, uploads, limits. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { makeTestStore, type TestStore } from './fixtures.js';

const TOKEN = 'desk-test-token';
let fixture: TestStore;
let app: FastifyInstance;

before(async () => {
  fixture = await makeTestStore({ token: TOKEN });
  app = await buildApp({ store: fixture.store, config: fixture.config, rateLimit: { perSecond: 0, burst: 0 } });
});

after(async () => {
  await app.close();
  await fixture.dispose();
});

async function getJson(url: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

describe('meta', () => {
  test('health reports the store and its counts', async () => {
    const { status, body } = await getJson('/api/health');
    assert.equal(status, 200);
    assert.equal(body.status, 'ok');
    assert.ok(body.articles >= 5, `articles: ${body.articles}`);
  });

  test('the OpenAPI document lists every route with its query parameters', async () => {
    const { status, body } = await getJson('/api/openapi.json');
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    for (const p of ['/api/search', '/api/articles/{id}', '/api/articles/{id}/raw', '/api/entities/{id}', '/api/events', '/api/events.geojson', '/api/transfers', '/api/export/events', '/api/pages']) {
      assert.ok(body.paths[p], `missing ${p}`);
    }
    const names = body.paths['/api/search'].get.parameters.map((x: { name: string }) => x.name);
    assert.deepEqual(names.sort(), ['actor', 'country', 'eventType', 'limit', 'offset', 'q', 'section', 'since', 'sort', 'source', 'until'].sort());
    assert.deepEqual(body.paths['/api/pages'].post.security, [{ bearer: [] }]);
  });

  test('every answer carries the security headers', async () => {
    for (const url of ['/api/health', '/api/nowhere', '/']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-inline/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
    }
  });

  test('unknown routes and bad parameters answer JSON errors with a code and a message', async () => {
    const missing = await getJson('/api/nowhere');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'not-found');
    const bad = await getJson('/api/search?limit=5000');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'request/invalid');
    assert.match(bad.body.error.message, /limit/);
    const badSort = await getJson('/api/search?sort=random');
    assert.equal(badSort.status, 400);
    const badDay = await getJson('/api/events?since=yesterday');
    assert.equal(badDay.status, 400);
    const noArticle = await getJson('/api/articles/999999');
    assert.equal(noArticle.status, 404);
    assert.match(noArticle.body.error.message, /999999/);
  });
});

describe('search', () => {
  test('finds words with snippets and facets', async () => {
    const { status, body } = await getJson('/api/search?q=armoured%20vehicles');
    assert.equal(status, 200);
    const hit = body.hits.find((h: { id: number }) => h.id === fixture.fixtureIds[0]);
    assert.ok(hit, 'the Tajikistan fixture is found');
    assert.match(hit.snippet, /«armoured»/);
    assert.ok(body.total >= 1);
    for (const key of ['source', 'section', 'country', 'eventType']) assert.ok(Array.isArray(body.facets[key]), key);
    assert.ok(body.facets.country.some((f: { value: string }) => f.value === 'TJK'));
    assert.ok(body.facets.actor.some((f: { value: string }) => f.value === 'RUSMIL'), JSON.stringify(body.facets.actor));
    assert.ok(body.facets.eventType.some((f: { value: string }) => f.value === 'AID'));
    assert.equal(typeof body.facetSample, 'number');
  });

  test('filters by country, event type, source, section and date range', async () => {
    const [tajik, k2, hwasong, zaporizhzhia] = fixture.fixtureIds;
    const ids = (body: { hits: Array<{ id: number }> }): number[] => body.hits.map((h) => h.id);
    const byCountry = ids((await getJson('/api/search?country=PRK&limit=100')).body);
    assert.ok(byCountry.includes(hwasong!) && !byCountry.includes(tajik!) && !byCountry.includes(k2!), String(byCountry));
    const byType = await getJson('/api/search?eventType=ACCUSE&sort=date&limit=100');
    const accuse = ids(byType.body);
    assert.ok(accuse.includes(hwasong!) && accuse.includes(zaporizhzhia!) && !accuse.includes(tajik!), String(accuse));
    assert.ok(accuse.indexOf(hwasong!) < accuse.indexOf(zaporizhzhia!), 'newest first');
    const byRoot = ids((await getJson('/api/search?eventType=07&limit=100')).body);
    assert.ok(byRoot.includes(tajik!) && !byRoot.includes(hwasong!), String(byRoot));
    const bySource = await getJson('/api/search?source=Fixture%20Ledger');
    assert.deepEqual(ids(bySource.body).sort(), [k2!, zaporizhzhia!].sort());
    const bySection = ids((await getJson('/api/search?section=Missiles&limit=100')).body);
    assert.ok(bySection.includes(hwasong!) && !bySection.includes(tajik!), String(bySection));
    const byDates = await getJson('/api/search?q=Russia&since=2022-01-01&until=2022-12-31');
    assert.ok(byDates.body.hits.some((h: { id: number }) => h.id === fixture.fixtureIds[3]));
    assert.ok(!byDates.body.hits.some((h: { id: number }) => h.id === fixture.fixtureIds[0]));
  });

  test('filters by actor, as an entity id or a code prefix', async () => {
    const byEntity = await getJson('/api/search?actor=person:sergei-shoigu&limit=100');
    const shoigu = byEntity.body.hits.map((h: { id: number }) => h.id);
    assert.ok(shoigu.includes(fixture.fixtureIds[0]) && !shoigu.includes(fixture.fixtureIds[1]), String(shoigu));
    const byCode = await getJson('/api/search?actor=PRK');
    assert.ok(byCode.body.hits.some((h: { id: number }) => h.id === fixture.fixtureIds[2]));
  });

  test('pages through results and sorts by date', async () => {
    const first = await getJson('/api/search?sort=date&limit=2');
    const second = await getJson('/api/search?sort=date&limit=2&offset=2');
    assert.equal(first.body.hits.length, 2);
    assert.notDeepEqual(first.body.hits[0].id, second.body.hits[0].id);
    const days = first.body.hits.map((h: { published: string | null }) => h.published ?? '');
    assert.ok(days[0] >= days[1], `${days[0]} before ${days[1]}`);
  });

  test('treats search-engine syntax in the box as words, not as errors', async () => {
    for (const q of ['NEAR(a b)', '"unclosed', 'title:x', '*', 'a AND OR b', '-']) {
      const res = await getJson(`/api/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, q);
    }
  });
});

describe('articles', () => {
  test('an article comes with its analysis and a link to its raw capture', async () => {
    const id = fixture.fixtureIds[0]!;
    const { status, body } = await getJson(`/api/articles/${id}`);
    assert.equal(status, 200);
    assert.equal(body.analysis.article.title, 'Russia sends armoured vehicles to Tajikistan');
    assert.equal(body.analysis.events[0].cameo, '072');
    assert.equal(body.rawUrl, `/api/articles/${id}/raw`);
  });

  test('the raw capture is served as plain text, never as HTML', async () => {
    const id = fixture.fixtureIds[4]!;
    const res = await app.inject({ method: 'GET', url: `/api/articles/${id}/raw` });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-disposition']), /^inline; filename="capture-\d+-[0-9a-f]{12}\.txt"$/);
    assert.match(String(res.headers['content-security-policy']), /sandbox/);
    assert.match(res.body, /<script>alert\("raw"\)<\/script>/);
  });
});

describe('entities', () => {
  test('lists entities by how many articles mention them', async () => {
    const { body } = await getJson('/api/entities?type=country');
    const russia = body.find((e: { id: string }) => e.id === 'country:RUS');
    assert.ok(russia);
    assert.ok(russia.articleCount >= 3);
    assert.ok(body.every((e: { type: string }) => e.type === 'country'));
  });

  test('an entity page has its events as source and as target, co-occurring actors and mentions over time', async () => {
    const { status, body } = await getJson('/api/entities/country:RUS');
    assert.equal(status, 200);
    assert.equal(body.entity.name, 'Russia');
    const mine = (events: Array<{ articleId: number; cameo: string }>): string[] =>
      events.filter((e) => fixture.fixtureIds.includes(e.articleId)).map((e) => e.cameo).sort();
    assert.deepEqual(mine(body.asSource), ['040', '072', '112']);
    assert.deepEqual(mine(body.asTarget), ['120']);
    assert.ok(body.asSource.every((e: { sourceCode: string | null; sourceName: string }) => (e.sourceCode ?? '').startsWith('RUS') || e.sourceName === 'Russia'));
    const tajikistan = body.cooccurring.find((c: { id: string }) => c.id === 'country:TJK');
    assert.ok(tajikistan, 'Tajikistan co-occurs');
    assert.ok(tajikistan.articles >= 2);
    assert.ok(tajikistan.events >= 2);
    assert.ok(body.mentionsByMonth.some((m: { month: string }) => m.month === '2021-09'));
  });

  test('an unknown entity is a 404, a malformed id a 400', async () => {
    assert.equal((await getJson('/api/entities/country:XXX')).status, 404);
    assert.equal((await getJson('/api/entities/nocolon')).status, 400);
  });
});

describe('events and transfers', () => {
  test('filters events by type, actor and dates', async () => {
    type Ev = { cameo: string; plover: string; articleId: number; sourceCode: string | null; targetCode: string | null; date: string | null };
    const fixtureCameos = (events: Ev[]): string[] => events.filter((e) => fixture.fixtureIds.includes(e.articleId)).map((e) => e.cameo).sort();
    const accuse: Ev[] = (await getJson('/api/events?type=ACCUSE')).body;
    assert.deepEqual(fixtureCameos(accuse), ['111', '112']);
    assert.ok(accuse.every((e) => e.plover === 'ACCUSE'));
    const byRoot: Ev[] = (await getJson('/api/events?type=07')).body;
    assert.deepEqual(fixtureCameos(byRoot), ['072']);
    assert.ok(byRoot.every((e) => e.cameo.startsWith('07')));
    const byActor: Ev[] = (await getJson('/api/events?actor=PRK')).body;
    assert.deepEqual(fixtureCameos(byActor), ['111', '150']);
    assert.ok(byActor.every((e) => (e.sourceCode ?? '').startsWith('PRK') || (e.targetCode ?? '').startsWith('PRK')));
    const inMonth: Ev[] = (await getJson('/api/events?since=2022-08&until=2022-08')).body;
    assert.deepEqual(fixtureCameos(inMonth), ['057']);
    assert.ok(inMonth.every((e) => (e.date ?? '').startsWith('2022-08')));
  });

  test('the GeoJSON variant has a point per located event', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/events.geojson?actor=RUS' });
    assert.match(String(res.headers['content-type']), /application\/geo\+json/);
    const body = res.json();
    assert.equal(body.type, 'FeatureCollection');
    const aid = body.features.find((f: any) => f.properties.cameo === '072' && f.properties.articleId === fixture.fixtureIds[0]);
    assert.deepEqual(aid.geometry.coordinates, [68.78, 38.56]);
    assert.ok(body.features.every((f: any) => f.geometry.type === 'Point'));
  });

  test('the timeline counts events by month and type; the network weighs actor pairs', async () => {
    const timeline = await getJson('/api/timeline');
    const july = timeline.body.buckets.find((b: { period: string }) => b.period === '2023-07');
    assert.ok(july.counts.ACCUSE >= 1 && july.counts.MOBILIZE >= 1, JSON.stringify(july));
    const periods = timeline.body.buckets.map((b: { period: string }) => b.period);
    assert.deepEqual(periods, [...periods].sort());
    const network = await getJson('/api/network');
    const edge = network.body.edges.find((e: { source: string; target: string }) => e.source === 'RUSMIL' && e.target === 'TJK');
    assert.ok(edge.count >= 1);
    assert.ok([1, 2, 3, 4].includes(edge.quadClass));
  });

  test('the transfer register lists supplier, recipient, items and status', async () => {
    const { body } = await getJson('/api/transfers');
    const k2 = body.find((t: { articleId: number }) => t.articleId === fixture.fixtureIds[1]);
    assert.equal(k2.supplier, 'KOR');
    assert.equal(k2.status, 'ordered');
    assert.equal(k2.items[0].count, 180);
  });

  test('the merged register lists each transfer once with every outlet that told it', async () => {
    const { status, body } = await getJson('/api/transfers/register');
    assert.equal(status, 200);
    const reports = (await getJson('/api/transfers')).body as unknown[];
    const merged = body as Array<{ supplier: string; recipient: string; outlets: string[]; reports: Array<{ articleId: number }> }>;
    assert.equal(merged.reduce((n, e) => n + e.reports.length, 0), reports.length, 'every report is in exactly one entry');
    const tajik = merged.find((e) => e.supplier === 'RUS' && e.recipient === 'TJK' && e.reports.length > 1);
    assert.ok(tajik, 'the demo corpus tells the Russia to Tajikistan delivery more than once');
    assert.ok(tajik.outlets.length >= 2, `outlets: ${tajik.outlets.join(', ')}`);
  });
});

describe('exports', () => {
  test('CSV, JSON lines and GeoJSON downloads of the filtered events', async () => {
    const csv = await app.inject({ method: 'GET', url: '/api/export/events?format=csv&actor=PRK' });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="watchfloor-events\.csv"/);
    const lines = csv.body.trim().split(/\r?\n/);
    const prk = (await getJson('/api/events?actor=PRK')).body;
    assert.equal(lines.length, 1 + prk.length);
    assert.match(lines[0]!, /\bcameo\b.*\bplover\b/);
    const jsonl = await app.inject({ method: 'GET', url: '/api/export/events?format=jsonl&type=AID' });
    const rows = jsonl.body.trim().split(/\r?\n/).map((l) => JSON.parse(l));
    assert.ok(rows.some((r) => r.cameo === '072' && r.articleId === fixture.fixtureIds[0]));
    assert.ok(rows.every((r) => r.plover === 'AID'));
    const geo = await app.inject({ method: 'GET', url: '/api/export/events?format=geojson' });
    assert.equal(JSON.parse(geo.body).type, 'FeatureCollection');
    const gdelt = await app.inject({ method: 'GET', url: '/api/export/events?format=gdelt&type=AID' });
    assert.equal(gdelt.statusCode, 200);
    assert.match(gdelt.body, /\t/);
    const transfers = await app.inject({ method: 'GET', url: '/api/export/transfers?format=csv' });
    assert.equal(transfers.statusCode, 200);
    assert.match(transfers.body, /K2 tanks/);
    const bad = await getJson('/api/export/events?format=xlsx');
    assert.equal(bad.status, 400);
  });
});

describe('caching', () => {
  test('a weak ETag, and 304 when If-None-Match holds it', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/search?q=tanks' });
    const etag = String(first.headers['etag']);
    assert.match(etag, /^W\/"[A-Za-z0-9_-]+"$/);
    const again = await app.inject({ method: 'GET', url: '/api/search?q=tanks', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const other = await app.inject({ method: 'GET', url: '/api/search?q=tanks', headers: { 'if-none-match': 'W/"other"' } });
    assert.equal(other.statusCode, 200);
  });
});

describe('uploads', () => {
  const page = '<html><head><title>Upload test page</title></head><body><article><h1>Upload test page</h1><p>Estonia received a shipment of howitzers from South Korea this week, officials in Tallinn said. The shipment was the second this year.</p></article></body></html>';

  test('without the token, writes are refused with 401', async () => {
    const none = await app.inject({ method: 'POST', url: '/api/pages', payload: page, headers: { 'content-type': 'text/html' } });
    assert.equal(none.statusCode, 401);
    assert.equal(none.json().error.code, 'auth/unauthorized');
    const wrong = await app.inject({ method: 'POST', url: '/api/pages', payload: page, headers: { 'content-type': 'text/html', authorization: 'Bearer nope' } });
    assert.equal(wrong.statusCode, 401);
  });

  test('with the token, a raw page is ingested and becomes searchable', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/pages?url=https://upload.example/estonia',
      payload: page,
      headers: { 'content-type': 'text/html', authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(res.statusCode, 201, res.body);
    const outcome = res.json();
    assert.equal(outcome.status, 'stored');
    const found = await getJson('/api/search?q=Tallinn%20howitzers');
    assert.ok(found.body.hits.some((h: { id: number }) => h.id === outcome.articleId));
    const again = await app.inject({ method: 'POST', url: '/api/pages?url=https://upload.example/estonia', payload: page, headers: { 'content-type': 'text/html', authorization: `Bearer ${TOKEN}` } });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().status, 'unchanged');
  });

  test('a JSON upload {url, content} works too; a malformed one is a 400', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: '/api/pages',
      payload: { url: 'https://upload.example/json', content: page.replace('second', 'third') },
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const bad = await app.inject({ method: 'POST', url: '/api/pages', payload: { content: 42 }, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(bad.statusCode, 400);
    const badUrl = await app.inject({ method: 'POST', url: '/api/pages', payload: { url: 'javascript:alert(1)', content: page }, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(badUrl.statusCode, 400);
  });

  test('with no token configured, writes are refused with 403 and a message saying how to allow them', async () => {
    const readOnly = await buildApp({ store: fixture.store, config: { ...fixture.config, token: null } });
    try {
      const res = await readOnly.inject({ method: 'POST', url: '/api/pages', payload: page, headers: { 'content-type': 'text/html', authorization: 'Bearer anything' } });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'auth/writes-disabled');
      assert.match(res.json().error.message, /WATCHFLOOR_TOKEN/);
    } finally {
      await readOnly.close();
    }
  });

  test('a body over the size limit is refused with 413', async () => {
    const small = await buildApp({ store: fixture.store, config: { ...fixture.config, limits: { ...fixture.config.limits, maxBytes: 1024 } } });
    try {
      const res = await small.inject({ method: 'POST', url: '/api/pages', payload: 'x'.repeat(4096), headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.statusCode, 413);
      assert.ok(res.json().error.code);
    } finally {
      await small.close();
    }
  });
});

describe('rate limit', () => {
  test('an address that spends its bucket gets 429 with Retry-After', async () => {
    const limited = await buildApp({ store: fixture.store, config: fixture.config, rateLimit: { perSecond: 1, burst: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.inject({ method: 'GET', url: '/api/health' })).statusCode);
      assert.deepEqual(codes.slice(0, 3), [200, 200, 200]);
      assert.equal(codes[4], 429);
      const res = await limited.inject({ method: 'GET', url: '/api/health' });
      assert.equal(res.json().error.code, 'rate-limited');
      assert.ok(Number(res.headers['retry-after']) >= 1);
    } finally {
      await limited.close();
    }
  });
});

describe('stories', () => {
  test('lists story clusters (an empty list before clustering) and 404s an unknown story', async () => {
    const { status, body } = await getJson('/api/stories');
    assert.equal(status, 200);
    assert.ok(Array.isArray(body));
    const missing = await getJson('/api/stories/999999');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'not-found');
  });
});
