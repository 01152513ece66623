/**
 * The named-entity tagger: an averaged structured perceptron over word, shape, affix, context,
 * gazetteer and document-level features, decoded by first-order Viterbi with BIO constraints.
 * Trained by scripts/train-ner.ts; weights in data/ner-model.bin (encodeModel/decodeModel).
 */
import type { Knowledge } from './knowledge.js';
import { phraseMatches } from './knowledge.js';
import type { PhraseMatch } from './knowledge.js';

/** BIO tags over PER, ORG, LOC and MISC (nationality adjectives, events, works). */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];

/** Features are hashed into this many buckets (2^22): small enough to train in memory, few collisions. */
export const HASH_BITS = 22;
const HASH_MASK = (1 << HASH_BITS) - 1;

/** What data/ner-model.bin says of itself (a JSON header before the weights). */
export interface NerModelHeader {
  version: number;
  about: string;
  tags: string[];
  hashBits: number;
  /** Weights are stored as 16-bit integers; divide by this to get the perceptron's values. */
  scale: number;
  /** Number of feature buckets stored. */
  count: number;
  /** Optional feature groups the model was trained with ('clusters': word-cluster prefixes); absent = none. */
  features?: string[];
}

/** Feature groups a model may be trained with beyond the base set (see NerModelHeader.features). */
export interface FeatureSet {
  /** Word -> cluster bit string when the model reads word-cluster prefixes of the word and its neighbours (data/word-clusters.json). */
  clusters: ReadonlyMap<string, string> | null;
  /** The neighbours of the same capitalised word elsewhere in the document ("Hyundai" here, "Hyundai Motor" there). */
  context: boolean;
}

/** The feature groups a model file declares; `clusters` loads the word clusters, called only when the model reads them. */
export function featureSetOf(features: readonly string[] | undefined, clusters: () => ReadonlyMap<string, string>): FeatureSet {
  return { clusters: features?.includes('clusters') === true ? clusters() : null, context: features?.includes('context') === true };
}

/** The base feature set: no optional group. */
export const BASE_FEATURES: FeatureSet = { clusters: null, context: false };

/** First bytes of data/ner-model.bin. */
const MAGIC = 'WFNER2\n';

/**
 * The compact model file: MAGIC, a little-endian u32 header length, the JSON header padded to 4 bytes,
 * then `count` Int32 bucket ids and `count * tags.length` Int16 weights (bucket-major).
 */
export function encodeModel(header: Omit<NerModelHeader, 'count' | 'scale'>, rows: readonly [number, Float32Array][]): Buffer {
  let max = 0;
  for (const [, row] of rows) for (const v of row) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? 32767 / max : 1;
  const full: NerModelHeader = { ...header, scale, count: rows.length };
  let json = Buffer.from(JSON.stringify(full), 'utf8');
  const pad = (4 - ((MAGIC.length + 4 + json.length) % 4)) % 4;
  json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
  const keys = new Int32Array(rows.length);
  const weights = new Int16Array(rows.length * header.tags.length);
  rows.forEach(([key, row], i) => {
    keys[i] = key;
    for (let t = 0; t < header.tags.length; t++) weights[i * header.tags.length + t] = Math.round((row[t] as number) * scale);
  });
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, json, Buffer.from(keys.buffer), Buffer.from(weights.buffer)]);
}

/** Reads data/ner-model.bin into a weight table; throws naming what is wrong with the file. */
export function decodeModel(bytes: Buffer): { header: NerModelHeader; table: WeightTable } {
  if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('ner model: not a WFNER2 file');
  const jsonLength = bytes.readUInt32LE(MAGIC.length);
  const header = JSON.parse(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength).toString('utf8')) as NerModelHeader;
  if (header.hashBits !== HASH_BITS) throw new Error(`ner model: hashBits ${header.hashBits}, tagger expects ${HASH_BITS}`);
  if (header.tags.join() !== TAGS.join()) throw new Error(`ner model: tags ${header.tags.join()} differ from the tagger's`);
  const offset = MAGIC.length + 4 + jsonLength;
  const nTags = TAGS.length;
  if (bytes.length !== offset + header.count * 4 + header.count * nTags * 2) throw new Error('ner model: file size does not match its header');
  // copy into aligned arrays (the file's buffer may sit at any offset of a pooled allocation)
  const keys = new Int32Array(header.count);
  const weights = new Int16Array(header.count * nTags);
  Buffer.from(keys.buffer).set(bytes.subarray(offset, offset + header.count * 4));
  Buffer.from(weights.buffer).set(bytes.subarray(offset + header.count * 4));
  return { header, table: weightTable(keys, weights, header.scale) };
}

