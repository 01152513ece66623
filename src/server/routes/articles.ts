/** /api/search and /api/articles/:id. */
import type { FastifyPluginAsync } from 'fastify';
import type { SearchQuery, Store } from '../../store.js';
import { RequestError } from '../../core/errors.js';

export const articleRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: Record<string, string | undefined> }>('/api/search', async (request) => {
    const q = request.query;
    const query: SearchQuery = { q: q['q'] ?? '', sort: q['sort'] === 'date' ? 'date' : 'relevance' };
    for (const key of ['since', 'until', 'source', 'section', 'country', 'actor', 'eventType'] as const) {
      const value = q[key];
      if (value) query[key] = value;
    }
    for (const key of ['limit', 'offset'] as const) {
      const value = q[key];
      if (value === undefined) continue;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new RequestError(400, 'request/invalid', `${key}: not a whole number`);
      query[key] = n;
    }
    return store.search(query);
  });

  app.get<{ Params: { id: string } }>('/api/articles/:id', async (request) => {
    const id = Number(request.params.id);
    if (!Number.isInteger(id) || id < 1) throw new RequestError(400, 'request/invalid', 'id: not an article id');
    const article = await store.getArticle(id);
    if (!article) throw new RequestError(404, 'not-found', `no article ${id}`);
    return article;
  });
};
