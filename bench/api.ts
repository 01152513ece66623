/**
 * API load benchmark: fills a SQLite store with generated articles (synthetic analyses written straight through
 * Store.putIngest, no pipeline), serves it from a child process on 127.0.0.1, and drives it with autocannon from
 * this process with mixed searches (words, phrases, facets, date ranges) while a second child ingests pages
 * through the whole pipeline into the same database and pages are POSTed to the server with the token.
 * Two phases on one warm server, both while pages are ingested and uploaded: one connection (the reference), then
 * the connections at once. Prints p50/p95/p99 latency and errors of each, the ratio of their p95s, the CPU
 * milliseconds per search on the search workers (Linux thread CPU) and for the whole server process, and the
 * server's peak memory; then each query kind alone. The store is generated once into var/bench-api-<articles>.db
 * and reused by later runs.
 * Usage: npm run bench:api [-- --articles 100000 --duration 20 --connections 4 --db var/bench-api-100000.db]
 * (`--fill-only`: generate or fill up the store and stop, e.g. the 1,000,000-article file ahead of a run.) The server
 * child runs the built modules of dist/ (`npm run build`), as `npm start` does; `--tsx` serves the sources instead.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Analysis } from '../src/analysis.js';
import type { Entity, Event, Transfer } from '../src/core/doc.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { buildApp } from '../src/server/app.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { SearchPool } from '../src/server/search-pool.js';
import { syntheticPage } from './lib/generate-pages.js';
import { compileAgainstDist } from './lib/built.js';

const TOKEN = 'bench-api-token';
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
/** The bench's own code compiled against dist/ (see builtServerChild): the server child that runs what `npm start` runs. */
const BUILT_CHILD = path.join(ROOT, 'dist/bench/api.mjs');

/**
 * The server child runs the built modules (dist/, as `npm start` does) when `npm run build` has made them,
 * else the TypeScript sources through tsx, as `npm run dev` would: tsx's loader runs on a thread of its own in
 * the process and in each worker (Node 20), about 25 MB each, memory a built server has not.
 */
let serverLoader: string | null = null;

/**
 * Compiles this file for the server child with esbuild: its own code bundled, every module of src/ left an import
 * of its built twin in dist/ (so the search and upload workers start from dist/ as well), packages left external.
 * Null when dist/ or esbuild is missing.
 */
async function builtServerChild(): Promise<string | null> {
  if (!existsSync(path.join(ROOT, 'dist/server/app.js'))) return null;
  try {
    await compileAgainstDist(SELF, BUILT_CHILD);
  } catch {
    return null;
  }
  return BUILT_CHILD;
}

const COUNTRIES: Array<[string, string, number, number]> = [
  ['RUS', 'Russia', 61.5, 105.3], ['UKR', 'Ukraine', 49, 31.4], ['POL', 'Poland', 52.1, 19.4], ['TJK', 'Tajikistan', 38.9, 71.3],
  ['CHN', 'China', 35.9, 104.2], ['IND', 'India', 20.6, 79], ['TUR', 'Turkey', 39, 35.2], ['IRN', 'Iran', 32.4, 53.7],
  ['ISR', 'Israel', 31, 34.9], ['JPN', 'Japan', 36.2, 138.3], ['DEU', 'Germany', 51.2, 10.5], ['FRA', 'France', 46.2, 2.2],
  ['USA', 'United States', 39.8, -98.6], ['GBR', 'United Kingdom', 55.4, -3.4], ['KOR', 'South Korea', 35.9, 127.8], ['PRK', 'North Korea', 40.3, 127.5],
  ['EST', 'Estonia', 58.6, 25], ['FIN', 'Finland', 61.9, 25.7], ['ARM', 'Armenia', 40.1, 45], ['AZE', 'Azerbaijan', 40.1, 47.6],
];
const EVENT_TYPES: Array<[string, string, 1 | 2 | 3 | 4]> = [
  ['042', 'CONSULT', 1], ['057', 'AGREE', 1], ['061', 'COOPERATE', 2], ['072', 'AID', 2], ['112', 'ACCUSE', 3],
  ['120', 'REJECT', 3], ['138', 'THREATEN', 3], ['150', 'MOBILIZE', 4], ['173', 'COERCE', 4], ['190', 'ASSAULT', 4],
];
const SOURCES = ['Meridian Wire', 'Caspian Newswire', 'The Baltic Courier', 'Ordnance Ledger', 'Sever', 'The Pacific Ledger', 'Sentinel Digest', 'Le Veilleur'];
const SECTIONS = ['World', 'Defence', 'Arms Transfers', 'Missiles', 'Nuclear', 'Diplomacy', 'Cyber', 'Asia'];
const ITEMS = ['armoured vehicles', 'tanks', 'howitzers', 'helicopters', 'drones', 'air-defence systems', 'radars', 'fighter jets', 'artillery shells', 'patrol boats'];
const VERBS = ['sent', 'delivered', 'ordered', 'pledged', 'promised', 'signed for', 'requested', 'received'];
const FILLER = 'officials said the move followed weeks of talks between defence ministries while analysts warned that regional tensions could rise further as exercises continue near the border and parliament debated the budget for procurement and training of reserve units'.split(' ');

