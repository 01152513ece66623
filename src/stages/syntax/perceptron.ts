/**
 * Linear multi-class scoring over hashed feature rows (row-major: `rows x classes`), and the
 * averaged perceptron that trains it (lazy averaging with per-weight timestamps).
 */

/** A trained weight table: `weights[row * classes + c]` (int16 once stored: only the argmax matters). */
export interface LinearModel {
  classes: number;
  /** Rows minus one; rows are a power of two. */
  mask: number;
  /** Dense weights; empty when the table is held as `sparse` rows instead. */
  weights: Float32Array | Int16Array;
  /** The same int16 weights, only the nonzero ones (see SparseRows); scoring reads these when present. */
  sparse?: SparseRows;
  /** The int16 weights as one-byte codes (see CodedWeights); scoring reads these when present. */
  coded?: CodedWeights;
}

/**
 * A dense table's int16 weights as one byte each: `levels[codes[i]]` is weight i to within about
 * 4 % (levels on a logarithmic scale, see weightLevels). Half the int16 table's memory: the parser's
 * transition table (4 million rows of three weights, a weight in most rows) is 12.6 MB instead of
 * 25 MB, so fewer of a beam step's 128 scattered reads per state miss the CPU's caches. UAS and LAS
 * on EWT dev are within 0.001 of the int16 table's (0.8557 / 0.8260 against 0.8554 / 0.8257). A
 * codebook fitted to the weights (k-means, 255 levels) does worse (UAS 0.843): it pulls in the
 * few large weights, which decide most.
 */
export interface CodedWeights {
  codes: Uint8Array;
  /** The levels, ascending (see weightLevels). */
  levels: Int32Array;
}

/**
 * The levels of CodedWeights, ascending: zero, and on each side the magnitudes 1.086^i rounded
 * (i = 0..126, from 1 to 32767; the small ones repeat and are kept once, about 108 of them), so each
 * weight is held to within about 4 % of itself (6 % for the smallest). The same levels for every
 * table, so a coded table needs no codebook stored. Codes past the largest level repeat it. (Using
 * every code, the small magnitudes stepping by one and the large ones coarser, scored 0.001 lower.)
 */
export function weightLevels(): Int32Array {
  const ratio = Math.pow(32767, 1 / 126);
  const magnitudes = [...new Set(Array.from({ length: 127 }, (_, i) => Math.round(Math.pow(ratio, i))))];
  const levels = new Int32Array(256);
  const side = magnitudes.length;
  for (let i = 0; i < side; i++) levels[side - 1 - i] = -(magnitudes[i] as number);
  for (let i = 0; i < side; i++) levels[side + 1 + i] = magnitudes[i] as number;
  levels.fill(32767, 2 * side + 1);
  return levels;
}

/** For each int16 value (offset by 32768), the code of the nearest level (a tie goes to the higher level). */
export function levelCodes(levels: Int32Array): Uint8Array {
  const out = new Uint8Array(65536);
  let code = 0;
  for (let v = -32768; v <= 32767; v++) {
    while (code < 255 && (levels[code + 1] as number) > (levels[code] as number) && Math.abs((levels[code + 1] as number) - v) <= Math.abs((levels[code] as number) - v)) code++;
    out[v + 32768] = code;
  }
  return out;
}

/**
 * A table's nonzero int16 weights by row: row r's are `entries[start[r] .. start[r + 1])`, each
 * `weight << 8 | class`. A tagger or label table is mostly zeros (about three of 17 classes, or five
 * of 51, in the rows that have any): a fifth of the dense table's memory, so the rows a sentence
 * reads stay in cache, and a row sums only its few weights. Scores are sums of integers either
 * way, so they are exactly the dense table's.
 */
export interface SparseRows {
  start: Int32Array;
  entries: Int32Array;
}

