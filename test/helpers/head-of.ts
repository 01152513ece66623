/** The head word of a word in the parse of a one-sentence text ('ROOT' for the root), for tests of tree repairs. */
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';

export function headOf(text: string, word: string): string | undefined {
  const sentence = segment(text)[0];
  assert.ok(sentence);
  const words = parseTokens(sentence.tokens ?? []).words;
  const w = words.find((x) => x.text === word);
  assert.ok(w, text);
  return w.head >= 0 ? words[w.head]?.text : 'ROOT';
}
