/**
 * Publication dates on small pages of our own: each kind of evidence (markup, URL, visible text in
 * several languages and orders), each rejection, the local day of a UTC time, and the rule message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from '../html.js';
import { DEFAULT_LIMITS, DataFiles } from '../../../core/context.js';
import type { Message } from '../../../core/doc.js';

const data = new DataFiles();

/** Enough article prose for the extractor to find a body; the words are ours. */
const PROSE =
  '<p>The harbour authority opened a second pier for patrol boats on the northern shore, and crews began moving spare parts from the old depot before the storm season.</p>' +
  '<p>Engineers said the new pier can take two larger vessels at once, which should shorten the queue for repairs that built up over the winter months.</p>';

interface PageParts {
  head?: string;
  /** Markup between the headline and the prose (datelines, bylines). */
  top?: string;
  /** Markup above the headline. */
  above?: string;
  /** Markup after the prose (lists, comments, footers). */
  bottom?: string;
  lang?: string;
  bodyClass?: string;
}

function page({ head = '', top = '', above = '', bottom = '', lang = 'en', bodyClass = '' }: PageParts): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><title>New pier for patrol boats</title>${head}</head><body class="${bodyClass}"><main><article>${above}<h1>New pier for patrol boats</h1>${top}${PROSE}</article>${bottom}</main></body></html>`;
}

function published(
  html: string,
  options: { url?: string; capturedAt?: string } = {},
): { value: string | null; messages: Message[] } {
  const messages: Message[] = [];
  const article = extractHtml(html, {
    url: options.url ?? 'https://harbour.example/news/pier',
    messages,
    limits: DEFAULT_LIMITS,
    data,
    capturedAt: options.capturedAt ?? null,
  });
  return { value: article.published, messages };
}

function ruleOf(messages: Message[]): string | undefined {
  return messages.find((m) => m.rule.startsWith('article/published'))?.rule;
}

const MARKUP_CASES: Array<[string, PageParts, string, string]> = [
  [
    'JSON-LD datePublished inside @graph',
    {
      head: '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Harbour"},{"@type":"NewsArticle","headline":"New pier","datePublished":"2022-05-31T09:15:00+02:00"}]}</script>',
    },
    '2022-05-31T09:15:00+02:00',
    'article/published:json-ld',
  ],
  [
    'JSON-LD blocks given as an array',
    {
      head: '<script type="application/ld+json">[{"@type":"Organization","name":"Harbour"},{"@type":"BlogPosting","datePublished":"2021-11-04"}]</script>',
    },
    '2021-11-04',
    'article/published:json-ld',
  ],
  [
    'OpenGraph article:published_time',
    { head: '<meta property="article:published_time" content="2022-03-08T14:00:00Z">' },
    '2022-03-08T14:00:00Z',
    'article/published:meta',
  ],
  [
    'sailthru.date',
    { head: '<meta name="sailthru.date" content="2020-10-19 07:40:00">' },
    '2020-10-19T07:40:00',
    'article/published:meta',
  ],
  [
    'parsely-pub-date',
    { head: '<meta name="parsely-pub-date" content="2019-02-27T18:03:00Z">' },
    '2019-02-27T18:03:00Z',
    'article/published:meta',
  ],
  [
    'citation_date',
    { head: '<meta name="citation_date" content="2018/06/12">' },
    '2018-06-12',
    'article/published:meta',
  ],
  ['dc.date', { head: '<meta name="DC.date" content="2017-09-30">' }, '2017-09-30', 'article/published:meta'],
  [
    '<time pubdate datetime>',
    { top: '<p class="info">Filed <time pubdate datetime="2022-01-20T08:00:00+01:00">20 January</time></p>' },
    '2022-01-20T08:00:00+01:00',
    'article/published:time',
  ],
  [
    'microdata itemprop datePublished',
    { top: '<span itemprop="datePublished" content="2021-07-02">2 July 2021</span>' },
    '2021-07-02',
    'article/published:time',
  ],
];

MARKUP_CASES.push(
  [
    "a dateless NewsArticle beside the page's WebPage object that carries the date",
    {
      head: '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"New pier"},{"@type":"WebPage","datePublished":"2020-09-03T07:00:00Z"}]}</script>',
    },
    '2020-09-03T07:00:00Z',
    'article/published:json-ld',
  ],
  [
    'hAtom <abbr class="published" title>',
    { top: '<p class="hentry-meta">Filed <abbr class="published" title="2021-02-11T16:20:00+01:00">Thursday</abbr></p>' },
    '2021-02-11T16:20:00+01:00',
    'article/published:time',
  ],
  [
    'originalpublicationdate',
    { head: '<meta name="OriginalPublicationDate" content="2016/04/21 11:00:00">' },
    '2016-04-21',
    'article/published:meta',
  ],
  [
    "a publication field in the page's script data, where no other kind speaks",
    { head: '<script>window.__STATE__={"story":{"id":4411,"publishedAt":"2023-08-14T05:30:00Z","title":"Pier"}};</script>' },
    '2023-08-14T05:30:00Z',
    'article/published:script',
  ],
);

for (const [name, parts, expected, rule] of MARKUP_CASES) {
  void test(`publication date from markup: ${name}`, () => {
    const { value, messages } = published(page(parts));
    assert.equal(value, expected);
    assert.equal(ruleOf(messages), rule);
    assert.equal(messages.find((m) => m.rule === rule)?.level, 'info');
  });
}

void test('publication date from the URL path: /2022/05/31/ and /20220531-', () => {
  assert.equal(published(page({}), { url: 'https://harbour.example/2022/05/31/new-pier' }).value, '2022-05-31');
  assert.equal(published(page({}), { url: 'https://harbour.example/news/20220531-new-pier' }).value, '2022-05-31');
  assert.equal(
    ruleOf(published(page({}), { url: 'https://harbour.example/2022/05/31/new-pier' }).messages),
    'article/published:url',
  );
});

/** [language tag, visible dateline under the headline, expected day or null]. */
const VISIBLE_CASES: Array<[string, string, string | null]> = [
  ['de', 'Veröffentlicht am 31. Mai 2022', '2022-05-31'],
  ['fr', 'Publié le 31 mai 2022', '2022-05-31'],
  ['es', 'Publicado el 31 de mayo de 2022', '2022-05-31'],
  ['ru', 'Опубликовано 31 мая 2022', '2022-05-31'],
  ['it', 'Pubblicato il 31 maggio 2022', '2022-05-31'],
  ['pt', 'Publicado em 31 de maio de 2022', '2022-05-31'],
  ['nl', 'Gepubliceerd op 31 mei 2022', '2022-05-31'],
  ['en', 'Posted May 31, 2022', '2022-05-31'],
  ['de', 'Von Erika Muster | 31.05.2022', '2022-05-31'],
  ['de', 'Hafen, 04.06.22', '2022-06-04'],
  ['en-US', 'Posted 06/04/2022', '2022-06-04'],
  ['en-GB', 'Posted 04/06/2022', '2022-06-04'],
  // English without a region and two numbers at most 12: the order is not known, so no guess.
  ['en', 'Posted 04/06/2022', null],
  // A number above 12 settles the order wherever the page comes from.
  ['en', 'Posted 06/24/2022', '2022-06-24'],
  ['ja', '2022年5月31日 10:00', '2022-05-31'],
  ['cs', 'Publikováno 31. května 2022', '2022-05-31'],
  ['sk', 'Uverejnené 31. mája 2022', '2022-05-31'],
  ['hu', 'Közzétéve: 2022. május 31.', '2022-05-31'],
  ['ko', '입력 2022. 5. 31. 10:00', '2022-05-31'],
  ['el', 'Δημοσίευση 31 Μαΐου 2022', '2022-05-31'],
  ['sv', 'Publicerad 31 maj 2022', '2022-05-31'],
  ['fi', 'Julkaistu 31. toukokuuta 2022', '2022-05-31'],
  ['ca', 'Publicat el 31 de maig de 2022', '2022-05-31'],
  ['ar', 'نشر في ٣١ مايو ٢٠٢٢', '2022-05-31'],
  // A Persian page's solar year (1401) is read in the Solar Hijri calendar.
  ['fa', 'تاریخ انتشار: ۱۴۰۱/۰۳/۱۰', '2022-05-31'],
];

for (const [lang, line, expected] of VISIBLE_CASES) {
  void test(`visible dateline (${lang}): "${line}" -> ${expected}`, () => {
    const { value, messages } = published(page({ lang, top: `<div class="story-info">${line}</div>` }));
    assert.equal(value?.slice(0, 10) ?? null, expected);
    if (expected) assert.equal(ruleOf(messages), 'article/published:text');
  });
}

void test('a date line just above the headline is its dateline; a wire dateline before a dash is too', () => {
  assert.equal(published(page({ above: '<p>Newsroom</p><p>14.02.2023</p>', lang: 'de' })).value, '2023-02-14');
  const wire = '<p>Kiel, 14.02.2023 – Der Hafen hat einen zweiten Anleger für Patrouillenboote eröffnet.</p>';
  assert.equal(
    published(
      page({ top: `<p>${'Ein langer Vorspann über den Hafen und seine Boote. '.repeat(12)}</p>${wire}`, lang: 'de' }),
    ).value,
    '2023-02-14',
  );
});

void test('rejected: a copyright year, a modified time, update lines, comment and related-list dates', () => {
  assert.equal(published(page({ bottom: '<footer>© 2021 Harbour Media</footer>' })).value, null);
  assert.equal(
    published(page({ head: '<meta property="article:modified_time" content="2022-06-02T10:00:00Z">' })).value,
    null,
  );
  assert.equal(published(page({ top: '<p class="byline">Updated 2 June 2022</p>' })).value, null);
  assert.equal(
    published(page({ top: '<p class="byline">Updated 2 June 2022 · Published 31 May 2022</p>' })).value,
    '2022-05-31',
  );
  const comments =
    '<section class="comments"><div class="comment"><time datetime="2022-06-05T11:00:00Z">5 June 2022</time> Good news for the crews.</div></section>';
  assert.equal(published(page({ bottom: comments })).value, null);
  const related =
    '<aside class="related"><ul><li><a href="/a">Old pier closed</a> <time datetime="2021-03-01">1 March 2021</time></li></ul></aside>';
  assert.equal(published(page({ bottom: related })).value, null);
});

void test('rejected: a list of several days (archive, calendar) and a range of event days', () => {
  const archive =
    '<div><p>03.05.2022 Pier survey</p><p>28.04.2022 Dredging starts</p><p>21.04.2022 Budget agreed</p></div>';
  assert.equal(published(page({ top: archive, lang: 'de' })).value, null);
  assert.equal(published(page({ top: '<p class="info">Open days 3 - 5 June 2022</p>' })).value, null);
});

void test('rejected: a date after the capture time; the page then has none', () => {
  const html = page({ head: '<meta property="article:published_time" content="2031-01-01T00:00:00Z">' });
  assert.equal(published(html).value, '2031-01-01T00:00:00Z');
  const { value, messages } = published(html, { capturedAt: '2022-06-01T12:00:00Z' });
  assert.equal(value, null);
  assert.equal(ruleOf(messages), undefined);
});

void test('a UTC time moves to the local day the page itself writes', () => {
  const html = page({
    head: '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-31T02:30:00Z"}</script>',
    top: '<p class="info"><time datetime="2022-05-30T22:30:00-04:00">May 30, 2022</time></p>',
  });
  const { value, messages } = published(html);
  assert.equal(value, '2022-05-30T22:30:00-04:00');
  assert.equal(ruleOf(messages), 'article/published:local-day');
});

void test('a UTC time moves to the site country day only when every offset of the country agrees', () => {
  const late = page({
    head: '<meta property="article:published_time" content="2022-11-06T23:00:00.000Z">',
    lang: 'de',
  });
  assert.equal(published(late, { url: 'https://hafen.example.de/artikel/anleger' }).value, '2022-11-07');
  const early = page({
    head: '<meta property="article:published_time" content="2022-05-02T01:10:00Z">',
    lang: 'en-US',
  });
  assert.equal(published(early).value, '2022-05-01');
  // 22:00 UTC is 23:00 or midnight in Germany: not settled, the written day stays.
  const unsure = page({ head: '<meta property="article:published_time" content="2022-11-06T22:00:00Z">', lang: 'de' });
  assert.equal(published(unsure, { url: 'https://hafen.example.de/artikel/anleger' }).value, '2022-11-06T22:00:00Z');
  // A generic domain and a language spoken in many zones say nothing about the site's clock.
  const unknown = page({ head: '<meta property="article:published_time" content="2022-05-02T01:10:00Z">', lang: 'en' });
  assert.equal(published(unknown).value, '2022-05-02T01:10:00Z');
});

void test('two kinds that agree outvote a JSON-LD date standing alone', () => {
  const html = page({
    head: '<script type="application/ld+json">{"@type":"Article","datePublished":"2019-01-10"}</script><meta property="article:published_time" content="2022-12-15T09:00:00">',
    top: '<p class="author">By Jane Roe | 15.12.2022</p>',
    lang: 'de',
  });
  const { value, messages } = published(html);
  assert.equal(value, '2022-12-15T09:00:00');
  assert.equal(ruleOf(messages), 'article/published:agreement');
});

void test('three kinds that agree outvote two that agree on a day far from theirs; a tie keeps the first kind', () => {
  const markup =
    '<script type="application/ld+json">{"@type":"Article","datePublished":"2020-03-04T08:00:00+01:00"}</script>' +
    '<meta property="article:published_time" content="2020-03-04T07:00:00Z">';
  const shown = '<div class="byline">Von Jana Roth <time datetime="2021-10-02T09:00:00Z">2. Oktober 2021</time></div>';
  const state = '<script>window.__STATE__={"story":{"publishDate":"2021-10-02T09:00:00Z"}}</script>';
  const three = published(page({ head: markup + state, top: shown, lang: 'de' }));
  assert.equal(three.value, '2021-10-02T09:00:00Z');
  assert.equal(ruleOf(three.messages), 'article/published:agreement');
  // Two against two: the markup, first in order, stands.
  const two = published(page({ head: markup, top: shown, lang: 'de' }));
  assert.equal(two.value, '2020-03-04T08:00:00+01:00');
  assert.equal(ruleOf(two.messages), 'article/published:json-ld');
});

void test('a JSON-LD date far from the URL day gives way to the URL unless another kind backs it', () => {
  const head =
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-09-01T10:00:00Z"}</script>';
  assert.equal(published(page({ head }), { url: 'https://harbour.example/2022/05/31/new-pier' }).value, '2022-05-31');
  const backed = page({ head, top: '<p class="date">1 September 2022</p>' });
  assert.equal(published(backed, { url: 'https://harbour.example/2022/05/31/new-pier' }).value, '2022-09-01T10:00:00Z');
});

void test('classes on <body> describe the page, not a list: a dateline on a page "with related" still counts', () => {
  const html = page({
    bodyClass: 'layout--with-related has-sidebar',
    top: '<div class="story-info">Posted May 31, 2022</div>',
  });
  assert.equal(published(html).value, '2022-05-31');
});

void test('of several JSON-LD articles (the page and related ones), the one at the page URL gives the date', () => {
  const ld = [
    { '@type': 'NewsArticle', url: 'https://harbour.example/news/old-pier', datePublished: '2021-02-02T08:00:00Z' },
    { '@type': 'NewsArticle', url: 'https://www.harbour.example/news/pier/', datePublished: '2022-05-31T08:00:00Z' },
  ];
  const html = page({ head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>` });
  assert.equal(published(html, { url: 'https://harbour.example/news/pier?ref=feed' }).value, '2022-05-31T08:00:00Z');
  assert.equal(published(html, { url: 'https://harbour.example/elsewhere' }).value, '2021-02-02T08:00:00Z');
});

