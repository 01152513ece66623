/** The HTTP server: the JSON API under /api and the web desk, in one Fastify app over a Store. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store.js';
import type { Config } from '../config.js';
import { handleError } from './errors.js';
import { articleRoutes } from './routes/articles.js';

export interface AppOptions {
  store: Store;
  config: Config;
  /** Log requests (off in tests). */
  isLogging?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.isLogging === true, bodyLimit: options.config.limits.maxBytes });
  app.setErrorHandler(handleError);
  app.get('/api/health', async () => ({ status: 'ok', store: options.store.kind, ...(await options.store.stats()) }));
  await app.register(articleRoutes, { store: options.store });
  return app;
}
