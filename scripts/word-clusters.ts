/**
 * Learns word clusters for the entities tagger from unlabelled text in ../shared/train (the GMB news
 * sentences and the UD English Web Treebank, words only, no tags read) and writes data/word-clusters.json.
 * Each word (lower-cased, digits as 0) seen at least MIN_COUNT times gets a bit string, its path in a
 * binary tree built by bisecting spherical k-means over the word's PPMI-weighted neighbours (two words
 * either side, among the TOP_CONTEXTS most frequent words): words used in the same places share long
 * prefixes, as in Brown clusters. The tagger reads prefixes of several lengths as features.
 * Usage: tsx scripts/word-clusters.ts [--out FILE]   (deterministic: fixed seed)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { DATA_DIR } from '../src/core/context.js';
import { GMB_CORPUS, seededRandom as rng } from './gmb-corpus.js';
import { clusterKey } from '../src/stages/entities/tagger.js';

const args = process.argv.slice(2);
const OUT = args.includes('--out') ? String(args[args.indexOf('--out') + 1]) : path.join(DATA_DIR, 'word-clusters.json');
const EWT_DIR = path.resolve(DATA_DIR, '../../shared/train/ud-english-ewt');
/** Words seen fewer times than this get no cluster (too little evidence of where they go). */
const MIN_COUNT = 3;
/** Neighbour words that count as contexts (the most frequent ones); others fall into a shape class. */
const TOP_CONTEXTS = 2000;
/** Deepest split: at most 2^MAX_DEPTH leaves. */
const MAX_DEPTH = 14;
/** A node with fewer words than this is a leaf. */
const MIN_SPLIT = 12;
const ITERATIONS = 10;
/** Context offsets and their weights (the adjacent words say most). */
const OFFSETS: readonly [number, number][] = [[-2, 0.5], [-1, 1], [1, 1], [2, 0.5]];

function sentences(): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const line of gunzipSync(readFileSync(GMB_CORPUS)).toString('utf8').split('\n')) {
    if (line === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(line.split('\t')[0] as string);
  }
  if (cur.length) out.push(cur);
  for (const file of ['en_ewt-ud-train.conllu', 'en_ewt-ud-dev.conllu']) {
    cur = [];
    for (const line of readFileSync(path.join(EWT_DIR, file), 'utf8').split('\n')) {
      if (line.startsWith('#')) continue;
      if (line.trim() === '') {
        if (cur.length) out.push(cur);
        cur = [];
        continue;
      }
      const cols = line.split('\t');
      if (/^\d+$/.test(cols[0] as string)) cur.push(cols[1] as string);
    }
  }
  return out;
}

/** Context id of a neighbour that is not among the frequent words: its rough shape. */
function shapeContext(w: string): string {
  if (/^\p{Lu}/u.test(w)) return '<Cap>';
  if (/\d/.test(w)) return '<num>';
  if (/^\p{L}/u.test(w)) return '<low>';
  return '<sym>';
}

