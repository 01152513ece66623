/** Runs the pipeline on one input and shapes the result as the contract's JSON object (../shared/CONTRACT.md). */
import type { Doc, DocInput } from './core/doc.js';
import { createDoc } from './core/doc.js';
import type { Context } from './core/context.js';
import { runStages } from './core/stage.js';
import { PIPELINE } from './pipeline.js';

export const CONTRACT_VERSION = 1;

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

/** Analyses one page; throws a StageError when a stage breaks on it. */
export function analyzeInput(input: DocInput, ctx: Context): Doc {
  return runStages(createDoc(input), PIPELINE, ctx);
}

/** The contract's JSON shape of an analysed document. */
export function toAnalysis(doc: Doc): Analysis {
  if (!doc.article) throw new Error(`${doc.input.origin}: not analysed`);
  return {
    contract: CONTRACT_VERSION,
    article: doc.article,
    entities: doc.entities ?? [],
    dates: doc.dates ?? [],
    events: doc.events ?? [],
    transfers: doc.transfers ?? [],
    sections: doc.sections ?? [],
    messages: doc.messages,
  };
}
