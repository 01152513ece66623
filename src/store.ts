/**
 * The Store interface: raw captures kept verbatim, analyses derived from them, and the queries the CLI,
 * server and exports need. Implementations: store/sqlite.ts (default), store/postgres.ts (shared deployments).
 */
import type { Capture, DatePrecision, Evidence, Modality, Quantity, TransferStatus, EntityType } from './core/doc.js';
import type { Analysis } from './analysis.js';

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
  /** Snippet with matches wrapped in « » (plain text; the caller escapes for HTML). */
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
  facets: Record<'source' | 'section' | 'country' | 'eventType', Facet[]>;
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
  items: Quantity[];
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
