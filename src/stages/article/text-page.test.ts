import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTextPage } from './text-page.js';
import { DataFiles, DEFAULT_LIMITS } from '../../core/context.js';
import type { Article, Message } from '../../core/doc.js';

function extract(text: string, url: string | null = null): { article: Article; messages: Message[] } {
  const messages: Message[] = [];
  const article = extractTextPage(text, { url, messages, limits: DEFAULT_LIMITS, data: new DataFiles() });
  return { article, messages };
}

const BODY = [
  'The navy said on Monday that two new patrol boats had joined the fleet at the northern base.',
  'Both boats were built at a local yard and will be used to watch over fishing grounds.',
];

void test('text pages: each layout gives the article fields it states', () => {
  const cases: Array<[string, string[], Partial<Article>]> = [
    [
      'credit repeated around the title, section before it, site in the footer',
      [
        'Help keep this site free - make a donation today!',
        'Naval Forces',
        'Harbour Review',
        'Navy adds two patrol boats to northern fleet',
        'Harbour Review',
        'Monday, 13 September 2021 06:05 AM',
        ...BODY,
        'Join the PatrolBoats.net mailing list',
      ],
      {
        title: 'Navy adds two patrol boats to northern fleet',
        section: 'Naval Forces',
        source: 'Harbour Review',
        publisher: 'PatrolBoats.net',
        published: '2021-09-13T06:05',
        byline: null,
      },
    ],
    [
      'byline and date on one line',
      ['Navy adds two patrol boats to northern fleet', 'By News Desk | September 12, 2021', ...BODY],
      { byline: 'News Desk', published: '2021-09-12', source: null },
    ],
    [
      'a person named alone under the title is the byline, an outlet the source',
      ['Navy adds two patrol boats to northern fleet', 'Kristjan Tamm', 'Harbour Review', 'December 3, 2022', ...BODY],
      { byline: 'Kristjan Tamm', source: 'Harbour Review', published: '2022-12-03' },
    ],
    [
      'the published time wins over the update, whatever the order',
      ['Navy adds two patrol boats to northern fleet', 'Updated: 14 Sep 2021', 'Published: 12 Sep 2021', ...BODY],
      { published: '2021-09-12' },
    ],
    [
      'an update is used when nothing else is given',
      ['Navy adds two patrol boats to northern fleet', 'Last updated: 14 Sep 2021', ...BODY],
      { published: '2021-09-14' },
    ],
    [
      'title with the site after a bar',
      ['Navy adds two patrol boats to northern fleet | Harbour Review', ...BODY],
      { title: 'Navy adds two patrol boats to northern fleet', publisher: 'Harbour Review' },
    ],
    [
      'the copyright holder names the site before a domain does',
      [
        'Navy adds two patrol boats to northern fleet',
        ...BODY,
        'Join the PatrolBoats.net mailing list',
        '© 2021 Harbour Media Ltd. All rights reserved.',
      ],
      { publisher: 'Harbour Media Ltd' },
    ],
    [
      'a breadcrumb names the section',
      ['Home > News > Maritime', 'Navy adds two patrol boats to northern fleet', ...BODY],
      { section: 'Maritime' },
    ],
    ['a page that is only paragraphs has no title', BODY, { title: null, text: BODY.join('\n\n') }],
  ];
  for (const [name, blocks, expected] of cases) {
    const { article } = extract(blocks.join('\n\n'));
    for (const [field, value] of Object.entries(expected)) {
      assert.deepEqual(article[field as keyof Article], value, `${name}: ${field}`);
    }
  }
});

void test('text pages: boilerplate inside and after the body is dropped', () => {
  const page = [
    'Navy adds two patrol boats to northern fleet',
    'By Anna Keller',
    'Photo: The first boat at sea. (File photo)',
    `HARBOURTOWN, Sept. 13 (Coast Wire) – ${BODY[0]}`,
    'Advertisement',
    BODY[1],
    'Related: Navy chief calls for more ships',
    'Officials said a third boat would follow next year, once sea trials were complete.',
    'Anna Keller is a defence correspondent based in Harbourtown.',
    '(Reporting by Anna Keller; Editing by Tom Brandt)',
    'Read more:',
    'Navy chief calls for more ships',
    'Coast guard trains new crews',
    'Share | Tweet | Email',
    '© 2021 Coast Wire',
  ].join('\n\n');
  const { article, messages } = extract(page);
  assert.deepEqual(article.text.split('\n\n'), [
    BODY[0],
    BODY[1],
    'Officials said a third boat would follow next year, once sea trials were complete.',
  ]);
  assert.equal(article.byline, 'Anna Keller');
  assert.equal(article.source, 'Coast Wire');
  assert.ok(
    messages.some((m) => m.rule === 'article/text-page/dateline' && m.reason.includes('HARBOURTOWN')),
    'the dateline place is reported',
  );
});

void test('text pages: unplaceable and missing dates leave published null and say why', () => {
  const cases: Array<[string, string | null]> = [
    ['3 hours ago', 'article/text-page/unresolved-date'],
    ['2 JUN, 14:20', 'article/text-page/unresolved-date'],
    ['', null],
  ];
  for (const [dateLine, rule] of cases) {
    const { article, messages } = extract(
      ['Navy adds two patrol boats to northern fleet', dateLine, ...BODY].join('\n\n'),
    );
    assert.equal(article.published, null, dateLine);
    assert.equal(
      messages.some((m) => m.rule === 'article/text-page/unresolved-date'),
      rule !== null,
      `${dateLine}: message`,
    );
  }
});

void test('text pages: no headline and no prose are reported, not thrown', () => {
  const noTitle = extract(BODY.join('\n\n')).messages.map((m) => m.rule);
  assert.deepEqual(noTitle, ['article/text-page/no-title']);
  const { article, messages } = extract('Navy adds two patrol boats\n\nTwo boats joined the fleet');
  assert.equal(article.title, 'Navy adds two patrol boats');
  assert.equal(article.text, 'Two boats joined the fleet');
  assert.deepEqual(
    messages.map((m) => m.rule),
    ['article/text-page/no-prose'],
  );
});

void test('text pages: language and url', () => {
  const french = extract(
    [
      'La marine reçoit deux patrouilleurs',
      'La marine a reçu lundi deux patrouilleurs construits dans un chantier de la région, selon le ministère.',
      'Les navires seront utilisés pour la surveillance des zones de pêche et pour les missions de sauvetage en mer.',
    ].join('\n\n'),
  );
  assert.equal(french.article.language, 'fr');
  const english = extract(['Navy adds two patrol boats', ...BODY].join('\n\n'), 'https://example.org/navy');
  assert.equal(english.article.language, 'en');
  assert.equal(english.article.url, 'https://example.org/navy');
});

void test('text pages: the publication choice names its rule; a time after the stated capture is passed over', () => {
  const lines = ['Navy adds two patrol boats to northern fleet', 'Published: 13 September 2021', ...BODY];
  const { article, messages } = extract(lines.join('\n\n'));
  assert.equal(article.published, '2021-09-13');
  assert.equal(messages.find((m) => m.rule.startsWith('article/published'))?.rule, 'article/published:text-line');
  const later = extractTextPage(lines.join('\n\n'), { url: null, messages: [], limits: DEFAULT_LIMITS, data: new DataFiles(), capturedAt: '2021-06-01T00:00:00Z' });
  assert.equal(later.published, null);
});
