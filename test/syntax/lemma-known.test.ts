/**
 * The lemmatiser checks a suffix rule's output against the lemmas the treebank holds: where a rule
 * makes a word that is no lemma ("patrolled" -> "patroll", by the rule that serves "cancelled" ->
 * "cancel"), the regular stem that is a known lemma wins. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { learnLemmas, lemmatize, type LemmaModel } from '../../src/stages/syntax/lemma.js';
import { syntaxModel } from '../../src/stages/syntax/model.js';

/** A tiny treebank whose one "-lled" verb teaches "-lled" -> "-l" and whose "-bed" verbs teach "-bed" -> "-be". */
function tinyModel(): LemmaModel {
  const entries: [string, string, string][] = [];
  for (let i = 0; i < 4; i++) {
    entries.push(['labelled', 'VERB', 'label'], ['described', 'VERB', 'describe'], ['subscribed', 'VERB', 'subscribe']);
  }
  entries.push(['drill', 'NOUN', 'drill'], ['climb', 'VERB', 'climb'], ['quick', 'ADJ', 'quick']);
  return learnLemmas(entries);
}

test('a rule that makes a non-lemma gives way to a regular stem the treebank holds', () => {
  const model = tinyModel();
  assert.equal(lemmatize(model, 'labelled', 'VERB'), 'label', 'a learned form keeps its lemma');
  assert.equal(lemmatize(model, 'drilled', 'VERB'), 'drill', '-lled -> -l would make "dril"');
  assert.equal(lemmatize(model, 'climbed', 'VERB'), 'climb', '-bed -> -be would make "climbe"');
  assert.equal(lemmatize(model, 'quicker', 'ADJ'), 'quick');
  assert.equal(lemmatize(model, 'drills', 'NOUN'), 'drill');
});

test('with no known stem, or in a model without the list, the rule stands', () => {
  const model = tinyModel();
  assert.equal(lemmatize(model, 'grabbed', 'VERB'), 'grabbe', 'no stem of "grabbed" is a known lemma');
  const older: LemmaModel = { rules: model.rules, exceptions: model.exceptions };
  assert.equal(lemmatize(older, 'drilled', 'VERB'), 'dril');
  // names and other tags are not checked
  assert.equal(lemmatize(model, 'Drilled', 'PROPN'), 'Drilled');
});

test('the known lemmas are the lower-case lemmas of common words, sorted', () => {
  const words = tinyModel().words?.split('\n');
  assert.deepEqual(words, ['climb', 'describe', 'drill', 'label', 'quick', 'subscribe']);
});

test('verbs of force in news get their base form', () => {
  const lemmas = syntaxModel().lemmas;
  const cases: [string, string][] = [
    ['bombed', 'bomb'],
    ['shelled', 'shell'],
    ['patrolled', 'patrol'],
    ['shelling', 'shell'],
    ['deployed', 'deploy'],
    ['seized', 'seize'],
  ];
  for (const [form, base] of cases) assert.equal(lemmatize(lemmas, form, 'VERB'), base, form);
});

test('a parsed sentence carries the regular stem', () => {
  const sentence = segment('Gunboats patrolled the lagoon while artillery shelled a ridge to the north.')[0];
  assert.ok(sentence);
  const words = parseTokens(sentence.tokens ?? []).words;
  assert.equal(words.find((w) => w.text === 'patrolled')?.lemma, 'patrol');
  assert.equal(words.find((w) => w.text === 'shelled')?.lemma, 'shell');
});
