import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBlocks } from './blocks.js';

void test('blocks: wrapped lines are joined, short lines kept apart, blank lines separate', () => {
  const wrapped =
    'Indonesia expects to receive the first six of the 42 Rafale\nfighter jets it has ordered from France, a spokesman said.';
  const cases: Array<[string, Array<[string, boolean]>]> = [
    [
      'Title\n\nFirst paragraph.\n\nSecond paragraph.',
      [
        ['Title', false],
        ['First paragraph.', false],
        ['Second paragraph.', false],
      ],
    ],
    [
      `Intro\n\n${wrapped}`,
      [
        ['Intro', false],
        [wrapped.replace('\n', ' '), false],
      ],
    ],
    [
      'Kristjan Tamm\nDecember 3, 2022\n\nBody.',
      [
        ['Kristjan Tamm', false],
        ['December 3, 2022', false],
        ['Body.', false],
      ],
    ],
    [
      'News\nPress releases\nContacts\n\nTitle',
      [
        ['News', true],
        ['Press releases', true],
        ['Contacts', true],
        ['Title', false],
      ],
    ],
    [
      'One line\nper paragraph\nno blank lines',
      [
        ['One line', false],
        ['per paragraph', false],
        ['no blank lines', false],
      ],
    ],
    [
      '  spaced\u00a0 out \r\n\r\n\tline ',
      [
        ['spaced out', false],
        ['line', false],
      ],
    ],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(
      splitBlocks(text).map((block) => [block.text, block.isListLine]),
      expected,
      JSON.stringify(text),
    );
  }
});

void test('blocks: a standalone line is never joined to its neighbours', () => {
  const text = 'Published: 12 Sep 2021, 09:30 GMT+3 and some more words\nUpdated: 13 Sep 2021, 10:00 GMT+3';
  const blocks = splitBlocks(`Title\n\n${text}`, (line) => /^(?:Published|Updated):/.test(line));
  assert.deepEqual(
    blocks.map((block) => block.text),
    ['Title', 'Published: 12 Sep 2021, 09:30 GMT+3 and some more words', 'Updated: 13 Sep 2021, 10:00 GMT+3'],
  );
});