void test('a masthead date with its weekday above the headline is the day the page was served: not taken', () => {
  const masthead = '<div class="topbar">Harbour Daily | Wednesday, June 8, 2022</div>';
  assert.equal(published(page({ above: masthead })).value, null);
  // The same line in the article's own date box, or a kicker date without a weekday, still counts.
  assert.equal(
    published(page({ above: '<div class="article-date">Wednesday, June 8, 2022</div>' })).value,
    '2022-06-08',
  );
  assert.equal(published(page({ above: '<p>Newsroom</p><p>June 8, 2022</p>' })).value, '2022-06-08');
});

void test('a slashed machine date follows the page order: month first on a US page, day first elsewhere', () => {
  const head = '<meta name="pubdate" content="06/04/2022 10:30">';
  assert.equal(published(page({ head, lang: 'en-US' })).value, '2022-06-04');
  assert.equal(published(page({ head, lang: 'es' })).value?.slice(0, 10), '2022-04-06');
  // English of no stated region on a generic domain gives no order: no guess between 4 June and 6 April.
  assert.equal(published(page({ head, lang: 'en' })).value, null);
  // A first number above 12 leaves no doubt.
  assert.equal(published(page({ head: '<meta name="pubdate" content="16/04/2022 10:30">', lang: 'en' })).value?.slice(0, 10), '2022-04-16');
});

