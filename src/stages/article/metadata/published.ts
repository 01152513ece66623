/**
 * The page's original publication time, from kinds of evidence in htmldate's order: markup (JSON-LD,
 * publication meta tags, <time>/<abbr> marked as published, the site feed's entry for this very page),
 * the URL, then the visible dateline near the headline or cued anywhere in the article (or opening its
 * first paragraph), and last a publication field in the page's script data. Updated/modified (labelled in
 * the words or an element before the date, or by the box's name), printed/retrieved, copyright, comment,
 * served-day and listed dates, dates told in the story's prose or after a preposition ("takes place on
 * 15 July") and dates after the capture are passed over; kinds that agree outvote fewer ones, and three
 * kinds or more that all disagree give nothing. The day is the site's local day: a time written with an
 * offset or with none keeps the day as written (as htmldate and its gold read pages), and a UTC time (in
 * markup, or a shown clock labelled UTC/GMT) is moved to the site's own day where the page, its URL or its
 * country says which day that is. Weak evidence gives null.
 */
import type { PageSignals, TimeSignal } from './page-signals.js';
import type { JsonLdArticle } from './json-ld.js';
import type { VisibleSegment } from './visible-text.js';
import {
  makeDay,
  monthOf,
  parseDate,
  parseWrittenDate,
  readShownDate,
  readSolarDate,
  solarMonthOf,
  type NumericOrder,
} from './parse-date.js';
import { siteOffsets } from './site-zone.js';

/** Meta tags that name the original publication time, most specific first. */
const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'published_time',
  'publish_date',
  'publish-date',
  'publishdate',
  'pubdate',
  'article.published',
  'article_date_original',
  'originalpublicationdate',
  'dcsext.articlefirstpublished',
  'dc.date.publication',
  'published-date',
  'published_date',
  'dateposted',
  'datecreated',
  'rbpubdate',
  'shareaholic:article_published_time',
  'release_date',
  'original-publish-date',
  'date.release',
  'date_published',
  'parsely-pub-date',
  'sailthru.date',
  'cxenseparse:recs:publishtime',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'dc:date',
  'dc:created',
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'prism.publicationdate',
  'rnews:datepublished',
  'article.created',
  'og:pubdate',
  'pub_date',
  'publication_date',
  'date',
  'created',
  'dc.created',
  'news_keywords_date',
  'displaydate',
];

/** Words around a date that say it is an update, not the publication. */
const UPDATED =
  /updat|modif|edited|revis|actualiz|aktualisiert|geändert|mise à jour|mis à jour|atualiz|aggiornat|bijgewerkt|обновл|last reviewed/i;
/**
 * Labels of a shown date that is no publication (an update is UPDATED): printed, retrieved, accessed, and the
 * day of something the page announces or records: an event, a deadline, an expiry, a date of birth (not a bare
 * 'born' nor a bare 'Termin' or 'Frist': they are also names).
 */
const OTHER_EVENT =
  /(?<!\p{L})(?:print(?:ed)?|retrieved|accessed|abgerufen|gedruckt|druckdatum|consulté|imprimé|consultado|impreso|consultato|stampato|event date|deadline|closing date|due date|start date|end date|expir(?:es|y|ation)|date of birth|termin:|frist:|einsendeschluss|anmeldeschluss|bewerbungsschluss|veranstaltungsdatum|date limite|échéance|date de l'événement|fecha límite|fecha del evento|plazo|scadenza|data dell'evento)(?!\p{L})/iu;
/**
 * A copyright notice on a line of its own: opened by the mark or the word, or saying the rights are reserved,
 * in the languages our pages come in. A credit with © further in a byline is no such line.
 */
const COPYRIGHT_LINE =
  /^\s*(?:©|\(c\)|copyright\b)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|alle rechten voorbehouden|все права защищены/i;
