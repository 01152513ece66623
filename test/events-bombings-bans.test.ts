/**
 * Two acts a state-centred dictionary missed: a bomb that goes off with no one named as its bomber is still a bombing (183),
 * aimed at the organ whose site it struck ("outside a police station" in a Pakistani city: PAKCOP), while tensions or crowds that
 * "explode" strike no one; and a ruler's suspending, dissolving or banning of political parties is CAMEO 1722 (ban political
 * parties), whether told by the verb or by its noun ("ordered the dissolution of ..."); a refusal's gerund ("ruled out sending
 * tanks") is refused, not done; blocking a statement or resolution is a veto (128); violating airspace shows force (150).
 * Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('a bomb that explodes at an organ\'s site is a bombing of that organ, with no bomber named', () => {
  const events = eventsOf('A parcel bomb exploded near a police checkpoint in Peshawar early on Sunday.');
  const bombing = events.find((e) => e.cameo === '183');
  assert.ok(bombing, events.map(show).join('; '));
  assert.equal(bombing.source, null, show(bombing));
  assert.equal(bombing.target?.code, 'PAKCOP', show(bombing));
});

test('tempers or crowds that explode are no bombing', () => {
  for (const text of ['Anger exploded on the streets of Dakar after the verdict.', 'Crowds exploded in joy across Buenos Aires.']) {
    assert.ok(eventsOf(text).every((e) => e.cameo !== '183'), eventsOf(text).map(show).join('; '));
  }
});

test('a ruler that suspends, dissolves or bans parties imposes a ban on parties (1722)', () => {
  for (const text of [
    'Guinea\'s ruling military council suspended all political parties for a year.',
    'The generals in Burkina Faso ordered the dissolution of every political party on Wednesday.',
    'Thailand\'s constitutional court dissolved the largest opposition party.',
  ]) {
    const events = eventsOf(text);
    const ban = events.find((e) => e.cameo === '1722');
    assert.ok(ban, `${text}: ${events.map(show).join('; ')}`);
    assert.ok(ban.source?.code, show(ban));
  }
});

test('what a refusal takes as its gerund is refused, not done ("ruled out sending")', () => {
  const events = eventsOf('Vienna ruled out sending armoured trucks to Niger.');
  assert.ok(events.some((e) => e.cameo.startsWith('12') && e.source?.code === 'AUT'), events.map(show).join('; '));
  assert.ok(events.every((e) => !e.cameo.startsWith('07')), events.map(show).join('; '));
});

test('blocking a statement, resolution or proposal is a veto (128), not coercion', () => {
  const events = eventsOf('Slovakia blocked a joint EU declaration on Georgia\'s elections.');
  const veto = events.find((e) => e.cameo === '128');
  assert.ok(veto, events.map(show).join('; '));
  assert.equal(veto.source?.code, 'SVK', show(veto));
  assert.ok(events.every((e) => !e.cameo.startsWith('17')), events.map(show).join('; '));
});

test('a military aircraft that violates a state\'s airspace shows force (150); a past form after an aircraft noun is its verb', () => {
  const events = eventsOf('A Belarusian military drone violated Latvian airspace near Daugavpils on Friday.');
  const violation = events.find((e) => e.cameo === '150');
  assert.ok(violation, events.map(show).join('; '));
  assert.equal(violation.source?.code?.slice(0, 3), 'BLR', show(violation));
  assert.equal(violation.target?.code, 'LVA', show(violation));
});

test('quitting a bloc, alliance or court reduces relations (16)', () => {
  const events = eventsOf('Nicaragua quit the regional bloc on Tuesday.');
  assert.ok(events.some((e) => e.cameo.startsWith('16') && e.source?.code === 'NIC'), events.map(show).join('; '));
});

test('detaining or impounding a vessel or aircraft is a seizure (171), detaining people an arrest (173)', () => {
  const ship = eventsOf('Indonesia detained a Panamanian-flagged tanker off Batam.');
  assert.ok(ship.some((e) => e.cameo === '171' && e.source?.code === 'IDN'), ship.map(show).join('; '));
  const people = eventsOf('Indonesian police detained nine Chinese fishermen off Natuna.');
  assert.ok(people.some((e) => e.cameo === '173'), people.map(show).join('; '));
});

test('stripping opponents of their citizenship is an administrative sanction (172) on the opposition', () => {
  const events = eventsOf('Belarus stripped 30 exiled opponents of their citizenship on Monday.');
  const stripped = events.find((e) => e.cameo === '172');
  assert.ok(stripped, events.map(show).join('; '));
  assert.equal(stripped.target?.code, 'BLROPP', show(stripped));
});
