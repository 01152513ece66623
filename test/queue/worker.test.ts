/**
 * Workers in-process against a real NATS JetStream on loopback (a unique queue per test, destroyed after),
 * storing into in-memory SQLite: jobs stored once, bad jobs and jobs that keep failing dead-lettered with
 * their error, big pages through the object store, queue depth over /api/queue.
 */
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { createContext, DEFAULT_LIMITS } from '../../src/core/context.js';
import { JobQueue, fitsInline, queueNames, redactUrl, type QueueOptions } from '../../src/queue/nats-queue.js';
import { decodeJob, sha256Hex } from '../../src/queue/job.js';
import { queueSettings } from '../../src/queue/settings.js';
import { runWorker } from '../../src/queue/worker.js';
import { handleError } from '../../src/server/errors.js';
import { queueRoutes } from '../../src/server/routes/queue.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store.js';
import { natsUnavailable, servicesMissing, TEST_NATS_URL } from './services.js';

const missing = await servicesMissing({ nats: true });
const ctx = createContext({});

/** A queue with a name of its own, destroyed once `work` is done. */
async function withQueue(options: Partial<QueueOptions>, work: (queue: JobQueue) => Promise<void>): Promise<void> {
  const queue = await JobQueue.open({ url: TEST_NATS_URL, name: `wf-test-${randomBytes(4).toString('hex')}`, ...options });
  try {
    await work(queue);
  } finally {
    await queue.destroy().catch(() => undefined);
    await queue.close();
  }
}

const page = (n: number): Buffer => Buffer.from(`Bulletin ${n}\n\nTroops moved ${n} trucks north, officials said.\n`);

/** The dead letters of a queue, oldest first. */
async function deadLetters(queue: JobQueue): Promise<Array<{ error: { code: string; message: string }; deliveries: number; job: unknown }>> {
  const { state } = await queue.jsm.streams.info(queue.names.deadStream);
  const letters = [];
  for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
    letters.push((await queue.jsm.streams.getMessage(queue.names.deadStream, { seq })).json<{ error: { code: string; message: string }; deliveries: number; job: unknown }>());
  }
  return letters;
}

test('jobs: names, payload sizes and malformed jobs are checked', () => {
  assert.equal(queueNames('desk-1').stream, 'desk-1-jobs');
  assert.throws(() => queueNames('a.b'), /queue name "a\.b"/);
  assert.equal(fitsInline(700 * 1024, 1024 * 1024), true);
  assert.equal(fitsInline(800 * 1024, 1024 * 1024), false);
  assert.equal(redactUrl('nats://user:pw@host:4222'), 'nats://user:***@host:4222');
  assert.throws(() => decodeJob(Buffer.from('{'), 'subj#1'), /subj#1: job is not JSON/);
  assert.throws(() => decodeJob(Buffer.from('{"v":1,"origin":"a.txt","url":null,"published":null,"capturedAt":"x","sha256":"00","size":1,"bytes":"QQ=="}'), 's'), /a\.txt: bad sha256/);
  const config = { ...DEFAULT_CONFIG, queue: { url: 'nats://10.0.0.1:4222', name: 'desk', maxDeliver: 3 } };
  assert.deepEqual(queueSettings(config, {}, {}), { url: 'nats://10.0.0.1:4222', name: 'desk', maxDeliver: 3 });
  assert.deepEqual(queueSettings(config, { queue: 'nats://127.0.0.1:4222', ackWait: '9' }, {}), {
    url: 'nats://127.0.0.1:4222', name: 'desk', ackWaitSeconds: 9, maxDeliver: 3,
  });
  assert.equal(queueSettings(DEFAULT_CONFIG, {}, {}), null);
  assert.throws(() => queueSettings(config, { maxDeliver: '0' }, {}), /max deliveries: not a whole number above 0: 0/);
});

test('an unreachable NATS server is a clear error naming it', async () => {
  await assert.rejects(JobQueue.open({ url: 'nats://127.0.0.1:1' }), /nats:\/\/127\.0\.0\.1:1: cannot reach NATS/);
  assert.match((await natsUnavailable('nats://127.0.0.1:1')) ?? '', /unreachable/);
});

test('worker: pages stored once, bad jobs dead-lettered with their error, depth reported', { skip: missing ?? false }, async () => {
  await withQueue({}, async (queue) => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    try {
      for (const n of [1, 2, 3]) assert.equal(await queue.publish({ origin: `p${n}.txt`, bytes: page(n) }), true);
      // The same bytes again within the duplicate window: one job.
      assert.equal(await queue.publish({ origin: 'p1-again.txt', bytes: page(1) }), false);
      await queue.js.publish(queue.names.subject, Buffer.from('not json'));
      const lying = { v: 1, origin: 'lying.txt', url: null, published: null, capturedAt: '2024-01-01T00:00:00Z', sha256: sha256Hex(page(9)), size: 5, bytes: Buffer.from('other').toString('base64') };
      await queue.js.publish(queue.names.subject, Buffer.from(JSON.stringify(lying)));
      const before = await queue.status();
      assert.deepEqual([before.published, before.queued, before.pending, before.dead], [5, 5, 5, 0]);

      const totals = await runWorker(queue, store, ctx, { concurrency: 2, shouldDrain: true });
      assert.deepEqual([totals.jobs, totals.stored, totals.dead, totals.retry], [5, 3, 2, 0]);
      assert.deepEqual([(await store.stats()).captures, (await store.stats()).articles], [3, 3]);
      const letters = await deadLetters(queue);
      assert.deepEqual(letters.map((l) => l.error.code).sort(), ['queue/bad-bytes', 'queue/bad-job']);
      assert.match(letters.find((l) => l.error.code === 'queue/bad-bytes')?.error.message ?? '', /lying\.txt: bytes do not match/);
      const after = await queue.status();
      assert.deepEqual([after.queued, after.pending, after.inFlight, after.completed, after.dead], [0, 0, 0, 5, 2]);

      // Published again later (after the duplicate window, or by another desk): the store keeps one copy.
      await queue.jsm.streams.purge(queue.names.stream);
      await queue.js.publish(queue.names.subject, Buffer.from(JSON.stringify({ ...lying, origin: 'p1.txt', sha256: sha256Hex(page(1)), size: page(1).length, bytes: page(1).toString('base64') })));
      const again = await runWorker(queue, store, ctx, { shouldDrain: true });
      assert.deepEqual([again.jobs, again.unchanged], [1, 1]);
      assert.equal((await store.stats()).captures, 3);
    } finally {
      await store.close();
    }
  });
});

