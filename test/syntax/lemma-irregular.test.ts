/**
 * Irregular verb forms the treebank never shows get their base form from the list of English
 * irregular verbs, not a non-word from the suffix rules; forms the treebank does show keep its lemma.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { lemmatize } from '../../src/stages/syntax/lemma.js';
import { irregularBase } from '../../src/stages/syntax/irregular-verbs.js';
import { syntaxModel } from '../../src/stages/syntax/model.js';

test('irregular past forms as verbs take their base form', () => {
  const lemmas = syntaxModel().lemmas;
  const cases: [string, string][] = [
    ['fled', 'flee'],
    ['slain', 'slay'],
    ['sank', 'sink'],
    ['sunk', 'sink'],
    ['swore', 'swear'],
    ['misled', 'mislead'],
    ['dug', 'dig'],
    ['shook', 'shake'],
    ['tore', 'tear'],
    ['overran', 'overrun'],
  ];
  for (const [form, base] of cases) assert.equal(lemmatize(lemmas, form, 'VERB'), base, form);
  // capitalised at the start of a sentence
  assert.equal(lemmatize(lemmas, 'Fled', 'VERB'), 'flee');
});

test('the list leaves other parts of speech, regular verbs and ambiguous forms alone', () => {
  const lemmas = syntaxModel().lemmas;
  assert.equal(lemmatize(lemmas, 'shot', 'NOUN'), 'shot');
  assert.equal(lemmatize(lemmas, 'deployed', 'VERB'), 'deploy');
  assert.equal(irregularBase('wound'), undefined, 'wound: the past of wind, or to injure');
  assert.equal(irregularBase('found'), undefined, 'found: the past of find, or to establish');
  assert.equal(irregularBase('lay'), undefined, 'lay: the past of lie, or to put down');
  assert.equal(irregularBase('flee'), undefined, 'a base form is not looked up');
});

test('a parsed sentence carries the base form of its irregular verb', () => {
  const sentence = segment('Hundreds of villagers fled across the river after the dam burst.')[0];
  assert.ok(sentence);
  const words = parseTokens(sentence.tokens ?? []).words;
  const fled = words.find((w) => w.text === 'fled');
  assert.equal(fled?.upos, 'VERB');
  assert.equal(fled?.lemma, 'flee');
});
