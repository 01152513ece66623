/** The `article` stage: the main text and metadata of the page, by the extractor that fits its kind. */
import { defineStage, need } from '../../core/stage.js';
import { InputError } from '../../core/errors.js';
import type { Article } from '../../core/doc.js';
import { extractTextPage } from './text-page.js';
import { extractHtml } from './html.js';

/** The whole input as the article text, for gold sets of bare sentences (`--raw`). */
export function rawArticle(text: string): Article {
  return {
    title: null,
    text: text.replace(/\r\n?/g, '\n'),
    publisher: null,
    source: null,
    section: null,
    byline: null,
    published: null,
    language: null,
    url: null,
  };
}

export const article = defineStage('article', (doc, ctx) => {
  const { text } = need(doc, 'decoded');
  const capture = need(doc, 'capture');
  const options = { url: doc.input.url ?? null, messages: doc.messages, limits: ctx.limits, data: ctx.data, capturedAt: doc.input.capturedAt ?? null };
  let result: Article;
  if (doc.input.isRaw) result = rawArticle(text);
  else if (capture.mediaType === 'text/html') result = extractHtml(text, options);
  else result = extractTextPage(text, options);
  if (!result.published && doc.input.published) result.published = doc.input.published;
  if (!result.url && doc.input.url) result.url = doc.input.url;
  if (result.text.trim().length === 0) {
    throw new InputError('article/no-text', `${doc.input.origin}: no article text found on the page`);
  }
  return result;
});
