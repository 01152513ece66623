/** A stage makes one product of the document from the products before it; the runner runs them in order. */
import type { Doc, Products, StageName } from './doc.js';
import type { Context } from './context.js';
import { StageError } from './errors.js';

export interface Stage<K extends StageName = StageName> {
  /** The product it makes: also its folder under src/stages/ and its field on Doc. */
  name: K;
  run(doc: Doc, ctx: Context): Products[K];
}

/** Defines a stage with its product type checked against its name. */
export function defineStage<K extends StageName>(name: K, run: (doc: Doc, ctx: Context) => Products[K]): Stage<K> {
  return { name, run };
}

/** Runs stages in order on one document; a throw becomes a StageError naming stage and document. */
export function runStages(doc: Doc, stages: readonly Stage[], ctx: Context): Doc {
  for (const stage of stages) {
    let product: Products[StageName];
    try {
      product = stage.run(doc, ctx);
    } catch (error) {
      throw new StageError(stage.name, doc.input.origin, error);
    }
    (doc as unknown as Record<string, unknown>)[stage.name] = product;
  }
  return doc;
}

/** A product a stage needs from an earlier one; throws (a broken pipeline) when it is missing. */
export function need<K extends StageName>(doc: Doc, name: K): Products[K] {
  const value = doc[name];
  if (value === undefined) throw new Error(`stage needs "${name}", which has not run`);
  return value as Products[K];
}