test('worker: a job that keeps failing is retried, then dead-lettered with the last error', { skip: missing ?? false }, async () => {
  await withQueue({ maxDeliver: 2 }, async (queue) => {
    const sqlite = new SqliteStore(':memory:');
    await sqlite.migrate();
    // A store whose writes fail, as when the database is down.
    const broken: Store = Object.create(sqlite, {
      putIngest: { value: async () => Promise.reject(new Error('database is down')) },
    }) as Store;
    try {
      await queue.publish({ origin: 'doomed.txt', bytes: page(7) });
      const totals = await runWorker(queue, broken, ctx, { shouldDrain: true });
      assert.deepEqual([totals.retry, totals.dead, totals.stored], [1, 1, 0]);
      const [letter] = await deadLetters(queue);
      assert.equal(letter?.error.message, 'database is down');
      assert.equal(letter?.deliveries, 2);
      assert.equal((letter?.job as { origin: string }).origin, 'doomed.txt');
      assert.equal((await queue.status()).queued, 0);
    } finally {
      await sqlite.close();
    }
  });
});

test('worker: pages too big to travel inline go through the object store, which is emptied after', { skip: missing ?? false }, async () => {
  await withQueue({ maxInlineBytes: 16 }, async (queue) => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    try {
      await queue.publish({ origin: 'big1.txt', bytes: page(11) });
      await queue.publish({ origin: 'big2.txt', bytes: page(12) });
      const objects = await queue.objects();
      assert.ok(await objects.info(sha256Hex(page(11))));
      const totals = await runWorker(queue, store, ctx, { shouldDrain: true });
      assert.deepEqual([totals.stored, totals.dead], [2, 0]);
      const capture = await store.findCapture(sha256Hex(page(11)));
      assert.ok(capture);
      assert.deepEqual(await store.getCaptureBytes(capture.id), page(11));
      assert.equal((await objects.info(sha256Hex(page(11))))?.deleted ?? true, true);
    } finally {
      await store.close();
    }
  });
});

test('worker: a job over the size limit is dead-lettered before its bytes are read', { skip: missing ?? false }, async () => {
  await withQueue({ maxInlineBytes: 16 }, async (queue) => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    try {
      await queue.publish({ origin: 'huge.txt', bytes: page(31) });
      const small = createContext({ limits: { ...DEFAULT_LIMITS, maxBytes: 20 } });
      const totals = await runWorker(queue, store, small, { shouldDrain: true });
      assert.deepEqual([totals.dead, totals.stored], [1, 0]);
      const [letter] = await deadLetters(queue);
      assert.equal(letter?.error.code, 'capture/too-large');
      assert.match(letter?.error.message ?? '', /^huge\.txt: \d+ bytes, over the limit of 20$/);
    } finally {
      await store.close();
    }
  });
});

test('GET /api/queue: depth and progress when a queue is configured, disabled otherwise', { skip: missing ?? false }, async () => {
  await withQueue({}, async (queue) => {
    await queue.publish({ origin: 'a.txt', bytes: page(21) });
    const app = Fastify();
    app.setErrorHandler(handleError);
    await app.register(queueRoutes, { config: { ...DEFAULT_CONFIG, queue: { url: TEST_NATS_URL, name: queue.names.name } } });
    const off = Fastify();
    await off.register(queueRoutes, { config: DEFAULT_CONFIG });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/queue' });
      assert.equal(response.statusCode, 200);
      const body = response.json<{ isEnabled: boolean; published: number; pending: number; dead: number; stream: string }>();
      assert.deepEqual([body.isEnabled, body.stream, body.published, body.pending, body.dead], [true, queue.names.stream, 1, 1, 0]);
      assert.deepEqual((await off.inject({ method: 'GET', url: '/api/queue' })).json(), { isEnabled: false });
    } finally {
      await app.close();
      await off.close();
    }
  });
});
