/**
 * The auxiliaries are a closed class: a word outside it is never tagged AUX, whatever its ending.
 * A capitalised city or firm in "-ing" that opens a sentence ("Beijing urged calm.") was read as
 * "Being" and the sentence turned passive with no subject. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';

function parse(text: string): { text: string; upos: string; deprel: string }[] {
  const sentence = segment(text)[0];
  assert.ok(sentence);
  return parseTokens(sentence.tokens ?? []).words;
}

test('a name in -ing that opens a sentence is no auxiliary, and is the subject of the verb after it', () => {
  for (const [sentence, name] of [
    ['Beijing urged calm.', 'Beijing'],
    ['Reading warned Tokyo.', 'Reading'],
  ] as const) {
    const w = parse(sentence).find((x) => x.text === name);
    assert.ok(w, sentence);
    assert.notEqual(w.upos, 'AUX', sentence);
    assert.equal(w.deprel, 'nsubj', sentence);
  }
});

test('real auxiliaries keep their tag', () => {
  const words = parse('Being outnumbered, the garrison had withdrawn and would not return.');
  for (const aux of ['Being', 'had', 'would']) assert.equal(words.find((w) => w.text === aux)?.upos, 'AUX', aux);
});
