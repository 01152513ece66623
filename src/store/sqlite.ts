/** The default Store: one SQLite file (better-sqlite3, WAL), full text by FTS5 with bm25 ranking and snippets. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Analysis } from '../analysis.js';
import type {
  CaptureRecord,
  EntityFilter,
  EntityMention,
  EventFilter,
  FailureRecord,
  IngestItem,
  PutCaptureResult,
  SearchHit,
  SearchQuery,
  SearchResult,
  Store,
  StoredArticle,
  StoredEntity,
  StoredEvent,
  StoredTransfer,
  StoreStats,
  Alert,
  AlertInput,
  EventCredibility,
  OutletRecord,
  Story,
  StoryArticle,
  StoryDraft,
  StoryFeatureFilter,
  StoryFeatureRow,
  StoryFilter,
  StorySummary,
  WatchItem,
  WatchState,
} from '../store.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { AnswerCache } from './answer-cache.js';
import { addTallies, FacetIndex, type FacetTally } from './facet-index.js';
import { dayOf, likeLiteral, markSnippet, parseQuery, toFts5, type Fts5Query } from './query.js';
import { CAPTURE_COLUMNS, parseJson, toAlert, toCapture, toEvent, type Row } from './rows.js';

/** Hits a search returns when the caller does not say (and the most it may ask for). */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;
/**
 * Facets count every match up to this many (the newest ones when more match; the answer says so in
 * `facetSample` and `facetsCounted`). Listing an id and counting its facets costs ~0.1 µs in the postings but
 * ~0.3 µs to read it from FTS5, so 20,000 matches cost a few milliseconds; the total stays exact beyond.
 */
export const FACET_BOUND = 20_000;
/**
 * Relevance ranks a word's newest this many matches (by storage order): bm25 over 60,000 matches costs ~30 ms
 * of CPU, over 10,000 about 5 ms, over 2,500 about 1.5 ms. A desk reads the newest reporting first, and a word
 * common enough to pass this many matches needs other words or filters to be useful anyway. Rarer words are
 * ranked among all their matches.
 */
const RANK_WINDOW = 2_500;
/** Answers kept for repeated searches (the desk's facets, paging back, saved alerts): a few hundred small objects. */
const ANSWER_CACHE_SIZE = 256;
/**
 * A cached answer is made again after this long (its relevance page is ranked again with new matches anyway, see
 * RERANK_MS; this bounds how long scores computed with older word statistics may stand), and after this many new
 * matches (adding them one by one no longer pays).
 */
const ANSWER_MAX_AGE_MS = 600_000;
const MAX_NEW_MATCHES = 2_000;
/** Articles the recent full-text index holds before it starts again (see SqliteStore.#followRecent). */
const MAX_RECENT = 20_000;
/**
 * A page ranked by relevance is ranked again, with the articles stored since, at most every 10 s: ranking a
 * common word costs a few milliseconds (its whole list is read), so a desk searching while feeds pour in would
 * otherwise pay it at every search. Totals, facets and date-sorted pages follow every new article at once.
 */
const RERANK_MS = 10_000;
/**
 * ...and no more often than this many times its own cost: ranking a word in a million articles reads its whole
 * list for bm25's document frequency (FTS5 counts it at every ranking, ~100 ms), so such a page takes in new
 * matches every minute or so, keeping re-ranking under 1/500 of a worker's time per query.
 */
const RERANK_COST_RATIO = 500;
/** Title matches weigh more than body matches in bm25. */
const TITLE_WEIGHT = 4.0;

