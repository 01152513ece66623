/**
 * The shared Store: PostgreSQL through a pg pool, full text by a stored tsvector (title weighted A, text B)
 * ranked with ts_rank_cd, snippets by ts_headline. Behaves like store/sqlite.ts as far as the engines allow.
 */
import pg from 'pg';
import type { Analysis } from '../analysis.js';
import type { Entity } from '../core/doc.js';
import { WatchfloorError } from '../core/errors.js';
import type {
  Alert,
  AlertInput,
  CaptureRecord,
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
} from '../store.js';
import { PG_TS_CONFIG, POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { FACET_SIZE } from './facet-index.js';
import { dayOf, likeLiteral, markSnippet, parseQuery, type QueryTerm } from './query.js';
import { CAPTURE_COLUMNS, toAlert, toCapture, toEvent, type Row } from './rows.js';

/** Hits a search returns when the caller does not say (and the most it may ask for), as in SQLite. */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;
/** ts_rank_cd weights for D, C, B (text), A (title): a title match outweighs a body match tenfold. */
const RANK_WEIGHTS = '{0.1, 0.1, 0.1, 1.0}';
/** Advisory lock key taken while migrating, so workers starting together migrate once. */
const MIGRATION_LOCK = 7_361_004;
/** Transactions retried after a deadlock or serialization failure (concurrent workers). */
const MAX_TX_ATTEMPTS = 5;
/** Connections per process: a worker's concurrency plus the API's parallel facet queries. */
const POOL_SIZE = 8;

type Query = (sql: string, params?: readonly unknown[]) => Promise<Row[]>;

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly #label: string;

  constructor(url: string) {
    this.#label = redact(url);
    this.pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async migrate(): Promise<void> {
    await this.#tx(async (q) => {
      await q('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await q('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text, applied_at text)');
      const done = new Set((await q('SELECT version FROM schema_migrations')).map((r) => r['version'] as number));
      for (const migration of POSTGRES_MIGRATIONS) {
        if (done.has(migration.version)) continue;
        await q(migration.sql);
        await q('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
      }
    });
  }

  async findCapture(sha256: string): Promise<CaptureRecord | null> {
    const [row] = await this.#q(`SELECT ${CAPTURE_COLUMNS} FROM captures WHERE sha256 = $1`, [sha256]);
    return row ? toCapture(row) : null;
  }

  async getCapture(id: number): Promise<CaptureRecord | null> {
    const [row] = await this.#q(`SELECT ${CAPTURE_COLUMNS} FROM captures WHERE id = $1`, [id]);
    return row ? toCapture(row) : null;
  }

  async getCaptureBytes(id: number): Promise<Buffer | null> {
    const [row] = await this.#q('SELECT bytes FROM captures WHERE id = $1', [id]);
    return (row?.['bytes'] as Buffer | undefined) ?? null;
  }

  async listCaptureIds(): Promise<number[]> {
    return (await this.#q('SELECT id FROM captures ORDER BY id')).map((r) => r['id'] as number);
  }

  async articleIdOf(captureId: number): Promise<number | null> {
    const rows = await this.#q('SELECT id FROM articles WHERE capture_id = $1', [captureId]);
    return rows.length > 0 ? (rows[0]!['id'] as number) : null;
  }

  async analysisVersion(captureId: number): Promise<string | null> {
    const [row] = await this.#q('SELECT pipeline_version FROM articles WHERE capture_id = $1', [captureId]);
    return (row?.['pipeline_version'] as string | undefined) ?? null;
  }

  async putIngest(item: IngestItem): Promise<PutCaptureResult & { articleId: number | null }> {
    return this.#tx(async (q) => {
      const c = item.capture;
      // DO NOTHING waits for a concurrent insert of the same bytes to commit, then yields; the SELECT finds it.
      const [inserted] = await q(
        `INSERT INTO captures (sha256, size, media_type, origin, url, captured_at, is_gzipped, bytes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (sha256) DO NOTHING RETURNING id`,
        [c.sha256, c.size, c.mediaType, c.origin, item.url, c.capturedAt, c.isGzipped, item.bytes],
      );
      const id = inserted
        ? (inserted['id'] as number)
        : ((await q('SELECT id FROM captures WHERE sha256 = $1', [c.sha256]))[0]?.['id'] as number);
      const articleId = item.analysis ? await writeAnalysis(q, id, item.analysis, item.pipelineVersion) : null;
      if (item.failure) {
        await writeFailure(q, { origin: c.origin, sha256: c.sha256, ...item.failure, at: new Date().toISOString() });
      }
      return { id, isNew: inserted !== undefined, articleId };
    });
  }

  async putAnalysis(captureId: number, analysis: Analysis, pipelineVersion: string): Promise<number> {
    return this.#tx((q) => writeAnalysis(q, captureId, analysis, pipelineVersion));
  }

  async recordFailure(failure: FailureRecord): Promise<void> {
    await writeFailure(this.#q, failure);
  }

  async listFailures(limit = 100): Promise<FailureRecord[]> {
    return (await this.#q('SELECT origin, sha256, code, message, at FROM failures ORDER BY id DESC LIMIT $1', [
      limit,
    ])) as unknown as FailureRecord[];
  }

  /**
   * Full-text search in named phases: the conditions (words as a tsquery, exclusions, filters), then in parallel
   * on the pool the page (ranked by ts_rank_cd or newest first, with ts_headline snippets), the exact total, and
   * each facet counted over every match.
   */
  async search(query: SearchQuery): Promise<SearchResult> {
    const plan = planPgSearch(query);
    const [rows, totals, source, section, country, eventType, actor] = await Promise.all([
      this.#q(
        `SELECT a.id, a.title, a.source, a.publisher, a.section, a.published, a.url, ${plan.select}
         FROM ${plan.from} ${plan.whereSql} ORDER BY ${plan.order}
         LIMIT $${plan.params.length + 1} OFFSET $${plan.params.length + 2}`,
        [...plan.params, plan.limit, plan.offset],
      ),
      this.#q(`SELECT count(*)::int AS n FROM ${plan.from} ${plan.whereSql}`, plan.params),
      ...facetSql(plan.ids).map((sql) => this.#facet(sql, plan.params)),
    ]);
    const total = (totals[0]?.['n'] as number | undefined) ?? 0;
    return {
      total,
      hits: rows.map((r) => ({
        id: r['id'] as number,
        title: (r['title'] as string | null) ?? null,
        source: (r['source'] as string | null) ?? null,
        publisher: (r['publisher'] as string | null) ?? null,
        section: (r['section'] as string | null) ?? null,
        published: (r['published'] as string | null) ?? null,
        url: (r['url'] as string | null) ?? null,
        snippet: markSnippet(typeof r['snippet'] === 'string' ? r['snippet'] : '', r['has_markers'] === false),
        score: (r['score'] as number | null) ?? null,
      })),
      facets: {
        source: source as Facet[],
        section: section as Facet[],
        country: country as Facet[],
        eventType: eventType as Facet[],
        actor: actor as Facet[],
      },
      // Every match is counted.
      facetsCounted: total,
    };
  }

  async #facet(sql: string, params: readonly unknown[]): Promise<Facet[]> {
    return (await this.#q(sql, params)).map((r) => {
      const f: Facet = { value: r['value'] as string, count: Number(r['count']) };
      if (r['label'] !== undefined && r['label'] !== null) f.label = r['label'] as string;
      return f;
    });
  }

  async getArticle(id: number): Promise<StoredArticle | null> {
    const [row] = await this.#q(
      `SELECT a.id, a.capture_id, c.sha256, c.origin, a.pipeline_version, a.analyzed_at, a.analysis
       FROM articles a JOIN captures c ON c.id = a.capture_id WHERE a.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      id: row['id'] as number,
      captureId: row['capture_id'] as number,
      sha256: row['sha256'] as string,
      origin: row['origin'] as string,
      pipelineVersion: row['pipeline_version'] as string,
      analyzedAt: row['analyzed_at'] as string,
      analysis: JSON.parse(row['analysis'] as string) as Analysis,
    };
  }

  async listEvents(filter: EventFilter = {}): Promise<StoredEvent[]> {
    const params: unknown[] = [];
    const p = (value: unknown): string => (params.push(value), `$${params.length}`);
    const where: string[] = [];
    if (filter.since) where.push(`v.date >= ${p(filter.since)}`);
    if (filter.until) where.push(`v.date <= ${p(filter.until)}`);
    if (filter.eventType) {
      // Wildcards in the filter are matched as themselves (`%` is no type, `R_S` is no actor).
      where.push(
        `(v.plover = ${p(filter.eventType.toUpperCase())} OR v.cameo LIKE ${p(`${likeLiteral(filter.eventType)}%`)})`,
      );
    }
    if (filter.actor) {
      const v = p(`${likeLiteral(filter.actor.toUpperCase())}%`);
      where.push(`(v.source_code LIKE ${v} OR v.target_code LIKE ${v})`);
    }
    if (filter.articleId !== undefined) where.push(`v.article_id = ${p(filter.articleId)}`);
    const rows = await this.#q(
      `SELECT v.*, a.title AS article_title, a.url AS article_url, a.published AS article_published,
         COALESCE(a.source, a.publisher) AS article_source, a.analyzed_at
       FROM events v JOIN articles a ON a.id = v.article_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY v.date DESC NULLS LAST, v.id LIMIT ${p(filter.limit ?? 10000)} OFFSET ${p(filter.offset ?? 0)}`,
      params,
    );
    return rows.map(toEvent);
  }

  async listTransfers(filter: EventFilter = {}): Promise<StoredTransfer[]> {
    const params: unknown[] = [];
    const p = (value: unknown): string => (params.push(value), `$${params.length}`);
    const where: string[] = [];
    if (filter.since) where.push(`t.date >= ${p(filter.since)}`);
    if (filter.until) where.push(`t.date <= ${p(filter.until)}`);
    if (filter.actor) {
      const v = p(`${likeLiteral(filter.actor)}%`);
      where.push(`(t.supplier ILIKE ${v} OR t.recipient ILIKE ${v})`);
    }
    if (filter.articleId !== undefined) where.push(`t.article_id = ${p(filter.articleId)}`);
    const rows = await this.#q(
      `SELECT t.*, a.title AS article_title, COALESCE(a.source, a.publisher) AS article_source,
         a.published AS article_published
       FROM transfers t JOIN articles a ON a.id = t.article_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY t.date DESC NULLS LAST, t.id LIMIT ${p(filter.limit ?? 10000)} OFFSET ${p(filter.offset ?? 0)}`,
      params,
    );
    return rows.map((r) => ({
      id: r['id'] as number,
      articleId: r['article_id'] as number,
      supplier: (r['supplier'] as string | null) ?? null,
      recipient: (r['recipient'] as string | null) ?? null,
      items: JSON.parse(r['items'] as string) as StoredTransfer['items'],
      status: r['status'] as StoredTransfer['status'],
      date: (r['date'] as string | null) ?? null,
      evidence: JSON.parse(r['evidence'] as string) as StoredTransfer['evidence'],
      articleTitle: (r['article_title'] as string | null) ?? null,
      articleSource: (r['article_source'] as string | null) ?? null,
      articlePublished: (r['article_published'] as string | null) ?? null,
    }));
  }

  async listEntities(filter: EntityFilter = {}): Promise<StoredEntity[]> {
    const params: unknown[] = [];
    const p = (value: unknown): string => (params.push(value), `$${params.length}`);
    const where: string[] = [];
    if (filter.type) where.push(`e.type = ${p(filter.type)}`);
    if (filter.q)
      where.push(`(e.name ILIKE ${p(`%${likeLiteral(filter.q)}%`)} OR e.code = ${p(filter.q.toUpperCase())})`);
    return (await this.#q(
      `${ENTITY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY e.id ORDER BY "articleCount" DESC, e.name COLLATE "C" LIMIT ${p(filter.limit ?? 100)} OFFSET ${p(filter.offset ?? 0)}`,
      params,
    )) as unknown as StoredEntity[];
  }

  async getEntity(id: string): Promise<StoredEntity | null> {
    const [row] = await this.#q(`${ENTITY_SELECT} WHERE e.id = $1 GROUP BY e.id`, [id]);
    return (row as unknown as StoredEntity | undefined) ?? null;
  }

  async entityMentions(id: string, limit = 200): Promise<EntityMention[]> {
    return (await this.#q(
      `SELECT m.article_id AS "articleId", a.title, a.published, m.name, m.role, m.count
       FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = $1
       ORDER BY a.published_day DESC NULLS LAST, a.id DESC LIMIT $2`,
      [id, limit],
    )) as unknown as EntityMention[];
  }

  async stats(): Promise<StoreStats> {
    const [row] = await this.#q(
      `SELECT (SELECT count(*) FROM captures)::int AS captures, (SELECT count(*) FROM articles)::int AS articles,
         (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM transfers)::int AS transfers,
         (SELECT count(*) FROM entities)::int AS entities, (SELECT count(*) FROM failures)::int AS failures`,
    );
    return row as unknown as StoreStats;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  // ---- Monitoring: watch state, stories, outlets, event credibility, alerts (as in store/sqlite.ts) ----

  async getWatchState(sourceKey: string): Promise<WatchState | null> {
    const [r] = await this.#q('SELECT * FROM watch_sources WHERE source_key = $1', [sourceKey]);
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
    await this.#q(
      `INSERT INTO watch_sources (source_key, etag, last_modified, last_polled_at, last_status, last_error)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (source_key) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         last_polled_at = excluded.last_polled_at, last_status = excluded.last_status, last_error = excluded.last_error`,
      [s.sourceKey, s.etag, s.lastModified, s.lastPolledAt, s.lastStatus, s.lastError],
    );
  }

  async getWatchItem(sourceKey: string, itemId: string): Promise<WatchItem | null> {
    const [r] = await this.#q('SELECT * FROM watch_items WHERE source_key = $1 AND item_id = $2', [sourceKey, itemId]);
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
      (await this.#q(`SELECT 1 FROM watch_items WHERE url = $1 AND status = 'ingested' LIMIT 1`, [url])).length > 0
    );
  }

  async putWatchItem(i: WatchItem): Promise<void> {
    await this.#q(
      `INSERT INTO watch_items (source_key, item_id, url, status, attempts, article_id, seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (source_key, item_id) DO UPDATE SET url = excluded.url, status = excluded.status,
         attempts = excluded.attempts, article_id = excluded.article_id, seen_at = excluded.seen_at`,
      [i.sourceKey, i.itemId, i.url, i.status, i.attempts, i.articleId, i.seenAt],
    );
  }

  async putStoryFeatures(articleId: number, day: string | null, features: unknown): Promise<void> {
    await this.#q(
      `INSERT INTO story_features (article_id, day, features) VALUES ($1, $2, $3)
       ON CONFLICT (article_id) DO UPDATE SET day = excluded.day, features = excluded.features`,
      [articleId, day, JSON.stringify(features)],
    );
  }

  async listStoryFeatures(filter: StoryFeatureFilter = {}): Promise<StoryFeatureRow[]> {
    const params: unknown[] = [];
    const p = (value: unknown): string => (params.push(value), `$${params.length}`);
    const where: string[] = [];
    if (filter.since) where.push(`(day >= ${p(filter.since)} OR day IS NULL)`);
    if (filter.until) where.push(`(day <= ${p(filter.until)} OR day IS NULL)`);
    if (filter.articleIds) where.push(`article_id = ANY(${p(filter.articleIds)}::int[])`);
    const rows = await this.#q(
      `SELECT * FROM story_features ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY article_id`,
      params,
    );
    return rows.map((r) => ({
      articleId: r['article_id'] as number,
      storyId: (r['story_id'] as number | null) ?? null,
      day: (r['day'] as string | null) ?? null,
      features: JSON.parse(r['features'] as string) as unknown,
    }));
  }

  async saveStories(drafts: StoryDraft[]): Promise<number[]> {
    return this.#tx(async (q) => {
      const now = new Date().toISOString();
      const ids: number[] = [];
      const touched = new Set<number>();
      for (const draft of drafts) {
        const rows = await q('SELECT article_id, story_id FROM story_features WHERE article_id = ANY($1::int[])', [
          draft.articleIds,
        ]);
        const storyOf = new Map(rows.map((r) => [r['article_id'] as number, (r['story_id'] as number | null) ?? null]));
        const previous = draft.articleIds
          .map((id) => storyOf.get(id) ?? null)
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
          const [row] = await q(
            `INSERT INTO stories (headline, first_seen, last_seen, article_count, outlet_count, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
            values,
          );
          id = row?.['id'] as number;
        } else {
          await q(
            `UPDATE stories SET headline = $1, first_seen = $2, last_seen = $3, article_count = $4, outlet_count = $5,
               updated_at = $6 WHERE id = $7`,
            [...values, id],
          );
        }
        await q('UPDATE story_features SET story_id = $1 WHERE article_id = ANY($2::int[])', [id, draft.articleIds]);
        ids.push(id);
      }
      // Stories whose articles all moved to another story are gone.
      await q('DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_features WHERE story_id IS NOT NULL)');
      return ids;
    });
  }

  async listStories(filter: StoryFilter = {}): Promise<StorySummary[]> {
    const params: unknown[] = [];
    const p = (value: unknown): string => (params.push(value), `$${params.length}`);
    const where: string[] = [];
    if (filter.since) where.push(`substr(first_seen, 1, 10) >= ${p(filter.since.slice(0, 10))}`);
    if (filter.until) where.push(`substr(first_seen, 1, 10) <= ${p(filter.until.slice(0, 10))}`);
    if (filter.minOutlets !== undefined) where.push(`outlet_count >= ${p(filter.minOutlets)}`);
    return (await this.#q(
      `SELECT ${STORY_COLUMNS} FROM stories ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY first_seen DESC NULLS LAST, id DESC LIMIT ${p(Math.min(filter.limit ?? 100, MAX_LIMIT))} OFFSET ${p(filter.offset ?? 0)}`,
      params,
    )) as unknown as StorySummary[];
  }

  async getStory(id: number): Promise<Story | null> {
    const [summary] = (await this.#q(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = $1`, [
      id,
    ])) as unknown as StorySummary[];
    if (!summary) return null;
    const articles = (await this.#q(
      `SELECT a.id, a.title, f.features::json ->> 'outlet' AS outlet, a.source, a.published, a.url,
         a.language, c.origin, COALESCE(o.reliability, 'F') AS reliability
       FROM story_features f JOIN articles a ON a.id = f.article_id JOIN captures c ON c.id = a.capture_id
       LEFT JOIN outlets o ON o.name = f.features::json ->> 'outlet'
       WHERE f.story_id = $1 ORDER BY a.published_day NULLS LAST, a.id`,
      [id],
    )) as unknown as StoryArticle[];
    const credibility = new Map((await this.listEventCredibility({ storyId: id })).map((c) => [c.eventId, c]));
    const events = (
      await this.#q(
        `SELECT v.*, a.title AS article_title, a.url AS article_url, a.published AS article_published,
           COALESCE(a.source, a.publisher) AS article_source, a.analyzed_at
         FROM events v JOIN articles a ON a.id = v.article_id
         WHERE v.article_id IN (SELECT article_id FROM story_features WHERE story_id = $1) ORDER BY v.date NULLS LAST, v.id`,
        [id],
      )
    ).map((r) => {
      const event = toEvent(r);
      return { ...event, credibility: credibility.get(event.id) ?? null };
    });
    const outlets = [...new Set(articles.map((a) => a.outlet).filter((o): o is string => o !== null))];
    return { ...summary, articles, outlets, events };
  }

  async putOutlets(outlets: OutletRecord[]): Promise<void> {
    await this.#tx(async (q) => {
      await q('DELETE FROM outlets');
      // Later duplicates win, as INSERT OR REPLACE does.
      const byName = [...new Map(outlets.map((o) => [o.name, o])).values()];
      if (byName.length === 0) return;
      await q(
        `INSERT INTO outlets (name, host, reliability, kind, is_state_affiliated, is_wire_agency, is_official_body, grade_origin)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::bool[], $7::bool[], $8::text[])`,
        [
          byName.map((o) => o.name),
          byName.map((o) => o.host),
          byName.map((o) => o.reliability),
          byName.map((o) => o.kind),
          byName.map((o) => o.isStateAffiliated),
          byName.map((o) => o.isWireAgency),
          byName.map((o) => o.isOfficialBody),
          byName.map((o) => o.gradeOrigin),
        ],
      );
    });
  }

  async listOutlets(): Promise<OutletRecord[]> {
    return (await this.#q('SELECT * FROM outlets ORDER BY name COLLATE "C"')).map((r) => ({
      name: r['name'] as string,
      host: (r['host'] as string | null) ?? null,
      reliability: r['reliability'] as OutletRecord['reliability'],
      kind: (r['kind'] as string | null) ?? null,
      isStateAffiliated: r['is_state_affiliated'] === true,
      isWireAgency: r['is_wire_agency'] === true,
      isOfficialBody: r['is_official_body'] === true,
      gradeOrigin: r['grade_origin'] as string,
    }));
  }

  async putEventCredibility(articleIds: number[], grades: EventCredibility[]): Promise<void> {
    await this.#tx(async (q) => {
      await q('DELETE FROM event_credibility WHERE article_id = ANY($1::int[])', [articleIds]);
      for (const g of grades) {
        await q(
          `INSERT INTO event_credibility (event_id, article_id, story_id, grade, independent_sources, reason)
           SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM events WHERE id = $1)
           ON CONFLICT (event_id) DO UPDATE SET article_id = excluded.article_id, story_id = excluded.story_id,
             grade = excluded.grade, independent_sources = excluded.independent_sources, reason = excluded.reason`,
          [g.eventId, g.articleId, g.storyId, g.grade, g.independentSources, g.reason],
        );
      }
    });
  }

  async listEventCredibility(filter: { storyId?: number; articleId?: number } = {}): Promise<EventCredibility[]> {
    const params: unknown[] = [];
    const p = (value: unknown): string => (params.push(value), `$${params.length}`);
    const where: string[] = [];
    if (filter.storyId !== undefined) where.push(`story_id = ${p(filter.storyId)}`);
    if (filter.articleId !== undefined) where.push(`article_id = ${p(filter.articleId)}`);
    return (await this.#q(
      `SELECT event_id AS "eventId", article_id AS "articleId", story_id AS "storyId", grade,
         independent_sources AS "independentSources", reason
       FROM event_credibility ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY event_id`,
      params,
    )) as unknown as EventCredibility[];
  }

  async putAlert(alert: AlertInput): Promise<number> {
    const [row] = await this.#q(
      'INSERT INTO alerts (name, query, email, digest, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [alert.name, JSON.stringify(alert.query), alert.email, alert.digest, new Date().toISOString()],
    );
    return row?.['id'] as number;
  }

  async listAlerts(): Promise<Alert[]> {
    return (await this.#q('SELECT * FROM alerts ORDER BY id')).map(toAlert);
  }

  async getAlert(id: number): Promise<Alert | null> {
    const [row] = await this.#q('SELECT * FROM alerts WHERE id = $1', [id]);
    return row ? toAlert(row) : null;
  }

  async deleteAlert(id: number): Promise<boolean> {
    return (await this.#q('DELETE FROM alerts WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  async markAlertSent(id: number, at: string, lastArticleId: number): Promise<void> {
    await this.#q(
      'UPDATE alerts SET last_sent_at = $1, last_article_id = greatest(last_article_id, $2) WHERE id = $3',
      [at, lastArticleId, id],
    );
  }

  /** One statement on any pooled connection. */
  readonly #q: Query = async (sql, params = []) => {
    try {
      return (await this.pool.query(sql, clean(params))).rows as Row[];
    } catch (error) {
      throw this.#describe(error);
    }
  };

  /** Runs `work` in one transaction on one connection, retrying it after a deadlock or serialization failure. */
  async #tx<T>(work: (q: Query) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (error) {
        throw this.#describe(error);
      }
      const q: Query = async (sql, params = []) => (await client.query(sql, clean(params))).rows as Row[];
      try {
        await q('BEGIN');
        const result = await work(q);
        await q('COMMIT');
        client.release();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
        const code = (error as { code?: string }).code;
        if ((code === '40P01' || code === '40001') && attempt < MAX_TX_ATTEMPTS) continue;
        throw this.#describe(error);
      }
    }
  }

  /** Connection failures name the server (password hidden); SQL errors keep their message. */
  #describe(error: unknown): unknown {
    if (error instanceof WatchfloorError) return error;
    const code = (error as { code?: string }).code;
    if (code && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EHOSTUNREACH)$/.test(code)) {
      return new WatchfloorError('store/unreachable', `${this.#label}: cannot reach PostgreSQL (${code})`, {
        cause: error,
      });
    }
    if (code === '3D000' || code === '28P01' || code === '28000') {
      return new WatchfloorError('store/unreachable', `${this.#label}: ${(error as Error).message}`, { cause: error });
    }
    return error;
  }
}

