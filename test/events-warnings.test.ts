/**
 * A warning or a threat is the event; what it warns against or threatens is no act told. "X warned Y
 * against an assault on Z" codes X warning Y, never an assault by X; a name in "-ing" opening the
 * sentence is its subject, not a passive auxiliary. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('an act noun in the "against" phrase of a warning is no act of the one who warns', () => {
  const events = eventsOf('The United States warned Iran against any assault on shipping lanes.');
  assert.ok(events.some((e) => e.cameo.startsWith('13') && e.source?.code === 'USA' && e.target?.code === 'IRN'), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo.startsWith('19')), events.map(show).join('; '));
});

test('a gerund in the "against" phrase of a warning is no act either, and the city that warns is the subject', () => {
  const events = eventsOf('Beijing warned Canberra against selling uranium to Taipei, saying such exports would hurt ties.');
  assert.ok(events.some((e) => e.cameo.startsWith('13') && e.source?.code === 'CHN' && e.target?.code === 'AUS'), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo.startsWith('07') || e.cameo.startsWith('06')), events.map(show).join('; '));
});

test('what a state warns it would do is no act done, and the warning is coded', () => {
  const events = eventsOf('Pyongyang warned that it would shoot down any spy plane over its waters.');
  assert.ok(events.some((e) => e.cameo.startsWith('13') && e.source?.code === 'PRK'), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo.startsWith('19') && e.modality === 'asserted'), events.map(show).join('; '));
});