export interface SqliteStoreOptions {
  isReadonly?: boolean;
  /**
   * Most memory the connection's page cache may hold, in KiB (SQLite's default here is 16,000: better-sqlite3's
   * build). Each connection has its own cache, and each of a server's threads its own connection, so a server
   * bounds the caches of its workers; pages not cached are read again from the operating system's file cache.
   */
  cacheKb?: number;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file, { readonly: options.isReadonly === true });
    // Writers wait up to 5 s for each other (set first: switching to WAL needs the lock too). Every write
    // transaction is BEGIN IMMEDIATE: a deferred one that reads first and then writes cannot wait (SQLITE_BUSY
    // at once) when another process wrote in between.
    this.db.pragma('busy_timeout = 5000');
    if (!options.isReadonly) {
      this.db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode survives a killed process (not a power cut), and is several times faster.
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('foreign_keys = ON');
    if (options.cacheKb !== undefined) this.db.pragma(`cache_size = ${-Math.max(64, Math.round(options.cacheKb))}`);
  }

  async migrate(): Promise<void> {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)',
    );
    const done = new Set(
      (this.db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map(
        (r) => r.version,
      ),
    );
    for (const migration of SQLITE_MIGRATIONS) {
      if (done.has(migration.version)) continue;
      this.db
        .transaction(() => {
          // Another process may have applied it while this one waited for the write lock.
          if (this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version)) return;
          this.db.exec(migration.sql);
          this.db
            .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
            .run(migration.version, migration.name, new Date().toISOString());
        })
        .immediate();
    }
  }

  async findCapture(sha256: string): Promise<CaptureRecord | null> {
    const row = this.db.prepare(`SELECT ${CAPTURE_COLUMNS} FROM captures WHERE sha256 = ?`).get(sha256) as
      Row | undefined;
    return row ? toCapture(row) : null;
  }

  async getCapture(id: number): Promise<CaptureRecord | null> {
    const row = this.db.prepare(`SELECT ${CAPTURE_COLUMNS} FROM captures WHERE id = ?`).get(id) as Row | undefined;
    return row ? toCapture(row) : null;
  }

  async getCaptureBytes(id: number): Promise<Buffer | null> {
    const row = this.db.prepare('SELECT bytes FROM captures WHERE id = ?').get(id) as { bytes: Buffer } | undefined;
    return row?.bytes ?? null;
  }

  async listCaptureIds(): Promise<number[]> {
    return (this.db.prepare('SELECT id FROM captures ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  }

  async articleIdOf(captureId: number): Promise<number | null> {
    const row = this.#prepared('SELECT id FROM articles WHERE capture_id = ?').get(captureId) as
      { id: number } | undefined;
    return row?.id ?? null;
  }

  async analysisVersion(captureId: number): Promise<string | null> {
    const row = this.db.prepare('SELECT pipeline_version FROM articles WHERE capture_id = ?').get(captureId) as
      { pipeline_version: string } | undefined;
    return row?.pipeline_version ?? null;
  }

  async putIngest(item: IngestItem): Promise<PutCaptureResult & { articleId: number | null }> {
    return this.db
      .transaction(() => {
        const existing = this.db.prepare('SELECT id FROM captures WHERE sha256 = ?').get(item.capture.sha256) as
          { id: number } | undefined;
        let id: number;
        if (existing) id = existing.id;
        else {
          const c = item.capture;
          id = Number(
            this.db
              .prepare(
                `INSERT INTO captures (sha256, size, media_type, origin, url, captured_at, is_gzipped, bytes)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(c.sha256, c.size, c.mediaType, c.origin, item.url, c.capturedAt, c.isGzipped ? 1 : 0, item.bytes)
              .lastInsertRowid,
          );
        }
        let articleId: number | null = null;
        if (item.analysis) articleId = this.#writeAnalysis(id, item.analysis, item.pipelineVersion);
        if (item.failure)
          this.#writeFailure({
            origin: item.capture.origin,
            sha256: item.capture.sha256,
            ...item.failure,
            at: new Date().toISOString(),
          });
        return { id, isNew: !existing, articleId };
      })
      .immediate();
  }

  async putAnalysis(captureId: number, analysis: Analysis, pipelineVersion: string): Promise<number> {
    return this.db.transaction(() => this.#writeAnalysis(captureId, analysis, pipelineVersion)).immediate();
  }

  async recordFailure(failure: FailureRecord): Promise<void> {
    this.#writeFailure(failure);
  }

  async listFailures(limit = 100): Promise<FailureRecord[]> {
    return this.db
      .prepare('SELECT origin, sha256, code, message, at FROM failures ORDER BY id DESC LIMIT ?')
      .all(limit) as FailureRecord[];
  }

  #writeFailure(f: FailureRecord): void {
    this.db
      .prepare('INSERT INTO failures (origin, sha256, code, message, at) VALUES (?, ?, ?, ?, ?)')
      .run(f.origin, f.sha256, f.code, f.message, f.at);
  }

  /**
   * Replaces the article and everything derived from it for one capture, in named phases: the article row (kept
   * id when it existed), then its mentions, events and transfers. Runs inside the caller's transaction.
   */
  #writeAnalysis(captureId: number, analysis: Analysis, pipelineVersion: string): number {
    const articleId = this.#writeArticleRow(captureId, analysis, pipelineVersion);
    this.#writeMentions(articleId, analysis);
    this.#writeEvents(articleId, analysis);
    this.#writeTransfers(articleId, analysis);
    return articleId;
  }

  /** Inserts or updates the article row; an existing one loses its derived rows, to be written again. */
  #writeArticleRow(captureId: number, analysis: Analysis, pipelineVersion: string): number {
    const a = analysis.article;
    const old = this.#prepared('SELECT id FROM articles WHERE capture_id = ?').get(captureId) as
      { id: number } | undefined;
    const values = [
      a.title,
      a.text,
      a.publisher,
      a.source,
      a.section,
      a.byline,
      a.published,
      dayOf(a.published),
      a.language,
      a.url,
      pipelineVersion,
      new Date().toISOString(),
      JSON.stringify(analysis),
    ];
    if (!old) {
      return Number(
        this.#prepared(
          `INSERT INTO articles (title, text, publisher, source, section, byline, published, published_day,
           language, url, pipeline_version, analyzed_at, analysis, capture_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(...values, captureId).lastInsertRowid,
      );
    }
    for (const table of ['mentions', 'events', 'transfers'])
      this.#prepared(`DELETE FROM ${table} WHERE article_id = ?`).run(old.id);
    this.#prepared(
      `UPDATE articles SET title=?, text=?, publisher=?, source=?, section=?, byline=?, published=?, published_day=?,
       language=?, url=?, pipeline_version=?, analyzed_at=?, analysis=? WHERE id=?`,
    ).run(...values, old.id);
    return old.id;
  }

  #writeMentions(articleId: number, analysis: Analysis): void {
    const upsertEntity = this.#prepared(
      `INSERT INTO entities (id, name, type, code, lat, lon) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET code = COALESCE(entities.code, excluded.code),
         lat = COALESCE(entities.lat, excluded.lat), lon = COALESCE(entities.lon, excluded.lon)`,
    );
    const insertMention = this.#prepared(
      `INSERT OR REPLACE INTO mentions (article_id, entity_id, name, role, affiliation, count, first_start)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of analysis.entities) {
      upsertEntity.run(e.id, e.name, e.type, e.code, e.lat, e.lon);
      insertMention.run(articleId, e.id, e.name, e.role, e.affiliation, e.mentions.length, e.mentions[0]?.start ?? 0);
    }
  }

  #writeEvents(articleId: number, analysis: Analysis): void {
    const insertEvent = this.#prepared(
      `INSERT INTO events (article_id, cameo, root, plover, quad_class, goldstein, source_name, source_code, target_name,
       target_code, date, precision, modality, quantities, location_name, lat, lon, speaker, via, evidence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of analysis.events) {
      insertEvent.run(
        articleId,
        e.cameo,
        e.cameo.slice(0, 2),
        e.plover,
        e.quadClass ?? null,
        e.goldstein ?? null,
        e.source?.name ?? null,
        e.source?.code ?? null,
        e.target?.name ?? null,
        e.target?.code ?? null,
        e.date,
        e.precision,
        e.modality,
        JSON.stringify(e.quantities),
        e.location?.name ?? null,
        e.location?.lat ?? null,
        e.location?.lon ?? null,
        e.attribution.speaker,
        JSON.stringify(e.attribution.via),
        JSON.stringify(e.evidence),
      );
    }
  }

  #writeTransfers(articleId: number, analysis: Analysis): void {
    const insertTransfer = this.#prepared(
      `INSERT INTO transfers (article_id, supplier, recipient, items, status, date, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of analysis.transfers) {
      insertTransfer.run(
        articleId,
        t.supplier,
        t.recipient,
        JSON.stringify(t.items),
        t.status,
        t.date,
        JSON.stringify(t.evidence),
      );
    }
  }

  /**
   * Full-text search in named phases, in one read transaction (one snapshot): bring the facet postings up to date;
   * take the cached answer for this query when no article was rewritten since, and add to it the articles stored
   * since (their matches, facets and place on the page); else answer in full: list the matching ids newest first
   * (up to FACET_BOUND) with the exact total, rank or sort the page, and tally facets over the listed ids. Then
   * read the rows and snippets of the page's hits not read before.
   */
  async search(query: SearchQuery): Promise<SearchResult> {
    const plan = planSearch(query);
    return this.db.transaction(() => {
      const index = this.#facetIndex;
      index.refresh(this.db);
      this.#followRecent(index);
      let answer = this.#answers.get(plan.key);
      if (!answer || !this.#isFresh(answer, index) || !this.#addNewArticles(plan, index, answer)) {
        answer = this.#answerInFull(plan, index);
        this.#answers.set(plan.key, answer);
      }
      return this.#result(plan, index, answer);
    })();
  }

  /** Facet postings, loaded on the first search and followed by every later one. */
  readonly #facetIndex = new FacetIndex();
  /** Recent answers by query, brought up to date as articles are added, dropped when one is rewritten. */
  readonly #answers = new AnswerCache<CachedAnswer>(ANSWER_CACHE_SIZE);

  #isFresh(answer: CachedAnswer, index: FacetIndex): boolean {
    return (
      answer.changesSeen === index.changesSeen &&
      answer.loadedTo >= this.#recent.from &&
      Date.now() - answer.madeAt < ANSWER_MAX_AGE_MS
    );
  }

  /**
   * The articles stored since the facet index was loaded, also in a small full-text index of this connection's own
   * (temp.recent_fts, same tokenizer): a cached answer learns which new articles match from it in microseconds,
   * where touching a common word's list in the big index costs milliseconds. Emptied when it grows past
   * MAX_RECENT or an article is rewritten; answers older than what it holds are then made again.
   */
  readonly #recent = { from: -1, to: -1, changesSeen: -1 };

  #followRecent(index: FacetIndex): void {
    const recent = this.#recent;
    if (recent.from < 0) {
      this.db.exec(
        `CREATE VIRTUAL TABLE IF NOT EXISTS temp.recent_fts USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')`,
      );
    }
    if (recent.from < 0 || recent.changesSeen !== index.changesSeen || index.loadedTo - recent.from > MAX_RECENT) {
      this.#prepared('DELETE FROM temp.recent_fts').run();
      recent.from = recent.to = index.loadedTo;
      recent.changesSeen = index.changesSeen;
      return;
    }
    if (recent.to >= index.loadedTo) return;
    this.#prepared(
      'INSERT INTO temp.recent_fts (rowid, title, text) SELECT id, title, text FROM main.articles WHERE id > ? AND id <= ?',
    ).run(recent.to, index.loadedTo);
    recent.to = index.loadedTo;
  }

  #answerInFull(plan: SearchPlan, index: FacetIndex): CachedAnswer {
    const matches = this.#matchingIds(plan, 0, FACET_BOUND);
    const rankStarted = performance.now();
    const top = this.#rankedTop(plan, matches.ids);
    return {
      loadedTo: index.loadedTo,
      changesSeen: index.changesSeen,
      madeAt: Date.now(),
      total: matches.ids ? matches.total : index.articleCount,
      counted: matches.ids?.length ?? index.articleCount,
      tally: matches.ids ? index.tally(matches.ids) : null,
      top,
      newest: matches.ids?.slice(0, RANK_WINDOW) ?? [],
      rankedAt: Date.now(),
      rankMs: performance.now() - rankStarted,
      isRankStale: false,
      hits: new Map(),
    };
  }

  /**
   * Adds the articles stored since the answer was made: their matches to the total, the facets and a page sorted
   * by date. A page ranked by relevance takes them in when it is ranked again, at most every RERANK_MS (or
   * RERANK_COST_RATIO times the ranking's cost). False
   * when the answer must be made again (every article matches, or too many new ones).
   */
  #addNewArticles(plan: SearchPlan, index: FacetIndex, answer: CachedAnswer): boolean {
    if (answer.loadedTo === index.loadedTo) return true;
    if (!answer.tally) return false;
    const fresh = this.#matchingIds(plan, answer.loadedTo, MAX_NEW_MATCHES);
    if (!fresh.ids || fresh.ids.length > MAX_NEW_MATCHES) return false;
    answer.loadedTo = index.loadedTo;
    if (fresh.ids.length > 0) {
      answer.total += fresh.ids.length;
      answer.counted += fresh.ids.length;
      answer.tally = addTallies(answer.tally, index.tally(fresh.ids));
      answer.newest = [...fresh.ids, ...answer.newest].slice(0, RANK_WINDOW);
      answer.isRankStale = true;
    }
    if (!answer.isRankStale) return true;
    if (!plan.isRanked) {
      const dated = this.#prepared(
        'SELECT id, NULL AS score, published_day AS day FROM articles WHERE id IN (SELECT value FROM json_each(?))',
      ).all(JSON.stringify(fresh.ids)) as RankedId[];
      answer.top = [...answer.top, ...dated].sort(byDay).slice(0, plan.offset + plan.limit);
      answer.isRankStale = false;
    } else if (Date.now() - answer.rankedAt >= Math.max(RERANK_MS, RERANK_COST_RATIO * answer.rankMs)) {
      const rankStarted = performance.now();
      answer.top = this.#rankedTop(plan, answer.newest);
      answer.rankMs = performance.now() - rankStarted;
      answer.rankedAt = Date.now();
      answer.isRankStale = false;
    }
    return true;
  }

  /**
   * The ids that match, newest (highest id) first, at most `bound` of them (one more tells there are more), above
   * `minId`, and the exact total. Null ids: every stored article matches (no words, no filter).
   */
  #matchingIds(plan: SearchPlan, minId: number, bound: number): { ids: number[] | null; total: number } {
    const { fts, sets } = plan;
    if (!fts.match && !fts.exclude && sets.length === 0) return { ids: null, total: 0 };
    // Articles above the recent index's start are all in it (see #followRecent).
    const table = minId > 0 && minId >= this.#recent.from ? 'recent_fts' : 'articles_fts';
    const excluded = `SELECT rowid FROM ${table} WHERE ${table} MATCH ?`;
    const excludedParams = fts.exclude ? [fts.exclude] : [];
    let listSql: string;
    let countSql: string;
    let params: unknown[];
    if (fts.match) {
      const where = [
        `${table} MATCH ? AND rowid > ?`,
        ...sets.map((set) => `+rowid IN (${set.sql})`),
        ...(fts.exclude ? [`+rowid NOT IN (${excluded})`] : []),
      ].join(' AND ');
      listSql = `SELECT rowid FROM ${table} WHERE ${where} ORDER BY rowid DESC LIMIT ?`;
      countSql = `SELECT count(*) FROM ${table} WHERE ${where}`;
      params = [fts.match, minId, ...bindSets(sets, minId), ...excludedParams];
    } else {
      const [first, ...rest] = sets;
      const from = first ? `(${first.sql})` : 'articles INDEXED BY articles_facets';
      const where = [
        ...(first ? [] : ['id > ?']),
        ...rest.map((set) => `id IN (${set.sql})`),
        ...(fts.exclude ? [`id NOT IN (${excluded})`] : []),
      ];
      const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      listSql = `SELECT id FROM ${from} ${whereSql} ORDER BY id DESC LIMIT ?`;
      countSql = `SELECT count(*) FROM ${from} ${whereSql}`;
      params = [...(first ? bindSets([first], minId) : [minId]), ...bindSets(rest, minId), ...excludedParams];
    }
    const ids = this.#prepared(listSql)
      .pluck()
      .all(...params, bound + 1) as number[];
    if (ids.length <= bound) return { ids, total: ids.length };
    ids.length = bound;
    return {
      ids,
      total: this.#prepared(countSql)
        .pluck()
        .get(...params) as number,
    };
  }

  /** The best offset + limit matches in answer order: by bm25 score when ranked, else newest first by day. */
  #rankedTop(plan: SearchPlan, newestIds: number[] | null): RankedId[] {
    const { fts, sets } = plan;
    const want = plan.offset + plan.limit;
    if (plan.isRanked && fts.match) {
      // bm25() ordered by SQLite honours the rowid bound (FTS5's own rank ordering does not), so a word in half
      // the store is ranked among its RANK_WINDOW newest matches only.
      const bound = newestIds && newestIds.length >= RANK_WINDOW ? newestIds[RANK_WINDOW - 1]! : 0;
      const filtered = sets.map((set) => `AND +articles_fts.rowid IN (${set.sql})`).join(' ');
      return this.#prepared(
        `SELECT rowid AS id, bm25(articles_fts, ${TITLE_WEIGHT}, 1.0) AS score, NULL AS day FROM articles_fts
         WHERE articles_fts MATCH ? AND rowid >= ? ${filtered} ORDER BY score, rowid DESC LIMIT ?`,
      ).all(fts.match, bound, ...bindSets(sets, 0), want) as RankedId[];
    }
    // Newest first on articles_day_id, which holds both the day and the id: no article row is read to sort.
    // A date range bounds the walk on that index too: without it SQLite looks each of the range's ids up in the
    // index under every day (a skip-scan, days x ids: 15 s of CPU for a quarter of a million-article store).
    const dayBounds = [...(plan.days.from !== null ? ['a.published_day >= ?'] : []), ...(plan.days.to !== null ? ['a.published_day <= ?'] : [])];
    const conditions = [
      ...dayBounds,
      ...(fts.match ? ['a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)'] : []),
      ...sets.map((set) => `a.id IN (${set.sql})`),
      ...(fts.exclude ? ['a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)'] : []),
    ];
    const whereSql = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.#prepared(
      `SELECT a.id AS id, NULL AS score, a.published_day AS day FROM articles a INDEXED BY articles_day_id ${whereSql}
       ORDER BY a.published_day DESC, a.id DESC LIMIT ?`,
    ).all(
      ...(plan.days.from !== null ? [plan.days.from] : []),
      ...(plan.days.to !== null ? [plan.days.to] : []),
      ...(fts.match ? [fts.match] : []),
      ...bindSets(sets, 0),
      ...(fts.exclude ? [fts.exclude] : []),
      want,
    ) as RankedId[];
  }

  /** The answer as the caller sees it; hits not read before are read now, those off the page forgotten. */
  #result(plan: SearchPlan, index: FacetIndex, answer: CachedAnswer): SearchResult {
    const page = answer.top.slice(plan.offset, plan.offset + plan.limit);
    const missing = page.filter((p) => !answer.hits.has(p.id));
    if (missing.length > 0) {
      for (const hit of this.#readHits(plan, missing)) answer.hits.set(hit.id, hit);
    }
    const onPage = new Set(page.map((p) => p.id));
    for (const id of answer.hits.keys()) if (!onPage.has(id)) answer.hits.delete(id);
    return {
      total: answer.total,
      hits: page.map((p) => answer.hits.get(p.id)!),
      facets: index.format(answer.tally),
      facetSample: FACET_BOUND,
      facetsCounted: answer.counted,
    };
  }

  /** Rows and snippets of these hits, in their order. */
  #readHits(plan: SearchPlan, page: RankedId[]): SearchHit[] {
    if (page.length === 0) return [];
    const pageIds = JSON.stringify(page.map((r) => r.id));
    const rows = new Map(
      (
        this.#prepared(
          `SELECT id, title, source, publisher, section, published, url, substr(text, 1, 240) AS lead,
             instr(text, char(1)) + instr(text, char(2)) > 0 AS has_markers
           FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
        ).all(pageIds) as Row[]
      ).map((r) => [r['id'] as number, r]),
    );
    const snippets = new Map<number, string>();
    if (plan.fts.match) {
      const found = this.#prepared(
        `SELECT rowid AS id, snippet(articles_fts, 1, char(1), char(2), '…', 24) AS snippet FROM articles_fts
         WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
      ).all(plan.fts.match, pageIds) as Array<{ id: number; snippet: string }>;
      for (const f of found) snippets.set(f.id, f.snippet);
    }
    return page.map((p) => {
      const r = rows.get(p.id) ?? {};
      const snippet = snippets.get(p.id);
      return {
        id: p.id,
        title: (r['title'] as string | null) ?? null,
        source: (r['source'] as string | null) ?? null,
        publisher: (r['publisher'] as string | null) ?? null,
        section: (r['section'] as string | null) ?? null,
        published: (r['published'] as string | null) ?? null,
        url: (r['url'] as string | null) ?? null,
        snippet:
          snippet === undefined
            ? markSnippet(typeof r['lead'] === 'string' ? r['lead'] : '', false)
            : markSnippet(snippet, r['has_markers'] !== 1),
        score: p.score,
      };
    });
  }

  async getArticle(id: number): Promise<StoredArticle | null> {
    const row = this.db
      .prepare(
        `SELECT a.id, a.capture_id, c.sha256, c.origin, a.pipeline_version, a.analyzed_at, a.analysis
         FROM articles a JOIN captures c ON c.id = a.capture_id WHERE a.id = ?`,
      )
      .get(id) as Row | undefined;
    if (!row) return null;
    return {
      id: row['id'] as number,
      captureId: row['capture_id'] as number,
      sha256: row['sha256'] as string,
      origin: row['origin'] as string,
      pipelineVersion: row['pipeline_version'] as string,
      analyzedAt: row['analyzed_at'] as string,
      analysis: parseJson<Analysis>(row['analysis']),
    };
  }

  async listEvents(filter: EventFilter = {}): Promise<StoredEvent[]> {
    const { where, params } = eventWhere(filter, 'v');
    const rows = this.db
      .prepare(
        `SELECT v.*, a.title AS article_title, a.url AS article_url, a.published AS article_published,
           COALESCE(a.source, a.publisher) AS article_source, a.analyzed_at
         FROM events v JOIN articles a ON a.id = v.article_id ${where}
         ORDER BY v.date DESC NULLS LAST, v.id LIMIT ? OFFSET ?`,
      )
      .all(...params, filter.limit ?? 10000, filter.offset ?? 0) as Row[];
    return rows.map(toEvent);
  }

  async listTransfers(filter: EventFilter = {}): Promise<StoredTransfer[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.since) addClause(where, params, 't.date >= ?', filter.since);
    if (filter.until) addClause(where, params, 't.date <= ?', filter.until);
    if (filter.actor) {
      where.push(`(t.supplier LIKE ? ESCAPE '\\' OR t.recipient LIKE ? ESCAPE '\\')`);
      params.push(`${likeLiteral(filter.actor)}%`, `${likeLiteral(filter.actor)}%`);
    }
    if (filter.articleId !== undefined) addClause(where, params, 't.article_id = ?', filter.articleId);
    const rows = this.db
      .prepare(
        `SELECT t.*, a.title AS article_title, COALESCE(a.source, a.publisher) AS article_source,
           a.published AS article_published
         FROM transfers t JOIN articles a ON a.id = t.article_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.date DESC NULLS LAST, t.id LIMIT ? OFFSET ?`,
      )
      .all(...params, filter.limit ?? 10000, filter.offset ?? 0) as Row[];
    return rows.map((r) => ({
      id: r['id'] as number,
      articleId: r['article_id'] as number,
      supplier: (r['supplier'] as string | null) ?? null,
      recipient: (r['recipient'] as string | null) ?? null,
      items: parseJson<StoredTransfer['items']>(r['items']),
      status: r['status'] as StoredTransfer['status'],
      date: (r['date'] as string | null) ?? null,
      evidence: parseJson<StoredTransfer['evidence']>(r['evidence']),
      articleTitle: (r['article_title'] as string | null) ?? null,
      articleSource: (r['article_source'] as string | null) ?? null,
      articlePublished: (r['article_published'] as string | null) ?? null,
    }));
  }

  async listEntities(filter: EntityFilter = {}): Promise<StoredEntity[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.type) addClause(where, params, 'e.type = ?', filter.type);
    if (filter.q) {
      where.push(`(e.name LIKE ? ESCAPE '\\' OR e.code = ?)`);
      params.push(`%${likeLiteral(filter.q)}%`, filter.q.toUpperCase());
    }
    return this.db
      .prepare(
        `${ENTITY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        GROUP BY e.id ORDER BY articleCount DESC, e.name LIMIT ? OFFSET ?`,
      )
      .all(...params, filter.limit ?? 100, filter.offset ?? 0) as StoredEntity[];
  }

  async getEntity(id: string): Promise<StoredEntity | null> {
    const row = this.db.prepare(`${ENTITY_SELECT} WHERE e.id = ? GROUP BY e.id`).get(id) as StoredEntity | undefined;
    return row ?? null;
  }

  async entityMentions(id: string, limit = 200): Promise<EntityMention[]> {
    return this.db
      .prepare(
        `SELECT m.article_id AS articleId, a.title, a.published, m.name, m.role, m.count
         FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?
         ORDER BY a.published_day DESC NULLS LAST LIMIT ?`,
      )
      .all(id, limit) as EntityMention[];
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string): number =>
      (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      captures: count('captures'),
      articles: count('articles'),
      events: count('events'),
      transfers: count('transfers'),
      entities: count('entities'),
      failures: count('failures'),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // ---- Monitoring: watch state, stories, outlets, event credibility, alerts ----

  /** Prepared statements of the monitoring methods, by SQL: the watcher calls them per feed item. */
  readonly #statements = new Map<string, Database.Statement>();

  #prepared(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  async getWatchState(sourceKey: string): Promise<WatchState | null> {
    const r = this.#prepared('SELECT * FROM watch_sources WHERE source_key = ?').get(sourceKey) as Row | undefined;
    if (!r) return null;
    const str = (k: string): string | null => (r[k] as string | null) ?? null;
    return {
      sourceKey,
      etag: str('etag'),
      lastModified: str('last_modified'),
      lastPolledAt: str('last_polled_at'),
      lastStatus: str('last_status'),
      lastError: str('last_error'),
    };
  }

  async putWatchState(s: WatchState): Promise<void> {
    this.#prepared(
      `INSERT OR REPLACE INTO watch_sources (source_key, etag, last_modified, last_polled_at, last_status, last_error)
         VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(s.sourceKey, s.etag, s.lastModified, s.lastPolledAt, s.lastStatus, s.lastError);
  }

  async getWatchItem(sourceKey: string, itemId: string): Promise<WatchItem | null> {
    const r = this.#prepared('SELECT * FROM watch_items WHERE source_key = ? AND item_id = ?').get(
      sourceKey,
      itemId,
    ) as Row | undefined;
    if (!r) return null;
    return {
      sourceKey,
      itemId,
      url: (r['url'] as string | null) ?? null,
      status: r['status'] as WatchItem['status'],
      attempts: r['attempts'] as number,
      articleId: (r['article_id'] as number | null) ?? null,
      seenAt: r['seen_at'] as string,
    };
  }

  async isUrlWatched(url: string): Promise<boolean> {
    return (
      this.#prepared(`SELECT 1 FROM watch_items WHERE url = ? AND status = 'ingested' LIMIT 1`).get(url) !== undefined
    );
  }

  async putWatchItem(i: WatchItem): Promise<void> {
    this.#prepared(
      `INSERT OR REPLACE INTO watch_items (source_key, item_id, url, status, attempts, article_id, seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(i.sourceKey, i.itemId, i.url, i.status, i.attempts, i.articleId, i.seenAt);
  }

  async putStoryFeatures(articleId: number, day: string | null, features: unknown): Promise<void> {
    this.#prepared(
      `INSERT INTO story_features (article_id, day, features) VALUES (?, ?, ?)
         ON CONFLICT(article_id) DO UPDATE SET day = excluded.day, features = excluded.features`,
    ).run(articleId, day, JSON.stringify(features));
  }

  async listStoryFeatures(filter: StoryFeatureFilter = {}): Promise<StoryFeatureRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.since) {
      where.push('(day >= ? OR day IS NULL)');
      params.push(filter.since);
    }
    if (filter.until) {
      where.push('(day <= ? OR day IS NULL)');
      params.push(filter.until);
    }
    if (filter.articleIds) {
      where.push(`article_id IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(filter.articleIds));
    }
    const rows = this.db
      .prepare(`SELECT * FROM story_features ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY article_id`)
      .all(...params) as Row[];
    return rows.map((r) => ({
      articleId: r['article_id'] as number,
      storyId: (r['story_id'] as number | null) ?? null,
      day: (r['day'] as string | null) ?? null,
      features: JSON.parse(r['features'] as string) as unknown,
    }));
  }

  async saveStories(drafts: StoryDraft[]): Promise<number[]> {
    return this.db
      .transaction(() => {
        const now = new Date().toISOString();
        const ids: number[] = [];
        const touched = new Set<number>();
        const storyOf = this.db.prepare('SELECT story_id FROM story_features WHERE article_id = ?');
        const assign = this.db.prepare('UPDATE story_features SET story_id = ? WHERE article_id = ?');
        for (const draft of drafts) {
          const previous = draft.articleIds
            .map((id) => (storyOf.get(id) as { story_id: number | null } | undefined)?.story_id ?? null)
            .filter((id): id is number => id !== null && !ids.includes(id));
          for (const id of previous) touched.add(id);
          let id = previous.length > 0 ? Math.min(...previous) : null;
          const values = [
            draft.headline,
            draft.firstSeen,
            draft.lastSeen,
            draft.articleIds.length,
            draft.outletCount,
            now,
          ];
          if (id === null) {
            id = Number(
              this.db
                .prepare(
                  `INSERT INTO stories (headline, first_seen, last_seen, article_count, outlet_count, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
                )
                .run(...values).lastInsertRowid,
            );
          } else {
            this.db
              .prepare(
                `UPDATE stories SET headline=?, first_seen=?, last_seen=?, article_count=?, outlet_count=?, updated_at=? WHERE id=?`,
              )
              .run(...values, id);
          }
          for (const articleId of draft.articleIds) assign.run(id, articleId);
          ids.push(id);
        }
        // Stories whose articles all moved to another story are gone.
        for (const id of touched) {
          if (
            !ids.includes(id) &&
            !this.db.prepare('SELECT 1 FROM story_features WHERE story_id = ? LIMIT 1').get(id)
          ) {
            this.db.prepare('DELETE FROM stories WHERE id = ?').run(id);
          }
        }
        this.db
          .prepare(
            'DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_features WHERE story_id IS NOT NULL)',
          )
          .run();
        return ids;
      })
      .immediate();
  }

  async listStories(filter: StoryFilter = {}): Promise<StorySummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.since) {
      where.push('substr(first_seen, 1, 10) >= ?');
      params.push(filter.since.slice(0, 10));
    }
    if (filter.until) {
      where.push('substr(first_seen, 1, 10) <= ?');
      params.push(filter.until.slice(0, 10));
    }
    if (filter.minOutlets !== undefined) {
      where.push('outlet_count >= ?');
      params.push(filter.minOutlets);
    }
    return this.db
      .prepare(
        `SELECT id, headline, first_seen AS firstSeen, last_seen AS lastSeen, article_count AS articleCount,
           outlet_count AS outletCount FROM stories ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY first_seen DESC NULLS LAST, id DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, Math.min(filter.limit ?? 100, MAX_LIMIT), filter.offset ?? 0) as StorySummary[];
  }

  async getStory(id: number): Promise<Story | null> {
    const summary = this.db
      .prepare(
        `SELECT id, headline, first_seen AS firstSeen, last_seen AS lastSeen, article_count AS articleCount,
           outlet_count AS outletCount FROM stories WHERE id = ?`,
      )
      .get(id) as StorySummary | undefined;
    if (!summary) return null;
    const articles = this.db
      .prepare(
        `SELECT a.id, a.title, json_extract(f.features, '$.outlet') AS outlet, a.source, a.published, a.url,
           a.language, c.origin, COALESCE(o.reliability, 'F') AS reliability
         FROM story_features f JOIN articles a ON a.id = f.article_id JOIN captures c ON c.id = a.capture_id
         LEFT JOIN outlets o ON o.name = json_extract(f.features, '$.outlet')
         WHERE f.story_id = ? ORDER BY a.published_day NULLS LAST, a.id`,
      )
      .all(id) as StoryArticle[];
    const credibility = new Map((await this.listEventCredibility({ storyId: id })).map((c) => [c.eventId, c]));
    const events = (
      this.db
        .prepare(
          `SELECT v.*, a.title AS article_title, a.url AS article_url, a.published AS article_published,
             COALESCE(a.source, a.publisher) AS article_source, a.analyzed_at
           FROM events v JOIN articles a ON a.id = v.article_id
           WHERE v.article_id IN (SELECT article_id FROM story_features WHERE story_id = ?) ORDER BY v.date NULLS LAST, v.id`,
        )
        .all(id) as Row[]
    ).map((r) => {
      const event = toEvent(r);
      return { ...event, credibility: credibility.get(event.id) ?? null };
    });
    const outlets = [...new Set(articles.map((a) => a.outlet).filter((o): o is string => o !== null))];
    return { ...summary, articles, outlets, events };
  }

  async putOutlets(outlets: OutletRecord[]): Promise<void> {
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM outlets').run();
        const insert = this.db.prepare(
          `INSERT OR REPLACE INTO outlets (name, host, reliability, kind, is_state_affiliated, is_wire_agency, is_official_body, grade_origin)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        for (const o of outlets) {
          insert.run(
            o.name,
            o.host,
            o.reliability,
            o.kind,
            o.isStateAffiliated ? 1 : 0,
            o.isWireAgency ? 1 : 0,
            o.isOfficialBody ? 1 : 0,
            o.gradeOrigin,
          );
        }
      })
      .immediate();
  }

  async listOutlets(): Promise<OutletRecord[]> {
    return (this.db.prepare('SELECT * FROM outlets ORDER BY name').all() as Row[]).map((r) => ({
      name: r['name'] as string,
      host: (r['host'] as string | null) ?? null,
      reliability: r['reliability'] as OutletRecord['reliability'],
      kind: (r['kind'] as string | null) ?? null,
      isStateAffiliated: r['is_state_affiliated'] === 1,
      isWireAgency: r['is_wire_agency'] === 1,
      isOfficialBody: r['is_official_body'] === 1,
      gradeOrigin: r['grade_origin'] as string,
    }));
  }

  async putEventCredibility(articleIds: number[], grades: EventCredibility[]): Promise<void> {
    this.db
      .transaction(() => {
        const remove = this.db.prepare('DELETE FROM event_credibility WHERE article_id = ?');
        for (const id of articleIds) remove.run(id);
        const insert = this.db.prepare(
          `INSERT OR REPLACE INTO event_credibility (event_id, article_id, story_id, grade, independent_sources, reason)
         SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM events WHERE id = ?)`,
        );
        for (const g of grades)
          insert.run(g.eventId, g.articleId, g.storyId, g.grade, g.independentSources, g.reason, g.eventId);
      })
      .immediate();
  }

  async listEventCredibility(filter: { storyId?: number; articleId?: number } = {}): Promise<EventCredibility[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.storyId !== undefined) {
      where.push('story_id = ?');
      params.push(filter.storyId);
    }
    if (filter.articleId !== undefined) {
      where.push('article_id = ?');
      params.push(filter.articleId);
    }
    return this.db
      .prepare(
        `SELECT event_id AS eventId, article_id AS articleId, story_id AS storyId, grade,
           independent_sources AS independentSources, reason
         FROM event_credibility ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY event_id`,
      )
      .all(...params) as EventCredibility[];
  }

  async putAlert(alert: AlertInput): Promise<number> {
    return Number(
      this.db
        .prepare('INSERT INTO alerts (name, query, email, digest, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(alert.name, JSON.stringify(alert.query), alert.email, alert.digest, new Date().toISOString())
        .lastInsertRowid,
    );
  }

  async listAlerts(): Promise<Alert[]> {
    return (this.db.prepare('SELECT * FROM alerts ORDER BY id').all() as Row[]).map(toAlert);
  }

  async getAlert(id: number): Promise<Alert | null> {
    const row = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as Row | undefined;
    return row ? toAlert(row) : null;
  }

  async deleteAlert(id: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM alerts WHERE id = ?').run(id).changes > 0;
  }

  async markAlertSent(id: number, at: string, lastArticleId: number): Promise<void> {
    this.db
      .prepare('UPDATE alerts SET last_sent_at = ?, last_article_id = max(last_article_id, ?) WHERE id = ?')
      .run(at, lastArticleId, id);
  }
}

