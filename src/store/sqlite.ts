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
  Facet,
  FailureRecord,
  IngestItem,
  PutCaptureResult,
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
import { dayOf, parseQuery, toFts5 } from './query.js';
import { CAPTURE_COLUMNS, parseJson, toAlert, toCapture, toEvent, type Row } from './rows.js';

/** Hits a search returns when the caller does not say (and the most it may ask for). */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;
/**
 * Facets count the best-ranked (or newest) this many matches, not all of them: exact whenever a search finds
 * fewer, and a word found in half of 100,000 articles then costs no more to facet than a rare one.
 */
const FACET_SAMPLE = 500;
/**
 * Relevance ranks a word's newest this many matches (by storage order): bm25 over 60,000 matches costs ~30 ms
 * of CPU, over 10,000 about 5 ms, over 2,500 about 1.5 ms. A desk reads the newest reporting first, and a word
 * common enough to pass this many matches needs other words or filters to be useful anyway. Rarer words are
 * ranked among all their matches.
 */
const RANK_WINDOW = 2_500;
/** Title matches weigh more than body matches in bm25. */
const TITLE_WEIGHT = 4.0;

export interface SqliteStoreOptions {
  isReadonly?: boolean;
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
      this.db.transaction(() => {
        // Another process may have applied it while this one waited for the write lock.
        if (this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version)) return;
        this.db.exec(migration.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString());
      }).immediate();
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

  async analysisVersion(captureId: number): Promise<string | null> {
    const row = this.db.prepare('SELECT pipeline_version FROM articles WHERE capture_id = ?').get(captureId) as
      { pipeline_version: string } | undefined;
    return row?.pipeline_version ?? null;
  }

  async putIngest(item: IngestItem): Promise<PutCaptureResult & { articleId: number | null }> {
    return this.db.transaction(() => {
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
    }).immediate();
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

  /** Replaces the article and everything derived from it for one capture. Runs inside a transaction. */
  #writeAnalysis(captureId: number, analysis: Analysis, pipelineVersion: string): number {
    const a = analysis.article;
    const old = this.db.prepare('SELECT id FROM articles WHERE capture_id = ?').get(captureId) as
      { id: number } | undefined;
    const json = JSON.stringify(analysis);
    const now = new Date().toISOString();
    let articleId: number;
    if (old) {
      articleId = old.id;
      this.db.prepare('DELETE FROM mentions WHERE article_id = ?').run(articleId);
      this.db.prepare('DELETE FROM events WHERE article_id = ?').run(articleId);
      this.db.prepare('DELETE FROM transfers WHERE article_id = ?').run(articleId);
      this.db
        .prepare(
          `UPDATE articles SET title=?, text=?, publisher=?, source=?, section=?, byline=?, published=?, published_day=?,
           language=?, url=?, pipeline_version=?, analyzed_at=?, analysis=? WHERE id=?`,
        )
        .run(
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
          now,
          json,
          articleId,
        );
    } else {
      articleId = Number(
        this.db
          .prepare(
            `INSERT INTO articles (capture_id, title, text, publisher, source, section, byline, published, published_day,
             language, url, pipeline_version, analyzed_at, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            captureId,
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
            now,
            json,
          ).lastInsertRowid,
      );
    }
    const upsertEntity = this.db.prepare(
      `INSERT INTO entities (id, name, type, code, lat, lon) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET code = COALESCE(entities.code, excluded.code),
         lat = COALESCE(entities.lat, excluded.lat), lon = COALESCE(entities.lon, excluded.lon)`,
    );
    const insertMention = this.db.prepare(
      `INSERT OR REPLACE INTO mentions (article_id, entity_id, name, role, affiliation, count, first_start)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of analysis.entities) {
      upsertEntity.run(e.id, e.name, e.type, e.code, e.lat, e.lon);
      insertMention.run(articleId, e.id, e.name, e.role, e.affiliation, e.mentions.length, e.mentions[0]?.start ?? 0);
    }
    const insertEvent = this.db.prepare(
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
    const insertTransfer = this.db.prepare(
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
    return articleId;
  }

  /**
   * Full-text search in three steps, so the cost stays flat however many articles match: rank the first
   * FACET_SAMPLE matches (ids only, no snippets), then read the page's rows and snippets, then count facets
   * over those ranked matches. The total is exact: every match counts, also those outside RANK_WINDOW.
   */
  async search(query: SearchQuery): Promise<SearchResult> {
    const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
    const offset = Math.max(0, query.offset ?? 0);
    const match = query.q ? toFts5(parseQuery(query.q)) : null;
    const { sets, params } = searchFilters(query);
    const conditions = sets.map((set) => `a.id IN (${set})`);
    // Conditions touch only a.id and a.published_day, both in articles_day_id: no article row is read to filter or sort.
    const keys = 'articles a INDEXED BY articles_day_id';
    const whereSql = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const isRanked = match !== null && query.sort !== 'date';
    const window = Math.max(offset + limit, FACET_SAMPLE);
    let ranked: Array<{ id: number; score: number | null }>;
    if (isRanked) {
      // bm25() ordered by SQLite honours the rowid bound (FTS5's own rank ordering does not), so a word in half
      // the store is ranked among its RANK_WINDOW newest matches only.
      const bound = this.db
        .prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?')
        .get(match, RANK_WINDOW - 1) as { rowid: number } | undefined;
      const filtered = conditions.length > 0 ? `AND +articles_fts.rowid IN (SELECT a.id FROM ${keys} ${whereSql})` : '';
      ranked = this.db
        .prepare(
          `SELECT rowid AS id, bm25(articles_fts, ${TITLE_WEIGHT}, 1.0) AS score FROM articles_fts
           WHERE articles_fts MATCH ? AND rowid >= ? ${filtered} ORDER BY score LIMIT ?`,
        )
        .all(match, bound?.rowid ?? 0, ...params, window) as Array<{ id: number; score: number }>;
    } else {
      const all = match
        ? ['a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)', ...conditions]
        : conditions;
      const allParams = match ? [match, ...params] : params;
      const allWhere = all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
      ranked = this.db
        .prepare(
          `SELECT a.id AS id, NULL AS score FROM ${keys} ${allWhere} ORDER BY a.published_day DESC, a.id DESC LIMIT ?`,
        )
        .all(...allParams, window) as Array<{ id: number; score: null }>;
    }
    // Counted from the id sets themselves (every id in them is an article): no pass over the articles.
    const countSets = match ? ['SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?', ...sets] : sets;
    const countParams = match ? [match, ...params] : params;
    const countSql =
      countSets.length === 0
        ? 'SELECT count(*) AS n FROM articles'
        : countSets.length === 1
          ? `SELECT count(*) AS n FROM (${countSets[0]})`
          : `SELECT count(*) AS n FROM (${countSets.map((set) => `SELECT id FROM (${set})`).join(' INTERSECT ')})`;
    const total =
      ranked.length < window && !isRanked
        ? ranked.length
        : (this.db.prepare(countSql).get(...countParams) as { n: number }).n;
    const page = ranked.slice(offset, offset + limit);
    const pageIds = JSON.stringify(page.map((r) => r.id));
    const rows = new Map(
      (
        this.db
          .prepare(
            `SELECT id, title, source, publisher, section, published, url${match ? '' : ', substr(text, 1, 240) AS snippet'}
             FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
          )
          .all(pageIds) as Row[]
      ).map((r) => [r['id'] as number, r]),
    );
    const snippets = new Map<number, string>();
    if (match && page.length > 0) {
      const found = this.db
        .prepare(
          `SELECT rowid AS id, snippet(articles_fts, 1, '«', '»', '…', 24) AS snippet FROM articles_fts
           WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
        )
        .all(match, pageIds) as Array<{ id: number; snippet: string }>;
      for (const f of found) snippets.set(f.id, f.snippet);
    }
    const sampleIds = JSON.stringify(ranked.slice(0, FACET_SAMPLE).map((r) => r.id));
    const facet = (sql: string): Facet[] =>
      (this.db.prepare(`WITH top(id) AS (SELECT value FROM json_each(?)) ${sql}`).all(sampleIds) as Facet[]).map((f) =>
        f.label === null || f.label === undefined ? { value: f.value, count: f.count } : f,
      );
    return {
      total,
      hits: page.map((p) => {
        const r = rows.get(p.id) ?? {};
        return {
          id: p.id,
          title: (r['title'] as string | null) ?? null,
          source: (r['source'] as string | null) ?? null,
          publisher: (r['publisher'] as string | null) ?? null,
          section: (r['section'] as string | null) ?? null,
          published: (r['published'] as string | null) ?? null,
          url: (r['url'] as string | null) ?? null,
          snippet: snippets.get(p.id) ?? (typeof r['snippet'] === 'string' ? r['snippet'] : ''),
          score: p.score,
        };
      }),
      facets: {
        source: facet(
          `SELECT COALESCE(a.source, a.publisher) AS value, count(*) AS count FROM top JOIN articles a ON a.id = top.id
           WHERE COALESCE(a.source, a.publisher) IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
        ),
        section: facet(
          `SELECT a.section AS value, count(*) AS count FROM top JOIN articles a ON a.id = top.id
           WHERE a.section IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
        ),
        // Country entities are ids `country:…`, so the mentions index alone counts them; names are read for the result only.
        country: facet(
          `SELECT e.code AS value, e.name AS label, c.count FROM (
             SELECT m.entity_id, count(*) AS count FROM top JOIN mentions m ON m.article_id = top.id
             WHERE m.entity_id GLOB 'country:*' GROUP BY 1) c
           JOIN entities e ON e.id = c.entity_id WHERE e.code IS NOT NULL ORDER BY 3 DESC, 1 LIMIT 20`,
        ),
        eventType: facet(
          `SELECT v.plover AS value, count(DISTINCT v.article_id) AS count FROM top JOIN events v ON v.article_id = top.id
           GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
        ),
        actor: facet(
          `SELECT code AS value, count(DISTINCT article_id) AS count FROM (
             SELECT v.article_id, v.source_code AS code FROM top JOIN events v ON v.article_id = top.id
             UNION ALL
             SELECT v.article_id, v.target_code FROM top JOIN events v ON v.article_id = top.id
           ) WHERE code IS NOT NULL GROUP BY code ORDER BY 2 DESC, 1 LIMIT 20`,
        ),
      },
      facetSample: FACET_SAMPLE,
    };
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
      where.push('(t.supplier LIKE ? OR t.recipient LIKE ?)');
      params.push(`${filter.actor}%`, `${filter.actor}%`);
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
      where.push('(e.name LIKE ? OR e.code = ?)');
      params.push(`%${filter.q}%`, filter.q.toUpperCase());
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
    return this.db.transaction(() => {
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
        if (!ids.includes(id) && !this.db.prepare('SELECT 1 FROM story_features WHERE story_id = ? LIMIT 1').get(id)) {
          this.db.prepare('DELETE FROM stories WHERE id = ?').run(id);
        }
      }
      this.db
        .prepare('DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_features WHERE story_id IS NOT NULL)')
        .run();
      return ids;
    }).immediate();
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
           COALESCE(o.reliability, 'F') AS reliability
         FROM story_features f JOIN articles a ON a.id = f.article_id
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
    this.db.transaction(() => {
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
    }).immediate();
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
    this.db.transaction(() => {
      const remove = this.db.prepare('DELETE FROM event_credibility WHERE article_id = ?');
      for (const id of articleIds) remove.run(id);
      const insert = this.db.prepare(
        `INSERT OR REPLACE INTO event_credibility (event_id, article_id, story_id, grade, independent_sources, reason)
         SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM events WHERE id = ?)`,
      );
      for (const g of grades)
        insert.run(g.eventId, g.articleId, g.storyId, g.grade, g.independentSources, g.reason, g.eventId);
    }).immediate();
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
    where.push(`(${alias}.plover = ? OR ${alias}.cameo LIKE ?)`);
    params.push(filter.eventType.toUpperCase(), `${filter.eventType}%`);
  }
  if (filter.actor) {
    where.push(`(${alias}.source_code LIKE ? OR ${alias}.target_code LIKE ?)`);
    params.push(`${filter.actor.toUpperCase()}%`, `${filter.actor.toUpperCase()}%`);
  }
  if (filter.articleId !== undefined) addClause(where, params, `${alias}.article_id = ?`, filter.articleId);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

function addClause(where: string[], params: unknown[], clause: string, ...values: unknown[]): void {
  where.push(clause);
  params.push(...values);
}

/**
 * The search's filters, each as a set of article ids (`SELECT … AS id`) read from an index (mentions, events,
 * article_sections, articles_day_id), so SQLite reads the few rows that match instead of testing every article.
 */
function searchFilters(query: SearchQuery): { sets: string[]; params: unknown[] } {
  const sets: string[] = [];
  const params: unknown[] = [];
  if (query.since || query.until) {
    const bounds: string[] = [];
    if (query.since) {
      bounds.push('published_day >= ?');
      params.push(dayOf(query.since) ?? query.since);
    }
    if (query.until) {
      bounds.push('published_day <= ?');
      // A month or a year as the upper bound means all of it.
      params.push(dayOf(query.until) ?? `${query.until}\uffff`);
    }
    sets.push(`SELECT id AS id FROM articles INDEXED BY articles_day_id WHERE ${bounds.join(' AND ')}`);
  }
  if (query.source) {
    sets.push(
      'SELECT id AS id FROM articles WHERE source = ? COLLATE NOCASE UNION SELECT id FROM articles WHERE publisher = ? COLLATE NOCASE',
    );
    params.push(query.source, query.source);
  }
  if (query.section) {
    sets.push('SELECT article_id AS id FROM article_sections WHERE name = ? COLLATE NOCASE');
    params.push(query.section);
  }
  if (query.country) {
    sets.push(
      `SELECT DISTINCT article_id AS id FROM mentions WHERE entity_id IN (SELECT id FROM entities WHERE type = 'country' AND code = ?)`,
    );
    params.push(query.country.toUpperCase());
  }
  if (query.actor) {
    if (query.actor.includes(':')) {
      sets.push('SELECT article_id AS id FROM mentions WHERE entity_id = ?');
      params.push(query.actor);
    } else {
      const code = query.actor.toUpperCase();
      // GLOB 'RUS*' is a prefix range on the code indexes; a code with GLOB's own characters is matched exactly.
      const isPlain = /^[A-Z0-9_.-]+$/.test(code);
      const op = isPlain ? 'GLOB' : '=';
      sets.push(
        `SELECT article_id AS id FROM events WHERE source_code ${op} ? UNION SELECT article_id FROM events WHERE target_code ${op} ?`,
      );
      params.push(isPlain ? `${code}*` : code, isPlain ? `${code}*` : code);
    }
  }
  if (query.eventType) {
    const type = query.eventType.toUpperCase();
    if (/^\d{2}$/.test(type)) {
      sets.push('SELECT DISTINCT article_id AS id FROM events WHERE root = ?');
      params.push(type);
    } else if (/^\d+$/.test(type)) {
      sets.push('SELECT DISTINCT article_id AS id FROM events WHERE cameo GLOB ?');
      params.push(`${type}*`);
    } else {
      sets.push('SELECT DISTINCT article_id AS id FROM events WHERE plover = ?');
      params.push(type);
    }
  }
  return { sets, params };
}
