/**
 * Times each query of the API benchmark's mix directly on a store (no HTTP, no pool), CPU ms per search on this
 * thread, cold (first call, cache empty) and cached. Usage: tsx bench/lib/measure-search.ts <db>
 */
import { SqliteStore } from '../../src/store/sqlite.js';
import { createHash } from 'node:crypto';
import { queryMix, syntheticAnalysis } from '../api.js';

const db = process.argv[2];
if (!db) throw new Error('usage: measure-search.ts <db>');
const store = new SqliteStore(db, { isReadonly: true });
const queries = queryMix();
const started = process.cpuUsage();
await store.search({ limit: 1 });
const load = process.cpuUsage(started);
process.stdout.write(`facet index load: ${((load.user + load.system) / 1000).toFixed(0)} ms CPU\n`);
const writer = new SqliteStore(db);
let next = Date.now() * 10;
/** Stores `n` new generated articles, as a concurrent ingest would between searches. */
async function addArticles(n: number): Promise<void> {
  for (let k = 0; k < n; k++, next++) {
    const analysis = syntheticAnalysis(next);
    const bytes = Buffer.from(`${analysis.article.title}\n${analysis.article.text}`);
    await writer.putIngest({
      capture: { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mediaType: 'text/plain', origin: `measure:${next}`, capturedAt: new Date().toISOString(), isGzipped: false },
      bytes, url: null, analysis, failure: null, pipelineVersion: 'bench',
    });
  }
}

for (const pass of ['cold', 'cached', 'cached+2 new']) {
  process.stdout.write(`-- ${pass}\n`);
  const all: number[] = [];
for (const [kind, list] of Object.entries(queries)) {
  const times: number[] = [];
  for (const q of list) {
    const params = Object.fromEntries(new URLSearchParams(q));
    if (params['limit']) (params as Record<string, unknown>)['limit'] = Number(params['limit']);
    if (params['offset']) (params as Record<string, unknown>)['offset'] = Number(params['offset']);
    if (pass === 'cached+2 new') await addArticles(2);
    const t = process.cpuUsage();
    const r = await store.search(params);
    const u = process.cpuUsage(t);
    times.push((u.user + u.system) / 1000);
    all.push((u.user + u.system) / 1000);
    if (process.env['VERBOSE']) process.stdout.write(`  ${q}: ${((u.user + u.system) / 1000).toFixed(2)} ms, total ${r.total}, counted ${r.facetsCounted}\n`);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`${kind.padEnd(12)} median ${times[Math.floor(times.length / 2)]!.toFixed(2)} ms  max ${times.at(-1)!.toFixed(2)} ms\n`);
}
  all.sort((a, b) => a - b);
  process.stdout.write(`all          median ${all[Math.floor(all.length / 2)]!.toFixed(2)} ms  p95 ${all[Math.floor(all.length * 0.95)]!.toFixed(2)} ms\n`);
}
