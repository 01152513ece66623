/**
 * Small holes from the outside probe: CSV formula guard (server and desk), the IPv4-translated IPv6 range,
 * a bad source URL in `watch`, `published` on upload and full-match date parameters, the ingested file's
 * path, alert links.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { csvField as serverCsvField, parseCsv } from '../../src/exports/csv.js';
import { csvField as deskCsvField } from '../../web/src/csv.js';
import { isForbiddenAddress, resolvePublicHost } from '../../src/fetch/address-guard.js';
import { FetchError } from '../../src/fetch/fetch-error.js';
import { loadSources } from '../../src/watch/sources.js';
import { DEFAULT_CONFIG, deskBaseUrl } from '../../src/config.js';
import { InputError } from '../../src/core/errors.js';
import { readPublished } from '../../src/inputs.js';
import { alertFeed } from '../../src/alerts/alert-feed.js';
import { publicOrigin } from '../../src/server/routes/articles.js';
import { makeTestApp, type TestStore } from '../server/fixtures.js';
import { ingestOne } from '../../src/ingest.js';
import { createContext } from '../../src/core/context.js';

describe('CSV formula guard (item 5)', () => {
  const FORMULAS = ["-1+1+cmd|' /C calc'!A0", '=SUM(A1:A2)', '+1+1', '@SUM(1)', '-2-3', '\tdata', '\rdata', '-', '+'];
  const NUMBERS = ['-1', '12', '+3', '-4.5', '.5', '1e6', '-2E-3'];

  for (const [where, csvField] of [
    ['server export', serverCsvField],
    ['desk download', deskCsvField],
  ] as const) {
    test(`${where}: every cell starting with = + - @ tab or CR is prefixed unless it is a number`, () => {
      for (const cell of FORMULAS) {
        const [[field]] = parseCsv(csvField(cell) + '\r\n') as [[string]];
        assert.equal(field, `'${cell}`, JSON.stringify(cell));
      }
      for (const cell of NUMBERS) assert.equal(csvField(cell), cell, cell);
      assert.equal(csvField(-7), '-7');
      assert.equal(csvField('plain, with a comma'), '"plain, with a comma"');
    });
  }
});

describe('address guard (item 14)', () => {
  test('the IPv4-translated range ::ffff:0:0:0/96 is refused, with loopback inside it or not', async () => {
    const host = new URL('http://[::ffff:0:127.0.0.1]/').hostname;
    assert.equal(isForbiddenAddress(host), true);
    assert.equal(isForbiddenAddress('::ffff:0:10.1.2.3'), true);
    assert.equal(isForbiddenAddress('::ffff:0:203.0.114.9'), true);
    await assert.rejects(resolvePublicHost(host, 'http://[::ffff:0:127.0.0.1]/'), (e: unknown) => e instanceof FetchError && e.code === 'fetch/forbidden-address');
  });

  test('public addresses still pass', () => {
    assert.equal(isForbiddenAddress('203.0.114.9'), false);
    assert.equal(isForbiddenAddress('::ffff:203.0.114.9'), false);
    assert.equal(isForbiddenAddress('2a01:4f8::1'), false);
  });
});

describe('watch sources (item 15)', () => {
  test('an invalid URL skips that source with a message naming it; the others load', () => {
    const skipped: string[] = [];
    const sources = loadSources(
      {
        ...DEFAULT_CONFIG,
        sources: [
          { name: 'Lakeside Courier', url: 'https://courier.example/feed.xml' },
          { name: 'Broken Bugle', url: 'http://[not-an-address/feed' },
          { url: 'ftp://files.example/feed' },
          { name: 'Hill Gazette', url: 'https://gazette.example/rss' },
        ],
      },
      '.',
      { onSkip: (error) => skipped.push(error.message) },
    );
    assert.deepEqual(
      sources.map((s) => s.name),
      ['Lakeside Courier', 'Hill Gazette'],
    );
    assert.equal(skipped.length, 2);
    assert.match(skipped[0] ?? '', /\[1\]\.url \(Broken Bugle\): not a valid URL/);
    assert.match(skipped[1] ?? '', /\[2\]\.url: not an http\(s\) URL/);
  });
});

describe('dates on upload and in parameters (item 10)', () => {
  test('readPublished takes real days and times, refuses placeholders and partial matches', () => {
    for (const ok of ['2021-09-11', '2021-09-11T12:42', '2021-09-11T12:42:00Z', '2024-02-29T08:00:00+03:00', '2021-09-11 12:42:00']) assert.equal(readPublished(ok), ok);
    for (const bad of ['0000-00-00', '1899-12-31', '2021-02-30', '2021-13-01', '2021-09-11junk', '2021-09-11T25:00', 'yesterday', '3021-01-01', '2021-9-1']) {
      assert.throws(() => readPublished(bad), (e: unknown) => e instanceof InputError && e.message.includes(JSON.stringify(bad)), bad);
    }
  });
});

describe('alert links (items 6, 13)', () => {
  test('links go to the desk route #/article/ID under the configured base URL', () => {
    const feed = alertFeed(
      { id: 3, name: 'Harbours', query: { q: 'harbour' }, email: null, digest: 'none', createdAt: '2024-01-01T00:00:00Z', lastSentAt: null, lastArticleId: 0 },
      [{ id: 41, title: 'Quay repairs', source: null, publisher: null, section: null, published: '2024-03-01', url: null, snippet: 'quay', score: null }],
      deskBaseUrl({ ...DEFAULT_CONFIG, baseUrl: 'https://desk.example/' }),
    );
    assert.match(feed, /href="https:\/\/desk\.example\/#\/article\/41"/);
    assert.doesNotMatch(feed, /#\/articles\//);
  });

  test('the base URL defaults to the listen address, never a request Host', () => {
    assert.equal(deskBaseUrl({ ...DEFAULT_CONFIG }), 'http://127.0.0.1:8080');
    assert.equal(deskBaseUrl({ ...DEFAULT_CONFIG, host: '::1', port: 9000 }), 'http://[::1]:9000');
    assert.equal(deskBaseUrl({ ...DEFAULT_CONFIG, alerts: { baseUrl: 'https://old.example' } }), 'https://old.example');
  });
});

describe('server (items 7, 10)', () => {
  const TOKEN = 'holes-token';
  let fixture: TestStore;
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  before(async () => {
    ({ fixture, app, dispose } = await makeTestApp(TOKEN));
  });
  after(async () => {
    await dispose();
  });

  test('an upload with a placeholder published date is a 400 naming it; a real one is kept', async () => {
    const page = '<html><head><title>Ferry timetable</title></head><body><article><p>The ferry to the outer islands leaves on Monday at nine.</p></article></body></html>';
    const headers = { 'content-type': 'text/html', authorization: `Bearer ${TOKEN}` };
    const bad = await app.inject({ method: 'POST', url: '/api/pages?published=0000-00-00', payload: page, headers });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /published/);
    const badJson = await app.inject({ method: 'POST', url: '/api/pages', payload: { content: page, published: '2021-09-11garbage' }, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(badJson.statusCode, 400);
    const ok = await app.inject({ method: 'POST', url: '/api/pages?published=2024-03-04', payload: page, headers });
    assert.equal(ok.statusCode, 201, ok.body);
  });

  test('date parameters must match in full', async () => {
    for (const url of ['/api/events?since=2023-07-01x', '/api/timeline?until=2023-13', '/api/stories?since=2023-07-01%20OR%201', '/api/export/events?since=20230']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().error.code, 'request/invalid', url);
    }
    assert.equal((await app.inject({ method: 'GET', url: '/api/events?since=2023-07&until=2023-07-31' })).statusCode, 200);
  });

  test('an article ingested from a file shows the file name only, unless the token is given', async () => {
    assert.equal(publicOrigin('/home/analyst/private/cases/page.html'), 'page.html');
    assert.equal(publicOrigin('C:\\Users\\analyst\\page.html'), 'page.html');
    assert.equal(publicOrigin('https://news.example/a/b.html'), 'https://news.example/a/b.html');
    assert.equal(publicOrigin('upload:2024-03-04T10:00:00.000Z'), 'upload:2024-03-04T10:00:00.000Z');
    const origin = '/srv/cases/witness-folder/ferry-notes.html';
    const page = '<html><head><title>Ferry notes</title></head><body><article><p>The harbour master logged two late crossings last week.</p></article></body></html>';
    const { articleId } = await ingestOne(fixture.store, { origin, bytes: Buffer.from(page) }, createContext());
    assert.ok(articleId !== null);
    const open = await app.inject({ method: 'GET', url: `/api/articles/${articleId}` });
    assert.equal(open.json().origin, 'ferry-notes.html');
    assert.doesNotMatch(open.body, /witness-folder/);
    const withToken = await app.inject({ method: 'GET', url: `/api/articles/${articleId}`, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(withToken.json().origin, origin);
  });
});
