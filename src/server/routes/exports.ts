/** /api/export/events?format=csv|jsonl|geojson|gdelt and /api/export/transfers?format=csv|jsonl: the filtered rows as a download. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { EventFilter, Store } from '../../store.js';
import { eventStreamWriter, toTransfersCsv, toTransfersJsonl } from '../../exports/index.js';
import { EXPORT_QUERY, TRANSFER_QUERY, type EventQuerystring, type ExportQuerystring } from '../schemas.js';
import { toEventFilter } from './events.js';

const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  gdelt: 'text/tab-separated-values; charset=utf-8',
} as const;

/** Events read from the store per step of a streamed export: small enough that other requests run in between. */
const EXPORT_PAGE = 1000;
const EXTENSIONS = { csv: 'csv', jsonl: 'jsonl', geojson: 'geojson', gdelt: 'tsv' } as const;

function download(reply: FastifyReply, format: keyof typeof MEDIA_TYPES, name: string, body: string | Readable): FastifyReply {
  return reply.type(MEDIA_TYPES[format]).header('Content-Disposition', `attachment; filename="${name}.${EXTENSIONS[format]}"`).send(body);
}

/** The export's text, read from the store a page at a time and written as it comes (exported for tests). */
export async function* streamEvents(store: Store, filter: EventFilter, format: keyof typeof MEDIA_TYPES): AsyncGenerator<string> {
  const writer = eventStreamWriter(format);
  const limit = filter.limit ?? EXPORT_PAGE;
  let offset = filter.offset ?? 0;
  yield writer.head;
  for (let left = limit; left > 0; ) {
    const page = await store.listEvents({ ...filter, limit: Math.min(EXPORT_PAGE, left), offset });
    const text = writer.page(page);
    if (text !== '') yield text;
    if (page.length < Math.min(EXPORT_PAGE, left)) break;
    left -= page.length;
    offset += page.length;
  }
  yield writer.tail;
}

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
      return download(reply, format, 'watchfloor-events', Readable.from(streamEvents(store, toEventFilter(request.query), format)));
    },
  );

  app.get<{ Querystring: Omit<EventQuerystring, 'type'> & { format?: 'csv' | 'jsonl' } }>(
    '/api/export/transfers',
    {
      schema: {
        summary: 'Download the arms-transfer register as CSV or JSON lines',
        tags: ['exports'],
        querystring: { ...TRANSFER_QUERY, properties: { ...TRANSFER_QUERY.properties, format: { type: 'string', enum: ['csv', 'jsonl'], default: 'csv' } } },
        produces: [MEDIA_TYPES.csv, MEDIA_TYPES.jsonl],
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'csv';
      const transfers = await store.listTransfers(toEventFilter(request.query));
      return download(reply, format, 'watchfloor-transfers', format === 'csv' ? toTransfersCsv(transfers) : toTransfersJsonl(transfers));
    },
  );
};
