/**
 * bench:scale — generated pages through the shared deployment: published to NATS JetStream, ingested by
 * 1 and then 2 `watchfloor worker` processes into PostgreSQL. Prints throughput per run and the scaling
 * ratio. Each run gets a fresh schema and queue, removed afterwards.
 *
 *   npm run bench:scale -- [--pages 100000] [--workers 1,2] [--concurrency 4]
 *                          [--db postgres://postgres@127.0.0.1:5432/test] [--queue nats://127.0.0.1:4222]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { JobQueue } from '../src/queue/nats-queue.js';
import { PostgresStore } from '../src/store/postgres.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '100000' },
    workers: { type: 'string', default: '1,2' },
    concurrency: { type: 'string', default: '4' },
    db: { type: 'string', default: process.env['WATCHFLOOR_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test' },
    queue: { type: 'string', default: process.env['WATCHFLOOR_TEST_NATS'] ?? 'nats://127.0.0.1:4222' },
  },
});
const PAGES = Number(values.pages);
const WORKER_COUNTS = values.workers.split(',').map(Number);
if (!Number.isInteger(PAGES) || PAGES < 1 || WORKER_COUNTS.some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error('--pages and --workers take whole numbers above 0 (--workers 1,2)');
}
const ROOT = path.resolve(import.meta.dirname, '..');
/** Publish acknowledgements awaited at once. */
const PUBLISH_WINDOW = 256;

/** A short, distinct text page, like a wire bulletin. */
function page(i: number): Buffer {
  return Buffer.from(
    `Patrol bulletin ${i}\n\nSector ${i % 97} reported ${i % 13} vehicles moving north on the ${(i % 28) + 1}th; ` +
      `officials in the capital said the movement was routine. Bulletin ${i} ends.\n`,
  );
}

interface RunResult {
  workers: number;
  publishSeconds: number;
  wallSeconds: number;
  steadySeconds: number;
  stored: number;
}

/** One run: fresh schema and queue, publish everything, then let `workers` processes drain it. */
async function run(workers: number): Promise<RunResult> {
  const schema = `wf_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: values.db });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = `${values.db}${values.db.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const store = new PostgresStore(url);
  const queue = await JobQueue.open({ url: values.queue, name: `wf-bench-${randomBytes(4).toString('hex')}` });
  try {
    await store.migrate();
    const publishStart = performance.now();
    const inFlight = new Set<Promise<unknown>>();
    for (let i = 0; i < PAGES; i++) {
      const sent = queue.publish({ origin: `bench/page-${i}.txt`, bytes: page(i) });
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent));
      if (inFlight.size >= PUBLISH_WINDOW) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const publishSeconds = (performance.now() - publishStart) / 1000;

    const start = performance.now();
    const args = ['--db', url, 'worker', '--queue', values.queue, '--queue-name', queue.names.name, '--concurrency', values.concurrency, '--drain', '--quiet'];
    const entry = `const { main } = await import(${JSON.stringify(path.join(ROOT, 'src/cli/main.ts'))}); await main(['node', 'watchfloor', ...process.argv.slice(1)]);`;
    const exits = Array.from({ length: workers }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry, '--', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      return new Promise<void>((resolve, reject) =>
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}: ${stderr.slice(-2000)}`)))),
      );
    });
    await Promise.all(exits);
    const wallSeconds = (performance.now() - start) / 1000;
    // Steady state: first to last article written, leaving out process start-up and the idle check at the end.
    const { rows } = await store.pool.query(
      'SELECT count(*)::int AS n, min(analyzed_at) AS first, max(analyzed_at) AS last FROM articles',
    );
    const row = rows[0] as { n: number; first: string; last: string };
    return {
      workers,
      publishSeconds,
      wallSeconds,
      steadySeconds: (Date.parse(row.last) - Date.parse(row.first)) / 1000,
      stored: row.n,
    };
  } finally {
    await queue.destroy().catch(() => undefined);
    await queue.close();
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);
console.log(`bench:scale — ${PAGES} generated pages, PostgreSQL + NATS JetStream, ${os.cpus().length} CPU cores, concurrency ${values.concurrency} per worker`);
const results: RunResult[] = [];
for (const workers of WORKER_COUNTS) {
  const r = await run(workers);
  results.push(r);
  console.log(
    `${workers} worker(s): ${r.stored}/${PAGES} stored; publish ${fmt(PAGES / r.publishSeconds, 0)} pages/s; ` +
      `ingest ${fmt(r.stored / r.wallSeconds)} pages/s wall (${fmt(r.wallSeconds)} s, start-up included), ` +
      `${fmt(r.stored / Math.max(r.steadySeconds, 0.001))} pages/s steady (${fmt(r.steadySeconds)} s)`,
  );
}
const base = results[0];
for (const r of results.slice(1)) {
  if (!base) break;
  const ratio = (x: RunResult): number => x.stored / Math.max(x.steadySeconds, 0.001);
  console.log(
    `scaling ${base.workers} -> ${r.workers} workers: x${fmt(ratio(r) / ratio(base), 2)} steady, ` +
      `x${fmt(r.stored / r.wallSeconds / (base.stored / base.wallSeconds), 2)} wall (ideal x${fmt(r.workers / base.workers, 2)})`,
  );
}
