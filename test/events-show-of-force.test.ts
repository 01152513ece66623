/**
 * Warplanes or ships sent or flown toward, around or near a state are a show of force (150), not military cooperation; a verb
 * of regarding with a second object ("considers Taiwan its own territory") names and consults no one; "pressed ahead with"
 * demands nothing; "its air defences" in a ministry's claim are the ministry's state's forces. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('aircraft or ships sent toward a state are a show of force against it', () => {
  for (const sentence of ['Russia flew two strategic bombers around Japan on Wednesday.', 'Beijing sent 18 warplanes and four frigates toward the Philippines.']) {
    const events = eventsOf(sentence);
    assert.ok(events.some((e) => e.cameo === '150'), `${sentence}: ${events.map(show).join('; ')}`);
    assert.ok(!events.some((e) => e.cameo.startsWith('06') || e.cameo.startsWith('07')), `${sentence}: ${events.map(show).join('; ')}`);
  }
});

test('a verb of regarding with two objects codes no consultation', () => {
  const events = eventsOf('Belgrade considers Kosovo a breakaway province and has never recognised it.');
  assert.ok(!events.some((e) => e.cameo.startsWith('04')), events.map(show).join('; '));
});

test('"press ahead with" demands nothing', () => {
  const events = eventsOf('The Israeli official said the government would press ahead with plans for a new settlement near Hebron.');
  assert.ok(!events.some((e) => e.cameo === '100'), events.map(show).join('; '));
});

test('"its air defences" in a ministry\'s claim are that state\'s forces', () => {
  const events = eventsOf("Belarus's defence ministry said on Friday its air defences had shot down two Polish drones near the border.");
  assert.ok(events.some((e) => e.source?.code === 'BLRMIL'), events.map(show).join('; '));
});
