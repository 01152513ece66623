/**
 * Clauses of time opened by "after", "before", "since", "until" ("two days after Somalia closed its airspace"), and a
 * sentence that opens with such a clause before its main one ("A week after the militia shelled the port, the navy
 * blockaded the coast"). The tagger read the word as a preposition after a noun of time, the parser then hung the clause's
 * subject on that noun, and a fronted clause became the sentence's root; both are set right around the model.
 * Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { clauseMarkers, frontedClauses } from '../../src/stages/syntax/annotate.js';
import { UPOS } from '../../src/stages/syntax/tagger.js';
import type { SyntaxWord } from '../../src/core/doc.js';

function wordsOf(text: string): SyntaxWord[] {
  const sentence = segment(text)[0];
  assert.ok(sentence);
  return parseTokens(sentence.tokens ?? []).words;
}

/** The word's head as text ('ROOT' for the root), and its relation. */
function arc(words: readonly SyntaxWord[], text: string): string {
  const w = words.find((x) => x.text === text);
  assert.ok(w, text);
  return `${w.head < 0 ? 'ROOT' : words[w.head]?.text}:${w.deprel}`;
}

test('"N days after X verbed": X is the subject of the clause, which hangs on the main verb', () => {
  const words = wordsOf('The minister quit hours after the army seized the broadcaster.');
  assert.equal(arc(words, 'quit'), 'ROOT:root');
  assert.equal(arc(words, 'army'), 'seized:nsubj');
  assert.equal(arc(words, 'after'), 'seized:mark');
  assert.equal(arc(words, 'seized'), 'quit:advcl');
  const long = wordsOf('Kenya expelled a Somali attache on Monday over conduct "unworthy of his post," a day after Mogadishu sent a Kenyan official home.');
  assert.equal(arc(long, 'Mogadishu'), 'sent:nsubj');
  // the clause hangs on the main verb or, as the treebank also has it, on the noun of time
  assert.ok(['expelled:advcl', 'day:acl'].includes(arc(long, 'sent')), arc(long, 'sent'));
  assert.equal(arc(long, 'expelled'), 'ROOT:root');
});

test('a sentence that opens with a clause of time is rooted in its main clause', () => {
  const words = wordsOf('A week after the militia shelled the port, the navy blockaded the coast.');
  assert.equal(arc(words, 'blockaded'), 'ROOT:root');
  assert.equal(arc(words, 'navy'), 'blockaded:nsubj');
  assert.equal(arc(words, 'shelled'), 'blockaded:advcl');
  assert.equal(arc(words, 'militia'), 'shelled:nsubj');
});

test('the retagging needs a noun phrase running into a finite verb; the re-rooting a subject past the comma', () => {
  const tag = (name: string): number => UPOS.indexOf(name as (typeof UPOS)[number]);
  // "after the vote , ..." and "after months of talks": a preposition
  const phrase = Int32Array.from(['ADP', 'DET', 'NOUN', 'PUNCT', 'NOUN', 'VERB'].map(tag));
  assert.equal(clauseMarkers(['after', 'the', 'vote', ',', 'crowds', 'gathered'], phrase)[0], tag('ADP'));
  const partitive = Int32Array.from(['ADP', 'NOUN', 'ADP', 'NOUN', 'VERB'].map(tag));
  assert.equal(clauseMarkers(['after', 'months', 'of', 'talks', 'ended'], partitive)[0], tag('ADP'));
  // "since the border reopened": a clause
  const clause = Int32Array.from(['ADP', 'DET', 'NOUN', 'VERB'].map(tag));
  assert.equal(clauseMarkers(['since', 'the', 'border', 'reopened'], clause)[0], tag('SCONJ'));
  // "When it rained , fighting stopped ." rooted in "rained" with "stopped" (no subject of its own: "fighting" a conj) left as is
  const relations = ['root', 'mark', 'nsubj', 'punct', 'advcl', 'conj'];
  const rel = (name: string): number => relations.indexOf(name);
  const heads = Int32Array.from([2, 2, -1, 2, 2, 2, 2]);
  const labels = Int32Array.from(['mark', 'nsubj', 'root', 'punct', 'conj', 'advcl', 'punct'].map(rel));
  frontedClauses(['When', 'it', 'rained', ',', 'fighting', 'stopped', '.'], heads, labels, relations);
  assert.deepEqual([...heads], [2, 2, -1, 2, 2, 2, 2]);
});

test('a past participle between a count and its noun ("14 suspected recruiters") modifies the noun, keeping its VERB tag', () => {
  const words = wordsOf('Guards arrested 14 suspected al-Shabaab recruiters near the port.');
  assert.equal(arc(words, 'recruiters'), 'arrested:obj');
  assert.equal(arc(words, 'suspected'), 'recruiters:amod');
  assert.equal(words.find((w) => w.text === 'suspected')?.upos, 'VERB');
});

test('"re" and an irregular past the treebank never shows ("retook", "retaken") is the verb after its subject, with the prefixed lemma', () => {
  for (const text of ['The Chadian army retook Abeche Oasis from the rebels.', 'Kenyan police retook Garissa market hours later.']) {
    const words = wordsOf(text);
    const verb = words.find((w) => w.text === 'retook');
    assert.ok(verb, text);
    assert.equal(`${verb.upos} ${verb.lemma} ${verb.deprel}`, 'VERB retake root', text);
  }
  const tagsOf = (tags: readonly (typeof UPOS)[number][]): Int32Array => new Int32Array(tags.map((t) => UPOS.indexOf(t)));
  // after a noun it is the verb; after a determiner it is left as the tagger read it
  const kept = clauseMarkers(['The', 'rebound', 'retook', 'the', 'lead'], tagsOf(['DET', 'NOUN', 'NOUN', 'DET', 'NOUN']));
  assert.equal(UPOS[kept[2] as number], 'VERB');
  const after = clauseMarkers(['a', 'retook', 'x', 'the', 'lead'], tagsOf(['DET', 'NOUN', 'NOUN', 'DET', 'NOUN']));
  assert.equal(UPOS[after[1] as number], 'NOUN');
});

test('a participle of a person\'s state right after a verb ("arrested suspected spies") describes the noun, not a second verb', () => {
  const words = wordsOf('Police in Riga arrested suspected Belarusian agents on Monday.');
  assert.equal(arc(words, 'suspected'), 'agents:amod');
  assert.equal(arc(words, 'agents'), 'arrested:obj');
});

test('"about" or "around" tagged as a preposition right after a verb and before a count is retagged an adverb on the number', () => {
  const tag = (t: string): number => (UPOS as readonly string[]).indexOf(t);
  const forms = ['ordered', 'about', '1,000', 'troops'];
  const tags = Int32Array.from([tag('VERB'), tag('ADP'), tag('NUM'), tag('NOUN')]);
  assert.equal(UPOS[clauseMarkers(forms, tags)[1]!], 'ADV');
  // "talks about 12 new jets": no verb right before it, a preposition still
  const talks = Int32Array.from([tag('NOUN'), tag('ADP'), tag('NUM'), tag('NOUN')]);
  assert.equal(UPOS[clauseMarkers(['talks', 'about', '12', 'jets'], talks)[1]!], 'ADP');
});