function main(): void {
  const t0 = Date.now();
  const sents = sentences();
  const counts = new Map<string, number>();
  for (const s of sents) for (const w of s) counts.set(clusterKey(w), (counts.get(clusterKey(w)) ?? 0) + 1);
  const byFreq = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.filter(([, c]) => c >= MIN_COUNT).map(([w]) => w);
  const wordId = new Map(vocab.map((w, i) => [w, i]));
  const ctxNames = [...byFreq.slice(0, TOP_CONTEXTS).map(([w]) => w), '<Cap>', '<num>', '<low>', '<sym>', '<s>', '</s>'];
  const ctxId = new Map(ctxNames.map((w, i) => [w, i]));
  const C = ctxNames.length;
  const D = C * OFFSETS.length;
  console.log(`${sents.length} sentences, ${counts.size} word forms, ${vocab.length} with >= ${MIN_COUNT} occurrences; ${D} context dimensions`);
  // co-occurrence counts, sparse per word
  const cooc: Map<number, number>[] = vocab.map(() => new Map<number, number>());
  const ctxTotals = new Float64Array(D);
  let total = 0;
  for (const s of sents) {
    const keys = s.map(clusterKey);
    for (let i = 0; i < s.length; i++) {
      const id = wordId.get(keys[i] as string);
      if (id === undefined) continue;
      OFFSETS.forEach(([off, weight], oi) => {
        const j = i + off;
        const name = j < 0 ? '<s>' : j >= s.length ? '</s>' : ctxId.has(keys[j] as string) ? (keys[j] as string) : shapeContext(s[j] as string);
        const d = oi * C + (ctxId.get(name) as number);
        const m = cooc[id] as Map<number, number>;
        m.set(d, (m.get(d) ?? 0) + weight);
        ctxTotals[d] = (ctxTotals[d] as number) + weight;
        total += weight;
      });
    }
  }
  // PPMI with context smoothing (counts^0.75), rows L2-normalised
  let smoothed = 0;
  const ctxSmooth = ctxTotals.map((c) => c ** 0.75);
  for (const c of ctxSmooth) smoothed += c;
  const rows: { idx: Int32Array; val: Float32Array }[] = cooc.map((m) => {
    let wordTotal = 0;
    for (const v of m.values()) wordTotal += v;
    const entries: [number, number][] = [];
    for (const [d, v] of m) {
      const pmi = Math.log((v / total) / ((wordTotal / total) * ((ctxSmooth[d] as number) / smoothed)));
      if (pmi > 0) entries.push([d, pmi]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [, v] of entries) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    return { idx: Int32Array.from(entries.map((e) => e[0])), val: Float32Array.from(entries.map((e) => e[1] / norm)) };
  });
  const dot = (r: { idx: Int32Array; val: Float32Array }, c: Float64Array): number => {
    let s = 0;
    for (let k = 0; k < r.idx.length; k++) s += (r.val[k] as number) * (c[r.idx[k] as number] as number);
    return s;
  };
  const random = rng(11);
  const bits = new Array<string>(vocab.length).fill('');
  // bisecting spherical k-means, breadth first so the tree is the same whatever the recursion order
  let frontier: { members: number[]; path: string }[] = [{ members: vocab.map((_, i) => i), path: '' }];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      if (node.members.length < MIN_SPLIT) continue;
      const centroid = (list: readonly number[]): Float64Array => {
        const c = new Float64Array(D);
        for (const i of list) {
          const r = rows[i] as { idx: Int32Array; val: Float32Array };
          for (let k = 0; k < r.idx.length; k++) c[r.idx[k] as number] = (c[r.idx[k] as number] as number) + (r.val[k] as number);
        }
        let norm = 0;
        for (const v of c) norm += v * v;
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < D; d++) c[d] = (c[d] as number) / norm;
        return c;
      };
      // seeds: a member at random and the member least like it
      const a = node.members[Math.floor(random() * node.members.length)] as number;
      const ca = centroid([a]);
      let b = a;
      let worst = Infinity;
      for (const i of node.members) {
        const s = dot(rows[i] as { idx: Int32Array; val: Float32Array }, ca);
        if (s < worst && i !== a) [worst, b] = [s, i];
      }
      let c0 = centroid([a]);
      let c1 = centroid([b]);
      let left: number[] = [];
      let right: number[] = [];
      for (let it = 0; it < ITERATIONS; it++) {
        left = [];
        right = [];
        for (const i of node.members) {
          const r = rows[i] as { idx: Int32Array; val: Float32Array };
          (dot(r, c0) >= dot(r, c1) ? left : right).push(i);
        }
        if (left.length === 0 || right.length === 0) break;
        c0 = centroid(left);
        c1 = centroid(right);
      }
      if (left.length === 0 || right.length === 0) continue;
      for (const i of left) bits[i] += '0';
      for (const i of right) bits[i] += '1';
      next.push({ members: left, path: node.path + '0' }, { members: right, path: node.path + '1' });
    }
    frontier = next;
    console.log(`depth ${depth + 1}: ${frontier.length} nodes (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  // one line per leaf: its bit string and its words, most frequent first
  const leaves = new Map<string, string[]>();
  vocab.forEach((w, i) => {
    const list = leaves.get(bits[i] as string) ?? [];
    list.push(w);
    leaves.set(bits[i] as string, list);
  });
  const clusters: Record<string, string> = {};
  for (const key of [...leaves.keys()].sort()) clusters[key] = (leaves.get(key) as string[]).join(' ');
  const file = {
    version: 1,
    about:
      'Word clusters for the entities tagger, learned by scripts/word-clusters.ts from the words (no labels) of the GMB corpus and UD English EWT in ../shared/train: ' +
      `words seen ${MIN_COUNT}+ times (lower-cased, digits as 0), bisecting spherical k-means over PPMI neighbour vectors (two words either side, ${TOP_CONTEXTS} context words), seed 11. ` +
      'Each key is a path in the tree (0 left, 1 right), each value the words of that leaf; see data/NER-MODEL-CREDITS.md.',
    clusters,
  };
  writeFileSync(OUT, JSON.stringify(file) + '\n');
  console.log(`${leaves.size} leaves, ${vocab.length} words; wrote ${OUT} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (const probe of ['iraq', 'baghdad', 'president', 'bush', 'company', 'microsoft', 'monday', 'said', 'ministry', 'united']) {
    const id = wordId.get(probe);
    if (id !== undefined) console.log(`  ${probe}: ${bits[id]} ${(leaves.get(bits[id] as string) ?? []).slice(0, 12).join(' ')}`);
  }
}

main();
