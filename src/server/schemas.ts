/** JSON schemas for the API's query strings and parameters: Fastify validates with them and the OpenAPI document lists them. */
import type { SearchQuery } from '../store.js';

/** A year, month or day, matched in full (`2023-07-01x` or month 13 is a 400, not a silent prefix match). */
export const DAY_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';
export const DAY = { type: 'string', pattern: DAY_PATTERN, maxLength: 10, description: 'ISO date (YYYY, YYYY-MM or YYYY-MM-DD)' } as const;
const SHORT = { type: 'string', maxLength: 200 } as const;
const LIMIT = (max: number, fallback: number) => ({ type: 'integer', minimum: 1, maximum: max, default: fallback }) as const;
/** Deep pages cost a scan each; nobody reads past this many hits, and a script should narrow its query instead. */
const OFFSET = { type: 'integer', minimum: 0, maximum: 10_000, default: 0 } as const;

export const SEARCH_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 500, description: 'words (all must match), "quoted phrases", OR, -excluded' },
    since: DAY,
    until: DAY,
    source: SHORT,
    section: SHORT,
    country: { type: 'string', pattern: '^[A-Za-z]{3}$', description: 'ISO alpha-3 country code' },
    actor: { ...SHORT, description: 'entity id (person:sergei-shoigu) or actor code prefix (RUSMIL)' },
    eventType: { ...SHORT, description: 'CAMEO root ("07") or PLOVER type ("AID")' },
    sort: { type: 'string', enum: ['relevance', 'date'], default: 'relevance' },
    limit: LIMIT(100, 20),
    offset: OFFSET,
  },
} as const;

/** Events one /api/events answer lists at most. */
export const MAX_EVENTS_LISTED = 5000;
/** Events one export carries at most. */
export const MAX_EVENTS_EXPORTED = 20_000;

export const EVENT_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    since: DAY,
    until: DAY,
    type: { ...SHORT, description: 'CAMEO root or code prefix ("07", "072") or PLOVER type ("AID")' },
    actor: { ...SHORT, description: 'actor code prefix of the source or the target (RUS, RUSMIL)' },
    article: { type: 'integer', minimum: 1 },
    // The desk asks for at most 5,000 (map, reader); a list this long is already more than anyone reads.
    limit: LIMIT(MAX_EVENTS_LISTED, 1000),
    offset: OFFSET,
  },
} as const;

export const EXPORT_QUERY = {
  ...EVENT_QUERY,
  properties: {
    ...EVENT_QUERY.properties,
    // Exports stream page by page, so they may run longer than a listing.
    limit: LIMIT(MAX_EVENTS_EXPORTED, 1000),
    format: { type: 'string', enum: ['csv', 'jsonl', 'geojson', 'gdelt'], default: 'csv' },
  },
} as const;

export const TRANSFER_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    since: DAY,
    until: DAY,
    actor: { ...SHORT, description: 'supplier or recipient code prefix' },
    article: { type: 'integer', minimum: 1 },
    limit: LIMIT(20_000, 1000),
    offset: OFFSET,
  },
} as const;

export const ENTITY_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: SHORT,
    type: { type: 'string', enum: ['person', 'organization', 'country', 'place', 'region', 'other'] },
    limit: LIMIT(1000, 100),
    offset: OFFSET,
  },
} as const;

export const ARTICLE_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const ENTITY_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 3, maxLength: 200, pattern: '^[a-z]+:' } },
} as const;

/** The search query string is the store's SearchQuery, field for field. */
export type SearchQuerystring = SearchQuery;

export interface EventQuerystring {
  since?: string;
  until?: string;
  type?: string;
  actor?: string;
  article?: number;
  limit?: number;
  offset?: number;
}

export interface ExportQuerystring extends EventQuerystring {
  format?: 'csv' | 'jsonl' | 'geojson' | 'gdelt';
}

export interface EntityQuerystring {
  q?: string;
  type?: 'person' | 'organization' | 'country' | 'place' | 'region' | 'other';
  limit?: number;
  offset?: number;
}
