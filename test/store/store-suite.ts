/**
 * The store test suite, engine-neutral: `storeSuite(name, open)` registers every test against stores made
 * by `open`, so SQLite and PostgreSQL pass the same checks. A new Store method gets its tests here, once.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../../src/analysis.js';
import type { Entity, Event, Transfer } from '../../src/core/doc.js';
import type { IngestItem, Store } from '../../src/store.js';

/** A fresh, migrated, empty store and how to throw it away. */
export interface StoreHandle {
  store: Store;
  cleanup(): Promise<void>;
}

export type OpenStore = () => Promise<StoreHandle>;

/** What a fixture page says; everything else gets a neutral default. */
export interface PageSpec {
  title?: string | null;
  text: string;
  published?: string | null;
  source?: string | null;
  publisher?: string | null;
  section?: string | null;
  sections?: string[];
  entities?: Array<Partial<Entity> & Pick<Entity, 'id' | 'name' | 'type'>>;
  events?: Array<Partial<Event> & Pick<Event, 'cameo' | 'plover'>>;
  transfers?: Array<Partial<Transfer>>;
}

/** A contract-shaped analysis for a fixture page. */
export function makeAnalysis(spec: PageSpec): Analysis {
  const evidence = { text: spec.text.slice(0, 10), start: 0, end: Math.min(10, spec.text.length) };
  return {
    contract: 1,
    article: {
      title: spec.title ?? null,
      text: spec.text,
      publisher: spec.publisher ?? null,
      source: spec.source ?? null,
      section: spec.section ?? null,
      byline: null,
      published: spec.published ?? null,
      language: 'en',
      url: null,
    },
    entities: (spec.entities ?? []).map((e) => ({
      code: null,
      role: null,
      affiliation: null,
      lat: null,
      lon: null,
      mentions: [{ text: e.name, start: 0, end: e.name.length }],
      ...e,
    })),
    dates: [],
    events: (spec.events ?? []).map((e) => ({
      source: null,
      target: null,
      date: null,
      precision: 'day' as const,
      modality: 'asserted' as const,
      quantities: [],
      location: null,
      attribution: { speaker: null, via: [] },
      evidence,
      ...e,
    })),
    transfers: (spec.transfers ?? []).map((t) => ({
      supplier: null,
      recipient: null,
      items: [],
      status: 'delivered' as const,
      date: null,
      evidence,
      ...t,
    })),
    sections: (spec.sections ?? []).map((name) => ({ kind: 'section' as const, name, evidence: [evidence] })),
    messages: [],
  };
}

