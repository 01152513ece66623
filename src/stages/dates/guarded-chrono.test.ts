import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as chrono from 'chrono-node';
import { casualEnglish } from './guarded-chrono.js';

const reference = { instant: new Date(Date.UTC(2021, 8, 11, 12)), timezone: 0 };

/** What a parse gives, in a comparable form. */
function readings(results: chrono.ParsedResult[]): string[] {
  return results.map((r) => `${r.index}:${r.text}:${r.start.date().toISOString()}`);
}

test('guarded chrono reads the same dates as chrono on texts with and without the guarded words', () => {
  const texts = [
    'The strike came three days ago, two weeks after the talks and a month before the vote.',
    'Troops will withdraw two months later; talks resume 3 days from now.',
    'On Friday, 10 September 2021 the ministry said the drill ended last week.',
    'No date here at all, only a carried out raid and an outpost.',
  ];
  for (const text of texts) assert.deepEqual(readings(casualEnglish.parse(text, reference)), readings(chrono.casual.parse(text, reference)), text);
  assert.equal(casualEnglish.parse('It happened 2 hours ago.', reference).length, 1);
});
