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
  function* rows(): Generator<[number, Float32Array]> {
    const vector = new Float32Array(nTags);
    for (let i = 0; i < header.count; i++) {
      for (let t = 0; t < nTags; t++) vector[t] = (weights[i * nTags + t] as number) / header.scale;
      yield [keys[i] as number, vector];
    }
  }
  return { header, table: weightTable(rows(), header.count) };
}

/** Stride of one row of the weight table: the bucket + 1 (0 = empty slot), then one weight per tag. */
const ROW = TAGS.length + 1;

/**
 * Weights ready for scoring: an open-addressing table whose rows hold the key and its weights side by
 * side, so a lookup touches one stretch of memory (the table is larger than the CPU caches).
 */
export interface WeightTable {
  keys: Int32Array;
  /** The same buffer as `keys`, read as weights. */
  values: Float32Array;
  mask: number;
  /** The feature groups the weights were trained with (from the model file's header). */
  features?: FeatureSet;
}

/** A feature's home row in a table of `mask + 1` rows (probing goes on from there). */
function homeSlot(feature: number, mask: number): number {
  return (Math.imul(feature, 0x9e3779b1) >>> 0) & mask;
}

/** The row holding `feature`, probing on from `slot` (its home row), or -1 where the table lacks it. */
function findSlot(keys: Int32Array, mask: number, feature: number, slot: number): number {
  const key = feature + 1;
  let stored = keys[slot * ROW] as number;
  while (stored !== 0 && stored !== key) {
    slot = (slot + 1) & mask;
    stored = keys[slot * ROW] as number;
  }
  return stored === 0 ? -1 : slot;
}

/** A weight table from bucket -> weights pairs. */
export function weightTable(rows: Iterable<[number, ArrayLike<number>]>, count: number): WeightTable {
  let size = 1;
  // load factor at most 2/3: short probe runs, a table a third smaller than at 1/2
  while (size * 2 < count * 3) size <<= 1;
  const buffer = new ArrayBuffer(size * ROW * 4);
  const table: WeightTable = { keys: new Int32Array(buffer), values: new Float32Array(buffer), mask: size - 1 };
  for (const [key, row] of rows) {
    let slot = homeSlot(key, table.mask);
    while (table.keys[slot * ROW] !== 0) slot = (slot + 1) & table.mask;
    table.keys[slot * ROW] = key + 1;
    for (let t = 0; t < TAGS.length; t++) table.values[slot * ROW + 1 + t] = row[t] as number;
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

const PREFIX = new Map<string, number>();
function prefixState(prefix: string): number {
  let state = PREFIX.get(prefix);
  if (state === undefined) PREFIX.set(prefix, (state = fnv(FNV_OFFSET, prefix)));
  return state;
}

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
    const tags = GAZ_CLASS_TAGS[cls] as [string, string];
    for (let k = 0; k < m.length; k++) out[m.start + k] = tags[k === 0 ? 0 : 1];
  }
  return out;
}

/** 'B-' and 'I-' + each gazetteer class, built once (the same strings each sentence: their hashes are kept). */
const GAZ_CLASS_TAGS: Record<string, [string, string]> = Object.fromEntries(['COUNTRY', 'DEM', 'CAP', 'ORG', 'PER', 'PLACE'].map((c) => [c, ['B-' + c, 'I-' + c]]));

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
  f = computeWordFeatures(w, lw, sh, shout, bits);
  if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
  WORD_CACHE.set(key, f);
  return f;
}

