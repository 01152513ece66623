/**
 * The safe fetcher: one GET with a time budget, size limits on the wire and after decompression,
 * manual redirects (each hop's address re-checked), content-type checks and conditional requests.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { FetchError } from './fetch-error.js';
import { resolvePublicHost, type AddressGuardOptions } from './address-guard.js';

export interface FetchLimits extends AddressGuardOptions {
  /** Whole-request budget (connect, redirects, headers and body), in milliseconds. */
  timeoutMs: number;
  /** Largest body accepted, counted both on the wire and after decompression. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  // 20 s: a news page or feed that takes longer is broken or hostile; the next poll retries.
  timeoutMs: 20_000,
  // 10 MB: feeds and article pages are far smaller; bigger bodies are dumps or bombs.
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'Watchfloor/0.1 (+self-hosted news monitor)',
  allowAddresses: [],
};

export interface FetchOptions {
  limits?: Partial<FetchLimits>;
  /** Media types accepted (exact, e.g. `text/html`, or a suffix such as `+xml`); anything else is refused. */
  accept?: readonly string[];
  /** Conditional GET validators from the last fetch. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchResult {
  /** The URL after redirects. */
  url: string;
  status: number;
  /** True for 304: nothing changed since the validators given. */
  isNotModified: boolean;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

/** Media types of feeds: RSS, Atom, RDF and JSON Feed, as servers label them in practice. */
export const FEED_TYPES: readonly string[] = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
  'text/plain',
];
/** Media types of pages the pipeline reads. */
export const PAGE_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml', 'text/plain'];

/** Fetches one URL under the limits; throws FetchError naming the URL and what went wrong. */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const limits: FetchLimits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const deadline = Date.now() + limits.timeoutMs;
  let current = url;
  const visited = new Set<string>();
  for (let hop = 0; ; hop++) {
    const target = parseHttpUrl(current, url);
    visited.add(target.href);
    const response = await requestOnce(target, url, limits, options, deadline);
    if (response.redirect === null) return response.result;
    if (hop >= limits.maxRedirects) {
      throw new FetchError('fetch/too-many-redirects', `${url}: more than ${limits.maxRedirects} redirects`);
    }
    const next = new URL(response.redirect, target).href;
    if (visited.has(next)) throw new FetchError('fetch/redirect-loop', `${url}: redirect loop at ${next}`);
    current = next;
  }
}