const STORY_COLUMNS = `id, headline, first_seen AS "firstSeen", last_seen AS "lastSeen", article_count AS "articleCount",
  outlet_count AS "outletCount"`;

const ENTITY_SELECT = `SELECT e.id, e.name, e.type, e.code, e.lat, e.lon,
  count(m.article_id)::int AS "articleCount", COALESCE(sum(m.count), 0)::int AS "mentionCount",
  min(a.published_day) AS "firstSeen", max(a.published_day) AS "lastSeen"
  FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id LEFT JOIN articles a ON a.id = m.article_id`;

/** One fragment of about two dozen words around the matches, marked « », like FTS5's snippet(). */
/** Matches marked with the control characters 1 and 2 (see markSnippet), as SQLite's snippet() does here. */
const HEADLINE_OPTIONS =
  'StartSel="\u0001", StopSel="\u0002", MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=…';

/** A search as SQL: FROM, WHERE (with its parameters), the page's columns and order, and the matching ids. */
interface PgSearchPlan {
  limit: number;
  offset: number;
  params: unknown[];
  from: string;
  whereSql: string;
  select: string;
  order: string;
  /** SELECT of the matching article ids, for the facets. */
  ids: string;
}

function planPgSearch(query: SearchQuery): PgSearchPlan {
  const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const offset = Math.max(0, query.offset ?? 0);
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const terms = query.q ? parseQuery(query.q) : [];
  const tsquery = toTsQuery(terms, p);
  const where: string[] = [];
  if (tsquery) where.push('a.tsv @@ fts.q');
  else {
    // Only exclusions: every article but those.
    const excluded = toTsQuery(
      terms.filter((t) => t.isExcluded).map((t) => ({ ...t, isExcluded: false, isOr: true })),
      p,
    );
    if (excluded) where.push(`NOT (a.tsv @@ (${excluded}))`);
  }
  if (query.since) where.push(`a.published_day >= ${p(dayOf(query.since) ?? query.since)}`);
  if (query.until) where.push(`a.published_day <= ${p(dayOf(query.until) ?? `${query.until}\uffff`)}`);
  if (query.source) {
    const v = p(query.source.toLowerCase());
    where.push(`(lower(a.source) = ${v} OR lower(a.publisher) = ${v})`);
  }
  if (query.section) {
    const v = p(query.section.toLowerCase());
    where.push(`(lower(a.section) = ${v} OR ${v} = ANY(a.section_names))`);
  }
  if (query.country) {
    where.push(
      `EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id
        WHERE m.article_id = a.id AND e.type = 'country' AND e.code = ${p(query.country.toUpperCase())})`,
    );
  }
  if (query.actor) {
    if (query.actor.includes(':')) {
      where.push(`EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id = ${p(query.actor)})`);
    } else {
      // A code prefix, its LIKE wildcards matched as themselves.
      const v = p(`${likeLiteral(query.actor.toUpperCase())}%`);
      where.push(
        `EXISTS (SELECT 1 FROM events v WHERE v.article_id = a.id AND (v.source_code LIKE ${v} OR v.target_code LIKE ${v}))`,
      );
    }
  }
  if (query.eventType)
    where.push(
      `EXISTS (SELECT 1 FROM events v WHERE v.article_id = a.id AND ${eventTypeSql('v', query.eventType, p)})`,
    );
  const from = tsquery ? `articles a CROSS JOIN (SELECT ${tsquery} AS q) fts` : 'articles a';
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const order =
    tsquery && query.sort !== 'date'
      ? 'score ASC, a.published_day DESC NULLS LAST, a.id DESC'
      : 'a.published_day DESC NULLS LAST, a.id DESC';
  const hasMarkers = '(strpos(a.text, chr(1)) + strpos(a.text, chr(2)) > 0) AS has_markers';
  // Lower is better, as with bm25, so callers sort both engines' scores the same way.
  const select = tsquery
    ? `-ts_rank_cd('${RANK_WEIGHTS}', a.tsv, fts.q) AS score,
       ts_headline('${PG_TS_CONFIG}', a.text, fts.q, '${HEADLINE_OPTIONS}') AS snippet, ${hasMarkers}`
    : `NULL::float8 AS score, substr(a.text, 1, 240) AS snippet, ${hasMarkers}`;
  return { limit, offset, params, from, whereSql, select, order, ids: `SELECT a.id FROM ${from} ${whereSql}` };
}

