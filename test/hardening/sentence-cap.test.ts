/** Over-long runs of text are cut into bounded sentences, and text past the analysed length is left out, with messages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../src/core/doc.js';
import { createContext } from '../../src/core/context.js';
import { MAX_ANALYSED_CHARS, MAX_SENTENCE_CHARS, MAX_SENTENCE_TOKENS, segment, sentences } from '../../src/stages/sentences/index.js';

function articleDoc(text: string) {
  const doc = createDoc({ origin: 'cap', bytes: Buffer.from(text) });
  doc.article = { title: null, text, publisher: null, source: null, section: null, byline: null, published: null, language: 'en', url: null };
  return doc;
}

void test('sentence cap: an ordinary sentence is left whole', () => {
  const text = 'The ferry to the northern islands left an hour late, its deck loaded with crates of apples.';
  assert.deepEqual(segment(text).map((s) => s.text), [text]);
});

void test('sentence cap: a run of words with no sentence end is cut into pieces within both caps, every span exact', () => {
  const text = Array.from({ length: 2000 }, (_, i) => `lantern${i % 13}`).join(' ');
  const found = segment(text);
  assert.ok(found.length >= Math.ceil(2000 / MAX_SENTENCE_TOKENS));
  for (const s of found) {
    assert.ok((s.tokens ?? []).length <= MAX_SENTENCE_TOKENS);
    assert.ok(s.end - s.start <= MAX_SENTENCE_CHARS);
    assert.equal(text.slice(s.start, s.end), s.text);
  }
  assert.equal(found.reduce((n, s) => n + (s.tokens ?? []).length, 0), 2000, 'no token lost');
});

void test('sentence cap: a long run is cut after a comma in the second half of a piece', () => {
  const text = Array.from({ length: 600 }, (_, i) => (i % 40 === 39 ? 'pebble,' : 'pebble')).join(' ');
  const found = segment(text);
  assert.ok(found.length > 1);
  for (const s of found.slice(0, -1)) assert.ok(s.text.endsWith(','), `piece ends with a comma: …${s.text.slice(-20)}`);
});

void test('sentence cap: the stage says so in a message', () => {
  const doc = articleDoc(Array.from({ length: 700 }, () => 'gull').join(' '));
  const found = sentences.run(doc, createContext());
  assert.ok(found.length >= 3);
  assert.ok(doc.messages.some((m) => m.rule === 'sentences/over-long'));
});

void test('sentence cap: only the first MAX_ANALYSED_CHARS of a huge text are split, with a message', () => {
  const text = 'Kites flew over the dunes. '.repeat(Math.ceil((MAX_ANALYSED_CHARS * 1.5) / 27));
  const doc = articleDoc(text);
  const found = sentences.run(doc, createContext());
  const last = found[found.length - 1];
  assert.ok(last && last.end <= MAX_ANALYSED_CHARS);
  assert.ok(last.end > MAX_ANALYSED_CHARS - 100);
  assert.ok(doc.messages.some((m) => m.rule === 'sentences/over-long-text'));
  assert.ok(!doc.messages.some((m) => m.rule === 'sentences/over-long'));
});
