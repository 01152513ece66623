/**
 * Armed groups through a story. A militia the coder placed by its role noun ("militia fighters in the Mopti region": MLIUAF) is the
 * group a later "the militia" or "the rebels" means, as a named rebel group is; a state's organ named bare as the object of an
 * act of conflict ("accused government troops of ...") is the organ of the state the article named last, not where the doer is
 * that state's own organ, nor the troops an act of aid contributes. A past form joined by "and" to a gerund ("denied losing
 * the bridge and accused ...") is the speaker's own act. An armed group's "its fighters" are the group. A ceasefire two sides
 * sign is with each other, where they sign it is no party; "protested" opens reported speech only before "that" or a colon. A
 * force read from a possessive ("its air defences") is a doer, not an abstract noun. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';
import { headOf } from './helpers/head-of.js';

test('a militia placed by its role noun is the group a later "the militia" means; bare government troops are the state\'s', () => {
  const events = eventsOf("Mali's army launched an offensive against militia fighters in the Mopti region on Monday. The militia accused government troops of burning villages.");
  const accused = events.find((e) => e.cameo === '112');
  assert.ok(accused, events.map(show).join('; '));
  assert.equal(accused.source?.code, 'MLIUAF', show(accused));
  assert.equal(accused.target?.code, 'MLIMIL', show(accused));
});

test('troops an act of aid contributes are what it gives, no target', () => {
  const events = eventsOf('Niger sent troops to Mali in March. Chad and Togo are also contributing troops.');
  for (const e of events.filter((x) => x.cameo.startsWith('07'))) assert.notEqual(e.target?.code, 'NERMIL', show(e));
});

test('a past form after "and" following a gerund is the conjunct of the verb that takes the gerund', () => {
  assert.equal(headOf('The spokesman denied losing the bridge and accused the army of lying.', 'accused'), 'denied');
});

test('an armed group\'s "its fighters" are the group', () => {
  const clash = eventsOf('Hamas said its fighters had clashed with Israeli troops in Khan Younis.').find((e) => e.cameo.startsWith('19'));
  assert.ok(clash, 'no clash');
  assert.equal(clash.source?.code, 'PSEREB', show(clash));
});

test('a ceasefire two sides sign is with each other; "protested" reports speech only before "that" or a colon', () => {
  const truce = eventsOf("Myanmar's junta and the Arakan Army signed a ceasefire in Kunming on Friday.").filter((e) => e.cameo === '0871');
  assert.ok(truce.length >= 2, truce.map(show).join('; '));
  for (const e of truce) assert.notEqual(e.target?.code, 'CHN', show(e));
  const rally = eventsOf('Thousands of Serbs protested in Belgrade on Sunday.');
  assert.ok(rally.some((e) => e.cameo.startsWith('14')), rally.map(show).join('; '));
});

test('a force read from a possessive is a doer whatever its noun ("its air defences shot down ...")', () => {
  const shot = eventsOf("Iran's army said its air defences had shot down four Israeli drones over Isfahan.").find((e) => e.cameo.startsWith('19'));
  assert.ok(shot, 'no event');
  assert.equal(shot.source?.code, 'IRNMIL', show(shot));
  assert.equal(shot.target?.code, 'ISR', show(shot));
});
