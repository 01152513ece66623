/** The analysis contract's object for one page (../shared/CONTRACT.md), as a type: what `analyze` prints and the store keeps. */
import type { Doc } from './doc.js';

/** The contract's object for one analysed page. */
export interface Analysis {
  contract: number;
  file?: string;
  article: NonNullable<Doc['article']>;
  entities: NonNullable<Doc['entities']>;
  dates: NonNullable<Doc['dates']>;
  events: NonNullable<Doc['events']>;
  transfers: NonNullable<Doc['transfers']>;
  sections: NonNullable<Doc['sections']>;
  messages: Doc['messages'];
}
