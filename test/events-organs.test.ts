/**
 * "The ministry", "the army" in a later sentence mean the state organ last named by that word, whichever state the sentences
 * between named: a ministry's state is read from "in <capital>" or "of <country>" after it, and a speaker that is such a
 * definite organ is that organ, not the last doer. Stories are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('"the ministry" of a later sentence is the one named "in" a capital before', () => {
  const events = eventsOf("Estonia expelled a Russian diplomat, the foreign ministry in Tallinn said on Monday. Moscow promised a response. The ministry also summoned Russia's ambassador over a cyberattack.");
  const summoned = events.find((e) => e.trigger?.text.startsWith('summoned'));
  assert.ok(summoned, events.map(show).join('; '));
  assert.equal(summoned.source?.code, 'ESTGOV', show(summoned));
});

test('a speaker "the army" is the army named before, not the state that acted last', () => {
  const events = eventsOf("Mali's army said on Friday it had retaken the town of Ber. Algeria closed its border with Mali on Saturday, the Algerian government said. The army also said it had shot down three drones flown by the rebels.");
  const shot = events.find((e) => e.trigger?.text.startsWith('shot'));
  assert.ok(shot, events.map(show).join('; '));
  assert.equal(shot.source?.code, 'MLIMIL', show(shot));
});
