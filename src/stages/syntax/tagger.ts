/**
 * The part-of-speech tagger: a greedy left-to-right averaged perceptron over hashed context
 * features (the word, its neighbours, affixes, shape and the tags already chosen).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '../../core/context.js';
import { featureValues, hashRows, hashText, mix } from './hash.js';
import { best, dominantClass, score, type LinearModel } from './perceptron.js';

/** This module's own bindings to the shared feature values (see hashRows). */
const va = featureValues.a;
const vb = featureValues.b;
const vc = featureValues.c;

/** The UD v2 universal part-of-speech tags, in class order. */
export const UPOS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;

/** Hashed attributes of a sentence's words, computed once and shared by tagger and parser. */
export interface PreparedWords {
  n: number;
  /** Lower-cased form. */
  lower: Int32Array;
  /** Form as written. */
  form: Int32Array;
  /** Suffixes of 1..4 characters (lower case), four per word. */
  suffix: Int32Array;
  /** Prefixes of 1..3 characters (lower case), three per word. */
  prefix: Int32Array;
  /** Word shape: character classes with runs collapsed ("F-16s" -> "X-dx"). */
  shape: Int32Array;
  /**
   * The word's cluster in data/word-clusters.json (learned from unlabelled text): its bit string's
   * first 4 and 6 bits and the whole string, hashed, three per word (a placeholder for a word in no cluster).
   */
  cluster: Int32Array;
}

/** Prefix lengths of a cluster's bit string kept per word (coarse, middle; the whole string is the third). */
const CLUSTER_PREFIXES = [4, 6] as const;
export const CLUSTER_PARTS = CLUSTER_PREFIXES.length + 1;

/** Word (lower case, digits as 0) -> index of its cluster; and the hashed parts of each cluster. */
let clusterTable: { index: Map<string, number>; parts: Int32Array; unknown: Int32Array } | null = null;

/** Reads data/word-clusters.json once. */
function clusters(): NonNullable<typeof clusterTable> {
  if (clusterTable) return clusterTable;
  const data = JSON.parse(readFileSync(path.join(DATA_DIR, 'word-clusters.json'), 'utf8')) as { clusters: Record<string, string> };
  const entries = Object.entries(data.clusters);
  const index = new Map<string, number>();
  const parts = new Int32Array(entries.length * CLUSTER_PARTS);
  entries.forEach(([bits, words], c) => {
    CLUSTER_PREFIXES.forEach((len, j) => (parts[c * CLUSTER_PARTS + j] = mix(hashText(bits, 0, Math.min(len, bits.length)), 0x6c00 + len)));
    parts[c * CLUSTER_PARTS + CLUSTER_PARTS - 1] = mix(hashText(bits), 0x6cff);
    for (const w of words.split(' ')) index.set(w, c);
  });
  const unknown = Int32Array.from({ length: CLUSTER_PARTS }, (_, j) => mix(0x6c3f, j));
  return (clusterTable = { index, parts, unknown });
}

/** The form a word is clustered under: lower case, digits as 0 (as scripts/word-clusters.ts counts words). */
function clusterForm(w: string): string {
  let out = w.toLowerCase();
  if (/[0-9]/.test(out)) out = out.replace(/[0-9]/g, '0');
  return out;
}

/** Out-of-sentence placeholders, distinct from any hash of a real word. */
const START = 0x51a7;
const END = 0x3e1d;

/** Hashes every word's attributes. */
export function prepareWords(forms: readonly string[]): PreparedWords {
  const n = forms.length;
  const p: PreparedWords = {
    n,
    lower: new Int32Array(n),
    form: new Int32Array(n),
    suffix: new Int32Array(n * 4),
    prefix: new Int32Array(n * 3),
    shape: new Int32Array(n),
    cluster: new Int32Array(n * CLUSTER_PARTS),
  };
  const table = clusters();
  for (let i = 0; i < n; i++) {
    const w = forms[i] as string;
    const len = w.length;
    p.lower[i] = hashText(w, 0, len, true);
    p.form[i] = hashText(w, 0, len, false);
    for (let k = 1; k <= 4; k++) p.suffix[i * 4 + k - 1] = k <= len ? hashText(w, len - k, len, true) : mix(k, len);
    for (let k = 1; k <= 3; k++) p.prefix[i * 3 + k - 1] = k <= len ? hashText(w, 0, k, true) : mix(k + 7, len);
    p.shape[i] = shapeHash(w);
    const c = table.index.get(clusterForm(w));
    if (c === undefined) p.cluster.set(table.unknown, i * CLUSTER_PARTS);
    else p.cluster.set(table.parts.subarray(c * CLUSTER_PARTS, (c + 1) * CLUSTER_PARTS), i * CLUSTER_PARTS);
  }
  return p;
}

