/**
 * Monitoring routes: a story with its articles and graded events, source reliability grades, event
 * credibility, and alerts (saved searches with an Atom feed; writing them needs the bearer token).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { EventCredibility, OutletRecord, Store } from '../../store.js';
import { unknownOutlet } from '../../reliability/outlet-directory.js';
import { deskBaseUrl, type Config } from '../../config.js';
import { RequestError } from '../../core/errors.js';
import { readAlertInput } from '../../alerts/alert-input.js';
import { alertFeed } from '../../alerts/alert-feed.js';
import { DIGEST_SIZE } from '../../alerts/run-alerts.js';
import { hasValidToken, requireToken } from '../security.js';
import { AggregateCache } from '../aggregate-cache.js';
import { publicOrigin } from './articles.js';

/** A saved search is a few hundred bytes of JSON; nothing near this is a real one. */
const ALERT_BODY_LIMIT = 16 * 1024;

const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

/** Credibility rows one answer lists at most (a story has tens of events; the whole store can have tens of thousands). */
export const MAX_CREDIBILITY_ROWS = 5000;

export interface MonitoringRoutesOptions {
  store: Store;
  config: Config;
  /** Where heavy answers are kept between store changes; one per app. */
  aggregates?: AggregateCache;
}

export const monitoringRoutes: FastifyPluginAsync<MonitoringRoutesOptions> = async (
  app,
  { store, config, aggregates = new AggregateCache(store) },
) => {
  app.get<{ Params: { id: number } }>(
    '/api/stories/:id',
    {
      schema: {
        summary: 'A story: its articles, outlets and events with credibility grades',
        tags: ['stories'],
        params: ID_PARAMS,
      },
    },
    async (request) => {
      const story = await store.getStory(request.params.id);
      if (!story) throw new RequestError(404, 'not-found', `no story ${request.params.id}`);
      // A local path says where the desk's files lie: only the file name goes out (as for articles).
      return { ...story, articles: story.articles.map((a) => ({ ...a, origin: publicOrigin(a.origin) })) };
    },
  );

  app.get(
    '/api/outlets',
    { schema: { summary: 'Sources with their Admiralty reliability grade (A–F) and flags', tags: ['reliability'] } },
    async () => store.listOutlets(),
  );

  app.get<{ Querystring: { story?: number; article?: number; limit?: number; offset?: number } }>(
    '/api/credibility',
    {
      schema: {
        summary: 'Information credibility (1–6) of events, by story or article, a page at a time',
        tags: ['reliability'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            story: { type: 'integer', minimum: 1 },
            article: { type: 'integer', minimum: 1 },
            limit: { type: 'integer', minimum: 1, maximum: MAX_CREDIBILITY_ROWS, default: 1000 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (request) => {
      const { story, article, limit = 1000, offset = 0 } = request.query;
      // The store grades every event of the selection at once: kept until the store changes, then paged from.
      const rows = await aggregates.get(`credibility?story=${story ?? ''}&article=${article ?? ''}`, () =>
        store.listEventCredibility({
          ...(story !== undefined ? { storyId: story } : {}),
          ...(article !== undefined ? { articleId: article } : {}),
        }),
      );
      return rows.slice(offset, offset + limit);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/articles/:id/reliability',
    {
      schema: {
        summary: "An article's story, its outlet's reliability grade and flags, and its events' credibility grades",
        tags: ['reliability'],
        params: ID_PARAMS,
      },
    },
    async (request) => articleReliability(store, request.params.id),
  );

  app.get(
    '/api/alerts',
    { schema: { summary: 'Saved searches (e-mail addresses only with the token)', tags: ['alerts'] } },
    async (request) =>
      (await store.listAlerts()).map((alert) =>
        hasValidToken(request, config.token) ? alert : { ...alert, email: alert.email ? maskEmail(alert.email) : null },
      ),
  );

  app.post<{ Body: unknown }>(
    '/api/alerts',
    { bodyLimit: ALERT_BODY_LIMIT, schema: { summary: 'Save a search as an alert (bearer token)', tags: ['alerts'] } },
    async (request, reply) => {
      requireToken(request, config.token);
      const id = await store.putAlert(readAlertInput(request.body));
      return reply.status(201).send(await store.getAlert(id));
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/alerts/:id',
    { schema: { summary: 'Delete an alert (bearer token)', tags: ['alerts'], params: ID_PARAMS } },
    async (request, reply) => {
      requireToken(request, config.token);
      if (!(await store.deleteAlert(request.params.id)))
        throw new RequestError(404, 'not-found', `no alert ${request.params.id}`);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/alerts/:id/feed.atom',
    {
      schema: { summary: "An alert's Atom feed of the newest matching articles", tags: ['alerts'], params: ID_PARAMS },
    },
    async (request, reply) => {
      const alert = await store.getAlert(request.params.id);
      if (!alert) throw new RequestError(404, 'not-found', `no alert ${request.params.id}`);
      const result = await store.search({ ...alert.query, sort: 'date', limit: DIGEST_SIZE, offset: 0 });
      return reply
        .type('application/atom+xml; charset=utf-8')
        .send(alertFeed(alert, result.hits, deskBaseUrl(config)));
    },
  );
};

function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}…@${domain}`;
}

/** What the reader shows about an article's trustworthiness: its story, its outlet (grade F when unknown) and graded events. */
export interface ArticleReliability {
  articleId: number;
  storyId: number | null;
  outlet: OutletRecord | null;
  events: EventCredibility[];
}

async function articleReliability(store: Store, articleId: number): Promise<ArticleReliability> {
  if (!(await store.getArticle(articleId))) throw new RequestError(404, 'not-found', `no article ${articleId}`);
  const [row] = await store.listStoryFeatures({ articleIds: [articleId] });
  const name = (row?.features as { outlet?: unknown } | undefined)?.outlet;
  let outlet: OutletRecord | null = null;
  if (typeof name === 'string' && name !== '') {
    // An outlet missing from the stored list was unknown when the story was built: grade F, as getStory gives it.
    outlet = (await store.listOutlets()).find((o) => o.name === name) ?? unknownOutlet(name);
  }
  return { articleId, storyId: row?.storyId ?? null, outlet, events: await store.listEventCredibility({ articleId }) };
}
