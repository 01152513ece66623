/**
 * A participle that opens a sentence, or follows a dateline's dash, before a noun phrase and its verb
 * modifies the noun ("Stranded fishermen waited"): the treebank has no such opening, so the tagger's
 * verb reading is corrected before parsing. So is an -ing word after a determiner and a name ("the Allenby crossing"),
 * which heads its noun phrase. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { determinedIngNouns, openingParticiples } from '../../src/stages/syntax/annotate.js';
import { UPOS } from '../../src/stages/syntax/tagger.js';

function rootAndTag(text: string, word: string): { root: string | undefined; upos: string | undefined } {
  const sentence = segment(text)[0];
  assert.ok(sentence);
  const words = parseTokens(sentence.tokens ?? []).words;
  return { root: words.find((w) => w.head === -1)?.text, upos: words.find((w) => w.text === word)?.upos };
}

test('an opening participle before a noun and its verb is an adjective, and the verb is the root', () => {
  assert.deepEqual(rootAndTag('Stranded fishermen waited for rescue boats.', 'Stranded'), { root: 'waited', upos: 'ADJ' });
  assert.deepEqual(rootAndTag('KANO (Wire) - Suspected bandits abducted 30 pupils from a school.', 'Suspected'), { root: 'abducted', upos: 'ADJ' });
});

test('a participle that is the verb keeps its tag', () => {
  const tag = (name: string): number => UPOS.indexOf(name as (typeof UPOS)[number]);
  const forms = ['Troops', 'crossed', 'the', 'river'];
  const tags = Int32Array.from([tag('NOUN'), tag('VERB'), tag('DET'), tag('NOUN')]);
  assert.deepEqual([...openingParticiples(forms, tags)], [tag('NOUN'), tag('VERB'), tag('DET'), tag('NOUN')]);
  // "Deployed troops" with no verb after the noun phrase: nothing to change
  const alone = Int32Array.from([tag('VERB'), tag('NOUN'), tag('PUNCT')]);
  assert.deepEqual([...openingParticiples(['Deployed', 'troops', '.'], alone)], [tag('VERB'), tag('NOUN'), tag('PUNCT')]);
});

test('an opening present participle before plural people, with a phrase of their own, is an adjective', () => {
  assert.deepEqual(rootAndTag('Striking nurses from two clinics blocked the ring road.', 'Striking'), { root: 'blocked', upos: 'ADJ' });
  assert.deepEqual(rootAndTag('Fleeing families crossed into Chad overnight.', 'Fleeing'), { root: 'crossed', upos: 'ADJ' });
});

test('an opening gerund with its object and a singular verb stays a verb', () => {
  const tag = (name: string): number => UPOS.indexOf(name as (typeof UPOS)[number]);
  const forms = ['Shelling', 'hospitals', 'is', 'a', 'crime'];
  const tags = Int32Array.from([tag('VERB'), tag('NOUN'), tag('AUX'), tag('DET'), tag('NOUN')]);
  assert.equal(openingParticiples(forms, tags)[0], tag('VERB'));
});

test('an -ing word after a determiner and a name heads the noun phrase; after a common noun it stays a participle', () => {
  const sentence = (text: string) => parseTokens(segment(text)[0]!.tokens ?? []).words;
  const crossing = sentence('Jordan closed the Allenby crossing to protect its staff.').find((w) => w.text === 'crossing');
  assert.equal(crossing?.upos, 'NOUN');
  assert.equal(crossing?.deprel, 'obj');
  const tag = (name: string): number => UPOS.indexOf(name as (typeof UPOS)[number]);
  const forms = ['the', 'men', 'crossing', 'the', 'river'];
  const tags = Int32Array.from([tag('DET'), tag('NOUN'), tag('VERB'), tag('DET'), tag('NOUN')]);
  assert.equal(determinedIngNouns(forms, tags)[2], tag('VERB'));
});
