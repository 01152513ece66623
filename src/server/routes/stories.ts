/** /api/stories: story clusters, when the store can list them (the stories feature adds that method). */
import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store.js';
import { RequestError } from '../../core/errors.js';

type ListStories = (filter?: { limit?: number; offset?: number }) => Promise<unknown>;

export const storyRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: { limit?: number; offset?: number } }>(
    '/api/stories',
    {
      schema: {
        summary: 'Story clusters: articles about the same happening',
        tags: ['stories'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            offset: { type: 'integer', minimum: 0, maximum: 10_000, default: 0 },
          },
        },
      },
    },
    async (request) => {
      const list = (store as unknown as { listStories?: ListStories }).listStories;
      if (typeof list !== 'function') throw new RequestError(501, 'stories/unavailable', 'this store does not cluster stories yet');
      return list.call(store, { limit: request.query.limit ?? 100, offset: request.query.offset ?? 0 });
    },
  );
};
