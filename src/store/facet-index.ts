/**
 * Facet postings of a SQLite store, in memory: per article, its source, section, country entities, PLOVER types
 * and actor codes as small integers in typed arrays indexed by article id. A search counts its facets by walking
 * its matching ids over these arrays (about 20 ns an id), so no article, mention or event row is read to count,
 * and the counts are exact over every match up to the bound the answer states.
 *
 * The index follows the database: new articles (ids above the last loaded one) are read on the next refresh,
 * and rewritten or deleted ones are named by the `search_changes` log that the store's triggers append to.
 * Call `refresh` inside the read transaction the search runs in, so postings and matches see one snapshot.
 */
import type Database from 'better-sqlite3';
import type { Facet, SearchResult } from '../store.js';

/** Values shown per facet, as the stores always did. */
export const FACET_SIZE = 20;
/** Article ids read per pass when loading: bounds the transient objects to a few megabytes. */
const LOAD_CHUNK = 20_000;

/** Strings to small integers and back, in first-seen order. */
class Dictionary {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();

  idOf(value: string): number {
    let id = this.#index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.#index.set(value, id);
    }
    return id;
  }

  get size(): number {
    return this.values.length;
  }
}

/** One value per article (or none): `value + 1` by article id, 0 for none. */
class SingleValued {
  byArticle = new Int32Array(0);
  readonly dictionary = new Dictionary();
  /** How many stored articles hold each value: the facet of "everything". */
  all = new Uint32Array(16);

  grow(size: number): void {
    this.byArticle = grown(this.byArticle, size);
  }

  set(articleId: number, value: string | null): void {
    const old = this.byArticle[articleId]!;
    if (old > 0) this.all[old - 1]!--;
    const id = value === null ? -1 : this.dictionary.idOf(value);
    if (id >= 0) {
      if (id >= this.all.length) this.all = grown(this.all, id + 1);
      this.all[id]!++;
    }
    this.byArticle[articleId] = id + 1;
  }

  count(ids: ArrayLike<number>, n: number): Uint32Array {
    const counts = new Uint32Array(this.dictionary.size + 1);
    const byArticle = this.byArticle;
    for (let i = 0; i < n; i++) counts[byArticle[ids[i]!]!]!++;
    return counts.subarray(1);
  }
}

/** Several distinct values per article: `values[start[id] .. start[id] + length[id])`. */
class MultiValued {
  start = new Uint32Array(0);
  length = new Uint16Array(0);
  values = new Int32Array(1024);
  used = 0;
  /** Slots left behind by rewritten articles; the arrays are compacted when they pass half. */
  garbage = 0;
  readonly dictionary = new Dictionary();
  all = new Uint32Array(16);

  grow(size: number): void {
    this.start = grown(this.start, size);
    this.length = grown(this.length, size);
  }

  /** Replaces an article's values (distinct ones only). */
  set(articleId: number, list: readonly string[]): void {
    this.#forget(articleId);
    if (list.length === 0) return;
    const ids = [...new Set(list.map((v) => this.dictionary.idOf(v)))];
    if (this.used + ids.length > this.values.length) this.values = grown(this.values, this.used + ids.length);
    this.start[articleId] = this.used;
    this.length[articleId] = ids.length;
    for (const id of ids) {
      this.values[this.used++] = id;
      if (id >= this.all.length) this.all = grown(this.all, id + 1);
      this.all[id]!++;
    }
  }

  #forget(articleId: number): void {
    const from = this.start[articleId]!;
    const n = this.length[articleId]!;
    for (let k = from; k < from + n; k++) this.all[this.values[k]!]!--;
    this.garbage += n;
    this.length[articleId] = 0;
    if (this.garbage > 4096 && this.garbage * 2 > this.used) this.#compact();
  }

  #compact(): void {
    const values = new Int32Array(Math.max(1024, (this.used - this.garbage) * 2));
    let used = 0;
    for (let id = 0; id < this.start.length; id++) {
      const n = this.length[id]!;
      if (n === 0) continue;
      values.set(this.values.subarray(this.start[id], this.start[id]! + n), used);
      this.start[id] = used;
      used += n;
    }
    this.values = values;
    this.used = used;
    this.garbage = 0;
  }

  count(ids: ArrayLike<number>, n: number): Uint32Array {
    const counts = new Uint32Array(this.dictionary.size);
    const { start, length, values } = this;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      const from = start[id]!;
      const to = from + length[id]!;
      for (let k = from; k < to; k++) counts[values[k]!]!++;
    }
    return counts;
  }
}

function grown<T extends Int32Array | Uint32Array | Uint16Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2, 1024));
  next.set(array);
  return next;
}

type Facets = SearchResult['facets'];

