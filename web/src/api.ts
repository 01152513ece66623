/** The desk's only way to the data: JSON from /api, with errors turned into messages. */

/** An API error with the server's code and message. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GETs /api/<path> with query parameters (empty ones left out) and parses the JSON answer. */
export async function getJson<T>(path: string, params: Record<string, string | number | undefined | null> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const url = `/api/${path}${query.size > 0 ? `?${query}` : ''}`;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    let code = 'http';
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiError(res.status, code, message);
  }
  return (await res.json()) as T;
}

// The answers' shapes come from the server's own types (src/api-types.ts), imported as types only:
// nothing of the server is bundled, and a change there that the desk does not follow fails its typecheck.
import type { ArticleAnswer, DateFinding, Entity, Event, Transfer } from '../../src/api-types.js';

export type {
  EntityPage,
  Evidence,
  Facet,
  Network,
  Provenance,
  Quantity,
  RegisterEntry,
  SearchHit,
  SearchResult,
  StoredEntity,
  StoredEvent,
  StoredTransfer,
  Timeline,
  TransferItem,
} from '../../src/api-types.js';

/** GET /api/articles/:id */
export type Article = ArticleAnswer;
export type AnalysisEntity = Entity;
export type AnalysisDate = DateFinding;
export type AnalysisEvent = Event;
export type AnalysisTransfer = Transfer;
