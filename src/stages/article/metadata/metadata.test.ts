/** Tables for the metadata helpers: date strings, publication choice, credits, language. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate } from './parse-date.js';
import { dayFromUrl, findPublished } from './published.js';
import type { VisibleSegment } from './visible-text.js';
import { findCredit } from './credit.js';
import { chooseLanguage, detectLanguage } from './language.js';
import type { PageSignals } from './page-signals.js';

void test('parseDate keeps the offset when given, the day alone when no time is known', () => {
  const cases: Array<[string, string | null]> = [
    ['2021-09-11T12:42:00+04:30', '2021-09-11T12:42:00+04:30'],
    ['2021-09-11T12:42:00+0430', '2021-09-11T12:42:00+04:30'],
    ['2021-09-11T12:42:00.000Z', '2021-09-11T12:42:00Z'],
    ['2021-09-11 12:42', '2021-09-11T12:42:00'],
    ['2021-09-11', '2021-09-11'],
    ['20210911', '2021-09-11'],
    ['Sat, 11 Sep 2021 12:42:00 +0000', '2021-09-11T12:42:00Z'],
    ['September 11, 2021 at 3:05 pm', '2021-09-11T15:05:00'],
    ['11 septembre 2021', '2021-09-11'],
    ['11 de septiembre de 2021', '2021-09-11'],
    ['11 сентября 2021 года', '2021-09-11'],
    ['2021年9月11日', '2021-09-11'],
    ['11.09.2021', '2021-09-11'],
    ['09/25/2021', '2021-09-25'],
    ['2021-02-30', null],
    ['1970-01-01', null],
    ['tomorrow', null],
  ];
  for (const [input, expected] of cases) assert.equal(parseDate(input), expected, input);
});

function signals(partial: Partial<PageSignals>): PageSignals {
  return { meta: new Map(), jsonLd: [], canonical: null, htmlLang: null, title: null, h1: [], times: [], bylines: [], credits: [], breadcrumbs: [], scriptDates: [], ...partial };
}

/** Visible text after the headline, as one segment. */
function shown(text: string): VisibleSegment[] {
  return [{ text: 'Headline', isAfterH1: true, isListed: false, isDateBox: false }, { text, isAfterH1: true, isListed: false, isDateBox: false }];
}

void test('findPublished prefers JSON-LD, skips modified times, and reads the URL and datelines last', () => {
  const ld = { headline: null, datePublished: '2023-05-02T08:00:00+02:00', dateCreated: null, authors: [], publisher: null, section: null, language: null, url: null, body: null, siteName: null };
  const none = { jsonLd: null, url: null, visible: [] };
  assert.equal(findPublished({ ...none, signals: signals({}), jsonLd: ld })?.value, '2023-05-02T08:00:00+02:00');
  const meta = signals({ meta: new Map([['article:modified_time', ['2023-06-01']], ['article:published_time', ['2023-05-03']]]) });
  assert.equal(findPublished({ ...none, signals: meta })?.value, '2023-05-03');
  const updatedTime = signals({
    times: [
      { datetime: '2023-07-09', text: 'Updated July 9', context: 'updated', ancestry: 'div header' },
      { datetime: '2023-07-01', text: 'July 1', context: 'published', ancestry: 'div header' },
    ],
  });
  assert.equal(findPublished({ ...none, signals: updatedTime })?.value, '2023-07-01');
  assert.equal(findPublished({ ...none, signals: signals({}), url: 'https://x.example/news/2022/03/04/story' })?.value, '2022-03-04');
  assert.equal(findPublished({ ...none, signals: signals({}), visible: shown('Updated 5 May 2022. Posted 3 May 2022 by staff') })?.value, '2022-05-03');
  assert.equal(findPublished({ ...none, signals: signals({}) }), null);
});

void test('URL days and visible datelines', () => {
  assert.equal(dayFromUrl('https://x.example/2020/07/08/abc_story.html'), '2020-07-08');
  assert.equal(dayFromUrl('https://x.example/news/20200708-title'), '2020-07-08');
  assert.equal(dayFromUrl('https://x.example/news/123456'), null);
  const none = { signals: signals({}), jsonLd: null, url: null };
  assert.equal(findPublished({ ...none, visible: shown('© 2019 Example. Published: March 27, 2020') })?.value, '2020-03-27');
});

