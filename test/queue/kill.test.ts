/**
 * The shared deployment under a crash: a publisher queues 5,000 small pages, three worker processes ingest
 * them into one PostgreSQL store, and one worker is SIGKILLed mid-run. Its unacknowledged jobs go to the
 * others once their ack wait runs out; in the end every page is stored exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JobQueue } from '../../src/queue/nats-queue.js';
import { sha256Hex } from '../../src/queue/job.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { createTestSchema } from '../store/pg-test-db.js';
import { servicesMissing, TEST_NATS_URL } from './services.js';

const PAGES = 5000;
const WORKERS = 3;
/** Jobs the doomed worker finishes before it is killed: well into the run, far from its end. */
const KILL_AFTER = 150;
/** Short, so the killed worker's jobs come back quickly; long enough for a busy worker to ack in time. */
const ACK_WAIT_SECONDS = 5;
const CLI = path.resolve(import.meta.dirname, 'watchfloor-cli.ts');

const missing = await servicesMissing({ nats: true, postgres: true });

/** A short, distinct text page. */
export function generatedPage(i: number): string {
  return `Patrol bulletin ${i}\n\nSector ${i % 97} reported ${i % 13} vehicles moving north on the ${i % 28 + 1}th; bulletin ${i} ends.\n`;
}

/** Runs the CLI in its own process; resolves with its exit once it ends. */
function runCli(args: string[], onLine?: (line: string) => void): { child: ChildProcess; exit: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let partial = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine?.(line);
  });
  const exit = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, exit };
}

test(`${WORKERS} workers, ${PAGES} pages, one worker SIGKILLed: every page stored exactly once`, { skip: missing ?? false, timeout: 240_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wf-kill-'));
  const db = await createTestSchema();
  const store = new PostgresStore(db.url);
  const name = `wf-kill-${randomBytes(4).toString('hex')}`;
  const queue = await JobQueue.open({ url: TEST_NATS_URL, name, ackWaitSeconds: ACK_WAIT_SECONDS, maxDeliver: 10 });
  const workers: ChildProcess[] = [];
  try {
    await store.migrate();
    const expected = new Set<string>();
    for (let i = 0; i < PAGES; i++) {
      const text = generatedPage(i);
      writeFileSync(path.join(dir, `page-${i}.txt`), text);
      expected.add(sha256Hex(Buffer.from(text)));
    }
    const publisher = runCli(['ingest', '--queue', TEST_NATS_URL, '--queue-name', name, '-q', dir]);
    const published = await publisher.exit;
    assert.equal(published.code, 0, published.stderr);
    assert.equal((await queue.status()).published, PAGES);

    const workerArgs = ['--db', db.url, 'worker', '--queue', TEST_NATS_URL, '--queue-name', name, '--concurrency', '4', '--drain', '--progress-every', '50'];
    let isKilled = false;
    const runs = Array.from({ length: WORKERS }, (_, w) =>
      runCli(workerArgs, (line) => {
        const done = Number(/^progress (\d+) jobs/.exec(line)?.[1] ?? 0);
        if (w === 0 && !isKilled && done >= KILL_AFTER) {
          isKilled = true;
          runs[0]?.child.kill('SIGKILL');
        }
      }),
    );
    workers.push(...runs.map((r) => r.child));
    const [killed, ...survivors] = await Promise.all(runs.map((r) => r.exit));
    assert.equal(killed?.signal, 'SIGKILL', `worker 0 was to be killed mid-run, but it ended: ${killed?.stderr}`);
    for (const survivor of survivors) assert.equal(survivor.code, 0, survivor.stderr);

    const stats = await store.stats();
    assert.equal(stats.captures, PAGES);
    assert.equal(stats.articles, PAGES);
    assert.equal(stats.failures, 0);
    const twice = await store.pool.query('SELECT sha256 FROM captures GROUP BY sha256 HAVING count(*) > 1');
    assert.deepEqual(twice.rows, []);
    const perCapture = await store.pool.query('SELECT count(DISTINCT capture_id)::int AS n FROM articles');
    assert.equal(perCapture.rows[0]?.n, PAGES);
    const stored = await store.pool.query('SELECT sha256 FROM captures');
    assert.deepEqual(new Set(stored.rows.map((r: { sha256: string }) => r.sha256)), expected);
    const status = await queue.status();
    assert.deepEqual([status.queued, status.pending, status.inFlight, status.dead], [0, 0, 0, 0]);
    assert.equal(status.completed, PAGES);
  } finally {
    for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await queue.destroy().catch(() => undefined);
    await queue.close();
    await store.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
