/**
 * Who speaks and who acts when the words point back. A participle set off by commas between a speaker and the verb of saying
 * ("a senior official, asking not to be named, said") says how the speaker spoke; the speaker is the noun phrase
 * before it. "The country" after a word of time or reason ("..., as the country deployed troops") is the state of the one it
 * points back to, by the state's name, not that person's office. A town of its own state where a state's force fights ("our
 * forces destroyed two armoured vehicles near X") is where, not whom. People killed "in a Wagner ambush" were killed by the
 * doer the act noun names. Calling an act a provocation is criticism by the caller. "Each side blaming the other" is mutual;
 * a truce broken against no one named is broken against the state whose army reports it; the period a superlative compares
 * within ("the biggest haul this year") is no date of the act; a repeat that counts the toll gives it to the act told first.
 * Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('a participle between the speaker and "said" is no part of the speaker', () => {
  const events = eventsOf('A senior Houthi commander, asking not to be named, said the group had seized a cargo ship.');
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

test('sides that blame "each other" in other words ("each side blaming the other") blame each other', () => {
  const events = eventsOf('Kyrgyz and Tajik border guards exchanged fire overnight, each side blaming the other for the clash.');
  const blames = events.filter((e) => e.cameo.startsWith('11'));
  assert.ok(blames.some((e) => e.source?.code?.startsWith('KGZ') && e.target?.code?.startsWith('TJK')), events.map(show).join('; '));
  assert.ok(blames.some((e) => e.source?.code?.startsWith('TJK') && e.target?.code?.startsWith('KGZ')), events.map(show).join('; '));
});

test('a truce broken against no one named is broken against the state whose army reports it', () => {
  const events = eventsOf('The Armenian defence ministry said Azerbaijani forces had violated the truce overnight.');
  const violation = events.find((e) => e.cameo === '196');
  assert.ok(violation, events.map(show).join('; '));
  assert.equal(violation.target?.code?.slice(0, 3), 'ARM', show(violation));
});

test('the period a superlative compares within is no time of the act', () => {
  const events = eventsOf('Peruvian police seized nine tonnes of cocaine in Callao, the biggest haul this year.');
  const seized = events.find((e) => e.cameo === '171');
  assert.ok(seized, events.map(show).join('; '));
  assert.equal(seized.date, '2024-03-15', show(seized));
  const dated = eventsOf('Russia launched its largest drone attack of the war on Monday.').find((e) => e.cameo.startsWith('19'));
  assert.ok(dated, 'no attack');
  assert.equal(dated.date, '2024-03-11', show(dated));
});

test('a repeat of the same act that counts its toll gives the toll to the act told first', () => {
  const events = eventsOf('Ugandan police fired live rounds at demonstrators in Kampala, killing at least three people.');
  const fired = events.filter((e) => e.cameo.startsWith('19'));
  assert.equal(fired.length, 1, events.map(show).join('; '));
  assert.equal(fired[0]!.quantities[0]?.count, 3, show(fired[0]!));
});