/** A table's weights as one dense array (the sparse rows spread out). */
export function denseWeights(model: LinearModel): Float32Array | Int16Array {
  if (model.coded) return Int16Array.from(model.coded.codes, (c) => model.coded?.levels[c] as number);
  if (!model.sparse) return model.weights;
  const out = new Int16Array((model.mask + 1) * model.classes);
  const { start, entries } = model.sparse;
  for (let r = 0; r <= model.mask; r++) {
    for (let e = start[r] as number, end = start[r + 1] as number; e < end; e++) out[r * model.classes + ((entries[e] as number) & 0xff)] = (entries[e] as number) >> 8;
  }
  return out;
}

/** Most classes a sparse table can hold (a class is the low byte of an entry). */
export const SPARSE_MAX_CLASSES = 256;

/**
 * Rows are scattered over a table far larger than the CPU caches, so each one is a memory miss.
 * A first pass only touches every row's cache lines (independent loads the CPU overlaps), and the
 * summing pass then finds them in cache: about twice as fast as summing straight away, where each
 * row's many additions keep the next row's load from starting early.
 */
let touched = 0;

/** Adds each class's score over `n` feature rows into `scores` (which it first zeroes). */
export function score(model: LinearModel, rows: Int32Array, n: number, scores: Float64Array): void {
  const k = model.classes;
  if (model.sparse) {
    scoreSparse(model.sparse, rows, n, k, scores);
    return;
  }
  if (model.coded) {
    scoreCoded(model.coded, rows, n, k, scores);
    return;
  }
  const w = model.weights;
  if (k === 3) {
    score3(w, rows, n, scores);
    return;
  }
  let t = 0;
  for (let i = 0; i < n; i++) {
    const base = (rows[i] as number) * k;
    for (let c = 0; c < k; c += 32) t += w[base + c] as number;
    t += w[base + k - 1] as number;
  }
  touched = t;
  scores.fill(0, 0, k);
  for (let i = 0; i < n; i++) {
    const base = (rows[i] as number) * k;
    for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) + (w[base + c] as number);
  }
}

/**
 * Scores only the classes listed in `classes` (ascending): `scores[j]` for `classes[j]`. For the
 * label model, where the tags of head and dependent leave a handful of its fifty relations.
 */
export function scoreSome(model: LinearModel, rows: Int32Array, n: number, classes: Int32Array, scores: Float64Array): void {
  const k = model.classes;
  if (model.sparse) {
    scoreSomeSparse(model.sparse, rows, n, k, classes, scores);
    return;
  }
  if (model.coded) {
    const all = scratchScores(k);
    scoreCoded(model.coded, rows, n, k, all);
    for (let j = 0; j < classes.length; j++) scores[j] = all[classes[j] as number] as number;
    return;
  }
  const w = model.weights;
  const m = classes.length;
  const first = classes[0] as number;
  const last = classes[m - 1] as number;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const base = (rows[i] as number) * k;
    t += (w[base + first] as number) + (w[base + last] as number);
  }
  touched = t;
  scores.fill(0, 0, m);
  for (let i = 0; i < n; i++) {
    const base = (rows[i] as number) * k;
    for (let j = 0; j < m; j++) scores[j] = (scores[j] as number) + (w[base + (classes[j] as number)] as number);
  }
}

/** Touches each row's start and first entry (independent loads the CPU overlaps; see `touched`); `entries` ends with one spare entry. */
function touchSparse(start: Int32Array, entries: Int32Array, rows: Int32Array, n: number): void {
  let t = 0;
  for (let i = 0; i < n; i++) t += start[rows[i] as number] as number;
  for (let i = 0; i < n; i++) t += entries[start[rows[i] as number] as number] as number;
  touched = t;
}

/** `score` over sparse rows: each row adds its nonzero weights to their classes. */
function scoreSparse(sparse: SparseRows, rows: Int32Array, n: number, k: number, scores: Float64Array): void {
  const { start, entries } = sparse;
  touchSparse(start, entries, rows, n);
  scores.fill(0, 0, k);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number;
    for (let e = start[r] as number, end = start[r + 1] as number; e < end; e++) {
      const x = entries[e] as number;
      scores[x & 0xff] = (scores[x & 0xff] as number) + (x >> 8);
    }
  }
}

