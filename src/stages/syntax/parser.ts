/**
 * The dependency parser: arc-hybrid transitions (shift, left-arc, right-arc; the root at the end of
 * the buffer, one root per sentence), scored by an averaged perceptron over rich non-local
 * features (Zhang & Nivre 2011: valency, label sets, distance), labels by a second one. Greedy,
 * or (a model with `beam`) a beam of sequences with the transitions trained globally, the beam
 * narrowed where the best sequence leads by `beamMargin`.
 */
import { featureValues, hashRows, mix } from './hash.js';
import { best, dominantClass, score, score3Blocks, scoreSome, type LinearModel } from './perceptron.js';
import { CLUSTER_PARTS, UPOS, type PreparedWords } from './tagger.js';

/** This module's own bindings to the shared feature values (see hashRows). */
const va = featureValues.a;
const vb = featureValues.b;
const vc = featureValues.c;

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const ACTIONS = 3;

/** Most feature rows for one transition and for one label decision. */
export const PARSER_FEATURES = 128;
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
  /** Room for this many words (the arrays below hold `capacity + 1` entries). */
  capacity: number;
  /** One block holding every array below (views into it), so a state is copied in one call. */
  block: Int32Array;
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

/** Arrays in a state's block: stack, then the six set to -1 when empty, then the six set to 0. */
const STATE_ARRAYS = 13;

/** A fresh state for `n` words (room for `capacity`, at least `n`). */
export function createState(n: number, capacity = n): ParseState {
  const size = Math.max(n, capacity) + 1;
  const block = new Int32Array(size * STATE_ARRAYS);
  const view = (i: number): Int32Array => block.subarray(i * size, (i + 1) * size);
  const s: ParseState = {
    n,
    capacity: size - 1,
    block,
    stack: view(0),
    sp: 0,
    b: 0,
    heads: view(1),
    labels: view(2),
    left1: view(3),
    left2: view(4),
    right1: view(5),
    right2: view(6),
    leftCount: view(7),
    rightCount: view(8),
    leftSetLo: view(9),
    leftSetHi: view(10),
    rightSetLo: view(11),
    rightSetHi: view(12),
  };
  return resetState(s, n);
}

/**
 * A state for `n` words, reusing `previous`'s block when it has room (parsing is synchronous, one
 * sentence at a time).
 */
export function resetState(previous: ParseState | null, n: number): ParseState {
  if (!previous || previous.capacity < n) return createState(n, Math.max(n, 63));
  const s = previous;
  const size = s.capacity + 1;
  s.n = n;
  s.sp = 0;
  s.b = 0;
  s.block.fill(-1, size, 7 * size);
  s.block.fill(0, 7 * size);
  return s;
}