void test("in the site's list of stories, the entry that links to this very page dates it; other entries do not", () => {
  const feed = (href: string): string =>
    '<section class="latest-news">' +
    `<a class="item" href="/news/ferry-timetable-77120.html"><time datetime="2023-03-02T07:10:00+02:00">07:10</time> Ferry timetable</a>` +
    `<a class="item" href="${href}"><time datetime="2023-03-02T06:45:00+02:00">06:45</time> New pier for patrol boats</a>` +
    '</section>';
  const url = 'https://harbour.example/news/new-pier-77118.html';
  const { value, messages } = published(page({ bottom: feed('news/new-pier-77118.html') }), { url });
  assert.equal(value, '2023-03-02T06:45:00+02:00');
  assert.match(messages.find((m) => m.rule === 'article/published:time')?.reason ?? '', /list entry linking to this page/);
  // The same list without an entry for this page dates nothing.
  assert.equal(published(page({ bottom: feed('/news/dredging-77119.html') }), { url }).value, null);
  // A link to an anchor of this page is a comment's permalink: its time dates the comment.
  const comments =
    '<div><p>Rui</p><a href="https://harbour.example/news/new-pier-77118.html#reply-4410"><time datetime="2023-03-09T21:05:00+02:00">2 days ago</time></a></div>';
  assert.equal(published(page({ bottom: comments }), { url }).value, null);
});

