/**
 * A verb of saying in a relative clause on a report ("despite a UN report that said X") opens no attribution of the sentence:
 * the sentence's own act stays asserted with no speaker, and what the report says is reported. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('a report\'s relative clause is no attribution, and what it says is reported', () => {
  const events = eventsOf('Uganda denied arming the rebels in South Sudan, despite a leaked report that said Ugandan soldiers were fighting alongside them.');
  const denial = events.find((e) => e.cameo.startsWith('12'));
  assert.ok(denial, events.map(show).join('; '));
  assert.equal(denial.attribution.speaker, null, `${show(denial)} by ${denial.attribution.speaker}`);
  assert.equal(denial.modality, 'asserted', show(denial));
  for (const e of events.filter((x) => x.source?.code === 'UGAMIL')) assert.equal(e.modality, 'reported', show(e));
});
