/**
 * The dependency parser: arc-hybrid transitions (shift, left-arc, right-arc; the root at the end of
 * the buffer, one root per sentence), chosen greedily by an averaged perceptron over rich
 * non-local features (Zhang & Nivre 2011: valency, label sets, distance), labels by a second one.
 */
import { feature } from './hash.js';
import { best, score, type LinearModel } from './perceptron.js';
import type { PreparedWords } from './tagger.js';

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const ACTIONS = 3;

/** Most feature rows for one transition and for one label decision. */
export const PARSER_FEATURES = 96;
export const LABEL_FEATURES = 48;

const NONE_W = 0x77a1;
const ROOT_W = 0x4f03;
const NONE_T = 60;
const ROOT_T = 61;
const NONE_L = 90;

/** One sentence being parsed: stack, buffer front, arcs so far and what features read of them. */
export interface ParseState {
  /** Words in the sentence; index `n` is the root, at the end of the buffer. */
  n: number;
  stack: Int32Array;
  sp: number;
  /** Buffer front (n = only the root left). */
  b: number;
  heads: Int32Array;
  labels: Int32Array;
  /** Outermost and next-outermost children on each side (-1 none), their counts and label sets. */
  left1: Int32Array;
  left2: Int32Array;
  right1: Int32Array;
  right2: Int32Array;
  leftCount: Int32Array;
  rightCount: Int32Array;
  leftSetLo: Int32Array;
  leftSetHi: Int32Array;
  rightSetLo: Int32Array;
  rightSetHi: Int32Array;
}

/** A fresh state for `n` words. */
export function createState(n: number): ParseState {
  const size = n + 1;
  return {
    n,
    stack: new Int32Array(size),
    sp: 0,
    b: 0,
    heads: new Int32Array(size).fill(-1),
    labels: new Int32Array(size).fill(-1),
    left1: new Int32Array(size).fill(-1),
    left2: new Int32Array(size).fill(-1),
    right1: new Int32Array(size).fill(-1),
    right2: new Int32Array(size).fill(-1),
    leftCount: new Int32Array(size),
    rightCount: new Int32Array(size),
    leftSetLo: new Int32Array(size),
    leftSetHi: new Int32Array(size),
    rightSetLo: new Int32Array(size),
    rightSetHi: new Int32Array(size),
  };
}

export function isTerminal(s: ParseState): boolean {
  return s.b === s.n && s.sp === 0;
}

/** Marks the actions allowed in this state. */
export function validActions(s: ParseState, out: Uint8Array): void {
  out[SHIFT] = s.b < s.n ? 1 : 0;
  out[LEFT] = s.sp >= 1 && (s.b < s.n || s.sp === 1) ? 1 : 0;
  out[RIGHT] = s.sp >= 2 ? 1 : 0;
}

/** The head and dependent an arc action would join. */
export function arcOf(s: ParseState, action: number): { head: number; dep: number } {
  const dep = s.stack[s.sp - 1] as number;
  const head = action === LEFT ? s.b : (s.stack[s.sp - 2] as number);
  return { head, dep };
}

/** Applies an action; for an arc, `label` is the relation's class. */
export function apply(s: ParseState, action: number, label: number): void {
  if (action === SHIFT) {
    s.stack[s.sp++] = s.b++;
    return;
  }
  const dep = s.stack[s.sp - 1] as number;
  const head = action === LEFT ? s.b : (s.stack[s.sp - 2] as number);
  s.sp--;
  s.heads[dep] = head;
  s.labels[dep] = label;
  const bitLo = label < 32 ? 1 << label : 0;
  const bitHi = label >= 32 ? 1 << (label - 32) : 0;
  if (dep < head) {
    s.left2[head] = s.left1[head] as number;
    s.left1[head] = dep;
    s.leftCount[head] = (s.leftCount[head] as number) + 1;
    s.leftSetLo[head] = (s.leftSetLo[head] as number) | bitLo;
    s.leftSetHi[head] = (s.leftSetHi[head] as number) | bitHi;
  } else {
    s.right2[head] = s.right1[head] as number;
    s.right1[head] = dep;
    s.rightCount[head] = (s.rightCount[head] as number) + 1;
    s.rightSetLo[head] = (s.rightSetLo[head] as number) | bitLo;
    s.rightSetHi[head] = (s.rightSetHi[head] as number) | bitHi;
  }
}