void test('a <time> whose datetime is written 05/04/2022 declares no order: its shown text, or other evidence, says the day', () => {
  const time = (text: string): string => `<span class="meta"><time datetime="05/04/2022 08:40:00 am">${text}</time></span>`;
  // Nothing on the page says whether it is 5 April or 4 May.
  assert.equal(published(page({ lang: 'pt', top: time('') })).value, null);
  // The text the <time> shows is read in the page's order.
  assert.equal(published(page({ lang: 'pt', top: time('4 de maio de 2022') })).value?.slice(0, 10), '2022-05-04');
  // An unambiguous one is read as written.
  const clear = '<span class="meta"><time datetime="25/04/2022 08:40"></time></span>';
  assert.equal(published(page({ lang: 'pt', top: clear })).value?.slice(0, 10), '2022-04-25');
});

void test("a box printing the day the page was served ('today') is not a dateline, nor is a masthead <h1>", () => {
  const html =
    '<!DOCTYPE html><html lang="en"><head><title>Harbour registry</title></head><body>' +
    '<h1 class="site-masthead">Harbour Registry Daily</h1><div class="today">Thursday, March 9, 2023</div>' +
    `<div><h2>Pier lease filed</h2><dl><dt>Filed</dt><dd>Monday, February 6, 2023</dd></dl>${PROSE}</div></body></html>`;
  const { value } = published(html);
  assert.equal(value, null);
});

void test('a date in brackets opening the first paragraph is the press dateline, also where no <h1> marks the headline', () => {
  const html =
    '<!DOCTYPE html><html lang="de"><head><title>Hafenverband | Meldungen</title></head><body>' +
    `<nav>${'<a href="/x">Rubrik</a> '.repeat(700)}</nav>` +
    '<div class="content"><div class="headline">Zweiter Anleger für Patrouillenboote</div>' +
    '<p>(14. Februar 2023) Der Hafenverband hat am Nordufer einen zweiten Anleger eröffnet, an dem Patrouillenboote künftig ihre Ersatzteile laden.</p>' +
    '<p>Die Ingenieure sagen, der Anleger könne zwei größere Schiffe zugleich aufnehmen und die Warteschlange für Reparaturen verkürzen.</p>' +
    '</div></body></html>';
  const { value, messages } = published(html, { url: 'https://hafenverband.example.de/meldungen/anleger' });
  assert.equal(value, '2023-02-14');
  assert.match(messages.find((m) => m.rule === 'article/published:text')?.reason ?? '', /dateline opening the article/);
  // A date later in the paragraph, not opening it, is no dateline.
  const later = html.replace('(14. Februar 2023) Der Hafenverband hat', 'Der Hafenverband hat am 14. Februar 2023');
  assert.equal(published(later, { url: 'https://hafenverband.example.de/meldungen/anleger' }).value, null);
});

void test("script data gives way to any other kind: the page's own markup or dateline wins", () => {
  const head =
    '<script>window.__STATE__={"teasers":[{"publishedAt":"2023-08-01T05:30:00Z"}]};</script><meta property="article:published_time" content="2023-08-14T05:30:00Z">';
  assert.equal(published(page({ head })).value, '2023-08-14T05:30:00Z');
});

void test("a UTC time a few hours past the URL's day moves to that day (the CMS files by its own clock); a slug's date does not", () => {
  const head = '<meta property="article:published_time" content="2023-04-12T02:40:00Z">';
  const { value, messages } = published(page({ head, lang: 'en' }), { url: 'https://harbour.example/2023/04/11/pier-lease' });
  assert.equal(value, '2023-04-11');
  assert.equal(ruleOf(messages), 'article/published:local-day');
  // A date at the end of a slug names an event, not the day the story was filed.
  assert.equal(
    published(page({ head, lang: 'en' }), { url: 'https://harbour.example/news/pier-lease-hearing-2023-04-11' }).value,
    '2023-04-12T02:40:00Z',
  );
  // Half a day past the URL's day is beyond any American offset: the URL day was the draft's, not the publication's.
  const morning = '<meta property="article:published_time" content="2023-04-12T11:40:00Z">';
  assert.equal(
    published(page({ head: morning, lang: 'en' }), { url: 'https://harbour.example/2023/04/11/pier-lease' }).value,
    '2023-04-12T11:40:00Z',
  );
});

