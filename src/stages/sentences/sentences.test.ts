/** Tokens and sentence boundaries: abbreviations, possessives, quotes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from './index.js';
import { tokenize } from './tokenize.js';

const TOKENS: [string, string[]][] = [
  ["Russia's army", ['Russia', "'s", 'army']],
  ['Maj. Gen. Yevgeny Tsindyaikin said', ['Maj.', 'Gen.', 'Yevgeny', 'Tsindyaikin', 'said']],
  ['the U.S. Army (USA), "ready."', ['the', 'U.S.', 'Army', '(', 'USA', ')', ',', '"', 'ready', '.', '"']],
  ['12 armored vehicles, 1,200 men and 3.5 tons', ['12', 'armored', 'vehicles', ',', '1,200', 'men', 'and', '3.5', 'tons']],
  ["don't", ['do', "n't"]],
];

for (const [input, expected] of TOKENS) {
  void test(`tokens: ${input}`, () => {
    const tokens = tokenize(input);
    assert.deepEqual(
      tokens.map((t) => t.text),
      expected,
    );
    for (const t of tokens) assert.equal(input.slice(t.start, t.end), t.text);
  });
}

const SENTENCES: [string, string[]][] = [
  ['Maj. Gen. Ivanov spoke. He left.', ['Maj. Gen. Ivanov spoke.', 'He left.']],
  ['He said "we are ready." Then he left.', ['He said "we are ready."', 'Then he left.']],
  ['Troops from the U.S. Army arrived. Others stayed.', ['Troops from the U.S. Army arrived.', 'Others stayed.']],
  ['First paragraph\n\nSecond one', ['First paragraph', 'Second one']],
  ['It rose 3.5 percent. Is that all? Yes!', ['It rose 3.5 percent.', 'Is that all?', 'Yes!']],
];

for (const [input, expected] of SENTENCES) {
  void test(`sentences: ${JSON.stringify(input)}`, () => {
    const sentences = segment(input);
    assert.deepEqual(
      sentences.map((s) => s.text),
      expected,
    );
    for (const s of sentences) assert.equal(input.slice(s.start, s.end), s.text);
  });
}
