/** Tree-role helpers on edge cases the pipeline meets: a pattern match that starts on no word of the tree. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SentenceSyntax } from '../src/core/doc.js';
import { chargeOver, wordAt } from '../src/stages/events/tree-roles.js';

const tree: SentenceSyntax = {
  sentence: 0,
  words: [
    { text: 'Chile', start: 0, end: 5, upos: 'PROPN', lemma: 'Chile', head: 1, deprel: 'nsubj' },
    { text: 'denied', start: 6, end: 12, upos: 'VERB', lemma: 'deny', head: -1, deprel: 'root' },
    { text: 'it', start: 13, end: 15, upos: 'PRON', lemma: 'it', head: 1, deprel: 'obj' },
  ],
};

test('a match that starts inside a word has no clause to be charged in (it threw before)', () => {
  const p = wordAt(tree, 8);
  assert.equal(p, -1);
  assert.equal(chargeOver(tree, p, new Set([1])), -1);
});
