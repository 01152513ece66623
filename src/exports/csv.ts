/** RFC 4180 CSV: one header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. */

/** A value as text: strings as they are, numbers and booleans printed, anything else as JSON. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A cell that is a number and nothing else ("-1", "3.5", "+2e3"): safe whatever its first character. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** First characters that make a spreadsheet read a cell as a formula (tab and carriage return included, as some do). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text would be read as a formula: it starts like one and is not simply a number ("-1+1+cmd|…" is not). */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** One CSV field; a formula-like text is prefixed with ' so a spreadsheet shows it rather than runs it. */
export function csvField(value: unknown): string {
  let s = textOf(value);
  if (typeof value === 'string' && isFormulaLike(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document from a header and rows of values (same order as the header). */
export function toCsvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Parses RFC 4180 CSV back into rows (for tests and for reading exports back). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (isQuoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') isQuoted = false;
      else field += c;
    } else if (c === '"' && field === '') isQuoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
