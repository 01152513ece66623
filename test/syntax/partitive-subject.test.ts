/**
 * "Hundreds of villagers gathered ...": a quantity with an "of" phrase as a subject, before an intransitive
 * past verb. The treebank has few such subjects, and the parser read the verb as a participle on the noun,
 * rooting the sentence in the quantity; the tree is set right after parsing. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { partitiveSubjects } from '../../src/stages/syntax/annotate.js';
import { UPOS } from '../../src/stages/syntax/tagger.js';

function rootAndSubject(text: string): { root: string | undefined; subject: string | undefined } {
  const sentence = segment(text)[0];
  assert.ok(sentence);
  const words = parseTokens(sentence.tokens ?? []).words;
  const root = words.findIndex((w) => w.head === -1);
  return { root: words[root]?.text, subject: words.find((w) => w.head === root && w.deprel === 'nsubj')?.text };
}

test('a quantity "of" a plural before a past verb is that verb\'s subject, and the verb the root', () => {
  assert.deepEqual(rootAndSubject('Hundreds of villagers gathered outside the governor\'s office on Tuesday.'), { root: 'gathered', subject: 'Hundreds' });
  assert.deepEqual(rootAndSubject('Three of the hijackers surrendered.'), { root: 'surrendered', subject: 'Three' });
});

test('the repair leaves a participle that is not the only verb, and an -ing participle, where the parser put them', () => {
  const tag = (name: string): number => UPOS.indexOf(name as (typeof UPOS)[number]);
  const relations = ['root', 'nmod', 'case', 'acl', 'nsubj', 'punct', 'aux', 'mark', 'advmod', 'obj'];
  const rel = (name: string): number => relations.indexOf(name);
  // "Dozens of men stranded there waited ." with "waited" a second verb outside the participle's phrase: no change
  const forms = ['Dozens', 'of', 'men', 'stranded', 'there', 'waited', '.'];
  const tags = Int32Array.from(['NOUN', 'ADP', 'NOUN', 'VERB', 'ADV', 'VERB', 'PUNCT'].map(tag));
  const heads = Int32Array.from([-1, 2, 0, 2, 3, 0, 0]);
  const labels = Int32Array.from(['root', 'case', 'nmod', 'acl', 'advmod', 'acl', 'punct'].map(rel));
  partitiveSubjects(forms, tags, heads, labels, relations);
  assert.deepEqual([...heads], [-1, 2, 0, 2, 3, 0, 0]);
  // "Dozens of men needing help ." : an -ing participle stays on its noun
  const ing = ['Dozens', 'of', 'men', 'needing', 'help', '.'];
  const ingHeads = Int32Array.from([-1, 2, 0, 2, 3, 0]);
  partitiveSubjects(ing, Int32Array.from(['NOUN', 'ADP', 'NOUN', 'VERB', 'NOUN', 'PUNCT'].map(tag)), ingHeads, Int32Array.from(['root', 'case', 'nmod', 'acl', 'obj', 'punct'].map(rel)), relations);
  assert.deepEqual([...ingHeads], [-1, 2, 0, 2, 3, 0]);
});