/** One article's facet values, as read from the database. */
interface ArticleFacets {
  source: string | null;
  section: string | null;
  countries: string[];
  plovers: string[];
  actors: string[];
}

export class FacetIndex {
  readonly #source = new SingleValued();
  readonly #section = new SingleValued();
  /** Country entity ids (`country:RUS`); their codes and names are read apart, since a later article may fill a code. */
  readonly #country = new MultiValued();
  readonly #plover = new MultiValued();
  readonly #actor = new MultiValued();
  #countryCodes = new Map<string, { code: string; name: string }>();
  /** Articles loaded: every id up to this one. */
  #loadedTo = 0;
  #changesSeen = 0;
  #articles = 0;
  #isLoaded = false;

  readonly #statements = new Map<string, Database.Statement>();

  /** A prepared statement, kept: a search refreshes the index each time. */
  #statement(db: Database.Database, sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** The highest article id loaded: every article up to it is in the postings. */
  get loadedTo(): number {
    return this.#loadedTo;
  }

  /** The last rewrite or deletion followed; a cached answer made before a later one is stale. */
  get changesSeen(): number {
    return this.#changesSeen;
  }

  get articleCount(): number {
    return this.#articles;
  }

  /** Brings the postings up to the database's state. Run inside a read transaction. */
  refresh(db: Database.Database): void {
    const maxId = (this.#statement(db, 'SELECT max(id) FROM articles').pluck().get() as number | null) ?? 0;
    const lastChange = (this.#statement(db, 'SELECT max(seq) FROM search_changes').pluck().get() as number | null) ?? 0;
    if (!this.#isLoaded) {
      this.#changesSeen = lastChange;
      this.#load(db, 0, maxId);
      this.#isLoaded = true;
      return;
    }
    if (lastChange > this.#changesSeen) {
      const changed = db
        .prepare('SELECT DISTINCT article_id FROM search_changes WHERE seq > ? AND article_id <= ?')
        .pluck()
        .all(this.#changesSeen, this.#loadedTo) as number[];
      this.#changesSeen = lastChange;
      for (const id of changed) this.#reload(db, id);
    }
    if (maxId > this.#loadedTo) this.#load(db, this.#loadedTo, maxId);
  }

  /** Reads the articles with ids in (from, to], a chunk at a time (one pass per table each), to bound memory. */
  #load(db: Database.Database, from: number, to: number): void {
    this.#grow(to + 1);
    for (let start = from; start < to; start += LOAD_CHUNK) this.#loadChunk(db, start, Math.min(to, start + LOAD_CHUNK));
    this.#loadedTo = to;
    this.#refreshCountries(db);
  }

  #loadChunk(db: Database.Database, from: number, to: number): void {
    const facets = new Map<number, ArticleFacets>();
    const articles = db
      .prepare(
        'SELECT id, COALESCE(source, publisher), section FROM articles INDEXED BY articles_facets WHERE id > ? AND id <= ?',
      )
      .raw()
      .iterate(from, to) as IterableIterator<[number, string | null, string | null]>;
    for (const [id, source, section] of articles)
      facets.set(id, { source, section, countries: [], plovers: [], actors: [] });
    this.#readRelated(db, 'article_id > ? AND article_id <= ?', [from, to], facets);
    for (const [id, f] of facets) this.#store(id, f);
  }

  #reload(db: Database.Database, id: number): void {
    const row = this.#statement(db, 'SELECT COALESCE(source, publisher), section FROM articles WHERE id = ?').raw().get(id) as
      | [string | null, string | null]
      | undefined;
    if (!row) {
      if (this.#isStored(id)) this.#store(id, null);
      return;
    }
    const facets = new Map<number, ArticleFacets>([
      [id, { source: row[0], section: row[1], countries: [], plovers: [], actors: [] }],
    ]);
    this.#readRelated(db, 'article_id = ?', [id], facets);
    this.#store(id, facets.get(id)!);
    this.#refreshCountries(db);
  }

  #readRelated(db: Database.Database, where: string, params: unknown[], facets: Map<number, ArticleFacets>): void {
    // Country entities are ids `country:…`: a range of the primary key, no entity row read.
    const mentions = db
      .prepare(`SELECT article_id, entity_id FROM mentions WHERE ${where} AND entity_id GLOB 'country:*'`)
      .raw()
      .iterate(...params) as IterableIterator<[number, string]>;
    for (const [id, entity] of mentions) facets.get(id)?.countries.push(entity);
    const events = db
      .prepare(
        `SELECT article_id, plover, source_code, target_code FROM events INDEXED BY events_article_codes WHERE ${where}`,
      )
      .raw()
      .iterate(...params) as IterableIterator<[number, string, string | null, string | null]>;
    for (const [id, plover, source, target] of events) {
      const f = facets.get(id);
      if (!f) continue;
      f.plovers.push(plover);
      if (source !== null) f.actors.push(source);
      if (target !== null) f.actors.push(target);
    }
  }

  /** 1 for each article id that is stored. */
  #isPresent = new Uint8Array(0);

  #isStored(id: number): boolean {
    return this.#isPresent[id] === 1;
  }

