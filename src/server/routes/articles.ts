/** /api/search, /api/articles/:id and /api/articles/:id/raw (the capture as plain text, never as HTML). */
import { gunzipSync } from 'node:zlib';
import type { FastifyPluginAsync } from 'fastify';
import type { SearchQuery, Store } from '../../store.js';
import type { Limits } from '../../core/context.js';
import { RequestError } from '../../core/errors.js';
import { ARTICLE_PARAMS, SEARCH_QUERY, type SearchQuerystring } from '../schemas.js';

export interface ArticleRoutesOptions {
  store: Store;
  limits: Limits;
}

export const articleRoutes: FastifyPluginAsync<ArticleRoutesOptions> = async (app, { store, limits }) => {
  app.get<{ Querystring: SearchQuerystring }>(
    '/api/search',
    { schema: { summary: 'Full-text search with facets', tags: ['search'], querystring: SEARCH_QUERY } },
    async (request) => {
      const query: SearchQuery = {};
      for (const [key, value] of Object.entries(request.query)) {
        if (value !== undefined && value !== '') (query as Record<string, unknown>)[key] = value;
      }
      return store.search(query);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/articles/:id',
    { schema: { summary: 'One article with its analysis', tags: ['articles'], params: ARTICLE_PARAMS } },
    async (request) => {
      const article = await store.getArticle(request.params.id);
      if (!article) throw new RequestError(404, 'not-found', `no article ${request.params.id}`);
      return { ...article, rawUrl: `/api/articles/${article.id}/raw` };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/articles/:id/raw',
    {
      schema: {
        summary: 'The raw capture of an article, as plain text',
        tags: ['articles'],
        params: ARTICLE_PARAMS,
        produces: ['text/plain'],
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const article = await store.getArticle(id);
      if (!article) throw new RequestError(404, 'not-found', `no article ${id}`);
      const capture = await store.getCapture(article.captureId);
      let bytes = await store.getCaptureBytes(article.captureId);
      if (!capture || !bytes) throw new RequestError(404, 'not-found', `article ${id}: capture ${article.captureId} not found`);
      if (capture.isGzipped) bytes = gunzipSync(bytes, { maxOutputLength: limits.maxInflatedBytes });
      // Plain text whatever the page was, so a hostile page can never run here; sandboxed should a browser ignore that.
      return reply
        .type(isUtf8(bytes) ? 'text/plain; charset=utf-8' : 'text/plain')
        .header('Content-Disposition', `inline; filename="capture-${capture.id}-${capture.sha256.slice(0, 12)}.txt"`)
        .header('Content-Security-Policy', "sandbox; default-src 'none'")
        .send(bytes);
    },
  );
};

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
