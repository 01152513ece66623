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

export interface Facet {
  value: string;
  label?: string;
  count: number;
}

export interface SearchHit {
  id: number;
  title: string | null;
  source: string | null;
  publisher: string | null;
  section: string | null;
  published: string | null;
  url: string | null;
  snippet: string;
  score: number | null;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Partial<Record<'source' | 'section' | 'country' | 'eventType' | 'actor', Facet[]>>;
  /** Facets count only this many of the matches, when set. */
  facetSample?: number;
}

export interface Evidence {
  text: string;
  start: number;
  end: number;
}

/** Where a finding came from: the rule or model id, and the words that fired. */
export interface Provenance {
  rule?: string;
  trigger?: Evidence;
  history?: string[];
}

export interface Quantity {
  count: number;
  item: string;
  category?: string | null;
}

export interface AnalysisEntity extends Provenance {
  id: string;
  name: string;
  type: string;
  code: string | null;
  role: string | null;
  affiliation: string | null;
  mentions: Evidence[];
}

export interface AnalysisEvent extends Provenance {
  cameo: string;
  plover: string;
  source: { name: string; code: string | null } | null;
  target: { name: string; code: string | null } | null;
  date: string | null;
  precision: string;
  modality: string;
  quantities: Quantity[];
  location: { name: string; lat: number | null; lon: number | null } | null;
  attribution: { speaker: string | null; via: string[] };
  evidence: Evidence;
  goldstein?: number;
  quadClass?: number;
}

/** An item of a transfer: an unknown count is null. */
export interface TransferItem {
  count: number | null;
  item: string;
  category?: string | null;
}

export interface AnalysisTransfer extends Provenance {
  supplier: string | null;
  recipient: string | null;
  items: TransferItem[];
  status: string;
  date: string | null;
  evidence: Evidence;
}

export interface Article {
  id: number;
  captureId: number;
  sha256: string;
  origin: string;
  analyzedAt: string;
  rawUrl: string;
  analysis: {
    article: { title: string | null; text: string; publisher: string | null; source: string | null; section: string | null; byline: string | null; published: string | null; url: string | null };
    entities: AnalysisEntity[];
    dates: Array<Evidence & Provenance & { value: string | null; precision: string }>;
    events: AnalysisEvent[];
    transfers: AnalysisTransfer[];
  };
}

export interface StoredEvent {
  id: number;
  articleId: number;
  cameo: string;
  plover: string;
  quadClass: number | null;
  sourceName: string | null;
  sourceCode: string | null;
  targetName: string | null;
  targetCode: string | null;
  date: string | null;
  modality: string;
  locationName: string | null;
  lat: number | null;
  lon: number | null;
  evidence: Evidence;
  articleTitle: string | null;
  articlePublished: string | null;
}

export interface StoredEntity {
  id: string;
  name: string;
  type: string;
  code: string | null;
  lat: number | null;
  lon: number | null;
  articleCount: number;
  mentionCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface EntityPage {
  entity: StoredEntity;
  asSource: StoredEvent[];
  asTarget: StoredEvent[];
  cooccurring: Array<{ id: string; name: string; type: string; code: string | null; articles: number; events: number }>;
  mentionsByMonth: Array<{ month: string; articles: number }>;
  articles: Array<{ articleId: number; title: string | null; published: string | null; count: number }>;
}

/** One entry of the merged register (/api/transfers/register): a transfer and every report of it. */
export interface RegisterEntry {
  supplier: string | null;
  recipient: string | null;
  status: string;
  items: TransferItem[];
  date: string | null;
  outlets: string[];
  outletCount: number;
  reports: Array<{ transferId: number; articleId: number; articleTitle: string | null; articleSource: string | null; articlePublished: string | null; evidence: Evidence }>;
}

export interface StoredTransfer {
  id: number;
  articleId: number;
  supplier: string | null;
  recipient: string | null;
  items: TransferItem[];
  status: string;
  date: string | null;
  evidence: Evidence;
  articleTitle: string | null;
  articleSource: string | null;
  articlePublished: string | null;
}

export interface Timeline {
  types: string[];
  buckets: Array<{ period: string; counts: Record<string, number> }>;
}

export interface Network {
  nodes: Array<{ id: string; name: string; count: number }>;
  edges: Array<{ source: string; target: string; count: number; quadClass: number | null }>;
}
