/** CSV fields for downloads made in the browser, defused so a spreadsheet shows a cell rather than runs it. */

/** A cell that is a number and nothing else ("-1", "3.5", "+2e3"): safe whatever its first character. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** First characters that make a spreadsheet read a cell as a formula (tab and carriage return included, as some do). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text would be read as a formula: it starts like one and is not simply a number. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** One RFC 4180 field: a formula-like text prefixed with ', then quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && isFormulaLike(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