void test("an English page of no stated region: its own dates with a number above 12 settle 04/06's order", () => {
  const related = (d: string): string =>
    `<aside class="related"><ul><li><a href="/a">Dredging starts</a> ${d}</li></ul></aside>`;
  const top = '<div class="story-info">Posted 04/06/2022</div>';
  assert.equal(published(page({ top, bottom: related('24/05/2022') })).value, '2022-06-04');
  assert.equal(published(page({ top, bottom: related('05/24/2022') })).value, '2022-04-06');
  // A page that writes both ways says nothing: no guess.
  assert.equal(published(page({ top, bottom: related('24/05/2022 and 05/24/2022') })).value, null);
});

void test('a cued publication line closing a long article counts; an uncued date that far down does not', () => {
  const long = PROSE.repeat(14);
  const closing = (line: string): string =>
    `<!DOCTYPE html><html lang="en"><head><title>New pier</title></head><body><article><h1>New pier for patrol boats</h1>${long}<p>${line}</p></article></body></html>`;
  assert.ok(long.length > 3000);
  const { value, messages } = published(closing('This entry was posted on March 3, 2023 in Harbour news.'));
  assert.equal(value, '2023-03-03');
  assert.equal(ruleOf(messages), 'article/published:text');
  assert.equal(published(closing('The pier closes for inspection on March 3, 2023.')).value, null);
});

void test("a date the story's first sentence tells of is no dateline; the same date on a line of its own is", () => {
  const lede =
    '<p>The harbour authority told crews on Friday that from 3 March 2023 the old depot will store only spare parts, and that patrol boats should use the northern pier instead.</p>';
  assert.equal(published(page({ top: lede })).value, null);
  assert.equal(published(page({ top: `<p>3 March 2023</p>${lede}` })).value, '2023-03-03');
});

void test('publication verbs of more languages cue a date standing below the lede, where no box or headline vouches for it', () => {
  const intro = `<p>${'Le port a ouvert un second quai pour les patrouilleurs sur la rive nord. '.repeat(8)}</p>`;
  const cases: Array<[string, string, string | null]> = [
    ['fr', 'Mis en ligne le 31 mai 2022', '2022-05-31'],
    ['sv', 'Publicerad 31 maj 2022', '2022-05-31'],
    ['cs', 'Publikováno 31. května 2022', '2022-05-31'],
    ['de', 'Erstellt am 31.05.2022', '2022-05-31'],
    // The same date with no cue, that far below the headline, is not taken.
    ['fr', 'Le 31 mai 2022', null],
  ];
  for (const [lang, line, expected] of cases) {
    const html = page({ lang, top: `${intro}<p>${line}</p>` });
    assert.equal(published(html).value?.slice(0, 10) ?? null, expected, line);
  }
});

void test("an English page of no stated region on a Commonwealth domain writes 04/06 day first; a lent-out domain says nothing", () => {
  const top = '<div class="story-info">Posted 04/06/2022</div>';
  assert.equal(published(page({ top }), { url: 'https://harbour.example.co.uk/news/pier' }).value, '2022-06-04');
  assert.equal(published(page({ top }), { url: 'https://harbour.example.com.au/news/pier' }).value, '2022-06-04');
  assert.equal(published(page({ top }), { url: 'https://harbour.example.com/news/pier' }).value, null);
  assert.equal(published(page({ top, lang: '' }), { url: 'https://harbour.example.io/news/pier' }).value, null);
  assert.equal(published(page({ top, lang: '' }), { url: 'https://harbour.example.ph/news/pier' }).value, '2022-04-06');
});

void test('a Persian page writes the Solar Hijri calendar: its dateline is read as the Gregorian day', () => {
  const cases: Array<[string, string | null]> = [
    ['پنجشنبه ۴ خرداد ۱۴۰۲', '2023-05-25'],
    ['۱۲ تیر ۱۳۹۹ - ۱۰:۳۰', '2020-07-02'],
    ['۱ فروردین ۱۴۰۳', '2024-03-20'],
    ['۳۰ اسفند ۱۴۰۳', '2025-03-20'],
    // 1402 is no leap year: its Esfand has 29 days.
    ['۳۰ اسفند ۱۴۰۲', null],
    ['۱۰ دی ۱۴۰۱', '2022-12-31'],
    ['۱۴۰۱/۰۳/۱۰', '2022-05-31'],
    // A day the month does not have is no date.
    ['۳۱ مهر ۱۴۰۱', null],
  ];
  for (const [line, expected] of cases) {
    const html = page({ lang: 'fa', top: `<div class="news-date">${line}</div>` });
    assert.equal(published(html).value?.slice(0, 10) ?? null, expected, line);
  }
  // The same numbers on a page of another language are no Solar Hijri date.
  assert.equal(published(page({ lang: 'ar', top: '<div class="news-date">1444/11/05</div>' })).value, null);
});

void test('a date labelled as an update in an element of its own is no publication, in the text nor in a <time>', () => {
  const cases: Array<[string, string]> = [
    ['en', '<p class="meta"><span>Updated</span> <time datetime="2022-06-02">2 June 2022</time></p>'],
    ['en', '<div class="info"><span>Last updated:</span> <span>2 June 2022</span></div>'],
    ['de', '<div class="info"><span>Zuletzt aktualisiert</span> <span>02.06.2022</span></div>'],
    ['en', '<p class="byline">By Ann Lee <span class="date-modified">2 June 2022</span></p>'],
  ];
  for (const [lang, top] of cases) assert.equal(published(page({ lang, top })).value, null, top);
  // The nearest label speaks for each date: the update first, then the publication.
  const both = page({ top: '<p class="date"><span>Updated</span> 4 June 2022 | <span>Published</span> 1 June 2022</p>' });
  assert.equal(published(both).value, '2022-06-01');
  // The same day published and updated: the publication's <time> still dates the page.
  const sameDay = page({
    top: '<p class="meta"><time datetime="2022-06-02T08:00:00Z">Posted 2 June 2022</time> <span>Updated</span> <time datetime="2022-06-02T12:00:00Z">2 June 2022</time></p>',
  });
  const { value, messages } = published(sameDay);
  assert.equal(value, '2022-06-02T08:00:00Z');
  assert.equal(ruleOf(messages), 'article/published:time');
  // hAtom themes print the publication day in class "updated": still a dateline.
  const hatom = page({ top: '<div class="entry-meta"><span class="updated">2 June 2022</span></div>' });
  assert.equal(published(hatom).value, '2022-06-02');
});