/**
 * An event type condition: a CAMEO root ("07") or code prefix ("072"), or a PLOVER type ("AID"), as in SQLite;
 * anything else matches nothing (no LIKE wildcard passes).
 */
function eventTypeSql(alias: string, type: string, p: (value: unknown) => string): string {
  const upper = type.toUpperCase();
  if (/^\d{2}$/.test(upper)) return `${alias}.root = ${p(upper)}`;
  if (/^\d+$/.test(upper)) return `${alias}.cameo LIKE ${p(`${upper}%`)}`;
  return `${alias}.plover = ${p(upper)}`;
}

/** The facets' SQL over the matching ids, in the order source, section, country, eventType, actor; ties in code-point order. */
function facetSql(ids: string): string[] {
  return [
    `SELECT COALESCE(source, publisher) AS value, count(*)::int AS count FROM articles WHERE id IN (${ids})
     AND COALESCE(source, publisher) IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, COALESCE(source, publisher) COLLATE "C" LIMIT ${FACET_SIZE}`,
    `SELECT section AS value, count(*)::int AS count FROM articles WHERE id IN (${ids}) AND section IS NOT NULL
     GROUP BY 1 ORDER BY 2 DESC, section COLLATE "C" LIMIT ${FACET_SIZE}`,
    `SELECT e.code AS value, min(e.name) AS label, count(*)::int AS count FROM mentions m
     JOIN entities e ON e.id = m.entity_id
     WHERE m.article_id IN (${ids}) AND m.entity_id LIKE 'country:%' AND e.code IS NOT NULL
     GROUP BY e.code ORDER BY 3 DESC, e.code COLLATE "C" LIMIT ${FACET_SIZE}`,
    `SELECT plover AS value, count(DISTINCT article_id)::int AS count FROM events WHERE article_id IN (${ids})
     GROUP BY 1 ORDER BY 2 DESC, plover COLLATE "C" LIMIT ${FACET_SIZE}`,
    `SELECT code AS value, count(DISTINCT article_id)::int AS count FROM (
       SELECT article_id, source_code AS code FROM events WHERE article_id IN (${ids})
       UNION ALL SELECT article_id, target_code FROM events WHERE article_id IN (${ids})
     ) c WHERE code IS NOT NULL GROUP BY code ORDER BY 2 DESC, code COLLATE "C" LIMIT ${FACET_SIZE}`,
  ];
}

