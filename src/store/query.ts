/** Search-box syntax shared by the stores: words, "phrases", OR, -excluded, parsed once into terms. */

export interface QueryTerm {
  /** Words of the term (one for a word, several for a phrase). */
  words: string[];
  isExcluded: boolean;
  /** Joined to the previous term by OR rather than AND. */
  isOr: boolean;
}

const WORD = /[\p{L}\p{N}_]+/gu;

/** Parses a search box's text; punctuation inside words splits them, so nothing reaches the engine unquoted. */
export function parseQuery(q: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const pattern = /(-?)"([^"]*)"|(\S+)/g;
  let isOr = false;
  for (let m = pattern.exec(q); m; m = pattern.exec(q)) {
    const raw = m[3];
    if (raw === 'OR') {
      isOr = terms.length > 0;
      continue;
    }
    const isExcluded = m[1] === '-' || (raw !== undefined && raw.startsWith('-') && raw.length > 1);
    const words = (m[2] ?? raw ?? '').match(WORD) ?? [];
    if (words.length === 0) continue;
    terms.push({ words, isExcluded, isOr });
    isOr = false;
  }
  return terms;
}

/** An FTS5 MATCH expression for the terms, every word quoted; null when nothing is searchable. */
export function toFts5(terms: readonly QueryTerm[]): string | null {
  const positive = terms.filter((t) => !t.isExcluded);
  if (positive.length === 0) return null;
  const quote = (t: QueryTerm): string => `"${t.words.join(' ').replace(/"/g, '""')}"`;
  let expr = '';
  for (const term of positive) {
    if (expr === '') expr = quote(term);
    else expr = term.isOr ? `${expr} OR ${quote(term)}` : `${expr} AND ${quote(term)}`;
  }
  for (const term of terms.filter((t) => t.isExcluded)) expr = `(${expr}) NOT ${quote(term)}`;
  return expr;
}

/** YYYY-MM-DD of an ISO timestamp or date, or null. */
export function dayOf(iso: string | null | undefined): string | null {
  const m = iso?.match(/^(\d{4}-\d{2}-\d{2})/);
  return m?.[1] ?? null;
}