/**
 * The dynamic oracle's cost of each action: gold arcs it makes unreachable (Goldberg & Nivre 2013,
 * arc-hybrid). `gold[i]` is word i's gold head, `n` for the root.
 */
export function actionCosts(s: ParseState, gold: Int32Array, out: Int32Array): void {
  const { n, b, sp, stack } = s;
  const s0 = sp >= 1 ? (stack[sp - 1] as number) : -1;
  const s1 = sp >= 2 ? (stack[sp - 2] as number) : -1;
  let s0ChildrenInBuffer = 0;
  if (s0 >= 0) for (let k = b; k < n; k++) if (gold[k] === s0) s0ChildrenInBuffer++;
  if (s0 >= 0) {
    const h = gold[s0] as number;
    out[LEFT] = s0ChildrenInBuffer + (h !== b && (h === s1 || h > b) ? 1 : 0);
    out[RIGHT] = s0ChildrenInBuffer + (h >= b ? 1 : 0);
  } else {
    out[LEFT] = 0;
    out[RIGHT] = 0;
  }
  let shiftCost = 0;
  if (b < n) {
    const hb = gold[b] as number;
    for (let j = 0; j < sp; j++) {
      const k = stack[j] as number;
      if (gold[k] === b) shiftCost++;
      if (j < sp - 1 && hb === k) shiftCost++;
    }
  }
  out[SHIFT] = shiftCost;
}

