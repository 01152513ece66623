import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createContext } from '../../src/core/context.js';
import { analyzeInput, toAnalysis } from '../../src/analysis.js';
import { estimateJaccard, LshIndex, minhash, shingles } from '../../src/stories/minhash.js';
import { storyFeatures } from '../../src/stories/story-features.js';
import { clusterStories } from '../../src/stories/cluster-stories.js';
import { gradeCredibility, type GradedArticle } from '../../src/reliability/grade-credibility.js';
import type { OutletRecord } from '../../src/store.js';

/** The demo corpus's stories told by several outlets in languages that share a script (demo/corpus/README.md). */
const STORIES: Record<string, string[]> = {
  S01: [
    'meridian-wire/2021-09-11-russia-hands-tajikistan-armoured-vehicles-tanks-for-base.html',
    'sever-news/2021-09-11-russian-base-in-tajikistan-to-get-30-new-tanks.html',
    'sentinel-digest/2021-09-12-russia-ships-armour-and-body-armour-to-tajikistan.txt',
  ],
  S02: [
    'caspian-newswire/2022-08-26-warsaw-seals-tank-howitzer-deals-with-seoul.txt',
    'ordnance-ledger/2022-08-26-poland-signs-first-k2-and-k9-executive-contracts.html',
    'baltic-courier/2022-08-27-poland-orders-korean-tanks-and-howitzers.html',
  ],
  S03: [
    'meridian-wire/2023-07-12-north-korea-fires-long-range-missile-into-sea-of-japan.html',
    'pacific-ledger/2023-07-12-pyongyang-launches-icbm-during-nato-summit.txt',
    'halvorsen-institute/2023-07-14-hwasong-18-second-flight-what-it-tells-us.html',
  ],
  S04: [
    'le-veilleur/2022-09-01-les-inspecteurs-de-l-aiea-arrivent-a-zaporijjia.html',
    'meridian-wire/2022-09-01-iaea-inspectors-reach-zaporizhzhia-nuclear-plant.html',
  ],
};
/** Pages of other stories published within days of those above: they must stay apart. */
const OTHERS = [
  'baltic-courier/2023-07-10-vilnius-under-air-defence-umbrella-for-nato-summit.html',
  'baltic-courier/2022-08-18-estonia-fends-off-biggest-cyber-attack-since-2007.html',
  'caspian-newswire/2022-09-13-dozens-of-soldiers-killed-in-armenia-azerbaijan-clashes.txt',
];

test('minhash estimates Jaccard similarity and LSH finds near-duplicates', () => {
  const base =
    'Russia has delivered twelve armoured vehicles and protective equipment to Tajikistan, the defence ministry said on Saturday, adding that thirty new tanks would reach its base by the end of the year.';
  const copy = base.replace('on Saturday', 'on Saturday morning');
  const other =
    'Poland signed contracts for 180 K2 tanks and 212 K9 howitzers from South Korea on Friday, the first deliveries due in December.';
  const [a, b, c] = [base, copy, other].map((t) => minhash(shingles(t)));
  assert.ok(estimateJaccard(a!, b!) > 0.6, `copy: ${estimateJaccard(a!, b!)}`);
  assert.ok(estimateJaccard(a!, c!) < 0.1, `other: ${estimateJaccard(a!, c!)}`);
  const index = new LshIndex<string>();
  index.add('base', a!);
  index.add('other', c!);
  assert.deepEqual([...index.add('copy', b!)], ['base']);
});

test('stories group the same event told by different outlets, and keep other stories apart', () => {
  const ctx = createContext();
  const files = [...Object.values(STORIES).flat(), ...OTHERS];
  const items = files.map((file, i) => {
    const analysis = toAnalysis(analyzeInput({ origin: file, bytes: readFileSync(`demo/corpus/${file}`) }, ctx));
    return { articleId: i + 1, features: storyFeatures({ analysis, outlet: file.split("/")[0]!, capturedAt: null }, ctx) };
  });
  const result = clusterStories(items, ctx);
  const groupOf = (file: string): number[] => result.stories.find((g) => g.includes(files.indexOf(file) + 1))!;
  for (const [story, members] of Object.entries(STORIES)) {
    const group = groupOf(members[0]!);
    assert.deepEqual(group.map((id) => files[id - 1]).sort(), [...members].sort(), story);
  }
  for (const file of OTHERS) assert.equal(groupOf(file).length, 1, `${file} stands alone`);
});

const outlet = (name: string, reliability: OutletRecord['reliability']): OutletRecord => ({
  name,
  host: null,
  reliability,
  kind: null,
  isStateAffiliated: false,
  isWireAgency: false,
  isOfficialBody: false,
  gradeOrigin: 'config',
});
const strike = (id: number, modality: 'asserted' | 'negated' = 'asserted') => ({
  id,
  cameo: '190',
  sourceCode: 'USA',
  targetCode: 'YEM',
  modality,
});

test('credibility: independent corroboration raises the grade; wire copy and near-duplicates count once', () => {
  const articles: GradedArticle[] = [
    { articleId: 1, outlet: outlet('Wire', 'B'), credited: null, events: [strike(11)] },
    { articleId: 2, outlet: outlet('Daily A', 'C'), credited: 'Wire', events: [strike(12)] },
    { articleId: 3, outlet: outlet('Daily B', 'C'), credited: null, events: [strike(13)] },
    { articleId: 4, outlet: outlet('Blog', 'D'), credited: null, events: [strike(14)] },
  ];
  // Wire and its republication count once: Wire, Daily B, Blog are three independent sources, the best graded B.
  const grades = gradeCredibility(7, articles);
  assert.deepEqual(
    grades.map((g) => [g.eventId, g.grade, g.independentSources]),
    [
      [11, 1, 3],
      [12, 1, 3],
      [13, 1, 3],
      [14, 1, 3],
    ],
  );
  // Blog's text is a near-duplicate of Daily B's: two independent sources remain.
  const copied = gradeCredibility(7, articles, [[3, 4]]);
  assert.deepEqual(
    copied.map((g) => g.grade),
    [2, 2, 2, 2],
  );
  assert.equal(copied[0]!.independentSources, 2);
});

test('credibility: a lone source is graded by its reliability, and denials make a report improbable', () => {
  assert.equal(
    gradeCredibility(null, [{ articleId: 1, outlet: outlet('Wire', 'B'), credited: null, events: [strike(1)] }])[0]!
      .grade,
    3,
  );
  assert.equal(
    gradeCredibility(null, [{ articleId: 1, outlet: outlet('Blog', 'D'), credited: null, events: [strike(1)] }])[0]!
      .grade,
    4,
  );
  assert.equal(
    gradeCredibility(null, [{ articleId: 1, outlet: outlet('Unknown', 'F'), credited: null, events: [strike(1)] }])[0]!
      .grade,
    6,
  );
  const denied = gradeCredibility(null, [
    { articleId: 1, outlet: outlet('Blog', 'D'), credited: null, events: [strike(1)] },
    { articleId: 2, outlet: outlet('Ministry', 'B'), credited: null, events: [strike(2, 'negated')] },
    { articleId: 3, outlet: outlet('Wire', 'B'), credited: null, events: [strike(3, 'negated')] },
  ]);
  assert.equal(denied[0]!.grade, 5);
  assert.match(denied[0]!.reason, /contradicted by 2 independent source/);
});