/** Where each class sits in the `classes` list of a scoreSome call (-1: not listed); reset after each call. */
let slotOf = new Int8Array(256).fill(-1);

/** `scoreSome` over sparse rows: weights of classes not listed are skipped. */
function scoreSomeSparse(sparse: SparseRows, rows: Int32Array, n: number, k: number, classes: Int32Array, scores: Float64Array): void {
  const { start, entries } = sparse;
  if (slotOf.length < k) slotOf = new Int8Array(k).fill(-1);
  const slots = slotOf;
  const m = classes.length;
  for (let j = 0; j < m; j++) slots[classes[j] as number] = j;
  touchSparse(start, entries, rows, n);
  scores.fill(0, 0, m);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number;
    for (let e = start[r] as number, end = start[r + 1] as number; e < end; e++) {
      const x = entries[e] as number;
      const j = slots[x & 0xff] as number;
      if (j >= 0) scores[j] = (scores[j] as number) + (x >> 8);
    }
  }
  for (let j = 0; j < m; j++) slots[classes[j] as number] = -1;
}

/** The three-class case (parser transitions), unrolled. */
function score3(w: Float32Array | Int16Array, rows: Int32Array, n: number, scores: Float64Array): void {
  let t = 0;
  for (let i = 0; i < n; i++) t += w[(rows[i] as number) * 3 + 2] as number;
  touched = t;
  let a = 0;
  let b = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const base = (rows[i] as number) * 3;
    a += w[base] as number;
    b += w[base + 1] as number;
    c += w[base + 2] as number;
  }
  scores[0] = a;
  scores[1] = b;
  scores[2] = c;
}

/** `score` over one-byte codes: each row's codes touched first (see `touched`), then their levels summed. */
function scoreCoded(coded: CodedWeights, rows: Int32Array, n: number, k: number, scores: Float64Array): void {
  const { codes, levels } = coded;
  let t = 0;
  for (let i = 0; i < n; i++) t += codes[(rows[i] as number) * k] as number;
  touched = t;
  scores.fill(0, 0, k);
  for (let i = 0; i < n; i++) {
    const base = (rows[i] as number) * k;
    for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) + (levels[codes[base + c] as number] as number);
  }
}

let codedScores = new Float64Array(64);

function scratchScores(k: number): Float64Array {
  if (codedScores.length < k) codedScores = new Float64Array(k);
  return codedScores;
}

/**
 * Three-class scores (the parser's transitions) of several blocks of feature rows at once: block b
 * is `rows[b * stride ..]`, `counts[b]` rows long, and its scores go to `out[3b .. 3b + 2]`. Every
 * block's rows are touched before any is summed, so the memory misses of a whole beam step overlap.
 */
export function score3Blocks(model: LinearModel, rows: Int32Array, counts: Int32Array, blocks: number, stride: number, out: Float64Array): void {
  let t = 0;
  const coded = model.coded;
  if (coded) {
    const { codes, levels } = coded;
    for (let b = 0; b < blocks; b++) {
      for (let j = b * stride, end = j + (counts[b] as number); j < end; j++) t += codes[(rows[j] as number) * 3] as number;
    }
    touched = t;
    for (let b = 0; b < blocks; b++) {
      let sh = 0;
      let le = 0;
      let ri = 0;
      for (let j = b * stride, end = j + (counts[b] as number); j < end; j++) {
        const at = (rows[j] as number) * 3;
        sh += levels[codes[at] as number] as number;
        le += levels[codes[at + 1] as number] as number;
        ri += levels[codes[at + 2] as number] as number;
      }
      out[b * 3] = sh;
      out[b * 3 + 1] = le;
      out[b * 3 + 2] = ri;
    }
    return;
  }
  // The trainer's float table (beam training): the same two passes over weights read directly; two loops
  // rather than one with a per-weight branch, as this is the parser's hottest code.
  const w = model.weights;
  for (let b = 0; b < blocks; b++) {
    for (let j = b * stride, end = j + (counts[b] as number); j < end; j++) t += w[(rows[j] as number) * 3 + 2] as number;
  }
  touched = t;
  for (let b = 0; b < blocks; b++) {
    let sh = 0;
    let le = 0;
    let ri = 0;
    for (let j = b * stride, end = j + (counts[b] as number); j < end; j++) {
      const at = (rows[j] as number) * 3;
      sh += w[at] as number;
      le += w[at + 1] as number;
      ri += w[at + 2] as number;
    }
    out[b * 3] = sh;
    out[b * 3 + 1] = le;
    out[b * 3 + 2] = ri;
  }
}

