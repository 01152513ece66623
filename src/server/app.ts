/** The HTTP server: the JSON API under /api and the web desk, in one Fastify app over a Store. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Store } from '../store.js';
import type { Config } from '../config.js';
import { RequestError } from '../core/errors.js';
import { handleError } from './errors.js';
import { AggregateCache } from './aggregate-cache.js';
import { addEtags } from './etag.js';
import { addOpenApi } from './openapi.js';
import {
  addHostCheck,
  addRateLimit,
  addSecurityHeaders,
  addWriteGuard,
  allowedHostNames,
  clientErrorHandler,
  DEFAULT_RATE_LIMIT,
  frameworkError,
  type RateLimitOptions,
} from './security.js';
import { articleRoutes } from './routes/articles.js';
import { entityRoutes } from './routes/entities.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/exports.js';
import { pageRoutes } from './routes/pages.js';
import { storyRoutes } from './routes/stories.js';
import { queueRoutes } from './routes/queue.js';
import { syntaxRoutes } from './routes/syntax.js';
import { monitoringRoutes } from './routes/monitoring.js';
import { readStore, type SearchPool } from './search-pool.js';

/** The built web desk (npm run build), found from this file whether run from src/ or dist/. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** The API's version in the OpenAPI document; bumped when a route changes incompatibly. */
const API_VERSION = '1.0.0';

/**
 * Largest body of a JSON request (alerts and the like) unless a route says otherwise: a saved search is a
 * few hundred bytes; page uploads have their own limit (limits.maxBytes).
 */
export const JSON_BODY_LIMIT = 256 * 1024;

export interface AppOptions {
  store: Store;
  config: Config;
  /** Log requests (off in tests). */
  isLogging?: boolean;
  /** Per-address rate limit; defaults to config.rateLimit, then DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions;
  /** Folder of the built web desk; defaults to WEB_DIST. */
  webRoot?: string;
  /** Worker threads for searches and heavy reads (SQLite files only): made here unless given, or false for none. */
  searchPool?: SearchPool | false;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.isLogging === true,
    bodyLimit: JSON_BODY_LIMIT,
    // Slow or stalled clients must not hold sockets for ever.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    frameworkErrors: frameworkError,
    clientErrorHandler,
  });
  // Reads go to worker threads with their own connections (search-pool.ts); writes stay on options.store.
  const store = readStore({
    store: options.store,
    searchPool: options.searchPool,
    onClose: (close) => app.addHook('onClose', close),
  });
  // Timeline, network and credibility answers, kept until the store changes (uploads here say so at once).
  const aggregates = new AggregateCache(store);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request) => {
    throw new RequestError(404, 'not-found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`);
  });
  // In this order, all before any body is read: headers on every answer, then who may ask, then how often, then writes.
  addSecurityHeaders(app);
  addHostCheck(app, allowedHostNames(config.host, config.allowedHosts ?? []));
  addRateLimit(app, options.rateLimit ?? rateLimitFromConfig(config) ?? DEFAULT_RATE_LIMIT);
  addWriteGuard(app, config.token);
  addEtags(app);
  addOpenApi(app, { version: API_VERSION });

  app.get('/api/health', { schema: { summary: 'Liveness and store counts', tags: ['meta'] } }, async () => ({
    status: 'ok',
    store: store.kind,
    isWritable: config.token !== null,
    ...(await store.stats()),
  }));
  await app.register(articleRoutes, { store, limits: config.limits, token: config.token });
  await app.register(entityRoutes, { store });
  await app.register(eventRoutes, { store, aggregates });
  await app.register(exportRoutes, { store });
  await app.register(storyRoutes, { store });
  await app.register(monitoringRoutes, { store, config, aggregates });
  await app.register(pageRoutes, { store, config, onStored: () => aggregates.invalidate() });
  await app.register(queueRoutes, { config });
  await app.register(syntaxRoutes, { store });

  const webRoot = options.webRoot ?? WEB_DIST;
  if (existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: false, dotfiles: 'deny' });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('The web desk is not built: run `npm run build`. The API is under /api (see /api/openapi.json).\n'),
    );
  }
  return app;
}

/** `rateLimit: { perSecond, burst }` from the configuration file, when given and well formed. */
function rateLimitFromConfig(config: Config): RateLimitOptions | null {
  const value = config['rateLimit'] as Partial<RateLimitOptions> | undefined;
  if (!value || typeof value.perSecond !== 'number') return null;
  return { perSecond: value.perSecond, burst: typeof value.burst === 'number' ? value.burst : value.perSecond * 5 };
}
