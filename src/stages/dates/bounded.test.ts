/**
 * Bounded work in the dates stage: a 1 MB "sentence" of date phrases (no full stop anywhere) gives
 * valid findings all along the text, chrono reads no more than its budget, and the stage says so.
 * Times are printed by `npm run bench:dates`; the test's timeout only stops a hang.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.js';
import { createDoc, type Doc } from '../../core/doc.js';
import { rawArticle } from '../article/index.js';
import { dates, findDates, MAX_CHRONO_TOTAL_CHARS, overlapIndex, refDayOf } from './index.js';

/** Date phrases of our own, joined without sentence ends: one sentence as long as asked. */
function dateSentence(length: number): string {
  const phrases = [
    'on 3 March 2021',
    'late on Friday',
    'by the end of the year',
    'in mid-2022',
    'on 12/05/2020',
    'two weeks ago',
    'back then',
  ];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const part = `${i === 0 ? 'Patrols' : 'and'} ${phrases[i % phrases.length]!}`;
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

test(
  'a 1 MB single-sentence text: valid findings to the end, chrono within its budget, a message',
  { timeout: 60_000 },
  () => {
    const text = dateSentence(1_000_000);
    const doc: Doc = createDoc({ origin: 'test:one-sentence', bytes: Buffer.alloc(0), isRaw: true });
    doc.article = rawArticle(text);
    const found = dates.run(doc, createContext({ now: new Date('2022-05-31T12:00:00Z') }));
    assert.ok(found.length > 10_000, `only ${found.length} dates in 1 MB of date phrases`);
    let last = -1;
    for (const d of found) {
      assert.equal(text.slice(d.start, d.end), d.text);
      assert.ok(d.start >= last, 'findings in text order');
      last = d.start;
    }
    // The linear rules read the whole text; chrono's own readings stop at its budget.
    assert.ok(
      found.some((d) => d.rule === 'dates/year-only' && d.start > 900_000),
      'news rules stopped early',
    );
    assert.ok(
      !found.some((d) => d.rule === 'dates/chrono' && d.start >= MAX_CHRONO_TOTAL_CHARS),
      'chrono read past its budget',
    );
    assert.ok(
      found.some((d) => d.rule === 'dates/chrono' && d.start > MAX_CHRONO_TOTAL_CHARS - 5_000),
      'chrono stopped well before its budget',
    );
    assert.ok(doc.messages.some((m) => m.rule === 'dates/chrono-budget'));
  },
);

test('a text under the budget is read by chrono to its end and gets no budget message', () => {
  const text = dateSentence(30_000);
  const found = findDates(text, refDayOf('2022-05-31', new Date()));
  const lastChrono = found.filter((d) => d.rule === 'dates/chrono').pop();
  assert.ok(lastChrono && lastChrono.start > 29_000, `last chrono date at ${lastChrono?.start}`);
});

test('overlap index: a span overlaps one of the sorted spans exactly when it shares a character', () => {
  const overlaps = overlapIndex([
    { start: 0, end: 5 },
    { start: 2, end: 40 },
    { start: 50, end: 55 },
  ]);
  const cases: Array<[number, number, boolean]> = [
    [5, 10, true],
    [40, 50, false],
    [41, 49, false],
    [54, 60, true],
    [55, 60, false],
    [39, 41, true],
  ];
  for (const [start, end, expected] of cases) assert.equal(overlaps(start, end), expected, `${start}-${end}`);
  assert.equal(overlapIndex([])(0, 10), false);
});
