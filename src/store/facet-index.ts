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
/** Article ids read per pass when loading: bounds the transient arrays to a megabyte or so. */
const LOAD_CHUNK = 50_000;
/**
 * A posting read from SQLite as one integer, `articleId * KEY + valueId` (value ids from the dictionaries, which a
 * temp table mirrors for the join): one number per row instead of an array of strings, several times cheaper to
 * read and leaving no garbage. 2^21 values per facet, article ids up to 2^32, within a double's exact integers.
 */
const KEY = 2 ** 21;
/** Above this many articles, a load learns every facet value from the value indexes rather than per range. */
const SMALL_RANGE = 5_000;
/** Typed arrays grow by this factor: a store that grows a little past a size is not held twice over. */
const GROWTH = 1.25;

/** Strings to small integers and back, in first-seen order, mirrored in the index's temp table for SQL joins. */
class Dictionary {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();
  readonly facet: number;

  constructor(facet: number) {
    this.facet = facet;
  }

  idOf(value: string): number | undefined {
    return this.#index.get(value);
  }

  /** Adds the values not known yet, here and in the temp table. */
  learn(values: readonly (string | null)[], insert: Database.Statement): void {
    for (const value of values) {
      if (value === null || this.#index.has(value)) continue;
      const id = this.values.length;
      if (id >= KEY) throw new Error(`facet ${this.facet}: more than ${KEY} distinct values`);
      this.values.push(value);
      this.#index.set(value, id);
      insert.run(this.facet, value, id);
    }
  }

  get size(): number {
    return this.values.length;
  }
}

type Small = Uint8Array | Uint16Array | Int32Array;

/**
 * The array while `maxValue` fits in its kind, else a copy of the next wider kind that holds it: bytes while a
 * facet has fewer than 255 values (a desk's sections, sources, event types), then 16 bits, then 32. At a million
 * articles each byte per article and facet is a megabyte on every search worker.
 */
function wideEnough(array: Small, maxValue: number): Small {
  if (array instanceof Int32Array || (array instanceof Uint16Array && maxValue < 0xffff) || (array instanceof Uint8Array && maxValue < 0xff)) {
    return array;
  }
  const wide = maxValue < 0xffff ? new Uint16Array(array.length) : new Int32Array(array.length);
  wide.set(array);
  return wide;
}

/** One value per article (or none): `value + 1` by article id, 0 for none. */
class SingleValued {
  byArticle: Small = new Uint8Array(0);
  readonly dictionary: Dictionary;
  /** How many stored articles hold each value: the facet of "everything". */
  all = new Uint32Array(16);

  constructor(facet: number) {
    this.dictionary = new Dictionary(facet);
  }

  grow(size: number): void {
    this.byArticle = grown(this.byArticle, size);
  }