function shapeHash(w: string): number {
  let h = 0x2b;
  let last = -1;
  let run = 0;
  for (let i = 0; i < w.length && i < 24; i++) {
    const c = w.charCodeAt(i);
    const cls = c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : c >= 48 && c <= 57 ? 3 : c > 127 ? 4 : c + 8;
    if (cls === last) {
      run++;
      if (run >= 2) continue;
    } else run = 0;
    last = cls;
    h = mix(h, cls);
  }
  return h;
}

/** `a[j * stride + offset]`, or a placeholder outside the sentence (`edge` tells near from far). */
function around(a: Int32Array, n: number, j: number, edge: number, stride = 1, offset = 0): number {
  return j < 0 ? START + edge : j >= n ? END + edge : (a[j * stride + offset] as number);
}

/** Most feature rows the tagger makes for one word. */
export const TAGGER_FEATURES = 35;

const BOS_TAG = 101;
const EOS_TAG = 102;

/**
 * Feature rows for word `i` given the tags chosen to its left (`tags`, -1 not chosen) and, in the
 * second pass, the first pass's tags to its right (`ahead`, or null in the first pass).
 */
export function tagFeatures(p: PreparedWords, i: number, tags: Int32Array, ahead: Int32Array | null, mask: number, rows: Int32Array): number {
  const n = p.n;
  const w0 = p.lower[i] as number;
  const wm1 = around(p.lower, n, i - 1, 0);
  const wm2 = around(p.lower, n, i - 2, 1);
  const wp1 = around(p.lower, n, i + 1, 0);
  const wp2 = around(p.lower, n, i + 2, 1);
  const tm1 = i >= 1 ? (tags[i - 1] as number) : BOS_TAG;
  const tm2 = i >= 2 ? (tags[i - 2] as number) : BOS_TAG;
  let k = 0;
  { va[k] = 0; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = w0; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = p.form[i] as number; vb[k] = 0; vc[k] = 0; k++; }
  for (let s = 0; s < 4; s++) { va[k] = p.suffix[i * 4 + s] as number; vb[k] = 0; vc[k] = 0; k++; }
  for (let s = 0; s < 3; s++) { va[k] = p.prefix[i * 3 + s] as number; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = p.shape[i] as number; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = wm1; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = wp1; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = wm2; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = wp2; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = tm1; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = tm1; vb[k] = tm2; vc[k] = 0; k++; }
  { va[k] = tm1; vb[k] = w0; vc[k] = 0; k++; }
  { va[k] = around(p.suffix, n, i - 1, 0, 4, 2); vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = around(p.suffix, n, i + 1, 0, 4, 2); vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = w0; vb[k] = wp1; vc[k] = 0; k++; }
  { va[k] = wm1; vb[k] = w0; vc[k] = 0; k++; }
  { va[k] = around(p.shape, n, i - 1, 0); vb[k] = p.shape[i] as number; vc[k] = 0; k++; }
  { va[k] = p.shape[i] as number; vb[k] = around(p.shape, n, i + 1, 0); vc[k] = 0; k++; }
  { va[k] = tm1; vb[k] = wp1; vc[k] = 0; k++; }
  { va[k] = i === 0 ? 1 : 0; vb[k] = p.shape[i] as number; vc[k] = 0; k++; }
  { va[k] = tm1; vb[k] = p.suffix[i * 4 + 2] as number; vc[k] = 0; k++; }
  // word clusters: the word's, coarse to fine
  const c = i * CLUSTER_PARTS;
  { va[k] = p.cluster[c] as number; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = p.cluster[c + 1] as number; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = p.cluster[c + 2] as number; vb[k] = 0; vc[k] = 0; k++; }
  if (ahead) {
    const tp1 = i + 1 < n ? (ahead[i + 1] as number) : EOS_TAG;
    const tp2 = i + 2 < n ? (ahead[i + 2] as number) : EOS_TAG;
    { va[k] = tp1; vb[k] = 0; vc[k] = 0; k++; }
    { va[k] = tp1; vb[k] = tp2; vc[k] = 0; k++; }
    { va[k] = tp1; vb[k] = w0; vc[k] = 0; k++; }
    { va[k] = tm1; vb[k] = tp1; vc[k] = 0; k++; }
    { va[k] = tp1; vb[k] = p.suffix[i * 4 + 2] as number; vc[k] = 0; k++; }
  }
  hashRows(0, k, mask, rows);
  return k;
}

