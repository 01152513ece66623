/** /api/events (JSON and GeoJSON), /api/transfers, /api/timeline and /api/network: the analysed events, filtered. */
import type { FastifyPluginAsync } from 'fastify';
import type { EventFilter, Store, StoredEvent } from '../../store.js';
import { EVENT_QUERY, TRANSFER_QUERY, type EventQuerystring } from '../schemas.js';
import type { Network, NetworkEdge, Timeline } from '../../api-types.js';
import { buildRegister } from '../../register/transfer-register.js';
import { AggregateCache } from '../aggregate-cache.js';
import { canonicalActorName, compoundMembers } from '../actor-names.js';

/** The store's event filter for a validated query string. */
export function toEventFilter(q: EventQuerystring): EventFilter {
  const filter: EventFilter = {};
  if (q.since) filter.since = q.since;
  if (q.until) filter.until = untilInclusive(q.until);
  if (q.type) filter.eventType = q.type;
  if (q.actor) filter.actor = q.actor;
  if (q.article !== undefined) filter.articleId = q.article;
  if (q.limit !== undefined) filter.limit = q.limit;
  if (q.offset !== undefined) filter.offset = q.offset;
  return filter;
}

/** "2023-07" as an upper bound means the whole of July: dates compare as strings, so pad with the largest suffix. */
function untilInclusive(until: string): string {
  return until.length < 10 ? `${until}\uffff` : until;
}

/** Events as GeoJSON points (those with a location that has coordinates). */
export function toGeoJson(events: readonly StoredEvent[]): unknown {
  return {
    type: 'FeatureCollection',
    features: events
      .filter((e) => e.lat !== null && e.lon !== null)
      .map((e) => ({
        type: 'Feature',
        id: e.id,
        geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
        properties: {
          cameo: e.cameo,
          plover: e.plover,
          quadClass: e.quadClass,
          date: e.date,
          modality: e.modality,
          source: e.sourceName,
          sourceCode: e.sourceCode,
          target: e.targetName,
          targetCode: e.targetCode,
          location: e.locationName,
          articleId: e.articleId,
          articleTitle: e.articleTitle,
          evidence: e.evidence.text,
        },
      })),
  };
}

export type { NetworkEdge, Timeline, TimelineBucket } from '../../api-types.js';

/** Events counted by month (or day) and PLOVER type, oldest first; undated events are left out. */
export function timelineOf(
  events: readonly StoredEvent[],
  interval: 'month' | 'day',
): Timeline {
  const width = interval === 'day' ? 10 : 7;
  const byPeriod = new Map<string, Record<string, number>>();
  const types = new Set<string>();
  for (const e of events) {
    const date = e.date ?? e.articlePublished;
    if (!date || date.length < width) continue;
    const period = date.slice(0, width);
    const counts = byPeriod.get(period) ?? {};
    counts[e.plover] = (counts[e.plover] ?? 0) + 1;
    byPeriod.set(period, counts);
    types.add(e.plover);
  }
  const buckets = [...byPeriod.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, counts]) => ({ period, counts }));
  return { types: [...types].sort(), buckets };
}

/**
 * Who acts on whom: actors (by code, else name) and directed edges weighted by event count. A node is
 * labelled by its canonical name (a country's own name, never "MOSCOW" or "Armenian"), else by the name
 * its events use most; a compound actor stored as one ("Britain, France and Germany") counts for each member.
 */
export function networkOf(events: readonly StoredEvent[]): Network {
  const nodes = new Map<string, { id: string; name: string; count: number }>();
  const names = new Map<string, Map<string, number>>();
  const edges = new Map<string, NetworkEdge>();
  const members = (code: string | null, name: string | null): Array<{ code: string | null; name: string | null }> =>
    compoundMembers(name) ?? [{ code, name }];
  const node = ({ code, name }: { code: string | null; name: string | null }): string | null => {
    const id = code ?? name;
    if (!id) return null;
    const existing = nodes.get(id) ?? { id, name: name ?? id, count: 0 };
    existing.count += 1;
    nodes.set(id, existing);
    if (name) {
      const tally = names.get(id) ?? new Map<string, number>();
      tally.set(name, (tally.get(name) ?? 0) + 1);
      names.set(id, tally);
    }
    return id;
  };
  for (const e of events) {
    const sources = members(e.sourceCode, e.sourceName).map(node);
    const targets = members(e.targetCode, e.targetName).map(node);
    for (const source of sources) {
      for (const target of targets) {
        if (!source || !target || source === target) continue;
        const key = `${source}\u0000${target}`;
        const edge = edges.get(key) ?? { source, target, count: 0, quadClass: null, byQuadClass: {} };
        edge.count += 1;
        const quad = String(e.quadClass ?? 0);
        edge.byQuadClass[quad] = (edge.byQuadClass[quad] ?? 0) + 1;
        edges.set(key, edge);
      }
    }
  }
  for (const n of nodes.values()) {
    const used = [...(names.get(n.id) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0];
    n.name = canonicalActorName(n.id) ?? used ?? n.id;
  }
  for (const edge of edges.values()) {
    const top = Object.entries(edge.byQuadClass).sort((a, b) => b[1] - a[1])[0];
    edge.quadClass = top && top[0] !== '0' ? Number(top[0]) : null;
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => b.count - a.count),
    edges: [...edges.values()].sort((a, b) => b.count - a.count),
  };
}

