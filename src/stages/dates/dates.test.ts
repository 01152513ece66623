/** Date rules and chrono refiners, as [input, expected] tables against a fixed reference day. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, refDayOf } from './index.js';

// Saturday 11 September 2021, the seed page's dateline
const REF = refDayOf('2021-09-11T12:42', new Date('2030-01-01T00:00:00Z'));

const CASES: [string, string, string | null, string][] = [
  // sentence, expected text, expected value, expected precision
  ['The ministry said on Friday it was ready.', 'on Friday', '2021-09-10', 'day'],
  ['It announced in a statement on Saturday that', 'on Saturday', '2021-09-11', 'day'],
  ['Officials met on Monday.', 'on Monday', '2021-09-06', 'day'],
  ['They will meet next Tuesday.', 'next Tuesday', '2021-09-14', 'day'],
  ['Thirty tanks will arrive by the end of the year.', 'by the end of the year', '2021-12-31', 'day'],
  ['The plant closes at the end of next month.', 'at the end of next month', '2021-10-31', 'day'],
  ['Lavrov said last month that', 'last month', '2021-08', 'month'],
  ['Troops invaded in October 2001 as part of', 'October 2001', '2001-10', 'month'],
  ['The base was built in 2004.', 'in 2004', '2004', 'year'],
  ['Deliveries resume in mid-2022.', 'in mid-2022', '2022', 'year'],
  ['He said back then that supplies would grow.', 'back then', null, 'vague'],
  ['Talks collapsed earlier this week.', 'earlier this week', null, 'vague'],
  ['The deal was signed on 5 March.', 'on 5 March', '2021-03-05', 'day'],
  ['Exercises begin on September 20.', 'September 20', '2021-09-20', 'day'],
  ['It was reported yesterday.', 'yesterday', '2021-09-10', 'day'],
  ['The order was placed on 1996-08-30.', '1996-08-30', '1996-08-30', 'day'],
  // a claim's "will" does not move the day its speaker spoke; a "will" after the verb of saying does
  ['Norway will send more jets, the minister said on Thursday.', 'on Thursday', '2021-09-09', 'day'],
  ['The minister said the talks will resume on Thursday.', 'on Thursday', '2021-09-16', 'day'],
];

for (const [sentence, text, value, precision] of CASES) {
  void test(`dates: "${sentence}"`, () => {
    const found = findDates(sentence, REF);
    const got = found.find((d) => d.text.includes(text) || text.includes(d.text));
    assert.ok(got, `no date in "${sentence}"; got ${JSON.stringify(found)}`);
    assert.equal(got.text, text);
    assert.equal(sentence.slice(got.start, got.end), got.text);
    assert.equal(got.value, value);
    assert.equal(got.precision, precision);
  });
}

void test('dates: "may" and "march" as verbs are not dates; "now" is not reported', () => {
  const found = findDates('Protesters may march now.', REF);
  assert.deepEqual(found, []);
});

void test('dates: no publication time falls back to the context clock', () => {
  assert.deepEqual(refDayOf(null, new Date('2024-02-29T23:00:00Z')), { year: 2024, month: 2, day: 29, weekday: 4 });
});

void test('dates: a dateline date loses its trailing punctuation; "two weeks after" an event is not a date', () => {
  const text = 'WARSAW, Nov 16 (Wire) - The talks ended two weeks after the attack.';
  const found = findDates(text, REF);
  assert.deepEqual(
    found.map((d) => [d.text, d.value]),
    [['Nov 16', '2021-11-16']],
  );
});

const AHEAD: [string, string, string, string][] = [
  ['Trials will take place in the north in January.', 'January', '2022-01', 'month'],
  ['Trials took place in the north in January.', 'January', '2021-01', 'month'],
  ['The minister will visit Dushanbe on Tuesday.', 'on Tuesday', '2021-09-14', 'day'],
  ['Talks are expected to resume on 5 March.', 'on 5 March', '2022-03-05', 'day'],
];

for (const [sentence, text, value, precision] of AHEAD) {
  void test(`dates ahead or behind: "${sentence}"`, () => {
    const got = findDates(sentence, REF).find((d) => d.text === text);
    assert.ok(got, `no "${text}" in ${JSON.stringify(findDates(sentence, REF))}`);
    assert.equal(got.value, value);
    assert.equal(got.precision, precision);
  });
}

void test('dates: durations are not dates', () => {
  const text = 'The mission ran for two years and over the past two years costs rose; the last four days were calm.';
  assert.deepEqual(findDates(text, REF), []);
});

void test('dates: a paragraph longer than one chrono read still has its last date found', () => {
  const text = 'Nothing happened then. '.repeat(1500) + 'Talks resumed on Friday.';
  const found = findDates(text, REF);
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, 'on Friday');
  assert.equal(text.slice(found[0]?.start, found[0]?.end), 'on Friday');
});
