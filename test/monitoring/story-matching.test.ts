/**
 * Story matching on tellings of our own (invented events): rewrites and other languages join, near
 * misses and lone shared actors stay apart, undated pages join only their copies, countries are found
 * in many languages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ingestAndJoin, ingestOne } from '../../src/ingest.js';
import { OutletDirectory } from '../../src/reliability/outlet-directory.js';
import { createContext } from '../../src/core/context.js';
import type { Analysis } from '../../src/analysis.js';
import { countriesNamed } from '../../src/stories/country-names.js';
import { happeningKeys, normalizeNumber } from '../../src/stories/happening.js';
import { storyFeatures } from '../../src/stories/story-features.js';
import { clusterStories, type ClusterItem } from '../../src/stories/cluster-stories.js';
import { chooseHeadline, notAHeadline } from '../../src/stories/headline.js';

const ctx = createContext();

interface Telling {
  title: string;
  text: string;
  language: string;
  published: string | null;
}

function item(id: number, t: Telling, leadEvent?: { date: string; modality: string }): ClusterItem {
  const analysis = {
    contract: 1,
    article: {
      title: t.title,
      text: t.text,
      publisher: null,
      source: null,
      section: null,
      byline: null,
      published: t.published,
      language: t.language,
      url: null,
    },
    entities: [],
    dates: [],
    events: leadEvent ? [{ ...leadEvent, precision: 'day', evidence: { start: 0, end: 60, text: '' } }] : [],
    transfers: [],
    sections: [],
    messages: [],
  } as unknown as Analysis;
  return { articleId: id, features: storyFeatures({ analysis, outlet: `outlet ${id}`, capturedAt: null }, ctx) };
}

const LAUNCH_EN: Telling = {
  title: 'Velmoria test-fires Korvak-7 rocket over the Strait of Ostra',
  text:
    'Velmoria fired a Korvak-7 medium-range rocket across the Strait of Ostra early on Tuesday, the coast guard of Tarsenia said, ' +
    'the third such flight since January. The rocket flew 1,240 kilometres before falling into the sea east of Ostra island. ' +
    'Tarsenian defence minister Ilse Varnholt called the launch reckless and summoned the Velmorian envoy.',
  language: 'en',
  published: '2025-03-04',
};
const LAUNCH_EN_REWRITE: Telling = {
  title: 'Tarsenia protests after Velmorian Korvak-7 flight',
  text:
    "Tarsenia summoned Velmoria's ambassador on Tuesday after a Korvak-7 rocket crossed the Strait of Ostra and came down " +
    '1,240 kilometres from its launch site. Minister Ilse Varnholt said the flight endangered shipping near Ostra island.',
  language: 'en',
  published: '2025-03-05',
};
const LAUNCH_DE: Telling = {
  title: 'Velmoria feuert Korvak-7 über die Meerenge von Ostra',
  text:
    'Velmoria hat am Dienstag eine Korvak-7-Rakete über die Meerenge von Ostra abgefeuert. Nach Angaben der tarsenischen ' +
    'Küstenwache flog sie 1.240 Kilometer. Ministerin Ilse Varnholt bestellte den Botschafter ein.',
  language: 'de',
  published: '2025-03-04',
};
/** The same actors a week later, a different flight: a near miss. */
const LAUNCH_NEXT_WEEK: Telling = {
  title: 'Velmoria fires another Korvak-7 over the Strait of Ostra',
  text:
    'Velmoria launched a second Korvak-7 rocket across the Strait of Ostra on Wednesday, a week after the last flight, ' +
    "Tarsenia's coast guard said. This one flew 980 kilometres. Ilse Varnholt said Tarsenia would raise the matter at the council.",
  language: 'en',
  published: '2025-03-12',
};
/** Another happening the same week that names one of the same states. */
const TRADE_TALKS: Telling = {
  title: 'Tarsenia and Quellonia open talks on grain tariffs',
  text:
    'Trade delegations from Tarsenia and Quellonia met in Brennick on Wednesday to discuss grain tariffs and port fees, ' +
    'officials said. A second round is planned for April.',
  language: 'en',
  published: '2025-03-05',
};

function storyOf(result: ReturnType<typeof clusterStories>, id: number): number[] {
  return result.stories.find((g) => g.includes(id))!;
}

test('a rewrite and a telling in another language join the story; a near miss and a shared actor do not', () => {
  const result = clusterStories(
    [
      item(1, LAUNCH_EN),
      item(2, LAUNCH_EN_REWRITE),
      item(3, LAUNCH_DE),
      item(4, LAUNCH_NEXT_WEEK),
      item(5, TRADE_TALKS),
    ],
    ctx,
  );
  assert.deepEqual(storyOf(result, 1), [1, 2, 3]);
  assert.deepEqual(storyOf(result, 4), [4]);
  assert.deepEqual(storyOf(result, 5), [5]);
});

test('the result does not depend on which telling arrives first', () => {
  const items = [item(1, LAUNCH_DE), item(2, LAUNCH_EN_REWRITE), item(3, LAUNCH_EN), item(4, TRADE_TALKS)];
  assert.deepEqual(storyOf(clusterStories(items, ctx), 1), [1, 2, 3]);
});