function distanceBucket(d: number): number {
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

/** Feature rows for the next transition. */
export function parserFeatures(s: ParseState, p: PreparedWords, tags: Int32Array, mask: number, rows: Int32Array): number {
  const n = s.n;
  const W = (x: number): number => (x < 0 ? NONE_W : x === n ? ROOT_W : (p.lower[x] as number));
  const T = (x: number): number => (x < 0 ? NONE_T : x === n ? ROOT_T : (tags[x] as number));
  const L = (x: number): number => (x < 0 ? NONE_L : (s.labels[x] as number));
  const at = (a: Int32Array, x: number): number => (x < 0 ? -1 : (a[x] as number));
  const sp = s.sp;
  const s0 = sp >= 1 ? (s.stack[sp - 1] as number) : -1;
  const s1 = sp >= 2 ? (s.stack[sp - 2] as number) : -1;
  const s2 = sp >= 3 ? (s.stack[sp - 3] as number) : -1;
  const b0 = s.b;
  const b1 = b0 + 1 <= n ? b0 + 1 : -1;
  const b2 = b0 + 2 <= n ? b0 + 2 : -1;
  const s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2t = T(s2);
  const b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2);
  const s0l1 = at(s.left1, s0), s0l2 = at(s.left2, s0), s0r1 = at(s.right1, s0), s0r2 = at(s.right2, s0);
  const b0l1 = b0 < n ? at(s.left1, b0) : -1, b0l2 = b0 < n ? at(s.left2, b0) : -1;
  const s1r1 = at(s.right1, s1), s1l1 = at(s.left1, s1);
  const s0l1t = T(s0l1), s0r1t = T(s0r1), b0l1t = T(b0l1), s1r1t = T(s1r1);
  const dist = s0 < 0 ? 8 : b0 === n ? 9 : distanceBucket(b0 - s0);
  const dist1 = s1 < 0 ? 8 : distanceBucket(s0 - s1);
  const s0vl = s0 < 0 ? 0 : (s.leftCount[s0] as number), s0vr = s0 < 0 ? 0 : (s.rightCount[s0] as number);
  const b0vl = b0 < n ? (s.leftCount[b0] as number) : 0;
  const s1vr = s1 < 0 ? 0 : (s.rightCount[s1] as number);
  let k = 0;
  const f = (t: number, a: number, b = 0, c = 0): void => {
    rows[k++] = feature(t, a, b, c, mask);
  };
  f(0, 0);
  // single words
  f(1, s0w); f(2, s0t); f(3, s0w, s0t);
  f(4, b0w); f(5, b0t); f(6, b0w, b0t);
  f(7, b1w); f(8, b1t); f(9, b1w, b1t);
  f(10, b2w); f(11, b2t); f(12, b2w, b2t);
  f(13, s1w); f(14, s1t); f(15, s1w, s1t); f(16, s2t);
  // pairs
  f(17, s0w * 31 + s0t, b0w, b0t); f(18, s0w, s0t, b0w); f(19, s0w, b0w, b0t); f(20, s0w, s0t, b0t);
  f(21, s0t, b0w, b0t); f(22, s0w, b0w); f(23, s0t, b0t); f(24, b0t, b1t);
  f(25, s1w, s0w); f(26, s1w, s1t, s0t); f(27, s1t, s0w, s0t); f(28, s1t, s0t);
  f(29, s1w, b0w); f(30, s1t, b0t); f(31, s0w, b1w); f(32, s0t, b1t);
  // triples
  f(33, b0t, b1t, b2t); f(34, s0t, b0t, b1t); f(35, s1t, s0t, b0t); f(36, s2t, s1t, s0t);
  f(37, s0t, s0l1t, b0t); f(38, s0t, s0r1t, b0t); f(39, s0t, b0t, b0l1t); f(40, s1t, s1r1t, s0t);
  f(41, s1t, s0t, b1t); f(42, s0w, b0t, b1t);
  // distance
  f(43, s0w, dist); f(44, s0t, dist); f(45, b0w, dist); f(46, b0t, dist); f(47, s0w * 7 + b0w, dist); f(48, s0t, b0t, dist);
  f(49, s1t, s0t, dist1); f(50, s1w, s0w, dist1);
  // valency
  f(51, s0w, s0vr); f(52, s0t, s0vr); f(53, s0w, s0vl); f(54, s0t, s0vl); f(55, b0w, b0vl); f(56, b0t, b0vl);
  f(57, s1t, s1vr); f(58, s1w, s1vr);
  // children
  f(59, W(s0l1)); f(60, s0l1t); f(61, L(s0l1)); f(62, W(s0r1)); f(63, s0r1t); f(64, L(s0r1));
  f(65, W(b0l1)); f(66, b0l1t); f(67, L(b0l1)); f(68, W(s0l2)); f(69, T(s0l2)); f(70, L(s0l2));
  f(71, W(s0r2)); f(72, T(s0r2)); f(73, L(s0r2)); f(74, W(b0l2)); f(75, T(b0l2)); f(76, L(b0l2));
  f(77, s0t, s0l1t, T(s0l2)); f(78, s0t, s0r1t, T(s0r2)); f(79, b0t, b0l1t, T(b0l2));
  f(80, L(s1r1), s1t, s0t); f(81, T(s1l1), s1t, s0t);
  // label sets
  const ls = (x: number, lo: Int32Array, hi: Int32Array): number => (x < 0 || x >= n ? 0 : ((lo[x] as number) * 65599) ^ (hi[x] as number));
  const s0ls = ls(s0, s.leftSetLo, s.leftSetHi), s0rs = ls(s0, s.rightSetLo, s.rightSetHi), b0ls = ls(b0, s.leftSetLo, s.leftSetHi);
  f(82, s0w, s0rs); f(83, s0t, s0rs); f(84, s0w, s0ls); f(85, s0t, s0ls); f(86, b0w, b0ls); f(87, b0t, b0ls);
  f(88, s0t, s0ls, b0t); f(89, s0t, s0rs, b0t); f(90, s1t, ls(s1, s.rightSetLo, s.rightSetHi), s0t);
  f(91, L(s0l1), s0t, b0t); f(92, L(b0l1), s0t, b0t); f(93, s0w, s0l1t, b0t);
  return k;
}

