/**
 * Readers for option values that every command shares, so a flag means and checks the same
 * everywhere: a bad value is a usage error (exit 2) naming the flag, never a silent "no match".
 */
import { InvalidArgumentError } from 'commander';

const DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Whether a value is a calendar day, month or year as the API takes it: 2021, 2021-09, 2021-09-11 (a real date). */
export function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const date = new Date(Date.UTC(Number(m[1]), month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `--since`, `--until`: a day, month or year. */
export function parseDay(value: string): string {
  if (!isDay(value)) throw new InvalidArgumentError('not a date (YYYY, YYYY-MM or YYYY-MM-DD)');
  return value;
}

/** `--published`: a day (2021-09-11) or an ISO 8601 time (2021-09-11T12:42:00+03:00). */
export function parseTime(value: string): string {
  const m = TIME.exec(value);
  if (m ? !isDay(m[1] as string) || Number.isNaN(Date.parse(value.replace(' ', 'T'))) : !isDay(value) || value.length !== 10) {
    throw new InvalidArgumentError('not an ISO date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])');
  }
  return value;
}

/** A whole number from `min` to `max`: `--limit`, `--offset`, ids. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `not a whole number of at least ${min}` : `not a whole number from ${min} to ${max}`);
    }
    return n;
  };
}