void test('a printed, retrieved or accessed day is no publication', () => {
  for (const line of ['Printed on 4 June 2022', 'Retrieved 4 June 2022', 'Abgerufen am 04.06.2022']) {
    assert.equal(published(page({ lang: 'de', top: `<p class="date">${line}</p>` })).value, null, line);
  }
});

void test('a date a sentence tells of after a preposition is no dateline, however short its paragraph', () => {
  const told = [
    '<p>The open day takes place on 15 July 2022 at the northern pier.</p>',
    '<p>On 3 June 2022 the crews moved the last spare parts to the new shed.</p>',
  ];
  for (const top of told) assert.equal(published(page({ top })).value, null, top);
  // A date on a line of its own, and a cued one, still date the page.
  assert.equal(published(page({ top: '<p>3 June 2022</p>' })).value, '2022-06-03');
  assert.equal(published(page({ top: '<p>Published on 3 June 2022</p>' })).value, '2022-06-03');
  // A dateline opening with the preposition and followed by its clock is still one.
  assert.equal(published(page({ lang: 'fr', top: '<p>Le 3 juin 2022 à 10h15</p>' })).value, '2022-06-03T10:15:00');
  assert.equal(published(page({ top: '<p>On 3 June 2022 at 10:15</p>' })).value, '2022-06-03T10:15:00');
});

void test("boxes of other stories named 'more from', 'read next' are lists, even when named after an author", () => {
  for (const bottom of [
    '<section class="more-from-author"><h3>More</h3><a href="/x">Old dock story</a> <span>1 May 2022</span></section>',
    '<div class="read-next"><a href="/x">Old dock story</a> <p>1 May 2022</p></div>',
  ]) {
    assert.equal(published(page({ bottom })).value, null, bottom);
  }
});

void test('three kinds that each give another day, none backed by a second, give no date', () => {
  const head =
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-02-10T08:00:00Z"}</script>' +
    '<meta property="article:published_time" content="2022-04-20T08:00:00Z">';
  assert.equal(published(page({ head, top: '<p class="date">30 June 2022</p>' })).value, null);
  // One of them backed by another kind: that day.
  const backed = page({ head, top: '<p class="date">20 April 2022</p>' });
  assert.equal(published(backed).value?.slice(0, 10), '2022-04-20');
});

void test('datelines in further languages: Bulgarian, Serbian Cyrillic, Lithuanian, Estonian, Malay, Tagalog, Persian, Indonesian', () => {
  const cases: Array<[string, string, string]> = [
    ['bg', '3 юни 2022', '2022-06-03'],
    ['sr', '3. јун 2022.', '2022-06-03'],
    ['lt', '3 birželio 2022', '2022-06-03'],
    ['et', '3. juuni 2022', '2022-06-03'],
    ['ms', '3 Julai 2022', '2022-07-03'],
    ['tl', 'Hunyo 3, 2022', '2022-06-03'],
    ['fa', '۳ ژوئن ۲۰۲۲', '2022-06-03'],
    ['id', '17 Agu 2022', '2022-08-17'],
  ];
  for (const [lang, line, expected] of cases) {
    const value = published(page({ lang, top: `<p class="date">${line}</p>` })).value;
    assert.equal(value?.slice(0, 10) ?? null, expected, `${lang}: ${line}`);
  }
});

void test("a list-like class on the elements holding the headline names the page's layout: the dateline inside counts", () => {
  for (const frame of ['post-slider', 'layout-2-col layout-right-sidebar']) {
    const html = `<!DOCTYPE html><html lang="en"><head><title>New pier for patrol boats</title></head><body><div class="${frame}"><article><h1>New pier for patrol boats</h1><p class="byline">Jun 3, 2022</p>${PROSE}</article></div></body></html>`;
    assert.equal(published(html).value, '2022-06-03', frame);
  }
  // A sidebar beside the headline, not around it, is still a list.
  const aside = page({ bottom: '<div class="right-sidebar"><p class="date">Jun 1, 2022</p><a href="/x">Old dock story</a></div>' });
  assert.equal(published(aside).value, null);
});

void test("a whole post named 'status-publish' or 'multimedia' is no date box: a date far down its prose is no dateline", () => {
  const more =
    '<p>Local fishers asked for a slot at the old depot once the patrol boats leave it, and the council will answer at its next sitting.</p>' +
    '<p>Weekend ferries keep their timetable while the works go on.</p><p>May 29, 2022</p>';
  for (const names of ['post-12 post type-post status-publish format-standard', 'story multimedia']) {
    const html = `<!DOCTYPE html><html lang="en"><head><title>New pier for patrol boats</title></head><body><article class="${names}"><h1>New pier for patrol boats</h1>${PROSE}${more}</article></body></html>`;
    assert.equal(published(html).value, null, names);
  }
  // A short box so named still is one.
  const box = page({ top: '<div class="post-meta">By Ana Reyes · May 29, 2022</div>' });
  assert.equal(published(box).value, '2022-05-29');
});

void test("an embedded tweet's date under the headline is the tweet's, not the page's", () => {
  const embeds = [
    '<blockquote class="twitter-tweet"><p>Crews at the new pier this morning</p>— Harbour Watch (@harbourwatch) <a href="https://twitter.com/harbourwatch/status/1">May 29, 2022</a></blockquote>',
    '<figure class="wp-block-embed-twitter"><div><p>Crews at the new pier</p><a href="https://twitter.com/harbourwatch/status/1">May 29, 2022</a></div></figure>',
  ];
  for (const top of embeds) assert.equal(published(page({ top })).value, null, top);
});