/** The last value the touching pass read (kept so the pass is not optimised away). */
export function lastTouched(): number {
  return touched;
}

/** The best class among those `isAllowed` marks (all when null), or -1. */
export function best(scores: Float64Array, classes: number, isAllowed: Uint8Array | null = null): number {
  let top = -1;
  let topScore = -Infinity;
  for (let c = 0; c < classes; c++) {
    if (isAllowed && !isAllowed[c]) continue;
    const s = scores[c] as number;
    if (s > topScore) {
      topScore = s;
      top = c;
    }
  }
  return top;
}

/** A weight table while it trains: running totals for the average. */
export interface Trainer extends LinearModel {
  weights: Float32Array;
  totals: Float64Array;
  stamps: Int32Array;
  /** Updates seen so far (the averaging clock). */
  clock: number;
}

/** An all-zero table of `2^bits` rows. */
export function createTrainer(bits: number, classes: number): Trainer {
  const size = (1 << bits) * classes;
  return {
    classes,
    mask: (1 << bits) - 1,
    weights: new Float32Array(size),
    totals: new Float64Array(size),
    stamps: new Int32Array(size),
    clock: 0,
  };
}

/** Moves the weights of `n` rows toward `good` and away from `bad` (either may be -1). */
export function update(t: Trainer, rows: Int32Array, n: number, good: number, bad: number): void {
  if (good === bad) return;
  const k = t.classes;
  for (let i = 0; i < n; i++) {
    const base = (rows[i] as number) * k;
    if (good >= 0) bump(t, base + good, 1);
    if (bad >= 0) bump(t, base + bad, -1);
  }
}

function bump(t: Trainer, index: number, delta: number): void {
  t.totals[index] = (t.totals[index] as number) + (t.clock - (t.stamps[index] as number)) * (t.weights[index] as number);
  t.stamps[index] = t.clock;
  t.weights[index] = (t.weights[index] as number) + delta;
}

/** Advances the averaging clock by one instance. */
export function tick(t: Trainer): void {
  t.clock++;
}

/** The averaged weights (the trainer is left as it was). */
export function averaged(t: Trainer): LinearModel {
  const out = new Float32Array(t.weights.length);
  const clock = Math.max(1, t.clock);
  for (let i = 0; i < out.length; i++) {
    const total = (t.totals[i] as number) + (t.clock - (t.stamps[i] as number)) * (t.weights[i] as number);
    out[i] = total / clock;
  }
  return { classes: t.classes, mask: t.mask, weights: out };
}

/**
 * The class a word (or arc) takes in nearly every training occurrence, for dictionaries that skip
 * scoring: the most frequent class when it was seen at least `minCount` times with at least
 * `minShare` of them; else null.
 */
export function dominantClass(counts: Int32Array, minCount: number, minShare: number): number | null {
  let total = 0;
  let top = 0;
  counts.forEach((v, i) => {
    total += v;
    if (v > (counts[top] as number)) top = i;
  });
  return total >= minCount && (counts[top] as number) / total >= minShare ? top : null;
}
