/**
 * Trains the entities stage's tagger (an averaged structured perceptron decoded by Viterbi, src/stages/entities/tagger.ts) on the GMB
 * corpus in ../shared/train and writes data/ner-model.bin. Usage: tsx scripts/train-ner.ts [--epochs N] [--seed N] [--all] [--out FILE]
 * The corpus is split in contiguous blocks: the last tenth is held out (never trained on unless --all)
 * for a development score, and bench/ner.ts scores the whole stage on it.
 */
import { writeFileSync } from 'node:fs';
import { DataFiles } from '../src/core/context.js';
import { loadClusters, loadKnowledge } from '../src/stages/entities/knowledge.js';
import { readGmbCorpus, heldOutStart, seededRandom as rng } from './gmb-corpus.js';
import { TAGS, HASH_BITS, staticFeatures, transitionFeatures, viterbi, decodeModel, encodeModel, addScores as addTableScores, docLexicon } from '../src/stages/entities/tagger.js';
import type { DocLexicon } from '../src/stages/entities/tagger.js';
import { featureSetOf } from '../src/stages/entities/tagger.js';
import { NER_MODEL_FILE } from '../src/stages/entities/model.js';

const args = process.argv.slice(2);
const EPOCHS = args.includes('--epochs') ? Number(args[args.indexOf('--epochs') + 1]) || 8 : 8;
/** Share of sentences also trained on in capitals, so headlines and datelines in caps are tagged too. */
const SHOUT_SHARE = 0.1;
/** Averaged weights smaller than this are dropped from the file: they never change a decision that matters. */
const PRUNE = 0.02;
/**
 * A bucket is kept only when one of its weights reaches this: it halves the table (faster lookups, a
 * 3 MB file) for 0.002 of F1 on CoNLL testa.
 */
const BUCKET_MIN = 1.0;
/** Optional feature groups (see FeatureSet in tagger.ts): --features clusters */
const FEATURES = args.includes('--features') ? String(args[args.indexOf('--features') + 1]).split(',').filter(Boolean) : [];
/** Seed of the shuffles and of the choice of sentences copied in capitals (--seed N, to measure how much a change moves beyond seed noise); 7 made the shipped model. */
const SEED = args.includes('--seed') ? Number(args[args.indexOf('--seed') + 1]) : 7;
const OUT = args.includes('--out') ? String(args[args.indexOf('--out') + 1]) : NER_MODEL_FILE;

interface Sentence {
  words: string[];
  tags: number[];
  /** The pseudo-document the sentence belongs to (GMB keeps no article boundaries: blocks of DOC_SENTENCES). */
  doc?: DocLexicon;
}

/** GMB keeps no article boundaries; consecutive sentences of one article are grouped in blocks of this many for the document features. */
const DOC_SENTENCES = 12;

function readCorpus(): Sentence[] {
  const data = new DataFiles();
  const sentences: Sentence[] = readGmbCorpus(data).map((s) => ({
    words: s.words,
    tags: s.tags.map((t) => {
      const index = (TAGS as readonly string[]).indexOf(t);
      if (index < 0) throw new Error(`unknown tag ${t}`);
      return index;
    }),
  }));
  for (let i = 0; i < sentences.length; i += DOC_SENTENCES) {
    const block = sentences.slice(i, i + DOC_SENTENCES);
    const doc = docLexicon(block.map((s) => s.words));
    for (const s of block) s.doc = doc;
  }
  return sentences;
}