/**
 * Stride of one row of the weight table in 32-bit words: the bucket + 1 (0 = empty slot), then one
 * 16-bit weight per tag, padded to 32 bytes so that a row never straddles two cache lines.
 */
const ROW = 8;
/** Where a row's weights start, in 16-bit units (after the 32-bit key). */
const WEIGHTS_AT = 2;

/**
 * Weights ready for scoring: an open-addressing table whose rows hold the key and its weights (as stored
 * in the file, 16-bit) side by side, so a lookup touches one cache line (the table is larger than the
 * CPU caches); `value` turns a stored weight into the perceptron's value.
 */
export interface WeightTable {
  keys: Int32Array;
  /** The same buffer as `keys`, read as 16-bit weights. */
  weights: Int16Array;
  /** value[w + 32768]: the perceptron's value of stored weight w (w / scale, as a float32). */
  value: Float32Array;
  mask: number;
  /** The feature groups the weights were trained with (from the model file's header). */
  features?: FeatureSet;
}

/** A weight table from the model file's bucket ids and their 16-bit weights (bucket-major, one per tag). */
export function weightTable(buckets: Int32Array, stored: Int16Array, scale: number): WeightTable {
  const nTags = TAGS.length;
  const count = buckets.length;
  let size = 1;
  // load factor at most 2/3: short probe runs, a table a third smaller than at 1/2
  while (size * 2 < count * 3) size <<= 1;
  const buffer = new ArrayBuffer(size * ROW * 4);
  const value = new Float32Array(65536);
  for (let w = -32768; w < 32768; w++) value[w + 32768] = w / scale;
  const table: WeightTable = { keys: new Int32Array(buffer), weights: new Int16Array(buffer), value, mask: size - 1 };
  for (let i = 0; i < count; i++) {
    const key = buckets[i] as number;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & table.mask;
    while (table.keys[slot * ROW] !== 0) slot = (slot + 1) & table.mask;
    table.keys[slot * ROW] = key + 1;
    for (let t = 0; t < nTags; t++) table.weights[slot * ROW * 2 + WEIGHTS_AT + t] = stored[i * nTags + t] as number;
  }
  return table;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over a string, continuing from a state: hashing "w=" then "russia" equals hashing "w=russia". */
function fnv(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** FNV-1a hash of a feature string into a bucket. */
export function hashFeature(feature: string): number {
  return (fnv(FNV_OFFSET, feature) >>> 0) & HASH_MASK;
}

/** The bucket of prefix + value, with the prefix's state computed once. */
function bucket(prefixState: number, value: string): number {
  return (fnv(prefixState, value) >>> 0) & HASH_MASK;
}

/** The bucket of prefix + a + b + c, hashed without building the string. */
function bucket3(prefixState: number, a: string, b: string, c: string): number {
  return (fnv(fnv(fnv(prefixState, a), b), c) >>> 0) & HASH_MASK;
}

function bucket3Raw(prefixState: number, a: string, b: string, c: string): number {
  return fnv(fnv(fnv(prefixState, a), b), c);
}

const PREFIX = new Map<string, number>();
function prefixState(prefix: string): number {
  let state = PREFIX.get(prefix);
  if (state === undefined) PREFIX.set(prefix, (state = fnv(FNV_OFFSET, prefix)));
  return state;
}

/** The hash states of the feature prefixes, computed once (hashing "w=" then the word equals hashing "w=word"). */
const S_w = prefixState('w=');
const S_Wc = prefixState('W=');
const S_s = prefixState('s=');
const S_p1 = prefixState('p1=');
const S_p2 = prefixState('p2=');
const S_p3 = prefixState('p3=');
const S_x1 = prefixState('x1=');
const S_x2 = prefixState('x2=');
const S_x3 = prefixState('x3=');
const S_x4 = prefixState('x4=');
const S_wM1 = prefixState('w-1=');
const S_wP1 = prefixState('w+1=');
const S_wM2 = prefixState('w-2=');
const S_wP2 = prefixState('w+2=');
const S_sM1 = prefixState('s-1=');
const S_sP1 = prefixState('s+1=');
const S_wsM1 = prefixState('ws-1=');
const S_wsP1 = prefixState('ws+1=');
const S_g = prefixState('g=');
const S_gM1 = prefixState('g-1=');
const S_gP1 = prefixState('g+1=');
const S_gs = prefixState('gs=');
const S_len = prefixState('len=');
const S_wwM1 = prefixState('ww-1=');
const S_wwP1 = prefixState('ww+1=');
const S_cM1 = prefixState('c-1=');
const S_cP1 = prefixState('c+1=');
const S_cs = prefixState('cs=');
const S_firstBar = prefixState('first|');
const S_d = prefixState('d=');
const S_dg = prefixState('dg=');
const S_dx = prefixState('dx=');
const S_tM1 = prefixState('t-1=');
const S_tw = prefixState('tw=');
const S_c = prefixState('c=');

/** The form a word is clustered under (scripts/word-clusters.ts, data/word-clusters.json): lower case, digits as 0. */
export function clusterKey(word: string): string {
  return word.toLowerCase().replace(/[0-9]/g, '0');
}

/** Word shape with runs collapsed: "Shoigu" -> "Xx", "U.S." -> "X.X.", "1996-08-30" -> "d-d-d". */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    let c: string;
    if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch.toUpperCase()) c = ch === ch.toUpperCase() ? 'X' : 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Cities smaller than this geocode but give the tagger no gazetteer feature (measured on CoNLL testa: F1 0.726 against 0.712 with every town). */
const FEATURE_MIN_POPULATION = 100_000;

/** Gazetteer class of each token (B-/I- + COUNTRY, DEM, CAP, ORG, PER, PLACE), or '' outside any phrase. */
export function gazetteerClasses(knowledge: Knowledge, lower: readonly string[], matches?: readonly PhraseMatch[]): string[] {
  const out = new Array<string>(lower.length).fill('');
  for (const m of matches ?? phraseMatches(knowledge, lower)) {
    const first = m.entries[0];
    // small towns stay out of the tagger's features: their names are too often people's ("Louis", "Jordan")
    if (first?.kind === 'place' && first.places.every((p) => p.type === 'city' && (p.population ?? 0) < FEATURE_MIN_POPULATION)) continue;
    let cls = 'PLACE';
    if (first?.kind === 'country') cls = first.form === 'demonym' ? 'DEM' : first.form === 'capital' ? 'CAP' : 'COUNTRY';
    else if (first?.kind === 'organization') cls = 'ORG';
    else if (first?.kind === 'person') cls = 'PER';
    for (let k = 0; k < m.length; k++) out[m.start + k] = (k === 0 ? 'B-' : 'I-') + cls;
  }
  return out;
}

/** Whether most letters of the sentence are capitals (a headline or a dateline in caps). */
function isShouting(words: readonly string[]): boolean {
  let upper = 0;
  let letters = 0;
  for (const w of words) {
    for (const ch of w) {
      if (ch >= 'A' && ch <= 'Z') {
        upper++;
        letters++;
      } else if (ch >= 'a' && ch <= 'z') letters++;
    }
  }
  return letters > 6 && upper / letters > 0.8;
}

/** Word-level features (word, shape, affixes, length) hashed once per word form and headline flag. */
const WORD_CACHE = new Map<string, Int32Array>();
/** Cache bound: a long-running server sees an open vocabulary; past this the cache starts over. */
const WORD_CACHE_LIMIT = 200_000;

/** Prefix lengths of a word's cluster bit string read as features (coarse to fine, as with Brown clusters). */
const CLUSTER_PREFIXES = [4, 6, 8, 10, 12] as const;

function wordFeatures(w: string, lw: string, sh: string, shout: string, bits: string | undefined | null): Int32Array {
  // bits: the word's cluster (undefined: not in any), null: the model reads no clusters
  const key = (bits === null ? '-' : '+') + shout + w;
  let f = WORD_CACHE.get(key);
  if (f) return f;
  const clusterFeats = bits === null ? [] : bits === undefined ? [bucket(S_c, '?')] : [...CLUSTER_PREFIXES.map((n) => bucket(prefixState(`c${n}=`), bits.slice(0, n))), bucket(S_c, bits)];
  f = Int32Array.of(
    ...clusterFeats,
    hashFeature('b'),
    bucket(S_w, lw),
    bucket(S_Wc, w),
    bucket(S_s, sh + shout),
    bucket(S_p1, lw.slice(0, 1)),
    bucket(S_p2, lw.slice(0, 2)),
    bucket(S_p3, lw.slice(0, 3)),
    bucket(S_x1, lw.slice(-1)),
    bucket(S_x2, lw.slice(-2)),
    bucket(S_x3, lw.slice(-3)),
    bucket(S_x4, lw.slice(-4)),
  );
  if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
  WORD_CACHE.set(key, f);
  return f;
}

/**
 * What the rest of the document says about each word form: how often it is written in lower case
 * ("bank" somewhere makes a sentence-initial "Bank" likely a common word) and how often capitalised
 * inside a sentence that is not in capitals ("London" inside a sentence makes a headline's "LONDON" a name).
 */
export interface DocLexicon {
  /** Lower-cased form -> occurrences written all in lower case. */
  lower: Map<string, number>;
  /** Lower-cased form -> occurrences capitalised, not first in their sentence, in a sentence not in capitals. */
  capitalMid: Map<string, number>;
  /** The document's sentences, for the neighbours of its words (built on first use by docContexts). */
  sentences: readonly (readonly string[])[];
  /** Lower-cased form of a capitalised word -> its neighbours in the document ("L" + the word before, "R" + the word after, lower case) and their counts. */
  contexts?: Map<string, Map<string, number>>;
}

/** At most this many of a word's document neighbours become features (a word named all through an article has many). */
const MAX_CONTEXTS = 12;

/** The document lexicon of a document's sentences (words as written). */
export function docLexicon(sentences: readonly (readonly string[])[]): DocLexicon {
  const lower = new Map<string, number>();
  const capitalMid = new Map<string, number>();
  for (const words of sentences) {
    const isShout = isShouting(words);
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const first = w.charCodeAt(0);
      const lw = w.toLowerCase();
      if (first >= 97 && first <= 122) lower.set(lw, (lower.get(lw) ?? 0) + 1);
      else if (i > 0 && !isShout && w !== lw && w.charAt(0) !== lw.charAt(0)) capitalMid.set(lw, (capitalMid.get(lw) ?? 0) + 1);
    }
  }
  return { lower, capitalMid, sentences };
}