/**
 * A tsquery expression for parsed search-box terms, with FTS5's precedence (AND binds tighter than OR,
 * exclusions apply to the whole); every term goes through phraseto_tsquery as a bound parameter.
 */
export function toTsQuery(terms: readonly QueryTerm[], p: (value: unknown) => string): string | null {
  const positive = terms.filter((t) => !t.isExcluded);
  if (positive.length === 0) return null;
  const term = (t: QueryTerm): string => `phraseto_tsquery('${PG_TS_CONFIG}', ${p(t.words.join(' '))})`;
  const groups: string[][] = [];
  for (const t of positive) {
    const last = groups[groups.length - 1];
    if (last && !t.isOr) last.push(term(t));
    else groups.push([term(t)]);
  }
  let expr = groups.map((g) => `(${g.join(' && ')})`).join(' || ');
  for (const t of terms.filter((x) => x.isExcluded)) expr = `(${expr}) && !!${term(t)}`;
  return expr;
}

/**
 * Replaces the article and everything derived from it for one capture, in named phases: the article row (kept id
 * when it existed, its old derived rows deleted), then its entities and mentions, events and transfers. Runs
 * inside a transaction.
 */
async function writeAnalysis(
  q: Query,
  captureId: number,
  analysis: Analysis,
  pipelineVersion: string,
): Promise<number> {
  const articleId = await writeArticleRow(q, captureId, analysis, pipelineVersion);
  await writeMentions(q, articleId, analysis);
  await writeEvents(q, articleId, analysis);
  await writeTransfers(q, articleId, analysis);
  return articleId;
}

