/**
 * The JSON the HTTP API answers with, as types: the routes return them and the web desk imports them
 * (type-only, so nothing of the server reaches the browser bundle). This module and what it imports
 * (core/doc.ts, core/contract.ts, store.ts) hold types only: the desk's typecheck reads them, with
 * Node's `Buffer` declared as bytes (web/src/server-names.d.ts). Answers built in modules with runtime
 * code (the register, article capping) are declared here and checked against those modules in
 * test/server/api-types.test.ts, so neither side can drift.
 */
import type { Analysis } from './core/contract.js';
import type { DateFinding, Entity, Event, Evidence, Provenance, Quantity, Transfer, TransferItem } from './core/doc.js';
import type { Facet, SearchHit, SearchResult, StoredArticle, StoredEntity, StoredEvent, StoredTransfer } from './store.js';

export type { Analysis, DateFinding, Entity, Event, Evidence, Facet, Provenance, Quantity, SearchHit, SearchResult, StoredEntity, StoredEvent, StoredTransfer, Transfer, TransferItem };

/** What was left out of an article answer: for each capped list, how many it held. */
export interface AnswerTruncation {
  textLength?: number;
  entities?: number;
  dates?: number;
  events?: number;
  transfers?: number;
  messages?: number;
}

/** GET /api/articles/:id: the stored article, its analysis capped to what one answer carries, and where its raw capture is. */
export interface ArticleAnswer extends StoredArticle {
  rawUrl: string;
  truncated?: AnswerTruncation;
}

/** An actor mentioned alongside the entity of an entity page. */
export interface CoOccurrence {
  id: string;
  name: string;
  type: string;
  code: string | null;
  /** Articles (among the recent ones read) that mention both. */
  articles: number;
  /** Events between the two, either way round. */
  events: number;
}

/** GET /api/entities/:id */
export interface EntityPage {
  entity: StoredEntity;
  asSource: StoredEvent[];
  asTarget: StoredEvent[];
  cooccurring: CoOccurrence[];
  mentionsByMonth: Array<{ month: string; articles: number }>;
  articles: Array<{ articleId: number; title: string | null; published: string | null; count: number }>;
}

export interface TimelineBucket {
  period: string;
  counts: Record<string, number>;
}

/** GET /api/timeline: event counts by period and PLOVER type. */
export interface Timeline {
  types: string[];
  buckets: TimelineBucket[];
}

export interface NetworkEdge {
  source: string;
  target: string;
  count: number;
  /** The QuadClass most of the edge's events fall in (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict). */
  quadClass: number | null;
  byQuadClass: Record<string, number>;
}

/** GET /api/network: who acts on whom. */
export interface Network {
  nodes: Array<{ id: string; name: string; count: number }>;
  edges: NetworkEdge[];
}

/** One report of a register entry: the article that told the transfer. */
export interface RegisterReport {
  transferId: number;
  articleId: number;
  articleTitle: string | null;
  articleSource: string | null;
  articlePublished: string | null;
  evidence: StoredTransfer['evidence'];
}

/** GET /api/transfers/register: one transfer merged across the reports that told it. */
export interface RegisterEntry {
  supplier: string | null;
  recipient: string | null;
  status: StoredTransfer['status'];
  /** Each item once, with the largest count any report gave (null when none gave one). */
  items: TransferItem[];
  /** The earliest date any report gave. */
  date: string | null;
  /** Distinct outlets that reported it. */
  outlets: string[];
  /** How many independent outlets told it. */
  outletCount: number;
  reports: RegisterReport[];
}
