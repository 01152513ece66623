/**
 * A possessive pronoun before a word for a state ("his country", "her government", "their nation") stands for the state of the
 * one it points back to: the speaker of the claim, else the last doer. The country is shown by its canonical name, a
 * government keeps its words with the state's GOV code, and the phrase is the arc the source was read from. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('"his country" in a minister\'s claim is the minister\'s state', () => {
  const events = eventsOf("Slovakia's prime minister said his country would not impose sanctions on Belarus.");
  const sanctions = events.find((e) => e.cameo.startsWith('16'));
  assert.ok(sanctions, events.map(show).join('; '));
  assert.equal(sanctions.source?.code, 'SVK', show(sanctions));
  assert.equal(sanctions.source?.name, 'Slovakia', show(sanctions));
  assert.equal(sanctions.modality, 'negated', show(sanctions));
  assert.equal(sanctions.roles?.source?.text, 'his country', show(sanctions));
});

test('"her government" is the speaker\'s government', () => {
  const events = eventsOf("Estonia's prime minister said her government had expelled two Russian diplomats.");
  const expelled = events.find((e) => e.cameo.startsWith('16'));
  assert.ok(expelled, events.map(show).join('; '));
  assert.equal(expelled.source?.code, 'ESTGOV', show(expelled));
  assert.equal(expelled.target?.code?.slice(0, 3), 'RUS', show(expelled));
});
