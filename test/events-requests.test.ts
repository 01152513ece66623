/**
 * What is asked for is no act given: an act noun that a verb of asking takes as object or in its "for" phrase ("to press for
 * more military aid", "sought air defence systems") codes no aid; "pressed for", "lobbied for" are appeals (020). Sentences are
 * our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('aid pressed or lobbied for is not aid given', () => {
  for (const sentence of [
    "Moldova's president met German lawmakers in Berlin to lobby for more military aid.",
    'Armenia pressed for military assistance from its allies in the bloc.',
  ]) {
    const events = eventsOf(sentence);
    assert.ok(!events.some((e) => e.cameo.startsWith('07')), `${sentence}: ${events.map(show).join('; ')}`);
  }
  assert.ok(eventsOf('Armenia pressed for military assistance from its allies in the bloc.').some((e) => e.cameo === '020' && e.source?.code === 'ARM'));
});