/** The neighbours of each capitalised word form in the document (sentences in capitals left out), built once per document. */
export function docContexts(doc: DocLexicon): Map<string, Map<string, number>> {
  if (doc.contexts) return doc.contexts;
  const contexts = new Map<string, Map<string, number>>();
  for (const words of doc.sentences) {
    if (isShouting(words)) continue;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const lw = w.toLowerCase();
      if (w.charAt(0) !== lw.charAt(0)) {
        let m = contexts.get(lw);
        if (!m) contexts.set(lw, (m = new Map<string, number>()));
        const left = 'L' + (i > 0 ? (words[i - 1] as string).toLowerCase() : '<s>');
        const right = 'R' + (i + 1 < words.length ? (words[i + 1] as string).toLowerCase() : '</s>');
        m.set(left, (m.get(left) ?? 0) + 1);
        m.set(right, (m.get(right) ?? 0) + 1);
      }
    }
  }
  doc.contexts = contexts;
  return contexts;
}

/** The document-level feature value of a word: its own case class and whether the rest of the document writes it in lower case or capitalised mid-sentence. */
function docValue(doc: DocLexicon, w: string, lw: string, isFirst: boolean, isShout: boolean): string {
  const first = w.charAt(0);
  if (first === lw.charAt(0)) return ''; // lower case or no letter: the word says it itself
  const isLower = (doc.lower.get(lw) ?? 0) > 0;
  // this very word, when it counts itself as a mid-sentence capital, does not count
  const selfMid = !isFirst && !isShout ? 1 : 0;
  const isCapMid = (doc.capitalMid.get(lw) ?? 0) - selfMid > 0;
  return `${isFirst ? 'F' : 'M'}${isShout ? 'U' : 'u'}${isLower ? 'L' : 'l'}${isCapMid ? 'C' : 'c'}`;
}

