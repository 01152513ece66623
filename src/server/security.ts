/**
 * What every request passes before any route sees it: the Host header against the allowed names, the
 * bearer token for every write (before a byte of its body is read), a per-IP rate limit; and the
 * headers every answer carries (CSP, nosniff, referrer, framing).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

/** Names the desk always answers to: the loopback addresses a browser on this machine uses. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** Methods that only read; every other method writes and needs the token. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The Host names answered: loopback, the address the server listens on (unless a wildcard), and the
 * configured `allowedHosts`. A page in the analyst's browser whose own name is made to resolve to
 * 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused.
 */
export function allowedHostNames(listenHost: string, configured: readonly string[] = []): Set<string> {
  const names = new Set(LOOPBACK_HOSTS);
  const add = (name: string): void => {
    const bare = name.trim().toLowerCase();
    if (bare === '' || bare === '0.0.0.0' || bare === '::' || bare === '[::]') return;
    names.add(bare.includes(':') && !bare.startsWith('[') ? `[${bare}]` : bare);
  };
  add(listenHost);
  for (const name of configured) add(name);
  return names;
}

/** The host name of a Host header, port removed, lower case; null when there is none. */
export function hostNameOf(header: string | undefined): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  const bracketed = /^(\[[0-9a-f:.]+\])(?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1] ?? null;
  const plain = /^([^:[\]]+)(?::\d+)?$/.exec(value);
  return plain?.[1]?.replace(/\.$/, '') ?? null;
}

/** Refuses (421) a request whose Host header names no allowed host. */
export function addHostCheck(app: FastifyInstance, allowed: ReadonlySet<string>): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const name = hostNameOf(request.headers.host);
    if (name === null || !allowed.has(name)) {
      throw new RequestError(
        421,
        'request/host-not-allowed',
        `Host ${JSON.stringify((request.headers.host ?? '').slice(0, 100))} is not one this desk answers to: add it to "allowedHosts" in the configuration`,
      );
    }
  });
}

/** Throws 403 when writes are off (no token configured) and 401 when the request's token is missing or wrong. */
export function requireToken(request: FastifyRequest, token: string | null): void {
  if (!token) {
    throw new RequestError(
      403,
      'auth/writes-disabled',
      'writes are disabled: start the server with WATCHFLOOR_TOKEN=<secret> (or "token" in watchfloor.config.json) and send "Authorization: Bearer <secret>"',
    );
  }
  if (!hasValidToken(request, token)) {
    throw new RequestError(401, 'auth/unauthorized', 'a valid "Authorization: Bearer <token>" header is needed to write');
  }
}

/** Whether the request carries the configured bearer token (false when none is configured). */
export function hasValidToken(request: FastifyRequest, token: string | null): boolean {
  if (!token) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  // Hashing both sides first makes the comparison constant-time whatever the lengths.
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

/**
 * Before any body is read: an unknown route is a 404 and a write without the token a 401 (403 when
 * writes are off), so a stranger cannot make the server buffer and parse large bodies.
 */
export function addWriteGuard(app: FastifyInstance, token: string | null): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.is404) throw new RequestError(404, 'not-found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`);
    if (!READ_METHODS.has(request.method)) requireToken(request, token);
  });
}

/** Fastify's own early refusals (a path parameter too long: 414; a malformed URL: 400) in the API's error shape. */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const isTooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply
    .status(isTooLong ? 414 : 400)
    .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    .header('X-Content-Type-Options', 'nosniff')
    .send({ error: { code: isTooLong ? 'request/uri-too-long' : 'request/bad-url', message: error.message } });
}

/** Errors Node's HTTP parser meets before a request exists (headers too large: 431; timeouts: 408), in the API's error shape. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'request/headers-too-large', 'the request line and headers are over the size limit']
      : error.code === 'HPE_URI_TOO_LONG'
        ? [414, 'URI Too Long', 'request/uri-too-long', 'the request URL is over the size limit']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'request/timeout', 'the request was not received in time']
          : [400, 'Bad Request', 'request/malformed', 'the request could not be parsed as HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
