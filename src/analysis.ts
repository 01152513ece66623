/** Runs the pipeline on one input and shapes the result as the contract's JSON object (../shared/CONTRACT.md). */
import type { Doc, DocInput } from './core/doc.js';
import { createDoc } from './core/doc.js';
import type { Context } from './core/context.js';
import { runStages } from './core/stage.js';
import { PIPELINE } from './pipeline.js';
import type { Analysis } from './core/contract.js';

export const CONTRACT_VERSION = 1;

/** The contract's object for one analysed page (its type lives in core/contract.ts, which the desk's types read too). */
export type { Analysis } from './core/contract.js';

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
