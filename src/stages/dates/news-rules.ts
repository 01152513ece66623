/**
 * Date rules chrono does not know, for news copy: "by the end of the year", year-only dates, season
 * and part-of-year ("mid-2022"), "earlier this week", and vague ones ("back then") marked vague.
 */
import type { Rule } from '../../core/rule.js';
import type { DatePrecision } from '../../core/doc.js';

/** A date a rule read, relative to the reference day. */
export interface DateValue {
  value: string | null;
  precision: DatePrecision;
  /** First and last day the expression may mean, when it is a range ("earlier this week"). */
  earliest?: string;
  latest?: string;
}

/** The reference day's parts: year, month (1-12), day, weekday (0 = Sunday). */
export interface RefDay {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD of a UTC date. */
export function isoDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The day `offset` days from the reference day. */
export function shiftDay(ref: RefDay, offset: number): Date {
  return new Date(Date.UTC(ref.year, ref.month - 1, ref.day + offset));
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "by the end of the year" -> 2021-12-31; "end of next month" -> its last day. */
export const endOfPeriod: Rule<DateValue, RefDay> = {
  id: 'dates/end-of-period',
  pattern: /\b(?:(?:by|before|until|at|towards?|around|near) )?(?:the )?end of (?:(the|this|next|last) )?(year|month)\b/gi,
  extract: (m, ref) => {
    const which = (m[1] ?? 'this').toLowerCase();
    const shift = which === 'next' ? 1 : which === 'last' ? -1 : 0;
    if ((m[2] as string).toLowerCase() === 'year') {
      const year = ref.year + shift;
      return { value: `${year}-12-31`, precision: 'day' };
    }
    const d = new Date(Date.UTC(ref.year, ref.month - 1 + shift, 1));
    const y = d.getUTCFullYear();
    const mo = d.getUTCMonth() + 1;
    return { value: `${y}-${pad(mo)}-${pad(lastDayOfMonth(y, mo))}`, precision: 'day' };
  },
};

/** "earlier this week" -> vague, between Monday and yesterday; "later this month" likewise. */
export const earlierThisPeriod: Rule<DateValue, RefDay> = {
  id: 'dates/earlier-this-period',
  pattern: /\b(earlier|later) (?:this|in the) (week|month|year)\b/gi,
  extract: (m, ref) => {
    const isEarlier = (m[1] as string).toLowerCase() === 'earlier';
    const unit = (m[2] as string).toLowerCase();
    const today = shiftDay(ref, 0);
    let first: Date;
    let last: Date;
    if (unit === 'week') {
      const sinceMonday = (ref.weekday + 6) % 7;
      first = shiftDay(ref, -sinceMonday);
      last = shiftDay(ref, 6 - sinceMonday);
    } else if (unit === 'month') {
      first = new Date(Date.UTC(ref.year, ref.month - 1, 1));
      last = new Date(Date.UTC(ref.year, ref.month - 1, lastDayOfMonth(ref.year, ref.month)));
    } else {
      first = new Date(Date.UTC(ref.year, 0, 1));
      last = new Date(Date.UTC(ref.year, 11, 31));
    }
    const earliest = isoDay(isEarlier ? first : shiftDay(ref, 1));
    const latest = isoDay(isEarlier ? shiftDay(ref, -1) : last);
    void today;
    if (unit === 'month' && isEarlier) return { value: `${ref.year}-${pad(ref.month)}`, precision: 'month', earliest, latest };
    if (unit === 'year') return { value: String(ref.year), precision: 'year', earliest, latest };
    return { value: null, precision: 'vague', earliest, latest };
  },
};

/** "in 2019", "since 2014", "early 2020", "mid-2022", "the 2018 elections" stay years. */
export const yearOnly: Rule<DateValue, RefDay> = {
  id: 'dates/year-only',
  pattern: /\b(?:(?:in|since|by|until|till|from|during|through|before|after|of|early|late|mid|end of|spring|summer|autumn|fall|winter)[ -](?:(?:early|late|mid)[ -])?)((?:19|20)\d\d)\b(?![-/.,]?\d)/gi,
  extract: (m) => ({ value: m[1] as string, precision: 'year' }),
};

/** Vague time words: no value, precision "vague". */
export const vague: Rule<DateValue, RefDay> = {
  id: 'dates/vague',
  pattern: /\b(?:(?:earlier|later) (?:in the|that) (?:day|morning|afternoon|evening|night)|(?:on )?(?:that|the) same day|back then|at the time|at that time|in the past|recently|in recent (?:days|weeks|months|years)|lately|soon|in the coming (?:days|weeks|months|years)|in the near future|some time ago|a while ago|years ago|decades ago|nowadays|these days)\b/gi,
  extract: () => ({ value: null, precision: 'vague' }),
};

/** The news rules, tried before chrono; their spans win over chrono's. */
export const NEWS_RULES: readonly Rule<DateValue, RefDay>[] = [endOfPeriod, earlierThisPeriod, yearOnly, vague];
