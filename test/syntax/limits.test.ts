/** Hostile and odd input through the sentences and syntax stages: it ends, it says what it cut, spans stay true. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../src/core/context.js';
import { createDoc, type Doc } from '../../src/core/doc.js';
import { runStages } from '../../src/core/stage.js';
import { sentences } from '../../src/stages/sentences/index.js';
import { tokenize } from '../../src/stages/sentences/tokenize.js';
import { MAX_SENTENCE_WORDS, parseTokens, syntax } from '../../src/stages/syntax/index.js';

function parseText(text: string): Doc {
  const doc = createDoc({ origin: 'test', bytes: Buffer.from(text), isRaw: true });
  doc.article = { title: null, text, publisher: null, source: null, section: null, byline: null, published: null, language: null, url: null };
  return runStages(doc, [sentences, syntax], createContext({ now: new Date('2024-06-01T00:00:00Z') }));
}

/** Every word quotes the text at its span, every head is in range, exactly one root per sentence. */
function assertWellFormed(doc: Doc): void {
  const text = doc.article?.text ?? '';
  assert.equal(doc.syntax?.length, doc.sentences?.length);
  for (const s of doc.syntax ?? []) {
    assert.ok(s.words.length <= MAX_SENTENCE_WORDS);
    for (const w of s.words) {
      assert.equal(text.slice(w.start, w.end), w.text);
      assert.ok(w.head >= -1 && w.head < s.words.length && w.head !== s.words.indexOf(w));
    }
    if (s.words.length > 0) assert.equal(s.words.filter((w) => w.head === -1).length, 1);
  }
}

const RUN_ON = Array.from({ length: 20000 }, (_, i) => (i % 7 === 0 ? 'convoy' : 'moved')).join(' ');

void test('a 20,000-word run-on sentence through the stages: cut into pieces, each parsed, with a message', () => {
  const doc = parseText(RUN_ON);
  assertWellFormed(doc);
  assert.ok(doc.messages.some((m) => m.rule === 'sentences/over-long' || m.rule === 'syntax/sentence-too-long'));
});

void test('a 20,000-token sentence given to the parser whole is cut at MAX_SENTENCE_WORDS', () => {
  const parsed = parseTokens(tokenize(RUN_ON));
  assert.equal(parsed.isTruncated, true);
  assert.equal(parsed.words.length, MAX_SENTENCE_WORDS);
  assert.equal(parsed.words.filter((w) => w.head === -1).length, 1);
});

void test('a line of 5,000 commas', () => {
  const doc = parseText(`Troops ${','.repeat(5000)} withdrew.`);
  assertWellFormed(doc);
});

void test('binary junk and control characters', () => {
  let junk = '';
  for (let i = 0; i < 3000; i++) junk += String.fromCharCode((i * 7919) % 0xd7ff);
  const doc = parseText(junk);
  assertWellFormed(doc);
});

void test('right-to-left text and mixed scripts', () => {
  const doc = parseText('قالت الوزارة إن القوات انسحبت. The ministry said troops withdrew from אזור הגבול on Monday.');
  assertWellFormed(doc);
  assert.ok((doc.syntax?.length ?? 0) >= 1);
});

void test('an empty article has no trees', () => {
  const doc = parseText('');
  assert.deepEqual(doc.syntax, []);
});
