/** The tagger's tables are held as sparse rows once loaded; they must score exactly as the dense tables they were saved from. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeModel, encodeModel, type SyntaxModel } from '../../src/stages/syntax/model.js';
import { denseWeights, score, scoreSome, type LinearModel } from '../../src/stages/syntax/perceptron.js';

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
  assert.equal(loaded.parser.transitions.sparse, undefined, 'the transition table stays dense');
});

test('a model saved again from a loaded one is the same file', () => {
  const bytes = encodeModel(model());
  assert.deepEqual(encodeModel(decodeModel(bytes)), bytes);
});