const ENTITY_SELECT = `SELECT e.id, e.name, e.type, e.code, e.lat, e.lon,
  count(m.article_id) AS articleCount, COALESCE(sum(m.count), 0) AS mentionCount,
  min(a.published_day) AS firstSeen, max(a.published_day) AS lastSeen
  FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id LEFT JOIN articles a ON a.id = m.article_id`;

function eventWhere(filter: EventFilter, alias: string): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.since) addClause(where, params, `${alias}.date >= ?`, filter.since);
  if (filter.until) addClause(where, params, `${alias}.date <= ?`, filter.until);
  if (filter.eventType) {
    // Wildcards in the filter are matched as themselves (`%` is no type, `R_S` is no actor).
    where.push(`(${alias}.plover = ? OR ${alias}.cameo LIKE ? ESCAPE '\\')`);
    params.push(filter.eventType.toUpperCase(), `${likeLiteral(filter.eventType)}%`);
  }
  if (filter.actor) {
    const prefix = `${likeLiteral(filter.actor.toUpperCase())}%`;
    where.push(`(${alias}.source_code LIKE ? ESCAPE '\\' OR ${alias}.target_code LIKE ? ESCAPE '\\')`);
    params.push(prefix, prefix);
  }
  if (filter.articleId !== undefined) addClause(where, params, `${alias}.article_id = ?`, filter.articleId);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