async function writeArticleRow(
  q: Query,
  captureId: number,
  analysis: Analysis,
  pipelineVersion: string,
): Promise<number> {
  const a = analysis.article;
  const [article] = await q(
    `INSERT INTO articles (capture_id, title, text, publisher, source, section, section_names, byline, published,
       published_day, language, url, pipeline_version, analyzed_at, analysis)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (capture_id) DO UPDATE SET title = excluded.title, text = excluded.text, publisher = excluded.publisher,
       source = excluded.source, section = excluded.section, section_names = excluded.section_names,
       byline = excluded.byline, published = excluded.published, published_day = excluded.published_day,
       language = excluded.language, url = excluded.url, pipeline_version = excluded.pipeline_version,
       analyzed_at = excluded.analyzed_at, analysis = excluded.analysis
     RETURNING id, (xmax = 0) AS inserted`,
    [
      captureId,
      a.title,
      a.text,
      a.publisher,
      a.source,
      a.section,
      analysis.sections.map((s) => s.name.toLowerCase()),
      a.byline,
      a.published,
      dayOf(a.published),
      a.language,
      a.url,
      pipelineVersion,
      new Date().toISOString(),
      JSON.stringify(analysis),
    ],
  );
  const articleId = article?.['id'] as number;
  if (article?.['inserted'] !== true) {
    await q(
      `WITH m AS (DELETE FROM mentions WHERE article_id = $1), v AS (DELETE FROM events WHERE article_id = $1)
       DELETE FROM transfers WHERE article_id = $1`,
      [articleId],
    );
  }
  return articleId;
}