/** Makes `to` a copy of `from` (same capacity). */
export function copyState(to: ParseState, from: ParseState): void {
  to.block.set(from.block);
  to.n = from.n;
  to.sp = from.sp;
  to.b = from.b;
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

function wordAt(p: PreparedWords, n: number, x: number): number {
  return x < 0 || x > n ? NONE_W : x === n ? ROOT_W : (p.lower[x] as number);
}

function tagAt(tags: Int32Array, n: number, x: number): number {
  return x < 0 || x > n ? NONE_T : x === n ? ROOT_T : (tags[x] as number);
}

function labelAt(s: ParseState, x: number): number {
  return x < 0 ? NONE_L : (s.labels[x] as number);
}

function suffixAt(p: PreparedWords, n: number, x: number): number {
  return x < 0 || x >= n ? NONE_W : (p.suffix[x * 4 + 2] as number);
}

/** A word's cluster part (0: 4-bit prefix, 1: 6-bit prefix, 2: whole bit string); placeholders outside the sentence and for the root. */
function clusterAt(p: PreparedWords, n: number, x: number, part: number): number {
  return x < 0 || x > n ? NONE_W + part : x === n ? ROOT_W + part : (p.cluster[x * CLUSTER_PARTS + part] as number);
}

function childAt(a: Int32Array, x: number): number {
  return x < 0 ? -1 : (a[x] as number);
}

/** A word's set of child relations on one side, as one number (0 for none or the root). */
function labelSet(s: ParseState, x: number, lo: Int32Array, hi: Int32Array): number {
  return x < 0 || x >= s.n ? 0 : (Math.imul(lo[x] as number, 65599) ^ (hi[x] as number)) | 0;
}

/** Feature rows for the next transition. */
export function parserFeatures(s: ParseState, p: PreparedWords, tags: Int32Array, mask: number, rows: Int32Array): number {
  const n = s.n;
  const sp = s.sp;
  const s0 = sp >= 1 ? (s.stack[sp - 1] as number) : -1;
  const s1 = sp >= 2 ? (s.stack[sp - 2] as number) : -1;
  const s2 = sp >= 3 ? (s.stack[sp - 3] as number) : -1;
  const b0 = s.b;
  const b1 = b0 + 1 <= n ? b0 + 1 : -1;
  const b2 = b0 + 2 <= n ? b0 + 2 : -1;
  const s0w = wordAt(p, n, s0), s0t = tagAt(tags, n, s0), s1w = wordAt(p, n, s1), s1t = tagAt(tags, n, s1), s2t = tagAt(tags, n, s2);
  const b0w = wordAt(p, n, b0), b0t = tagAt(tags, n, b0), b1w = wordAt(p, n, b1), b1t = tagAt(tags, n, b1), b2w = wordAt(p, n, b2), b2t = tagAt(tags, n, b2);
  const s0l1 = childAt(s.left1, s0), s0l2 = childAt(s.left2, s0), s0r1 = childAt(s.right1, s0), s0r2 = childAt(s.right2, s0);
  const b0l1 = b0 < n ? childAt(s.left1, b0) : -1, b0l2 = b0 < n ? childAt(s.left2, b0) : -1;
  const s1r1 = childAt(s.right1, s1), s1l1 = childAt(s.left1, s1);
  const s0l1t = tagAt(tags, n, s0l1), s0r1t = tagAt(tags, n, s0r1), b0l1t = tagAt(tags, n, b0l1), s1r1t = tagAt(tags, n, s1r1);
  const dist = s0 < 0 ? 8 : b0 === n ? 9 : distanceBucket(b0 - s0);
  const dist1 = s1 < 0 ? 8 : distanceBucket(s0 - s1);
  const s0vl = s0 < 0 ? 0 : (s.leftCount[s0] as number), s0vr = s0 < 0 ? 0 : (s.rightCount[s0] as number);
  const b0vl = b0 < n ? (s.leftCount[b0] as number) : 0;
  const s1vr = s1 < 0 ? 0 : (s.rightCount[s1] as number);
  let k = 0;
  const off = 0;
  { va[k] = 0; vb[k] = 0; vc[k] = 0; k++; }
  // single words
  { va[k] = s0w; vb[k] = 0; vc[k] = 0; k++; } { va[k] = s0t; vb[k] = 0; vc[k] = 0; k++; } { va[k] = s0w; vb[k] = s0t; vc[k] = 0; k++; }
  { va[k] = b0w; vb[k] = 0; vc[k] = 0; k++; } { va[k] = b0t; vb[k] = 0; vc[k] = 0; k++; } { va[k] = b0w; vb[k] = b0t; vc[k] = 0; k++; }
  { va[k] = b1w; vb[k] = 0; vc[k] = 0; k++; } { va[k] = b1t; vb[k] = 0; vc[k] = 0; k++; } { va[k] = b1w; vb[k] = b1t; vc[k] = 0; k++; }
  { va[k] = b2w; vb[k] = 0; vc[k] = 0; k++; } { va[k] = b2t; vb[k] = 0; vc[k] = 0; k++; } { va[k] = b2w; vb[k] = b2t; vc[k] = 0; k++; }
  { va[k] = s1w; vb[k] = 0; vc[k] = 0; k++; } { va[k] = s1t; vb[k] = 0; vc[k] = 0; k++; } { va[k] = s1w; vb[k] = s1t; vc[k] = 0; k++; } { va[k] = s2t; vb[k] = 0; vc[k] = 0; k++; }
  // pairs
  { va[k] = s0w * 31 + s0t; vb[k] = b0w; vc[k] = b0t; k++; } { va[k] = s0w; vb[k] = s0t; vc[k] = b0w; k++; } { va[k] = s0w; vb[k] = b0w; vc[k] = b0t; k++; } { va[k] = s0w; vb[k] = s0t; vc[k] = b0t; k++; }
  { va[k] = s0t; vb[k] = b0w; vc[k] = b0t; k++; } { va[k] = s0w; vb[k] = b0w; vc[k] = 0; k++; } { va[k] = s0t; vb[k] = b0t; vc[k] = 0; k++; } { va[k] = b0t; vb[k] = b1t; vc[k] = 0; k++; }
  { va[k] = s1w; vb[k] = s0w; vc[k] = 0; k++; } { va[k] = s1w; vb[k] = s1t; vc[k] = s0t; k++; } { va[k] = s1t; vb[k] = s0w; vc[k] = s0t; k++; } { va[k] = s1t; vb[k] = s0t; vc[k] = 0; k++; }
  { va[k] = s1w; vb[k] = b0w; vc[k] = 0; k++; } { va[k] = s1t; vb[k] = b0t; vc[k] = 0; k++; } { va[k] = s0w; vb[k] = b1w; vc[k] = 0; k++; } { va[k] = s0t; vb[k] = b1t; vc[k] = 0; k++; }
  // triples
  { va[k] = b0t; vb[k] = b1t; vc[k] = b2t; k++; } { va[k] = s0t; vb[k] = b0t; vc[k] = b1t; k++; } { va[k] = s1t; vb[k] = s0t; vc[k] = b0t; k++; } { va[k] = s2t; vb[k] = s1t; vc[k] = s0t; k++; }
  { va[k] = s0t; vb[k] = s0l1t; vc[k] = b0t; k++; } { va[k] = s0t; vb[k] = s0r1t; vc[k] = b0t; k++; } { va[k] = s0t; vb[k] = b0t; vc[k] = b0l1t; k++; } { va[k] = s1t; vb[k] = s1r1t; vc[k] = s0t; k++; }
  { va[k] = s1t; vb[k] = s0t; vc[k] = b1t; k++; } { va[k] = s0w; vb[k] = b0t; vc[k] = b1t; k++; }
  // distance
  { va[k] = s0w; vb[k] = dist; vc[k] = 0; k++; } { va[k] = s0t; vb[k] = dist; vc[k] = 0; k++; } { va[k] = b0w; vb[k] = dist; vc[k] = 0; k++; } { va[k] = b0t; vb[k] = dist; vc[k] = 0; k++; } { va[k] = s0w * 7 + b0w; vb[k] = dist; vc[k] = 0; k++; } { va[k] = s0t; vb[k] = b0t; vc[k] = dist; k++; }
  { va[k] = s1t; vb[k] = s0t; vc[k] = dist1; k++; } { va[k] = s1w; vb[k] = s0w; vc[k] = dist1; k++; }
  // valency
  { va[k] = s0w; vb[k] = s0vr; vc[k] = 0; k++; } { va[k] = s0t; vb[k] = s0vr; vc[k] = 0; k++; } { va[k] = s0w; vb[k] = s0vl; vc[k] = 0; k++; } { va[k] = s0t; vb[k] = s0vl; vc[k] = 0; k++; } { va[k] = b0w; vb[k] = b0vl; vc[k] = 0; k++; } { va[k] = b0t; vb[k] = b0vl; vc[k] = 0; k++; }
  { va[k] = s1t; vb[k] = s1vr; vc[k] = 0; k++; } { va[k] = s1w; vb[k] = s1vr; vc[k] = 0; k++; }
  // children
  { va[k] = wordAt(p, n, s0l1); vb[k] = 0; vc[k] = 0; k++; } { va[k] = s0l1t; vb[k] = 0; vc[k] = 0; k++; } { va[k] = labelAt(s, s0l1); vb[k] = 0; vc[k] = 0; k++; } { va[k] = wordAt(p, n, s0r1); vb[k] = 0; vc[k] = 0; k++; } { va[k] = s0r1t; vb[k] = 0; vc[k] = 0; k++; } { va[k] = labelAt(s, s0r1); vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = wordAt(p, n, b0l1); vb[k] = 0; vc[k] = 0; k++; } { va[k] = b0l1t; vb[k] = 0; vc[k] = 0; k++; } { va[k] = labelAt(s, b0l1); vb[k] = 0; vc[k] = 0; k++; } { va[k] = wordAt(p, n, s0l2); vb[k] = 0; vc[k] = 0; k++; } { va[k] = tagAt(tags, n, s0l2); vb[k] = 0; vc[k] = 0; k++; } { va[k] = labelAt(s, s0l2); vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = wordAt(p, n, s0r2); vb[k] = 0; vc[k] = 0; k++; } { va[k] = tagAt(tags, n, s0r2); vb[k] = 0; vc[k] = 0; k++; } { va[k] = labelAt(s, s0r2); vb[k] = 0; vc[k] = 0; k++; } { va[k] = wordAt(p, n, b0l2); vb[k] = 0; vc[k] = 0; k++; } { va[k] = tagAt(tags, n, b0l2); vb[k] = 0; vc[k] = 0; k++; } { va[k] = labelAt(s, b0l2); vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = s0t; vb[k] = s0l1t; vc[k] = tagAt(tags, n, s0l2); k++; } { va[k] = s0t; vb[k] = s0r1t; vc[k] = tagAt(tags, n, s0r2); k++; } { va[k] = b0t; vb[k] = b0l1t; vc[k] = tagAt(tags, n, b0l2); k++; }
  { va[k] = labelAt(s, s1r1); vb[k] = s1t; vc[k] = s0t; k++; } { va[k] = tagAt(tags, n, s1l1); vb[k] = s1t; vc[k] = s0t; k++; }
  // label sets
  const s0ls = labelSet(s, s0, s.leftSetLo, s.leftSetHi), s0rs = labelSet(s, s0, s.rightSetLo, s.rightSetHi), b0ls = labelSet(s, b0, s.leftSetLo, s.leftSetHi);
  { va[k] = s0w; vb[k] = s0rs; vc[k] = 0; k++; } { va[k] = s0t; vb[k] = s0rs; vc[k] = 0; k++; } { va[k] = s0w; vb[k] = s0ls; vc[k] = 0; k++; } { va[k] = s0t; vb[k] = s0ls; vc[k] = 0; k++; } { va[k] = b0w; vb[k] = b0ls; vc[k] = 0; k++; } { va[k] = b0t; vb[k] = b0ls; vc[k] = 0; k++; }
  { va[k] = s0t; vb[k] = s0ls; vc[k] = b0t; k++; } { va[k] = s0t; vb[k] = s0rs; vc[k] = b0t; k++; } { va[k] = s1t; vb[k] = labelSet(s, s1, s.rightSetLo, s.rightSetHi); vc[k] = s0t; k++; }
  { va[k] = labelAt(s, s0l1); vb[k] = s0t; vc[k] = b0t; k++; } { va[k] = labelAt(s, b0l1); vb[k] = s0t; vc[k] = b0t; k++; } { va[k] = s0w; vb[k] = s0l1t; vc[k] = b0t; k++; }
  // prepositional attachment: the marker already hanging from b0 ("to" of "to Ukraine") with the verb or noun it may attach to
  const b0l1w = wordAt(p, n, b0l1);
  { va[k] = s1w; vb[k] = b0l1w; vc[k] = 0; k++; } { va[k] = s0w; vb[k] = b0l1w; vc[k] = 0; k++; } { va[k] = s1t; vb[k] = s0t; vc[k] = b0l1w; k++; }
  { va[k] = b0l1w; vb[k] = b0w; vc[k] = 0; k++; } { va[k] = s1w * 31 + s0w; vb[k] = b0l1w; vc[k] = 0; k++; } { va[k] = s1w; vb[k] = b0l1w; vc[k] = b0w; k++; }
  // unknown words: suffixes with the tag
  { va[k] = suffixAt(p, n, b0); vb[k] = b0t; vc[k] = 0; k++; } { va[k] = suffixAt(p, n, s0); vb[k] = s0t; vc[k] = 0; k++; }
  // word clusters (Koo et al. 2008): the words' cluster strings and their prefixes, alone and with the other word's tag or cluster
  const s0c = clusterAt(p, n, s0, 2), b0c = clusterAt(p, n, b0, 2), b1c = clusterAt(p, n, b1, 2), s1c = clusterAt(p, n, s1, 2);
  const s0c4 = clusterAt(p, n, s0, 0), b0c4 = clusterAt(p, n, b0, 0), s1c4 = clusterAt(p, n, s1, 0), b1c4 = clusterAt(p, n, b1, 0);
  const s0c6 = clusterAt(p, n, s0, 1), b0c6 = clusterAt(p, n, b0, 1), s1c6 = clusterAt(p, n, s1, 1);
  { va[k] = s0c; vb[k] = s0t; vc[k] = 0; k++; } { va[k] = b0c; vb[k] = b0t; vc[k] = 0; k++; } { va[k] = b1c; vb[k] = b1t; vc[k] = 0; k++; } { va[k] = s1c; vb[k] = s1t; vc[k] = 0; k++; }
  { va[k] = s0c4; vb[k] = b0c4; vc[k] = 0; k++; } { va[k] = s0c6; vb[k] = b0c6; vc[k] = 0; k++; } { va[k] = s0c; vb[k] = b0t; vc[k] = 0; k++; } { va[k] = s0t; vb[k] = b0c; vc[k] = 0; k++; }
  { va[k] = s1c4; vb[k] = s0c4; vc[k] = 0; k++; } { va[k] = s1c6; vb[k] = s0c6; vc[k] = 0; k++; } { va[k] = s0c6; vb[k] = b0c6; vc[k] = dist; k++; } { va[k] = b0c4; vb[k] = b1c4; vc[k] = 0; k++; }
  { va[k] = s0w; vb[k] = b0c6; vc[k] = 0; k++; } { va[k] = s0c6; vb[k] = b0w; vc[k] = 0; k++; } { va[k] = s1c6; vb[k] = b0l1w; vc[k] = b0c6; k++; } { va[k] = s0c6; vb[k] = b0l1w; vc[k] = b0c6; k++; }
  hashRows(off, k, mask, rows);
  return k;
}

/** Feature rows for the relation of an arc from `head` to `dep` (head `n` is the root). */
export function labelFeatures(s: ParseState, p: PreparedWords, tags: Int32Array, head: number, dep: number, mask: number, rows: Int32Array): number {
  const n = s.n;
  const dir = dep < head ? 1 : 2;
  const hw = wordAt(p, n, head), ht = tagAt(tags, n, head), dw = wordAt(p, n, dep), dt = tagAt(tags, n, dep);
  const dist = distanceBucket(Math.abs(head - dep)) * 4 + dir;
  const dl1 = s.left1[dep] as number, dr1 = s.right1[dep] as number, dl2 = s.left2[dep] as number;
  const hl1 = s.left1[head] ?? -1, hr1 = s.right1[head] ?? -1;
  const hls = labelSet(s, head, s.leftSetLo, s.leftSetHi), hrs = labelSet(s, head, s.rightSetLo, s.rightSetHi);
  const dls = labelSet(s, dep, s.leftSetLo, s.leftSetHi), drs = labelSet(s, dep, s.rightSetLo, s.rightSetHi);
  const dsuf = p.suffix[dep * 4 + 2] as number;
  const hsuf = head < n ? (p.suffix[head * 4 + 2] as number) : 0;
  let k = 0;
  const off = 200;
  { va[k] = dir; vb[k] = 0; vc[k] = 0; k++; }
  { va[k] = hw; vb[k] = dir; vc[k] = 0; k++; } { va[k] = ht; vb[k] = dir; vc[k] = 0; k++; } { va[k] = dw; vb[k] = dir; vc[k] = 0; k++; } { va[k] = dt; vb[k] = dir; vc[k] = 0; k++; } { va[k] = hw; vb[k] = ht; vc[k] = dir; k++; } { va[k] = dw; vb[k] = dt; vc[k] = dir; k++; }
  { va[k] = hw; vb[k] = dw; vc[k] = dir; k++; } { va[k] = ht; vb[k] = dt; vc[k] = dir; k++; } { va[k] = hw; vb[k] = dt; vc[k] = dir; k++; } { va[k] = ht; vb[k] = dw; vc[k] = dir; k++; } { va[k] = ht; vb[k] = dt; vc[k] = dist; k++; }
  { va[k] = dt; vb[k] = labelAt(s, dl1); vc[k] = wordAt(p, n, dl1); k++; } { va[k] = dt; vb[k] = labelAt(s, dr1); vc[k] = 0; k++; } { va[k] = dt; vb[k] = tagAt(tags, n, dl1); vc[k] = dir; k++; } { va[k] = dw; vb[k] = wordAt(p, n, dl1); vc[k] = 0; k++; } { va[k] = dt; vb[k] = labelAt(s, dl2); vc[k] = labelAt(s, dl1); k++; }
  { va[k] = ht; vb[k] = hls; vc[k] = dir; k++; } { va[k] = ht; vb[k] = hrs; vc[k] = dir; k++; } { va[k] = dt; vb[k] = dls; vc[k] = dir; k++; } { va[k] = dt; vb[k] = drs; vc[k] = dir; k++; } { va[k] = dt; vb[k] = hls; vc[k] = ht; k++; }
  { va[k] = dt; vb[k] = tagAt(tags, n, dep - 1); vc[k] = tagAt(tags, n, dep + 1); k++; } { va[k] = ht; vb[k] = tagAt(tags, n, head - 1); vc[k] = tagAt(tags, n, head + 1); k++; } { va[k] = dt; vb[k] = ht; vc[k] = tagAt(tags, n, dep - 1); k++; }
  { va[k] = dsuf; vb[k] = dt; vc[k] = dir; k++; } { va[k] = hsuf; vb[k] = ht; vc[k] = dir; k++; } { va[k] = hw; vb[k] = dt; vc[k] = dls; k++; } { va[k] = labelAt(s, hl1); vb[k] = ht; vc[k] = dt; k++; } { va[k] = labelAt(s, hr1); vb[k] = ht; vc[k] = dt; k++; }
  { va[k] = wordAt(p, n, dep - 1); vb[k] = dt; vc[k] = dir; k++; } { va[k] = wordAt(p, n, dep + 1); vb[k] = dt; vc[k] = dir; k++; } { va[k] = ht; vb[k] = dt; vc[k] = dist * 16 + Math.min(s.leftCount[head] ?? 0, 5); k++; }
  { va[k] = hw; vb[k] = dls; vc[k] = dir; k++; } { va[k] = wordAt(p, n, dl1); vb[k] = wordAt(p, n, dep); vc[k] = ht; k++; }
  { va[k] = hw; vb[k] = wordAt(p, n, dl1); vc[k] = dir; k++; } { va[k] = ht; vb[k] = wordAt(p, n, dl1); vc[k] = dt; k++; }
  hashRows(off, k, mask, rows);
  return k;
}

/**
 * Arcs whose relation the words alone settle: the dependent's form and tag, the head's tag and the
 * direction ("the" DET under a NOUN is `det`, "," PUNCT is `punct`). Learned from the treebank
 * (`learnLabelDictionary`); such arcs are labelled without scoring, almost half of all arcs.
 */
export type LabelDictionary = Map<number, number>;

/** The key of an arc in the label dictionary. */
export function labelKey(p: PreparedWords, tags: Int32Array, head: number, dep: number): number {
  return mix(mix(mix(p.lower[dep] as number, (tags[dep] as number) + 1), (tags[head] as number) + 1), dep < head ? 1 : 2);
}

/** How often, and how nearly always with one relation, an arc key must occur to be settled. */
const LABEL_DICTIONARY_MIN_COUNT = 20;
const LABEL_DICTIONARY_MIN_SHARE = 0.995;

/** Learns the label dictionary from gold arcs (root arcs left out: their label is fixed). */
export function learnLabelDictionary(
  sentences: Iterable<{ prepared: PreparedWords; goldTags: Int32Array; goldHeads: Int32Array; goldLabels: Int32Array }>,
  classes: number,
): LabelDictionary {
  const counts = new Map<number, Int32Array>();
  for (const s of sentences) {
    for (let dep = 0; dep < s.prepared.n; dep++) {
      const head = s.goldHeads[dep] as number;
      if (head >= s.prepared.n) continue;
      const key = labelKey(s.prepared, s.goldTags, head, dep);
      let c = counts.get(key);
      if (!c) counts.set(key, (c = new Int32Array(classes)));
      const label = s.goldLabels[dep] as number;
      c[label] = (c[label] as number) + 1;
    }
  }
  const out: LabelDictionary = new Map();
  for (const key of [...counts.keys()].sort((a, b) => a - b)) {
    const top = dominantClass(counts.get(key) as Int32Array, LABEL_DICTIONARY_MIN_COUNT, LABEL_DICTIONARY_MIN_SHARE);
    if (top !== null) out.set(key, top);
  }
  return out;
}

/**
 * The relations seen in training between a dependent and a head with these tags in this direction
 * (with gold tags and with the tagger's jackknifed ones); the label model chooses among them.
 */
export type LabelCandidates = Int32Array[];

/** The slot of an arc in the label candidates. */
export function candidateSlot(tags: Int32Array, head: number, dep: number): number {
  return ((tags[dep] as number) * UPOS.length + (tags[head] as number)) * 2 + (dep < head ? 0 : 1);
}

/** Gold arcs with the taggings to count each under (gold tags, and the jackknifed tags the parser sees). */
type TaggedGoldArcs = Iterable<{ prepared: PreparedWords; goldHeads: Int32Array; goldLabels: Int32Array; taggings: Int32Array[] }>;

/** How often each relation labels a gold arc, by candidate slot (dependent tag, head tag, direction), once per tagging. */
function countSlotLabels(sentences: TaggedGoldArcs, classes: number): Int32Array[] {
  const counts = Array.from({ length: UPOS.length * UPOS.length * 2 }, () => new Int32Array(classes));
  for (const s of sentences) {
    for (let dep = 0; dep < s.prepared.n; dep++) {
      const head = s.goldHeads[dep] as number;
      if (head >= s.prepared.n) continue;
      for (const tags of s.taggings) {
        const c = counts[candidateSlot(tags, head, dep)] as Int32Array;
        c[s.goldLabels[dep] as number] = (c[s.goldLabels[dep] as number] as number) + 1;
      }
    }
  }
  return counts;
}

/** Learns the label candidates from gold arcs, once with each tagging given: every relation seen in a slot. */
export function learnLabelCandidates(sentences: TaggedGoldArcs, classes: number): LabelCandidates {
  return countSlotLabels(sentences, classes).map((c) => Int32Array.from(Array.from(c).flatMap((v, k) => (v > 0 ? [k] : []))));
}

/** The parser's weight tables and relation names. */
export interface ParserModel {
  transitions: LinearModel;
  labels: LinearModel;
  /** Relation names by class; `root` is among them. */
  relations: readonly string[];
  /** Arcs labelled without scoring (absent in models trained before it). */
  labelDictionary?: LabelDictionary;
  /** Relations to choose among, by tags and direction (absent: all). */
  labelCandidates?: LabelCandidates;
  /** Transition sequences kept while parsing (absent or 1: greedy). */
  beam?: number;
  /** While decoding, sequences this far behind the best are dropped (in the weights' units; absent: none). */
  beamMargin?: number;
  /** The commonest relation by candidate slot: the quick labels beam states carry (see quickLabel). */
  labelPrior?: Int32Array;
}

/** Scratch arrays reused from sentence to sentence (parsing is synchronous). */
const scratch = {
  rows: new Int32Array(PARSER_FEATURES),
  labelRows: new Int32Array(LABEL_FEATURES),
  scores: new Float64Array(ACTIONS),
  labelScores: new Float64Array(64),
  valid: new Uint8Array(ACTIONS),
  state: null as ParseState | null,
  actions: new Int32Array(256),
};

/** The relation of an arc: the dictionary's, or the label model's best (never `root`). */
export function chooseLabel(model: ParserModel, s: ParseState, p: PreparedWords, tags: Int32Array, head: number, dep: number, rootLabel: number): number {
  if (head === s.n) return rootLabel;
  const known = model.labelDictionary?.get(labelKey(p, tags, head, dep));
  if (known !== undefined) return known;
  const classes = model.relations.length;
  if (scratch.labelScores.length < classes) scratch.labelScores = new Float64Array(classes);
  const labelScores = scratch.labelScores;
  const candidates = model.labelCandidates?.[candidateSlot(tags, head, dep)];
  if (candidates?.length === 1) return candidates[0] as number;
  const kl = labelFeatures(s, p, tags, head, dep, model.labels.mask, scratch.labelRows);
  if (candidates && candidates.length > 1) {
    scoreSome(model.labels, scratch.labelRows, kl, candidates, labelScores);
    return candidates[best(labelScores, candidates.length)] as number;
  }
  score(model.labels, scratch.labelRows, kl, labelScores);
  labelScores[rootLabel] = -Infinity;
  return best(labelScores, classes);
}

/**
 * A beam of parse states for one sentence: the `size` best-scoring transition sequences so far.
 * Arc-hybrid makes exactly 2n transitions for n words, so every sequence ends at the same step.
 */
export interface Beam {
  size: number;
  /** States in the beam (`count` of them), and the pool the next step is built in. */
  states: ParseState[];
  next: ParseState[];
  count: number;
  /** Summed transition scores of the states. */
  scores: Float64Array;
  nextScores: Float64Array;
  /** Candidate moves of one step: parent state, action, total score. */
  candParent: Int32Array;
  candAction: Int32Array;
  candScore: Float64Array;
  /** The chosen candidates of one step, best first (indices into the candidate arrays). */
  chosen: Int32Array;
  /** Score lead over the best sequence beyond which a sequence is dropped (Infinity: none). */
  margin: number;
  /** Steps taken, and for each step and state its parent in the step before and its action. */
  step: number;
  trailParent: Int32Array;
  trailAction: Int32Array;
}

/** A beam of `size` for sentences of up to `capacity` words. */
export function createBeam(size: number, capacity: number): Beam {
  return {
    size,
    states: Array.from({ length: size }, () => createState(capacity)),
    next: Array.from({ length: size }, () => createState(capacity)),
    count: 0,
    scores: new Float64Array(size),
    nextScores: new Float64Array(size),
    candParent: new Int32Array(size * ACTIONS),
    candAction: new Int32Array(size * ACTIONS),
    candScore: new Float64Array(size * ACTIONS),
    chosen: new Int32Array(size),
    margin: Infinity,
    step: 0,
    trailParent: new Int32Array(2 * (capacity + 1) * size),
    trailAction: new Int32Array(2 * (capacity + 1) * size),
  };
}

/** Starts a beam on a sentence of `n` words (a new beam when this one lacks room). */
export function startBeam(beam: Beam | null, size: number, n: number): Beam {
  const b = beam && beam.size === size && (beam.states[0] as ParseState).capacity >= n ? beam : createBeam(size, Math.max(n, 63));
  resetState(b.states[0] as ParseState, n);
  b.scores[0] = 0;
  b.count = 1;
  b.step = 0;
  return b;
}

/**
 * Picks the best `beam.size` of `m` candidates into `beam.chosen` (best first; ties keep the
 * earlier candidate) and returns how many were picked.
 */
export function chooseCandidates(beam: Beam, m: number, margin = Infinity): number {
  const { chosen, candScore } = beam;
  let kept = 0;
  for (let c = 0; c < m; c++) {
    const v = candScore[c] as number;
    if (kept === beam.size && v <= (candScore[chosen[kept - 1] as number] as number)) continue;
    let j = kept < beam.size ? kept++ : kept - 1;
    while (j > 0 && (candScore[chosen[j - 1] as number] as number) < v) {
      chosen[j] = chosen[j - 1] as number;
      j--;
    }
    chosen[j] = c;
  }
  // sequences too far behind the best are dropped (the beam narrows where the parse is clear)
  const floor = (candScore[chosen[0] as number] as number) - margin;
  while (kept > 1 && (candScore[chosen[kept - 1] as number] as number) < floor) kept--;
  return kept;
}

/** Feature rows of every state in a beam step, `PARSER_FEATURES` apart, and their counts. */
const beamRows = { rows: new Int32Array(0), counts: new Int32Array(0), sums: new Float64Array(0) };

/**
 * One step of beam search: scores every state's valid moves (`onScored` sees each state's
 * feature rows, for training), keeps the best `size` successors. All states' rows are found
 * first and their weights touched together, so the memory misses of the whole beam overlap.
 * Arcs get quick labels when the model has a label prior (see quickLabel), else the label
 * model's, greedily, as in greedy parsing.
 */
export function beamStep(
  model: ParserModel,
  beam: Beam,
  p: PreparedWords,
  tags: Int32Array,
  rootLabel: number,
  onScored: ((state: number, rows: Int32Array, k: number) => void) | null = null,
): void {
  const { rows, valid } = scratch;
  const { candParent, candAction, candScore } = beam;
  const F = PARSER_FEATURES;
  if (beamRows.counts.length < beam.size) {
    beamRows.rows = new Int32Array(beam.size * F);
    beamRows.counts = new Int32Array(beam.size);
    beamRows.sums = new Float64Array(beam.size * 3);
  }
  const all = beamRows.rows;
  const counts = beamRows.counts;
  const mask = model.transitions.mask;
  for (let i = 0; i < beam.count; i++) {
    const s = beam.states[i] as ParseState;
    validActions(s, valid);
    if ((valid[SHIFT] as number) + (valid[LEFT] as number) + (valid[RIGHT] as number) === 1) {
      counts[i] = 0;
    } else {
      const k = parserFeatures(s, p, tags, mask, rows);
      all.set(rows, i * F); // whole scratch rows (no subarray to allocate); only the first k count
      counts[i] = k;
    }
    onScored?.(i, rows, counts[i] as number);
  }
  const sums = beamRows.sums;
  score3Blocks(model.transitions, all, counts, beam.count, F, sums);
  let m = 0;
  for (let i = 0; i < beam.count; i++) {
    const s = beam.states[i] as ParseState;
    const base = beam.scores[i] as number;
    validActions(s, valid);
    const sh = sums[i * 3] as number;
    const le = sums[i * 3 + 1] as number;
    const ri = sums[i * 3 + 2] as number;
    if (valid[SHIFT]) {
      candParent[m] = i;
      candAction[m] = SHIFT;
      candScore[m++] = base + sh;
    }
    if (valid[LEFT]) {
      candParent[m] = i;
      candAction[m] = LEFT;
      candScore[m++] = base + le;
    }
    if (valid[RIGHT]) {
      candParent[m] = i;
      candAction[m] = RIGHT;
      candScore[m++] = base + ri;
    }
  }
  const kept = chooseCandidates(beam, m, beam.margin);
  for (let j = 0; j < kept; j++) {
    const c = beam.chosen[j] as number;
    const parent = beam.states[candParent[c] as number] as ParseState;
    const action = candAction[c] as number;
    let label = -1;
    if (action !== SHIFT) {
      const dep = parent.stack[parent.sp - 1] as number;
      const head = action === LEFT ? parent.b : (parent.stack[parent.sp - 2] as number);
      label = model.labelPrior ? quickLabel(model, p, tags, head, dep, rootLabel) : chooseLabel(model, parent, p, tags, head, dep, rootLabel);
    }
    const to = beam.next[j] as ParseState;
    copyState(to, parent);
    apply(to, action, label);
    beam.nextScores[j] = candScore[c] as number;
    beam.trailParent[beam.step * beam.size + j] = candParent[c] as number;
    beam.trailAction[beam.step * beam.size + j] = action;
  }
  beam.step++;
  const states = beam.states;
  beam.states = beam.next;
  beam.next = states;
  const sc = beam.scores;
  beam.scores = beam.nextScores;
  beam.nextScores = sc;
  beam.count = kept;
}

/** Beams kept for reuse, by size and by room (sentences up to 31, 47, 63... words). */
const beamPool = new Map<number, Beam>();

/** Beam search: the best-scoring complete parse among `size` kept at each step. */
function parseBeam(model: ParserModel, p: PreparedWords, tags: Int32Array, size: number): ParseState {
  // room in steps of 16 words: a state copy moves only a little more than the sentence needs
  const room = Math.max(31, ((p.n >> 4) + 1) * 16 - 1);
  const poolKey = size * 4096 + room;
  let beam = beamPool.get(poolKey) ?? null;
  if (!beam) beamPool.set(poolKey, (beam = createBeam(size, room)));
  startBeam(beam, size, p.n);
  beam.margin = model.beamMargin ?? Infinity;
  const rootLabel = model.relations.indexOf('root');
  for (let step = 0; step < 2 * p.n; step++) beamStep(model, beam, p, tags, rootLabel);
  return model.labelPrior ? relabel(model, beam, p, tags, rootLabel) : (beam.states[0] as ParseState);
}

/**
 * The best sequence of a finished beam replayed with the label model's relations (the beam
 * itself carried quick labels): each arc labelled in the order it was made, as in greedy parsing.
 */
function relabel(model: ParserModel, beam: Beam, p: PreparedWords, tags: Int32Array, rootLabel: number): ParseState {
  const steps = beam.step;
  if (scratch.actions.length < steps) scratch.actions = new Int32Array(steps * 2);
  const actions = scratch.actions;
  let j = 0;
  for (let t = steps - 1; t >= 0; t--) {
    actions[t] = beam.trailAction[t * beam.size + j] as number;
    j = beam.trailParent[t * beam.size + j] as number;
  }
  const s = (scratch.state = resetState(scratch.state, p.n));
  for (let t = 0; t < steps; t++) {
    const action = actions[t] as number;
    applyLabelled(model, s, p, tags, action, rootLabel);
  }
  return s;
}

/**
 * The relation a beam state carries for an arc, for the transition features that read relations:
 * the label dictionary's, else the commonest relation for the two tags and the direction (no
 * scoring). The chosen parse is labelled by the label model afterwards (relabel).
 */
export function quickLabel(model: ParserModel, p: PreparedWords, tags: Int32Array, head: number, dep: number, rootLabel: number): number {
  if (head === p.n) return rootLabel;
  const known = model.labelDictionary?.get(labelKey(p, tags, head, dep));
  if (known !== undefined) return known;
  return model.labelPrior?.[candidateSlot(tags, head, dep)] ?? 0;
}

/** The commonest relation for each candidate slot (dependent tag, head tag, direction), from gold arcs with each tagging. */
export function learnLabelPrior(sentences: TaggedGoldArcs, classes: number): Int32Array {
  const counts = countSlotLabels(sentences, classes);
  return Int32Array.from(counts, (c) => {
    let top = 0;
    for (let i = 1; i < c.length; i++) if ((c[i] as number) > (c[top] as number)) top = i;
    return top;
  });
}

/** Applies an action, an arc with the relation the label model chooses for it (the arc read as arcOf does, without an object). */
function applyLabelled(model: ParserModel, s: ParseState, p: PreparedWords, tags: Int32Array, action: number, rootLabel: number): void {
  let label = -1;
  if (action !== SHIFT) {
    const dep = s.stack[s.sp - 1] as number;
    const head = action === LEFT ? s.b : (s.stack[s.sp - 2] as number);
    label = chooseLabel(model, s, p, tags, head, dep, rootLabel);
  }
  apply(s, action, label);
}

/** Heads (`-1` for the root) and relation classes of a sentence's words, given their tags. */
export function parseWords(model: ParserModel, p: PreparedWords, tags: Int32Array, beamSize = model.beam ?? 1): { heads: Int32Array; labels: Int32Array } {
  const s = beamSize > 1 ? parseBeam(model, p, tags, beamSize) : greedyParse(model, p, tags);
  const heads = s.heads.slice(0, p.n);
  for (let i = 0; i < p.n; i++) if (heads[i] === p.n) heads[i] = -1;
  return { heads, labels: s.labels.slice(0, p.n) };
}

function greedyParse(model: ParserModel, p: PreparedWords, tags: Int32Array): ParseState {
  const s = (scratch.state = resetState(scratch.state, p.n));
  const { rows, scores, valid } = scratch;
  const rootLabel = model.relations.indexOf('root');
  while (!isTerminal(s)) {
    validActions(s, valid);
    let action: number;
    if ((valid[SHIFT] as number) + (valid[LEFT] as number) + (valid[RIGHT] as number) === 1) {
      // one move possible (empty stack, or only the root left in the buffer): no need to score
      action = valid[SHIFT] ? SHIFT : valid[LEFT] ? LEFT : RIGHT;
    } else {
      const k = parserFeatures(s, p, tags, model.transitions.mask, rows);
      score(model.transitions, rows, k, scores);
      action = best(scores, ACTIONS, valid);
    }
    applyLabelled(model, s, p, tags, action, rootLabel);
  }
  return s;
}
