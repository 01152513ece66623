/**
 * A sentence that closes with an attribution (", the defence ministry in Kigali said on Monday.") is parsed as the treebank
 * annotates it: the verb of saying is the root with the attribution's noun for subject, and the clause before the comma is its
 * ccomp, parsed on its own so that no word of the attribution is read into it. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { closingAttribution } from '../../src/stages/syntax/annotate.js';
import { UPOS } from '../../src/stages/syntax/tagger.js';

function parse(text: string): { text: string; upos: string; head: number; deprel: string }[] {
  const sentence = segment(text)[0];
  assert.ok(sentence);
  return parseTokens(sentence.tokens ?? []).words;
}

test('the verb of a closing attribution is the root, its noun the subject, the clause before its ccomp', () => {
  const words = parse('Border guards detained two smugglers carrying rifles near the river, the interior ministry in Dushanbe said on Monday.');
  const at = (w: string): number => words.findIndex((x) => x.text === w);
  assert.equal(words[at('said')]?.head, -1);
  assert.equal(words[at('ministry')]?.head, at('said'));
  assert.equal(words[at('ministry')]?.deprel, 'nsubj');
  assert.equal(words[at('detained')]?.head, at('said'));
  assert.equal(words[at('detained')]?.deprel, 'ccomp');
  // no word of the clause hangs on the attribution's verb but the clause's root and the closing stop
  for (const [i, w] of words.entries()) if (w.head === at('said')) assert.ok(['detained', 'ministry', '.', 'on'].includes(w.text) || i > at('said'), w.text);
});

test('an attribution is found only after a clause with a verb, with a noun phrase between comma and verb', () => {
  const tag = (name: string): number => UPOS.indexOf(name as (typeof UPOS)[number]);
  const t = (...names: string[]): Int32Array => Int32Array.from(names.map(tag));
  // "Troops crossed the river , officials said ."
  assert.equal(closingAttribution(['Troops', 'crossed', 'the', 'river', ',', 'officials', 'said', '.'], t('NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT', 'NOUN', 'VERB', 'PUNCT')), 4);
  // "In the north , he said ." has no clause before the comma
  assert.equal(closingAttribution(['In', 'the', 'north', ',', 'he', 'said', '.'], t('ADP', 'DET', 'NOUN', 'PUNCT', 'PRON', 'VERB', 'PUNCT')), -1);
  // "Troops crossed the river , which officials said ." : a relative word is no noun phrase
  assert.equal(closingAttribution(['Troops', 'crossed', 'the', 'river', ',', 'which', 'officials', 'said', '.'], t('NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT', 'PRON', 'NOUN', 'VERB', 'PUNCT')), -1);
});