async function writeMentions(q: Query, articleId: number, analysis: Analysis): Promise<void> {
  const entities = mergeEntities(analysis.entities);
  if (entities.length > 0) {
    const col = <K extends keyof Entity>(k: K): Array<Entity[K]> => entities.map((e) => e[k]);
    // Insert-or-skip, then fill missing codes and places only where needed: no lock on the busy rows
    // (country:RUS in every article) unless something changes, so workers do not queue on them.
    await q(
      `INSERT INTO entities (id, name, type, code, lat, lon)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[])
       ON CONFLICT (id) DO NOTHING`,
      [col('id'), col('name'), col('type'), col('code'), col('lat'), col('lon')],
    );
    await q(
      `UPDATE entities e SET code = COALESCE(e.code, n.code), lat = COALESCE(e.lat, n.lat), lon = COALESCE(e.lon, n.lon)
       FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[]) AS n(id, code, lat, lon)
       WHERE e.id = n.id AND ((e.code IS NULL AND n.code IS NOT NULL) OR (e.lat IS NULL AND n.lat IS NOT NULL)
         OR (e.lon IS NULL AND n.lon IS NOT NULL))`,
      [col('id'), col('code'), col('lat'), col('lon')],
    );
    const mentions = [...new Map(analysis.entities.map((e) => [e.id, e])).values()];
    await q(
      `INSERT INTO mentions (article_id, entity_id, name, role, affiliation, count, first_start)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[])`,
      [
        articleId,
        mentions.map((e) => e.id),
        mentions.map((e) => e.name),
        mentions.map((e) => e.role),
        mentions.map((e) => e.affiliation),
        mentions.map((e) => e.mentions.length),
        mentions.map((e) => e.mentions[0]?.start ?? 0),
      ],
    );
  }
}

