/**
 * The search pool (worker threads with read-only SQLite connections) and the upload worker: answers equal the
 * store's own, errors keep their status, a crashed worker is replaced, a full upload queue is a 429 with a wait,
 * and each upload gets its own capture time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from '../../src/store/sqlite.js';
import { jsonSearchOf, poolSizeFor, SearchPool, withSearchPool } from '../../src/server/search-pool.js';
import { IngestWorker, QueueFullError } from '../../src/server/ingest-worker.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { makeItem } from './store-suite.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'watchfloor-pool-'));
const db = path.join(dir, 'pool.db');
let store: SqliteStore;

before(async () => {
  store = new SqliteStore(db);
  await store.migrate();
  const towns = ['Harbor', 'Lantern', 'Ridge'];
  for (let k = 0; k < 30; k++) {
    await store.putIngest(
      makeItem(
        {
          title: `${towns[k % 3]!} ferry timetable ${k}`,
          text: `The ${k % 2 === 0 ? 'morning' : 'evening'} ferry to ${towns[k % 3]!} leaves from pier ${k}.`,
          published: `2024-02-${String(1 + (k % 27)).padStart(2, '0')}`,
          source: towns[k % 3]!,
        },
        { origin: `ferry-${k}.txt` },
      ),
    );
  }
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('search pool', () => {
  test('is sized from the cores: at least two workers, at most four', () => {
    assert.equal(poolSizeFor(1), 2);
    assert.equal(poolSizeFor(2), 2);
    assert.equal(poolSizeFor(4), 3);
    assert.equal(poolSizeFor(64), 4);
  });

  test('answers as the store does; a bad query keeps its 400; a crashed worker is replaced', async () => {
    const pool = new SearchPool({ db, size: 2 });
    try {
      const pooled = withSearchPool(store, pool);
      for (const query of [{ q: 'ferry morning' }, { q: 'evening', sort: 'date' as const }, { source: 'ridge' }, { q: '-morning' }]) {
        const direct = await store.search(query);
        const viaPool = await pooled.search(query);
        assert.deepEqual(viaPool, direct, JSON.stringify(query));
        // The route's way: the answer serialised on the worker, the same text the HTTP layer would have made.
        const searchJson = jsonSearchOf(pooled);
        assert.ok(searchJson);
        assert.equal(await searchJson(query), JSON.stringify(direct));
      }
      assert.equal((await pooled.stats()).articles, 30);
      const tooMany = Array.from({ length: 70 }, (_, k) => `-absent${k}`).join(' ');
      await assert.rejects(pooled.search({ q: `ferry ${tooMany}` }), (error: Error & { status?: number }) => {
        assert.equal(error.status, 400);
        return true;
      });
      await assert.rejects(jsonSearchOf(pooled)!({ q: `ferry ${tooMany}` }), (error: Error & { status?: number }) => {
        assert.equal(error.status, 400);
        return true;
      });
      assert.equal(jsonSearchOf(store), null);
      // Writes never go to the workers (their connections are read-only).
      const added = await pooled.putIngest(makeItem({ title: 'Harbor night ferry', text: 'A night ferry sails.' }, { origin: 'night.txt' }));
      assert.ok((await pooled.search({ q: 'night' })).hits.some((h) => h.id === added.articleId));
      await pool.close();
      await assert.rejects(pooled.search({ q: 'ferry' }), /closed/);
    } finally {
      await pool.close();
    }
    const again = new SearchPool({ db, size: 1 });
    try {
      assert.equal((await again.call('search', { q: 'ferry' })).total, 31);
    } finally {
      await again.close();
    }
  });
});

describe('upload worker', () => {
  const page = (n: number): Buffer =>
    Buffer.from(`<html><body><h1>Pier ${n} reopens</h1><p>The pier number ${n} reopened to ferries on Tuesday after repairs.</p></body></html>`);

  test('a full queue refuses the next upload with 429 and a wait in seconds; each page has its own capture time', async () => {
    // No configured sources (outlet grades for stories): the setup as the pages route builds it.
    const setup = { db, limits: DEFAULT_CONFIG.limits, sources: [] } as ConstructorParameters<typeof IngestWorker>[0];
    const worker = new IngestWorker(setup, { maxQueued: 1 });
    try {
      const first = worker.ingest({ origin: 'pier-1.html', bytes: page(1) });
      await assert.rejects(worker.ingest({ origin: 'pier-2.html', bytes: page(2) }), (error: Error) => {
        assert.ok(error instanceof QueueFullError);
        assert.equal(error.status, 429);
        assert.ok(error.retryAfterSeconds >= 1);
        assert.match(error.message, /try again in \d+ s/);
        return true;
      });
      const one = await first;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const two = await worker.ingest({ origin: 'pier-3.html', bytes: page(3) });
      assert.equal(one.status, 'stored');
      assert.equal(two.status, 'stored');
      const a = await store.getCapture(one.captureId!);
      const b = await store.getCapture(two.captureId!);
      assert.ok(a && b);
      assert.ok(b.capturedAt > a.capturedAt, `${a.capturedAt} then ${b.capturedAt}`);
    } finally {
      await worker.close();
    }
  });

  test('an idle upload worker ends (its memory given back); a new one takes the next upload', async () => {
    const setup = { db, limits: DEFAULT_CONFIG.limits, sources: [] } as ConstructorParameters<typeof IngestWorker>[0];
    const worker = new IngestWorker(setup, { idleMs: 50 });
    try {
      const one = await worker.ingest({ origin: 'pier-10.html', bytes: page(10) });
      assert.equal(one.status, 'stored');
      assert.equal(worker.isAlive, true);
      for (let waited = 0; worker.isAlive && waited < 10_000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
      assert.equal(worker.isAlive, false);
      await assert.rejects(worker.ingest({ origin: 'pier-11.html', bytes: page(11) }), /not running/);
    } finally {
      await worker.close();
    }
    const next = new IngestWorker(setup, { idleMs: 60_000 });
    try {
      assert.equal((await next.ingest({ origin: 'pier-11.html', bytes: page(11) })).status, 'stored');
    } finally {
      await next.close();
    }
  });
});
