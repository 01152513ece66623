/**
 * "placed X under (house) arrest", "put X under arrest" is an arrest (173) of X by the subject, also as the second verb of a
 * conjoined pair. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('placing someone under house arrest is an arrest', () => {
  const events = eventsOf('Mutinous Guinean officers took over the state broadcaster and placed President Alpha Conde under house arrest.');
  const arrest = events.find((e) => e.cameo === '173');
  assert.ok(arrest, events.map(show).join('; '));
  assert.equal(arrest.target?.code, 'GINGOV', show(arrest));
  assert.equal(arrest.source?.code?.slice(0, 3), 'GIN', show(arrest));
});

test('a first verb with a phrase of its own before "and" does not share the second verb\'s object', () => {
  const events = eventsOf('Mutinous Malian officers took over the state radio and detained President Ibrahim Kone.');
  const detained = events.find((e) => e.cameo === '173');
  assert.ok(detained, events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo !== '173' && e.target?.code === 'MLIGOV'), events.map(show).join('; '));
});

test('an act noun deep in the "of" phrase of a charging participle is the charge, no act of the arresting side', () => {
  const events = eventsOf('Georgian police detained three men suspected of involvement in an assault on a depot, prosecutors in Tbilisi said.');
  assert.ok(events.some((e) => e.cameo === '173' && e.source?.code === 'GEOCOP'), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo.startsWith('19')), events.map(show).join('; '));
});