/** The word-level features themselves (wordFeatures caches them by form; sentenceFeatures keeps them on the word form). */
function computeWordFeatures(w: string, lw: string, sh: string, shout: string, bits: string | undefined | null): Int32Array {
  const clusterFeats = bits === null ? [] : bits === undefined ? [bucket(prefixState('c='), '?')] : [...CLUSTER_PREFIXES.map((n) => bucket(prefixState(`c${n}=`), bits.slice(0, n))), bucket(prefixState('c='), bits)];
  return Int32Array.of(
    ...clusterFeats,
    hashFeature('b'),
    bucket(prefixState('w='), lw),
    bucket(prefixState('W='), w),
    bucket(prefixState('s='), sh + shout),
    bucket(prefixState('p1='), lw.slice(0, 1)),
    bucket(prefixState('p2='), lw.slice(0, 2)),
    bucket(prefixState('p3='), lw.slice(0, 3)),
    bucket(prefixState('x1='), lw.slice(-1)),
    bucket(prefixState('x2='), lw.slice(-2)),
    bucket(prefixState('x3='), lw.slice(-3)),
    bucket(prefixState('x4='), lw.slice(-4)),
  );
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

/**
 * Hashes of one word form that every sentence it occurs in reads, worked out the first time the form
 * is seen: each feature template's hash of the form, or the FNV state after the form where the template
 * goes on with a neighbour ("ww-1=" + this word + "|", then the next word).
 */
interface WordForm {
  lower: string;
  shape: string;
  /** Indexed by the H_ constants. */
  h: Int32Array;
  /** Word-level features (wordFeatures) by headline flag (0: 'u', 1: 'U') for a model without clusters, built on first use. */
  local: [Int32Array | undefined, Int32Array | undefined];
}

/** Buckets of "w-1=", "w+1=", "w-2=", "w+2=" + the lower-cased form. */
const H_WM1 = 0;
const H_WP1 = 1;
const H_WM2 = 2;
const H_WP2 = 3;
/** Buckets of "s-1=" / "s+1=" + shape + headline flag: [u, U] each. */
const H_SM1 = 4;
const H_SP1 = 6;
/** FNV states after "ws-1=" + lower + "|", "ws+1=" + shape + "|", "ww-1=" + lower + "|", "ww+1=" + lower + "|". */
const H_WSM1 = 8;
const H_WSP1 = 9;
const H_WWM1 = 10;
const H_WWP1 = 11;
/** Bucket of "len=" + min(length, 8). */
const H_LEN = 12;
/** ASCII capitals and ASCII letters of the word (isShouting), and whether its first character is a capital (docValue). */
const H_UPPER = 13;
const H_LETTERS = 14;
const H_CAPITAL = 15;
const H_SIZE = 16;

const S_WM1 = prefixState('w-1=');
const S_WP1 = prefixState('w+1=');
const S_WM2 = prefixState('w-2=');
const S_WP2 = prefixState('w+2=');
const S_SM1 = prefixState('s-1=');
const S_SP1 = prefixState('s+1=');
const S_WSM1 = prefixState('ws-1=');
const S_WSP1 = prefixState('ws+1=');
const S_WWM1 = prefixState('ww-1=');
const S_WWP1 = prefixState('ww+1=');
const S_LEN = prefixState('len=');
const S_FIRST = prefixState('first|');
const BAR = '|'.charCodeAt(0);

/** One FNV step over a single character code. */
function fnvChar(state: number, code: number): number {
  return Math.imul(state ^ code, 0x01000193);
}

/** The hashes of a word form (a pad gives its own word and shape, "<s>" or "</s>"). */
function wordForm(word: string, lower: string, shape: string): WordForm {
  const h = new Int32Array(H_SIZE);
  h[H_WM1] = bucket(S_WM1, lower);
  h[H_WP1] = bucket(S_WP1, lower);
  h[H_WM2] = bucket(S_WM2, lower);
  h[H_WP2] = bucket(S_WP2, lower);
  const sm1 = fnv(S_SM1, shape);
  const sp1 = fnv(S_SP1, shape);
  h[H_SM1] = (fnv(sm1, 'u') >>> 0) & HASH_MASK;
  h[H_SM1 + 1] = (fnv(sm1, 'U') >>> 0) & HASH_MASK;
  h[H_SP1] = (fnv(sp1, 'u') >>> 0) & HASH_MASK;
  h[H_SP1 + 1] = (fnv(sp1, 'U') >>> 0) & HASH_MASK;
  h[H_WSM1] = fnvChar(fnv(S_WSM1, lower), BAR);
  h[H_WSP1] = fnvChar(fnv(S_WSP1, shape), BAR);
  h[H_WWM1] = fnvChar(fnv(S_WWM1, lower), BAR);
  h[H_WWP1] = fnvChar(fnv(S_WWP1, lower), BAR);
  h[H_LEN] = bucket(S_LEN, String(Math.min(word.length, 8)));
  let upper = 0;
  let letters = 0;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  h[H_UPPER] = upper;
  h[H_LETTERS] = letters;
  h[H_CAPITAL] = word.charAt(0) !== lower.charAt(0) ? 1 : 0;
  return { lower, shape, h, local: [undefined, undefined] };
}

/** Word forms as written -> their hashes; bounded like WORD_CACHE. */
const FORMS = new Map<string, WordForm>();
/** The padding before and after a sentence ("<s>", "</s>" as both word and shape). */
const LEFT_PAD = wordForm('<s>', '<s>', '<s>');
const RIGHT_PAD = wordForm('</s>', '</s>', '</s>');

/** The cached hashes of a word as written. */
function formOf(word: string): WordForm {
  let form = FORMS.get(word);
  if (form === undefined) {
    if (FORMS.size >= WORD_CACHE_LIMIT) FORMS.clear();
    FORMS.set(word, (form = wordForm(word, word.toLowerCase(), shapeOf(word))));
  }
  return form;
}

/** Hashes of one gazetteer class ('' outside any phrase, or a pad): "g=", "g-1=", "g+1=" buckets and the state after "gs=" + class + "|". */
const GAZ = new Map<string, Int32Array>();
const S_G = prefixState('g=');
const S_GM1 = prefixState('g-1=');
const S_GP1 = prefixState('g+1=');
const S_GS = prefixState('gs=');
function gazOf(cls: string): Int32Array {
  let g = GAZ.get(cls);
  if (g === undefined) {
    g = Int32Array.of(bucket(S_G, cls), bucket(S_GM1, cls), bucket(S_GP1, cls), fnvChar(fnv(S_GS, cls), BAR));
    // gazetteer classes are a dozen strings; anything else (a caller's own) is not kept past a bound
    if (GAZ.size < 1000) GAZ.set(cls, g);
  }
  return g;
}
const GAZ_LEFT = gazOf('<s>');
const GAZ_RIGHT = gazOf('</s>');

/** The 16 document-level values (docValue) by code: bit 3 first (F/M), bit 2 headline (U/u), bit 1 lower case elsewhere (L/l), bit 0 capitalised mid-sentence elsewhere (C/c). */
const DOC_VALUES = Array.from({ length: 16 }, (_, c) => `${c & 8 ? 'F' : 'M'}${c & 4 ? 'U' : 'u'}${c & 2 ? 'L' : 'l'}${c & 1 ? 'C' : 'c'}`);
const DOC_BUCKETS = Int32Array.from(DOC_VALUES, (d) => bucket(prefixState('d='), d));
const DOC_GAZ_STATES = Int32Array.from(DOC_VALUES, (d) => fnvChar(fnv(prefixState('dg='), d), BAR));

/** The document-level feature value of a word as a code into DOC_VALUES (-1: none): its own case class and whether the rest of the document writes it in lower case or capitalised mid-sentence. */
function docCode(doc: DocLexicon, form: WordForm, isFirst: boolean, isShout: boolean): number {
  if (form.h[H_CAPITAL] === 0) return -1; // lower case or no letter: the word says it itself
  const isLower = (doc.lower.get(form.lower) ?? 0) > 0;
  // this very word, when it counts itself as a mid-sentence capital, does not count
  const selfMid = !isFirst && !isShout ? 1 : 0;
  const isCapMid = (doc.capitalMid.get(form.lower) ?? 0) - selfMid > 0;
  return (isFirst ? 8 : 0) | (isShout ? 4 : 0) | (isLower ? 2 : 0) | (isCapMid ? 1 : 0);
}

/** A sentence's static features in one array: token i's are feats[offsets[i]] up to feats[offsets[i + 1]]. */
interface SentenceFeatures {
  /** A buffer shared by every call: read it before the next call. */
  feats: Int32Array;
  offsets: Int32Array;
  /** The word forms, with two pads before and after (token i is forms[i + 2]). */
  forms: WordForm[];
}

/** Most features one token can have: word-level (clusters included), context and document features, document neighbours. */
const MAX_TOKEN_FEATURES = CLUSTER_PREFIXES.length + 1 + 11 + 22 + MAX_CONTEXTS;
let featureBuffer = new Int32Array(4096);

/** Hashed features of each token that do not depend on the tags chosen so far (see staticFeatures). */
function sentenceFeatures(words: readonly string[], knowledge: Knowledge, gazetteer: readonly string[] | undefined, doc: DocLexicon | undefined, set: FeatureSet): SentenceFeatures {
  const n = words.length;
  const forms = new Array<WordForm>(n + 4);
  forms[0] = forms[1] = LEFT_PAD;
  forms[n + 2] = forms[n + 3] = RIGHT_PAD;
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const form = formOf(words[i] as string);
    forms[i + 2] = form;
    upper += form.h[H_UPPER] as number;
    letters += form.h[H_LETTERS] as number;
  }
  // as isShouting, from the words' counts
  const isShout = letters > 6 && upper / letters > 0.8;
  const s = isShout ? 1 : 0;
  const shout = isShout ? 'U' : 'u';
  const gazClasses = gazetteer ?? gazetteerClasses(knowledge, lowerForms(forms, n));
  const gaz = new Array<Int32Array>(n + 2);
  gaz[0] = GAZ_LEFT;
  gaz[n + 1] = GAZ_RIGHT;
  for (let i = 0; i < n; i++) gaz[i + 1] = gazOf(gazClasses[i] as string);
  const table = set.clusters;
  const clusters = table ? lowerForms(forms, n).map((lw) => table.get(clusterKey(lw)) ?? '?') : null;
  const at = (arr: readonly string[], i: number, pad: string): string => (i < 0 || i >= n ? pad : (arr[i] as string));
  if (featureBuffer.length < n * MAX_TOKEN_FEATURES) featureBuffer = new Int32Array(Math.max(n * MAX_TOKEN_FEATURES, featureBuffer.length * 2));
  const f = featureBuffer;
  const offsets = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    const w = words[i] as string;
    const form = forms[i + 2] as WordForm;
    const prev = forms[i + 1] as WordForm;
    const next = forms[i + 3] as WordForm;
    const h = form.h;
    const ph = prev.h;
    const nh = next.h;
    const sh = form.shape;
    const lw = form.lower;
    const bits = clusters ? (clusters[i] as string) : null;
    const local = bits !== null ? wordFeatures(w, lw, sh, shout, bits === '?' ? undefined : bits) : (form.local[s] ??= computeWordFeatures(w, lw, sh, shout, null));
    for (let j = 0; j < local.length; j++) f[k++] = local[j] as number;
    f[k++] = ph[H_WM1] as number;
    f[k++] = nh[H_WP1] as number;
    f[k++] = (forms[i] as WordForm).h[H_WM2] as number;
    f[k++] = (forms[i + 4] as WordForm).h[H_WP2] as number;
    f[k++] = ph[H_SM1 + s] as number;
    f[k++] = nh[H_SP1 + s] as number;
    f[k++] = (fnv(ph[H_WSM1] as number, sh) >>> 0) & HASH_MASK;
    f[k++] = (fnv(h[H_WSP1] as number, next.lower) >>> 0) & HASH_MASK;
    const g = gaz[i + 1] as Int32Array;
    f[k++] = g[0] as number;
    f[k++] = (gaz[i] as Int32Array)[1] as number;
    f[k++] = (gaz[i + 2] as Int32Array)[2] as number;
    f[k++] = (fnv(fnv(g[3] as number, sh), shout) >>> 0) & HASH_MASK;
    f[k++] = h[H_LEN] as number;
    f[k++] = (fnv(ph[H_WWM1] as number, lw) >>> 0) & HASH_MASK;
    f[k++] = (fnv(h[H_WWP1] as number, next.lower) >>> 0) & HASH_MASK;
    // the neighbours' clusters: what kind of word comes before and after
    if (clusters && bits !== null) {
      f[k++] = bucket(prefixState('c-1='), at(clusters, i - 1, '<s>').slice(0, 8));
      f[k++] = bucket(prefixState('c+1='), at(clusters, i + 1, '</s>').slice(0, 8));
      f[k++] = bucket3(prefixState('cs='), bits.slice(0, 6), '|', sh);
    }
    if (i === 0) f[k++] = bucket(S_FIRST, sh);
    if (doc) {
      const d = docCode(doc, form, i === 0, isShout);
      if (d >= 0) {
        f[k++] = DOC_BUCKETS[d] as number;
        f[k++] = (fnv(DOC_GAZ_STATES[d] as number, gazClasses[i] as string) >>> 0) & HASH_MASK;
      }
      const around = set.context && d >= 0 ? docContexts(doc).get(lw) : undefined;
      if (around) {
        // the word's neighbours at its other occurrences in the document
        const ownLeft = 'L' + prev.lower;
        const ownRight = 'R' + next.lower;
        let taken = 0;
        for (const [key, count] of around) {
          if (taken >= MAX_CONTEXTS) break;
          if (count - (key === ownLeft || key === ownRight ? 1 : 0) <= 0) continue;
          f[k++] = bucket(prefixState('dx='), key);
          taken++;
        }
      }
    }
  }
  offsets[n] = k;
  return { feats: f, offsets, forms };
}