function parseHttpUrl(text: string, origin: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new FetchError('fetch/bad-url', `${origin}: not a URL: ${text}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('fetch/bad-scheme', `${origin}: only http and https are fetched, not ${parsed.protocol}`);
  }
  if (parsed.username || parsed.password)
    throw new FetchError('fetch/bad-url', `${origin}: URLs with credentials are refused`);
  return parsed;
}

type Hop = { redirect: string; result?: undefined } | { redirect: null; result: FetchResult };

async function requestOnce(
  target: URL,
  origin: string,
  limits: FetchLimits,
  options: FetchOptions,
  deadline: number,
): Promise<Hop> {
  const resolved = await withDeadline(resolvePublicHost(target.hostname, origin, limits), deadline, () =>
    timeout(origin, limits),
  );
  const remaining = deadline - Date.now();
  if (remaining <= 0) throw timeout(origin, limits);
  // The connection goes to the addresses just checked, never to a second DNS answer.
  const first = resolved[0]!;
  const pinned: LookupFunction = (_host, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all)
      (callback as unknown as (e: null, a: unknown[]) => void)(null, resolved);
    else callback(null, first.address, first.family);
  };
  const headers: Record<string, string> = {
    'user-agent': limits.userAgent,
    accept: (options.accept ?? PAGE_TYPES).join(', ') + ', */*;q=0.1',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    let isSettled = false;
    const fail = (error: FetchError): void => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const succeed = (hop: Hop): void => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      resolve(hop);
    };
    const timer = setTimeout(() => fail(timeout(origin, limits)), remaining);
    const request = client.request(
      target,
      { method: 'GET', headers, lookup: pinned, agent: false, servername: target.hostname.replace(/^\[|\]$/g, '') },
      (response) => {
        const status = response.statusCode ?? 0;
        const header = (name: string): string | null => {
          const value = response.headers[name];
          return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
        };
        if (status >= 300 && status < 400 && status !== 304) {
          response.resume();
          const location = header('location');
          if (!location)
            return fail(new FetchError('fetch/bad-redirect', `${origin}: HTTP ${status} without a Location`));
          return succeed({ redirect: location });
        }
        const base: Omit<FetchResult, 'body'> = {
          url: target.href,
          status,
          isNotModified: status === 304,
          contentType: header('content-type'),
          etag: header('etag'),
          lastModified: header('last-modified'),
        };
        if (status === 304) {
          response.resume();
          return succeed({ redirect: null, result: { ...base, body: Buffer.alloc(0) } });
        }
        if (status < 200 || status >= 300) {
          response.resume();
          return fail(new FetchError('fetch/http-status', `${origin}: HTTP ${status}`, { httpStatus: status }));
        }
        const mediaType = base.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
        if (options.accept && !isAccepted(mediaType, options.accept)) {
          response.resume();
          return fail(
            new FetchError(
              'fetch/content-type',
              `${origin}: content type ${mediaType || '(none)'} is not one of ${options.accept.join(', ')}`,
            ),
          );
        }
        const declared = Number(header('content-length') ?? NaN);
        if (declared > limits.maxBytes) {
          response.resume();
          return fail(tooLarge(origin, limits, `declares ${declared} bytes`));
        }
        readBody(response, header('content-encoding'), origin, limits).then(
          (body) => succeed({ redirect: null, result: { ...base, body } }),
          (error: unknown) =>
            fail(
              error instanceof FetchError
                ? error
                : new FetchError('fetch/read', `${origin}: ${(error as Error).message}`),
            ),
        );
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      fail(
        new FetchError('fetch/network', `${origin}: ${error.code ?? ''} ${error.message}`.replace(/\s+/g, ' ').trim(), {
          cause: error,
        }),
      );
    });
    request.end();
  });
}

function isAccepted(mediaType: string, accept: readonly string[]): boolean {
  return accept.some((type) => (type.startsWith('+') ? mediaType.endsWith(type) : mediaType === type));
}

/** Reads the body, decompressing as declared, and aborts as soon as either count passes the limit. */
function readBody(
  response: http.IncomingMessage,
  encoding: string | null,
  origin: string,
  limits: FetchLimits,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let wireBytes = 0;
    let bodyBytes = 0;
    const chunks: Buffer[] = [];
    const coding = (encoding ?? 'identity').trim().toLowerCase();
    let decoder: Transform | null = null;
    if (coding === 'gzip' || coding === 'x-gzip') decoder = zlib.createGunzip();
    else if (coding === 'deflate') decoder = zlib.createInflate();
    else if (coding === 'br') decoder = zlib.createBrotliDecompress();
    else if (coding !== 'identity') {
      response.destroy();
      reject(new FetchError('fetch/content-encoding', `${origin}: unsupported content encoding ${coding}`));
      return;
    }
    let isDone = false;
    const stop = (error: FetchError): void => {
      if (isDone) return;
      isDone = true;
      response.destroy();
      decoder?.destroy();
      reject(error);
    };
    response.on('data', (chunk: Buffer) => {
      wireBytes += chunk.length;
      if (wireBytes > limits.maxBytes) stop(tooLarge(origin, limits, 'on the wire'));
    });
    response.on('error', (error) => stop(new FetchError('fetch/read', `${origin}: ${error.message}`)));
    response.on('aborted', () => stop(new FetchError('fetch/read', `${origin}: connection closed mid-body`)));
    const out = decoder ? response.pipe(decoder) : response;
    out.on('data', (chunk: Buffer) => {
      if (isDone) return;
      bodyBytes += chunk.length;
      if (bodyBytes > limits.maxBytes)
        return stop(tooLarge(origin, limits, coding === 'identity' ? 'on the wire' : `after ${coding} decompression`));
      chunks.push(chunk);
    });
    out.on('error', (error: Error) =>
      stop(new FetchError('fetch/bad-encoding', `${origin}: broken ${coding} body (${error.message})`)),
    );
    out.on('end', () => {
      if (isDone) return;
      isDone = true;
      resolve(Buffer.concat(chunks));
    });
  });
}

/** The promise's value, or the error made by `onTimeout` once the deadline passes (DNS lookups can hang). */
async function withDeadline<T>(promise: Promise<T>, deadline: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(origin: string, limits: FetchLimits, where: string): FetchError {
  return new FetchError('fetch/too-large', `${origin}: body is over the limit of ${limits.maxBytes} bytes (${where})`);
}

function timeout(origin: string, limits: FetchLimits): FetchError {
  return new FetchError('fetch/timeout', `${origin}: no complete answer within ${limits.timeoutMs} ms`);
}
