/** POST /api/pages: upload one page (raw body, or JSON `{url, content}`) with the bearer token; it is ingested like any other. */
import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store.js';
import type { Config } from '../../config.js';
import type { DocInput } from '../../core/doc.js';
import { RequestError } from '../../core/errors.js';
import { readPublished } from '../../inputs.js';
import type { IngestOutcome } from '../../ingest.js';
import type { OutletDirectory } from '../../reliability/outlet-directory.js';
import { configuredSources } from '../../watch/sources.js';
import { IngestWorker } from '../ingest-worker.js';

export interface PageRoutesOptions {
  store: Store;
  config: Config;
  /** Called after a page was stored or re-analysed, so cached aggregates are dropped. */
  onStored?: () => void;
}

/** The token check lives with the other request guards; routes that check again import it from here too. */
export { requireToken } from '../security.js';

interface JsonPage {
  url?: string;
  content?: string;
  published?: string;
}

export const pageRoutes: FastifyPluginAsync<PageRoutesOptions> = async (app, { store, config, onStored }) => {
  // A store in a file or a server is reachable from a worker thread, which keeps analysis off the event loop;
  // an in-memory database is not, so its pages are analysed here.
  const isShareable = config.db !== ':memory:' && config.db !== '';
  let worker: IngestWorker | null = null;
  const sources = configuredSources(config);
  let directory: OutletDirectory | null = null;
  const ingest = async (input: DocInput): Promise<IngestOutcome> => {
    // A context per upload, so each page gets its own capture time.
    // Each upload joins its story at once (item 12): nothing else would cluster it until a manual rebuild.
    // The pipeline's modules are loaded on the first such upload only: a server whose uploads go to the worker
    // never holds them on this thread (tens of megabytes of code and libraries it would not run).
    if (!isShareable) {
      const [{ createContext }, { ingestAndJoin }, { OutletDirectory }] = await Promise.all([
        import('../../core/context.js'),
        import('../../ingest.js'),
        import('../../reliability/outlet-directory.js'),
      ]);
      const ctx = createContext({ limits: config.limits });
      directory ??= new OutletDirectory(sources, ctx.data);
      return ingestAndJoin(store, input, ctx, directory);
    }
    if (!worker?.isAlive) worker = new IngestWorker({ db: config.db, limits: config.limits, sources });
    return worker.ingest(input);
  };
  app.addHook('onClose', async () => {
    await worker?.close();
  });
  // Pages arrive as they were captured: keep the bytes untouched for every non-JSON type.
  app.addContentTypeParser(['text/html', 'text/plain', 'application/octet-stream', 'application/xhtml+xml', 'application/gzip'], { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  app.post<{ Body: Buffer | JsonPage; Querystring: { url?: string; published?: string } }>(
    '/api/pages',
    {
      // A page may be as large as any capture; the token is checked before any of it is read (security.ts).
      bodyLimit: config.limits.maxBytes,
      schema: {
        summary: 'Upload one page to capture, analyse and store (bearer token)',
        description: 'Raw bytes (text/html, text/plain, application/octet-stream) with ?url=, or JSON {"url", "content"}.',
        tags: ['pages'],
        security: true,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { url: { type: 'string', maxLength: 2000 }, published: { type: 'string', maxLength: 40 } },
        },
      },
    },
    async (request, reply) => {
      let bytes: Buffer;
      let url = request.query.url ?? null;
      let published = request.query.published ?? null;
      const contentType = request.headers['content-type'] ?? null;
      if (Buffer.isBuffer(request.body)) bytes = request.body;
      else if (request.body && typeof request.body === 'object' && typeof request.body.content === 'string') {
        bytes = Buffer.from(request.body.content, 'utf8');
        if (typeof request.body.url === 'string') url = request.body.url;
        if (typeof request.body.published === 'string') published = request.body.published;
      } else {
        throw new RequestError(400, 'request/invalid', 'body: send the page bytes, or JSON {"url", "content"} with content a string');
      }
      if (url !== null && !/^https?:\/\/\S+$/i.test(url)) throw new RequestError(400, 'request/invalid', `url: not an http(s) URL: ${url.slice(0, 200)}`);
      if (published !== null) {
        try {
          published = readPublished(published);
        } catch (error) {
          throw new RequestError(400, 'request/invalid', (error as Error).message);
        }
      }
      const outcome = await ingest(
        {
          origin: url ?? `upload:${new Date().toISOString()}`,
          bytes,
          url,
          published,
          contentType: Buffer.isBuffer(request.body) ? contentType : null,
        },
      );
      if (outcome.status === 'stored' || outcome.status === 'reanalysed') onStored?.();
      const status = outcome.status === 'failed' ? (outcome.captureId === null ? 422 : 201) : outcome.status === 'unchanged' ? 200 : 201;
      return reply.code(status).send(outcome);
    },
  );
};
