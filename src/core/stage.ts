/** A stage makes one product of the document from the products before it; the runner runs them in order. */
import type { Doc, Products, StageName } from './doc.js';
import type { Context } from './context.js';
import { StageError } from './errors.js';
import { BudgetSpent, emptyProduct, isBudgetSpent, isCuttable, elapsedMs, startBudget } from './budget.js';

export interface Stage<K extends StageName = StageName> {
  /** The product it makes: also its folder under src/stages/ and its field on Doc. */
  name: K;
  run(doc: Doc, ctx: Context): Products[K];
}

/** Defines a stage with its product type checked against its name. */
export function defineStage<K extends StageName>(name: K, run: (doc: Doc, ctx: Context) => Products[K]): Stage<K> {
  return { name, run };
}

/**
 * Runs stages in order on one document; a throw becomes a StageError naming stage and document. Once the
 * page's time budget is spent, the stages left make empty products and a message names them.
 */
export function runStages(doc: Doc, stages: readonly Stage[], ctx: Context): Doc {
  startBudget(doc, ctx.limits.pageBudgetMs, ctx.data);
  for (const stage of stages) {
    let product: Products[StageName];
    try {
      product = isCuttable(stage.name) && isBudgetSpent(doc) ? cut(doc, stage.name, null) : stage.run(doc, ctx);
    } catch (error) {
      if (!(error instanceof BudgetSpent) || !isCuttable(stage.name)) throw new StageError(stage.name, doc.input.origin, error);
      product = cut(doc, stage.name, error);
    }
    (doc as unknown as Record<string, unknown>)[stage.name] = product;
  }
  return doc;
}

/** The empty product of a stage left out for time, with a message saying so (once per stage). */
function cut<K extends StageName>(doc: Doc, name: K, stopped: BudgetSpent | null): Products[K] {
  const ms = Math.round(stopped?.elapsedMs ?? elapsedMs(doc));
  doc.messages.push({
    level: 'warning',
    rule: 'core/budget',
    reason: stopped
      ? `${name}: stopped, the page's time budget was spent after ${ms} ms (${stopped.message}); its findings are left out`
      : `${name}: not run, the page's time budget was spent after ${ms} ms`,
  });
  return emptyProduct(name);
}

/** A product a stage needs from an earlier one; throws (a broken pipeline) when it is missing. */
export function need<K extends StageName>(doc: Doc, name: K): Products[K] {
  const value = doc[name];
  if (value === undefined) throw new Error(`stage needs "${name}", which has not run`);
  return value as Products[K];
}
