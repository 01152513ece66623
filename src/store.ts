/**
 * The Store interface: raw captures kept verbatim, analyses derived from them, and the queries the CLI,
 * server and exports need. Implementations: store/sqlite.ts (default), store/postgres.ts (shared deployments).
 */
import type {
  Capture,
  DatePrecision,
  Evidence,
  Modality,
  Quantity,
  TransferItem,
  TransferStatus,
  EntityType,
} from './core/doc.js';
import type { Analysis } from './core/contract.js';

/** A capture's description as stored (the bytes are fetched apart, by id). */
export interface CaptureRecord {
  id: number;
  sha256: string;
  size: number;
  mediaType: string;
  origin: string;
  url: string | null;
  capturedAt: string;
  isGzipped: boolean;
}

export interface PutCaptureResult {
  id: number;
  /** False when the same bytes were already stored: nothing changed. */
  isNew: boolean;
}

export interface StoredArticle {
  id: number;
  captureId: number;
  sha256: string;
  origin: string;
  pipelineVersion: string;
  analyzedAt: string;
  analysis: Analysis;
}

export interface SearchQuery {
  /** Full-text query: words (all must match), "quoted phrases", OR, -excluded. Empty lists everything. */
  q?: string;
  /** Publication time bounds, ISO dates, inclusive. */
  since?: string;
  until?: string;
  /** Credited source or publisher (case-insensitive exact). */
  source?: string;
  section?: string;
  /** Country code (ISO alpha-3) of an entity mentioned in the article. */
  country?: string;
  /** Canonical entity id (`person:sergei-shoigu`) or actor code prefix of an event's source or target. */
  actor?: string;
  /** CAMEO root ("07") or PLOVER type ("AID") of an event in the article. */
  eventType?: string;
  sort?: 'relevance' | 'date';
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: number;
  title: string | null;
  source: string | null;
  publisher: string | null;
  section: string | null;
  published: string | null;
  url: string | null;
  /**
   * Snippet with matches wrapped in « » (plain text; the caller escapes for HTML). The page's own guillemets come
   * as ‹ ›, so « » only ever mark a match.
   */
  snippet: string;
  /** Lower is better (bm25), null when there is no query. */
  score: number | null;
}

export interface Facet {
  value: string;
  label?: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Record<'source' | 'section' | 'country' | 'eventType', Facet[]> & {
    /** Actor codes of the matching articles' events (sources and targets). */
    actor?: Facet[];
  };
  /**
   * The bound of the facet counts: they are exact over every match when `total` is at most this, and otherwise
   * count the newest this many matches.
   */
  facetSample?: number;
  /** How many matches the facets counted: `total` when exact. */
  facetsCounted?: number;
}

/** An event as stored: the contract's event plus where it came from. */
export interface StoredEvent {
  id: number;
  articleId: number;
  cameo: string;
  plover: string;
  quadClass: number | null;
  goldstein: number | null;
  sourceName: string | null;
  sourceCode: string | null;
  targetName: string | null;
  targetCode: string | null;
  date: string | null;
  precision: DatePrecision;
  modality: Modality;
  quantities: Quantity[];
  locationName: string | null;
  lat: number | null;
  lon: number | null;
  speaker: string | null;
  via: string[];
  evidence: Evidence;
  articleTitle: string | null;
  articleUrl: string | null;
  articlePublished: string | null;
  articleSource: string | null;
  analyzedAt: string;
}

export interface StoredTransfer {
  id: number;
  articleId: number;
  supplier: string | null;
  recipient: string | null;
  items: TransferItem[];
  status: TransferStatus;
  date: string | null;
  evidence: Evidence;
  articleTitle: string | null;
  articleSource: string | null;
  articlePublished: string | null;
}

export interface EventFilter {
  since?: string;
  until?: string;
  /** CAMEO root or code prefix, or PLOVER type. */
  eventType?: string;
  /** Actor code prefix matching source or target. */
  actor?: string;
  articleId?: number;
  limit?: number;
  offset?: number;
}

