/**
 * A participle right after a noun with a "by" phrase and no subject or auxiliary of its own describes that noun (a reduced
 * relative): "hostages held by rebels"; so does one with a phrase of where from or to, where the parser made it a second
 * clause of the verb of saying ("seized rifles smuggled from X, the ministry said"). Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { describeTree } from '../../src/stages/syntax/tree.js';

function parse(text: string): ReturnType<typeof parseTokens> {
  const sentences = segment(text);
  assert.equal(sentences.length, 1, `one sentence in ${text}`);
  return parseTokens(sentences[0]?.tokens ?? []);
}

void test('a participle with a "by" phrase after a noun describes the noun', () => {
  const s = parse('Peruvian soldiers freed seven hostages held by Shining Path rebels in a jungle raid in Junin province, the army said.');
  const held = s.words.find((w) => w.text === 'held');
  assert.ok(held, describeTree(s));
  assert.equal(s.words[held.head]?.text, 'hostages', describeTree(s));
  assert.equal(held.deprel, 'acl', describeTree(s));
});

void test('a passive with its own auxiliary keeps its subject', () => {
  const s = parse('The hostages were held by the rebels for a month.');
  const held = s.words.find((w) => w.text === 'held');
  assert.ok(held, describeTree(s));
  assert.equal(held.head, -1, describeTree(s));
});

void test('a participle with a "from" phrase after the object is the object\'s, not a clause of the verb of saying', () => {
  const s = parse('Mexican authorities seized more than 200 weapons smuggled from the United States, the defence ministry said.');
  const smuggled = s.words.find((w) => w.text === 'smuggled');
  assert.ok(smuggled, describeTree(s));
  assert.equal(s.words[smuggled.head]?.text, 'weapons', describeTree(s));
});

test('a past participle right after the object, with a phrase of place or time, describes the object', () => {
  const { words } = parse('Rebels freed four Colombians kidnapped in Cauca last month.');
  const kidnapped = words.find((w) => w.text === 'kidnapped');
  assert.equal(words[kidnapped!.head]?.text, 'Colombians');
  assert.equal(kidnapped!.deprel, 'acl');
});