/** The lower-cased words of a sentence's forms. */
function lowerForms(forms: readonly WordForm[], n: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = (forms[i + 2] as WordForm).lower;
  return out;
}

/** Hashed features of each token that do not depend on the tags chosen so far. */
export function staticFeatures(words: readonly string[], knowledge: Knowledge, gazetteer?: readonly string[], doc?: DocLexicon, set: FeatureSet = BASE_FEATURES): Int32Array[] {
  const { feats, offsets } = sentenceFeatures(words, knowledge, gazetteer, doc, set);
  const own = feats.slice(0, offsets[words.length]);
  const out = new Array<Int32Array>(words.length);
  for (let i = 0; i < words.length; i++) out[i] = own.subarray(offsets[i], offsets[i + 1]);
  return out;
}

/** Tags a word may follow: the start of the sentence, then each of TAGS. */
export const PREV_TAGS = ['<s>', ...TAGS] as const;

/** Hashed features of a (previous tag, word) pair: "t-1=B-PER", "tw=B-PER|said". */
export function transitionFeatures(lw: string, prev: string): [number, number] {
  return [bucket(prefixState('t-1='), prev), wordTransitionFeature(lw, prev)];
}

/** The (previous tag, word) feature alone: "tw=B-PER|said". */
function wordTransitionFeature(lw: string, prev: string): number {
  return (fnv(fnv(fnv(prefixState('tw='), prev), '|'), lw) >>> 0) & HASH_MASK;
}