function main(): void {
  const started = Date.now();
  const data = new DataFiles();
  const knowledge = loadKnowledge(data);
  const SET = featureSetOf(FEATURES, () => loadClusters(data));
  const sentences = readCorpus();
  // --all: the shipped model learns from every block; the development score is then not held out
  const isAll = args.includes('--all');
  const cut = heldOutStart(sentences.length);
  const train = isAll ? sentences : sentences.slice(0, cut);
  const dev = sentences.slice(cut);
  const random = rng(SEED);
  const shouted = train.filter(() => random() < SHOUT_SHARE).map((s) => (s.doc ? { words: s.words.map((w) => w.toUpperCase()), tags: s.tags, doc: s.doc } : { words: s.words.map((w) => w.toUpperCase()), tags: s.tags }));
  const all = [...train, ...shouted];
  console.log(`sentences: ${sentences.length} (train ${train.length} + ${shouted.length} in capitals, dev ${dev.length}${isAll ? ', also trained on' : ''})`);
  const feats = all.map((s) => staticFeatures(s.words, knowledge, undefined, s.doc, SET));
  console.log(`features computed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const nTags = TAGS.length;
  const size = (1 << HASH_BITS) * nTags;
  const w = new Float32Array(size);
  const totals = new Float64Array(size);
  const stamps = new Int32Array(size);
  let clock = 1;
  const update = (f: number, t: number, delta: number): void => {
    const k = f * nTags + t;
    totals[k] = (totals[k] as number) + (clock - (stamps[k] as number)) * (w[k] as number);
    stamps[k] = clock;
    w[k] = (w[k] as number) + delta;
  };
  const addRaw = (f: number, scores: Float64Array): void => {
    const base = f * nTags;
    for (let t = 0; t < nTags; t++) scores[t] = (scores[t] as number) + (w[base + t] as number);
  };
  const order = all.map((_, i) => i);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let errors = 0;
    let tokens = 0;
    // structured perceptron: decode the whole sentence, then move the weights from the guessed path to the gold one
    for (const si of order) {
      const s = all[si] as Sentence;
      const fs = feats[si] as Int32Array[];
      const lower = s.words.map((x) => x.toLowerCase());
      const guess = viterbi(fs, lower, addRaw);
      for (let i = 0; i < s.words.length; i++) {
        const gold = s.tags[i] as number;
        const g = guess[i] as number;
        const goldPrev = i === 0 ? '<s>' : (TAGS[s.tags[i - 1] as number] as string);
        const guessPrev = i === 0 ? '<s>' : (TAGS[guess[i - 1] as number] as string);
        if (g !== gold) {
          errors++;
          for (const f of fs[i] as Int32Array) {
            update(f, gold, 1);
            update(f, g, -1);
          }
        }
        if (g !== gold || goldPrev !== guessPrev) {
          for (const f of transitionFeatures(lower[i] as string, goldPrev)) update(f, gold, 1);
          for (const f of transitionFeatures(lower[i] as string, guessPrev)) update(f, g, -1);
        }
      }
      clock++;
      tokens += s.words.length;
    }
    console.log(`epoch ${epoch}: token error rate ${(errors / tokens).toFixed(4)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  // average: each weight's sum over all steps divided by the number of steps
  const rows: [number, Float32Array][] = [];
  for (let f = 0; f < 1 << HASH_BITS; f++) {
    let isUsed = false;
    const avg = new Float32Array(nTags);
    for (let t = 0; t < nTags; t++) {
      const k = f * nTags + t;
      const total = (totals[k] as number) + (clock - (stamps[k] as number)) * (w[k] as number);
      const v = total / clock;
      if (Math.abs(v) >= BUCKET_MIN) isUsed = true;
      avg[t] = Math.abs(v) >= PRUNE ? v : 0;
    }
    if (isUsed) rows.push([f, avg]);
  }
  const bytes = encodeModel(
    {
      version: 2,
      about: `Averaged-perceptron weights of the named-entity tagger (src/stages/entities/tagger.ts), trained by scripts/train-ner.ts on the GMB corpus (${isAll ? 'all of it' : 'all but its last tenth'}, ${EPOCHS} epochs, seed ${SEED}); see data/NER-MODEL-CREDITS.md.`,
      tags: [...TAGS],
      hashBits: HASH_BITS,
      ...(FEATURES.length > 0 ? { features: FEATURES } : {}),
    },
    rows,
  );
  writeFileSync(OUT, bytes);
  console.log(`kept ${rows.length} feature buckets; wrote ${OUT} (${(bytes.length / 1e6).toFixed(2)} MB)`);

  // development score: entity-level exact match per type on the held-out block
  const { table } = decodeModel(bytes);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const s of dev) {
    const fs = staticFeatures(s.words, knowledge, undefined, s.doc, SET);
    const guess = viterbi(fs, s.words.map((x) => x.toLowerCase()), (f, scores) => addTableScores(table, [f], scores)).map((t) => TAGS[t] as string);
    const gold = spans(s.tags.map((t) => TAGS[t] as string));
    const pred = spans(guess);
    for (const [key, type] of pred) {
      const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
      if (gold.get(key) === type) c.tp++;
      else c.fp++;
      counts.set(type, c);
    }
    for (const [key, type] of gold) {
      if (pred.get(key) === type) continue;
      const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
      c.fn++;
      counts.set(type, c);
    }
  }
  for (const [type, c] of [...counts].sort()) {
    const p = c.tp / (c.tp + c.fp || 1);
    const r = c.tp / (c.tp + c.fn || 1);
    console.log(`dev ${type}: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}`);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Entity spans of a BIO sequence: "start:end" -> type. */
function spans(tags: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (tag === 'O' || tag.startsWith('I-')) continue;
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I-' + tag.slice(2)) j++;
    out.set(`${i}:${j}`, tag.slice(2));
  }
  return out;
}

main();
