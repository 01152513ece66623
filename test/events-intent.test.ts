/**
 * "signed a letter of intent to buy X" is a purchase intended: the purchase is the event, planned (0311), not a purpose clause
 * left out nor a deal done. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('a letter of intent to buy is a planned purchase', () => {
  const events = eventsOf('Colombia signed a letter of intent to buy 16 Gripen fighters from Sweden.');
  const buy = events.find((e) => e.trigger?.text === 'buy');
  assert.ok(buy, events.map(show).join('; '));
  assert.equal(buy.modality, 'planned', show(buy));
  assert.ok([buy.source?.code, buy.target?.code].includes('SWE') && [buy.source?.code, buy.target?.code].includes('COL'), show(buy));
});

test('considering a purchase is no consultation with the seller', () => {
  const events = eventsOf('Chile is considering the purchase of six Type 23 frigates from Britain.');
  assert.ok(!events.some((e) => e.cameo.startsWith('04')), events.map(show).join('; '));
});