/** Feature rows for the relation of an arc from `head` to `dep` (head `n` is the root). */
export function labelFeatures(s: ParseState, p: PreparedWords, tags: Int32Array, head: number, dep: number, mask: number, rows: Int32Array): number {
  const n = s.n;
  const W = (x: number): number => (x < 0 ? NONE_W : x === n ? ROOT_W : (p.lower[x] as number));
  const T = (x: number): number => (x < 0 || x > n ? NONE_T : x === n ? ROOT_T : (tags[x] as number));
  const L = (x: number): number => (x < 0 ? NONE_L : (s.labels[x] as number));
  const dir = dep < head ? 1 : 2;
  const hw = W(head), ht = T(head), dw = W(dep), dt = T(dep);
  const dist = distanceBucket(Math.abs(head - dep)) * 4 + dir;
  const dl1 = s.left1[dep] as number, dr1 = s.right1[dep] as number, dl2 = s.left2[dep] as number;
  const hl1 = s.left1[head] ?? -1, hr1 = s.right1[head] ?? -1;
  const set = (x: number, lo: Int32Array, hi: Int32Array): number => (x >= n ? 0 : ((lo[x] as number) * 65599) ^ (hi[x] as number));
  const hls = set(head, s.leftSetLo, s.leftSetHi), hrs = set(head, s.rightSetLo, s.rightSetHi);
  const dls = set(dep, s.leftSetLo, s.leftSetHi), drs = set(dep, s.rightSetLo, s.rightSetHi);
  const dsuf = p.suffix[dep * 4 + 2] as number;
  const hsuf = head < n ? (p.suffix[head * 4 + 2] as number) : 0;
  let k = 0;
  const f = (t: number, a: number, b = 0, c = 0): void => {
    rows[k++] = feature(t + 200, a, b, c, mask);
  };
  f(0, dir);
  f(1, hw, dir); f(2, ht, dir); f(3, dw, dir); f(4, dt, dir); f(5, hw, ht, dir); f(6, dw, dt, dir);
  f(7, hw, dw, dir); f(8, ht, dt, dir); f(9, hw, dt, dir); f(10, ht, dw, dir); f(11, ht, dt, dist);
  f(12, dt, L(dl1), W(dl1)); f(13, dt, L(dr1)); f(14, dt, T(dl1), dir); f(15, dw, W(dl1)); f(16, dt, L(dl2), L(dl1));
  f(17, ht, hls, dir); f(18, ht, hrs, dir); f(19, dt, dls, dir); f(20, dt, drs, dir); f(21, dt, hls, ht);
  f(22, dt, T(dep - 1), T(dep + 1)); f(23, ht, T(head - 1), T(head + 1)); f(24, dt, ht, T(dep - 1));
  f(25, dsuf, dt, dir); f(26, hsuf, ht, dir); f(27, hw, dt, dls); f(28, L(hl1), ht, dt); f(29, L(hr1), ht, dt);
  f(30, W(dep - 1), dt, dir); f(31, W(dep + 1), dt, dir); f(32, ht, dt, dist * 16 + Math.min(s.leftCount[head] ?? 0, 5));
  f(33, hw, dls, dir); f(34, W(dl1), W(dep), ht);
  return k;
}

/** The parser's weight tables and relation names. */
export interface ParserModel {
  transitions: LinearModel;
  labels: LinearModel;
  /** Relation names by class; `root` is among them. */
  relations: readonly string[];
}

/** Heads (`-1` for the root) and relation classes of a sentence's words, given their tags. */
export function parseWords(model: ParserModel, p: PreparedWords, tags: Int32Array): { heads: Int32Array; labels: Int32Array } {
  const s = createState(p.n);
  const rows = new Int32Array(PARSER_FEATURES);
  const labelRows = new Int32Array(LABEL_FEATURES);
  const scores = new Float64Array(ACTIONS);
  const labelScores = new Float64Array(model.relations.length);
  const valid = new Uint8Array(ACTIONS);
  const rootLabel = model.relations.indexOf('root');
  while (!isTerminal(s)) {
    validActions(s, valid);
    const k = parserFeatures(s, p, tags, model.transitions.mask, rows);
    score(model.transitions, rows, k, scores);
    const action = best(scores, ACTIONS, valid);
    let label = -1;
    if (action !== SHIFT) {
      const { head, dep } = arcOf(s, action);
      if (head === s.n) label = rootLabel;
      else {
        const kl = labelFeatures(s, p, tags, head, dep, model.labels.mask, labelRows);
        score(model.labels, labelRows, kl, labelScores);
        labelScores[rootLabel] = -Infinity;
        label = best(labelScores, model.relations.length);
      }
    }
    apply(s, action, label);
  }
  const heads = s.heads.slice(0, p.n);
  for (let i = 0; i < p.n; i++) if (heads[i] === p.n) heads[i] = -1;
  return { heads, labels: s.labels.slice(0, p.n) };
}