function addClause(where: string[], params: unknown[], clause: string, ...values: unknown[]): void {
  where.push(clause);
  params.push(...values);
}

/** Stands in a filter's parameters for the id the set starts above (0 for all; the last cached id for what is new). */
const MIN_ID = Symbol('min id');

/** A filter as a set of article ids: SQL selecting `id`, and its parameters (MIN_ID where the lower id bound goes). */
interface IdSet {
  sql: string;
  params: unknown[];
}

function bindSets(sets: readonly IdSet[], minId: number): unknown[] {
  return sets.flatMap((set) => set.params.map((p) => (p === MIN_ID ? minId : p)));
}

/**
 * The search's filters, each as a set of article ids (`SELECT … AS id`) read from an index (mentions, events,
 * article_sections, articles_day_id) above a lower id bound, so SQLite reads the few rows that match instead of
 * testing every article, and a cached answer is brought up to date by reading only the articles stored since.
 */
function searchFilters(query: SearchQuery): IdSet[] {
  const sets: IdSet[] = [];
  if (query.since || query.until) {
    const bounds: string[] = [];
    const params: unknown[] = [];
    if (query.since) {
      bounds.push('published_day >= ?');
      params.push(dayOf(query.since) ?? query.since);
    }
    if (query.until) {
      bounds.push('published_day <= ?');
      // A month or a year as the upper bound means all of it.
      params.push(dayOf(query.until) ?? `${query.until}\uffff`);
    }
    sets.push({
      sql: `SELECT id AS id FROM articles INDEXED BY articles_day_id WHERE ${bounds.join(' AND ')} AND id > ?`,
      params: [...params, MIN_ID],
    });
  }
  if (query.source) {
    sets.push({
      sql: `SELECT id AS id FROM articles INDEXED BY articles_source WHERE source = ? COLLATE NOCASE AND id > ?
            UNION SELECT id FROM articles INDEXED BY articles_publisher WHERE publisher = ? COLLATE NOCASE AND id > ?`,
      params: [query.source, MIN_ID, query.source, MIN_ID],
    });
  }
  if (query.section) {
    sets.push({
      sql: 'SELECT article_id AS id FROM article_sections INDEXED BY article_sections_name WHERE name = ? COLLATE NOCASE AND article_id > ?',
      params: [query.section, MIN_ID],
    });
  }
  if (query.country) {
    sets.push({
      sql: `SELECT DISTINCT article_id AS id FROM mentions INDEXED BY mentions_entity_article
            WHERE entity_id IN (SELECT id FROM entities WHERE type = 'country' AND code = ?) AND article_id > ?`,
      params: [query.country.toUpperCase(), MIN_ID],
    });
  }
  if (query.actor) {
    if (query.actor.includes(':')) {
      sets.push({
        sql: 'SELECT article_id AS id FROM mentions INDEXED BY mentions_entity_article WHERE entity_id = ? AND article_id > ?',
        params: [query.actor, MIN_ID],
      });
    } else {
      const code = query.actor.toUpperCase();
      // GLOB 'RUS*' is a prefix range on the code indexes; a code with GLOB's own characters is matched exactly.
      const isPlain = /^[A-Z0-9_.-]+$/.test(code);
      const op = isPlain ? 'GLOB' : '=';
      const value = isPlain ? `${code}*` : code;
      sets.push({
        sql: `SELECT article_id AS id FROM events INDEXED BY events_source_article WHERE source_code ${op} ? AND article_id > ?
              UNION SELECT article_id FROM events INDEXED BY events_target_article WHERE target_code ${op} ? AND article_id > ?`,
        params: [value, MIN_ID, value, MIN_ID],
      });
    }
  }
  if (query.eventType) {
    const type = query.eventType.toUpperCase();
    if (/^\d{2}$/.test(type)) {
      sets.push({
        sql: 'SELECT DISTINCT article_id AS id FROM events INDEXED BY events_root_article WHERE root = ? AND article_id > ?',
        params: [type, MIN_ID],
      });
    } else if (/^\d+$/.test(type)) {
      sets.push({
        sql: 'SELECT DISTINCT article_id AS id FROM events INDEXED BY events_cameo_article WHERE cameo GLOB ? AND article_id > ?',
        params: [`${type}*`, MIN_ID],
      });
    } else {
      sets.push({
        sql: 'SELECT DISTINCT article_id AS id FROM events INDEXED BY events_plover WHERE plover = ? AND article_id > ?',
        params: [type, MIN_ID],
      });
    }
  }
  return sets;
}
/** A search's parsed query, filters and paging, and the key its answer is cached under. */
interface SearchPlan {
  limit: number;
  offset: number;
  fts: Fts5Query;
  /** Filters as id sets (see searchFilters). */
  sets: IdSet[];
  isRanked: boolean;
  key: string;
  /** The date range's first and last day as compared with published_day (null: open), as in searchFilters. */
  days: { from: string | null; to: string | null };
}

