import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SqliteStore } from '../../src/store/sqlite.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';
import { Watcher } from '../../src/watch/watcher.js';
import { OutletDirectory } from '../../src/reliability/outlet-directory.js';
import { createContext } from '../../src/core/context.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { DEFAULT_FETCH_LIMITS } from '../../src/fetch/fetch-url.js';
import { DEFAULT_WATCH_SETTINGS, loadSources } from '../../src/watch/sources.js';

const run = promisify(execFile);
let server: LoopbackServer;
let dir: string;
let configFile: string;

before(async () => {
  server = await startLoopbackServer();
  dir = mkdtempSync(path.join(tmpdir(), 'watchfloor-watch-'));
  configFile = path.join(dir, 'watchfloor.config.json');
  const feeds = [
    'good.rss',
    'no-validators.rss',
    'atom.xml',
    'feed.json',
    'invalid.xml',
    'bomb.xml',
    'gzip-bomb.xml',
    'loop-a',
    'slow.xml',
    'image.png',
  ];
  writeFileSync(
    configFile,
    JSON.stringify({
      db: path.join(dir, 'watch.db'),
      sources: [
        ...feeds.map((f) => ({ name: `Loopback ${f}`, url: `${server.url}/feeds/${f}` })),
        {
          name: 'Meridian Wire',
          host: 'www.meridianwire.example',
          kind: 'wire',
          reliability: 'B',
          slug: 'meridian-wire',
        },
        {
          name: 'Sever News Agency',
          host: 'www.severnews.example',
          kind: 'state',
          stateAffiliated: true,
          reliability: 'D',
          slug: 'sever-news',
        },
      ],
      fetch: { allowAddresses: ['127.0.0.1'], timeoutMs: 1500, maxBytes: 1024 * 1024 },
      watch: { hostIntervalMs: 0, concurrency: 1 },
    }),
  );
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function watchOnce(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/watchfloor.js', 'watch', '--once'], {
      env: { ...process.env, WATCHFLOOR_CONFIG: configFile },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('watch --once ingests each item once across restarts; broken feeds fail alone, each with a clear message', async () => {
  const first = await watchOnce();
  assert.equal(first.code, 1, 'a poll with failures exits 1');
  const stored = first.stdout.split('\n').filter((l) => l.startsWith('stored'));
  assert.equal(stored.length, 6, first.stdout + first.stderr);
  const expectations: Array<[string, RegExp]> = [
    ['invalid.xml', /not a readable RSS, Atom, RDF or JSON feed|not XML or JSON/],
    ['bomb.xml', /declares <!DOCTYPE>/],
    ['gzip-bomb.xml', /over the limit of 1048576 bytes \(after gzip decompression\)/],
    ['loop-a', /redirect loop/],
    ['slow.xml', /no complete answer within 1500 ms/],
    ['image.png', /content type image\/png is not one of/],
    ['/pages/missing.html', /HTTP 404/],
  ];
  for (const [name, message] of expectations) {
    const line = first.stderr.split('\n').find((l) => l.startsWith('failed') && l.includes(name));
    assert.ok(line, `no failure line for ${name}:\n${first.stderr}`);
    assert.match(line, message);
  }
  assert.equal(server.hits.get('/private/secret.html'), undefined, 'robots.txt disallows /private/');

  const second = await watchOnce();
  assert.equal(second.stdout.split('\n').filter((l) => l.startsWith('stored')).length, 0, second.stdout);
  assert.match(second.stderr, /\(1 not modified, 6 failed\)/, 'the ETag feed answers 304 the second time');

  const store = new SqliteStore(path.join(dir, 'watch.db'));
  try {
    assert.equal((await store.stats()).captures, 6);
    const stories = await store.listStories({ minOutlets: 2 });
    assert.equal(stories.length, 3, JSON.stringify(stories));
    for (const summary of stories) {
      const story = await store.getStory(summary.id);
      assert.ok(story);
      assert.equal(story.articles.length, 2);
      assert.notEqual(story.firstSeen, null);
      assert.ok(story.headline);
    }
    const tajikistan = stories.find((s) => /Tajik/i.test(s.headline ?? ''));
    assert.ok(tajikistan, 'the Russia–Tajikistan story');
    const detail = (await store.getStory(tajikistan.id))!;
    assert.deepEqual(detail.articles.map((a) => a.reliability).sort(), ['B', 'D']);
    const outlets = await store.listOutlets();
    assert.equal(outlets.find((o) => o.name === 'Reuters')?.reliability, 'B', 'defaults from data/outlets.json');
    assert.equal(outlets.find((o) => o.name === 'Sever News Agency')?.isStateAffiliated, true);
  } finally {
    await store.close();
  }
});

test('a watched page is fetched with its validators: stored once, then not modified', async () => {
  const store = new SqliteStore(':memory:');
  await store.migrate();
  const ctx = createContext();
  const sources = loadSources({
    ...DEFAULT_CONFIG,
    sources: [{ name: 'Press page', url: `${server.url}/pages/etag.html`, type: 'page' }],
  });
  const watcher = new Watcher({
    store,
    ctx,
    sources,
    limits: { ...DEFAULT_FETCH_LIMITS, allowAddresses: ['127.0.0.1'] },
    settings: { ...DEFAULT_WATCH_SETTINGS, hostIntervalMs: 0 },
    directory: new OutletDirectory(sources, ctx.data),
  });
  const first = await watcher.poll();
  assert.equal(first.ingested, 1, JSON.stringify(first.problems));
  const second = await watcher.poll();
  assert.deepEqual([second.notModified, second.ingested], [1, 0]);
  assert.equal((await store.getWatchState(`${server.url}/pages/etag.html`))?.etag, '"page-v1"');
  await store.close();
});
