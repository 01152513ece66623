/** Database rows to stored objects, shared by both engines: the column names and JSON text columns are the same. */
import type { Alert, CaptureRecord, SearchQuery, StoredEvent } from '../store.js';

export type Row = Record<string, unknown>;

export const CAPTURE_COLUMNS = 'id, sha256, size, media_type, origin, url, captured_at, is_gzipped';

/** A JSON text column, parsed. */
export function parseJson<T>(value: unknown): T {
  return JSON.parse(value as string) as T;
}

export function toCapture(r: Row): CaptureRecord {
  return {
    id: r['id'] as number,
    sha256: r['sha256'] as string,
    size: r['size'] as number,
    mediaType: r['media_type'] as string,
    origin: r['origin'] as string,
    url: (r['url'] as string | null) ?? null,
    capturedAt: r['captured_at'] as string,
    // SQLite has no boolean type (0/1); PostgreSQL returns true/false.
    isGzipped: r['is_gzipped'] === 1 || r['is_gzipped'] === true,
  };
}

export function toAlert(r: Row): Alert {
  return {
    id: r['id'] as number,
    name: r['name'] as string,
    query: parseJson<SearchQuery>(r['query']),
    email: (r['email'] as string | null) ?? null,
    digest: r['digest'] as Alert['digest'],
    createdAt: r['created_at'] as string,
    lastSentAt: (r['last_sent_at'] as string | null) ?? null,
    lastArticleId: r['last_article_id'] as number,
  };
}

export function toEvent(r: Row): StoredEvent {
  const str = (k: string): string | null => (r[k] as string | null) ?? null;
  const num = (k: string): number | null => (r[k] as number | null) ?? null;
  return {
    id: r['id'] as number,
    articleId: r['article_id'] as number,
    cameo: r['cameo'] as string,
    plover: r['plover'] as string,
    quadClass: num('quad_class'),
    goldstein: num('goldstein'),
    sourceName: str('source_name'),
    sourceCode: str('source_code'),
    targetName: str('target_name'),
    targetCode: str('target_code'),
    date: str('date'),
    precision: r['precision'] as StoredEvent['precision'],
    modality: r['modality'] as StoredEvent['modality'],
    quantities: parseJson<StoredEvent['quantities']>(r['quantities']),
    locationName: str('location_name'),
    lat: num('lat'),
    lon: num('lon'),
    speaker: str('speaker'),
    via: parseJson<string[]>(r['via']),
    evidence: parseJson<StoredEvent['evidence']>(r['evidence']),
    articleTitle: str('article_title'),
    articleUrl: str('article_url'),
    articlePublished: str('article_published'),
    articleSource: str('article_source'),
    analyzedAt: r['analyzed_at'] as string,
  };
}
