/** /api/search, /api/articles/:id and /api/articles/:id/raw (the capture as plain text, never as HTML). */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyPluginAsync } from 'fastify';
import type { SearchQuery, Store, StoredArticle } from '../../store.js';
import type { Limits } from '../../core/context.js';
import { RequestError } from '../../core/errors.js';
import { hasValidToken } from '../security.js';
import { jsonSearchOf } from '../search-pool.js';
import { ARTICLE_PARAMS, SEARCH_QUERY, type SearchQuerystring } from '../schemas.js';

export interface ArticleRoutesOptions {
  store: Store;
  limits: Limits;
  /** The bearer token: with it, an article shows the full path it was ingested from. */
  token?: string | null;
}

/**
 * Most of an article's text one answer carries: the length the sentences stage analyses (its MAX_ANALYSED_CHARS),
 * so every finding falls inside it. Longer captures are read whole from /raw, which streams.
 */
export const MAX_ANSWER_TEXT = 200_000;
/** Bytes of a capture sent per chunk from /raw, and looked at to tell UTF-8 from other encodings. */
const RAW_CHUNK = 64 * 1024;
/** Findings of each kind one answer lists at most; a real article has a few dozen. */
export const MAX_ANSWER_FINDINGS = 2000;
/** Mentions listed per entity at most. */
export const MAX_ANSWER_MENTIONS = 200;

/** What was left out of an answer: for each capped list, how many it held. */
export interface AnswerTruncation {
  textLength?: number;
  entities?: number;
  dates?: number;
  events?: number;
  transfers?: number;
  messages?: number;
}

/** An ingested file's path shows only its file name without the token; URLs and upload labels show whole. */
export function publicOrigin(origin: string): string {
  if (/^https?:\/\//i.test(origin) || !/[\\/]/.test(origin)) return origin;
  return origin.split(/[\\/]/).filter(Boolean).pop() ?? '';
}

/** The article with its text and finding lists cut to what one answer carries, and a note of what was cut. */
export function capAnalysis<T extends StoredArticle>(article: T): T & { truncated?: AnswerTruncation } {
  const a = article.analysis;
  const truncated: AnswerTruncation = {};
  const limit = Math.min(a.article.text.length, MAX_ANSWER_TEXT);
  const inText = (span: { end: number }): boolean => span.end <= limit;
  const cap = <X>(key: keyof AnswerTruncation, list: readonly X[], keep: (x: X) => boolean): X[] => {
    const kept = list.filter(keep);
    if (kept.length > MAX_ANSWER_FINDINGS || kept.length < list.length) truncated[key] = list.length;
    return kept.slice(0, MAX_ANSWER_FINDINGS);
  };
  if (a.article.text.length > limit) truncated.textLength = a.article.text.length;
  const entities = cap('entities', a.entities, (e) => e.mentions.some(inText)).map((e) => {
    const mentions = e.mentions.filter(inText);
    return mentions.length === e.mentions.length && mentions.length <= MAX_ANSWER_MENTIONS ? e : { ...e, mentions: mentions.slice(0, MAX_ANSWER_MENTIONS) };
  });
  const capped = {
    ...a,
    article: truncated.textLength === undefined ? a.article : { ...a.article, text: a.article.text.slice(0, limit) },
    entities,
    dates: cap('dates', a.dates, inText),
    events: cap('events', a.events, (e) => inText(e.evidence)),
    transfers: cap('transfers', a.transfers, (t) => inText(t.evidence)),
    sections: a.sections.map((theme) => ({ ...theme, evidence: theme.evidence.filter(inText).slice(0, MAX_ANSWER_MENTIONS) })),
    messages: cap('messages', a.messages, () => true).slice(0, 200),
  };
  if (Object.keys(truncated).length === 0) return { ...article, analysis: capped };
  return { ...article, analysis: capped, truncated };
}

export const articleRoutes: FastifyPluginAsync<ArticleRoutesOptions> = async (app, { store, limits, token = null }) => {
  app.get<{ Querystring: SearchQuerystring }>(
    '/api/search',
    { schema: { summary: 'Full-text search with facets', tags: ['search'], querystring: SEARCH_QUERY } },
    async (request, reply) => {
      const query: SearchQuery = {};
      for (const [key, value] of Object.entries(request.query)) {
        if (value !== undefined && value !== '') (query as Record<string, unknown>)[key] = value;
      }
      // Through the search pool the answer comes serialised by its worker: sent as it is.
      const searchJson = jsonSearchOf(store);
      if (!searchJson) return store.search(query);
      const json = await searchJson(query);
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/articles/:id',
    { schema: { summary: 'One article with its analysis', tags: ['articles'], params: ARTICLE_PARAMS } },
    async (request) => {
      const article = await store.getArticle(request.params.id);
      if (!article) throw new RequestError(404, 'not-found', `no article ${request.params.id}`);
      const origin = hasValidToken(request, token) ? article.origin : publicOrigin(article.origin);
      return { ...capAnalysis({ ...article, origin }), rawUrl: `/api/articles/${article.id}/raw` };
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
      const bytes = await store.getCaptureBytes(article.captureId);
      if (!capture || !bytes) throw new RequestError(404, 'not-found', `article ${id}: capture ${article.captureId} not found`);
      // Streamed in chunks (inflated on the way when gzipped): a large capture is never copied or hashed whole here.
      const chunks = capture.isGzipped ? inflate(bytes, limits.maxInflatedBytes) : slices(bytes);
      const first = await chunks.next();
      const head = first.done ? Buffer.alloc(0) : first.value;
      // Plain text whatever the page was, so a hostile page can never run here; sandboxed should a browser ignore that.
      return reply
        .type(isUtf8Start(head) ? 'text/plain; charset=utf-8' : 'text/plain')
        .header('Content-Disposition', `inline; filename="capture-${capture.id}-${capture.sha256.slice(0, 12)}.txt"`)
        .header('Content-Security-Policy', "sandbox; default-src 'none'")
        .header('ETag', `"${capture.sha256}"`)
        .send(Readable.from(prepend(head, chunks)));
    },
  );
};

/** A buffer in RAW_CHUNK pieces (views, not copies). */
async function* slices(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += RAW_CHUNK) yield bytes.subarray(at, at + RAW_CHUNK);
}

/** The gunzipped bytes as they come, stopping with an error past `maxBytes`. */
async function* inflate(bytes: Buffer, maxBytes: number): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  gunzip.end(bytes);
  let total = 0;
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      gunzip.destroy();
      throw new RequestError(413, 'input/too-large', `capture inflates past ${maxBytes} bytes`);
    }
    yield chunk;
  }
}

async function* prepend(head: Buffer, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  yield* rest;
}

/** Whether the first bytes of a capture decode as UTF-8 (a character cut at the end of the chunk is allowed). */
function isUtf8Start(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, RAW_CHUNK), { stream: true });
    return true;
  } catch {
    return false;
  }
}