test('a late report reaches the story by the day its lead says the happening took place, without moving the story', () => {
  // Five days after the launch: out of the story's window by publication alone.
  const late = { ...LAUNCH_EN_REWRITE, published: '2025-03-09' };
  const apart = clusterStories([item(1, LAUNCH_EN), item(2, late)], ctx);
  assert.deepEqual(storyOf(apart, 2), [2]);
  const told = item(2, late, { date: '2025-03-04', modality: 'asserted' });
  assert.equal(told.features.eventDay, '2025-03-04');
  assert.deepEqual(storyOf(clusterStories([item(1, LAUNCH_EN), told], ctx), 1), [1, 2]);
  // A plan, or a day weeks back, is no day of the happening.
  assert.equal(item(2, late, { date: '2025-03-04', modality: 'planned' }).features.eventDay, null);
  assert.equal(item(2, late, { date: '2025-02-10', modality: 'asserted' }).features.eventDay, null);
  // An event dated by publication gives no second day.
  assert.equal(item(2, late, { date: '2025-03-09', modality: 'asserted' }).features.eventDay, null);
});

test('an undated telling joins only a text it copies, so it can never chain two happenings', () => {
  const undated = { ...LAUNCH_EN_REWRITE, published: null };
  const copy = { ...LAUNCH_EN, title: LAUNCH_EN.title, published: null };
  const result = clusterStories([item(1, LAUNCH_EN), item(2, undated), item(3, copy), item(4, LAUNCH_NEXT_WEEK)], ctx);
  assert.deepEqual(storyOf(result, 2), [2], 'similar but undated: alone');
  assert.deepEqual(storyOf(result, 1), [1, 3], 'a copy joins its original');
  assert.deepEqual(result.nearDuplicates, [[1, 3]]);
});

test('countries are found by name in many languages and scripts, inflected forms included', () => {
  const cases: [string, string[]][] = [
    ['Die Regierung in Schweden und die Armee Finnlands', ['FIN', 'SWE']],
    ['The ship sailed past a small island', []],
    ['Corea del Sur y Estados Unidos', ['KOR', 'USA']],
    ['Россия и Казахстан', ['KAZ', 'RUS']],
    ['한국과 일본', ['JPN', 'KOR']],
    ['A ship left Niger for Nigeria', ['NER', 'NGA']],
    ['No country is named here', []],
  ];
  for (const [text, codes] of cases) assert.deepEqual([...countriesNamed(text, ctx)].sort(), codes, text);
});

test('signature keys: a country is one key however written, numbers are normalised, calendar words are no names', () => {
  const keys = happeningKeys(
    'Quellonian frigate sails',
    'Quellonia sent 3,500 troops on Monday; the 7,5 tonne load left in March.',
    ctx,
  );
  assert.ok(keys.names.includes('n:3500'));
  assert.ok(keys.names.includes('n:7.5'));
  assert.ok(!keys.names.some((k) => k.startsWith('w:monday') || k.startsWith('w:march')));
  assert.deepEqual(
    [normalizeNumber('2025'), normalizeNumber('7'), normalizeNumber('1.240'), normalizeNumber('12,5')],
    [null, null, '1240', '12.5'],
  );
});

test('a headline is a member title that reads as one, in the desk language first', () => {
  assert.equal(notAHeadline('BERLIN, March 4, Nordwire'), 'dateline');
  assert.equal(notAHeadline('Home · World · Defence · Photos'), 'page furniture');
  assert.equal(notAHeadline('Minister waves to crowd (Photo: Staff)'), 'photo caption');
  assert.equal(notAHeadline('Velmoria tests a new rocket'), null);
  const members = [
    item(1, LAUNCH_DE),
    item(2, { ...LAUNCH_EN, title: 'TARSENIA, March 4, Nordwire' }),
    item(3, LAUNCH_EN_REWRITE),
  ].map((i) => i.features);
  assert.equal(
    chooseHeadline(members, () => 'B'),
    LAUNCH_EN_REWRITE.title,
  );
});

test('a page stored before a crash cut its story update joins a story when ingested again ("unchanged")', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wf-story-crash-'));
  const store = new SqliteStore(path.join(dir, 'store.db'));
  try {
    await store.migrate();
    const input = {
      origin: 'velmoria.txt',
      bytes: Buffer.from(`${LAUNCH_EN.title}\n\n${LAUNCH_EN.text}\n`),
      published: LAUNCH_EN.published,
    };
    // Stored, then the process died before stories were updated.
    const first = await ingestOne(store, input, ctx);
    assert.equal(first.status, 'stored');
    assert.equal((await store.listStories({})).length, 0);
    const again = await ingestAndJoin(store, input, ctx, new OutletDirectory([], ctx.data));
    assert.equal(again.status, 'unchanged');
    assert.equal(again.articleId, first.articleId);
    const stories = await store.listStories({});
    assert.equal(stories.length, 1);
    // A third time changes nothing: the article keeps its story.
    await ingestAndJoin(store, input, ctx, new OutletDirectory([], ctx.data));
    assert.deepEqual(
      (await store.listStories({})).map((s) => s.id),
      stories.map((s) => s.id),
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