/** Hashed features of each token that do not depend on the tags chosen so far: its word's own, then those of its context. */
export function staticFeatures(words: readonly string[], knowledge: Knowledge, gazetteer?: readonly string[], doc?: DocLexicon, set: FeatureSet = BASE_FEATURES): Int32Array[] {
  const { local, context } = featureRows(words, knowledge, gazetteer, doc, set);
  return local.map((own, i) => {
    const around = context[i] as Int32Array;
    const f = new Int32Array(own.length + around.length);
    f.set(own);
    f.set(around, own.length);
    return f;
  });
}

/**
 * The static features of each token in two rows: `local`, the word's own (word, shape, affixes; the same
 * array for every occurrence of a word form, from WORD_CACHE), and `context`, those of its neighbours,
 * gazetteer classes and document.
 */
function featureRows(words: readonly string[], knowledge: Knowledge, gazetteer?: readonly string[], doc?: DocLexicon, set: FeatureSet = BASE_FEATURES): { local: Int32Array[]; context: Int32Array[] } {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shapeOf);
  const gaz = gazetteer ?? gazetteerClasses(knowledge, lower);
  const shout = isShouting(words) ? 'U' : 'u';
  const at = (arr: readonly string[], i: number, pad: string): string => (i < 0 || i >= n ? pad : (arr[i] as string));
  const table = set.clusters;
  const clusters = table ? lower.map((lw) => table.get(clusterKey(lw)) ?? '?') : null;
  const localRows: Int32Array[] = [];
  const out: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    const sh = shapes[i] as string;
    const bits = clusters ? (clusters[i] as string) : null;
    localRows.push(wordFeatures(w, lower[i] as string, sh, shout, bits === null ? null : bits === '?' ? undefined : bits));
    const f = new Int32Array(22 + MAX_CONTEXTS);
    let k = 0;
    f[k++] = bucket(S_wM1, at(lower, i - 1, '<s>'));
    f[k++] = bucket(S_wP1, at(lower, i + 1, '</s>'));
    f[k++] = bucket(S_wM2, at(lower, i - 2, '<s>'));
    f[k++] = bucket(S_wP2, at(lower, i + 2, '</s>'));
    f[k++] = bucket3(S_sM1, at(shapes, i - 1, '<s>'), shout, '');
    f[k++] = bucket3(S_sP1, at(shapes, i + 1, '</s>'), shout, '');
    f[k++] = bucket3(S_wsM1, at(lower, i - 1, '<s>'), '|', sh);
    f[k++] = bucket3(S_wsP1, sh, '|', at(lower, i + 1, '</s>'));
    f[k++] = bucket(S_g, gaz[i] as string);
    f[k++] = bucket(S_gM1, at(gaz, i - 1, '<s>'));
    f[k++] = bucket(S_gP1, at(gaz, i + 1, '</s>'));
    f[k++] = (fnv(bucket3Raw(S_gs, gaz[i] as string, '|', sh), shout) >>> 0) & HASH_MASK;
    f[k++] = bucket(S_len, String(Math.min(w.length, 8)));
    f[k++] = bucket3(S_wwM1, at(lower, i - 1, '<s>'), '|', lower[i] as string);
    f[k++] = bucket3(S_wwP1, lower[i] as string, '|', at(lower, i + 1, '</s>'));
    // the neighbours' clusters: what kind of word comes before and after
    if (clusters && bits !== null) {
      f[k++] = bucket(S_cM1, at(clusters, i - 1, '<s>').slice(0, 8));
      f[k++] = bucket(S_cP1, at(clusters, i + 1, '</s>').slice(0, 8));
      f[k++] = bucket3(S_cs, bits.slice(0, 6), '|', sh);
    }
    if (i === 0) f[k++] = bucket(S_firstBar, sh);
    if (doc) {
      const d = docValue(doc, w, lower[i] as string, i === 0, shout === 'U');
      if (d) {
        f[k++] = bucket(S_d, d);
        f[k++] = bucket3(S_dg, d, '|', gaz[i] as string);
      }
      const around = set.context && d ? docContexts(doc).get(lower[i] as string) : undefined;
      if (around) {
        // the word's neighbours at its other occurrences in the document
        const ownLeft = 'L' + at(lower, i - 1, '<s>');
        const ownRight = 'R' + at(lower, i + 1, '</s>');
        let taken = 0;
        for (const [key, count] of around) {
          if (taken >= MAX_CONTEXTS) break;
          if (count - (key === ownLeft || key === ownRight ? 1 : 0) <= 0) continue;
          f[k++] = bucket(S_dx, key);
          taken++;
        }
      }
    }
    out.push(k === f.length ? f : f.subarray(0, k));
  }
  return { local: localRows, context: out };
}