/** Adds one feature's weights for every tag to a score vector. */
export type ScoreAdder = (feature: number, scores: Float64Array) => void;

/** ALLOWED[p * TAGS.length + t]: whether tag t may follow PREV_TAGS[p]. */
const ALLOWED = Uint8Array.from(PREV_TAGS.flatMap((p) => TAGS.map((t) => (isAllowed(p, t) ? 1 : 0))));

/**
 * The best tag sequence (first-order Viterbi over BIO, I- only after its own type): emission scores
 * from the static features, transition scores from (previous tag, word) features. Returns tag indexes.
 */
export function viterbi(staticFeats: readonly ArrayLike<number>[], lower: readonly string[], add: ScoreAdder, wordCache?: Map<string, Float32Array>): number[] {
  const n = lower.length;
  const T = TAGS.length;
  if (n === 0) return [];
  const emissions = new Float64Array(n * T);
  const emission = new Float64Array(T);
  for (let i = 0; i < n; i++) {
    emission.fill(0);
    const fs = staticFeats[i] as ArrayLike<number>;
    for (let k = 0; k < fs.length; k++) add(fs[k] as number, emission);
    emissions.set(emission, i * T);
  }
  const rows = new Array<Float32Array>(n);
  for (let i = 0; i < n; i++) rows[i] = wordTransitionRows(lower[i] as string, add, wordCache);
  return decode(emissions, rows, bigramRows(add), n);
}

