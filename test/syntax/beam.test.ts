/** The beam parser's parts: keeping the best sequences, copying states, and whole parses that stay trees. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syntaxModel } from '../../src/stages/syntax/model.js';
import { apply, chooseCandidates, copyState, createBeam, createState, LEFT, parseWords, SHIFT } from '../../src/stages/syntax/parser.js';
import { prepareWords, tagWords } from '../../src/stages/syntax/tagger.js';

test('a beam keeps its best candidates, best first, and drops those too far behind', () => {
  const beam = createBeam(3, 15);
  const scores = [4, 9, -1, 7, 9.5, 2];
  scores.forEach((v, c) => (beam.candScore[c] = v));
  assert.equal(chooseCandidates(beam, scores.length), 3);
  assert.deepEqual(Array.from(beam.chosen.subarray(0, 3)), [4, 1, 3]);
  assert.equal(chooseCandidates(beam, scores.length, 1), 2, 'the third (7) trails the best (9.5) by more than 1');
  assert.equal(chooseCandidates(beam, scores.length, 0), 1);
});

test('a copied state is independent of the one it was copied from', () => {
  const a = createState(4, 15);
  apply(a, SHIFT, -1);
  const b = createState(4, 15);
  copyState(b, a);
  apply(b, LEFT, 3);
  assert.equal(a.heads[0], -1);
  assert.equal(b.heads[0], 1);
  assert.equal(b.labels[0], 3);
  assert.equal(a.sp, 1);
  assert.equal(b.sp, 0);
});

test('greedy and beam parses of our own sentences are trees with one root', () => {
  const model = syntaxModel();
  const sentences = [
    'The coast guard said on Monday it had intercepted a fishing boat carrying 40 migrants off the island.',
    'Officials in the port city confirmed that two cargo cranes, a tug and several containers were damaged by the storm.',
    'Rain.',
  ];
  for (const text of sentences) {
    const forms = text.replace(/([.,])/g, ' $1').split(/\s+/).filter(Boolean);
    const p = prepareWords(forms);
    const tags = tagWords(model.tagger, p, forms);
    for (const size of [1, 4]) {
      const { heads, labels } = parseWords(model.parser, p, tags, size);
      const roots = [...heads].filter((h) => h === -1).length;
      assert.equal(roots, 1, `one root with beam ${size}: ${text}`);
      for (let i = 0; i < forms.length; i++) {
        // following heads from any word reaches the root without a cycle
        let at = i;
        for (let steps = 0; at !== -1; steps++) {
          assert.ok(steps <= forms.length, `cycle through word ${i} with beam ${size}: ${text}`);
          at = heads[at] as number;
        }
        assert.ok((labels[i] as number) >= 0 && (labels[i] as number) < model.parser.relations.length);
      }
    }
  }
});
