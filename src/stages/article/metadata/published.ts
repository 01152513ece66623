/**
 * The page's original publication time, from the most reliable source that has one: JSON-LD,
 * publication meta tags, <time> marked as published, the URL, then a visible dateline. Dates
 * marked as updated or modified are passed over.
 */
import type { PageSignals } from './page-signals.js';
import type { JsonLdArticle } from './json-ld.js';
import { MONTH_PATTERN, makeDay, parseDate, parseWrittenDate } from './parse-date.js';

/** Meta tags that name the original publication time, most specific first. */
const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'article:published',
  'datepublished', 'published_time', 'publish_date', 'publish-date', 'publishdate', 'pubdate',
  'article.published', 'article_date_original', 'original-publish-date', 'date.release', 'date_published',
  'parsely-pub-date', 'sailthru.date', 'cxenseparse:recs:publishtime', 'dc.date.issued', 'dcterms.issued',
  'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date', 'citation_publication_date',
  'citation_date', 'rnews:datepublished', 'article.created', 'og:pubdate', 'pub_date', 'publication_date',
  'date', 'created', 'dc.created', 'news_keywords_date', 'displaydate', 'eomportal-lastupdate',
];

/** Words around a <time> that say it is an update, not the publication. */
const UPDATED = /updat|modif|edited|revis|actualiz|aktualisiert|mise à jour|atualiz|обновл/i;
const PUBLISHED_CONTEXT = /publish|pubdate|posted|created|datePublished|entry-date|post-date|article-date|story-date|date-time|timestamp|dateline/i;

/** What the choice is based on, so a message can say where the date came from. */
export interface PublishedTime {
  value: string;
  source: 'json-ld' | 'meta' | 'time' | 'url' | 'text';
}

/** Picks the publication time; null when the page gives none. */
export function findPublished(
  signals: PageSignals,
  jsonLd: JsonLdArticle | null,
  url: string | null,
  visibleText: { head: string; start: string },
): PublishedTime | null {
  const fromLd = parseFirst([jsonLd?.datePublished, jsonLd?.dateCreated]);
  const fromMeta = parseFirst(PUBLISHED_META.flatMap((key) => signals.meta.get(key) ?? []));
  const fromTime = readTimes(signals);
  const fromUrl = url ? dayFromUrl(url) : null;
  for (const [value, source] of [
    [fromLd, 'json-ld'],
    [fromMeta, 'meta'],
    [fromTime, 'time'],
  ] as const) {
    if (!value) continue;
    // A URL's day is written once by the CMS; a machine date far from it belongs to something else.
    if (fromUrl && Math.abs(dayDiff(value, fromUrl)) > 1) continue;
    // A UTC time can fall on the next day; a visible publication day near it is the local one.
    if (source !== 'time' && value.endsWith('Z') && fromTime && fromTime.length === 10 && Math.abs(dayDiff(value, fromTime)) <= 1) {
      return { value: fromTime, source: 'time' };
    }
    return { value, source };
  }
  if (fromUrl) return { value: fromUrl, source: 'url' };
  const fromText = datelineIn(visibleText.head) ?? datelineIn(visibleText.start);
  return fromText ? { value: fromText, source: 'text' } : null;
}

function parseFirst(values: Array<string | null | undefined>): string | null {
  for (const v of values) {
    if (!v) continue;
    const parsed = parseDate(v);
    if (parsed) return parsed;
  }
  return null;
}

function dayDiff(a: string, b: string): number {
  return (Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
}

/** The first <time> or datePublished element that is not an update; published-marked ones first. */
function readTimes(signals: PageSignals): string | null {
  const usable = signals.times.filter((t) => !UPDATED.test(t.context) && !UPDATED.test(t.text));
  const ordered = [...usable.filter((t) => PUBLISHED_CONTEXT.test(t.context)), ...usable];
  for (const t of ordered) {
    const value = parseDate(t.datetime) ?? parseDate(t.text) ?? parseWrittenDate(t.text);
    if (value) return value;
  }
  return null;
}

/** "/2020/03/27/", "/2020-03-27-", "/20200327/" in the URL's path. */
export function dayFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|\/|[_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|\/|[_.-])/.exec(path) ??
    /(?:^|\/|[_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=$|\/|[_.-])/.exec(path);
  return m ? makeDay(+m[1]!, +m[2]!, +m[3]!) : null;
}

const DATELINE = new RegExp(
  [
    `\\b(?:${MONTH_PATTERN})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
    `\\b\\d{1,2}(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?(?:${MONTH_PATTERN})\\.?,?\\s+(?:de\\s+)?\\d{4}`,
    `\\b\\d{4}-\\d{2}-\\d{2}\\b`,
    `\\d{4}\\s*[年년]\\s*\\d{1,2}\\s*[月월]\\s*\\d{1,2}`,
    `\\b\\d{4}/\\d{1,2}/\\d{1,2}\\b`,
    `\\b\\d{1,2}[./]\\d{1,2}[./]\\d{4}\\b`,
  ].join('|'),
  'giu',
);

/** The first visible date that is not introduced as an update, a copyright or a comment. */
export function datelineIn(text: string): string | null {
  DATELINE.lastIndex = 0;
  for (let m = DATELINE.exec(text); m; m = DATELINE.exec(text)) {
    // What introduces this date: the words since the previous sentence or separator.
    const before = text.slice(Math.max(0, m.index - 30), m.index).split(/[.|·•\n]\s/).pop() ?? '';
    if (UPDATED.test(before) || /©|copyright|\(c\)/i.test(before)) continue;
    // "2020/7/11-12", "3 - 5 May 2020": a range names an event's days, not the publication.
    if (/^\s*[-–~～]\s*\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    const value = parseDate(m[0]);
    if (value) return value.slice(0, 10);
  }
  return null;
}