  /** Sets an article's value id (-1: none). */
  set(articleId: number, id: number): void {
    const old = this.byArticle[articleId]!;
    if (old > 0) this.all[old - 1]!--;
    if (id >= 0) {
      this.byArticle = wideEnough(this.byArticle, id + 1);
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
  length: Small = new Uint8Array(0);
  values: Small = new Uint8Array(1024);
  used = 0;
  /** Slots left behind by rewritten articles; the arrays are compacted when they pass half. */
  garbage = 0;
  readonly dictionary: Dictionary;
  all = new Uint32Array(16);

  constructor(facet: number) {
    this.dictionary = new Dictionary(facet);
  }

  grow(size: number): void {
    this.start = grown(this.start, size);
    this.length = grown(this.length, size);
  }

  /** Sets an article's values: `ids[from .. to)`, distinct value ids (the article must have none now). */
  set(articleId: number, ids: ArrayLike<number>, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.used + n > this.values.length) this.values = grown(this.values, this.used + n);
    this.length = wideEnough(this.length, n);
    this.start[articleId] = this.used;
    this.length[articleId] = n;
    for (let k = from; k < to; k++) {
      const id = ids[k]!;
      if (id >= this.all.length) this.all = grown(this.all, id + 1);
      this.values = wideEnough(this.values, id);
      this.values[this.used++] = id;
      this.all[id]!++;
    }
  }

  /** Removes an article's values. */
  forget(articleId: number): void {
    const from = this.start[articleId]!;
    const n = this.length[articleId]!;
    if (n === 0) return;
    for (let k = from; k < from + n; k++) this.all[this.values[k]!]!--;
    this.garbage += n;
    this.length[articleId] = 0;
    if (this.garbage > 4096 && this.garbage * 2 > this.used) this.#compact();
  }

  #compact(): void {
    const Kind = this.values.constructor as new (n: number) => Small;
    const values = new Kind(Math.max(1024, Math.ceil((this.used - this.garbage) * GROWTH)));
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

/** The array, or a longer copy holding at least `size` (GROWTH times longer, so appends stay amortised). */
function grown<T extends Small | Uint32Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(
    Math.max(size, Math.ceil(array.length * GROWTH), array.length + 1024),
  );
  next.set(array);
  return next;
}

type Facets = SearchResult['facets'];

/** Facet numbers in the dictionary table. */
const SOURCE = 0;
const SECTION = 1;
const COUNTRY = 2;
const PLOVER = 3;
const ACTOR = 4;

/** An article-id range `(from, to]` as SQL parameters. */
type Range = [number, number];

/**
 * Per facet: the SQL listing the distinct values of a range's articles, and the SQL listing its postings as
 * `article_id * KEY + value id` in article order (distinct per article), joined to the dictionary's temp table.
 */
function facetSql(dict: string): Record<number, { everyValue: string; values: string; postings: string }> {
  return {
    [SOURCE]: {
      everyValue: 'SELECT DISTINCT COALESCE(source, publisher) FROM articles INDEXED BY articles_facets',
      values:
        'SELECT DISTINCT COALESCE(source, publisher) FROM articles INDEXED BY articles_facets WHERE id > ? AND id <= ?',
      postings: `SELECT a.id * ${KEY} + d.k FROM articles a INDEXED BY articles_facets
      CROSS JOIN ${dict} d ON d.facet = ${SOURCE} AND d.value = COALESCE(a.source, a.publisher) WHERE a.id > ? AND a.id <= ?`,
    },
    [SECTION]: {
      everyValue: 'SELECT DISTINCT section FROM articles INDEXED BY articles_facets',
      values: 'SELECT DISTINCT section FROM articles INDEXED BY articles_facets WHERE id > ? AND id <= ?',
      postings: `SELECT a.id * ${KEY} + d.k FROM articles a INDEXED BY articles_facets
      CROSS JOIN ${dict} d ON d.facet = ${SECTION} AND d.value = a.section WHERE a.id > ? AND a.id <= ?`,
    },
    // Country entities are ids `country:…`: a range of the mentions' primary key, no entity row read.
    [COUNTRY]: {
      everyValue: `SELECT DISTINCT entity_id FROM mentions INDEXED BY mentions_entity_article WHERE entity_id GLOB 'country:*'`,
      values: `SELECT DISTINCT entity_id FROM mentions WHERE article_id > ? AND article_id <= ? AND +entity_id GLOB 'country:*'`,
      postings: `SELECT m.article_id * ${KEY} + d.k FROM mentions m
      CROSS JOIN ${dict} d ON d.facet = ${COUNTRY} AND d.value = m.entity_id
      WHERE m.article_id > ? AND m.article_id <= ? AND m.entity_id GLOB 'country:*' ORDER BY 1`,
    },
    [PLOVER]: {
      everyValue: 'SELECT DISTINCT plover FROM events INDEXED BY events_plover',
      values:
        'SELECT DISTINCT plover FROM events INDEXED BY events_article_codes WHERE article_id > ? AND article_id <= ?',
      postings: `SELECT DISTINCT e.article_id * ${KEY} + d.k FROM events e INDEXED BY events_article_codes
      CROSS JOIN ${dict} d ON d.facet = ${PLOVER} AND d.value = e.plover WHERE e.article_id > ? AND e.article_id <= ? ORDER BY 1`,
    },
    [ACTOR]: {
      everyValue: `SELECT DISTINCT source_code FROM events INDEXED BY events_source_article
      UNION SELECT DISTINCT target_code FROM events INDEXED BY events_target_article`,
      values: `SELECT source_code FROM events INDEXED BY events_article_codes WHERE article_id > ? AND article_id <= ?
      UNION SELECT target_code FROM events INDEXED BY events_article_codes WHERE article_id > ? AND article_id <= ?`,
      postings: `SELECT e.article_id * ${KEY} + d.k FROM events e INDEXED BY events_article_codes
        CROSS JOIN ${dict} d ON d.facet = ${ACTOR} AND d.value = e.source_code WHERE e.article_id > ? AND e.article_id <= ?
      UNION SELECT e.article_id * ${KEY} + d.k FROM events e INDEXED BY events_article_codes
        CROSS JOIN ${dict} d ON d.facet = ${ACTOR} AND d.value = e.target_code WHERE e.article_id > ? AND e.article_id <= ?
      ORDER BY 1`,
    },
  };
}

/** Temp dictionary tables made so far on any connection: each index has its own (a connection may hold two). */
let dictionaries = 0;

export class FacetIndex {
  readonly #source = new SingleValued(SOURCE);
  readonly #section = new SingleValued(SECTION);
  /** Country entity ids (`country:RUS`); their codes and names are read apart, since a later article may fill a code. */
  readonly #country = new MultiValued(COUNTRY);
  readonly #plover = new MultiValued(PLOVER);
  readonly #actor = new MultiValued(ACTOR);
  #countryCodes = new Map<string, { code: string; name: string }>();
  /** Articles loaded: every id up to this one. */
  #loadedTo = 0;
  #changesSeen = 0;
  #articles = 0;
  #isLoaded = false;