/** An ingest item for a fixture page; the bytes are the text, so equal texts are equal captures. */
export function makeItem(spec: PageSpec, options: { origin?: string; version?: string } = {}): IngestItem {
  const bytes = Buffer.from(`${spec.title ?? ''}\n\n${spec.text}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    capture: {
      sha256,
      size: bytes.length,
      mediaType: 'text/plain',
      origin: options.origin ?? `fixture-${sha256.slice(0, 8)}.txt`,
      capturedAt: '2024-01-01T00:00:00.000Z',
      isGzipped: false,
    },
    bytes,
    url: null,
    analysis: makeAnalysis(spec),
    failure: null,
    pipelineVersion: options.version ?? 'test-1',
  };
}

const RUS = { id: 'country:RUS', name: 'Russia', type: 'country' as const, code: 'RUS', lat: 61.5, lon: 105.3 };
const TJK = { id: 'country:TJK', name: 'Tajikistan', type: 'country' as const, code: 'TJK', lat: 38.9, lon: 71.3 };
const POL = { id: 'country:POL', name: 'Poland', type: 'country' as const, code: 'POL' };
const SHOIGU = { id: 'person:sergei-shoigu', name: 'Sergei Shoigu', type: 'person' as const, role: 'Minister of Defence' };

/** The search corpus: five pages built so each query below has one right answer on either engine. */
const CORPUS: Record<string, PageSpec> = {
  tajik: {
    title: 'Russia sends armored vehicles to Tajikistan',
    text: 'Moscow delivered twelve armored vehicles to Dushanbe on Friday, the defense ministry said.',
    published: '2021-09-11T12:42:00',
    source: 'Iran Press TV',
    publisher: 'GlobalSecurity.org',
    section: 'Weapons',
    entities: [RUS, TJK, SHOIGU],
    events: [{ cameo: '072', plover: 'AID', source: { name: 'Russia', code: 'RUSMIL' }, target: { name: 'Tajikistan', code: 'TJK' }, date: '2021-09-11' }],
    transfers: [{ supplier: 'RUS', recipient: 'TJK', items: [{ count: 12, item: 'armored vehicles' }], date: '2021-09-11' }],
  },
  drills: {
    title: 'Joint drills near the Afghan border',
    text: 'Troops from Russia and Tajikistan held drills with vehicles that were armored and tanks near the border.',
    published: '2021-10-02',
    source: 'TASS',
    section: 'Exercises',
    sections: ['Weapons'],
    entities: [RUS, TJK],
    events: [{ cameo: '042', plover: 'CONSULT', source: { name: 'Russia', code: 'RUS' }, target: { name: 'Tajikistan', code: 'TJK' }, date: '2021-10-02' }],
  },
  poland: {
    title: 'Poland orders K2 tanks',
    text: 'Warsaw signed a contract for 180 K2 tanks, the Polish defence ministry said.',
    published: '2022-07-27',
    source: 'Reuters',
    section: 'Procurement',
    entities: [POL],
    events: [{ cameo: '061', plover: 'COOPERATE', source: { name: 'Poland', code: 'POL' }, target: null, date: '2022-07-27' }],
    transfers: [{ supplier: 'KOR', recipient: 'POL', status: 'ordered', items: [{ count: 180, item: 'K2 tanks' }], date: '2022-07-27' }],
  },
  drones: {
    title: 'Air defence update',
    text: 'Officials said drones were intercepted overnight; no tanks were involved in the incident.',
    published: '2023-03-01',
    source: 'reuters',
    section: 'Air defence',
    entities: [],
  },
  undated: {
    title: null,
    text: 'A short bulletin with no date mentions Tajikistan once.',
    published: null,
    source: null,
  },
};

/** Registers the whole suite under `name`, each test on a fresh store from `open`. */
export function storeSuite(name: string, open: OpenStore, options: { skip?: string } = {}): void {
  const skip = options.skip ?? false;
  const handles: StoreHandle[] = [];
  const fresh = async (): Promise<Store> => {
    const handle = await open();
    handles.push(handle);
    return handle.store;
  };
  /** A fresh store holding the corpus; returns it and the article id of each page. */
  const withCorpus = async (): Promise<{ store: Store; ids: Record<string, number> }> => {
    const store = await fresh();
    const ids: Record<string, number> = {};
    for (const [key, spec] of Object.entries(CORPUS)) {
      const stored = await store.putIngest(makeItem(spec, { origin: `${key}.txt` }));
      assert.ok(stored.articleId !== null);
      ids[key] = stored.articleId;
    }
    return { store, ids };
  };
  const searchIds = async (store: Store, query: Parameters<Store['search']>[0], ids: Record<string, number>): Promise<string[]> => {
    const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    return (await store.search(query)).hits.map((h) => byId.get(h.id) ?? `#${h.id}`);
  };

  describe(`store suite: ${name}`, { skip }, () => {
    // Each test's stores are closed when it ends: kept open to the end, the PostgreSQL pools of 30-odd
    // tests would hold more connections than the server allows.
    afterEach(async () => {
      for (const handle of handles.splice(0)) await handle.cleanup();
    });

    test('migrate is safe to run again on a migrated store', async () => {
      const store = await fresh();
      await store.migrate();
      assert.deepEqual(await store.stats(), { captures: 0, articles: 0, events: 0, transfers: 0, entities: 0, failures: 0 });
    });

    test('captures: the same bytes twice are one capture; bytes come back verbatim', async () => {
      const store = await fresh();
      const item = makeItem(CORPUS['tajik']!);
      const first = await store.putIngest(item);
      const second = await store.putIngest(item);
      assert.equal(first.isNew, true);
      assert.equal(second.isNew, false);
      assert.equal(second.id, first.id);
      assert.equal(second.articleId, first.articleId);
      const record = await store.findCapture(item.capture.sha256);
      assert.deepEqual(record, {
        id: first.id,
        sha256: item.capture.sha256,
        size: item.bytes.length,
        mediaType: 'text/plain',
        origin: item.capture.origin,
        url: null,
        capturedAt: '2024-01-01T00:00:00.000Z',
        isGzipped: false,
      });
      assert.deepEqual(await store.getCapture(first.id), record);
      assert.deepEqual(await store.getCaptureBytes(first.id), item.bytes);
      assert.equal(await store.findCapture('0'.repeat(64)), null);
      assert.equal(await store.getCapture(first.id + 1000), null);
      assert.equal(await store.getCaptureBytes(first.id + 1000), null);
      assert.deepEqual(await store.listCaptureIds(), [first.id]);
      assert.equal(await store.analysisVersion(first.id), 'test-1');
      const stats = await store.stats();
      assert.equal(stats.captures, 1);
      assert.equal(stats.articles, 1);
    });

    test('captures: concurrent ingests of the same bytes store one capture and one article', async () => {
      const store = await fresh();
      const item = makeItem(CORPUS['drills']!);
      const results = await Promise.all(Array.from({ length: 6 }, () => store.putIngest(item)));
      assert.equal(new Set(results.map((r) => r.id)).size, 1);
      assert.equal(results.filter((r) => r.isNew).length, 1);
      const stats = await store.stats();
      assert.deepEqual([stats.captures, stats.articles, stats.events], [1, 1, 1]);
    });

    test('binary bytes round-trip, and a capture without analysis has no version', async () => {
      const store = await fresh();
      const bytes = Buffer.from([0, 1, 2, 255, 254, 0x1f, 0x8b, 0]);
      const item: IngestItem = {
        ...makeItem({ text: 'x' }),
        bytes,
        analysis: null,
        failure: { code: 'decode/binary', message: 'bin.dat: binary' },
      };
      const stored = await store.putIngest(item);
      assert.equal(stored.articleId, null);
      assert.deepEqual(await store.getCaptureBytes(stored.id), bytes);
      assert.equal(await store.analysisVersion(stored.id), null);
      const [failure] = await store.listFailures();
      assert.equal(failure?.code, 'decode/binary');
      assert.equal(failure?.sha256, item.capture.sha256);
    });

    test('failures: recorded and listed newest first, with a limit', async () => {
      const store = await fresh();
      for (const n of [1, 2, 3]) {
        await store.recordFailure({ origin: `f${n}.html`, sha256: null, code: 'capture/empty', message: `f${n}.html: empty`, at: `2024-01-0${n}T00:00:00Z` });
      }
      const failures = await store.listFailures(2);
      assert.deepEqual(
        failures.map((f) => f.origin),
        ['f3.html', 'f2.html'],
      );
      assert.deepEqual(failures[0], { origin: 'f3.html', sha256: null, code: 'capture/empty', message: 'f3.html: empty', at: '2024-01-03T00:00:00Z' });
      assert.equal((await store.stats()).failures, 3);
    });

    test('analyses: getArticle returns the stored analysis as given', async () => {
      const { store, ids } = await withCorpus();
      const article = await store.getArticle(ids['tajik']!);
      assert.ok(article);
      assert.deepEqual(article.analysis, makeAnalysis(CORPUS['tajik']!));
      assert.equal(article.origin, 'tajik.txt');
      assert.equal(article.pipelineVersion, 'test-1');
      assert.equal(article.sha256, makeItem(CORPUS['tajik']!).capture.sha256);
      assert.equal(await store.getArticle(99999), null);
      const stats = await store.stats();
      assert.deepEqual(stats, { captures: 5, articles: 5, events: 3, transfers: 2, entities: 4, failures: 0 });
    });

    test('search: a title match ranks above a body match; scores ascend', async () => {
      const { store, ids } = await withCorpus();
      // "tanks": title of `poland`, body of `drills` and `drones`.
      const result = await store.search({ q: 'tanks' });
      assert.equal(result.total, 3);
      assert.equal((await searchIds(store, { q: 'tanks' }, ids))[0], 'poland');
      const scores = result.hits.map((h) => h.score);
      assert.ok(scores.every((s) => typeof s === 'number'));
      assert.deepEqual([...scores].sort((x, y) => (x) - (y)), scores);
    });

    test('search: all words must match; case does not matter', async () => {
      const { store, ids } = await withCorpus();
      assert.deepEqual((await searchIds(store, { q: 'TAJIKISTAN drills' }, ids)).sort(), ['drills']);
      assert.deepEqual((await searchIds(store, { q: 'armored' }, ids)).sort(), ['drills', 'tajik']);
    });

    test('search: a quoted phrase matches its words in order only', async () => {
      const { store, ids } = await withCorpus();
      // `drills` has "armored" and "vehicles" but apart.
      assert.deepEqual(await searchIds(store, { q: '"armored vehicles"' }, ids), ['tajik']);
    });

    test('search: OR and exclusion', async () => {
      const { store, ids } = await withCorpus();
      assert.deepEqual((await searchIds(store, { q: 'drones OR K2' }, ids)).sort(), ['drones', 'poland']);
      assert.deepEqual((await searchIds(store, { q: 'tanks -drones' }, ids)).sort(), ['drills', 'poland']);
      assert.deepEqual((await searchIds(store, { q: 'tanks -"defence ministry"' }, ids)).sort(), ['drills', 'drones']);
      assert.deepEqual(await searchIds(store, { q: 'nothingmatchesthis' }, ids), []);
      // Punctuation cannot break the engine's syntax.
      assert.deepEqual((await searchIds(store, { q: 'K2" OR (tanks' }, ids)).sort(), ['drills', 'drones', 'poland']);
    });

    test('search: snippets mark matches with « »', async () => {
      const { store } = await withCorpus();
      const [hit] = (await store.search({ q: 'intercepted' })).hits;
      assert.ok(hit);
      assert.match(hit.snippet, /«intercepted»/);
      const plain = await store.search({ q: '' });
      assert.ok(plain.hits.every((h) => h.score === null && !h.snippet.includes('«')));
    });

    test('search: no query lists everything newest first, undated last; sort by date', async () => {
      const { store, ids } = await withCorpus();
      assert.deepEqual(await searchIds(store, {}, ids), ['drones', 'poland', 'drills', 'tajik', 'undated']);
      assert.deepEqual(await searchIds(store, { q: 'tanks', sort: 'date' }, ids), ['drones', 'poland', 'drills']);
    });

    test('search: pagination keeps the total', async () => {
      const { store, ids } = await withCorpus();
      const page = await store.search({ limit: 2, offset: 2 });
      assert.equal(page.total, 5);
      assert.deepEqual(await searchIds(store, { limit: 2, offset: 2 }, ids), ['drills', 'tajik']);
      assert.deepEqual(await searchIds(store, { limit: 2, offset: 10 }, ids), []);
    });

    test('search: filters by time, source, section, country, actor and event type', async () => {
      const { store, ids } = await withCorpus();
      const find = async (query: Parameters<Store['search']>[0]): Promise<string[]> => (await searchIds(store, query, ids)).sort();
      assert.deepEqual(await find({ since: '2021-10-01', until: '2022-12-31' }), ['drills', 'poland']);
      assert.deepEqual(await find({ since: '2022-07-27T00:00:00Z' }), ['drones', 'poland']);
      assert.deepEqual(await find({ source: 'REUTERS' }), ['drones', 'poland']);
      assert.deepEqual(await find({ source: 'globalsecurity.org' }), ['tajik']);
      assert.deepEqual(await find({ section: 'weapons' }), ['drills', 'tajik']);
      assert.deepEqual(await find({ country: 'tjk' }), ['drills', 'tajik']);
      assert.deepEqual(await find({ actor: 'person:sergei-shoigu' }), ['tajik']);
      assert.deepEqual(await find({ actor: 'rus' }), ['drills', 'tajik']);
      assert.deepEqual(await find({ actor: 'RUSMIL' }), ['tajik']);
      assert.deepEqual(await find({ eventType: 'aid' }), ['tajik']);
      assert.deepEqual(await find({ eventType: '04' }), ['drills']);
      assert.deepEqual(await find({ q: 'tanks', country: 'POL' }), ['poland']);
    });

    test('search: facets count the matching articles', async () => {
      const { store } = await withCorpus();
      const { facets, total } = await store.search({ q: 'tanks OR Tajikistan' });
      assert.equal(total, 5);
      assert.deepEqual(facets.source, [
        { value: 'Iran Press TV', count: 1 },
        { value: 'Reuters', count: 1 },
        { value: 'TASS', count: 1 },
        { value: 'reuters', count: 1 },
      ]);
      assert.deepEqual(
        facets.country.map((f) => [f.value, f.label, f.count]),
        [['RUS', 'Russia', 2], ['TJK', 'Tajikistan', 2], ['POL', 'Poland', 1]],
      );
      assert.deepEqual(facets.eventType, [
        { value: 'AID', count: 1 },
        { value: 'CONSULT', count: 1 },
        { value: 'COOPERATE', count: 1 },
      ]);
      const narrow = await store.search({ q: 'drones' });
      assert.deepEqual(narrow.facets.section, [{ value: 'Air defence', count: 1 }]);
      assert.deepEqual(narrow.facets.country, []);
    });

    test('search: facets are exact over every match, actors included, and say how many they counted', async () => {
      const store = await fresh();
      // 90 pages of our own: outlet k % 4, country k % 3, a second event type on every fifth page.
      const outlets = ['Harbor Gazette', 'Lantern Post', 'Ridge Daily', 'Valley Wire'];
      const countries = [RUS, TJK, POL];
      for (let k = 0; k < 90; k++) {
        const country = countries[k % 3]!;
        await store.putIngest(
          makeItem(
            {
              title: `Bulletin ${k}`,
              text: `Convoy number ${k} crossed the river${k % 2 === 0 ? ' with lorries' : ''}.`,
              published: `2020-01-${String(1 + (k % 28)).padStart(2, '0')}`,
              source: outlets[k % 4]!,
              section: k % 2 === 0 ? 'Logistics' : 'Border',
              entities: [country],
              events: [
                { cameo: '042', plover: 'CONSULT', source: { name: country.name, code: country.code }, target: null },
                ...(k % 5 === 0 ? [{ cameo: '190', plover: 'ASSAULT', source: null, target: { name: 'Poland', code: 'POLMIL' } }] : []),
              ],
            },
            { origin: `bulletin-${k}.txt` },
          ),
        );
      }
      const all = await store.search({ q: 'convoy' });
      assert.equal(all.total, 90);
      assert.equal(all.facetsCounted, 90);
      assert.deepEqual(all.facets.source.map((f) => [f.value, f.count]), [
        ['Harbor Gazette', 23],
        ['Lantern Post', 23],
        ['Ridge Daily', 22],
        ['Valley Wire', 22],
      ]);
      assert.deepEqual(all.facets.country.map((f) => [f.value, f.label, f.count]), [
        ['POL', 'Poland', 30],
        ['RUS', 'Russia', 30],
        ['TJK', 'Tajikistan', 30],
      ]);
      assert.deepEqual(all.facets.eventType, [
        { value: 'CONSULT', count: 90 },
        { value: 'ASSAULT', count: 18 },
      ]);
      assert.deepEqual(all.facets.actor, [
        { value: 'POL', count: 30 },
        { value: 'RUS', count: 30 },
        { value: 'TJK', count: 30 },
        { value: 'POLMIL', count: 18 },
      ]);
      const lorries = await store.search({ q: 'lorries', country: 'rus' });
      // Even k with k % 3 === 0: 0, 6, ..., 84.
      assert.equal(lorries.total, 15);
      assert.deepEqual(lorries.facets.section, [{ value: 'Logistics', count: 15 }]);
      // Nothing typed: every article counts.
      const everything = await store.search({});
      assert.equal(everything.total, 90);
      assert.deepEqual(everything.facets.section, [
        { value: 'Border', count: 45 },
        { value: 'Logistics', count: 45 },
      ]);
    });

    test('search: an article stored after a search is in the next answer; a rewritten one too', async () => {
      const { store, ids } = await withCorpus();
      const before = await store.search({ q: 'tanks', sort: 'date' });
      assert.equal(before.total, 3);
      const added = await store.putIngest(
        makeItem(
          { title: 'Tanks on parade', text: 'Columns of tanks rolled past.', published: '2024-05-09', source: 'Lantern Post', entities: [POL] },
          { origin: 'parade.txt' },
        ),
      );
      const after = await store.search({ q: 'tanks', sort: 'date' });
      assert.equal(after.total, 4);
      assert.equal(after.hits[0]?.id, added.articleId);
      assert.ok(after.facets.source.some((f) => f.value === 'Lantern Post' && f.count === 1));
      assert.ok(after.facets.country.some((f) => f.value === 'POL' && f.count === 2));
      // Reprocessing the Polish page under another outlet moves its facet.
      const poland = await store.getArticle(ids['poland']!);
      assert.ok(poland);
      const analysis = { ...poland.analysis, article: { ...poland.analysis.article, source: 'Ridge Daily' } };
      await store.putAnalysis(poland.captureId, analysis, 'test-2');
      const rewritten = await store.search({ q: 'tanks', sort: 'date' });
      assert.equal(rewritten.total, 4);
      assert.ok(rewritten.facets.source.some((f) => f.value === 'Ridge Daily' && f.count === 1));
      assert.ok(!rewritten.facets.source.some((f) => f.value === 'Reuters'));
    });

    test('search: a query of exclusions only excludes', async () => {
      const { store, ids } = await withCorpus();
      assert.deepEqual((await searchIds(store, { q: '-tanks' }, ids)).sort(), ['tajik', 'undated']);
      assert.deepEqual((await searchIds(store, { q: '-tanks -"Tajikistan"' }, ids)).sort(), []);
      assert.equal((await store.search({ q: '-tanks' })).total, 2);
      assert.deepEqual((await searchIds(store, { q: '-drones', source: 'reuters' }, ids)).sort(), ['poland']);
    });

    test('search: many exclusions work; past the cap on terms the answer is a 400 naming it', async () => {
      const { store, ids } = await withCorpus();
      const many = Array.from({ length: 60 }, (_, k) => `-absentword${k}`).join(' ');
      assert.deepEqual((await searchIds(store, { q: `tanks ${many}` }, ids)).sort(), ['drills', 'drones', 'poland']);
      const tooMany = Array.from({ length: 97 }, (_, k) => `-absentword${k}`).join(' ');
      await assert.rejects(store.search({ q: `tanks ${tooMany}` }), (error: Error & { status?: number; code?: string }) => {
        assert.equal(error.status, 400);
        assert.equal(error.code, 'search/too-many-terms');
        assert.match(error.message, /q: more than 64 terms/);
        return true;
      });
    });

    test('search: guillemets in the page never look like a highlight', async () => {
      const store = await fresh();
      await store.putIngest(
        makeItem(
          { title: 'Harbour notes', text: 'The pilot called it «the narrow gate» before the ferry left the quay at dawn.' },
          { origin: 'quotes.txt' },
        ),
      );
      const [hit] = (await store.search({ q: 'ferry' })).hits;
      assert.ok(hit);
      assert.match(hit.snippet, /«ferry»/);
      assert.match(hit.snippet, /‹the narrow gate›/);
      assert.equal(hit.snippet.match(/«/g)?.length, 1);
      const [listed] = (await store.search({})).hits;
      assert.ok(listed && !listed.snippet.includes('«'));
    });

    test('events, transfers, entities and search: LIKE wildcards in filters match only themselves', async () => {
      const { store, ids } = await withCorpus();
      assert.deepEqual(await store.listEvents({ actor: 'R_S' }), []);
      assert.deepEqual(await store.listEvents({ actor: '%' }), []);
      assert.deepEqual(await store.listEvents({ eventType: '%' }), []);
      assert.deepEqual(await store.listEvents({ eventType: '0_' }), []);
      assert.deepEqual(await store.listTransfers({ actor: '_US' }), []);
      assert.deepEqual(await store.listTransfers({ actor: '%' }), []);
      assert.deepEqual(await store.listEntities({ q: '%' }), []);
      assert.deepEqual(await store.listEntities({ q: 'R_ss' }), []);
      assert.deepEqual(await searchIds(store, { actor: 'R_S' }, ids), []);
      assert.deepEqual(await searchIds(store, { eventType: '%' }, ids), []);
      // The same filters without wildcards still match by prefix.
      assert.equal((await store.listEvents({ actor: 'RUS' })).length, 2);
      assert.equal((await store.listEntities({ q: 'uss' })).length, 1);
    });

    test('events: listed newest first, filtered by type, actor, time and article', async () => {
      const { store, ids } = await withCorpus();
      const all = await store.listEvents();
      assert.deepEqual(all.map((e) => e.cameo), ['061', '042', '072']);
      const aid = await store.listEvents({ eventType: 'AID' });
      assert.equal(aid.length, 1);
      const [e] = aid;
      assert.equal(e?.articleId, ids['tajik']);
      assert.equal(e?.sourceCode, 'RUSMIL');
      assert.equal(e?.targetName, 'Tajikistan');
      assert.equal(e?.articleTitle, CORPUS['tajik']!.title);
      assert.equal(e?.articleSource, 'Iran Press TV');
      assert.deepEqual(e?.evidence, makeAnalysis(CORPUS['tajik']!).events[0]?.evidence);
      assert.deepEqual(e?.via, []);
      assert.deepEqual((await store.listEvents({ actor: 'tjk' })).map((x) => x.cameo), ['042', '072']);
      assert.deepEqual((await store.listEvents({ since: '2022-01-01' })).map((x) => x.cameo), ['061']);
      assert.deepEqual((await store.listEvents({ until: '2021-12-31', eventType: '04' })).map((x) => x.cameo), ['042']);
      assert.deepEqual((await store.listEvents({ articleId: ids['poland']! })).map((x) => x.cameo), ['061']);
      assert.deepEqual((await store.listEvents({ limit: 1, offset: 1 })).map((x) => x.cameo), ['042']);
    });

    test('transfers: listed with their article, filtered by actor', async () => {
      const { store, ids } = await withCorpus();
      const all = await store.listTransfers();
      assert.deepEqual(all.map((t) => [t.supplier, t.recipient, t.status]), [['KOR', 'POL', 'ordered'], ['RUS', 'TJK', 'delivered']]);
      assert.deepEqual(all[1]?.items, [{ count: 12, item: 'armored vehicles' }]);
      assert.equal(all[1]?.articleId, ids['tajik']);
      assert.equal(all[1]?.articleSource, 'Iran Press TV');
      assert.deepEqual((await store.listTransfers({ actor: 'pol' })).map((t) => t.supplier), ['KOR']);
      assert.deepEqual((await store.listTransfers({ articleId: ids['tajik']! })).map((t) => t.recipient), ['TJK']);
    });

    test('entities: counts across articles, filters, history', async () => {
      const { store, ids } = await withCorpus();
      const all = await store.listEntities();
      assert.deepEqual(all.map((e) => [e.id, e.articleCount]), [
        ['country:RUS', 2],
        ['country:TJK', 2],
        ['country:POL', 1],
        ['person:sergei-shoigu', 1],
      ]);
      const rus = await store.getEntity('country:RUS');
      assert.deepEqual(rus, {
        id: 'country:RUS', name: 'Russia', type: 'country', code: 'RUS', lat: 61.5, lon: 105.3,
        articleCount: 2, mentionCount: 2, firstSeen: '2021-09-11', lastSeen: '2021-10-02',
      });
      assert.equal(await store.getEntity('country:XXX'), null);
      assert.deepEqual((await store.listEntities({ type: 'person' })).map((e) => e.id), ['person:sergei-shoigu']);
      assert.deepEqual((await store.listEntities({ q: 'shoi' })).map((e) => e.id), ['person:sergei-shoigu']);
      assert.deepEqual((await store.listEntities({ q: 'pol' })).map((e) => e.id), ['country:POL']);
      assert.deepEqual((await store.listEntities({ limit: 1, offset: 1 })).map((e) => e.id), ['country:TJK']);
      const history = await store.entityMentions('country:TJK');
      assert.deepEqual(history.map((m) => m.articleId), [ids['drills'], ids['tajik']]);
      assert.deepEqual(history[1], {
        articleId: ids['tajik'], title: CORPUS['tajik']!.title, published: '2021-09-11T12:42:00', name: 'Tajikistan', role: null, count: 1,
      });
      const [shoigu] = await store.entityMentions('person:sergei-shoigu');
      assert.equal(shoigu?.role, 'Minister of Defence');
    });

    test('reprocess: putAnalysis replaces the old analysis, keeps the article id, drops old rows', async () => {
      const store = await fresh();
      const stored = await store.putIngest(makeItem(CORPUS['tajik']!));
      const revised = makeAnalysis({
        ...CORPUS['tajik']!,
        title: 'Revised headline about howitzers',
        entities: [POL],
        events: [{ cameo: '190', plover: 'ASSAULT', date: '2021-09-12' }],
        transfers: [],
      });
      const articleId = await store.putAnalysis(stored.id, revised, 'test-2');
      assert.equal(articleId, stored.articleId);
      assert.equal(await store.analysisVersion(stored.id), 'test-2');
      assert.deepEqual((await store.getArticle(articleId))?.analysis, revised);
      assert.deepEqual((await store.listEvents()).map((e) => e.cameo), ['190']);
      assert.deepEqual(await store.listTransfers(), []);
      assert.equal((await store.getEntity('country:RUS'))?.articleCount, 0);
      assert.equal((await store.getEntity('country:POL'))?.articleCount, 1);
      assert.equal((await store.search({ q: 'howitzers' })).total, 1);
      assert.equal((await store.search({ q: '"armored vehicles to Tajikistan"' })).total, 0);
      const stats = await store.stats();
      assert.deepEqual([stats.captures, stats.articles, stats.events, stats.transfers], [1, 1, 1, 0]);
    });

    test('search: a very long article (over a megabyte of distinct words) is stored and found', async () => {
      const store = await fresh();
      const words = Array.from({ length: 120_000 }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`);
      const stored = await store.putIngest(makeItem({ title: 'Long dump', text: `needleword ${words.join(' ')}` }));
      assert.ok(stored.articleId !== null);
      assert.equal((await store.search({ q: 'needleword' })).total, 1);
      assert.equal((await store.search({ q: 'dump' })).total, 1);
    });

    test('monitoring: watch state and watched items are kept and replaced', async () => {
      const store = await fresh();
      assert.equal(await store.getWatchState('feed:a'), null);
      const state = { sourceKey: 'feed:a', etag: '"x1"', lastModified: null, lastPolledAt: '2024-01-01T00:00:00Z', lastStatus: 'ok', lastError: null };
      await store.putWatchState(state);
      await store.putWatchState({ ...state, etag: '"x2"', lastStatus: 'not-modified' });
      assert.deepEqual(await store.getWatchState('feed:a'), { ...state, etag: '"x2"', lastStatus: 'not-modified' });
      const item = { sourceKey: 'feed:a', itemId: 'guid-1', url: 'https://example.org/a', status: 'failed' as const, attempts: 1, articleId: null, seenAt: '2024-01-01T00:00:00Z' };
      await store.putWatchItem(item);
      assert.equal(await store.isUrlWatched('https://example.org/a'), false);
      await store.putWatchItem({ ...item, status: 'ingested', attempts: 2, articleId: 7 });
      assert.deepEqual(await store.getWatchItem('feed:a', 'guid-1'), { ...item, status: 'ingested', attempts: 2, articleId: 7 });
      assert.equal(await store.isUrlWatched('https://example.org/a'), true);
      assert.equal(await store.getWatchItem('feed:a', 'guid-2'), null);
    });

    test('monitoring: story features, stories that merge, outlets and event credibility', async () => {
      const { store, ids } = await withCorpus();
      const [tajik, drills, poland] = [ids['tajik']!, ids['drills']!, ids['poland']!];
      await store.putStoryFeatures(tajik, '2021-09-11', { outlet: 'Iran Press TV', words: ['armored'] });
      await store.putStoryFeatures(drills, '2021-10-02', { outlet: 'TASS' });
      await store.putStoryFeatures(poland, '2022-07-27', { outlet: 'Reuters' });
      await store.putStoryFeatures(poland, '2022-07-27', { outlet: 'Reuters', revised: true });
      assert.deepEqual((await store.listStoryFeatures({ since: '2021-10-01' })).map((f) => [f.articleId, f.features]), [
        [drills, { outlet: 'TASS' }],
        [poland, { outlet: 'Reuters', revised: true }],
      ].sort((x, y) => (x[0] as number) - (y[0] as number)));
      assert.deepEqual((await store.listStoryFeatures({ articleIds: [tajik] })).map((f) => f.day), ['2021-09-11']);
      const [first, second] = await store.saveStories([
        { articleIds: [tajik], headline: 'Tajik delivery', firstSeen: '2021-09-11', lastSeen: '2021-09-11', outletCount: 1 },
        { articleIds: [drills], headline: 'Drills', firstSeen: '2021-10-02', lastSeen: '2021-10-02', outletCount: 1 },
      ]);
      assert.ok(first !== undefined && second !== undefined && first !== second);
      // The two stories merge: the merged one keeps the smaller id, the other is gone.
      const [merged] = await store.saveStories([
        { articleIds: [tajik, drills], headline: 'Russia and Tajikistan', firstSeen: '2021-09-11', lastSeen: '2021-10-02', outletCount: 2 },
      ]);
      assert.equal(merged, Math.min(first, second));
      assert.deepEqual(await store.listStories(), [
        { id: merged, headline: 'Russia and Tajikistan', firstSeen: '2021-09-11', lastSeen: '2021-10-02', articleCount: 2, outletCount: 2 },
      ]);
      assert.deepEqual(await store.listStories({ minOutlets: 3 }), []);
      await store.putOutlets([
        { name: 'TASS', host: 'tass.com', reliability: 'D', kind: 'agency', isStateAffiliated: true, isWireAgency: true, isOfficialBody: false, gradeOrigin: 'default' },
        { name: 'Iran Press TV', host: null, reliability: 'E', kind: null, isStateAffiliated: true, isWireAgency: false, isOfficialBody: false, gradeOrigin: 'config' },
      ]);
      assert.deepEqual((await store.listOutlets()).map((o) => [o.name, o.reliability, o.isWireAgency]), [
        ['Iran Press TV', 'E', false],
        ['TASS', 'D', true],
      ]);
      const [event] = await store.listEvents({ articleId: tajik });
      assert.ok(event);
      const grade = { eventId: event.id, articleId: tajik, storyId: merged ?? null, grade: 2 as const, independentSources: 2, reason: 'two outlets' };
      await store.putEventCredibility([tajik], [grade, { ...grade, eventId: 99999 }]);
      assert.deepEqual(await store.listEventCredibility({ articleId: tajik }), [grade]);
      const story = await store.getStory(merged);
      assert.ok(story);
      assert.deepEqual(story.articles.map((a) => [a.id, a.outlet, a.reliability]), [[tajik, 'Iran Press TV', 'E'], [drills, 'TASS', 'D']]);
      assert.deepEqual(story.outlets, ['Iran Press TV', 'TASS']);
      assert.deepEqual(story.events.map((e) => [e.cameo, e.credibility?.grade ?? null]), [['072', 2], ['042', null]]);
      assert.equal(await store.getStory(99999), null);
    });

    test('monitoring: alerts are saved, listed, marked sent and deleted', async () => {
      const store = await fresh();
      const id = await store.putAlert({ name: 'Tajik arms', query: { q: 'armored', country: 'TJK' }, email: 'desk@example.org', digest: 'daily' });
      const [alert] = await store.listAlerts();
      assert.equal(alert?.id, id);
      assert.deepEqual(alert?.query, { q: 'armored', country: 'TJK' });
      assert.deepEqual([alert?.lastSentAt, alert?.lastArticleId], [null, 0]);
      await store.markAlertSent(id, '2024-01-02T00:00:00Z', 12);
      await store.markAlertSent(id, '2024-01-03T00:00:00Z', 5);
      const sent = await store.getAlert(id);
      assert.deepEqual([sent?.lastSentAt, sent?.lastArticleId], ['2024-01-03T00:00:00Z', 12]);
      assert.equal(await store.deleteAlert(id), true);
      assert.equal(await store.deleteAlert(id), false);
      assert.equal(await store.getAlert(id), null);
    });

    test('entities: a later article fills a code or place the first one lacked', async () => {
      const store = await fresh();
      await store.putIngest(makeItem({ text: 'one', entities: [{ id: 'place:dushanbe', name: 'Dushanbe', type: 'place' }] }));
      await store.putIngest(makeItem({ text: 'two', entities: [{ id: 'place:dushanbe', name: 'Dushanbe', type: 'place', lat: 38.5, lon: 68.8 }] }));
      const place = await store.getEntity('place:dushanbe');
      assert.deepEqual([place?.lat, place?.lon, place?.articleCount], [38.5, 68.8, 2]);
    });
  });
}
