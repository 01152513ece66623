/** Article extraction for HTML pages. First pass: Readability over linkedom. */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Article } from '../../core/doc.js';
import type { ExtractOptions } from './options.js';

export function extractHtml(html: string, options: ExtractOptions): Article {
  const { document } = parseHTML(html);
  const parsed = new Readability(document as unknown as Document).parse();
  const text = (parsed?.textContent ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return {
    title: parsed?.title ?? null,
    text,
    publisher: parsed?.siteName ?? null,
    source: null,
    section: null,
    byline: parsed?.byline ?? null,
    published: parsed?.publishedTime ?? null,
    language: parsed?.lang ?? null,
    url: options.url,
  };
}