  readonly #statements = new Map<string, Database.Statement>();
  /** Loads of more articles than this learn every value from the value indexes first (see #load). */
  readonly #smallRange: number;
  /** This index's dictionary table (temp) and the SQL that joins to it. */
  readonly #dict = `temp.facet_dict_${++dictionaries}`;
  readonly #sql = facetSql(this.#dict);

  constructor(options: { smallRange?: number } = {}) {
    this.#smallRange = options.smallRange ?? SMALL_RANGE;
  }

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
      db.exec(
        `CREATE TABLE ${this.#dict} (facet INTEGER, value TEXT, k INTEGER, PRIMARY KEY (facet, value)) WITHOUT ROWID`,
      );
      this.#changesSeen = lastChange;
      this.#load(db, 0, maxId);
      this.#isLoaded = true;
      return;
    }
    if (lastChange > this.#changesSeen) {
      const changed = this.#statement(
        db,
        'SELECT DISTINCT article_id FROM search_changes WHERE seq > ? AND article_id <= ? ORDER BY 1',
      )
        .pluck()
        .all(this.#changesSeen, this.#loadedTo) as number[];
      this.#changesSeen = lastChange;
      for (const id of changed) this.#loadRange(db, [id - 1, id]);
      if (changed.length > 0) this.#refreshCountries(db);
    }
    if (maxId > this.#loadedTo) this.#load(db, this.#loadedTo, maxId);
  }