/** Tags a word may follow: the start of the sentence, then each of TAGS. */
export const PREV_TAGS = ['<s>', ...TAGS] as const;

/** Hashed features of a (previous tag, word) pair: "t-1=B-PER", "tw=B-PER|said". */
export function transitionFeatures(lw: string, prev: string): [number, number] {
  return [bucket(S_tM1, prev), wordTransitionFeature(lw, prev)];
}

/** The (previous tag, word) feature alone: "tw=B-PER|said". */
function wordTransitionFeature(lw: string, prev: string): number {
  return (fnv(fnv(fnv(S_tw, prev), '|'), lw) >>> 0) & HASH_MASK;
}

/** Adds one feature's weights for every tag to a score vector. */
export type ScoreAdder = (feature: number, scores: Float64Array) => void;

/** ALLOWED[p * TAGS.length + t]: whether tag t may follow PREV_TAGS[p]. */
const ALLOWED = PREV_TAGS.flatMap((p) => TAGS.map((t) => isAllowed(p, t)));

/**
 * The best tag sequence (first-order Viterbi over BIO, I- only after its own type): emission scores
 * from the static features, transition scores from (previous tag, word) features. Returns tag indexes.
 */
export function viterbi(staticFeats: readonly ArrayLike<number>[], lower: readonly string[], add: ScoreAdder, wordCache?: Map<string, Float64Array>, emissions?: Float64Array): number[] {
  const n = lower.length;
  const T = TAGS.length;
  if (n === 0) return [];
  const delta = new Float64Array(n * T).fill(-Infinity);
  const back = new Int8Array(n * T);
  const emission = new Float64Array(T);
  const trans = new Float64Array(T);
  // the tag-bigram weights ("t-1=") do not depend on the word: read once per sentence
  const bigram = new Float64Array(PREV_TAGS.length * T);
  for (let p = 0; p < PREV_TAGS.length; p++) {
    trans.fill(0);
    add(bucket(S_tM1, PREV_TAGS[p] as string), trans);
    bigram.set(trans, p * T);
  }
  const scratch = wordCache ? null : new Float64Array(PREV_TAGS.length * T);
  for (let i = 0; i < n; i++) {
    if (emissions) emission.set(emissions.subarray(i * T, i * T + T));
    else {
      emission.fill(0);
      const fs = staticFeats[i] as ArrayLike<number>;
      for (let k = 0; k < fs.length; k++) add(fs[k] as number, emission);
    }
    const lw = lower[i] as string;
    // the transition scores into a word, for every previous tag (tag bigram + "tw=" prev|word): once per word form when a cache is given
    let rows = wordCache?.get(lw);
    if (!rows) {
      rows = scratch ?? new Float64Array(PREV_TAGS.length * T);
      for (let p = 0; p < PREV_TAGS.length; p++) {
        trans.fill(0);
        add(wordTransitionFeature(lw, PREV_TAGS[p] as string), trans);
        for (let t = 0; t < T; t++) rows[p * T + t] = (bigram[p * T + t] as number) + (trans[t] as number);
      }
      if (wordCache) {
        if (wordCache.size >= TRANSITION_CACHE_LIMIT) wordCache.clear();
        wordCache.set(lw, rows);
      }
    }
    const row = i * T;
    if (i === 0) {
      for (let t = 0; t < T; t++) {
        if (!ALLOWED[t]) continue;
        delta[t] = (emission[t] as number) + (rows[t] as number);
        back[t] = 0;
      }
      continue;
    }
    for (let p = 1; p < PREV_TAGS.length; p++) {
      const base = delta[row - T + p - 1] as number;
      if (base === -Infinity) continue;
      const from = p * T;
      for (let t = 0; t < T; t++) {
        if (!ALLOWED[from + t]) continue;
        const v = base + (emission[t] as number) + (rows[from + t] as number);
        if (v > (delta[row + t] as number)) {
          delta[row + t] = v;
          back[row + t] = p;
        }
      }
    }
  }
  let best = 0;
  for (let t = 1; t < T; t++) if ((delta[(n - 1) * T + t] as number) > (delta[(n - 1) * T + best] as number)) best = t;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = best;
    best = (back[i * T + best] as number) - 1;
  }
  return out;
}

