/**
 * API load benchmark: fills a SQLite store with generated articles (synthetic analyses written straight through
 * Store.putIngest, no pipeline), serves it from a child process on 127.0.0.1, and drives it with autocannon from
 * this process with mixed searches (words, phrases, facets, date ranges) while a second child ingests pages
 * through the whole pipeline into the same database and pages are POSTed to the server with the token.
 * Prints p50/p95/p99 latency and error counts, overall and per query kind.
 * Usage: npm run bench:api [-- --articles 100000 --duration 20 --connections 4 --db var/bench-api.db]
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { Analysis } from '../src/analysis.js';
import type { Entity, Event, Transfer } from '../src/core/doc.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { buildApp } from '../src/server/app.js';
import { createContext } from '../src/core/context.js';
import { ingestOne } from '../src/ingest.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { syntheticPage } from './lib/generate-pages.js';

const TOKEN = 'bench-api-token';
const SELF = fileURLToPath(import.meta.url);

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

/** Adds generated articles until the store holds `target`, in transactions of a few thousand. */
async function fill(store: SqliteStore, target: number): Promise<number> {
  const have = (await store.stats()).articles;
  const started = performance.now();
  const BATCH = 2000;
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

/** Child mode: serve the store on 127.0.0.1 with the rate limit off, and print the address. */
async function serveChild(db: string): Promise<void> {
  const store = new SqliteStore(db);
  await store.migrate();
  const app = await buildApp({ store, config: { ...DEFAULT_CONFIG, db, token: TOKEN }, rateLimit: { perSecond: 0, burst: 0 } });
  // Server-side wall time of each search, from request to response: on a busy machine the client's latency also
  // counts the wait for a core and for the connection's turn.
  const started = new WeakMap<object, { at: number }>();
  const server = { wall: [] as number[] };
  app.addHook('onRequest', async (request) => {
    started.set(request, { at: performance.now() });
  });
  app.addHook('onResponse', async (request) => {
    const begin = started.get(request);
    if (!begin || !request.url.startsWith('/api/search')) return;
    server.wall.push(performance.now() - begin.at);
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ address })}\n`);
  process.once('SIGTERM', () => {
    process.stdout.write(`${JSON.stringify({ server })}\n`);
    void app.close().then(() => store.close()).then(() => process.exit(0));
  });
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
    },
  });
  if (values.serve) return serveChild(values.serve);
  if (values.ingest) return ingestChild(values.ingest);
  const articles = Number(values.articles);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: not a positive whole number: ${values.articles}`);
  const tmp = values.db ? null : mkdtempSync(path.join(os.tmpdir(), 'watchfloor-bench-api-'));
  const db = values.db ?? path.join(tmp!, 'bench.db');

  const store = new SqliteStore(db);
  await store.migrate();
  const reused = existsSync(db) && (await store.stats()).articles >= articles;
  const fillSeconds = reused ? 0 : await fill(store, articles);
  const stats = await store.stats();
  await store.close();
  process.stdout.write(`store: ${stats.articles} articles, ${stats.events} events, ${stats.transfers} transfers (${reused ? 'reused' : `filled in ${fillSeconds.toFixed(1)} s`}) at ${db}\n`);

  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve', db], { stdio: ['ignore', 'pipe', 'inherit'] });
  let childOut = '';
  child.stdout.on('data', (chunk: Buffer) => {
    childOut += chunk.toString();
  });
  const address = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const line = childOut.split('\n').find((l) => l.startsWith('{"address"'));
      if (line) {
        clearInterval(poll);
        resolve((JSON.parse(line) as { address: string }).address);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      reject(new Error(`server exited with ${code}`));
    });
  });

  const mix = queryMix();
  const kinds = Object.keys(mix);
  // Warm the caches the way a desk that has been open a while would have them.
  for (const kind of kinds) for (const q of mix[kind]!) await fetch(`${address}/api/search?${q}`).then((r) => r.arrayBuffer());

  // A second child ingests generated pages through the whole pipeline into the same database while the load runs.
  const ingester = spawn(process.execPath, ['--import', 'tsx', SELF, '--ingest', db], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ingest = { stored: 0, failed: 0, perSecond: 0 };
  ingester.stdout.on('data', (chunk: Buffer) => {
    const line = chunk.toString().trim().split('\n').at(-1);
    if (line?.startsWith('{')) Object.assign(ingest, JSON.parse(line) as typeof ingest);
  });
  // The load starts once the ingest is under way.
  for (let waited = 0; ingest.stored + ingest.failed === 0 && waited < 120_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));

  // Pages are also uploaded over HTTP with the token, one after another (the server analyses them on its worker thread).
  let isLoading = true;
  const uploads = { stored: 0, failed: 0, times: [] as number[], failures: [] as string[] };
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
        }
        else {
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

  const all: number[] = [];
  let errors = 0;
  const r = rng(42);
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
    all.push(responseTime);
  });
  const result = await instance;
  isLoading = false;
  await uploader;
  ingester.kill('SIGTERM');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  const serverLine = childOut.split('\n').find((l) => l.startsWith('{"server"'));
  const server = serverLine ? (JSON.parse(serverLine) as { server: { wall: number[] } }).server : { wall: [] };

  process.stdout.write(`\nmixed searches: ${connections} connections for ${duration} s, ${result.requests.total} requests (${result.requests.average.toFixed(0)}/s), while another process ingests pages and pages are uploaded\n`);
  process.stdout.write(`kind            count     p50     p95     p99     max errors  (ms)\n`);
  process.stdout.write(`${summary('all searches', all, errors + result.errors + result.timeouts)}\n`);
  process.stdout.write(`${summary('  in server', server.wall, 0)}  (wall time from request to response inside the server)\n`);
  process.stdout.write(`non-2xx: ${result.non2xx}, socket errors: ${result.errors}, timeouts: ${result.timeouts}\n`);
  process.stdout.write(`concurrent ingest: ${ingest.stored} pages stored (${ingest.perSecond.toFixed(1)}/s), ${ingest.failed} failed\n`);
  process.stdout.write(`${summary('uploads', uploads.times, uploads.failed)}  (${uploads.stored} pages POSTed with the token and stored${uploads.failures.length ? `; failures: ${uploads.failures.join(', ')}` : ''})\n`);

  // Each kind alone, one request at a time, to see which kind costs what.
  process.stdout.write(`\nper kind, sequential (no concurrent load):\n`);
  const child2 = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve', db], { stdio: ['ignore', 'pipe', 'inherit'] });
  const address2 = await new Promise<string>((resolve) => {
    child2.stdout.on('data', (chunk: Buffer) => {
      const line = chunk.toString().split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { address: string }).address);
    });
  });
  for (const kind of kinds) {
    const times: number[] = [];
    let kindErrors = 0;
    for (let round = 0; round < 2; round++) {
      for (const q of mix[kind]!) {
        const started = performance.now();
        const res = await fetch(`${address2}/api/search?${q}`);
        await res.arrayBuffer();
        times.push(performance.now() - started);
        if (res.status !== 200) kindErrors++;
      }
    }
    process.stdout.write(`${summary(kind, times, kindErrors)}\n`);
  }
  child2.kill('SIGTERM');
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

if (process.argv[1] === SELF) await main();
