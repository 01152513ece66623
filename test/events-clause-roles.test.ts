/**
 * Who did what to whom where a clause's roles lie outside the predicate's own phrase, each in a sentence written for this
 * file: names listed after ", and" and followed by their own verb open a clause of their own and are no one the predicate
 * acts on; a participle of manner after a phrase of place ("gathered in Tbilisi demanding ...") is the clause subject's act;
 * the subject of a verb of enduring or warding off an act ("repelled an attack", "suffered a wave of attacks") is the one
 * it was aimed at, never its doer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('names listed after ", and" with a verb of their own are no target of the verb before', () => {
  const events = eventsOf('Russia and China voted against the resolution, and Brazil, Kenya and India abstained, diplomats said.');
  const votes = events.filter((e) => e.trigger?.text.startsWith('voted'));
  assert.ok(votes.some((e) => e.source?.code === 'RUS'), events.map(show).join('; '));
  assert.ok(!events.some((e) => ['BRA', 'KEN', 'IND'].includes(e.target?.code ?? '')), events.map(show).join('; '));
});

test('a participle of manner after a phrase of place is the act of the clause subject, not of the place', () => {
  const events = eventsOf('Protesters gathered outside the parliament in Tbilisi demanding new elections.');
  const demand = events.find((e) => e.trigger?.text === 'demanding');
  assert.ok(demand, events.map(show).join('; '));
  assert.equal(demand.source?.code, 'GEOCVL', show(demand));
});

test('who repels or suffers an attack is not its doer', () => {
  const repelled = eventsOf('Latvia repelled the largest cyber attack in its history on Monday, officials said.');
  assert.ok(!repelled.some((e) => e.source?.code === 'LVA'), repelled.map(show).join('; '));
  const suffered = eventsOf('Moldova suffered a wave of cyber attacks last week.');
  assert.ok(!suffered.some((e) => e.source?.code === 'MDA'), suffered.map(show).join('; '));
});