/** The tag-bigram weights ("t-1=") of every previous tag: they do not depend on the word. */
function bigramRows(add: ScoreAdder): Float64Array {
  const T = TAGS.length;
  const bigram = new Float64Array(PREV_TAGS.length * T);
  const trans = new Float64Array(T);
  for (let p = 0; p < PREV_TAGS.length; p++) {
    trans.fill(0);
    add(transitionFeatures('', PREV_TAGS[p] as string)[0], trans);
    bigram.set(trans, p * T);
  }
  return bigram;
}

/** The (previous tag, word) weights of a word, for every previous tag: read once per word form when a cache is given. */
function wordTransitionRows(lw: string, add: ScoreAdder, wordCache?: Map<string, Float32Array>): Float32Array {
  const T = TAGS.length;
  let wordRows = wordCache?.get(lw);
  if (!wordRows) {
    wordRows = new Float32Array(PREV_TAGS.length * T);
    const trans = new Float64Array(T);
    for (let p = 0; p < PREV_TAGS.length; p++) {
      trans.fill(0);
      add(wordTransitionFeature(lw, PREV_TAGS[p] as string), trans);
      wordRows.set(trans, p * T);
    }
    if (wordCache) {
      if (wordCache.size >= TRANSITION_CACHE_LIMIT) wordCache.clear();
      wordCache.set(lw, wordRows);
    }
  }
  return wordRows;
}