/** Whether `tag` may follow `prev` in BIO: an I- continues the same type. */
export function isAllowed(prev: string, tag: string): boolean {
  return !tag.startsWith('I-') || prev.slice(2) === tag.slice(2);
}

/** Adds the weights of one feature bucket to `scores` (one slot per tag). */
function addOne(table: WeightTable, feature: number, scores: Float64Array): void {
  const { keys, weights, value, mask } = table;
  const key = feature + 1;
  let slot = (Math.imul(feature, 0x9e3779b1) >>> 0) & mask;
  let stored = keys[slot * ROW] as number;
  while (stored !== 0 && stored !== key) {
    slot = (slot + 1) & mask;
    stored = keys[slot * ROW] as number;
  }
  if (stored === 0) return;
  const base = slot * ROW * 2 + WEIGHTS_AT;
  for (let t = 0; t < scores.length; t++) scores[t] = (scores[t] as number) + (value[(weights[base + t] as number) + 32768] as number);
}

/** Adds the weights of features to `scores` (one slot per tag). */
export function addScores(weights: WeightTable, features: ArrayLike<number>, scores: Float64Array): void {
  for (let k = 0; k < features.length; k++) addOne(weights, features[k] as number, scores);
}

/** Per weight table: word form -> its transition scores (tag bigram + (previous tag, word) weights) for every previous tag. */
const TRANSITION_CACHE = new WeakMap<WeightTable, Map<string, Float64Array>>();
/** Word forms kept in that cache (720 bytes each: about 7 MB at most); past this it starts over. */
const TRANSITION_CACHE_LIMIT = 10_000;

