/**
 * Holds the floor of HTML extraction quality on the shared gold sets: article-body F1 >= 0.96 on
 * ../shared/eval/article-extraction and publication-date F1 and precision on ../shared/eval/dates and dates-extra.
 * Quality only; timings are printed by `npm run bench:extract`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { extractHtml } from '../src/stages/article/html.js';
import { DEFAULT_LIMITS, DataFiles } from '../src/core/context.js';
import {
  loadDateSet,
  loadExtractionSet,
  scoreCorpus,
  scoreDates,
  scorePage,
} from '../bench/lib/score-extraction.js';
import { SHARED, skipOutsideCi } from './helpers.js';

/** Below the bench's 0.97 target so a small, explained trade-off does not fail CI; a real regression does. */
const MIN_BODY_F1 = 0.96;
const MIN_BODY_PRECISION = 0.94;
/** Date floors per set, a page or two below the figures of `npm run bench:dates` (0.979 and 0.919 on all pages). */
const DATE_FLOORS: Array<{ set: string; minF1: number; minPrecision: number }> = [
  { set: 'dates', minF1: 0.95, minPrecision: 0.95 },
  // Five gold days here are not real days or not the page's own date (2022-29-11); the floor allows for them.
  { set: 'dates-extra', minF1: 0.89, minPrecision: 0.87 },
];

const EXTRACTION = path.join(SHARED, 'eval/article-extraction');
const data = new DataFiles();

function extract(html: string, url: string): { text: string; published: string | null } {
  return extractHtml(html, { url, messages: [], limits: DEFAULT_LIMITS, data });
}

test(
  'article body F1 on the article-extraction set stays at or above the floor',
  { skip: skipOutsideCi(existsSync(EXTRACTION) ? null : `${EXTRACTION} is absent (the shared gold sets live beside the repository)`) },
  () => {
    const cases = loadExtractionSet(EXTRACTION)!;
    assert.ok(cases.length > 50, `expected the full set, found ${cases.length} pages`);
    const score = scoreCorpus(cases.map((c) => scorePage(c.truth, extract(c.html, c.url).text)));
    assert.ok(score.f1 >= MIN_BODY_F1, `F1 ${score.f1.toFixed(3)} < ${MIN_BODY_F1}`);
    assert.ok(score.precision >= MIN_BODY_PRECISION, `precision ${score.precision.toFixed(3)} < ${MIN_BODY_PRECISION}`);
  },
);

for (const { set, minF1, minPrecision } of DATE_FLOORS) {
  const dir = path.join(SHARED, 'eval', set);
  test(
    `publication date F1 and precision on ${set} stay at or above the floor`,
    { skip: existsSync(dir) ? false : `${dir} is absent (the shared gold sets live beside the repository)` },
    () => {
      const cases = loadDateSet(dir)!;
      const score = scoreDates(cases.map((c) => ({ gold: c.date, predicted: extract(c.html, c.url).published })));
      const figures = `(tp ${score.tp}, fp ${score.fp}, fn ${score.fn})`;
      assert.ok(score.f1 >= minF1, `${set}: date F1 ${score.f1.toFixed(3)} < ${minF1} ${figures}`);
      assert.ok(score.precision >= minPrecision, `${set}: date precision ${score.precision.toFixed(3)} < ${minPrecision} ${figures}`);
    },
  );
}

test('the shared metric scores a perfect, an empty and a half answer as the benchmark does', () => {
  const truth = 'one two three four five six seven eight';
  assert.deepEqual(scorePage(truth, truth), { precision: 1, recall: 1 });
  assert.equal(scorePage(truth, '').recall, 0);
  const half = scorePage(truth, 'one two three four five');
  assert.equal(half.precision, 1);
  assert.ok(half.recall > 0.3 && half.recall < 0.5, `recall ${half.recall}`);
  assert.deepEqual(
    scoreDates([
      { gold: '2020-01-02', predicted: '2020-01-02T10:00:00Z' },
      { gold: '2020-01-02', predicted: null },
      { gold: null, predicted: '2020-01-03' },
    ]),
    { precision: 0.5, recall: 0.5, f1: 0.5, tp: 1, fp: 1, fn: 1 },
  );
});