/** A canonical entity across articles, with how often and when it was mentioned. */
export interface StoredEntity {
  id: string;
  name: string;
  type: EntityType;
  code: string | null;
  lat: number | null;
  lon: number | null;
  articleCount: number;
  mentionCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface EntityFilter {
  q?: string;
  type?: EntityType;
  limit?: number;
  offset?: number;
}

/** One line of an entity's history: the article that mentioned it, and how. */
export interface EntityMention {
  articleId: number;
  title: string | null;
  published: string | null;
  name: string;
  role: string | null;
  count: number;
}

export interface FailureRecord {
  origin: string;
  sha256: string | null;
  code: string;
  message: string;
  at: string;
}

export interface StoreStats {
  captures: number;
  articles: number;
  events: number;
  transfers: number;
  entities: number;
  failures: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Brings the schema up to date; safe to call at every start. */
  migrate(): Promise<void>;
  /** The capture with these bytes, if stored. */
  findCapture(sha256: string): Promise<CaptureRecord | null>;
  getCapture(id: number): Promise<CaptureRecord | null>;
  getCaptureBytes(id: number): Promise<Buffer | null>;
  /** Ids of every capture, in capture order. */
  listCaptureIds(): Promise<number[]>;
  /** The pipeline version a capture was last analysed with, or null when it has no analysis. */
  analysisVersion(captureId: number): Promise<string | null>;
  /** The article analysed from a capture, if any (an "unchanged" page still names its article). */
  articleIdOf(captureId: number): Promise<number | null>;
  /**
   * Stores a capture and its analysis (or its failure) in one transaction: either all of it is
   * stored or none, so a killed ingest leaves nothing half-written. Same bytes twice: one capture.
   */
  putIngest(item: IngestItem): Promise<PutCaptureResult & { articleId: number | null }>;
  /** Replaces a capture's analysis (reprocess). */
  putAnalysis(captureId: number, analysis: Analysis, pipelineVersion: string): Promise<number>;
  recordFailure(failure: FailureRecord): Promise<void>;
  listFailures(limit?: number): Promise<FailureRecord[]>;
  search(query: SearchQuery): Promise<SearchResult>;
  getArticle(id: number): Promise<StoredArticle | null>;
  listEvents(filter?: EventFilter): Promise<StoredEvent[]>;
  listTransfers(filter?: EventFilter): Promise<StoredTransfer[]>;
  listEntities(filter?: EntityFilter): Promise<StoredEntity[]>;
  getEntity(id: string): Promise<StoredEntity | null>;
  entityMentions(id: string, limit?: number): Promise<EntityMention[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
  // Monitoring (watch state, stories, reliability, alerts): see the types under "Monitoring" below.
  getWatchState(sourceKey: string): Promise<WatchState | null>;
  putWatchState(state: WatchState): Promise<void>;
  getWatchItem(sourceKey: string, itemId: string): Promise<WatchItem | null>;
  /** True when a page with this URL was already ingested by the watcher (from any source). */
  isUrlWatched(url: string): Promise<boolean>;
  putWatchItem(item: WatchItem): Promise<void>;
  putStoryFeatures(articleId: number, day: string | null, features: unknown): Promise<void>;
  listStoryFeatures(filter?: StoryFeatureFilter): Promise<StoryFeatureRow[]>;
  /** Stores story groups: a group keeps the smallest story id among its members, or gets a new one. */
  saveStories(drafts: StoryDraft[]): Promise<number[]>;
  listStories(filter?: StoryFilter): Promise<StorySummary[]>;
  getStory(id: number): Promise<Story | null>;
  /** Replaces the outlets and their reliability grades. */
  putOutlets(outlets: OutletRecord[]): Promise<void>;
  listOutlets(): Promise<OutletRecord[]>;
  /** Replaces the credibility of the events of the given articles. */
  putEventCredibility(articleIds: number[], grades: EventCredibility[]): Promise<void>;
  listEventCredibility(filter?: { storyId?: number; articleId?: number }): Promise<EventCredibility[]>;
  putAlert(alert: AlertInput): Promise<number>;
  listAlerts(): Promise<Alert[]>;
  getAlert(id: number): Promise<Alert | null>;
  deleteAlert(id: number): Promise<boolean>;
  markAlertSent(id: number, at: string, lastArticleId: number): Promise<void>;
}

/** One capture to store, with its analysis or the error it failed with. */
export interface IngestItem {
  capture: Omit<Capture, 'body'>;
  bytes: Buffer;
  url: string | null;
  analysis: Analysis | null;
  failure: { code: string; message: string } | null;
  pipelineVersion: string;
}

// ---- Monitoring: watch state, stories, source reliability, alerts ----

/** What the watcher remembers about one watched URL between polls (and restarts). */
export interface WatchState {
  sourceKey: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  /** `ok`, `not-modified` or `failed`. */
  lastStatus: string | null;
  lastError: string | null;
}

/** One feed item the watcher has handled. */
export interface WatchItem {
  sourceKey: string;
  itemId: string;
  url: string | null;
  /** `ingested` (stored or unchanged), `failed` (retried until attempts run out), `skipped` (robots.txt, no link). */
  status: 'ingested' | 'failed' | 'skipped';
  attempts: number;
  articleId: number | null;
  seenAt: string;
}

export interface StoryFeatureFilter {
  /** Day bounds (YYYY-MM-DD), inclusive, on the article's day. */
  since?: string;
  until?: string;
  articleIds?: number[];
}

export interface StoryFeatureRow {
  articleId: number;
  storyId: number | null;
  day: string | null;
  features: unknown;
}

export interface StoryDraft {
  articleIds: number[];
  headline: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  outletCount: number;
}

export interface StoryFilter {
  since?: string;
  until?: string;
  /** Only stories told by at least this many outlets. */
  minOutlets?: number;
  limit?: number;
  offset?: number;
}

export interface StorySummary {
  id: number;
  headline: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  articleCount: number;
  outletCount: number;
}

export interface StoryArticle {
  id: number;
  title: string | null;
  outlet: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  /** The article's language (ISO 639-1), when detected. */
  language: string | null;
  /** The path or URL the page was ingested from, as given. */
  origin: string;
  /** Admiralty reliability of the outlet (A–F). */
  reliability: string;
}

export interface Story extends StorySummary {
  articles: StoryArticle[];
  outlets: string[];
  events: Array<StoredEvent & { credibility: EventCredibility | null }>;
}

/** A source and how far it is trusted (Admiralty code: A completely reliable … E unreliable, F cannot be judged). */
export interface OutletRecord {
  name: string;
  host: string | null;
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  kind: string | null;
  isStateAffiliated: boolean;
  isWireAgency: boolean;
  isOfficialBody: boolean;
  /** Where the grade came from: `config`, `default` (data/outlets.json) or `unknown`. */
  gradeOrigin: string;
}

/** An event's information credibility (Admiralty 1 confirmed … 5 improbable, 6 cannot be judged). */
export interface EventCredibility {
  eventId: number;
  articleId: number;
  storyId: number | null;
  grade: 1 | 2 | 3 | 4 | 5 | 6;
  /** Independent sources in the story reporting the same event (wire copy and near-duplicates count once). */
  independentSources: number;
  reason: string;
}

export interface AlertInput {
  name: string;
  /** The saved search: full-text query plus filters. */
  query: SearchQuery;
  /** Where digests go; null for a feed-only alert. */
  email: string | null;
  digest: 'immediate' | 'daily' | 'none';
}

export interface Alert extends AlertInput {
  id: number;
  createdAt: string;
  lastSentAt: string | null;
  /** The newest article already sent; later articles go in the next digest. */
  lastArticleId: number;
}