/** Events one aggregate (timeline, network) reads at most: enough for years of a busy desk, bounded for one request. */
export const MAX_AGGREGATE_EVENTS = 20_000;

export interface EventRoutesOptions {
  store: Store;
  /** Where timeline and network answers are kept between store changes; one per app. */
  aggregates?: AggregateCache;
}

/** The cache key of a query: its fields in a fixed order, so the same question is one key however it was written. */
function keyOf(route: string, query: object): string {
  return `${route}?${JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)))}`;
}

export const eventRoutes: FastifyPluginAsync<EventRoutesOptions> = async (app, { store, aggregates = new AggregateCache(store) }) => {
  app.get<{ Querystring: EventQuerystring }>(
    '/api/events',
    { schema: { summary: 'Events, newest first', tags: ['events'], querystring: EVENT_QUERY } },
    async (request) => store.listEvents(toEventFilter(request.query)),
  );

  app.get<{ Querystring: EventQuerystring }>(
    '/api/events.geojson',
    {
      schema: {
        summary: 'Events with coordinates, as a GeoJSON FeatureCollection',
        tags: ['events'],
        querystring: EVENT_QUERY,
        produces: ['application/geo+json'],
      },
    },
    async (request, reply) =>
      reply.type('application/geo+json').send(toGeoJson(await store.listEvents(toEventFilter(request.query)))),
  );

  app.get<{ Querystring: EventQuerystring & { interval?: 'month' | 'day' } }>(
    '/api/timeline',
    {
      schema: {
        summary: 'Event counts by period and PLOVER type',
        tags: ['events'],
        querystring: {
          ...EVENT_QUERY,
          properties: {
            ...EVENT_QUERY.properties,
            limit: { type: 'integer', minimum: 1, maximum: MAX_AGGREGATE_EVENTS, default: MAX_AGGREGATE_EVENTS },
            interval: { type: 'string', enum: ['month', 'day'], default: 'month' },
          },
        },
      },
    },
    async (request) =>
      aggregates.get(keyOf('timeline', request.query), async () =>
        timelineOf(await store.listEvents(toEventFilter(request.query)), request.query.interval ?? 'month'),
      ),
  );

  app.get<{ Querystring: EventQuerystring }>(
    '/api/network',
    {
      schema: {
        summary: 'Actor network: who acts on whom, edges weighted by count',
        tags: ['events'],
        querystring: {
          ...EVENT_QUERY,
          properties: {
            ...EVENT_QUERY.properties,
            limit: { type: 'integer', minimum: 1, maximum: MAX_AGGREGATE_EVENTS, default: MAX_AGGREGATE_EVENTS },
          },
        },
      },
    },
    async (request) =>
      aggregates.get(keyOf('network', request.query), async () => networkOf(await store.listEvents(toEventFilter(request.query)))),
  );

  app.get<{ Querystring: Omit<EventQuerystring, 'type'> }>(
    '/api/transfers',
    { schema: { summary: 'The arms-transfer register', tags: ['transfers'], querystring: TRANSFER_QUERY } },
    async (request) => store.listTransfers(toEventFilter(request.query)),
  );

  app.get<{ Querystring: Omit<EventQuerystring, 'type'> }>(
    '/api/transfers/register',
    {
      schema: {
        summary:
          'The arms-transfer register merged across reports: one entry per transfer, with every outlet that told it',
        tags: ['transfers'],
        querystring: TRANSFER_QUERY,
      },
    },
    async (request) => buildRegister(await store.listTransfers(toEventFilter(request.query))),
  );
};
