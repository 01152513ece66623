import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyLine } from './line-rules.js';
import type { LineFacts } from './line-rule.js';

/** Facts as a table shows them: the publication time by its value. */
function show(facts: LineFacts): Record<string, unknown> {
  const { published, ...rest } = facts;
  return published ? { ...rest, published: published.value } : rest;
}

void test('line rules claim chrome, metadata and boilerplate, and say what each line tells', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['Saturday, 11 September 2021 12:42 PM', 'published-line', { published: '2021-09-11T12:42' }],
    [
      'Published: 12 Sep 2021, 09:30 GMT+3 | Updated: 13 Sep 2021, 10:00 GMT+3',
      'published-line',
      { published: '2021-09-12T09:30+03:00' },
    ],
    ['Updated: 13 Sep 2021', 'published-line', { published: '2021-09-13', isUpdate: true }],
    ['Date: 21 March 2023', 'published-line', { published: '2023-03-21' }],
    ['3 hours ago', 'published-line', { published: null }],
    ['By News Desk | September 12, 2021', 'byline', { byline: 'News Desk', published: '2021-09-12' }],
    ['By Dr. Maria Okafor, Senior Fellow, Maritime Security Programme', 'byline', { byline: 'Dr. Maria Okafor' }],
    ['Author: Prof. Anders Lindqvist', 'byline', { byline: 'Prof. Anders Lindqvist' }],
    [
      'Par Jeanne Morel | 14 septembre 2021 à 10h30',
      'byline',
      { byline: 'Jeanne Morel', published: '2021-09-14T10:30' },
    ],
    ['Source: Levant Defense Bulletin', 'source-line', { source: 'Levant Defense Bulletin' }],
    ['Courtesy of Harbour Review', 'source-line', { source: 'Harbour Review' }],
    [
      'Source: Harbour News Agency | 2023-05-16 17:45:03',
      'source-line',
      { source: 'Harbour News Agency', published: '2023-05-16T17:45:03' },
    ],
    ['This article was originally published by Gulf Defence Review.', 'source-line', { source: 'Gulf Defence Review' }],
    ['(Reporting by Aigerim Nurlanova; Editing by Tom Brandt)', 'wire-credits', { byline: 'Aigerim Nurlanova' }],
    ['(Editing by Farid Guliyev)', 'wire-credits', {}],
    ['Editor: Chen Yu', 'wire-credits', {}],
    ['© 2023 Steppe Wire Ltd. All rights reserved.', 'copyright', { publisher: 'Steppe Wire Ltd' }],
    [
      '© 2021 Caspian Newswire. Redistribution without a licence is prohibited.',
      'copyright',
      { publisher: 'Caspian Newswire' },
    ],
    ['Copyright 2024 Skyline Media Group', 'copyright', { publisher: 'Skyline Media Group' }],
    ['Help keep this site free - make a donation today!', 'prompt', {}],
    ['Join the MarineSecurityDesk.net mailing list', 'prompt', { publisher: 'MarineSecurityDesk.net' }],
    ['Subscribe to our newsletter for the latest defence news from Asia.', 'prompt', {}],
    ['Follow us on Twitter and Facebook for the latest updates.', 'prompt', {}],
    ['Advertisement', 'advertisement', {}],
    ['Story continues below advertisement', 'advertisement', {}],
    ['Publicité', 'advertisement', {}],
    ['Share this article: Facebook | Twitter | WhatsApp | Email', 'share', {}],
    ['Share | Tweet | Email | Print', 'share', {}],
    ['5 min read', 'page-controls', {}],
    ['Back to news list', 'page-controls', {}],
    ['Photo: A Rafale fighter during a display flight. (File photo)', 'caption', {}],
    ['Indonesian pilots train on a simulator in France. Photo: Indonesian Air Force', 'caption', {}],
    ['Read more:', 'related', { opensList: true }],
    ['Related: Qatar and Kuwait sign defence cooperation memorandum', 'related', {}],
    ['READ MORE: Saudi Arabia orders additional Patriot interceptors', 'related', {}],
    ['Lire aussi : La Marine teste un nouveau drone de surface', 'related', {}],
    ['Tags: Malaysia, China, Royal Malaysian Navy, shipbuilding', 'tags', {}],
    ['Category: Naval', 'section-label', { section: 'Naval' }],
    ['Home > World > Asia-Pacific', 'breadcrumb', { section: 'Asia-Pacific' }],
    ['News / Defence', 'breadcrumb', { section: 'Defence' }],
    ['Home | Naval | Land | Air | Industry | Opinion', 'nav', {}],
    ["The views expressed in this commentary are the author's own.", 'disclaimer', {}],
    ['www.PatrolBoats.net', 'site-name', { publisher: 'PatrolBoats.net' }],
    ['Official website of the Ministry of Defence', 'site-name', { publisher: 'Ministry of Defence' }],
  ];
  for (const [line, rule, facts] of cases) {
    const claim = classifyLine(line);
    assert.equal(claim?.rule, `article/text-page/${rule}`, line);
    assert.deepEqual(show(claim.facts), facts, `${line}: facts`);
  }
});

void test('article text is not claimed, even when it mentions what a rule looks for', () => {
  const cases = [
    'The navy has received two patrol boats from a local yard, the ministry said.',
    'By 2030, the army plans to field two new brigades.',
    'By Monday, troops had withdrawn from the border.',
    'Japan will make a donation of 100 trucks to the Philippine army.',
    'The group used a mailing list to coordinate its members.',
    'Reported by the state news agency, the drills involved thousands of troops and dozens of aircraft.',
    'Facebook has banned accounts linked to the military.',
    'Copyright law was not at issue in the case, the judge said.',
    'Pictures by commercial satellite firms showed new trenches near the border.',
    'Maritime Security',
    'Oman and India hold joint naval drills off Muscat',
    'Gulf Maritime Review',
    'Latest: troops crossed the river at dawn, officials said.',
    'Sources said the deal was near.',
    'Via satellite links, commanders followed the exercise.',
  ];
  for (const line of cases) assert.equal(classifyLine(line), null, line);
});
