/** /api/export/events?format=csv|jsonl|geojson|gdelt: the filtered events as a download. */
import type { FastifyPluginAsync } from 'fastify';
import type { Store, StoredEvent } from '../../store.js';
import { RequestError } from '../../core/errors.js';
import { EXPORT_QUERY, type ExportQuerystring } from '../schemas.js';
import { toEventFilter, toGeoJson } from './events.js';

type Format = NonNullable<ExportQuerystring['format']>;

/** A module's writer for one format: events in, file text out. */
type Writer = (events: readonly StoredEvent[]) => string;

const MEDIA_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  gdelt: 'text/tab-separated-values; charset=utf-8',
};

const EXTENSIONS: Record<Format, string> = { csv: 'csv', jsonl: 'jsonl', geojson: 'geojson', gdelt: 'tsv' };

/** The exports module's writer for a format, when that module has landed; null otherwise. */
async function exportsWriter(format: Format): Promise<Writer | null> {
  // Loaded by a computed path: the exports module is written apart and may not be there yet.
  const modulePath = '../../exports/index.js';
  try {
    const module = (await import(modulePath)) as Record<string, unknown>;
    const names = [`to${format[0]!.toUpperCase()}${format.slice(1)}`, `${format}Export`, `export${format[0]!.toUpperCase()}${format.slice(1)}`];
    for (const name of names) {
      const fn = module[name];
      if (typeof fn === 'function') return fn as Writer;
    }
  } catch {
    // No exports module: fall back to the writers below.
  }
  return null;
}

const CSV_COLUMNS = ['id', 'date', 'cameo', 'plover', 'quadClass', 'goldstein', 'sourceName', 'sourceCode', 'targetName', 'targetCode', 'modality', 'locationName', 'lat', 'lon', 'articleId', 'articleTitle', 'evidence'] as const;

/** One CSV field: quoted when it holds a separator, and a leading = + - @ defused so spreadsheets do not run it. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const FALLBACK: Partial<Record<Format, Writer>> = {
  csv: (events) =>
    [CSV_COLUMNS.join(','), ...events.map((e) => CSV_COLUMNS.map((c) => csvField(c === 'evidence' ? e.evidence.text : e[c])).join(','))].join('\n') + '\n',
  jsonl: (events) => events.map((e) => JSON.stringify(e)).join('\n') + (events.length > 0 ? '\n' : ''),
  geojson: (events) => JSON.stringify(toGeoJson(events)),
};

export const exportRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: ExportQuerystring }>(
    '/api/export/events',
    {
      schema: {
        summary: 'Download the filtered events as CSV, JSON lines, GeoJSON or GDELT-style TSV',
        tags: ['exports'],
        querystring: EXPORT_QUERY,
        produces: Object.values(MEDIA_TYPES),
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'csv';
      const writer = (await exportsWriter(format)) ?? FALLBACK[format];
      if (!writer) throw new RequestError(501, 'export/unavailable', `format ${format}: this build has no ${format} writer yet`);
      const events = await store.listEvents(toEventFilter(request.query));
      return reply
        .type(MEDIA_TYPES[format])
        .header('Content-Disposition', `attachment; filename="watchfloor-events.${EXTENSIONS[format]}"`)
        .send(writer(events));
    },
  );
};
