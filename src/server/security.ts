/** Response headers every answer carries (CSP, nosniff, referrer, framing) and a per-IP token-bucket rate limit. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RequestError } from '../core/errors.js';

/** Only our own files: no inline script or style, nothing from elsewhere, never framed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface RateLimitOptions {
  /** Sustained requests per second allowed from one address; 0 turns the limit off. */
  perSecond: number;
  /** Requests one address may make at once before it is slowed down. */
  burst: number;
}

/**
 * The desk loads a handful of resources per view; 20 a second with a burst of 120 leaves a person
 * clicking around untouched and stops a runaway script long before it loads the store.
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 20, burst: 120 };

/** Addresses remembered at most; the oldest are forgotten first so a flood of addresses cannot grow memory. */
const MAX_TRACKED_ADDRESSES = 10_000;

/** Sets the security headers on every response. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request: FastifyRequest, reply: FastifyReply) => {
    void reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    void reply.header('X-Content-Type-Options', 'nosniff');
    void reply.header('Referrer-Policy', 'no-referrer');
    void reply.header('X-Frame-Options', 'DENY');
    void reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    void reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  });
}

/** Refuses requests with 429 once an address has spent its bucket; tokens refill continuously. */
export function addRateLimit(app: FastifyInstance, options: RateLimitOptions): void {
  if (options.perSecond <= 0) return;
  const buckets = new Map<string, { tokens: number; at: number }>();
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const now = performance.now();
    const key = request.ip;
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= MAX_TRACKED_ADDRESSES) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      bucket = { tokens: options.burst, at: now };
      buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(options.burst, bucket.tokens + ((now - bucket.at) / 1000) * options.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const wait = Math.ceil((1 - bucket.tokens) / options.perSecond);
      void reply.header('Retry-After', String(wait));
      throw new RequestError(429, 'rate-limited', `too many requests from ${key}: retry in ${wait} s`);
    }
    bucket.tokens -= 1;
  });
}
