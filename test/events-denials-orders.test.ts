/**
 * Two readings the words alone got wrong. A verb joined by "and" to a denial is the denier's own act, not part of what is
 * denied ("denied that it shelters rebels and urged X to ..." asserts the urging). "Ordered" with an act noun for object
 * ("ordered the closure of the EU's office") commands something done and buys nothing, even when the noun's own phrase names
 * an actor. A body of people named by an act noun ("the peacekeeping force") that is a verb's subject is that body acting,
 * not its deployment. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('a verb joined to a denial is asserted, what is denied stays denied', () => {
  const events = eventsOf('The Rwandan government denied that it shelters armed groups and urged Kinshasa to disarm its own militias.');
  const urged = events.find((e) => e.cameo.startsWith('02') || e.cameo.startsWith('10'));
  assert.ok(urged, events.map(show).join('; '));
  assert.equal(urged.modality, 'asserted', show(urged));
  assert.equal(urged.target?.code?.slice(0, 3), 'COD', show(urged));
});

test('"ordered" with an act noun for object buys nothing from the actor its phrase names', () => {
  const events = eventsOf('Mali\'s transitional authorities ordered the closure of the United Nations mission\'s radio station.');
  assert.ok(events.every((e) => !e.cameo.startsWith('06')), events.map(show).join('; '));
  assert.ok(events.every((e) => e.source?.code !== 'UNO'), events.map(show).join('; '));
});

test('a body of people named as a verb\'s subject acts; it is not its own deployment', () => {
  const events = eventsOf('The African Union peacekeeping force in Somalia urged both clans to lay down their arms.');
  assert.ok(events.every((e) => !e.cameo.startsWith('07')), events.map(show).join('; '));
  assert.ok(events.some((e) => e.cameo.startsWith('02') || e.cameo.startsWith('10')), events.map(show).join('; '));
});

test('a force sent as an object is still a deployment', () => {
  const events = eventsOf('The African Union approved a peacekeeping force for Somalia.');
  assert.ok(events.some((e) => e.cameo.startsWith('07')), events.map(show).join('; '));
});