/** A small deterministic generator (mulberry32), so every run builds the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)]!;
}

/** One generated article: ~120 words, two to four countries, one to three events, sometimes a transfer. */
export function syntheticAnalysis(i: number): Analysis {
  const r = rng(i + 1);
  const a = pick(COUNTRIES, r);
  let b = pick(COUNTRIES, r);
  if (b[0] === a[0]) b = COUNTRIES[(COUNTRIES.indexOf(a) + 1) % COUNTRIES.length]!;
  const c = pick(COUNTRIES, r);
  const count = 2 + Math.floor(r() * 200);
  const item = pick(ITEMS, r);
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
  const lead = `${a[1]} has ${pick(VERBS, r)} ${count} ${item} to ${b[1]}, the ministry said on ${day}.`;
  const words: string[] = [];
  for (let k = 0; k < 100; k++) words.push(r() < 0.08 ? pick(ITEMS, r).split(' ')[0]! : r() < 0.05 ? c[1] : pick(FILLER, r));
  const text = `${lead}\n\n${words.join(' ')} (item ${i}).`;
  const title = `${a[1]} ${pick(VERBS, r)} ${count} ${item} to ${b[1]}`;
  const mention = (name: string): Array<{ text: string; start: number; end: number }> => {
    const start = text.indexOf(name);
    return start < 0 ? [] : [{ text: name, start, end: start + name.length }];
  };
  const entities: Entity[] = [a, b, c]
    .filter((x, k, all) => all.findIndex((y) => y[0] === x[0]) === k)
    .map(([code, name, lat, lon]) => ({ id: `country:${code}`, name, type: 'country', code, role: null, affiliation: null, lat, lon, mentions: mention(name) }));
  const evidence = { text: lead, start: 0, end: lead.length };
  const events: Event[] = [];
  const n = 1 + Math.floor(r() * 3);
  for (let k = 0; k < n; k++) {
    const [cameo, plover, quadClass] = pick(EVENT_TYPES, r);
    const place = r() < 0.5 ? b : a;
    events.push({
      cameo, plover, quadClass, goldstein: quadClass <= 2 ? 5 : -5,
      source: { name: a[1], code: k === 0 ? `${a[0]}MIL` : a[0] }, target: { name: b[1], code: b[0] },
      date: day, precision: 'day', modality: 'asserted', quantities: [{ count, item }],
      location: { name: place[1], lat: place[2], lon: place[3] }, attribution: { speaker: 'the ministry', via: [] }, evidence,
    });
  }
  const transfers: Transfer[] = r() < 0.3 ? [{ supplier: a[0], recipient: b[0], items: [{ count, item }], status: 'delivered', date: day, evidence }] : [];
  return {
    contract: 1,
    article: { title, text, publisher: pick(SOURCES, r), source: pick(SOURCES, r), section: pick(SECTIONS, r), byline: null, published: `${day}T08:00:00Z`, language: 'en', url: `https://bench.example/${i}` },
    entities, dates: [], events, transfers, sections: [], messages: [],
  };
}

