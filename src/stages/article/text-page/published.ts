/**
 * Publication times stated on a page, read with chrono and kept only as precise as the page is:
 * seconds and offset only when written, "YYYY-MM-DD" when no time is given, "YYYY-MM" for a month.
 */
import * as chrono from 'chrono-node';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { MONTH_PATTERN } from '../metadata/parse-date.js';
import { casualEnglish } from '../../dates/guarded-chrono.js';

/** One date found in a line. */
export interface DateReading {
  /** The words chrono read, as found in the (normalised) line. */
  text: string;
  /** ISO 8601 as precise as the page; null when relative without a reference time, or without a year. */
  value: string | null;
  /** "3 hours ago", "yesterday": needs a reference time to mean anything. */
  isRelative: boolean;
}

/** Chrono fills unstated parts from its reference; those parts are dropped, so any fixed day does. */
const FILLER_REFERENCE = new Date(Date.UTC(2000, 0, 1));

const RELATIVE_WORDS = /\b(?:ago|today|tonight|yesterday|tomorrow|now|last|this|next|earlier)\b/i;

/**
 * English first; the others only when English finds no day ("14 septembre 2021 à 10h30", or
 * "14. September 2021" where English sees only "September 2021").
 */
const PARSERS: readonly chrono.Chrono[] = [
  casualEnglish,
  chrono.fr.casual,
  chrono.de.casual,
  chrono.es.casual,
  chrono.pt.casual,
  chrono.it.casual,
  chrono.nl.casual,
  chrono.ru.casual,
  chrono.uk.casual,
  chrono.sv.casual,
];

/** A month's name in any language the pages come in ("septembre", "сентября", "Sept"). */
const NAMES_A_MONTH = new RegExp(`(?<!\\p{L})(?:${MONTH_PATTERN})(?!\\p{L})`, 'iu');

/** Every dated expression in a text, in order; `reference` resolves relative ones ("2 hours ago"). */
export function findDates(text: string, reference?: Date): DateReading[] {
  const normalised = normaliseDateText(text);
  // Offsets of relative times are read in UTC, so the result does not depend on the machine's zone.
  const at = { instant: reference ?? FILLER_REFERENCE, timezone: 0 };
  let best: DateReading[] | null = null;
  // Other languages are worth a try only where a month is named in one of them.
  const parsers = NAMES_A_MONTH.test(normalised) ? PARSERS : PARSERS.slice(0, 1);
  for (const parser of parsers) {
    const readings = parser.parse(normalised, at).map((result) => readResult(result, reference));
    if (readings.some((reading) => reading.isRelative || (reading.value?.length ?? 0) >= DAY_LENGTH)) return readings;
    if (best === null || precision(readings) > precision(best)) best = readings;
  }
  return best ?? [];
}

/** "YYYY-MM-DD": a reading at least this long names a day. */
const DAY_LENGTH = 10;

function precision(readings: DateReading[]): number {
  return Math.max(0, ...readings.map((reading) => reading.value?.length ?? 0));
}

/** The first usable date in a line's segments ("By News Desk | September 12, 2021" after the name). */
export function findDateIn(segments: readonly string[]): DateReading | null {
  for (const segment of segments) {
    const date = findDates(segment).find((reading) => reading.value !== null || reading.isRelative);
    if (date) return date;
  }
  return null;
}

/**
 * The text chrono reads: day-first dotted dates made ISO ("12.09.2021" is 12 September in every
 * locale that writes dots), and "|", "•" or a dash between date and time made a comma so the two merge.
 */
export function normaliseDateText(text: string): string {
  return text
    .replace(/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, (_, day: string, month: string, year: string) =>
      Number(month) <= 12 ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : `${day}.${month}.${year}`,
    )
    .replace(/\s+[|•·—–]\s+/g, ', ');
}

function readResult(result: ParsedResult, reference: Date | undefined): DateReading {
  const isRelative = isRelativeResult(result);
  const start = result.start;
  let value: string | null = null;
  if (isRelative) value = reference ? formatComponents(start) : null;
  else if (start.isCertain('year') && start.isCertain('month')) value = formatComponents(start);
  return { text: result.text, value, isRelative };
}

function isRelativeResult(result: ParsedResult): boolean {
  return [...result.tags()].some((tag) => tag.startsWith('result/relative')) || RELATIVE_WORDS.test(result.text);
}

/** ISO 8601 with only the parts chrono is certain of. */
export function formatComponents(c: ParsedComponents): string {
  const year = String(c.get('year') ?? 0).padStart(4, '0');
  const month = pad(c.get('month'));
  if (!c.isCertain('day')) return `${year}-${month}`;
  const date = `${year}-${month}-${pad(c.get('day'))}`;
  if (!c.isCertain('hour')) return date;
  let time = `${pad(c.get('hour'))}:${pad(c.get('minute'))}`;
  if (c.isCertain('second')) time += `:${pad(c.get('second'))}`;
  const offset = c.get('timezoneOffset');
  if (c.isCertain('timezoneOffset') && offset !== null) time += formatOffset(offset);
  return `${date}T${time}`;
}

/** Minutes east of UTC as "Z" or "+03:00". */
function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number | null): string {
  return String(n ?? 0).padStart(2, '0');
}
