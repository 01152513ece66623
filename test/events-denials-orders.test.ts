/**
 * Readings the words alone got wrong. A verb joined by "and" to a denial is the denier's own act, not part of what is
 * denied ("denied that it shelters rebels and urged X to ..." asserts the urging). "Ordered" with an act noun for object
 * ("ordered the closure of the EU's office") commands something done and buys nothing, even when the noun's own phrase names
 * an actor. A body of people named by an act noun ("the peacekeeping force") that is a verb's subject is that body acting,
 * not its deployment. "Charged with" lays a charge and opens no attribution; calling up reservists mobilises (154).
 * An attack made in a medium of speech ("in a televised speech") is criticism. A phrase of time or circumstance ("during
 * Lukashenko's trip") names no one acted on. Sentences are our own.
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

test('"charged with" lays a charge; it attributes nothing, and the act before it stands', () => {
  const events = eventsOf('Canberra summoned the Iranian envoy after two men were charged with arson at a synagogue.');
  const summoned = events.find((e) => e.cameo.startsWith('11'));
  assert.ok(summoned, events.map(show).join('; '));
  assert.equal(summoned.source?.code, 'AUS', show(summoned));
  assert.equal(summoned.attribution.speaker, null, show(summoned));
});

test('calling up reservists or conscripts mobilises armed forces (154)', () => {
  const events = eventsOf('Armenia called up 5,000 reservists for a month of training.');
  assert.ok(events.some((e) => e.cameo === '154' && e.source?.code === 'ARM'), events.map(show).join('; '));
});

test('an attack made in a medium of speech is criticism (111), not violence', () => {
  const events = eventsOf('Colombia\'s president attacked the Ecuadorian government in a televised speech on Friday.');
  const attack = events.find((e) => e.trigger?.text.startsWith('attacked'));
  assert.ok(attack, events.map(show).join('; '));
  assert.equal(attack.cameo, '111', show(attack));
  const strike = eventsOf('Colombian jets attacked a rebel camp near the Ecuadorian border on Friday.').find((e) => e.trigger?.text.startsWith('attacked'));
  assert.ok(strike && strike.cameo.startsWith('19'), strike ? show(strike) : 'no strike');
});

test('a phrase of time or circumstance names no one acted on: two signatories sign with each other', () => {
  const events = eventsOf('Belarus and Iran signed a security pact during Lukashenko\'s trip to Tehran.');
  const signed = events.filter((e) => e.cameo === '057');
  assert.ok(signed.some((e) => e.source?.code === 'BLR' && e.target?.code === 'IRN'), events.map(show).join('; '));
  assert.ok(signed.every((e) => e.target?.code !== 'BLRGOV'), events.map(show).join('; '));
});