  /**
   * Reads the articles with ids in (from, to], a chunk at a time, to bound memory. Many articles learn every
   * facet value first, from the value indexes (a few distinct keys each); a few learn their own values.
   */
  #load(db: Database.Database, from: number, to: number): void {
    this.#grow(to + 1);
    const isBulk = to - from > this.#smallRange;
    if (isBulk) {
      const insert = this.#statement(db, `INSERT INTO ${this.#dict} (facet, value, k) VALUES (?, ?, ?)`);
      for (const facet of [this.#source, this.#section, this.#country, this.#plover, this.#actor]) {
        const { everyValue } = this.#sql[facet.dictionary.facet]!;
        facet.dictionary.learn(this.#statement(db, everyValue).pluck().all() as Array<string | null>, insert);
      }
    }
    for (let start = from; start < to; start += LOAD_CHUNK) {
      this.#loadRange(db, [start, Math.min(to, start + LOAD_CHUNK)], isBulk);
    }
    this.#loadedTo = to;
    this.#refreshCountries(db);
  }

  /**
   * (Re)reads the postings of the articles with ids in the range: those stored before are cleared first (a
   * rewritten article may have lost values), those gone are dropped.
   */
  #loadRange(db: Database.Database, range: Range, isLearnt = false): void {
    const [from, to] = range;
    for (let id = from + 1; id <= to; id++) if (this.#isPresent[id] === 1) this.#clear(id);
    const present = this.#statement(db, 'SELECT id FROM articles INDEXED BY articles_facets WHERE id > ? AND id <= ?')
      .pluck()
      .all(from, to) as number[];
    for (const id of present) {
      this.#isPresent[id] = 1;
      this.#articles++;
    }
    this.#readSingle(db, this.#source, range, isLearnt);
    this.#readSingle(db, this.#section, range, isLearnt);
    this.#readMulti(db, this.#country, range, isLearnt);
    this.#readMulti(db, this.#plover, range, isLearnt);
    this.#readMulti(db, this.#actor, range, isLearnt);
  }

  /** The range's postings of one facet, after teaching its dictionary the values it holds (unless learnt). */
  #postings(db: Database.Database, dictionary: Dictionary, range: Range, isLearnt: boolean): number[] {
    const { values, postings } = this.#sql[dictionary.facet]!;
    const params = dictionary.facet === ACTOR ? [...range, ...range] : range;
    if (!isLearnt) {
      const insert = this.#statement(db, `INSERT INTO ${this.#dict} (facet, value, k) VALUES (?, ?, ?)`);
      dictionary.learn(
        this.#statement(db, values)
          .pluck()
          .all(...params) as Array<string | null>,
        insert,
      );
    }
    return this.#statement(db, postings)
      .pluck()
      .all(...params) as number[];
  }

  #readSingle(db: Database.Database, facet: SingleValued, range: Range, isLearnt: boolean): void {
    for (const posting of this.#postings(db, facet.dictionary, range, isLearnt)) {
      const id = Math.floor(posting / KEY);
      facet.set(id, posting - id * KEY);
    }
  }

  #readMulti(db: Database.Database, facet: MultiValued, range: Range, isLearnt: boolean): void {
    const postings = this.#postings(db, facet.dictionary, range, isLearnt);
    const ids = new Int32Array(postings.length);
    let first = 0;
    for (let k = 0; k <= postings.length; k++) {
      const article = k < postings.length ? Math.floor(postings[k]! / KEY) : -1;
      if (k > first && article !== Math.floor(postings[first]! / KEY)) {
        facet.set(Math.floor(postings[first]! / KEY), ids, first, k);
        first = k;
      }
      if (k < postings.length) ids[k] = postings[k]! - article * KEY;
    }
  }

  /** 1 for each article id that is stored. */
  #isPresent = new Uint8Array(0);

  #grow(size: number): void {
    this.#source.grow(size);
    this.#section.grow(size);
    this.#country.grow(size);
    this.#plover.grow(size);
    this.#actor.grow(size);
    this.#isPresent = grown(this.#isPresent, size);
  }

  /** Removes one article's postings. */
  #clear(id: number): void {
    this.#source.set(id, -1);
    this.#section.set(id, -1);
    this.#country.forget(id);
    this.#plover.forget(id);
    this.#actor.forget(id);
    this.#isPresent[id] = 0;
    this.#articles--;
  }

  /** Codes and names of the country entities (a later article may add one or fill in a code). */
  #refreshCountries(db: Database.Database): void {
    const rows = this.#statement(
      db,
      `SELECT id, code, name FROM entities WHERE id GLOB 'country:*' AND code IS NOT NULL`,
    )
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
