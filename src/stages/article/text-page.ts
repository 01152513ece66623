/** Article extraction for pages saved as plain text. Placeholder: first line is the title, the rest the body. */
import type { Article } from '../../core/doc.js';
import type { ExtractOptions } from './options.js';

export function extractTextPage(text: string, options: ExtractOptions): Article {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return {
    title: paragraphs[0] ?? null,
    text: paragraphs.slice(1).join('\n\n'),
    publisher: null,
    source: null,
    section: null,
    byline: null,
    published: null,
    language: null,
    url: options.url,
  };
}
