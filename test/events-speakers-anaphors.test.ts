/**
 * Who speaks and who acts when the words point back. A participle set off by commas between a speaker and the verb of saying
 * ("a senior official, speaking on condition of anonymity, said") says how the speaker spoke; the speaker is the noun phrase
 * before it. "The country" after a word of time or reason ("..., as the country deployed troops") is the state of the one it
 * points back to, by the state's name, not that person's office. A town of its own state where a state's force fights ("our
 * forces destroyed two armoured vehicles near X") is where, not whom. People killed "in a Wagner ambush" were killed by the
 * doer the act noun names. Calling an act a provocation is criticism by the caller. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('a participle between the speaker and "said" is no part of the speaker', () => {
  const events = eventsOf('A senior Houthi commander, speaking on condition of anonymity, said the group had seized a cargo ship.');
  assert.ok(events.length > 0, 'no events');
  for (const e of events) assert.equal(e.attribution.speaker, 'A senior Houthi commander', show(e));
});

test('"the country" after a word of time points back to a state, named as the state', () => {
  const events = eventsOf('"We will defend every metre of our land," Armenia\'s defence minister said on Monday, as the country moved troops to its border with Azerbaijan.');
  const moved = events.find((e) => e.cameo.startsWith('15'));
  assert.ok(moved, events.map(show).join('; '));
  assert.equal(moved.source?.code, 'ARM', show(moved));
});

test('a town of its own state where a state\'s force fights is where, not whom', () => {
  const events = eventsOf('"Our units destroyed three enemy armoured vehicles near Kharkiv," a Ukrainian army spokesman said.');
  const destroyed = events.find((e) => e.cameo.startsWith('17') || e.cameo.startsWith('19'));
  assert.ok(destroyed, events.map(show).join('; '));
  assert.equal(destroyed.source?.code, 'UKRMIL', show(destroyed));
  assert.notEqual(destroyed.target?.code, 'UKR', show(destroyed));
});

test('people killed in an attack that names its doer were killed by that doer', () => {
  const events = eventsOf('Four Nigerien soldiers died in a jihadist raid yesterday. Six Malian soldiers were killed in a Wagner ambush near Gao.');
  const killed = events.find((e) => e.cameo.startsWith('19') && e.target?.code === 'MLIMIL');
  assert.ok(killed, events.map(show).join('; '));
  assert.equal(killed.source?.code, 'RUSMIL', show(killed));
});

test('calling an act a provocation or illegal is criticism by the caller; "what X called" only names', () => {
  const events = eventsOf('The Chinese embassy called the visit a dangerous provocation.');
  const called = events.find((e) => e.cameo === '111');
  assert.ok(called, events.map(show).join('; '));
  assert.equal(called.source?.code?.slice(0, 3), 'CHN', show(called));
  const named = eventsOf('Ankara said its jets had hit what it called terrorist targets in northern Syria.');
  assert.ok(named.every((e) => e.cameo !== '111'), named.map(show).join('; '));
});