void test('datelines with short month names: Russian, Italian, Polish, Dutch, Austrian German', () => {
  const cases: Array<[string, string, string]> = [
    ['ru', '5 окт. 2022', '2022-10-05'],
    ['ru', '12 сент. 2021, 08:30', '2021-09-12'],
    ['it', '3 giu 2022', '2022-06-03'],
    ['it', '21 lug 2022', '2022-07-21'],
    ['pl', '3 paź 2022', '2022-10-03'],
    ['nl', '14 mrt 2022', '2022-03-14'],
    ['de-AT', '8. Jänner 2023', '2023-01-08'],
  ];
  for (const [lang, line, expected] of cases) {
    const value = published(page({ lang, top: `<p class="date">${line}</p>` })).value;
    assert.equal(value?.slice(0, 10) ?? null, expected, `${lang}: ${line}`);
  }
});

void test("a date labelled as another day (an event, a deadline, an expiry, a birth) or in a photo's caption is no dateline", () => {
  const others = [
    '<p>Event date: 14 July 2022</p>',
    '<p>Closing date: 14 July 2022</p>',
    '<p>Application deadline 14 July 2022</p>',
    '<p lang="de">Anmeldeschluss: 14. Juli 2022</p>',
    '<p lang="fr">Date limite : 14 juillet 2022</p>',
    '<p lang="es">Fecha límite: 14 de julio de 2022</p>',
    '<div class="event-date">14 July 2022</div>',
    '<div class="offer expiry-date">14 July 2022</div>',
    '<figure><img src="pier.jpg" alt=""><figcaption>The pier under construction, 14 July 2021</figcaption></figure>',
    '<div class="wp-caption-text">The pier under construction, 14 July 2021</div>',
  ];
  for (const top of others) assert.equal(published(page({ top })).value, null, top);
  // A site-wide style class on <body> ('event-date-label') names no box: the byline's date still counts.
  const styled = page({ bodyClass: 'event-date-label event-list-date', top: '<p class="byline">14 July 2022</p>' });
  assert.equal(published(styled).value, '2022-07-14');
  // The publication beside an event's day is still read.
  assert.equal(published(page({ top: '<p>Published 2 July 2022</p><p>Event date: 14 July 2022</p>' })).value, '2022-07-02');
});

