/**
 * The arcs that event and transfer coding read, on wire-copy sentences of our own: subject, object,
 * passive agent, recipient "to", reported speech, purpose and relative clauses, conjoined objects
 * with their numbers, names with titles and appositions, possessives and clitics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SentenceSyntax } from '../../src/core/doc.js';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { baseRelation, conjuncts, describeTree, isPassive } from '../../src/stages/syntax/tree.js';

function parse(text: string): SentenceSyntax {
  const sentences = segment(text);
  assert.equal(sentences.length, 1, `one sentence in ${text}`);
  return parseTokens(sentences[0]?.tokens ?? []);
}

/** Index of the only word written `text` (the first when `nth` is not given). */
function at(s: SentenceSyntax, text: string, nth = 0): number {
  const found = s.words.flatMap((w, i) => (w.text === text ? [i] : []));
  const i = found[nth];
  assert.ok(i !== undefined, `no "${text}" in ${describeTree(s)}`);
  return i;
}

/** Asserts `dep` hangs from `head` with `relation` (a relation without a subtype accepts any subtype). */
function arc(s: SentenceSyntax, head: string, relation: string, dep: string): void {
  const d = at(s, dep);
  const w = s.words[d]!;
  const want = head === 'ROOT' ? -1 : at(s, head);
  const isRelation = relation.includes(':') ? w.deprel === relation : baseRelation(w.deprel) === relation;
  assert.ok(w.head === want && isRelation, `expected ${head} -${relation}-> ${dep}, tree: ${describeTree(s)}`);
}

void test('subject and object of an active verb', () => {
  const s = parse('The navy commissioned two new patrol boats on Thursday.');
  arc(s, 'ROOT', 'root', 'commissioned');
  arc(s, 'commissioned', 'nsubj', 'navy');
  arc(s, 'commissioned', 'obj', 'boats');
  arc(s, 'boats', 'nummod', 'two');
});

void test('a passive: the victim is the passive subject, the attacker the agent', () => {
  const s = parse('Three soldiers were wounded by a roadside bomb near the border.');
  arc(s, 'wounded', 'nsubj:pass', 'soldiers');
  arc(s, 'wounded', 'aux:pass', 'were');
  arc(s, 'wounded', 'obl:agent', 'bomb');
  assert.ok(isPassive(s, at(s, 'wounded')));
});

void test('a passive without an agent, the cause in an oblique', () => {
  const s = parse('Four fighters were killed in an airstrike on Sunday.');
  arc(s, 'killed', 'nsubj:pass', 'fighters');
  arc(s, 'killed', 'obl', 'airstrike');
});

void test('the recipient after "to" hangs from the verb of giving', () => {
  const cases: Array<[string, string, string, string]> = [
    ['Germany delivered 14 howitzers to Ukraine.', 'delivered', 'howitzers', 'Ukraine'],
    ['France sent two ships to Greece.', 'sent', 'ships', 'Greece'],
    ['Russia has sent armored vehicles to Tajikistan.', 'sent', 'vehicles', 'Tajikistan'],
  ];
  for (const [text, verb, item, recipient] of cases) {
    const s = parse(text);
    arc(s, verb, 'obj', item);
    arc(s, verb, 'obl', recipient);
    arc(s, recipient, 'case', 'to');
  }
});

void test('reported speech: the claim is a complement of the speech verb', () => {
  const s = parse('The foreign ministry said the talks would resume next week.');
  arc(s, 'said', 'nsubj', 'ministry');
  arc(s, 'said', 'ccomp', 'resume');
  arc(s, 'resume', 'nsubj', 'talks');
});

void test('a purpose clause is not the main action', () => {
  const s = parse('The army moved artillery north to protect the capital.');
  arc(s, 'ROOT', 'root', 'moved');
  arc(s, 'moved', 'advcl', 'protect');
  arc(s, 'protect', 'mark', 'to');
  arc(s, 'protect', 'obj', 'capital');
});

void test('a relative clause describes its noun', () => {
  const s = parse('The rebels fired rockets that can strike targets deep inside the region.');
  arc(s, 'fired', 'obj', 'rockets');
  arc(s, 'rockets', 'acl:relcl', 'strike');
  arc(s, 'strike', 'nsubj', 'that');
  arc(s, 'strike', 'aux', 'can');
});

void test('conjoined objects keep their own numbers', () => {
  const s = parse('The ministry ordered 24 tanks and 40 armored vehicles.');
  arc(s, 'ordered', 'obj', 'tanks');
  arc(s, 'tanks', 'conj', 'vehicles');
  arc(s, 'tanks', 'nummod', '24');
  arc(s, 'vehicles', 'nummod', '40');
  assert.deepEqual(conjuncts(s, at(s, 'vehicles')), [at(s, 'tanks'), at(s, 'vehicles')]);
});

void test('a title before a name belongs to the name, which is the subject', () => {
  const s = parse('Defense Minister Maria Ortega visited the base on Monday.');
  const subject = s.words.findIndex((w) => w.deprel === 'nsubj');
  assert.ok(['Maria', 'Ortega'].includes(s.words[subject]?.text ?? ''), describeTree(s));
  assert.equal(s.words[subject]?.head, at(s, 'visited'), describeTree(s));
  const minister = s.words[at(s, 'Minister')]!;
  assert.ok(['Maria', 'Ortega'].includes(s.words[minister.head]?.text ?? ''), describeTree(s));
});

void test('an apposition between commas names the same person', () => {
  const s = parse('Anna Berg, a spokeswoman for the coast guard, declined to comment on the report.');
  arc(s, 'Anna', 'appos', 'spokeswoman');
  arc(s, 'declined', 'nsubj', 'Anna');
  arc(s, 'declined', 'xcomp', 'comment');
});

void test('a possessive and a negated auxiliary are words of their own', () => {
  const s = parse("Norway's coast guard didn't board the trawler.");
  assert.deepEqual(
    s.words.map((w) => w.text),
    ['Norway', "'s", 'coast', 'guard', 'did', "n't", 'board', 'the', 'trawler', '.'],
  );
  arc(s, 'guard', 'nmod:poss', 'Norway');
  arc(s, 'Norway', 'case', "'s");
  arc(s, 'board', 'nsubj', 'guard');
  arc(s, 'board', 'advmod', "n't");
  assert.equal(s.words[at(s, 'did')]?.lemma, 'do');
});

void test('money, designations and hyphenated words split as the treebank splits them, spans kept', () => {
  const text = 'The package is worth $1.1 billion and includes F-16s and S-400 launchers.';
  const s = parse(text);
  assert.deepEqual(
    s.words.map((w) => w.text),
    ['The', 'package', 'is', 'worth', '$', '1.1', 'billion', 'and', 'includes', 'F', '-', '16s', 'and', 'S', '-', '400', 'launchers', '.'],
  );
  for (const w of s.words) assert.equal(text.slice(w.start, w.end), w.text);
  arc(s, 'package', 'det', 'The');
  arc(s, '$', 'nummod', 'billion');
  assert.equal(s.words[at(s, 'launchers')]?.lemma, 'launcher');
});
