/**
 * Two-part hyphenated modifiers written together ("long-range", "high-speed", "state-run"): the first part hangs on the second,
 * the hyphen on the first, and the whole modifies the noun after it, even after a count. A spaced dash between two clauses is
 * no modifier. A count, a model's name and the rest of the noun phrase ("40 Kirpi armoured vehicles") are one object.
 * Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SentenceSyntax } from '../../src/core/doc.js';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { analyzeForms } from '../../src/stages/syntax/annotate.js';
import { describeTree } from '../../src/stages/syntax/tree.js';

function parse(text: string): SentenceSyntax {
  const sentences = segment(text);
  assert.equal(sentences.length, 1, `one sentence in ${text}`);
  return parseTokens(sentences[0]?.tokens ?? []);
}

function headOf(s: SentenceSyntax, text: string): string {
  const w = s.words.find((x) => x.text === text);
  assert.ok(w, `no "${text}" in ${describeTree(s)}`);
  return w.head < 0 ? 'ROOT' : (s.words[w.head]?.text ?? '?');
}

void test('a count before a hyphenated modifier counts the noun, which stays the object', () => {
  const s = parse('The militia fired four medium-range ballistic rockets at the harbour on Sunday.');
  assert.equal(headOf(s, 'medium'), 'range', describeTree(s));
  assert.equal(headOf(s, 'range'), 'rockets', describeTree(s));
  assert.equal(headOf(s, 'four'), 'rockets', describeTree(s));
  assert.equal(headOf(s, 'rockets'), 'fired', describeTree(s));
});

void test('a hyphenated modifier before a compound noun', () => {
  const s = parse('The coastguard ordered 12 high-speed patrol boats from a Dutch yard.');
  assert.equal(headOf(s, 'high'), 'speed', describeTree(s));
  assert.equal(headOf(s, 'boats'), 'ordered', describeTree(s));
  assert.equal(headOf(s, '12'), 'boats', describeTree(s));
  assert.equal(headOf(s, 'yard'), 'ordered', describeTree(s));
});

void test('a hyphenated modifier after a count and before another adjective', () => {
  const s = parse('The navy deployed three long-range anti-ship batteries along the coast.');
  assert.equal(headOf(s, 'range'), 'batteries', describeTree(s));
  assert.equal(headOf(s, 'batteries'), 'deployed', describeTree(s));
});

void test('a noun-and-participle modifier ("state-run") keeps the noun it describes', () => {
  const s = parse('Protesters stormed the offices of a state-run broadcaster in the capital.');
  assert.equal(headOf(s, 'state'), 'run', describeTree(s));
  assert.equal(headOf(s, 'broadcaster'), 'offices', describeTree(s));
  assert.equal(headOf(s, 'offices'), 'stormed', describeTree(s));
});

void test('a dash with spaces around it is punctuation between clauses, not a modifier', () => {
  const forms = ['the', 'convoy', 'stopped', '-', 'nobody', 'knew', 'why'];
  const spaced = analyzeForms(forms, undefined, [false, false, false, false, false, false, false]);
  const joined = analyzeForms(forms, undefined, [false, false, true, true, false, false, false]);
  // written together, "stopped-nobody" would be read as a modifier: the first part on the second
  assert.equal(joined.heads[2], 4);
  assert.notEqual(spaced.heads[2], 4);
});

void test('a name and a participle ("Iran-backed") opening a sentence modify the noun; the verb after them stays the root', () => {
  const s = parse('Iran-backed militia fighters shelled a Kurdish checkpoint near Erbil overnight.');
  assert.equal(headOf(s, 'Iran'), 'backed', describeTree(s));
  assert.equal(headOf(s, 'backed'), 'fighters', describeTree(s));
  assert.equal(headOf(s, 'shelled'), 'ROOT', describeTree(s));
});

void test('a count, a model name and a noun are one object', () => {
  const s = parse('Ankara delivered 30 Vuran armoured trucks to Tbilisi.');
  assert.equal(headOf(s, 'Vuran'), 'trucks', describeTree(s));
  assert.equal(headOf(s, '30'), 'trucks', describeTree(s));
  assert.equal(headOf(s, 'trucks'), 'delivered', describeTree(s));
  const other = parse('The ministry received 24 Caesar self-propelled howitzers from Paris.');
  assert.equal(headOf(other, 'Caesar'), 'howitzers', describeTree(other));
  assert.equal(headOf(other, 'howitzers'), 'received', describeTree(other));
  const third = parse('Turkey sent 40 Kirpi armoured vehicles to Georgia.');
  assert.equal(headOf(third, 'Kirpi'), 'vehicles', describeTree(third));
});
