/**
 * Troops sent, ordered or rushed to a border are a deployment (CAMEO 154) towards the state beyond it, not military aid nor a
 * purchase ("ordered his troops to the frontier" buys nothing). Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('troops ordered or rushed to a border are deployed against the state beyond it', () => {
  for (const [sentence, source, target] of [
    ["Azerbaijan's leader ordered his army units to the frontier with Armenia.", 'AZE', 'ARM'],
    ['Islamabad rushed reinforcements to its border with Afghanistan.', 'PAK', 'AFG'],
  ] as const) {
    const events = eventsOf(sentence);
    assert.ok(events.some((e) => e.cameo === '154' && e.source?.code?.startsWith(source) && e.target?.code === target), `${sentence}: ${events.map(show).join('; ')}`);
    assert.ok(!events.some((e) => e.cameo.startsWith('06') || e.cameo.startsWith('07')), `${sentence}: ${events.map(show).join('; ')}`);
  }
});
