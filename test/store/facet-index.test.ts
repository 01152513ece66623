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

  test('counts stay exact past 255 values of a facet and 255 values in one article (wider arrays)', async () => {
    const wide = new SqliteStore(path.join(dir, 'wide.db'));
    await wide.migrate();
    const many = 300;
    const country = (k: number): { id: string; name: string; type: 'country'; code: string; role: null; affiliation: null; lat: null; lon: null; mentions: [] } =>
      ({ id: `country:Q${k}`, name: `Quarry land ${k}`, type: 'country', code: `Q${k}`, role: null, affiliation: null, lat: null, lon: null, mentions: [] });
    for (let k = 0; k < many; k++) {
      const item = makeItem({ title: `Lock gate ${k}`, text: `Lock gate ${k} opens at dawn.`, source: `Canal Courier ${k}`, section: 'Locks' }, { origin: `lock-${k}.txt` });
      item.analysis!.entities = [country(k)];
      await wide.putIngest(item);
    }
    const all = makeItem({ title: 'Every lock gate', text: 'Every lock gate on the canal.', source: 'Canal Courier 0', section: 'Locks' }, { origin: 'locks.txt' });
    all.analysis!.entities = Array.from({ length: many }, (_, k) => country(k));
    await wide.putIngest(all);
    const idOf = (origin: string): number =>
      wide.db.prepare('SELECT a.id FROM articles a JOIN captures c ON c.id = a.capture_id WHERE c.origin = ?').pluck().get(origin) as number;
    for (const smallRange of [0, 1_000_000]) {
      const index = new FacetIndex({ smallRange });
      wide.db.transaction(() => index.refresh(wide.db))();
      for (const k of [0, 254, 255, 256, many - 1]) {
        const formatted = index.format(index.tally([idOf(`lock-${k}.txt`)]));
        assert.deepEqual(formatted.source, [{ value: `Canal Courier ${k}`, count: 1 }]);
        assert.deepEqual(formatted.country, [{ value: `Q${k}`, label: `Quarry land ${k}`, count: 1 }]);
      }
      const tally = index.tally([idOf('locks.txt')]);
      assert.equal(tally.country.reduce((sum, n) => sum + n, 0), many);
      assert.equal(tally.country.filter((n) => n === 1).length, many);
      assert.equal(index.format(null).source.find((f) => f.value === 'Canal Courier 0')?.count, 2);
    }
    await wide.close();
  });
});