  #grow(size: number): void {
    this.#source.grow(size);
    this.#section.grow(size);
    this.#country.grow(size);
    this.#plover.grow(size);
    this.#actor.grow(size);
    if (size > this.#isPresent.length) {
      const present = new Uint8Array(Math.max(size, this.#isPresent.length * 2, 1024));
      present.set(this.#isPresent);
      this.#isPresent = present;
    }
  }

  /** Sets (or, with null, removes) one article's postings. */
  #store(id: number, f: ArticleFacets | null): void {
    const wasStored = this.#isStored(id);
    this.#source.set(id, f?.source ?? null);
    this.#section.set(id, f?.section ?? null);
    this.#country.set(id, f?.countries ?? []);
    this.#plover.set(id, f?.plovers ?? []);
    this.#actor.set(id, f?.actors ?? []);
    this.#isPresent[id] = f ? 1 : 0;
    this.#articles += (f ? 1 : 0) - (wasStored ? 1 : 0);
  }

  #refreshCountries(db: Database.Database): void {
    const rows = db
      .prepare(`SELECT id, code, name FROM entities WHERE id GLOB 'country:*' AND code IS NOT NULL`)
      .raw()
      .all() as Array<[string, string, string]>;
    this.#countryCodes = new Map(rows.map(([id, code, name]) => [id, { code, name }]));
  }

  /** Counts per facet value over the first `n` of `ids` (article ids that exist). */
  tally(ids: ArrayLike<number>, n: number = ids.length): FacetTally {
    return {
      source: this.#source.count(ids, n),
      section: this.#section.count(ids, n),
      country: this.#country.count(ids, n),
      plover: this.#plover.count(ids, n),
      actor: this.#actor.count(ids, n),
    };
  }

  /** The facets of a tally (null: of every stored article). */
  format(tally: FacetTally | null): Facets {
    const t = tally ?? {
      source: this.#source.all,
      section: this.#section.all,
      country: this.#country.all,
      plover: this.#plover.all,
      actor: this.#actor.all,
    };
    const byCode = new Map<string, { count: number; label: string }>();
    this.#country.dictionary.values.forEach((entity, k) => {
      const count = t.country[k] ?? 0;
      const known = this.#countryCodes.get(entity);
      if (count === 0 || !known) return;
      const seen = byCode.get(known.code);
      if (seen) {
        seen.count += count;
        if (known.name < seen.label) seen.label = known.name;
      } else byCode.set(known.code, { count, label: known.name });
    });
    const country = [...byCode]
      .sort((a, b) => b[1].count - a[1].count || compare(a[0], b[0]))
      .slice(0, FACET_SIZE)
      .map(([value, { count, label }]) => ({ value, label, count }));
    return {
      source: top(this.#source.dictionary.values, t.source),
      section: top(this.#section.dictionary.values, t.section),
      country,
      eventType: top(this.#plover.dictionary.values, t.plover),
      actor: top(this.#actor.dictionary.values, t.actor),
    };
  }
}

/** Counts by facet value id (the index's dictionaries), one array per facet. */
export interface FacetTally {
  source: Uint32Array;
  section: Uint32Array;
  country: Uint32Array;
  plover: Uint32Array;
  actor: Uint32Array;
}

/** The sum of two tallies (the later one may know more values). */
export function addTallies(a: FacetTally, b: FacetTally): FacetTally {
  const add = (x: Uint32Array, y: Uint32Array): Uint32Array => {
    const sum = new Uint32Array(Math.max(x.length, y.length));
    sum.set(x);
    for (let k = 0; k < y.length; k++) sum[k]! += y[k]!;
    return sum;
  };
  return {
    source: add(a.source, b.source),
    section: add(a.section, b.section),
    country: add(a.country, b.country),
    plover: add(a.plover, b.plover),
    actor: add(a.actor, b.actor),
  };
}

/** The FACET_SIZE most frequent values, ties in code-point order (as `COLLATE "C"` and SQLite's BINARY). */
function top(values: readonly string[], counts: ArrayLike<number>): Facet[] {
  const found: Facet[] = [];
  for (let k = 0; k < values.length; k++) {
    const count = counts[k] ?? 0;
    if (count > 0) found.push({ value: values[k]!, count });
  }
  return found.sort((a, b) => b.count - a.count || compare(a.value, b.value)).slice(0, FACET_SIZE);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
