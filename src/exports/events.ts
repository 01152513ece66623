/** Stored events as CSV, JSON lines and GeoJSON, for analysts' spreadsheets, scripts and maps. */
import type { Quantity } from '../core/doc.js';
import type { StoredEvent } from '../store.js';
import { toCsvText } from './csv.js';
import { toGdelt } from './gdelt.js';

/** The events CSV's columns, in order (documented in docs/exports.md). */
export const EVENT_CSV_COLUMNS = [
  'id', 'date', 'precision', 'cameo', 'plover', 'quad_class', 'goldstein', 'source_name', 'source_code', 'target_name',
  'target_code', 'modality', 'quantities', 'location', 'lat', 'lon', 'speaker', 'via', 'article_id', 'article_title',
  'article_source', 'article_published', 'article_url', 'evidence',
] as const;

/** "12 armored vehicles; $700 million": quantities in one field. */
export function quantitiesText(quantities: readonly Quantity[]): string {
  return quantities.map((q) => (q.category === 'money' ? q.item : `${q.count} ${q.item}`)).join('; ');
}

/** Events as RFC 4180 CSV with a header row. */
export function toCsv(events: readonly StoredEvent[]): string {
  return toCsvText(
    EVENT_CSV_COLUMNS,
    events.map((e) => [
      e.id, e.date, e.precision, e.cameo, e.plover, e.quadClass, e.goldstein, e.sourceName, e.sourceCode, e.targetName,
      e.targetCode, e.modality, quantitiesText(e.quantities), e.locationName, e.lat, e.lon, e.speaker, e.via.join(' > '),
      e.articleId, e.articleTitle, e.articleSource, e.articlePublished, e.articleUrl, e.evidence.text,
    ]),
  );
}

/** Events as JSON lines: one stored event per line. */
export function toJsonl(events: readonly StoredEvent[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + (events.length > 0 ? '\n' : '');
}

/** One event with a place as a GeoJSON point feature ([lon, lat], as GeoJSON orders them); null without coordinates. */
export function geojsonFeature(e: StoredEvent): object | null {
  if (e.lat === null || e.lon === null) return null;
  return {
    type: 'Feature',
    id: e.id,
    geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
    properties: {
      cameo: e.cameo, plover: e.plover, quadClass: e.quadClass, goldstein: e.goldstein, date: e.date,
      precision: e.precision, modality: e.modality, source: e.sourceName, sourceCode: e.sourceCode,
      target: e.targetName, targetCode: e.targetCode, location: e.locationName, quantities: quantitiesText(e.quantities),
      speaker: e.speaker, via: e.via, articleId: e.articleId, articleTitle: e.articleTitle, articleUrl: e.articleUrl,
      evidence: e.evidence.text,
    },
  };
}

/** Events that have a place as a GeoJSON FeatureCollection of points. */
export function toGeojson(events: readonly StoredEvent[]): string {
  const features = events.map(geojsonFeature).filter((f) => f !== null);
  return JSON.stringify({ type: 'FeatureCollection', features }) + '\n';
}

/**
 * A writer that takes events a page at a time, for exports streamed as they are read: `head` once, `page` for
 * each page in order, `tail` once. Their concatenation equals the whole-list writer's output.
 */
export interface EventStreamWriter {
  head: string;
  page(events: readonly StoredEvent[]): string;
  tail: string;
}

const CSV_HEADER_LINE = toCsvText(EVENT_CSV_COLUMNS, []);

/** A fresh page-at-a-time writer for one export. */
export function eventStreamWriter(format: 'csv' | 'jsonl' | 'geojson' | 'gdelt'): EventStreamWriter {
  switch (format) {
    case 'csv':
      return { head: CSV_HEADER_LINE, page: (events) => toCsv(events).slice(CSV_HEADER_LINE.length), tail: '' };
    case 'jsonl':
      return { head: '', page: toJsonl, tail: '' };
    case 'gdelt':
      return { head: '', page: toGdelt, tail: '' };
    case 'geojson': {
      let isEmpty = true;
      return {
        head: '{"type":"FeatureCollection","features":[',
        page: (events) => {
          const features = events.map(geojsonFeature).filter((f) => f !== null).map((f) => JSON.stringify(f));
          if (features.length === 0) return '';
          const text = (isEmpty ? '' : ',') + features.join(',');
          isEmpty = false;
          return text;
        },
        tail: ']}\n',
      };
    }
  }
}