/** Adds generated articles until the store holds `target`, in transactions of ten thousand. */
async function fill(store: SqliteStore, target: number): Promise<number> {
  const have = (await store.stats()).articles;
  const started = performance.now();
  const BATCH = 10_000;
  for (let i = have; i < target; i += BATCH) {
    const writes: Array<Promise<unknown>> = [];
    store.db.transaction(() => {
      for (let k = i; k < Math.min(target, i + BATCH); k++) {
        const analysis = syntheticAnalysis(k);
        const bytes = Buffer.from(`<html><body><h1>${analysis.article.title}</h1><p>${analysis.article.text}</p></body></html>`);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        // putIngest runs synchronously inside; its nested transaction becomes a savepoint of this one.
        writes.push(store.putIngest({
          capture: { sha256, size: bytes.length, mediaType: 'text/html', origin: `bench:${k}`, capturedAt: analysis.article.published!, isGzipped: false },
          bytes, url: analysis.article.url, analysis, failure: null, pipelineVersion: 'bench',
        }));
      }
    })();
    await Promise.all(writes);
    if ((i / BATCH) % 10 === 0) process.stderr.write(`  filled ${Math.min(target, i + BATCH)}/${target}\r`);
  }
  store.db.pragma('optimize');
  return (performance.now() - started) / 1000;
}

/** Fills the store at `db` up to `target` articles (once: a store that holds them is reused as it is). */
export async function fillStore(db: string, target: number): Promise<{ seconds: number; isReused: boolean }> {
  const store = new SqliteStore(db);
  await store.migrate();
  // A bigger page cache while filling: the indexes are built in memory, written once.
  store.db.pragma('cache_size = -262144');
  try {
    const isReused = (await store.stats()).articles >= target;
    return { seconds: isReused ? 0 : await fill(store, target), isReused };
  } finally {
    await store.close();
  }
}

