/**
 * Facet postings of a SQLite store (src/store/facet-index.ts): a bulk load (values learnt from the value indexes)
 * and a load a few articles at a time give the same counts, and those counts are the ones SQL gives over the
 * same rows; an article rewritten under another outlet moves its count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from '../../src/store/sqlite.js';
import { FacetIndex } from '../../src/store/facet-index.js';
import { makeItem } from './store-suite.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'watchfloor-facets-'));
let store: SqliteStore;

const OUTLETS = ['Harbor Gazette', 'Lantern Post', 'Ridge Daily'];
const SECTIONS = ['Ports', 'Weather', 'Schools'];
const COUNTRIES = [
  { id: 'country:NOR', name: 'Norway', type: 'country' as const, code: 'NOR' },
  { id: 'country:CHL', name: 'Chile', type: 'country' as const, code: 'CHL' },
  { id: 'country:KEN', name: 'Kenya', type: 'country' as const, code: 'KEN' },
];

before(async () => {
  store = new SqliteStore(path.join(dir, 'facets.db'));
  await store.migrate();
  for (let k = 0; k < 24; k++) {
    const item = makeItem(
      {
        title: `Ferry timetable ${k}`,
        text: `The ferry number ${k} keeps its winter timetable.`,
        source: OUTLETS[k % 3]!,
        section: SECTIONS[k % 2]!,
      },
      { origin: `timetable-${k}.txt` },
    );
    // Countries one to three per article, by a pattern of our own.
    item.analysis!.entities = COUNTRIES.slice(0, 1 + (k % 3)).map((c) => ({
      ...c,
      role: null,
      affiliation: null,
      lat: null,
      lon: null,
      mentions: [],
    }));
    await store.putIngest(item);
  }
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function loaded(options: { smallRange?: number }): FacetIndex {
  const index = new FacetIndex(options);
  store.db.transaction(() => index.refresh(store.db))();
  return index;
}

describe('facet index', () => {
  test('a bulk load and a load per range count the same, as SQL does', () => {
    const bulk = loaded({ smallRange: 0 });
    const small = loaded({ smallRange: 1_000_000 });
    assert.equal(bulk.articleCount, 24);
    assert.deepEqual(bulk.format(null), small.format(null));
    const ids = store.db.prepare('SELECT id FROM articles WHERE id % 2 = 0').pluck().all() as number[];
    assert.deepEqual(bulk.format(bulk.tally(ids)), small.format(small.tally(ids)));
    const bySql = store.db
      .prepare(
        'SELECT COALESCE(source, publisher) AS value, count(*) AS count FROM articles GROUP BY 1 ORDER BY 2 DESC, 1',
      )
      .all();
    assert.deepEqual(bulk.format(null).source, bySql);
    const countries = bulk.format(null).country.map((c) => [c.value, c.count]);
    assert.deepEqual(countries, [
      ['NOR', 24],
      ['CHL', 16],
      ['KEN', 8],
    ]);
  });

  test('follows an article rewritten under another outlet and new articles', async () => {
    const index = loaded({});
    const before = index.format(null).source;
    assert.deepEqual(
      before.find((f) => f.value === 'Harbor Gazette'),
      { value: 'Harbor Gazette', count: 8 },
    );
    await store.putIngest(
      makeItem(
        {
          title: 'Ferry timetable 0',
          text: 'The ferry number 0 keeps its winter timetable.',
          source: 'Lantern Post',
          section: 'Ports',
        },
        { origin: 'timetable-0.txt', version: 'test-2' },
      ),
    );
    await store.putIngest(
      makeItem(
        { title: 'Pier lights', text: 'New lights on the pier.', source: 'Ridge Daily' },
        { origin: 'pier.txt' },
      ),
    );
    store.db.transaction(() => index.refresh(store.db))();
    const after = Object.fromEntries(index.format(null).source.map((f) => [f.value, f.count]));
    assert.deepEqual(after, { 'Harbor Gazette': 7, 'Lantern Post': 9, 'Ridge Daily': 9 });
    assert.equal(index.articleCount, 25);
  });
});
