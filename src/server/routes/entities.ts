/** /api/entities and /api/entities/:id: an entity with its events as source and as target, co-occurring actors, mentions over time. */
import type { FastifyPluginAsync } from 'fastify';
import type { EntityFilter, Store, StoredEntity } from '../../store.js';
import { RequestError } from '../../core/errors.js';
import { ENTITY_PARAMS, ENTITY_QUERY, type EntityQuerystring } from '../schemas.js';
import type { CoOccurrence, EntityPage } from '../../api-types.js';

/** Events looked at for one entity page; older ones beyond this are left out of its timeline. */
const ENTITY_EVENTS_LIMIT = 2000;
/** Articles whose entities are read to find who is mentioned alongside; the most recent ones. */
const COOCCURRENCE_ARTICLES = 100;

export type { CoOccurrence, EntityPage } from '../../api-types.js';

/** Whether an event actor is this entity: by its code (prefix: RUSMIL is Russia's) or, lacking one, by name. */
function isActor(entity: StoredEntity, code: string | null, name: string | null): boolean {
  if (entity.code && code) return code.startsWith(entity.code);
  return name !== null && name.toLowerCase() === entity.name.toLowerCase();
}

/** Everything the entity page shows, in one answer. */
export async function entityPage(store: Store, entity: StoredEntity): Promise<EntityPage> {
  const [events, mentions] = await Promise.all([
    entity.code ? store.listEvents({ actor: entity.code, limit: ENTITY_EVENTS_LIMIT }) : Promise.resolve([]),
    store.entityMentions(entity.id, 5000),
  ]);
  const asSource = events.filter((e) => isActor(entity, e.sourceCode, e.sourceName));
  const asTarget = events.filter((e) => isActor(entity, e.targetCode, e.targetName));
  const byMonth = new Map<string, number>();
  for (const m of mentions) {
    const month = m.published?.slice(0, 7);
    if (month) byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
  }
  const together = new Map<string, CoOccurrence>();
  const articles = await Promise.all(mentions.slice(0, COOCCURRENCE_ARTICLES).map((m) => store.getArticle(m.articleId)));
  for (const article of articles) {
    for (const other of article?.analysis.entities ?? []) {
      if (other.id === entity.id) continue;
      const row = together.get(other.id) ?? { id: other.id, name: other.name, type: other.type, code: other.code, articles: 0, events: 0 };
      row.articles += 1;
      together.set(other.id, row);
    }
  }
  for (const e of events) {
    const other = isActor(entity, e.sourceCode, e.sourceName) ? e.targetCode : e.sourceCode;
    if (!other) continue;
    for (const row of together.values()) if (row.code && other.startsWith(row.code)) row.events += 1;
  }
  return {
    entity,
    asSource,
    asTarget,
    cooccurring: [...together.values()].sort((a, b) => b.articles - a.articles || b.events - a.events).slice(0, 25),
    mentionsByMonth: [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, articles]) => ({ month, articles })),
    articles: mentions.slice(0, 50).map((m) => ({ articleId: m.articleId, title: m.title, published: m.published, count: m.count })),
  };
}

export const entityRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: EntityQuerystring }>(
    '/api/entities',
    { schema: { summary: 'Entities by how many articles mention them', tags: ['entities'], querystring: ENTITY_QUERY } },
    async (request) => {
      const filter: EntityFilter = {};
      const q = request.query;
      if (q.q) filter.q = q.q;
      if (q.type) filter.type = q.type;
      if (q.limit !== undefined) filter.limit = q.limit;
      if (q.offset !== undefined) filter.offset = q.offset;
      return store.listEntities(filter);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/entities/:id',
    {
      schema: {
        summary: 'One entity: its events as source and as target, co-occurring actors, mentions over time',
        tags: ['entities'],
        params: ENTITY_PARAMS,
      },
    },
    async (request) => {
      const entity = await store.getEntity(request.params.id);
      if (!entity) throw new RequestError(404, 'not-found', `no entity ${request.params.id}`);
      return entityPage(store, entity);
    },
  );
};