async function writeEvents(q: Query, articleId: number, analysis: Analysis): Promise<void> {
  const events = analysis.events;
  if (events.length > 0) {
    await q(
      `INSERT INTO events (article_id, cameo, root, plover, quad_class, goldstein, source_name, source_code, target_name,
         target_code, date, precision, modality, quantities, location_name, lat, lon, speaker, via, evidence)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::float8[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::float8[],
         $17::float8[], $18::text[], $19::text[], $20::text[])`,
      [
        articleId,
        events.map((e) => e.cameo),
        events.map((e) => e.cameo.slice(0, 2)),
        events.map((e) => e.plover),
        events.map((e) => e.quadClass ?? null),
        events.map((e) => e.goldstein ?? null),
        events.map((e) => e.source?.name ?? null),
        events.map((e) => e.source?.code ?? null),
        events.map((e) => e.target?.name ?? null),
        events.map((e) => e.target?.code ?? null),
        events.map((e) => e.date),
        events.map((e) => e.precision),
        events.map((e) => e.modality),
        events.map((e) => JSON.stringify(e.quantities)),
        events.map((e) => e.location?.name ?? null),
        events.map((e) => e.location?.lat ?? null),
        events.map((e) => e.location?.lon ?? null),
        events.map((e) => e.attribution.speaker),
        events.map((e) => JSON.stringify(e.attribution.via)),
        events.map((e) => JSON.stringify(e.evidence)),
      ],
    );
  }
}

