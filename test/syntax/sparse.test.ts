/**
 * The tagger's and label model's tables are held as sparse rows once loaded, and must score exactly as
 * the dense tables they were saved from; the transition table is held as one-byte codes of its weights.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeModel, encodeModel, type SyntaxModel } from '../../src/stages/syntax/model.js';
import { denseWeights, levelCodes, score, score3Blocks, scoreSome, weightLevels, type LinearModel } from '../../src/stages/syntax/perceptron.js';

/** A table of `2^bits` rows, most weights zero, the rest whole numbers (as stored). */
function table(bits: number, classes: number, seed: number): LinearModel {
  const weights = new Float32Array((1 << bits) * classes);
  let x = seed;
  for (let i = 0; i < weights.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    if (((x >>> 8) & 7) === 0) weights[i] = ((x >> 16) % 3000) - 1000 * (i % 2);
  }
  // the largest magnitude fixes the int16 scale at 1, so stored weights equal these
  weights[0] = 32767;
  return { classes, mask: (1 << bits) - 1, weights };
}

function model(): SyntaxModel {
  return {
    tagger: { first: table(8, 17, 1), second: table(8, 17, 2) },
    parser: { transitions: table(8, 3, 3), labels: table(8, 5, 4), relations: ['root', 'nsubj', 'obj', 'obl', 'punct'] },
    lemmas: { rules: {}, exceptions: {} },
  };
}

test('loaded tagger tables are sparse rows that score as the saved dense tables do', () => {
  const saved = model();
  const loaded = decodeModel(encodeModel(saved));
  const rows = Int32Array.from([0, 5, 17, 17, 255, 128, 3, 64]);
  for (const name of ['first', 'second'] as const) {
    const dense = saved.tagger[name];
    const sparse = loaded.tagger[name];
    assert.ok(sparse.sparse, `tagger.${name} is held sparse`);
    assert.equal(sparse.weights.length, 0, 'without its dense copy');
    assert.deepEqual([...denseWeights(sparse)], [...dense.weights]);
    const want = new Float64Array(17);
    const got = new Float64Array(17);
    score(dense, rows, rows.length, want);
    score(sparse, rows, rows.length, got);
    assert.deepEqual([...got], [...want]);
    const classes = Int32Array.from([1, 4, 9, 16]);
    score(dense, rows, rows.length, want);
    scoreSome(sparse, rows, rows.length, classes, got);
    assert.deepEqual([...got.subarray(0, 4)], [...classes].map((c) => want[c]));
  }
  assert.equal(loaded.parser.transitions.sparse, undefined, 'the transition table is not held sparse');
});

test('a model saved again from a loaded one keeps every table but the coded one, and is then stable', () => {
  const bytes = encodeModel(model());
  const again = encodeModel(decodeModel(bytes));
  const loaded = decodeModel(again);
  const first = decodeModel(bytes);
  for (const name of ['first', 'second'] as const) assert.deepEqual([...denseWeights(loaded.tagger[name])], [...denseWeights(first.tagger[name])]);
  assert.deepEqual([...denseWeights(loaded.parser.labels)], [...denseWeights(first.parser.labels)]);
  // the transition weights come back as their levels, which code to themselves
  assert.deepEqual([...denseWeights(loaded.parser.transitions)], [...denseWeights(first.parser.transitions)]);
  assert.deepEqual(encodeModel(decodeModel(again)), again);
});

test('the transition table is held as one-byte codes of logarithmic levels, close to the stored weights', () => {
  const saved = model();
  const loaded = decodeModel(encodeModel(saved));
  const coded = loaded.parser.transitions;
  assert.ok(coded.coded, 'parser.transitions is held coded');
  assert.equal(coded.weights.length, 0, 'without its int16 copy');
  const levels = weightLevels();
  for (let i = 1; i < levels.length; i++) assert.ok((levels[i] as number) >= (levels[i - 1] as number), 'levels ascend');
  assert.equal(levels[0], -32767);
  assert.equal(levels[255], 32767);
  const stored = saved.parser.transitions.weights;
  const held = denseWeights(coded);
  for (let i = 0; i < stored.length; i++) {
    const w = stored[i] as number;
    const v = held[i] as number;
    if (w === 0) assert.equal(v, 0, `zero stays zero at ${i}`);
    else assert.ok(Math.abs(v - w) <= Math.max(1, 0.0625 * Math.abs(w)), `weight ${w} held as ${v}`);
  }
  // scoring reads the codes: the same sums as the levels spread out into a dense table
  const rows = Int32Array.from([0, 5, 17, 17, 255, 128, 3, 64]);
  const spread: LinearModel = { classes: 3, mask: coded.mask, weights: held };
  const want = new Float64Array(3);
  const got = new Float64Array(3);
  score(spread, rows, rows.length, want);
  score(coded, rows, rows.length, got);
  assert.deepEqual([...got], [...want]);
  // a beam step's blocks of rows score as each block alone
  const blocks = new Float64Array(6);
  score3Blocks(coded, Int32Array.from([...rows, 9, 10, 11, 0, 0, 0, 0, 0]), Int32Array.from([8, 3]), 2, 8, blocks);
  assert.deepEqual([...blocks.subarray(0, 3)], [...want]);
  score(spread, Int32Array.from([9, 10, 11]), 3, want);
  assert.deepEqual([...blocks.subarray(3, 6)], [...want]);
});

test('every int16 value gets the code of its nearest level', () => {
  const levels = weightLevels();
  const codeOf = levelCodes(levels);
  for (let v = -32768; v <= 32767; v += 7) {
    const held = levels[codeOf[v + 32768] as number] as number;
    const nearest = Math.min(...Array.from(levels, (l) => Math.abs(l - v)));
    assert.equal(Math.abs(held - v), nearest, `value ${v}`);
  }
});