/** The mixed searches, by kind; each kind is a list of query strings to draw from. */
export function queryMix(): Record<string, string[]> {
  const enc = encodeURIComponent;
  const countries = COUNTRIES.map((c) => c[0]);
  return {
    word: ['tanks', 'howitzers', 'Russia', 'drones', 'ministry', 'radars', 'Estonia', 'helicopters', 'budget', 'exercises'].map((w) => `q=${enc(w)}`),
    words: ['Russia tanks', 'Poland howitzers', 'drones Ukraine', 'Japan radars', 'Iran missiles', 'Finland border'].map((w) => `q=${enc(w)}`),
    phrase: ['"armoured vehicles"', '"fighter jets"', '"air-defence systems"', '"patrol boats"', '"regional tensions"'].map((w) => `q=${enc(w)}`),
    facet: [...countries.map((c) => `country=${c}`), ...EVENT_TYPES.map((t) => `eventType=${t[1]}`), ...SOURCES.map((s) => `source=${enc(s)}`), ...SECTIONS.map((s) => `section=${enc(s)}`), 'actor=RUSMIL', 'actor=country:UKR'],
    'word+facet': countries.map((c, k) => `q=${enc(pick(['tanks', 'drones', 'howitzers', 'radars'], () => (k % 4) / 4))}&country=${c}`),
    'date range': ['since=2021-01-01&until=2021-03-31', 'q=tanks&since=2022-06-01&until=2022-12-31', 'since=2024-01-01&sort=date', 'q=Russia&since=2020-01-01&until=2020-12-31&sort=date'],
    sorted: ['q=tanks&sort=date', 'q=Ukraine&sort=date&offset=40', 'sort=date', 'q=%22fighter%20jets%22&sort=date&limit=50'],
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(label: string, times: number[], errors: number): string {
  const sorted = [...times].sort((x, y) => x - y);
  const f = (n: number): string => n.toFixed(1).padStart(7);
  return `${label.padEnd(12)} ${String(times.length).padStart(7)} ${f(percentile(sorted, 50))} ${f(percentile(sorted, 95))} ${f(percentile(sorted, 99))} ${f(sorted.at(-1) ?? NaN)} ${String(errors).padStart(6)}`;
}

/** Child mode: ingest generated pages through the whole pipeline until stopped, reporting counts every half second. */
async function ingestChild(db: string): Promise<void> {
  // Imported here: the server child loads this file too, and must not carry the pipeline's modules on its main
  // thread (its uploads are analysed on the upload worker, which imports them itself).
  const [{ createContext }, { ingestOne }] = await Promise.all([import('../src/core/context.js'), import('../src/ingest.js')]);
  const store = new SqliteStore(db);
  await store.migrate();
  const ctx = createContext();
  const counts = { stored: 0, failed: 0, perSecond: 0 };
  const started = performance.now();
  let isStopping = false;
  process.once('SIGTERM', () => {
    isStopping = true;
  });
  let last = 0;
  for (let i = 0; !isStopping; i++) {
    const page = syntheticPage(2_000_000 + i + Math.floor(Date.now() / 1000) * 1000);
    const outcome = await ingestOne(store, { origin: `bench-ingest:${page.name}`, bytes: Buffer.from(page.content) }, ctx);
    if (outcome.status === 'failed') counts.failed++;
    else counts.stored++;
    const now = performance.now();
    if (now - last > 500) {
      counts.perSecond = counts.stored / ((now - started) / 1000);
      process.stdout.write(`${JSON.stringify(counts)}\n`);
      last = now;
    }
    // Let the SIGTERM handler run between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await store.close();
  process.exit(0);
}

/** What the server child reports for a phase: per search wall time inside the server and worker CPU, memory, CPU. */
interface ServerStats {
  wall: number[];
  /** Time each search kept its worker busy (≥ its CPU time when the thread waits for a core). */
  workerBusy: number[];
  /** CPU of the search worker threads over the phase (Linux schedstat), ms. */
  workerCpuMs: number;
  /** CPU of the whole server process (HTTP thread, search workers, upload worker), ms. */
  processCpuMs: number;
  /** CPU of the server's main thread (HTTP: parsing, routing, JSON, ETags; uploads' requests too), ms (Linux). */
  mainCpuMs: number;
  /** Peak resident memory of the server process over the phase (all its threads), MB. */
  peakRssMb: number;
  /** At the phase's end: RSS, its anonymous part (heaps, SQLite caches, typed arrays) and file-backed part (code, libraries), MB. */
  rssMb: number;
  rssAnonMb: number;
  rssFileMb: number;
  /** V8 heap of the HTTP thread (heapTotal), MB. */
  mainHeapMb: number;
  threads: number;
  searches: number;
}

/**
 * Child mode: serve the store on 127.0.0.1 with the rate limit off and a measured search pool, print the address,
 * then answer each `stats` line on stdin with the phase's figures (and start a new phase).
 */
async function serveChild(db: string): Promise<void> {
  const store = new SqliteStore(db);
  await store.migrate();
  const pool = new SearchPool({ db, isMeasuring: true });
  // Each worker loads its facet postings now, not during the first measured searches.
  await pool.warm();
  const app = await buildApp({
    store,
    config: { ...DEFAULT_CONFIG, db, token: TOKEN },
    rateLimit: { perSecond: 0, burst: 0 },
    searchPool: pool,
  });
  // Server-side wall time of each search, from request to response: on a busy machine the client's latency also
  // counts the wait for a core and for the connection's turn.
  const started = new WeakMap<object, { at: number }>();
  let wall: number[] = [];
  let searches = 0;
  app.addHook('onRequest', async (request) => {
    started.set(request, { at: performance.now() });
  });
  app.addHook('onResponse', async (request) => {
    const begin = started.get(request);
    if (!begin || !request.url.startsWith('/api/search')) return;
    wall.push(performance.now() - begin.at);
    searches++;
  });
  // The server is this one process (HTTP thread, search workers, upload worker: threads share its memory), so its
  // resident memory is the process's. The peak over a phase is the kernel's high-water mark (VmHWM), reset at each
  // phase's start (Linux), and a 100 ms sample of the RSS elsewhere (or as well).
  const isHwmResettable = resetPeakRss();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  let cpuFrom = process.cpuUsage();
  let workerCpuFrom = pool.threadCpuMs;
  let mainCpuFrom = mainThreadCpuMs();
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ address })}\n`);
  let input = '';
  process.stdin.on('data', (chunk: Buffer) => {
    input += chunk.toString();
    while (input.includes('\n')) {
      const line = input.slice(0, input.indexOf('\n'));
      input = input.slice(input.indexOf('\n') + 1);
      if (line !== 'stats') continue;
      const cpu = process.cpuUsage(cpuFrom);
      peakRss = Math.max(peakRss, process.memoryUsage().rss, isHwmResettable ? memoryStatusKb('VmHWM') * 1024 : 0);
      const stats: ServerStats = {
        wall,
        workerBusy: pool.busyTimes.splice(0),
        workerCpuMs: pool.threadCpuMs - workerCpuFrom,
        processCpuMs: (cpu.user + cpu.system) / 1000,
        mainCpuMs: mainThreadCpuMs() - mainCpuFrom,
        peakRssMb: peakRss / 2 ** 20,
        rssMb: process.memoryUsage().rss / 2 ** 20,
        rssAnonMb: memoryStatusKb('RssAnon') / 1024,
        rssFileMb: memoryStatusKb('RssFile') / 1024,
        mainHeapMb: process.memoryUsage().heapTotal / 2 ** 20,
        threads: threadCount(),
        searches,
      };
      process.stdout.write(`${JSON.stringify({ stats })}\n`);
      wall = [];
      searches = 0;
      resetPeakRss();
      peakRss = process.memoryUsage().rss;
      cpuFrom = process.cpuUsage();
      workerCpuFrom = pool.threadCpuMs;
      mainCpuFrom = mainThreadCpuMs();
    }
  });
  process.once('SIGTERM', () => {
    clearInterval(sampler);
    void app.close().then(() => store.close()).then(() => process.exit(0));
  });
}

/** A field of /proc/self/status in kB (VmHWM, RssAnon...), 0 where there is none. */
function memoryStatusKb(field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resets the process's peak RSS (VmHWM) to its RSS now (Linux: clear_refs 5); false where it cannot. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return memoryStatusKb('VmHWM') > 0;
  } catch {
    return false;
  }
}

/** Threads of this process (Linux), 0 elsewhere. */
function threadCount(): number {
  try {
    return readdirSync('/proc/self/task').length;
  } catch {
    return 0;
  }
}

/** CPU time of the calling thread so far (ms; Linux schedstat, exact over many calls), 0 elsewhere. */
function mainThreadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return 0;
  }
}

/** The server child: its address, and a way to read a phase's figures. */
interface Server {
  address: string;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

async function startServer(db: string, useBuilt: boolean): Promise<Server> {
  const built = useBuilt ? await builtServerChild() : null;
  serverLoader = built ? null : 'tsx (a loader thread per thread that runs TypeScript; a built server has none: npm run build)';
  const args = built ? [built, '--serve', db] : ['--import', 'tsx', SELF, '--serve', db];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  // A bench that dies takes its server with it (else it would hold the port, the database and memory).
  process.once('exit', () => child.kill('SIGKILL'));
  let out = '';
  const waiters: Array<(line: string) => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    while (out.includes('\n')) {
      const line = out.slice(0, out.indexOf('\n'));
      out = out.slice(out.indexOf('\n') + 1);
      waiters.shift()?.(line);
    }
  });
  const next = (): Promise<string> =>
    new Promise((resolve, reject) => {
      waiters.push(resolve);
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  const address = (JSON.parse(await next()) as { address: string }).address;
  return {
    address,
    async stats() {
      const line = next();
      child.stdin.write('stats\n');
      return (JSON.parse(await line) as { stats: ServerStats }).stats;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Drives mixed searches at the server; latencies as the client sees them. */
async function load(address: string, connections: number, duration: number, seed: number): Promise<{ times: number[]; errors: number; requests: number }> {
  const mix = queryMix();
  const kinds = Object.keys(mix);
  const times: number[] = [];
  let errors = 0;
  const r = rng(seed);
  // Imported here, not in the server child that loads this file too.
  const { default: autocannon } = await import('autocannon');
  const instance = autocannon({
    url: address,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request) => ({ ...request, method: 'GET', path: `/api/search?${pick(mix[pick(kinds, r)]!, r)}` }),
        onResponse: (status) => {
          if (status !== 200) errors++;
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    times.push(responseTime);
  });
  const result = await instance;
  return { times, errors: errors + result.errors + result.timeouts, requests: result.requests.total };
}

function median(values: number[]): number {
  return percentile([...values].sort((x, y) => x - y), 50);
}

function p95(values: number[]): number {
  return percentile([...values].sort((x, y) => x - y), 95);
}

function serverLine(label: string, stats: ServerStats): string {
  return (
    `${label}: search workers' CPU ${(stats.workerCpuMs / Math.max(1, stats.searches)).toFixed(2)} ms per search (mean); ` +
    `HTTP thread ${(stats.mainCpuMs / Math.max(1, stats.searches)).toFixed(2)} ms per search (mean, uploads' requests included); ` +
    `worker busy per search median ${median(stats.workerBusy).toFixed(2)} ms, p95 ${p95(stats.workerBusy).toFixed(2)} ms (wall on the worker, ≥ CPU); ` +
    `whole server process ${(stats.processCpuMs / Math.max(1, stats.searches)).toFixed(2)} ms CPU per search (HTTP, uploads' analysis included); ` +
    `peak RSS ${stats.peakRssMb.toFixed(0)} MB`
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '4' },
      db: { type: 'string' },
      serve: { type: 'string' },
      ingest: { type: 'string' },
      'fill-only': { type: 'boolean', default: false },
      /** Serve the TypeScript sources through tsx even where dist/ is built. */
      tsx: { type: 'boolean', default: false },
    },
  });
  if (values.serve) return serveChild(values.serve);
  if (values.ingest) return ingestChild(values.ingest);
  const articles = Number(values.articles);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: not a positive whole number: ${values.articles}`);
  // Generated once into this file and reused by later runs (a store with fewer articles is filled up).
  const db = values.db ?? path.join('var', `bench-api-${articles}.db`);
  mkdirSync(path.dirname(path.resolve(db)), { recursive: true });
  const filled = await fillStore(db, articles);
  const check = new SqliteStore(db, { isReadonly: true });
  const stats = await check.stats();
  await check.close();
  process.stdout.write(`store: ${stats.articles} articles, ${stats.events} events, ${stats.transfers} transfers (${filled.isReused ? 'reused' : `filled in ${filled.seconds.toFixed(1)} s`}) at ${db}\n`);
  if (values['fill-only']) return;
  process.stdout.write(`machine: ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start\n`);

  const server = await startServer(db, !values.tsx);
  const { address } = server;
  const mix = queryMix();
  const kinds = Object.keys(mix);
  // Warm the caches the way a desk that has been open a while would have them.
  // A first search on a large store and a loaded machine can outlast the server's 30 s request timeout: it is
  // asked again (its work so far, postings and pages read, is cached by then).
  for (const kind of kinds) {
    for (const q of mix[kind]!) {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          const res = await fetch(`${address}/api/search?${q}`);
          await res.arrayBuffer();
          if (res.ok) break;
        } catch {
          // Closed by the request timeout: ask again.
        }
      }
    }
  }
  // Uploads first, until one is stored, so the upload worker has loaded the pipeline before anything is measured
  // (on a loaded machine the first can outlast the server's 30 s request timeout).
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const res = await fetch(`${address}/api/pages?url=${encodeURIComponent(`https://upload.example/warm-${Date.now()}`)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
        body: syntheticPage(Date.now()).content,
      });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // Closed by the request timeout while the worker was still starting: try again.
    }
  }
  await server.stats();

  // While both phases run, a second process ingests pages through the whole pipeline into the same database and
  // pages are uploaded over HTTP with the token (the server analyses them on its upload worker): new articles
  // arrive all the time, as on a desk fed by watched sources.
  const ingester = spawn(process.execPath, ['--import', 'tsx', SELF, '--ingest', db], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ingest = { stored: 0, failed: 0, perSecond: 0 };
  ingester.stdout.on('data', (chunk: Buffer) => {
    const line = chunk.toString().trim().split('\n').at(-1);
    if (line?.startsWith('{')) Object.assign(ingest, JSON.parse(line) as typeof ingest);
  });
  // The load starts once the ingest is under way.
  for (let waited = 0; ingest.stored + ingest.failed === 0 && waited < 120_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  let isLoading = true;
  const uploads = { stored: 0, failed: 0, busy: 0, times: [] as number[], failures: [] as string[] };
  const uploader = (async () => {
    for (let i = 0; isLoading; i++) {
      const page = syntheticPage(3_000_000 + i + Math.floor(Date.now() / 1000) * 1000);
      const started = performance.now();
      try {
        const res = await fetch(`${address}/api/pages?url=${encodeURIComponent(`https://upload.example/${Date.now()}-${i}`)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': page.name.endsWith('.html') ? 'text/html' : 'text/plain' },
          body: page.content,
        });
        if (res.status === 201 || res.status === 200) {
          await res.arrayBuffer();
          uploads.stored++;
        } else if (res.status === 429) {
          await res.arrayBuffer();
          uploads.busy++;
          await new Promise((resolve) => setTimeout(resolve, 1000 * Number(res.headers.get('retry-after') ?? 1)));
        } else {
          uploads.failed++;
          uploads.failures.push(`${res.status} ${(await res.text()).slice(0, 120)}`);
        }
      } catch (error) {
        uploads.failed++;
        uploads.failures.push((error as Error).message);
      }
      uploads.times.push(performance.now() - started);
    }
  })();
  await server.stats();

  // Phase 1, the reference: one connection.
  const ingestBefore = ingest.stored;
  const sequential = await load(address, 1, duration, 7);
  const sequentialServer = await server.stats();
  const sequentialIngest = ingest.stored - ingestBefore;

  // Phase 2: the connections at once.
  const ingestBetween = ingest.stored;
  const concurrent = await load(address, connections, duration, 42);
  const concurrentIngest = ingest.stored - ingestBetween;
  isLoading = false;
  await uploader;
  const concurrentServer = await server.stats();
  ingester.kill('SIGTERM');

  const f = (n: number): string => n.toFixed(1);
  process.stdout.write(`\nmixed searches, ${duration} s per phase (ms as the client sees them)\n`);
  process.stdout.write(`phase          count     p50     p95     p99     max errors\n`);
  process.stdout.write(`${summary('sequential', sequential.times, sequential.errors)}  (1 connection; ${sequentialIngest} pages ingested meanwhile)\n`);
  process.stdout.write(`${summary('  in server', sequentialServer.wall, 0)}\n`);
  process.stdout.write(`${summary('concurrent', concurrent.times, concurrent.errors)}  (${connections} connections; ${concurrentIngest} pages ingested meanwhile)\n`);
  process.stdout.write(`${summary('  in server', concurrentServer.wall, 0)}\n`);
  process.stdout.write(`ratio concurrent p95 / sequential p95: ${(p95(concurrent.times) / p95(sequential.times)).toFixed(2)} (${f(p95(concurrent.times))} / ${f(p95(sequential.times))})\n`);
  process.stdout.write(`${serverLine('sequential', sequentialServer)}\n`);
  process.stdout.write(`${serverLine('concurrent', concurrentServer)}\n`);
  const peakMb = Math.max(sequentialServer.peakRssMb, concurrentServer.peakRssMb);
  process.stdout.write(
    `server memory (one process: HTTP thread, search workers, upload worker; ${concurrentServer.threads} threads): ` +
      `peak RSS ${peakMb.toFixed(0)} MB over both phases (sequential ${sequentialServer.peakRssMb.toFixed(0)}, concurrent ${concurrentServer.peakRssMb.toFixed(0)}); ` +
      `at the end ${concurrentServer.rssMb.toFixed(0)} MB = ${concurrentServer.rssAnonMb.toFixed(0)} anonymous + ${concurrentServer.rssFileMb.toFixed(0)} file-backed; ` +
      `HTTP thread's heap ${concurrentServer.mainHeapMb.toFixed(0)} MB${serverLoader ? `; run under ${serverLoader}` : '; built server (dist/)'}\n`,
  );
  process.stdout.write(`ingest in the other process: ${ingest.stored} pages stored (${ingest.perSecond.toFixed(1)}/s), ${ingest.failed} failed\n`);
  process.stdout.write(`${summary('uploads', uploads.times, uploads.failed)}  (${uploads.stored} pages POSTed with the token and stored, ${uploads.busy} refused with 429 and retried${uploads.failures.length ? `; failures: ${uploads.failures.join(', ')}` : ''})\n`);

  const seq95 = p95(sequential.times);
  const conc95 = p95(concurrent.times);
  const perSearch = (ms: number, stats: ServerStats): number => ms / Math.max(1, stats.searches);
  const rows: Array<[string, string, string]> = [
    ['articles in the store', String(stats.articles), ''],
    ['sequential p95, client (ms)', f(seq95), articles >= 1_000_000 ? '<= 60' : ''],
    ['concurrent p95, client (ms)', f(conc95), articles >= 1_000_000 ? '<= 100' : '<= 50'],
    ['ratio concurrent / sequential p95', (conc95 / seq95).toFixed(2), ''],
    ['errors (both phases)', String(sequential.errors + concurrent.errors), '0'],
    ['CPU per search, median bound (ms)', f(median(concurrentServer.workerBusy) + perSearch(concurrentServer.mainCpuMs, concurrentServer)), '<= 3'],
    ['  worker busy median (>= its CPU)', median(concurrentServer.workerBusy).toFixed(2), ''],
    ['  HTTP thread CPU per search, mean', perSearch(concurrentServer.mainCpuMs, concurrentServer).toFixed(2), ''],
    ['  search workers CPU per search, mean', perSearch(concurrentServer.workerCpuMs, concurrentServer).toFixed(2), ''],
    ['server peak RSS, whole process (MB)', peakMb.toFixed(0), articles >= 1_000_000 ? '<= 500' : ''],
  ];
  process.stdout.write(`\nfigures (concurrent phase: ${connections} connections; both phases with ingest and uploads)\n`);
  for (const [name, value, target] of rows) process.stdout.write(`${name.padEnd(40)} ${value.padStart(9)}  ${target}\n`);

  // Each kind alone, one request at a time, twice (the second answered from the cache), to see which kind costs what.
  process.stdout.write(`\nper kind, sequential, first and second time:\n`);
  for (const kind of kinds) {
    const times: number[] = [];
    let kindErrors = 0;
    for (let round = 0; round < 2; round++) {
      for (const q of mix[kind]!) {
        const started = performance.now();
        const res = await fetch(`${address}/api/search?${q}`);
        await res.arrayBuffer();
        times.push(performance.now() - started);
        if (res.status !== 200) kindErrors++;
      }
    }
    process.stdout.write(`${summary(kind, times, kindErrors)}\n`);
  }
  await server.stop();
}

if (process.argv[1] === SELF) await main();
