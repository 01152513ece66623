/**
 * A wire dateline opening a sentence ("BAKU, March 9 - ...") is parsed apart from the sentence it opens and hung on its root,
 * so that its words never take the subject's place. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/stages/sentences/index.js';
import { parseTokens } from '../../src/stages/syntax/index.js';
import { eventsOf, show } from '../helpers/story-events.js';

test('a dateline is parsed apart and hung on the root of the sentence it opens', () => {
  const sentence = segment("YEREVAN, March 9 - Armenia's foreign ministry accused Azerbaijani troops on Monday of shelling a village.")[0];
  assert.ok(sentence);
  const words = parseTokens(sentence.tokens ?? []).words;
  const root = words.findIndex((w) => w.head < 0);
  assert.equal(words[root]?.text, 'accused');
  assert.equal(words.filter((w) => w.head < 0).length, 1);
  const ministry = words.find((w) => w.text === 'ministry');
  assert.equal(`${words[ministry!.head]?.text}:${ministry!.deprel}`, 'accused:nsubj');
  // the dateline's own words hang together on the main root, never inside the main clause
  const place = words.find((w) => w.text === 'YEREVAN');
  assert.ok(place);
  let k = words.indexOf(place);
  while (words[k]!.head >= 0 && words[k]!.head < 6) k = words[k]!.head;
  assert.equal(words[k]!.deprel, 'dep');
});

test('a sentence that only opens with capitals and has no dash is parsed as one', () => {
  const sentence = segment('NATO said on Monday it would send more troops to Kosovo.')[0];
  assert.ok(sentence);
  const words = parseTokens(sentence.tokens ?? []).words;
  assert.equal(words.find((w) => w.head < 0)?.text, 'said');
});

test('the act of a sentence after a dateline is coded', () => {
  const events = eventsOf("BAKU, March 14 - Azerbaijan's defence ministry accused Armenian forces on Monday of opening fire on its positions along the border.");
  const accused = events.find((e) => e.trigger?.text === 'accused');
  assert.ok(accused, events.map(show).join('; '));
  assert.equal(`${accused.source?.code}>${accused.target?.code}`, 'AZEMIL>ARMMIL', show(accused));
  assert.ok(!events.some((e) => e.cameo.startsWith('19')), events.map(show).join('; '));
});
