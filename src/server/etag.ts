/** Weak ETags from a hash of the body for successful GETs, and 304 when the client already holds that body. */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** `W/"…"` from the first 120 bits of the body's SHA-1: collisions are not a concern for cache validation. */
export function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
}

/** True when an If-None-Match header names this tag (weak comparison, `*` included). */
export function isFresh(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

/** Tags every 200 answer to a GET under /api whose body is already serialised, and answers 304 when fresh. */
export function addEtags(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || !request.url.startsWith('/api/')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = weakEtag(payload);
    void reply.header('ETag', etag);
    void reply.header('Cache-Control', 'no-cache');
    if (isFresh(request.headers['if-none-match'], etag)) {
      void reply.code(304);
      void reply.removeHeader('Content-Length');
      return '';
    }
    return payload;
  });
}
