/**
 * Watcher throughput: FEEDS feeds of ITEMS items each, served on 127.0.0.1, polled once (every page
 * fetched and stored as a capture), then polled again (every feed answers 304); then the full pipeline
 * (fetch, analyse, store) on the first SAMPLE feeds. Prints items/s and peak memory.
 * Usage: npm run bench:watch [-- --feeds 200 --items 50 --sample 4]
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SqliteStore } from '../src/store/sqlite.js';
import { createContext } from '../src/core/context.js';
import { OutletDirectory } from '../src/reliability/outlet-directory.js';
import { Watcher } from '../src/watch/watcher.js';
import { DEFAULT_FETCH_LIMITS } from '../src/fetch/fetch-url.js';
import { DEFAULT_WATCH_SETTINGS, type SourceConfig } from '../src/watch/sources.js';
import { describeCapture } from '../src/stages/capture/index.js';
import type { IngestOutcome } from '../src/ingest.js';
import type { Store } from '../src/store.js';
import type { Context } from '../src/core/context.js';
import type { DocInput } from '../src/core/doc.js';

/** Stores the capture only (hash, dedupe, one transaction), so the watcher's own cost is measured. */
async function captureOnly(store: Store, input: DocInput, ctx: Context): Promise<IngestOutcome> {
  const { body: _body, ...capture } = describeCapture(input, ctx.limits, new Date());
  const base = { origin: input.origin, sha256: capture.sha256, articleId: null, error: null };
  const existing = await store.findCapture(capture.sha256);
  if (existing) return { ...base, status: 'unchanged', captureId: existing.id };
  const stored = await store.putIngest({
    capture,
    bytes: input.bytes,
    url: input.url ?? null,
    analysis: null,
    failure: null,
    pipelineVersion: 'bench',
  });
  return { ...base, status: 'stored', captureId: stored.id };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const FEEDS = arg('feeds', 200);
const ITEMS = arg('items', 50);
/** Feeds run through the whole pipeline: analysis dominates, so a sample gives its rate in a minute. */
const SAMPLE = arg('sample', 4);

const WORDS = (
  'minister army defence tanks howitzers border ceasefire talks missile launch drills navy frigate airbase contract ' +
  'delivery sanctions summit envoy brigade artillery drones radar convoy exercise troops alliance treaty budget'
).split(' ');

/** A distinct small news page for item i of feed f. */
function page(f: number, i: number): string {
  let seed = f * 7919 + i * 104729 + 1;
  const word = (): string => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return WORDS[seed % WORDS.length]!;
  };
  const sentence = (): string =>
    `The ${word()} said the ${word()} and ${word()} would ${word()} near the ${word()} on Tuesday.`;
  const paragraphs = Array.from({ length: 6 }, () => `<p>${Array.from({ length: 4 }, sentence).join(' ')}</p>`).join(
    '\n',
  );
  return `<!doctype html><html><head><title>Feed ${f} item ${i}</title><meta property="article:published_time" content="2024-03-0${(i % 9) + 1}T10:00:00Z"></head>
<body><article><h1>Feed ${f} item ${i}: ${word()} ${word()}</h1>${paragraphs}</article></body></html>`;
}

function feed(base: string, f: number): string {
  const items = Array.from(
    { length: ITEMS },
    (_, i) => `<item><title>Item ${i}</title><link>${base}/page/${f}/${i}.html</link><guid>f${f}-i${i}</guid></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f}</title>${items.join('')}</channel></rss>`;
}

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  let m = /^\/feed\/(\d+)\.rss$/.exec(url);
  if (m) {
    const etag = `"feed-${m[1]}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
    res.end(feed(base, Number(m[1])));
    return;
  }
  m = /^\/page\/(\d+)\/(\d+)\.html$/.exec(url);
  if (m) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(Number(m[1]), Number(m[2])));
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const dir = mkdtempSync(path.join(tmpdir(), 'watchfloor-bench-watch-'));
const store = new SqliteStore(path.join(dir, 'bench.db'));
await store.migrate();
const sources: SourceConfig[] = Array.from({ length: FEEDS }, (_, f) => ({
  name: `Feed ${f}`,
  url: `${base}/feed/${f}.rss`,
  type: 'feed',
  host: '127.0.0.1',
  slug: null,
  aliases: [],
  kind: null,
  reliability: null,
  isStateAffiliated: null,
  isWireAgency: null,
  isOfficialBody: null,
  intervalMinutes: null,
}));
const ctx = createContext();
const makeWatcher = (db: Store, list: SourceConfig[], ingest?: typeof captureOnly): Watcher =>
  new Watcher({
    store: db,
    ctx,
    sources: list,
    limits: { ...DEFAULT_FETCH_LIMITS, allowAddresses: ['127.0.0.1'] },
    settings: { ...DEFAULT_WATCH_SETTINGS, hostIntervalMs: 0, concurrency: 8 },
    directory: new OutletDirectory(list, ctx.data),
    isUpdatingStories: false,
    ...(ingest ? { ingest } : {}),
  });

let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 50);

const watcher = makeWatcher(store, sources, captureOnly);
const t0 = performance.now();
const first = await watcher.poll();
const t1 = performance.now();
const second = await watcher.poll();
const t2 = performance.now();
const full = new SqliteStore(path.join(dir, 'full.db'));
await full.migrate();
const sample = sources.slice(0, SAMPLE);
const t3 = performance.now();
const analysed = await makeWatcher(full, sample).poll();
const t4 = performance.now();
clearInterval(sampler);

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number): string => (n / (ms / 1000)).toFixed(1);
console.log(`watch bench: ${FEEDS} feeds x ${ITEMS} items on loopback (server in the same process), concurrency 8`);
console.log(
  `first poll (capture only):   ${first.ingested} pages fetched and stored in ${((t1 - t0) / 1000).toFixed(1)} s = ${rate(first.ingested, t1 - t0)} items/s (${first.failedItems} failed)`,
);
console.log(
  `second poll (conditional):   ${second.notModified} of ${FEEDS} feeds not modified in ${((t2 - t1) / 1000).toFixed(2)} s = ${rate(FEEDS, t2 - t1)} feeds/s`,
);
console.log(
  `full pipeline (${SAMPLE} feeds):    ${analysed.ingested} pages fetched, analysed and stored in ${((t4 - t3) / 1000).toFixed(1)} s = ${rate(analysed.ingested, t4 - t3)} items/s`,
);
console.log(`peak memory: rss ${mb(peakRss)}, heap ${mb(peakHeap)}`);

await full.close();
await store.close();
server.close();
rmSync(dir, { recursive: true, force: true });
