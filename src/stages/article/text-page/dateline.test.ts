import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDateline } from './dateline.js';

void test('wire datelines come off the first paragraph, their place and credit kept', () => {
  const cases: Array<
    [string, { text: string; place: string | null; credit: string | null; date: string | null; rest: string }]
  > = [
    [
      'MOSCOW, Sept. 11 (Reuters) – Russia has sent armoured vehicles.',
      {
        text: 'MOSCOW, Sept. 11 (Reuters) –',
        place: 'MOSCOW',
        credit: 'Reuters',
        date: 'Sept. 11',
        rest: 'Russia has sent armoured vehicles.',
      },
    ],
    [
      'BEIJING, Sept. 12 (Harbour News) -- China said on Sunday.',
      {
        text: 'BEIJING, Sept. 12 (Harbour News) --',
        place: 'BEIJING',
        credit: 'Harbour News',
        date: 'Sept. 12',
        rest: 'China said on Sunday.',
      },
    ],
    [
      'MURMANSK, June 2. /Boreal Telegraph Agency/. A frigate has returned.',
      {
        text: 'MURMANSK, June 2. /Boreal Telegraph Agency/.',
        place: 'MURMANSK',
        credit: 'Boreal Telegraph Agency',
        date: 'June 2',
        rest: 'A frigate has returned.',
      },
    ],
    [
      'TEHRAN, 1 October 2021 (Caspian Newswire) — Drills began.',
      {
        text: 'TEHRAN, 1 October 2021 (Caspian Newswire) —',
        place: 'TEHRAN',
        credit: 'Caspian Newswire',
        date: '1 October 2021',
        rest: 'Drills began.',
      },
    ],
    [
      'KYIV, Ukraine (AP) — Air raid sirens sounded.',
      { text: 'KYIV, Ukraine (AP) —', place: 'KYIV', credit: 'AP', date: null, rest: 'Air raid sirens sounded.' },
    ],
    [
      'Tehran, Sept 12 (IRNA) - The navy said.',
      { text: 'Tehran, Sept 12 (IRNA) -', place: 'Tehran', credit: 'IRNA', date: 'Sept 12', rest: 'The navy said.' },
    ],
    [
      'KUALA LUMPUR: The navy has received a ship.',
      { text: 'KUALA LUMPUR:', place: 'KUALA LUMPUR', credit: null, date: null, rest: 'The navy has received a ship.' },
    ],
    [
      'WASHINGTON — The Pentagon said.',
      { text: 'WASHINGTON —', place: 'WASHINGTON', credit: null, date: null, rest: 'The Pentagon said.' },
    ],
    [
      '(Gulf Wire) — Gulf governments have talked.',
      { text: '(Gulf Wire) —', place: null, credit: 'Gulf Wire', date: null, rest: 'Gulf governments have talked.' },
    ],
  ];
  for (const [paragraph, expected] of cases) {
    const dateline = readDateline(paragraph);
    assert.deepEqual(dateline, expected, paragraph);
    assert.equal(
      paragraph.slice(paragraph.length - expected.rest.length),
      expected.rest,
      `${paragraph}: rest is the paragraph's tail`,
    );
  }
});

void test('paragraphs that open with the story have no dateline', () => {
  const cases = [
    'The navy has received two patrol boats, the ministry said.',
    'BREAKING: Troops crossed the border at dawn.',
    'The ministry (MoD) - which did not comment - has declined.',
    'NATO allies met in Brussels on Thursday.',
    'U.S. forces left the base.',
  ];
  for (const paragraph of cases) assert.equal(readDateline(paragraph), null, paragraph);
});