/**
 * Per weight table: a word's own features (an array of WORD_CACHE) -> the sum of their weights. The
 * sums are exact (float32 weights of one scale, added in float64), so a cached sum plus the context's
 * weights is the same score as adding every feature in turn.
 */
const LOCAL_SCORES = new WeakMap<WeightTable, WeakMap<Int32Array, Float64Array>>();

/** Tags one sentence's words. */
export function tagWords(words: readonly string[], weights: WeightTable, knowledge: Knowledge, gazetteer?: readonly string[], doc?: DocLexicon): Tag[] {
  const { local, context } = featureRows(words, knowledge, gazetteer, doc, weights.features);
  const lower = words.map((w) => w.toLowerCase());
  let cache = TRANSITION_CACHE.get(weights);
  if (!cache) TRANSITION_CACHE.set(weights, (cache = new Map<string, Float64Array>()));
  let sums = LOCAL_SCORES.get(weights);
  if (!sums) LOCAL_SCORES.set(weights, (sums = new WeakMap<Int32Array, Float64Array>()));
  const T = TAGS.length;
  const emissions = new Float64Array(words.length * T);
  for (let i = 0; i < words.length; i++) {
    const own = local[i] as Int32Array;
    let sum = sums.get(own);
    if (!sum) {
      sum = new Float64Array(T);
      for (let k = 0; k < own.length; k++) addOne(weights, own[k] as number, sum);
      sums.set(own, sum);
    }
    const row = emissions.subarray(i * T, i * T + T);
    row.set(sum);
    const around = context[i] as Int32Array;
    for (let k = 0; k < around.length; k++) addOne(weights, around[k] as number, row);
  }
  return viterbi(context, lower, (f, scores) => addOne(weights, f, scores), cache, emissions).map((t) => TAGS[t] as Tag);
}
