/** Search-box syntax shared by the stores: words, "phrases", OR, -excluded, parsed once into terms. */
import { RequestError } from '../core/errors.js';

export interface QueryTerm {
  /** Words of the term (one for a word, several for a phrase). */
  words: string[];
  isExcluded: boolean;
  /** Joined to the previous term by OR rather than AND. */
  isOr: boolean;
}

/**
 * Terms one search may have. FTS5's parser overflows its stack near a hundred nested terms (97 exclusions
 * gave a 500); nobody types more than a few dozen, and a script listing hundreds should narrow its query instead.
 */
export const MAX_QUERY_TERMS = 64;
/** Words in all the terms together (a phrase counts each of its words). */
export const MAX_QUERY_WORDS = 128;

const WORD = /[\p{L}\p{N}_]+/gu;

/** Parses a search box's text; punctuation inside words splits them, so nothing reaches the engine unquoted. */
export function parseQuery(q: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const pattern = /(-?)"([^"]*)"|(\S+)/g;
  let isOr = false;
  let words = 0;
  for (let m = pattern.exec(q); m; m = pattern.exec(q)) {
    const raw = m[3];
    if (raw === 'OR') {
      isOr = terms.length > 0;
      continue;
    }
    const isExcluded = m[1] === '-' || (raw !== undefined && raw.startsWith('-') && raw.length > 1);
    const termWords = (m[2] ?? raw ?? '').match(WORD) ?? [];
    if (termWords.length === 0) continue;
    terms.push({ words: termWords, isExcluded, isOr });
    words += termWords.length;
    if (terms.length > MAX_QUERY_TERMS || words > MAX_QUERY_WORDS) {
      throw new RequestError(
        400,
        'search/too-many-terms',
        `q: more than ${MAX_QUERY_TERMS} terms or ${MAX_QUERY_WORDS} words; narrow the query (use filters for the rest)`,
      );
    }
    isOr = false;
  }
  return terms;
}

/** A parsed query as FTS5 MATCH expressions: what must match (null: everything) and what must not (null: nothing). */
export interface Fts5Query {
  match: string | null;
  exclude: string | null;
}

/**
 * FTS5 MATCH expressions for the terms, every word quoted. Exclusions are one flat OR group (`a NOT (x OR y)`), so
 * their number does not deepen the parse; with no positive term they come back apart, for the caller to subtract.
 */
export function toFts5(terms: readonly QueryTerm[]): Fts5Query {
  const quote = (t: QueryTerm): string => `"${t.words.join(' ').replace(/"/g, '""')}"`;
  let positive = '';
  for (const term of terms.filter((t) => !t.isExcluded)) {
    if (positive === '') positive = quote(term);
    else positive = term.isOr ? `${positive} OR ${quote(term)}` : `${positive} AND ${quote(term)}`;
  }
  const excluded = terms.filter((t) => t.isExcluded).map(quote);
  const exclude = excluded.length > 0 ? excluded.join(' OR ') : null;
  if (positive === '') return { match: null, exclude };
  return { match: exclude ? `(${positive}) NOT (${exclude})` : positive, exclude: null };
}

/** YYYY-MM-DD of an ISO timestamp or date, or null. */
export function dayOf(iso: string | null | undefined): string | null {
  const m = iso?.match(/^(\d{4}-\d{2}-\d{2})/);
  return m?.[1] ?? null;
}

/** A LIKE pattern matching `value` literally (`%`, `_` and `\` escaped with `\`): use with `ESCAPE '\'`. */
export function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** What the stores' snippet functions put around a match (char(1) and char(2) in the SQL). */
export const MATCH_START = String.fromCharCode(1);
export const MATCH_END = String.fromCharCode(2);

/**
 * A snippet with its matches between « and » (the stores' snippet functions mark them with MATCH_START and
 * MATCH_END). Guillemets of the page itself become ‹ ›, so only a match is ever shown between « »; when the page
 * holds the control characters themselves, nothing is marked rather than something false.
 */
export function markSnippet(text: string, isMarked: boolean): string {
  const plain = text.replaceAll('«', '‹').replaceAll('»', '›');
  return isMarked
    ? plain.replaceAll(MATCH_START, '«').replaceAll(MATCH_END, '»')
    : plain.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '');
}
