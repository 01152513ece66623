/**
 * The `dates` stage: every date expression of `article.text`, resolved against the publication time
 * (article.published, else the caller's, else ctx.now) by chrono-node plus news refiners: weekdays
 * point to the past, day-month dates to the nearest year, and the rules in news-rules.ts.
 */
import type * as chrono from 'chrono-node';
import { defineStage, need } from '../../core/stage.js';
import type { DateFinding } from '../../core/doc.js';
import { applyRules, type Finding, type MatchRule } from '../../core/rule.js';
import type { DateValue, RefDay } from './news-rules.js';
import { NEWS_RULES, isoDay, shiftDay } from './news-rules.js';
import { casualEnglish } from './guarded-chrono.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Words before a date that make it lie ahead of the reference ("will ... in January"). */
const FUTURE = /\b(?:will|would|shall|is to|are to|plans? to|planned|expected|scheduled|due|next|upcoming|coming)\b/i;

/**
 * Spans of time chrono reads as dates: "for two years", "the past six months", "last four days", "after a month", and a
 * deadline's "within 72 hours" (when something must be done by, not when it was done).
 */
const DURATION =
  /^(?:for|over|during|within|past|the past|last|the last|after|next|the next)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|few|a few)\s+(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)$/i;

/** Paragraphs longer than this are read by chrono in pieces cut at a sentence end: its cost grows with length. */
const MAX_CHRONO_CHARS = 20_000;

/**
 * Characters of one text chrono reads in all: about five times the longest real article. chrono costs
 * some 2 ms per KB of dense date phrases, so a 1 MB paste would take seconds; beyond the budget only
 * the linear news rules run, and the stage says so in a message.
 */
export const MAX_CHRONO_TOTAL_CHARS = 250_000;

/** How far back the words before a date are read for "will", "next", "after": a clause, not the whole paragraph. */
const MAX_BEFORE_CHARS = 200;

/** Words that must appear in a paragraph before chrono is asked to read it (most have none). */
const DATE_HINT = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|ago|last|next|past|week|month|year|\d{1,4}[-/.]\d)/i;