/** A match in answer order: its bm25 score (ranked) or its day (by date). */
interface RankedId {
  id: number;
  score: number | null;
  day: string | null;
}

/** A search's answer as cached: enough to add the articles stored later without searching again. */
interface CachedAnswer {
  /** The facet index's state it reflects. */
  loadedTo: number;
  changesSeen: number;
  madeAt: number;
  total: number;
  /** Matches the facets counted (every one when `total` ≤ FACET_BOUND, and every later one). */
  counted: number;
  /** Null: every stored article matches, and the index's own totals are its facets. */
  tally: FacetTally | null;
  /** The best offset + limit matches. */
  top: RankedId[];
  /** The newest RANK_WINDOW matches (relevance ranks among them). */
  newest: number[];
  rankedAt: number;
  /** What the last ranking took (ms): a costly one is made again less often (RERANK_COST_RATIO). */
  rankMs: number;
  /** New matches arrived since `top` was made (a relevance page takes them in at most every RERANK_MS). */
  isRankStale: boolean;
  /** The page's hits as read (rows and snippets). */
  hits: Map<number, SearchHit>;
}

/** Day descending, undated last (as SQLite's DESC puts NULL), then id descending. */
const byDay = (a: RankedId, b: RankedId): number =>
  a.day === b.day ? b.id - a.id : a.day === null ? 1 : b.day === null ? -1 : a.day < b.day ? 1 : -1;

function planSearch(query: SearchQuery): SearchPlan {
  const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const offset = Math.max(0, query.offset ?? 0);
  const fts = query.q ? toFts5(parseQuery(query.q)) : { match: null, exclude: null };
  const sets = searchFilters(query);
  const isRanked = fts.match !== null && query.sort !== 'date';
  const key = JSON.stringify([
    fts,
    sets.map((set) => [set.sql, set.params.filter((p) => p !== MIN_ID)]),
    isRanked,
    limit,
    offset,
  ]);
  const days = {
    from: query.since ? (dayOf(query.since) ?? query.since) : null,
    to: query.until ? (dayOf(query.until) ?? `${query.until}\uffff`) : null,
  };
  return { limit, offset, fts, sets, isRanked, key, days };
}
