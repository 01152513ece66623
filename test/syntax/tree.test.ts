/** The tree helpers on a hand-built tree (no model): dependents by relation, subtrees, clauses, conjuncts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SentenceSyntax, SyntaxWord } from '../../src/core/doc.js';
import { childrenOf, clauseHead, clauseKind, conjuncts, dependent, dependents, isPassive, rootOf, subtreeSpan } from '../../src/stages/syntax/tree.js';

// "Officials said two ships that were seized by the patrol and a tug returned ."
const TEXT = 'Officials said two ships that were seized by the patrol and a tug returned .';
const SPEC: Array<[string, number, string]> = [
  ['Officials', 1, 'nsubj'],
  ['said', -1, 'root'],
  ['two', 3, 'nummod'],
  ['ships', 13, 'nsubj'],
  ['that', 6, 'nsubj:pass'],
  ['were', 6, 'aux:pass'],
  ['seized', 3, 'acl:relcl'],
  ['by', 9, 'case'],
  ['the', 9, 'det'],
  ['patrol', 6, 'obl:agent'],
  ['and', 12, 'cc'],
  ['a', 12, 'det'],
  ['tug', 3, 'conj'],
  ['returned', 1, 'ccomp'],
  ['.', 1, 'punct'],
];

function tree(): SentenceSyntax {
  let at = 0;
  const words: SyntaxWord[] = SPEC.map(([text, head, deprel]) => {
    const start = TEXT.indexOf(text, at);
    at = start + text.length;
    return { text, start, end: at, upos: text === '.' ? 'PUNCT' : 'X', lemma: text, head, deprel };
  });
  return { sentence: 0, words };
}

void test('root, children and dependents (a bare relation matches its subtypes)', () => {
  const s = tree();
  assert.equal(rootOf(s), 1);
  assert.deepEqual(childrenOf(s, 1), [0, 13, 14]);
  assert.deepEqual(dependents(s, 6, 'nsubj'), [4]);
  assert.deepEqual(dependents(s, 6, 'nsubj:pass'), [4]);
  assert.deepEqual(dependents(s, 6, 'obl:tmod'), []);
  assert.equal(dependent(s, 6, 'obl'), 9);
  assert.equal(dependent(s, 6, 'obj'), -1);
  assert.ok(isPassive(s, 6));
  assert.ok(!isPassive(s, 13));
});

void test('subtree spans quote the text, heads after their dependents included', () => {
  const s = tree();
  const span = subtreeSpan(s, 13);
  assert.ok(span);
  assert.equal(TEXT.slice(span.start, span.end), 'two ships that were seized by the patrol and a tug returned');
  const agent = subtreeSpan(s, 9);
  assert.equal(agent && TEXT.slice(agent.start, agent.end), 'by the patrol');
  const whole = subtreeSpan(s, 1, { isPunctuationDropped: true });
  assert.equal(whole && TEXT.slice(whole.start, whole.end), TEXT.slice(0, -2));
});

void test('clause heads and kinds: a relative clause, a reported clause, the main clause', () => {
  const s = tree();
  assert.equal(clauseHead(s, 9), 6);
  assert.equal(clauseKind(s, 6), 'acl:relcl');
  assert.equal(clauseHead(s, 2), 13);
  assert.equal(clauseKind(s, 13), 'ccomp');
  assert.equal(clauseHead(s, 0), 1);
  assert.equal(clauseKind(s, 1), 'root');
});

void test('conjuncts from any member, in order', () => {
  const s = tree();
  assert.deepEqual(conjuncts(s, 12), [3, 12]);
  assert.deepEqual(conjuncts(s, 3), [3, 12]);
  assert.deepEqual(conjuncts(s, 0), [0]);
});