/** The reference day from an ISO time ("2021-09-11T12:42"), read as written (its local calendar day). */
export function refDayOf(published: string | null | undefined, now: Date): RefDay {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

/** A verb of saying in the past, which a date right after it belongs to ("X will buy jets, the minister said on Wednesday"). */
const SAID = /\b(?:said|says|told|announced|added|stated|reported|confirmed|noted|wrote|declared)\b/gi;

/**
 * The words before a date that may say it lies ahead: those after the last verb of saying, so that "will" in a claim does not
 * move the day its speaker spoke ("Lithuania will buy jets, the minister said on Wednesday" is this Wednesday, or the last).
 */
function aheadWindow(before: string): string {
  let from = 0;
  for (const m of before.matchAll(SAID)) from = m.index + m[0].length;
  return before.slice(from);
}

/** chrono's reading of one expression, refined for news. */
function refine(result: chrono.ParsedResult, ref: RefDay, whole: string): DateValue | null {
  const before = aheadWindow(whole);
  const c = result.start;
  const text = result.text;
  const hasDay = c.isCertain('day');
  const hasMonth = c.isCertain('month');
  const hasYear = c.isCertain('year');
  const weekday = c.get('weekday');
  // a month named in lower case is a verb or a modal ("may", "march") unless a number stands with it
  if (!/\d/.test(text) && /^(?:may|march|sun|sat|wed)$/i.test(text.replace(/^(?:on|in) /i, '')) && !/^[A-Z]/.test(text.replace(/^(?:on|in) /i, ''))) return null;
  if (!hasDay && !hasMonth && !hasYear && weekday === null) return null;
  // "now" and "right now" are the present of the sentence, not a date the article reports
  if (/^(?:right )?now$/i.test(text)) return null;
  if (weekday !== null && weekday !== undefined && !hasDay && !hasMonth) {
    // "on Friday" in a Saturday article is the day before; "next Friday" stays ahead
    const isAhead = /\b(?:next|coming|this coming)\b/i.test(text) || /\b(?:next|coming)\s*$/i.test(before) || /\b(?:will|shall|upcoming)\b/i.test(before);
    let offset = ((weekday - ref.weekday + 7) % 7);
    if (!isAhead) offset = offset === 0 ? 0 : offset - 7;
    else if (offset === 0) offset = 7;
    if (/\blast\b/i.test(text) && offset === 0) offset = -7;
    return { value: isoDay(shiftDay(ref, offset)), precision: 'day' };
  }
  const month = c.get('month') as number;
  const day = c.get('day') as number;
  let year = c.get('year') as number;
  if (hasMonth && !hasYear && !hasDay && !/\d/.test(text)) {
    // "in January": the last one before the reference, or the next one when the sentence looks ahead
    const isAhead = FUTURE.test(before);
    year = month < ref.month || (month === ref.month && !isAhead) ? ref.year : ref.year - 1;
    if (isAhead && month <= ref.month) year = ref.year + 1;
    if (isAhead && month > ref.month) year = ref.year;
  }
  if (hasDay && hasMonth && !hasYear && FUTURE.test(before)) {
    const refTime = Date.UTC(ref.year, ref.month - 1, ref.day);
    const thisYear = Date.UTC(ref.year, month - 1, day);
    return { value: isoDay(new Date(thisYear >= refTime ? thisYear : Date.UTC(ref.year + 1, month - 1, day))), precision: 'day' };
  }
  if (hasDay && hasMonth && !hasYear) {
    // "on 5 March" in a September article is the March before, unless it is close ahead
    const candidates = [ref.year - 1, ref.year, ref.year + 1].map((y) => Date.UTC(y, month - 1, day));
    const refTime = Date.UTC(ref.year, ref.month - 1, ref.day);
    const best = candidates.reduce((a, b) => {
      const score = (t: number): number => (t > refTime ? (t - refTime) * 2 : refTime - t);
      return score(b) < score(a) ? b : a;
    });
    return { value: isoDay(new Date(best)), precision: 'day' };
  }
  if (hasDay) return { value: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
  if (hasMonth) return { value: `${year}-${pad(month)}`, precision: 'month' };
  if (hasYear) return { value: String(year), precision: 'year' };
  return null;
}

/** Paragraphs, and long paragraphs cut after a sentence, each at most MAX_CHRONO_CHARS long, with their offsets. */
function* chunks(text: string): Generator<[number, string]> {
  const paragraph = /[^\n]+/g;
  for (let p = paragraph.exec(text); p; p = paragraph.exec(text)) {
    let start = 0;
    const body = p[0];
    while (start < body.length) {
      let end = Math.min(body.length, start + MAX_CHRONO_CHARS, Math.max(start + 1, MAX_CHRONO_TOTAL_CHARS - p.index));
      if (end < body.length) {
        const cut = body.lastIndexOf('. ', end);
        if (cut > start) end = cut + 1;
      }
      yield [p.index + start, body.slice(start, end)];
      start = end;
    }
  }
}

/** chrono's dates, refined for news: "on Friday", "5 March", "last month"; durations and counted offsets left out. */
export const chronoDates: MatchRule<DateValue, RefDay> = {
  id: 'dates/chrono',
  *find(text, ref) {
    const reference = { instant: new Date(Date.UTC(ref.year, ref.month - 1, ref.day, 12)), timezone: 0 };
    for (const [offset, part] of chunks(text)) {
      if (offset >= MAX_CHRONO_TOTAL_CHARS) break;
      if (!DATE_HINT.test(part)) continue;
      for (const result of casualEnglish.parse(part, reference)) {
        // "two weeks after" counts from an event, not from the publication day; "for two years" is a duration
        if (/\b(?:after|before|later|earlier)$/i.test(result.text.trim()) || DURATION.test(result.text.trim())) continue;
        const trimmed = result.text.replace(/[\s,.;:]+$/, '');
        // The sentence so far, but no further back than a clause: a text without full stops is not rescanned per date.
        const floor = Math.max(0, result.index - MAX_BEFORE_CHARS);
        const sentenceStart = Math.max(part.lastIndexOf('. ', result.index) + 1, floor);
        const value = refine(result, ref, part.slice(sentenceStart, result.index));
        if (value) yield { value, start: offset + result.index, end: offset + result.index + trimmed.length };
      }
    }
  },
};

function toDateFinding(f: Finding<DateValue>): DateFinding {
  // The rule's trigger is the date expression itself: it is the finding's span.
  const out: DateFinding = { ...f.trigger, value: f.value.value, precision: f.value.precision, rule: f.rule };
  if (f.value.earliest) out.earliest = f.value.earliest;
  if (f.value.latest) out.latest = f.value.latest;
  return out;
}

/** Finds the dates of a text against a reference day: the news rules first, then chrono where they found nothing. */
export function findDates(text: string, ref: RefDay): DateFinding[] {
  const news = applyRules(NEWS_RULES, text, ref);
  const overlapsNews = overlapIndex(news.map((f) => f.trigger));
  const kept = [...news];
  for (const f of applyRules([chronoDates], text, ref)) {
    if (!overlapsNews(f.trigger.start, f.trigger.end)) kept.push(f);
  }
  return kept.map(toDateFinding).sort((a, b) => a.start - b.start);
}

/**
 * Whether a span overlaps any of `spans` (sorted by start), in log time: the largest end among the
 * spans starting before the span's end is compared with its start. A text with tens of thousands of
 * dates is not compared pair by pair.
 */
export function overlapIndex(spans: ReadonlyArray<{ start: number; end: number }>): (start: number, end: number) => boolean {
  const starts = spans.map((s) => s.start);
  const maxEnd: number[] = [];
  let running = -Infinity;
  for (const s of spans) maxEnd.push((running = Math.max(running, s.end)));
  return (start, end) => {
    // The number of spans starting before `end`.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < end) low = mid + 1;
      else high = mid;
    }
    return low > 0 && maxEnd[low - 1]! > start;
  };
}

export const dates = defineStage('dates', (doc, ctx) => {
  const article = need(doc, 'article');
  if (article.text.length > MAX_CHRONO_TOTAL_CHARS) {
    doc.messages.push({
      level: 'info',
      rule: 'dates/chrono-budget',
      reason: `text of ${article.text.length} characters: chrono read the first ${MAX_CHRONO_TOTAL_CHARS}, the news rules all of it`,
    });
  }
  return findDates(article.text, refDayOf(article.published ?? doc.input.published, ctx.now));
});

/**
 * Whether a date closes a relative clause with a pronoun subject and a past verb right before it ("the 20 it ordered last year",
 * "the jets which arrived in May"): the date is that clause's, whatever act the sentence tells around it. `before` is the text
 * of the sentence up to the date.
 */
export function closesRelativeClause(before: string): boolean {
  return /\b(?:it|they|which|that|he|she|we)\s+(?:had\s+|has\s+|have\s+)?(?:already\s+)?[a-z]+(?:ed|ought|ught|old|ent|ew|ade|ave|ook|ive|ame)\s+(?:in\s+|on\s+|during\s+)?$/i.test(before);
}
