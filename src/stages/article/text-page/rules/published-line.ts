/**
 * A line that is a publication time: "Saturday, 11 September 2021 12:42 PM",
 * "Published: 12 Sep 2021, 09:30 GMT+3 | Updated: 13 Sep 2021", "3 hours ago" -> published.
 */
import type { LineFacts, LineRule } from '../line-rule.js';
import { findDates, normaliseDateText } from '../published.js';
import { MONTH_PATTERN } from '../../metadata/parse-date.js';

/** Date lines are short; a long line that contains a date is a sentence about it. */
const DATE_LINE_MAX_CHARS = 100;
/** Characters a date line may hold besides dates and labels (stray punctuation, "IST"). */
const DATE_LINE_LEFTOVER_CHARS = 4;

const LABELS =
  /(?<![\p{L}])(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified|dated?|released|issued|created|time|on|at)|publié(?:\s+le)?|mis à jour(?:\s+le)?|le|veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|am|um|publicado(?:\s+el)?|actualizado|atualizado|опубликовано|обновлено)(?![\p{L}])/giu;
const WEEKDAYS = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?/gi;
/**
 * Words of four letters or more, other than month names, a line may hold and still be a date line: a
 * date and its labels hold a few ("three hours ago", "Samstag ... Uhr"); a headline or a sentence with a
 * number in it holds more, and is turned away before the date parsers (ten languages) read it.
 */
const DATE_LINE_MAX_WORDS = 4;
const LONG_WORD = /\p{L}{4,}/gu;
const MONTH_WORD = new RegExp(`^(?:${MONTH_PATTERN})$`, 'iu');

/** Whether a line holds more long words than a date line can (month names, labels and weekdays not counted). */
function hasTooManyWords(line: string): boolean {
  let words = 0;
  const rest = line.replace(LABELS, ' ').replace(WEEKDAYS, ' ');
  for (const [word] of rest.matchAll(LONG_WORD)) if (!MONTH_WORD.test(word) && ++words > DATE_LINE_MAX_WORDS) return true;
  return false;
}

const UPDATE_LABEL = /updated|modified|mis à jour|aktualisiert|actualizado|atualizado|обновлено/i;

export const publishedLine: LineRule = {
  id: 'article/text-page/published-line',
  read: (line) => {
    if (line.length > DATE_LINE_MAX_CHARS || !/\d|\b(?:ago|today|yesterday)\b/i.test(line)) return null;
    if (hasTooManyWords(line)) return null;
    const text = normaliseDateText(line);
    const dates = findDates(line);
    if (dates.length === 0) return null;
    let leftover = text;
    for (const date of dates) leftover = leftover.replace(date.text, ' ');
    leftover = leftover
      .replace(LABELS, ' ')
      .replace(WEEKDAYS, ' ')
      .replace(/[\s|,;:•·()\-–—/.]+/g, '');
    if (leftover.length > DATE_LINE_LEFTOVER_CHARS) return null;
    return pickPublished(text, dates);
  },
};

/** The first date not labelled as an update; an update only when nothing else is given. */
function pickPublished(text: string, dates: ReturnType<typeof findDates>): LineFacts {
  let searchFrom = 0;
  let update: LineFacts | null = null;
  for (const date of dates) {
    const at = text.indexOf(date.text, searchFrom);
    const label = text.slice(searchFrom, at);
    searchFrom = at + date.text.length;
    if (!UPDATE_LABEL.test(label)) return { published: date };
    update ??= { published: date, isUpdate: true };
  }
  return update ?? {};
}
