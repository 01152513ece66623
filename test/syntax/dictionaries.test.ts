/** The dictionaries that let the tagger and the labeller skip scoring: a form or arc enters only when one class nearly always wins. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dominantClass } from '../../src/stages/syntax/perceptron.js';
import { candidateSlot, learnLabelCandidates, learnLabelPrior } from '../../src/stages/syntax/parser.js';
import { learnTagDictionary, UPOS, type PreparedWords } from '../../src/stages/syntax/tagger.js';

test('a class enters a dictionary only when it was seen often enough and nearly always', () => {
  assert.equal(dominantClass(Int32Array.from([0, 200, 0]), 20, 0.995), 1);
  assert.equal(dominantClass(Int32Array.from([1, 199, 0]), 20, 0.995), 1);
  assert.equal(dominantClass(Int32Array.from([5, 195, 0]), 20, 0.995), null, 'a second class 2.5 % of the time');
  assert.equal(dominantClass(Int32Array.from([0, 10, 0]), 20, 0.995), null, 'too rare');
  assert.equal(dominantClass(new Int32Array(3), 20, 0.995), null, 'never seen');
});

test('the tag dictionary keeps forms with one tag and leaves ambiguous ones to the model', () => {
  const pairs: [string, number][] = [];
  for (let i = 0; i < 30; i++) pairs.push(['the', 4], ['patrol', i % 2 === 0 ? 1 : 2]);
  for (let i = 0; i < 5; i++) pairs.push(['corvette', 1]);
  assert.deepEqual(learnTagDictionary(pairs), { the: 4 });
});

test('label candidates list every relation seen in a slot; the prior is the commonest one', () => {
  const NOUN = UPOS.indexOf('NOUN');
  const VERB = UPOS.indexOf('VERB');
  // Two words: a noun before its verb head (root at index 2 = n). Labels 3, 3 and 5 over three sentences.
  const sentence = (label: number) => ({
    prepared: { n: 2 } as PreparedWords,
    goldHeads: Int32Array.from([1, 2]),
    goldLabels: Int32Array.from([label, 0]),
    taggings: [Int32Array.from([NOUN, VERB])],
  });
  const sentences = [sentence(3), sentence(5), sentence(3)];
  const slot = candidateSlot(Int32Array.from([NOUN, VERB]), 1, 0);
  assert.deepEqual([...(learnLabelCandidates(sentences, 8)[slot] ?? [])], [3, 5]);
  assert.equal(learnLabelPrior(sentences, 8)[slot], 3);
  // The reverse direction was never seen: no candidates there.
  assert.deepEqual([...(learnLabelCandidates(sentences, 8)[candidateSlot(Int32Array.from([VERB, NOUN]), 0, 1)] ?? [])], []);
});