void test('findCredit reads wire datelines, source lines and trailing agency names', () => {
  const cases: Array<[string[], string | null]> = [
    [['MOSCOW (Reuters) - Russia said on Friday...'], 'Reuters'],
    [['KYIV, March 3 (AFP) – Ukraine said...'], 'AFP'],
    [['MOSCOW, September 11. /TASS/. The ministry said...'], 'TASS'],
    [['The ministry said it would act.', 'Source: Press TV'], 'Press TV'],
    [['The ministry said it would act. — AFP'], 'AFP'],
    [['来源：新华社'], '新华社'],
    [['A plain paragraph with (parentheses) - and a dash.'], null],
  ];
  for (const [paragraphs, expected] of cases) assert.equal(findCredit(paragraphs), expected, paragraphs.join(' | '));
});

void test('detectLanguage tells scripts and common Latin-script languages apart', () => {
  const cases: Array<[string, string | null]> = [
    ['The ministry said on Friday that the convoy had crossed the border and that it was carrying fuel.', 'en'],
    ['Le ministère a annoncé vendredi que le convoi avait franchi la frontière et qu’il transportait du carburant.', 'fr'],
    ['El ministerio dijo el viernes que el convoy había cruzado la frontera y que llevaba combustible para la planta.', 'es'],
    ['Das Ministerium teilte am Freitag mit, dass der Konvoi die Grenze überquert hat und Treibstoff für die Anlage bringt.', 'de'],
    ['Министерство сообщило в пятницу, что колонна пересекла границу.', 'ru'],
    ['وقال المتحدث إن الدفاعات الجوية أسقطت طائرتين قبل وصولهما إلى القاعدة.', 'ar'],
    ['وزارت دفاع روز پنجشنبه اعلام کرد که یک موشک جدید آزمایش شده است.', 'fa'],
    ['海军多艘驱逐舰和护卫舰于本周在东部海域举行联合演习。', 'zh'],
    ['海上保安庁は離島周辺の海域で巡視船による警戒を強化すると発表した。', 'ja'],
    ['ok', null],
  ];
  for (const [text, expected] of cases) assert.equal(detectLanguage(text), expected, text);
  assert.equal(chooseLanguage(['en-US'], 'Министерство сообщило в пятницу, что колонна пересекла границу.'), 'ru');
  assert.equal(chooseLanguage(['pt-BR'], 'ok'), 'pt');
});

void test('broken JSON-LD still gives its datePublished; a date range in text is not a dateline', async () => {
  const { parseHTML } = await import('linkedom');
  const { collectSignals } = await import('./page-signals.js');
  const { readJsonLdArticle } = await import('./json-ld.js');
  const { document } = parseHTML(
    '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "A "quoted" word", "datePublished": "2020-10-26T18:10:00+01:00",}</script></head><body></body></html>',
  );
  const found = collectSignals(document);
  assert.equal(readJsonLdArticle(found.jsonLd)?.datePublished, '2020-10-26T18:10:00+01:00');
  const none = { signals: signals({}), jsonLd: null, url: null };
  assert.equal(findPublished({ ...none, visible: shown('Winners of the weekend (2020/7/11-12), posted 2020年07月12日') })?.value, '2020-07-12');
});

void test('a declared language the detector cannot name stands; one it can name is checked', () => {
  assert.equal(chooseLanguage(['bs'], 'Generalni direktor Elektroprivrede pozitivan je na koronavirus, potvrdili su iz kompanije.'), 'bs');
  assert.equal(chooseLanguage(['en'], 'Министерство сообщило в пятницу, что колонна пересекла границу.'), 'ru');
});

void test('a breadcrumb trail names the section when no meta tag does', async () => {
  const { parseHTML } = await import('linkedom');
  const { collectSignals } = await import('./page-signals.js');
  const { readPageMetadata } = await import('./page-metadata.js');
  const { document } = parseHTML(
    '<html><head><title>Navy gets boats</title></head><body><nav aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/defence">Defence</a> › <span>Navy gets boats</span></nav><h1>Navy gets boats</h1></body></html>',
  );
  assert.equal(readPageMetadata(collectSignals(document), null, null).section, 'Defence');
});
