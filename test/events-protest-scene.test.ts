/**
 * A march or rally whose marchers are named by a role noun ("thousands of farmers marched through Warsaw") is done by the people
 * of the place's country with that role (POLAGR), read from the role noun; the place is where they marched, never whom at.
 * Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('marchers named by a role noun are the people of the country they march through', () => {
  const events = eventsOf('Several thousand farmers marched through Warsaw against cheap grain imports.');
  const march = events.find((e) => e.cameo.startsWith('14'));
  assert.ok(march, events.map(show).join('; '));
  assert.equal(march.source?.code, 'POLAGR', show(march));
  assert.equal(march.roles?.source?.text, 'farmers', show(march));
  assert.notEqual(march.target?.code, 'POL', show(march));
});

test('students rallying across a capital are its civilians', () => {
  const events = eventsOf('Students marched across Kathmandu to demand cheaper fuel.');
  const march = events.find((e) => e.cameo.startsWith('14'));
  assert.ok(march, events.map(show).join('; '));
  assert.equal(march.source?.code, 'NPLCVL', show(march));
});