/** The tagger's two weight tables: a first pass, and a second that also sees the first's tags ahead. */
export interface TaggerModel {
  first: LinearModel;
  second: LinearModel;
  /** Frequent words that always carry one tag ("the" -> DET): tagged without scoring. Tag indices into UPOS. */
  dictionary?: Record<string, number>;
  /**
   * A first-pass tag whose score leads the next by more than this (in `first`'s units) is kept
   * without the second pass: faster, and on EWT dev no less accurate. Absent: every word gets both.
   */
  margin?: number;
}

/** How often, and how nearly always with one tag, a word must occur to enter the dictionary. */
const DICTIONARY_MIN_COUNT = 20;
const DICTIONARY_MIN_SHARE = 0.995;

/** Learns the tag dictionary from (form, tag index) pairs. */
export function learnTagDictionary(pairs: Iterable<[string, number]>): Record<string, number> {
  const counts = new Map<string, Int32Array>();
  for (const [form, tag] of pairs) {
    let c = counts.get(form);
    if (!c) counts.set(form, (c = new Int32Array(UPOS.length)));
    c[tag] = (c[tag] as number) + 1;
  }
  const out: Record<string, number> = {};
  for (const form of [...counts.keys()].sort()) {
    const top = dominantClass(counts.get(form) as Int32Array, DICTIONARY_MIN_COUNT, DICTIONARY_MIN_SHARE);
    if (top !== null) out[form] = top;
  }
  return out;
}

/**
 * The auxiliaries of English, a closed class: forms of be, have, do and get, the modals and their
 * clitics (with the treebank's apostrophe-less spellings). A word outside it is never tagged AUX,
 * so a capitalised name in "-ing" opening a sentence ("Beijing warned ...") is not read as "Being".
 */
const AUX_FORMS = new Set(
  (
    "be am is are was were been being 's 're 'm s m re r ar art " +
    "have has had having 've 'd ve d hav " +
    "do does did du get gets got gotten getting " +
    "will would shall should can could may might must ought need dare ca wo ai 'll ll wilt"
  ).split(' '),
);
const AUX_TAG = UPOS.indexOf('AUX');

/** The best tag a word may carry: AUX only for a form of the closed class (curly apostrophes read as straight). */
function allowedBest(scores: Float64Array, form: string | undefined): number {
  const top = best(scores, UPOS.length);
  if (top !== AUX_TAG || form === undefined || AUX_FORMS.has(form.toLowerCase().replace(/[’`]/g, "'"))) return top;
  let other = -1;
  for (let c = 0; c < UPOS.length; c++) if (c !== AUX_TAG && (other < 0 || (scores[c] as number) > (scores[other] as number))) other = c;
  return other;
}

/** Scratch arrays reused from sentence to sentence (tagging is synchronous). */
const scratch = { rows: new Int32Array(TAGGER_FEATURES), scores: new Float64Array(UPOS.length), sure: new Uint8Array(256) };

/** Tags a sentence (tag indices into UPOS). */
export function tagWords(model: TaggerModel, p: PreparedWords, forms: readonly string[] | null = null): Int32Array {
  const { rows, scores } = scratch;
  if (scratch.sure.length < p.n) scratch.sure = new Uint8Array(p.n * 2);
  const sure = scratch.sure;
  const margin = model.margin ?? Infinity;
  const first = new Int32Array(p.n).fill(-1);
  const tags = new Int32Array(p.n).fill(-1);
  for (let i = 0; i < p.n; i++) {
    const known = forms && model.dictionary ? model.dictionary[forms[i] as string] : undefined;
    if (known !== undefined) {
      first[i] = known;
      tags[i] = known;
      sure[i] = 1;
      continue;
    }
    const k = tagFeatures(p, i, first, null, model.first.mask, rows);
    score(model.first, rows, k, scores);
    const top = allowedBest(scores, forms?.[i]);
    let runnerUp = -Infinity;
    for (let c = 0; c < UPOS.length; c++) if (c !== top && (scores[c] as number) > runnerUp) runnerUp = scores[c] as number;
    first[i] = top;
    sure[i] = (scores[top] as number) - runnerUp > margin ? 1 : 0;
  }
  for (let i = 0; i < p.n; i++) {
    if (sure[i]) {
      tags[i] = first[i] as number;
      continue;
    }
    const k = tagFeatures(p, i, tags, first, model.second.mask, rows);
    score(model.second, rows, k, scores);
    tags[i] = allowedBest(scores, forms?.[i]);
  }
  return tags;
}