async function writeTransfers(q: Query, articleId: number, analysis: Analysis): Promise<void> {
  const transfers = analysis.transfers;
  if (transfers.length > 0) {
    await q(
      `INSERT INTO transfers (article_id, supplier, recipient, items, status, date, evidence)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        articleId,
        transfers.map((t) => t.supplier),
        transfers.map((t) => t.recipient),
        transfers.map((t) => JSON.stringify(t.items)),
        transfers.map((t) => t.status),
        transfers.map((t) => t.date),
        transfers.map((t) => JSON.stringify(t.evidence)),
      ],
    );
  }
}

async function writeFailure(q: Query, f: FailureRecord): Promise<void> {
  await q('INSERT INTO failures (origin, sha256, code, message, at) VALUES ($1, $2, $3, $4, $5)', [
    f.origin,
    f.sha256,
    f.code,
    f.message,
    f.at,
  ]);
}

/**
 * One row per entity id, sorted by id so concurrent transactions lock shared rows in the same order (no
 * deadlocks); the first occurrence names it and later ones fill a missing code or place, as SQLite's upsert does.
 */
function mergeEntities(entities: readonly Entity[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const e of entities) {
    const seen = byId.get(e.id);
    if (!seen) byId.set(e.id, e);
    else byId.set(e.id, { ...seen, code: seen.code ?? e.code, lat: seen.lat ?? e.lat, lon: seen.lon ?? e.lon });
  }
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/**
 * PostgreSQL text cannot hold U+0000; it becomes U+FFFD, one UTF-16 unit as well, so evidence offsets
 * into article text stay true. (The analysis JSON keeps the original: JSON escapes it.)
 */
function clean(params: readonly unknown[]): unknown[] {
  const fix = (v: unknown): unknown =>
    typeof v === 'string' && v.includes('\u0000')
      ? v.replaceAll('\u0000', '\uFFFD')
      : Array.isArray(v)
        ? v.map(fix)
        : v;
  return params.map(fix);
}

/** The URL with any password hidden, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
