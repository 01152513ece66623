import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseAtomFeed } from 'feedsmith';
import type { FastifyInstance } from 'fastify';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ingestOne } from '../../src/ingest.js';
import { createContext } from '../../src/core/context.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { runAlerts } from '../../src/alerts/run-alerts.js';
import { readAlertInput } from '../../src/alerts/alert-input.js';

interface Received {
  to: string[];
  data: string;
}
const received: Received[] = [];
let sink: SMTPServer;
let smtpPort: number;
let store: SqliteStore;
let app: FastifyInstance;
const TOKEN = 'test-token-123';

before(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  smtpPort = (sink.server.address() as AddressInfo).port;
  store = new SqliteStore(':memory:');
  await store.migrate();
  const ctx = createContext();
  for (const file of [
    'demo/corpus/meridian-wire/2021-09-11-russia-hands-tajikistan-armoured-vehicles-tanks-for-base.html',
    'demo/corpus/meridian-wire/2022-09-01-iaea-inspectors-reach-zaporizhzhia-nuclear-plant.html',
  ]) {
    const outcome = await ingestOne(store, { origin: file, bytes: readFileSync(file) }, ctx);
    assert.equal(outcome.status, 'stored', outcome.error?.message);
  }
  app = await buildApp({ store, config: { ...DEFAULT_CONFIG, token: TOKEN, alerts: { baseUrl: 'http://desk.test' } } });
});
after(async () => {
  await app.close();
  await store.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

/** Sends the due digests to the local SMTP sink. */
function sendToSink(): ReturnType<typeof runAlerts> {
  const smtp = {
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
    user: null,
    pass: null,
    from: 'watchfloor@example.org',
  };
  return runAlerts(store, { smtp, baseUrl: 'http://desk.test' });
}

const ALERT = {
  name: 'Tajikistan <armour> & "tanks"',
  q: 'Tajikistan',
  email: 'analyst@example.org',
  digest: 'immediate',
};

test('alerts need the bearer token to be created or deleted', async () => {
  const anonymous = await app.inject({ method: 'POST', url: '/api/alerts', payload: ALERT });
  assert.equal(anonymous.statusCode, 401);
  const wrong = await app.inject({
    method: 'POST',
    url: '/api/alerts',
    payload: ALERT,
    headers: { authorization: 'Bearer nope' },
  });
  assert.equal(wrong.statusCode, 401);
  const invalid = await app.inject({
    method: 'POST',
    url: '/api/alerts',
    payload: { ...ALERT, email: 'not-an-address' },
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.json().error.message, /^email:/);
});

test('an alert has an XML-escaped Atom feed, sends an e-mail digest to the SMTP sink once, and can be deleted', async () => {
  const created = await app.inject({
    method: 'POST',
    url: '/api/alerts',
    payload: ALERT,
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as number;

  const listed = await app.inject({ method: 'GET', url: '/api/alerts' });
  assert.equal(listed.json()[0].email, 'a…@example.org', 'addresses are masked without the token');

  const feed = await app.inject({ method: 'GET', url: `/api/alerts/${id}/feed.atom` });
  assert.equal(feed.statusCode, 200);
  assert.match(feed.headers['content-type'] as string, /^application\/atom\+xml/);
  assert.ok(
    feed.body.includes('Watchfloor alert: Tajikistan &lt;armour&gt; &amp; &quot;tanks&quot;'),
    feed.body.slice(0, 400),
  );
  const parsed = parseAtomFeed(feed.body);
  assert.equal(parsed.entries?.length, 1);
  assert.match(JSON.stringify(parsed.entries?.[0]?.title), /Tajikistan/);

  const results = await sendToSink();
  assert.deepEqual(results, [{ alertId: id, sent: 1, error: null }]);
  assert.equal(received.length, 1);
  assert.deepEqual(received[0]!.to, ['analyst@example.org']);
  assert.match(received[0]!.data, /^Subject: .*Watchfloor.*Tajikistan/m);
  assert.match(received[0]!.data, /1 new article\(s\) match/);
  assert.match(received[0]!.data, /Russia hands Tajikistan armoured vehicles/);

  const again = await sendToSink();
  assert.deepEqual(again, [{ alertId: id, sent: 0, error: null }], 'nothing new, nothing sent');
  assert.equal(received.length, 1);

  const removed = await app.inject({
    method: 'DELETE',
    url: `/api/alerts/${id}`,
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(removed.statusCode, 204);
  assert.equal((await app.inject({ method: 'GET', url: `/api/alerts/${id}/feed.atom` })).statusCode, 404);
});

test('alert input: filters are kept, unknown digests and oversized fields refused', () => {
  assert.deepEqual(readAlertInput({ name: 'x', query: { q: 'tanks', country: 'POL' } }).query, {
    q: 'tanks',
    country: 'POL',
  });
  assert.throws(
    () => readAlertInput({ name: 'x', email: 'a@b.org', digest: 'hourly' }),
    /digest: expected one of immediate, daily, none/,
  );
  assert.throws(() => readAlertInput({ name: 'x'.repeat(201) }), /^RequestError: name:|name: expected/);
  assert.throws(() => readAlertInput({ name: 'x', digest: 'daily' }), /email: expected needed for daily digests/);
});
