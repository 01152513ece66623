/**
 * Wire-copy constructions, each in a sentence written for this file: a trailing attribution followed, past a comma, by the
 * writer's own background ("..., the ministry said, hours after X warned Y") still names the speaker, who is then never the
 * target of the claim.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('a trailing attribution followed by background of time still names the speaker', () => {
  const events = eventsOf(
    "Iran test-fired three cruise missiles over the Gulf of Oman during a large naval exercise on Thursday morning, its second such drill this year, Oman's defence ministry said, hours after Tehran warned tanker operators to stay clear of the area.",
  );
  const test = events.find((e) => e.trigger?.text === 'test-fired');
  assert.ok(test, events.map(show).join('; '));
  assert.equal(test.attribution.speaker, "Oman's defence ministry", show(test));
  assert.ok(!events.some((e) => e.target?.code?.startsWith('OMN')), events.map(show).join('; '));
});
