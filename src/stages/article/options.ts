/** What every extractor receives besides the page text. */
import type { Message } from '../../core/doc.js';
import type { DataFiles, Limits } from '../../core/context.js';

export interface ExtractOptions {
  /** The page's URL when known (from a crawl or `--url`). */
  url: string | null;
  /** Where extractors report surprises (fallbacks, missing fields). */
  messages: Message[];
  limits: Limits;
  /** When the page was captured (ISO 8601): no publication date can lie after it. */
  capturedAt?: string | null;
  data: DataFiles;
}
