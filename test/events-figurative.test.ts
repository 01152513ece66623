/**
 * Violence and force said of things that can do none, and the verbs of force politics borrows, each in sentences written for
 * this file: "inflation is attacking savings" and "the scandal wounded the government" code nothing (a weapon, a noun of
 * force or a person still can: "a roadside bomb killed", "a sniper killed", "shelling killed"); "attacked the chancellor over the budget"
 * criticises; "shot down the proposal" rejects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('violence by something that can do none is a figure of speech', () => {
  for (const text of ['Inflation is attacking the savings of ordinary Chileans.', 'The corruption scandal has wounded the Peruvian government.', 'High fuel prices are killing the recovery in Ghana.']) {
    const events = eventsOf(text);
    assert.deepEqual(events.map(show), [], text);
  }
});

test('violence by a weapon or a noun of force still tells what it struck', () => {
  const bomb = eventsOf('A roadside bomb killed three Malian soldiers near Gao.');
  // (a bomb's killing is a bombing, 183)
  assert.ok(bomb.some((e) => e.cameo === '183' && e.target?.code === 'MLIMIL'), bomb.map(show).join('; '));
  const sniper = eventsOf('A sniper killed two Indian soldiers near Kupwara.');
  assert.ok(sniper.some((e) => e.cameo.startsWith('19') && e.target?.code === 'INDMIL'), sniper.map(show).join('; '));
  const shelling = eventsOf('Shelling killed four civilians in Kherson on Monday.');
  assert.ok(shelling.some((e) => e.cameo.startsWith('19') && e.target?.code === 'UKRCVL'), shelling.map(show).join('; '));
});

test('"attacked the chancellor over the budget" criticises, and "shot down the proposal" rejects it', () => {
  const attack = eventsOf("Austria's opposition attacked Chancellor Karl Nehammer over his handling of the budget.");
  assert.ok(attack.length > 0 && attack.every((e) => e.cameo.startsWith('11')), attack.map(show).join('; '));
  const shot = eventsOf("Slovakia's president shot down the proposal as unconstitutional.");
  assert.ok(shot.length > 0 && shot.every((e) => e.cameo.startsWith('12')), shot.map(show).join('; '));
});