/** Viterbi over emission scores (n x tags), each word's (previous tag, word) rows and the tag-bigram rows. */
function decode(emissions: Float64Array, wordRows: readonly Float32Array[], bigram: Float64Array, n: number): number[] {
  const T = TAGS.length;
  const delta = new Float64Array(n * T).fill(-Infinity);
  const back = new Int8Array(n * T);
  for (let i = 0; i < n; i++) {
    const rows = wordRows[i] as Float32Array;
    const e = i * T;
    for (let p = i === 0 ? 0 : 1; p < (i === 0 ? 1 : PREV_TAGS.length); p++) {
      const base = i === 0 ? 0 : (delta[(i - 1) * T + p - 1] as number);
      if (base === -Infinity) continue;
      const pt = p * T;
      for (let t = 0; t < T; t++) {
        if (!ALLOWED[pt + t]) continue;
        // the transition score is the bigram's plus the word's, added first (as the scores were always summed)
        const v = base + (emissions[e + t] as number) + ((bigram[pt + t] as number) + (rows[pt + t] as number));
        if (v > (delta[e + t] as number)) {
          delta[e + t] = v;
          back[e + t] = p;
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

/**
 * The table's rows are scattered over more memory than the CPU caches hold, so each is a miss. A
 * first pass finds every static feature's home slot for the whole sentence and touches its row (independent
 * loads the CPU overlaps, as in src/stages/syntax/perceptron.ts); the summing pass then finds them in cache.
 * Features are summed in the same order as `viterbi` does, so scores are the same to the bit.
 */
let touched = 0;

/** The last value the touching pass read (kept so the pass is not optimised away). */
export function lastTouched(): number {
  return touched;
}

/** Emission scores (n x tags) of a sentence's static features (token i's: feats[offsets[i]] up to feats[offsets[i + 1]]) read from a weight table. */
function tableEmissions(weights: WeightTable, feats: Int32Array, offsets: Int32Array, n: number): Float64Array {
  const { keys, values, mask } = weights;
  const T = TAGS.length;
  const m = offsets[n] as number;
  const slots = new Int32Array(m);
  let t0 = 0;
  for (let j = 0; j < m; j++) {
    const slot = homeSlot(feats[j] as number, mask);
    slots[j] = slot;
    // the row's first and last word (a row of 40 bytes may straddle two cache lines)
    t0 += (keys[slot * ROW] as number) + (keys[slot * ROW + ROW - 1] as number);
  }
  touched = t0;
  const emissions = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    const e = i * T;
    const end = offsets[i + 1] as number;
    for (let j = offsets[i] as number; j < end; j++) {
      const slot = findSlot(keys, mask, feats[j] as number, slots[j] as number);
      if (slot < 0) continue;
      const base = slot * ROW + 1;
      for (let t = 0; t < T; t++) emissions[e + t] = (emissions[e + t] as number) + (values[base + t] as number);
    }
  }
  return emissions;
}

/** Whether `tag` may follow `prev` in BIO: an I- continues the same type. */
export function isAllowed(prev: string, tag: string): boolean {
  return !tag.startsWith('I-') || prev.slice(2) === tag.slice(2);
}

/** Adds the weights of one feature bucket to `scores` (one slot per tag). */
function addOne(weights: WeightTable, feature: number, scores: Float64Array): void {
  const { keys, values, mask } = weights;
  const slot = findSlot(keys, mask, feature, homeSlot(feature, mask));
  if (slot < 0) return;
  const base = slot * ROW + 1;
  for (let t = 0; t < scores.length; t++) scores[t] = (scores[t] as number) + (values[base + t] as number);
}

/** Adds the weights of features to `scores` (one slot per tag). */
export function addScores(weights: WeightTable, features: ArrayLike<number>, scores: Float64Array): void {
  for (let k = 0; k < features.length; k++) addOne(weights, features[k] as number, scores);
}

/** Per weight table: word form -> its (previous tag, word) weights for every previous tag. */
const TRANSITION_CACHE = new WeakMap<WeightTable, Map<string, Float32Array>>();
/** Per weight table: its tag-bigram weights (see bigramRows). */
const BIGRAM_CACHE = new WeakMap<WeightTable, Float64Array>();
/** Word forms kept in that cache (360 bytes each: about 7 MB at most); past this it starts over. */
const TRANSITION_CACHE_LIMIT = 20_000;

/** Tags one sentence's words. */
export function tagWords(words: readonly string[], weights: WeightTable, knowledge: Knowledge, gazetteer?: readonly string[], doc?: DocLexicon): Tag[] {
  const { feats, offsets, forms } = sentenceFeatures(words, knowledge, gazetteer, doc, weights.features ?? BASE_FEATURES);
  let cache = TRANSITION_CACHE.get(weights);
  if (!cache) TRANSITION_CACHE.set(weights, (cache = new Map<string, Float32Array>()));
  const add: ScoreAdder = (f, scores) => addOne(weights, f, scores);
  let bigram = BIGRAM_CACHE.get(weights);
  if (!bigram) BIGRAM_CACHE.set(weights, (bigram = bigramRows(add)));
  const n = words.length;
  if (n === 0) return [];
  const rows = new Array<Float32Array>(n);
  for (let i = 0; i < n; i++) rows[i] = wordTransitionRows((forms[i + 2] as WordForm).lower, add, cache);
  return decode(tableEmissions(weights, feats, offsets, n), rows, bigram, n).map((t) => TAGS[t] as Tag);
}
