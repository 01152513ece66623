/**
 * Compile-time checks that the answers declared in src/api-types.ts (which the web desk imports) are
 * the types the server's modules build: a change on either side that the other does not follow fails
 * `npm run typecheck`. Types only; nothing here runs.
 */
import type * as Api from '../api-types.js';
import type { RegisterEntry, RegisterReport } from '../register/transfer-register.js';
import type { AnswerTruncation, capAnalysis } from './routes/articles.js';
import type { StoredArticle } from '../store.js';

/** True when A and B are each assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

export type RegisterEntryHolds = Holds<Same<RegisterEntry, Api.RegisterEntry>>;
export type RegisterReportHolds = Holds<Same<RegisterReport, Api.RegisterReport>>;
export type TruncationHolds = Holds<Same<AnswerTruncation, Api.AnswerTruncation>>;
/** GET /api/articles/:id returns capAnalysis(article) with rawUrl. */
export type ArticleAnswerHolds = Holds<Same<ReturnType<typeof capAnalysis<StoredArticle>> & { rawUrl: string }, Api.ArticleAnswer>>;
