/**
 * An official named by title alone ("Defence Minister X said") speaks for the state a wire story is filed from, whose
 * dateline the article stage takes off the text, before the state the article mentions most. A page and names of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../src/core/context.js';
import { analyzeInput } from '../src/analysis.js';

const ctx = createContext({ now: new Date('2026-03-10T10:00:00Z') });

const PAGE = [
  'Riga orders coastal radars as Moscow steps up patrols',
  '',
  'RIGA, March 4 (Baltic Wire) - Latvia will order four coastal surveillance radars, Interior Minister Aivars Liepkalns said on Wednesday, after Russian warships were seen near its waters.',
  '',
  'Russian patrol boats and Russian aircraft have been seen off the coast more often this winter, and Russia has warned its neighbours against new deployments.',
  '',
  'The radars will be installed along the coast before the winter storms.',
].join('\n');

test('a titled official with no country of his own named belongs to the state of the dateline, not the one named most', () => {
  const doc = analyzeInput({ origin: 'riga.txt', bytes: Buffer.from(PAGE) }, ctx);
  assert.equal(doc.article?.dateline, 'RIGA');
  const minister = doc.entities?.find((e) => e.type === 'person' && e.name.includes('Liepkalns'));
  assert.ok(minister, JSON.stringify(doc.entities?.map((e) => e.name)));
  assert.equal(minister.country, 'LVA', JSON.stringify(minister));
  assert.equal(minister.code, 'LVAGOV', JSON.stringify(minister));
});