/** The segment before a date counts as its label when it is this short ("Updated:", "Zuletzt geändert"). */
const LABEL_SEGMENT = 30;
/** A preposition just before a date: the story tells of a day ("took place on 3 June", "seit dem 3. Juni"). */
const TOLD_PREPOSITION =
  /(?:^|\s)(?:on|since|from|until|till|by|before|after|in|at|to|am|vom|seit|bis|ab|zum|le|du|depuis|jusqu'au|el|desde|hasta|il|dal|fino al|em|até|op|sinds|tot)\s+(?:(?:the|dem|den)\s+)?$/i;
/** Class/id words of a <time> that mark the publication time. */
const PUBLISHED_CONTEXT =
  /publish|pubdate|posted|created|datePublished|entry-date|post-date|article-date|story-date|date-time|timestamp|dateline/i;
/**
 * Class, id or itemprop words of a <time> that give another day: an event's start or end (hCalendar dtstart,
 * schema.org startDate), a deadline, an offer's validity or expiry.
 */
const OTHER_DAY_CONTEXT =
  /(?:^|[\s_-])(?:dtstart|dtend|startdate|enddate|start-?(?:date|time)|end-?(?:date|time)|event-?(?:date|time)|deadline|validfrom|validthrough|valid-?until|expir\w*)(?=$|[\s_-])/;
/** Ancestors of a <time> that list other stories or comments, or hold the site's copyright line (colophon, site-info). */
const LISTED_ANCESTRY =
  /related|teaser|comment|sidebar|footer|copyright|colophon|site-?info|recommend|popular|trending|widget|archive|most-?read|latest|feed-list|carousel|slider|reply|\baside\b|\bnav\b|\bfooter\b/;
/**
 * Ancestors of a <time> that show another day: the day the site serves the page ('today', 'current-date' in the
 * masthead), a photo's caption (<figcaption>), an embedded social post. Its time is passed over unless marked published.
 */
const OTHER_DAY_ANCESTRY =
  /(?:^|[\s_-])(?:today|todays?-?date|current-?date|currentdate|date-?today|figcaption|twitter-tweet|instagram-media|tiktok-embed|fb-post)(?=$|[\s_-])/;
/** Words that introduce the publication in the visible text, in the languages our pages come in. */
const PUBLISHED_CUE =
  /(?:published|posted|released|first published|publié|publiée|publicado|publicada|publicação|publicación|postado|postada|geplaatst|gepostet|veröffentlichung|публикации|публикация|publikacji|pubblicato|veröffentlicht|erschienen|gepubliceerd|опубликовано|опубліковано|opublikowano|yayınlanma|mis en ligne|erstellt|publicerad|publicerat|udgivet|publisert|julkaistu|publikováno|publikované|uverejnené|közzétéve|objavljeno|δημοσιεύθηκε|δημοσίευση|publicat|نشر|تاريخ النشر|发布|發布|公開|게시|입력|配信|\bby\s+[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}|\bvon\s+[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}|\bpar\s+[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}|\bpor\s+[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3})(?:\s+(?:on|am|le|el|em|il|op|the))?[\s:,|()–-]*$/iu;
/** A date after the headline but farther than this has no byline or cue near it: not the dateline. */
const NEAR_HEADLINE = 400;
/** A weekday name just before a date, in the languages our pages come in. */
const WEEKDAY_BEFORE =
  /(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)[,.\s]*$/i;
/** A date this close above the headline is its kicker or dateline line. */
const ABOVE_HEADLINE = 200;
/** A visible run this long is prose; a date past its first few characters is one the story tells of. */
const PROSE_RUN = 150;
const PROSE_OPENING = 40;
/** A paragraph this long is the article's prose, not its headline, byline or kicker line. */
const LEAD_PARAGRAPH = 80;
/** Distinct other days within this many characters make a date part of a list (archive, calendar, teasers). */
const LIST_WINDOW = 250;

/** The kinds of evidence, most reliable first. */
type Kind = 'json-ld' | 'meta' | 'time' | 'url' | 'text' | 'script';
/** Script data last: a framework's state may list other stories before this one; it speaks only where nothing else does. */
const KINDS: readonly Kind[] = ['json-ld', 'meta', 'time', 'url', 'text', 'script'];

/** One kind's answer: its value as written and what made it. */
interface Candidate {
  kind: Kind;
  value: string;
  day: string;
  /** The tag, field or words it came from, for the message. */
  from: string;
}

/** The choice and the rule that made it, so a message can say where the date came from. */
export interface PublishedTime {
  value: string;
  /** `article/published:json-ld`, `article/published:meta`, ... or a refiner's id (`article/published:agreement`). */
  rule: string;
  reason: string;
}

/** What the choice is made from. */
export interface PublishedEvidence {
  signals: PageSignals;
  jsonLd: JsonLdArticle | null;
  url: string | null;
  visible: VisibleSegment[];
  /** The article body's first paragraphs, where a press release or wire story writes its dateline. */
  lead?: readonly string[];
  /** The page's language tag as declared or detected ("en-US", "de"): decides 03/05 and the site's zone. */
  language?: string | null;
  /** Capture time (or the caller's publication reference): a publication cannot come after it. */
  reference?: Date | null;
}

/** Picks the publication time; null when the page gives none or only weak evidence. */
export function findPublished(evidence: PublishedEvidence): PublishedTime | null {
  // The page's language, else the locale its <html> declares (a Spanish site's template writing English copy).
  let declared = numericOrder(evidence.language ?? null, evidence.url);
  if (declared === 'unknown' && evidence.signals.htmlLang) declared = numericOrder(evidence.signals.htmlLang, evidence.url);
  const order = declared === 'unknown' ? orderShownOnPage(evidence.visible) : declared;
  const latest = evidence.reference ? dayOf(new Date(evidence.reference.getTime() + 86_400_000)) : null;
  const isPossible = (c: Candidate): boolean => latest === null || c.day <= latest;
  const found: Partial<Record<Kind, Candidate>> = {};
  const rejected: string[] = [];
  const consider = (c: Candidate | null): void => {
    if (c === null || found[c.kind]) return;
    if (isPossible(c)) found[c.kind] = c;
    else rejected.push(`${c.kind} ${c.day} after the capture`);
  };
  const labelledOther = new Set<string>();
  const text = fromText(
    evidence.visible,
    order,
    latest,
    [evidence.language, evidence.signals.htmlLang].some((l) => /^fa\b/i.test(l ?? '')),
    labelledOther,
    // The shown text of a <time> marked as an event's start or end, a deadline or an expiry is that day, not the page's.
    new Set(
      evidence.signals.times
        .filter((t) => OTHER_DAY_CONTEXT.test(t.context) && !PUBLISHED_CONTEXT.test(t.context))
        .map((t) => westernDigits(t.text.replace(/\s+/g, ' ').trim())),
    ),
  );
  consider(fromJsonLd(evidence.jsonLd, order));
  consider(fromMeta(evidence.signals, order));
  consider(fromTimes(evidence.signals.times, order, evidence.url, labelledOther));
  consider(fromUrl(evidence.url));
  consider(text);
  consider(fromLead(evidence.lead ?? [], order, latest));
  consider(fromScript(evidence.signals));
  const chosen = choose(found);
  if (!chosen) return null;
  const local = localDay(chosen.candidate, evidence, order);
  const others = KINDS.map((k) => found[k])
    .filter((c): c is Candidate => c !== undefined && c !== chosen.candidate)
    .map((c) => `${c.kind} ${c.day}`);
  const note =
    (others.length > 0 ? `; other kinds: ${others.join(', ')}` : '') +
    (rejected.length > 0 ? `; passed over: ${rejected.join(', ')}` : '');
  if (local)
    return {
      value: local.value,
      rule: 'article/published:local-day',
      reason: `${chosen.reason}; ${local.reason}${note}`,
    };
  return { value: chosen.candidate.value, rule: chosen.rule, reason: chosen.reason + note };
}

/** The first kind in order, unless the URL or two agreeing kinds contradict it. */
function choose(
  found: Partial<Record<Kind, Candidate>>,
): { candidate: Candidate; rule: string; reason: string } | null {
  const present = KINDS.map((k) => found[k]).filter((c): c is Candidate => c !== undefined);
  if (present.length === 0) return null;
  const support = (day: string): Candidate[] => present.filter((c) => Math.abs(dayDiff(c.day, day)) <= 1);
  const url = found.url;
  // A URL's day is written once by the CMS; a lone machine date far from it belongs to something else (a later edit, a feed).
  const primary =
    present.find(
      (c) =>
        c.kind === 'url' ||
        c.kind === 'text' ||
        !url ||
        Math.abs(dayDiff(c.day, url.day)) <= 1 ||
        support(c.day).length > 1,
    ) ?? present[0]!;
  const said = (c: Candidate): string => `${c.kind} ${c.from}: ${c.value}`;
  // A day more kinds give outvotes the first kind's day when the two lie more than a day apart: two
  // kinds against one alone (a stale JSON-LD, a meta tag of the feed), three against two (markup that
  // kept the first version's day while the page shows, marks up and files another).
  const backing = support(primary.day).length;
  const agreed = present.find(
    (c) =>
      c !== primary &&
      Math.abs(dayDiff(c.day, primary.day)) > 1 &&
      support(c.day).length >= 2 &&
      support(c.day).length > backing &&
      support(c.day).every((s) => s.day === c.day || s.kind !== primary.kind),
  );
  if (agreed) {
    const kinds = support(agreed.day)
      .map((c) => c.kind)
      .join(' + ');
    return {
      candidate: agreed,
      rule: 'article/published:agreement',
      reason: `${kinds} agree on ${agreed.day} against ${said(primary)}`,
    };
  }
  // Three kinds or more, no two of them within a day of each other: nothing vouches for any; no guess.
  const days = present.filter((c) => c.kind !== 'script');
  if (days.length >= 3 && days.every((c) => support(c.day).length === 1)) return null;
  return { candidate: primary, rule: `article/published:${primary.kind}`, reason: said(primary) };
}

function fromJsonLd(jsonLd: JsonLdArticle | null, order: NumericOrder): Candidate | null {
  for (const [field, value] of [
    ['datePublished', jsonLd?.datePublished],
    ['dateCreated', jsonLd?.dateCreated],
  ] as const) {
    const parsed = value ? machineDate(value, order) : null;
    if (parsed) return { kind: 'json-ld', value: parsed, day: parsed.slice(0, 10), from: field };
  }
  return null;
}

function fromMeta(signals: PageSignals, order: NumericOrder): Candidate | null {
  for (const key of PUBLISHED_META) {
    for (const raw of signals.meta.get(key) ?? []) {
      const parsed = machineDate(raw, order);
      if (parsed) return { kind: 'meta', value: parsed, day: parsed.slice(0, 10), from: key };
    }
  }
  return null;
}

/**
 * The first <time> or datePublished element not marked as an update nor sitting in a list; published-marked
 * ones first. In a list of stories, the entry that links to this very page dates it (the site's feed beside
 * the article names the article itself).
 */
function fromTimes(
  times: TimeSignal[],
  order: NumericOrder,
  url: string | null,
  labelledOther: ReadonlySet<string> = new Set(),
): Candidate | null {
  // A <time> showing just the date the page labels as an update in a sibling ("<span>Updated</span> <time>")
  // is that update, unless marked published.
  const isLabelledOther = (t: TimeSignal): boolean =>
    labelledOther.has(westernDigits(t.text.replace(/\s+/g, ' ').trim())) && !PUBLISHED_CONTEXT.test(t.context);
  // A <time> in a link to an anchor of this very page ("#comment-84") dates a comment or a section, not the page.
  const usable = times.filter(
    (t) =>
      !UPDATED.test(t.context) &&
      !UPDATED.test(t.text) &&
      !isLabelledOther(t) &&
      !isAnchorOfPage(t, url) &&
      !OTHER_DAY_CONTEXT.test(t.context) &&
      (!OTHER_DAY_ANCESTRY.test(t.ancestry) || PUBLISHED_CONTEXT.test(t.context)),
  );
  const unlisted = usable.filter((t) => !LISTED_ANCESTRY.test(t.ancestry) && !isOwnEntry(t, url));
  const own = usable.filter((t) => isOwnEntry(t, url));
  const ordered: Array<[TimeSignal, string]> = [
    ...unlisted.filter((t) => PUBLISHED_CONTEXT.test(t.context)).map((t): [TimeSignal, string] => [t, '<time> marked published']),
    ...own.map((t): [TimeSignal, string] => [t, '<time> of the list entry linking to this page']),
    ...unlisted.map((t): [TimeSignal, string] => [t, '<time>']),
  ];
  for (const [t, from] of ordered) {
    // datetime="05/04/2022" declares no order (the attribute should be ISO): only the shown text may say which day.
    const attribute = isAmbiguousNumeric(t.datetime) ? null : parseDate(t.datetime);
    const value = attribute ?? readShownDate(t.text, order) ?? parseWrittenDate(t.text);
    if (value) return { kind: 'time', value, day: value.slice(0, 10), from };
  }
  return null;
}

/** A numeric date with two numbers first ("05/04/2022", "05-04-2022 08:43"): month first or day first. */
const AMBIGUOUS_NUMERIC = /^\s*(\d{1,2})[/-](\d{1,2})[/-]\d{4}\b/;

/** Whether both of its first two numbers could be the month, and they differ. */
function isAmbiguousNumeric(value: string): boolean {
  const m = AMBIGUOUS_NUMERIC.exec(value);
  return m !== null && +m[1]! <= 12 && +m[2]! <= 12 && +m[1]! !== +m[2]!;
}

/** The last path segment of a link, lower-cased, without query, fragment and trailing slash. */
function lastSegment(href: string): string {
  return (
    href
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop()
      ?.toLowerCase() ?? ''
  );
}

/** Whether a page's last path segment names one story (a slug or a long id, not "index.html" nor a section). */
function namesStory(segment: string): boolean {
  return segment.length >= 6 && !/^(?:index|default|home|article|news|story)\b/.test(segment);
}

/**
 * Whether a <time> sits in a link to the page itself: the link's last path segment is the page's.
 * A link to an anchor of the page ("#comment-84") is no list entry.
 */
function isOwnEntry(t: TimeSignal, url: string | null): boolean {
  if (!t.link || !url || t.link.includes('#')) return false;
  const own = lastSegment(url);
  return namesStory(own) && lastSegment(t.link) === own;
}

/** Whether a <time> sits in a link to an anchor of this very page: a comment's or a section's permalink. */
function isAnchorOfPage(t: TimeSignal, url: string | null): boolean {
  if (!t.link || !url || !/#./.test(t.link)) return false;
  if (t.link.startsWith('#')) return true;
  const own = lastSegment(url);
  return namesStory(own) && lastSegment(t.link) === own;
}

/** A machine date; "05/03/2022 10:00" on a US page is read month first (parseDate alone reads it day first). */
function machineDate(raw: string, order: NumericOrder): string | null {
  if (order === 'mdy' && /^\s*\d{1,2}\/\d{1,2}\/\d{4}/.test(raw)) return readShownDate(raw, order);
  // "05/04/2022" on a page whose language and domain give no order is 5 April or 4 May: no guess.
  if (order === 'unknown' && isAmbiguousNumeric(raw)) return null;
  return parseDate(raw);
}

function fromScript(signals: PageSignals): Candidate | null {
  for (const { key, value } of signals.scriptDates) {
    const parsed = parseDate(value);
    if (parsed) return { kind: 'script', value: parsed, day: parsed.slice(0, 10), from: `script data ${key}` };
  }
  return null;
}

function fromUrl(url: string | null): Candidate | null {
  const day = url ? dayFromUrl(url) : null;
  return day ? { kind: 'url', value: day, day, from: 'path' } : null;
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

/** A day the URL's path gives as whole segments ("/2020/03/27/", "/2020-03-27/"), as a CMS files stories; not a slug's date. */
function pathDayOf(url: string): string | null {
  const day = dayFromUrl(url);
  if (!day) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const segments = `(?:${y}/0?${m}/0?${d}|${y}-0?${m}-0?${d}|${day.replace(/-/g, '')})`;
  return new RegExp(`/${segments}(?:/|$)`).test(url.replace(/[?#].*$/, '')) ? day : null;
}

/**
 * Dates as pages write them in visible text: written months in many languages, numeric, ISO, CJK.
 * A month is matched as any short word and checked with monthOf after: one alternation of every
 * month name tried at each character would cost milliseconds per page.
 */
const VISIBLE_DATE = new RegExp(
  [
    `(?<![\\p{L}\\d])(\\p{L}{3,12})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
    `(?<![\\p{L}\\d])\\d{1,2}(?:st|nd|rd|th|er|º|\\.)?\\s+(?:de\\s+|of\\s+)?(\\p{L}{2,12})\\.?,?\\s+(?:de\\s+)?\\d{4}`,
    `(?<![\\d.])\\d{4}\\.\\s+(\\p{L}{3,12})\\s+\\d{1,2}\\.?(?![\\d])`,
    `(?<![\\d.])\\d{4}-\\d{2}-\\d{2}(?![\\d])`,
    `\\d{4}\\s*[年년]\\s*\\d{1,2}\\s*[月월]\\s*\\d{1,2}`,
    `(?<![\\d.])\\d{4}/\\d{1,2}/\\d{1,2}(?![\\d])`,
    `(?<![\\d.])\\d{4}\\.\\s?\\d{1,2}\\.\\s?\\d{1,2}(?![\\d])`,
    `(?<![\\d./])\\d{1,2}[./]\\d{1,2}[./](?:\\d{4}|\\d{2})(?![\\d])`,
    `(?<![\\d./-])\\d{1,2}-\\d{1,2}-\\d{4}(?![\\d-])`,
  ].join('|'),
  'gu',
);

/** VISIBLE_DATE tried at one position only (sticky), by `nextShownDate`. */
const VISIBLE_DATE_AT = new RegExp(VISIBLE_DATE.source, 'uy');

/** Code units walked back from a digit for a month word before it: 12 letters, each up to two units, and some slack. */
const MONTH_WORD_UNITS = 30;
const SPACE = /\s/u;
const LETTER = /\p{L}/u;

/**
 * The first VISIBLE_DATE match starting at or after `from`, as a global search from there gives it.
 * Every form holds an ASCII digit, and the only one that starts before its first digit is the month
 * word before the day ("March 27, 2020": a word, a dot, spaces): so a match whose first digit is at
 * `d` starts between the start of that word and `d`. Only those places are tried, digit after digit
 * in text order, instead of every character of the text (prose has few digits).
 */
function nextShownDate(text: string, from: number): RegExpExecArray | null {
  for (let d = from; d < text.length; d++) {
    const c = text.charCodeAt(d);
    if (c < 48 || c > 57) continue;
    // The earliest start of a match whose first digit is here: back over spaces, a dot, a word.
    let start = d;
    while (start > from && SPACE.test(text[start - 1]!)) start--;
    if (start > from && text[start - 1] === '.') start--;
    for (let units = 0; start > from && units < MONTH_WORD_UNITS; units++) {
      const u = text.charCodeAt(start - 1);
      if (!(u >= 0xd800 && u <= 0xdfff) && !LETTER.test(text[start - 1]!)) break;
      start--;
    }
    for (let at = start; at <= d; at++) {
      VISIBLE_DATE_AT.lastIndex = at;
      const m = VISIBLE_DATE_AT.exec(text);
      if (m) return m;
    }
  }
  return null;
}

/** The visible dates of a text in order, each a match whose month word (if any) names a month. */
function* shownDates(text: string): Generator<RegExpExecArray> {
  for (let m = nextShownDate(text, 0); m; ) {
    const word = m[1] ?? m[2] ?? m[3];
    if (word !== undefined && monthOf(word) === null && solarMonthOf(word) === null) {
      // Not a month ("Issue 12, 2022"): try again from the next character, which may start a real date.
      m = nextShownDate(text, m.index + 1);
      continue;
    }
    yield m;
    m = nextShownDate(text, m.index + m[0].length);
  }
}
/** A clock after a shown date; a UTC or GMT after it says the clock is UTC's ("6 May 2022, 02:00 UTC"). */
const TIME_OF_DAY =
  /^[,\s|–-]*(?:(?:at|à|um|a las|às|alle|om|в)\s+)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(am|pm|a\.\s?m\.|p\.\s?m\.)?(?:\s*(?:uhr|h)\b)?(?:\s*\(?\b(UTC|GMT)\b(?!\s*[+-]\d))?/i;

/** One visible date with where it stands. */
interface VisibleDate {
  day: string;
  value: string;
  index: number;
  isStrong: boolean;
  /** Introduced by a publication word or a byline ("Published:", "By Ana Reyes |"). */
  isCued: boolean;
  /** Told inside a sentence of the story rather than standing on a line of its own. */
  isInProse: boolean;
}

/**
 * The visible dateline: a date in a date/byline box or introduced by a publication cue or byline;
 * otherwise the first date right after the headline. Dates introduced as updates or copyrights,
 * ranges, listed dates and those among several other days are skipped.
 */
function fromText(
  segments: VisibleSegment[],
  order: NumericOrder,
  latest: string | null,
  isPersianPage = false,
  labelledOther?: Set<string>,
  otherDays: ReadonlySet<string> = new Set(),
): Candidate | null {
  const hasH1 = segments.some((s) => s.isAfterH1);
  const usable = segments.filter((s) => !s.isListed && !s.isUpdated && !s.isOtherDay);
  let text = '';
  const boxes: Array<[number, number]> = [];
  const spans: Array<[number, number]> = [];
  /** Where the far part (read for cued closing lines only) begins. */
  let farAt = Infinity;
  let headlineAt = -1;
  for (const s of usable) {
    if (text) text += ' | ';
    if (headlineAt < 0 && s.isAfterH1) headlineAt = text.length;
    if (s.isFar && farAt === Infinity) farAt = text.length;
    const shown = westernDigits(s.text);
    if (s.isDateBox) boxes.push([text.length, text.length + shown.length]);
    spans.push([text.length, text.length + shown.length]);
    text += shown;
  }
  let span = 0;
  /** A date inside a long run of prose and not at its start is a date the story tells of ("on 3 March the ministry..."). */
  const isInProse = (at: number): boolean => {
    while (span < spans.length - 1 && spans[span]![1] <= at) span++;
    const [start, end] = spans[span] ?? [0, 0];
    return end - start >= PROSE_RUN && at - start > PROSE_OPENING;
  };
  if (headlineAt < 0) headlineAt = 0;
  const dates: VisibleDate[] = [];
  for (const m of shownDates(text)) {
    if (dates.length >= 60) break;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const clause = before.split(/[.!?|·•]\s/).pop() ?? '';
    // A copyright notice's dates are never the publication: the date's clause names it, or so does its line
    // (opened by the mark, or saying the rights are reserved: "© 2021 Harbour Media · 3 March 2021"), unless the
    // date's own clause introduces it as the publication ("© 2019 Example. Published: March 27, 2020").
    if (/©|copyright|\(c\)/i.test(clause)) continue;
    if (COPYRIGHT_LINE.test(before.split(/\s\|\s/).pop() ?? '') && !PUBLISHED_CUE.test(clause)) continue;
    const label = labelOf(before);
    if (UPDATED.test(label) || OTHER_EVENT.test(label) || otherDays.has(m[0])) {
      labelledOther?.add(m[0]);
      continue;
    }
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    // "2020/7/11-12", "3 - 5 May 2020", "9.1. - 10.2.2023": a range names an event's days, not the publication.
    // A clock after the dash ("6 May 2022 - 2:00") is the time of day, not the range's end.
    const isRangeEnd = /^\s*[-–~～]\s*\d/.test(after) && !/^\s*[-–]\s*\d{1,2}[:h]\d{2}/.test(after);
    if (isRangeEnd || /\d\.?\s*[-–]\s*$/.test(before)) continue;
    const day = (readSolarDate(m[0], isPersianPage) ?? readShownDate(m[0], order))?.slice(0, 10);
    if (!day || (latest && day > latest)) continue;
    const isInBox = boxes.some(([a, b]) => m.index >= a && m.index < b);
    // "Wednesday, August 19, 2020" in the masthead above the headline is the day the page was served, not written.
    if (m.index < headlineAt && !isInBox && WEEKDAY_BEFORE.test(before)) continue;
    const isCued = PUBLISHED_CUE.test(before);
    if (m.index >= farAt && !isCued) continue;
    const isDateline = isDatelineAt(before, after);
    const time = TIME_OF_DAY.exec(after);
    dates.push({
      day,
      value: time ? withClock(day, time) : day,
      index: m.index,
      isStrong: isInBox || isCued || isDateline,
      isCued,
      // "... takes place on 15 July", "... since 3 June": a day the sentence tells of, however short the paragraph.
      isInProse: isInProse(m.index) || isToldDate(clause, after),
    });
  }
  // Several different days close together are a list of stories, an archive or a calendar.
  const isListed = (d: VisibleDate): boolean =>
    new Set(dates.filter((o) => Math.abs(o.index - d.index) <= LIST_WINDOW && o.day !== d.day).map((o) => o.day))
      .size >= 2;
  const kept = dates.filter((d) => !isListed(d));
  // Without a headline every date is "near" the top of the page; only a box, cue or dateline counts then.
  const isStrongHere = (d: VisibleDate): boolean => d.isStrong && (hasH1 ? d.index >= headlineAt - ABOVE_HEADLINE : true);
  // A date the page introduces as its publication outranks one that merely sits in a date box (a print header's
  // day above the headline); a closing line far below counts only when nothing nearer is strong.
  const strong = kept.find((d) => isStrongHere(d) && d.isCued && d.index < farAt) ?? kept.find(isStrongHere);
  const near = hasH1
    ? kept.find((d) => d.index >= headlineAt - ABOVE_HEADLINE && d.index - headlineAt <= NEAR_HEADLINE && !d.isInProse)
    : undefined;
  const pick = strong ?? near;
  if (!pick) return null;
  return { kind: 'text', value: pick.value, day: pick.day, from: pick.isStrong ? 'dateline' : 'date by the headline' };
}

/**
 * Whether a date is one a sentence tells of: a preposition before it, after a lower-case word of the
 * same sentence ("takes place on 15 July"), or opening a sentence that runs on ("On 3 June the crews").
 */
function isToldDate(clause: string, after: string): boolean {
  const m = TOLD_PREPOSITION.exec(clause);
  if (!m) return false;
  const words = clause.slice(0, m.index).trim();
  // "Le 3 juin 2022 à 10h15", "On 3 June 2022 at 10:00": a clock after the date keeps it a dateline.
  return words === ''
    ? /^,?\s+(?!(?:at|um|alle|às|om|a las)\s)\p{Ll}{2,}/u.test(after)
    : /\p{Ll}[\p{L},;]*$/u.test(words);
}

/**
 * The words that label a date: those just before it, back to the previous number or sentence end, and
 * the segment before when it is as short as a label ("Updated" | "2 June 2022").
 */
function labelOf(before: string): string {
  const parts = before.split(/\s\|\s/);
  const own = parts.pop() ?? '';
  const previous = parts.pop();
  const joined = previous !== undefined && previous.length <= LABEL_SEGMENT ? `${previous} | ${own}` : own;
  const afterNumber = joined.slice(joined.search(/\d[^\d]*$/) + 1);
  return afterNumber.split(/[.!?·•]\s/).pop() ?? '';
}

/**
 * Whether a date stands as a wire or press dateline: opening its paragraph, perhaps after a place
 * ("Berlin, 29.11.2022 – The ministry...") and followed by a dash, or in brackets before the first
 * sentence ("(21. November 2022) The ministry...").
 */
function isDatelineAt(before: string, after: string): boolean {
  return (
    (/(?:^|\|\s)(?:[\p{Lu}][\p{L}.-]*(?:[\s/-][\p{Lu}][\p{L}.-]*){0,2},?\s(?:den\s|le\s)?)?$/u.test(before) &&
      /^\s*(?:\(\w+\)\s*)?[–—-]\s/.test(after)) ||
    (/(?:^|\|\s)\($/.test(before) && /^\)\s+\p{Lu}/u.test(after))
  );
}

/**
 * A dateline opening the article's first prose paragraph (or a short line above it), for pages whose
 * headline the walk did not find.
 */
function fromLead(lead: readonly string[], order: NumericOrder, latest: string | null): Candidate | null {
  for (const paragraph of lead) {
    const head = westernDigits(paragraph.slice(0, 120));
    for (const m of shownDates(head)) {
      if (m.index > 60) break;
      const before = head.slice(0, m.index);
      const after = head.slice(m.index + m[0].length);
      if (!isDatelineAt(before, after)) continue;
      const day = readShownDate(m[0], order)?.slice(0, 10);
      if (!day || (latest !== null && day > latest)) continue;
      return { kind: 'text', value: day, day, from: 'dateline opening the article' };
    }
    if (paragraph.length >= LEAD_PARAGRAPH) break;
  }
  return null;
}

/** Arabic-Indic and Persian digits as 0-9 (same length), so "١٢ أكتوبر ٢٠٢٠" reads as a date. */
function westernDigits(text: string): string {
  if (!/[\u0660-\u0669\u06f0-\u06f9]/.test(text)) return text;
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90));
}

function withClock(day: string, time: RegExpExecArray): string {
  let hour = +time[1]!;
  const meridiem = time[4]?.toLowerCase().replace(/[.\s]/g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const minute = +time[2]!;
  const second = time[3] === undefined ? 0 : +time[3];
  if (hour > 23 || minute > 59 || second > 59) return day;
  // A clock labelled UTC is written as such, so the site's own day is found for it as for markup in UTC.
  return `${day}T${pad(hour)}:${pad(minute)}:${pad(second)}${time[5] ? 'Z' : ''}`;
}

/** "en-US" pages and US sites write 03/05 month first; other pages day first; unknown English is not guessed. */
export function numericOrder(language: string | null, url: string | null): NumericOrder {
  const tag = language?.toLowerCase() ?? '';
  if (/^en[-_](?:us|ph)\b/.test(tag)) return 'mdy';
  const host = hostOf(url);
  if (/\.(?:us|gov|mil|ph)$/.test(host)) return 'mdy';
  // Country domains lent out as generic names (.io, .co, .tv...) and Canada's two habits say nothing.
  const isCountryHost = /\.[a-z]{2}$/.test(host) && !/\.(?:io|co|tv|me|fm|ly|ai|cc|ws|to|ca)$/.test(host);
  if (/^en[-_](?:gb|uk|ie|au|nz|in|za|ng|ke|pk|sg|my)\b/.test(tag)) return 'dmy';
  // English of no stated region: a British, Irish, Indian, African or Asian Commonwealth domain writes day first.
  if (/^en(?:$|[-_])/.test(tag)) return /\.(?:uk|ie|au|nz|in|za|ng|ke|pk|sg|my|gh|lk|bd|ug|tz|zw)$/.test(host) ? 'dmy' : 'unknown';
  if (!tag && !isCountryHost) return 'unknown';
  return 'dmy';
}

/**
 * The order the page's own numeric dates settle: a first number above 12 ("24/06/2022") is a day, a second
 * above 12 ("06/24/2022") too; a page that writes both ways, or neither, stays unknown.
 */
function orderShownOnPage(segments: VisibleSegment[]): NumericOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const s of segments) {
    if (!s.text.includes('/')) continue;
    for (const m of s.text.matchAll(/(?<![\d./])(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})(?![\d/])/g)) {
      const [a, b] = [+m[1]!, +m[2]!];
      if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst = true;
      if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst = true;
    }
  }
  return dayFirst === monthFirst ? 'unknown' : dayFirst ? 'dmy' : 'mdy';
}

/**
 * The site's own day for a UTC time: the same instant written with a local offset or clock elsewhere
 * on the page, or the site's country when every offset it uses puts the time on another day.
 */
function localDay(
  chosen: Candidate,
  evidence: PublishedEvidence,
  order: NumericOrder,
): { value: string; reason: string } | null {
  const utc = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(chosen.value);
  if (!utc) return null;
  const instant = Date.parse(chosen.value);
  for (const written of localWritings(evidence, order)) {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?([+-]\d{2}:\d{2})?$/.exec(written);
    if (!m || m[1] === utc[1]) continue;
    const clock = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}Z`);
    const shift = m[5] ? Date.parse(written) - instant : clock - instant;
    // With an offset it must be the very instant; a bare clock must differ by whole quarter hours, less than 15 h.
    const isSame = m[5]
      ? Math.abs(shift) < 60_000
      : Math.abs(shift) < 15 * 3_600_000 &&
        Math.abs(shift) % 900_000 < 60_000 &&
        (m[4] === undefined || m[4] === utc[4] || Math.abs(shift) % 900_000 === 0);
    if (isSame) return { value: written, reason: `the page writes the same instant as ${written}` };
  }
  // The CMS writes the URL's day on the site's clock: a UTC time a few hours past it is that day, locally.
  const urlDay = evidence.url ? pathDayOf(evidence.url) : null;
  if (urlDay && urlDay !== utc[1]) {
    const westmost = dayOf(new Date(instant - 10 * 3_600_000));
    const eastmost = dayOf(new Date(instant + 14 * 3_600_000));
    if (urlDay === westmost || urlDay === eastmost)
      return { value: urlDay, reason: `${chosen.value} falls on the URL's day ${urlDay} at some UTC offset` };
  }
  const offsets = siteOffsets(evidence.language ?? null, evidence.url);
  if (!offsets) return null;
  const days = offsets.map((h) => dayOf(new Date(instant + h * 3_600_000)));
  if (days[0] !== days[1] || days[0] === utc[1]) return null;
  return {
    value: days[0]!,
    reason: `${chosen.value} falls on ${days[0]} at the site's UTC offsets ${offsets.join('..')}`,
  };
}

/** Machine times written with a local offset or none, and visible dates with a clock. */
function localWritings(evidence: PublishedEvidence, order: NumericOrder): string[] {
  const out: string[] = [];
  const add = (raw: string | null | undefined): void => {
    const parsed = raw ? parseDate(raw) : null;
    if (parsed && parsed.length > 10 && !parsed.endsWith('Z')) out.push(parsed);
  };
  add(evidence.jsonLd?.datePublished);
  for (const key of PUBLISHED_META) for (const raw of evidence.signals.meta.get(key) ?? []) add(raw);
  for (const t of evidence.signals.times) add(t.datetime);
  const visible = evidence.visible
    .filter((s) => !s.isListed)
    .map((s) => s.text)
    .join(' | ');
  for (const m of shownDates(visible)) {
    if (out.length >= 40) break;
    const day = readShownDate(m[0], order)?.slice(0, 10);
    const time = TIME_OF_DAY.exec(visible.slice(m.index + m[0].length, m.index + m[0].length + 24));
    if (day && time && !time[5]) out.push(withClock(day, time));
  }
  return out;
}

function dayDiff(a: string, b: string): number {
  return (Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The lower-cased host name of a URL; '' when there is none or it does not parse. */
function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    return '';
  }
}