void test("a JSON-LD picture's, person's or event's datePublished is not the page's", () => {
  for (const type of ['ImageObject', 'Person', 'Event']) {
    const head = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"${type}","name":"Pier","datePublished":"2019-03-02T10:00:00Z"}</script>`;
    assert.equal(published(page({ head })).value, null, type);
  }
  // A page object of no article type still dates the page.
  const head =
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"CreativeWork","name":"Pier","datePublished":"2022-03-02"}</script>';
  assert.equal(published(page({ head })).value, '2022-03-02');
});

void test("a <time> showing the day the site serves the page, a photo's day or an embedded post's day is not the publication", () => {
  const cases: PageParts[] = [
    { above: '<div class="current-date"><time datetime="2022-06-10">Friday, June 10, 2022</time></div>' },
    { above: '<div id="today"><time datetime="2022-06-10">June 10, 2022</time></div>' },
    { top: '<figure><img src="pier.jpg" alt=""><figcaption>Crews at work <time datetime="2021-06-12">12 June 2021</time></figcaption></figure>' },
    {
      top: '<blockquote class="twitter-tweet"><p>Crews at the pier</p><a href="https://twitter.com/harbourwatch/status/1"><time datetime="2022-05-29">May 29, 2022</time></a></blockquote>',
    },
  ];
  for (const parts of cases) assert.equal(published(page(parts)).value, null, JSON.stringify(parts));
  // Marked as the publication, it still counts.
  const marked = page({ above: '<div class="current-date"><time class="published" datetime="2022-06-10">June 10, 2022</time></div>' });
  assert.equal(published(marked).value, '2022-06-10');
});

void test("datelines with hyphens ('04-05-2022') read in the page's order, and '4th of May 2022'", () => {
  const cases: Array<[string, string, string | null]> = [
    ['nl', '04-05-2022', '2022-05-04'],
    ['pt', '4-5-2022 às 14h05', '2022-05-04'],
    ['en-US', '05-04-2022', '2022-05-04'],
    // English of no stated region on a generic domain: no order, no guess.
    ['en', '04-05-2022', null],
    ['en', '4th of May 2022', '2022-05-04'],
  ];
  for (const [lang, line, expected] of cases) {
    const value = published(page({ lang, top: `<p class="date">${line}</p>` })).value;
    assert.equal(value?.slice(0, 10) ?? null, expected, `${lang}: ${line}`);
  }
});

void test('publication cues of more languages date a closing line far below the headline', () => {
  const more =
    '<p>Local fishers asked for a slot at the old depot once the patrol boats leave it, and the council will answer at its next sitting in the town hall.</p>';
  const cases: Array<[string, string]> = [
    ['pt', 'Postado em 04/05/2022'],
    ['nl', 'Geplaatst op 4 mei 2022'],
    ['de', 'Gepostet am 4. Mai 2022'],
    ['es', 'Fecha de publicación: 04/05/2022'],
    ['ru', 'Дата публикации: 04.05.2022'],
    ['pl', 'Data publikacji: 04.05.2022'],
  ];
  for (const [lang, line] of cases) {
    const value = published(page({ lang, bottom: '', top: `${more}${more}<p>${line}</p>` })).value;
    assert.equal(value?.slice(0, 10) ?? null, '2022-05-04', `${lang}: ${line}`);
  }
});

void test('a visible clock labelled UTC is moved to the local day like markup in UTC; an unlabelled clock keeps its day', () => {
  const line = (text: string): string => page({ lang: 'es-CO', top: `<p class="date">${text}</p>` });
  const utc = published(line('6 de mayo de 2022 - 02:00 UTC'), { url: 'https://puerto.example/n/1' });
  assert.equal(utc.value, '2022-05-05');
  assert.equal(ruleOf(utc.messages), 'article/published:local-day');
  // Written without a zone, the clock is the site's own: its day stands.
  assert.equal(published(line('6 de mayo de 2022 - 02:00'), { url: 'https://puerto.example/n/1' }).value, '2022-05-06T02:00:00');
  // 'GMT+2' names an offset, not UTC.
  assert.equal(published(line('6 de mayo de 2022 - 02:00 GMT+2'), { url: 'https://puerto.example/n/1' }).value, '2022-05-06T02:00:00');
});

void test("a <time> marked as an event's start or end (startDate, dtstart), a deadline or an expiry is not the publication", () => {
  const tops = [
    '<p>Open day: <time itemprop="startDate" datetime="2022-07-14">14 July 2022</time></p>',
    '<div class="vevent"><abbr class="dtstart" title="2022-07-14">14 July 2022</abbr></div>',
    '<p><time class="dtstart" datetime="2022-07-14">14 July 2022</time> to <time class="dtend" datetime="2022-07-15">15 July 2022</time></p>',
    '<p>Offer ends <time class="expiry" datetime="2022-07-14">14 July 2022</time></p>',
  ];
  for (const top of tops) assert.equal(published(page({ top })).value, null, top);
  // The byline's <time> beside an event's still dates the page.
  const both = page({
    top: '<p class="byline"><time datetime="2022-07-01">1 July 2022</time></p><p>Open day: <time itemprop="startDate" datetime="2022-07-14">14 July 2022</time></p>',
  });
  assert.equal(published(both).value, '2022-07-01');
});

void test("a byline whose name is also a label word ('Born', 'Frist') still dates the page", () => {
  for (const name of ['Lena Born', 'Bill Frist'])
    assert.equal(published(page({ top: `<p class="byline">By ${name}</p><p class="date">12 June 2022</p>` })).value, '2022-06-12', name);
  assert.equal(published(page({ lang: 'de', top: '<p>Termin: 14. Juli 2022</p>' })).value, null);
});

void test('a date introduced as the publication outranks an earlier one that only sits in a date box', () => {
  const html = page({
    lang: 'de',
    above: '<div class="header-meta"><span class="time">05.03.24</span> <span>08:15</span></div>',
    top: '<p class="author-line">Veröffentlicht: 28.02.2024</p>',
  });
  assert.equal(published(html).value, '2024-02-28');
  // Without the cue the box's date still counts.
  const plain = page({ lang: 'de', above: '<div class="header-meta"><span class="time">05.03.24</span></div>' });
  assert.equal(published(plain).value?.slice(0, 10), '2024-03-05');
});

void test("a copyright line or the site's colophon (site-info, copyright box) never dates the page, in the text nor in a <time>", () => {
  // A short article, so the box under it lies within reach of the headline.
  const furniture = [
    '<div class="site-info">Copyright 2021 · 14.03.2021</div>',
    '<div id="colophon"><p>Harbour Media, 2 March 2021</p></div>',
    '<div class="copyright"><p>Harbour Media</p><p>2 March 2021</p></div>',
    '<div class="site-info"><time datetime="2021-03-02">2 March 2021</time></div>',
  ];
  for (const bottom of furniture) assert.equal(published(page({ bottom })).value, null, bottom);
  // A line opened by the copyright mark, or saying the rights are reserved, is the notice: its date too.
  const notices = [
    '<p>© 2021 Harbour Media · 3 March 2021</p>',
    '<p>Copyright Harbour Media 2021, 3 March 2021</p>',
    '<p>All rights reserved 2021, 3 March 2021</p>',
  ];
  for (const top of notices) assert.equal(published(page({ top })).value, null, top);
  assert.equal(
    published(page({ lang: 'de', top: '<p>Alle Rechte vorbehalten · 03.03.2021</p>' }), { url: 'https://hafen.example.de/a/b' }).value,
    null,
  );
  // The page's own dateline still counts beside such a notice; a credit with © inside a byline keeps its date.
  assert.equal(
    published(page({ top: '<p class="date">12 May 2021</p>', bottom: '<div class="site-info">Copyright 2021 · 14.03.2021</div>' })).value,
    '2021-05-12',
  );
  assert.equal(published(page({ top: '<p class="byline">By Ana Reyes, photos © Harbour Media · 12 May 2021</p>' })).value, '2021-05-12');
});

void test("a site that shows its UTC clock as if local: its markup's own offset gives the site's local day, not the shown day", () => {
  // 21:30 in Bogotá is 02:30 UTC the next day; the header prints that UTC clock with no zone. The day is the
  // site's local one (the project's one convention), whichever the header shows.
  const html = page({
    lang: 'es-CO',
    head:
      '<meta property="article:published_time" content="2022-03-10T02:30:00Z">' +
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-03-09T21:30:00-05:00"}</script>',
    above: '<div class="Datetime">10 de marzo de 2022 - 2:30 a. m.</div>',
  });
  assert.equal(published(html, { url: 'https://rio.example.co/ciudad/muelle' }).value, '2022-03-09T21:30:00-05:00');
  // With the UTC markup alone, the shown clock is the only local writing of that instant: its day is the page's.
  const utcOnly = page({
    lang: 'es',
    head: '<meta property="article:published_time" content="2022-03-10T02:30:00Z">',
    above: '<div class="Datetime">10 de marzo de 2022 - 2:30 a. m.</div>',
  });
  assert.equal(published(utcOnly, { url: 'https://rio.example.com/ciudad/muelle' }).value?.slice(0, 10), '2022-03-10');
});
