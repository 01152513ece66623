/** What every extractor receives besides the page text. */
import type { Message } from '../../core/doc.js';
import type { DataFiles, Limits } from '../../core/context.js';

export interface ExtractOptions {
  /** The page's URL when known (from a crawl or `--url`). */
  url: string | null;
  /** Where extractors report surprises (fallbacks, missing fields). */
  messages: Message[];
  limits: Limits;
  data: DataFiles;
}
