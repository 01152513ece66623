/** /api/stories: story clusters (articles about the same happening) from the store; one story is /api/stories/:id (routes/monitoring.ts). */
import type { FastifyPluginAsync } from 'fastify';
import type { Store, StoryFilter } from '../../store.js';
import { DAY } from '../schemas.js';


export const storyRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: StoryFilter }>(
    '/api/stories',
    {
      schema: {
        summary: 'Story clusters, newest first: articles about the same happening, with how many outlets told it',
        tags: ['stories'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            since: DAY,
            until: DAY,
            minOutlets: { type: 'integer', minimum: 1, maximum: 1000 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            offset: { type: 'integer', minimum: 0, maximum: 10_000, default: 0 },
          },
        },
      },
    },
    async (request) => {
      const filter: StoryFilter = {};
      for (const [key, value] of Object.entries(request.query)) if (value !== undefined && value !== '') (filter as Record<string, unknown>)[key] = value;
      return store.listStories(filter);
    },
  );

};
