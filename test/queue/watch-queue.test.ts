import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { startLoopbackServer, type LoopbackServer } from '../monitoring/loopback-server.js';
import { JobQueue } from '../../src/queue/nats-queue.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { servicesMissing, TEST_NATS_URL } from './services.js';

const missing = await servicesMissing({ nats: true });
const run = promisify(execFile);
let server: LoopbackServer;
let dir: string;
let configFile: string;
const queueName = `wf-watch-${randomBytes(4).toString('hex')}`;

before(async () => {
  server = await startLoopbackServer();
  dir = mkdtempSync(path.join(tmpdir(), 'watchfloor-watch-queue-'));
  configFile = path.join(dir, 'watchfloor.config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      db: path.join(dir, 'wf.db'),
      sources: [{ name: 'Loopback good', url: `${server.url}/feeds/good.rss` }],
      fetch: { allowAddresses: ['127.0.0.1'], timeoutMs: 1500, maxBytes: 1024 * 1024 },
      watch: { hostIntervalMs: 0, concurrency: 1 },
    }),
  );
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/entry.ts', ...args], {
      env: { ...process.env, WATCHFLOOR_CONFIG: configFile },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test(
  'watch --queue publishes each new page once as a capture job; a worker then stores them',
  { skip: missing ?? false },
  async () => {
    try {
      const first = await cli(['watch', '--once', '--queue', TEST_NATS_URL, '--queue-name', queueName]);
      const queued = first.stdout.split('\n').filter((l) => l.startsWith('queued'));
      assert.equal(queued.length, 4, first.stdout + first.stderr);
      assert.match(first.stderr, /missing\.html.*HTTP 404/, 'the broken item fails alone');

      const second = await cli(['watch', '--once', '--queue', TEST_NATS_URL, '--queue-name', queueName]);
      assert.equal(
        second.stdout.split('\n').filter((l) => l.startsWith('queued')).length,
        0,
        'nothing is queued twice',
      );

      const worker = await cli(['worker', '--queue', TEST_NATS_URL, '--queue-name', queueName, '--drain']);
      assert.equal(worker.code, 0, worker.stderr);
      const store = new SqliteStore(path.join(dir, 'wf.db'));
      try {
        assert.equal((await store.stats()).articles, 4);
      } finally {
        await store.close();
      }
    } finally {
      const queue = await JobQueue.open({ url: TEST_NATS_URL, name: queueName }).catch(() => null);
      await queue?.destroy().catch(() => undefined);
      await queue?.close();
    }
  },
);
