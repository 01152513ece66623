/**
 * A relative clause set off by commas after a noun ("Estonia, which borders Russia, has asked ...") describes that noun: its
 * verb hangs on the noun as acl:relcl, and the noun stays the subject of the main verb. A full sentence whose first verb is a
 * past form after its subject ("the army and the rebels agreed to ...") is rooted in that verb, not read as a noun phrase with a
 * reduced relative. A name before "last month" is no compound of the time noun. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { describeTree } from '../../src/stages/syntax/tree.js';
import { commaRelatives, nounRootedClauses } from '../../src/stages/syntax/annotate.js';
import { UPOS } from '../../src/stages/syntax/tagger.js';

function parse(text: string): ReturnType<typeof parseTokens> {
  const sentences = segment(text);
  assert.equal(sentences.length, 1, `one sentence in ${text}`);
  return parseTokens(sentences[0]?.tokens ?? []);
}

void test('a "which" clause after a name hangs on the name, which keeps its own verb', () => {
  const s = parse('Lithuania, which borders the Russian exclave of Kaliningrad, has asked its allies for more air defences.');
  const borders = s.words.find((w) => w.text === 'borders');
  const lithuania = s.words.find((w) => w.text === 'Lithuania');
  assert.ok(borders && lithuania, describeTree(s));
  assert.equal(s.words[borders.head]?.text, 'Lithuania', describeTree(s));
  assert.equal(borders.deprel, 'acl:relcl', describeTree(s));
  assert.equal(s.words[lithuania.head]?.text, 'asked', describeTree(s));
  assert.equal(lithuania.deprel, 'nsubj', describeTree(s));
});

const RELATIONS = ['root', 'nsubj', 'obj', 'acl:relcl', 'advcl', 'punct', 'flat', 'vocative', 'aux', 'det', 'nsubj:pass', 'aux:pass', 'csubj', 'obl'];
const at = (r: string): number => RELATIONS.indexOf(r);
const tagsOf = (...tags: (typeof UPOS)[number][]): Int32Array => Int32Array.from(tags, (t) => UPOS.indexOf(t));

void test('a misread relative clause moves onto the noun, and the noun takes the clause\'s old place as subject', () => {
  // Malta , who hosts the talks , has offered help .   (as misread: Malta a vocative of "hosts", "hosts" an advcl of "offered")
  const forms = ['Malta', ',', 'who', 'hosts', 'the', 'talks', ',', 'has', 'offered', 'help', '.'];
  const tags = tagsOf('PROPN', 'PUNCT', 'PRON', 'VERB', 'DET', 'NOUN', 'PUNCT', 'AUX', 'VERB', 'NOUN', 'PUNCT');
  const heads = Int32Array.from([3, 0, 3, 8, 5, 3, 3, 8, -1, 8, 8]);
  const labels = Int32Array.from([at('vocative'), at('punct'), at('nsubj'), at('advcl'), at('det'), at('obj'), at('punct'), at('aux'), at('root'), at('obj'), at('punct')]);
  commaRelatives(forms, tags, heads, labels, RELATIONS);
  assert.equal(heads[3], 0);
  assert.equal(labels[3], at('acl:relcl'));
  assert.equal(heads[0], 8);
  assert.equal(labels[0], at('nsubj'));
});

void test('a "which" clause after a clause with no noun before the comma is left alone', () => {
  const forms = ['They', 'left', 'early', ',', 'which', 'surprised', 'us', '.'];
  const tags = tagsOf('PRON', 'VERB', 'ADV', 'PUNCT', 'PRON', 'VERB', 'PRON', 'PUNCT');
  const heads = Int32Array.from([1, -1, 1, 5, 5, 1, 5, 1]);
  const labels = Int32Array.from([at('nsubj'), at('root'), at('obl'), at('punct'), at('nsubj'), at('advcl'), at('obj'), at('punct')]);
  commaRelatives(forms, tags, heads, labels, RELATIONS);
  assert.equal(heads[5], 1);
  assert.equal(labels[5], at('advcl'));
});

void test('a full sentence whose first verb is a past form after a conjoined subject is rooted in that verb', () => {
  const s = parse("Chad's army and the FACT rebels agreed to a truce mediated by Qatar.");
  const agreed = s.words.find((w) => w.text === 'agreed');
  const army = s.words.find((w) => w.text === 'army');
  assert.ok(agreed && army, describeTree(s));
  assert.equal(agreed.head, -1, describeTree(s));
  assert.equal(s.words[army.head]?.text, 'agreed', describeTree(s));
  assert.equal(army.deprel, 'nsubj', describeTree(s));
});

void test('a noun phrase whose participle has a "by" doer stays a noun phrase', () => {
  // Hostages held by rebels .   (a root noun with a reduced passive)
  const forms = ['Hostages', 'held', 'by', 'rebels', '.'];
  const tags = tagsOf('NOUN', 'VERB', 'ADP', 'NOUN', 'PUNCT');
  const relations = [...RELATIONS, 'acl', 'obl:agent', 'case', 'mark', 'cop', 'conj'];
  const of = (r: string): number => relations.indexOf(r);
  const heads = Int32Array.from([-1, 0, 3, 1, 0]);
  const labels = Int32Array.from([of('root'), of('acl'), of('case'), of('obl:agent'), of('punct')]);
  nounRootedClauses(forms, tags, heads, labels, relations);
  assert.equal(heads[0], -1);
  assert.equal(heads[1], 0);
  // the same phrase with no doer, as a full sentence, is a clause
  const bare = ['Hostages', 'fled', 'north', '.'];
  const bareHeads = Int32Array.from([-1, 0, 1, 0]);
  const bareLabels = Int32Array.from([of('root'), of('acl'), of('obl'), of('punct')]);
  nounRootedClauses(bare, tagsOf('NOUN', 'VERB', 'ADV', 'PUNCT'), bareHeads, bareLabels, relations);
  assert.equal(bareHeads[1], -1);
  assert.equal(bareHeads[0], 1);
  assert.equal(bareHeads[3], 1);
});

void test('a name before "last month" ends its own phrase; the time phrase is the verb\'s', () => {
  const s = parse('Italy delivered 14 howitzers to Ukraine last month.');
  const ukraine = s.words.find((w) => w.text === 'Ukraine');
  const month = s.words.find((w) => w.text === 'month');
  assert.ok(ukraine && month, describeTree(s));
  assert.notEqual(ukraine.deprel, 'compound', describeTree(s));
  assert.equal(s.words[month.head]?.text, 'delivered', describeTree(s));
});

void test('a subject with an infinitive of its own keeps the main verb after it as the root', () => {
  const s = parse('The decision to expel the diplomats followed the poisoning of a defector in Vilnius.');
  const followed = s.words.find((w) => w.text === 'followed');
  assert.ok(followed, describeTree(s));
  assert.equal(followed.head, -1, describeTree(s));
});

void test('a sentence the parser rooted in a relative clause\'s verb is rooted in the main verb past the clause', () => {
  const s = parse('Norway, which shares a long border with Russia, called the Russian drills reckless and destabilising.');
  const called = s.words.find((w) => w.text === 'called');
  const norway = s.words.find((w) => w.text === 'Norway');
  const shares = s.words.find((w) => w.text === 'shares');
  assert.ok(called && norway && shares, describeTree(s));
  assert.equal(called.head, -1, describeTree(s));
  assert.equal(s.words[norway.head]?.text, 'called', describeTree(s));
  assert.equal(s.words[shares.head]?.text, 'Norway', describeTree(s));
});
