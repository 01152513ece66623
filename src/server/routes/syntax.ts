/** /api/articles/:id/syntax: the dependency trees of the sentences in a span of an article's text, parsed on demand. */
import type { FastifyPluginAsync } from 'fastify';
import type { SentenceSyntax } from '../../core/doc.js';
import { RequestError } from '../../core/errors.js';
import type { Store } from '../../store.js';
import { ARTICLE_PARAMS } from '../schemas.js';

export interface SyntaxRoutesOptions {
  store: Store;
}

/** Longest span parsed per request, in characters: a few sentences, so one request stays a few milliseconds. */
export const MAX_SYNTAX_SPAN = 4000;

const SPAN_QUERY = {
  type: 'object',
  additionalProperties: false,
  required: ['start', 'end'],
  properties: {
    start: { type: 'integer', minimum: 0 },
    end: { type: 'integer', minimum: 1 },
  },
} as const;

/** One sentence's tree, its words' spans counted in the article's text. */
export interface SentenceTree extends SentenceSyntax {
  text: string;
  start: number;
  end: number;
}

export const syntaxRoutes: FastifyPluginAsync<SyntaxRoutesOptions> = async (app, { store }) => {
  app.get<{ Params: { id: number }; Querystring: { start: number; end: number } }>(
    '/api/articles/:id/syntax',
    {
      schema: {
        summary: 'Tags, lemmas and dependency trees of the sentences in a span of the article text',
        tags: ['articles'],
        params: ARTICLE_PARAMS,
        querystring: SPAN_QUERY,
      },
    },
    async (request) => {
      const { start, end } = request.query;
      if (end <= start) throw new RequestError(400, 'syntax/bad-span', `end (${end}) must be after start (${start})`);
      if (end - start > MAX_SYNTAX_SPAN) throw new RequestError(400, 'syntax/span-too-long', `spans of at most ${MAX_SYNTAX_SPAN} characters are parsed`);
      const article = await store.getArticle(request.params.id);
      if (!article) throw new RequestError(404, 'not-found', `no article ${request.params.id}`);
      const text = article.analysis.article.text;
      if (end > text.length) throw new RequestError(400, 'syntax/bad-span', `the article text has ${text.length} characters`);
      // Loaded on first use: the server starts without the parser's model.
      const { parseTokens } = await import('../../stages/syntax/index.js');
      const { tokenize, splitSentences } = await import('../../stages/sentences/tokenize.js');
      const sentences: SentenceTree[] = splitSentences(text, tokenize(text, start, end)).map((tokens, i) => {
        const first = tokens[0] as { start: number };
        const last = tokens[tokens.length - 1] as { end: number };
        return { ...parseTokens(tokens, i), text: text.slice(first.start, last.end), start: first.start, end: last.end };
      });
      return { article: article.id, start, end, sentences };
    },
  );
};
