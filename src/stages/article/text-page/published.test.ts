import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './published.js';

/** Every case is read against this time, so relative dates give the same answer on any day. */
const REFERENCE = new Date('2024-01-15T12:00:00Z');

void test('publication times keep exactly the precision the page states', () => {
  const cases: Array<[string, string | null]> = [
    ['Saturday, 11 September 2021 12:42 PM', '2021-09-11T12:42'],
    ['September 12, 2021', '2021-09-12'],
    ['Sept. 12, 2021 at 3:45 p.m. EDT', '2021-09-12T15:45-04:00'],
    ['2021-09-12T08:15:00Z', '2021-09-12T08:15:00Z'],
    ['2023-05-16 17:45:03', '2023-05-16T17:45:03'],
    ['12 Sep 2021, 09:30 GMT+3', '2021-09-12T09:30+03:00'],
    ['Sep 12 2021 11:05:33 +0300', '2021-09-12T11:05:33+03:00'],
    ['14.06.2022 11:30', '2022-06-14T11:30'],
    ['28 Feb 2023 — 11:20 am', '2023-02-28T11:20'],
    ['12 September 2021 | 14:05', '2021-09-12T14:05'],
    ['March 2023', '2023-03'],
    ['14 septembre 2021 à 10h30', '2021-09-14T10:30'],
    ['14. September 2021, 10:30 Uhr', '2021-09-14T10:30'],
    ['14 сентября 2021', '2021-09-14'],
    ['Sept. 11', null],
    ['2 JUN, 14:20', null],
  ];
  for (const [text, value] of cases) {
    const [first] = findDates(text);
    assert.ok(first, `${text}: a date is found`);
    assert.equal(first.value, value, text);
    assert.equal(first.isRelative, false, `${text}: not relative`);
  }
});

void test('relative times need a reference time', () => {
  const cases: Array<[string, string | null, string | null]> = [
    ['3 hours ago', null, '2024-01-15T09:00:00Z'],
    ['Yesterday', null, '2024-01-14'],
    ['2 days ago', null, '2024-01-13'],
  ];
  for (const [text, withoutReference, withReference] of cases) {
    const [alone] = findDates(text);
    const [placed] = findDates(text, REFERENCE);
    assert.equal(alone?.isRelative, true, `${text}: relative`);
    assert.equal(alone?.value, withoutReference, `${text} without a reference`);
    assert.equal(placed?.value, withReference, `${text} at ${REFERENCE.toISOString()}`);
  }
});

void test('a line with no date finds none', () => {
  for (const text of ['Maritime Security', 'Gulf Maritime Review', 'By News Desk']) {
    assert.deepEqual(findDates(text), [], text);
  }
});
