/** Runs the real stages up to `entities` on a plain text (as `watchfloor analyze --raw` does): for tests and benches. */
import type { Context } from '../../core/context.js';
import type { Doc } from '../../core/doc.js';
import { createDoc } from '../../core/doc.js';
import { runStages } from '../../core/stage.js';
import type { Stage } from '../../core/stage.js';
import { rawArticle } from '../article/index.js';
import { sentences } from '../sentences/index.js';
import { syntax } from '../syntax/index.js';
import { entities } from './index.js';

/** The stages the entities stage reads from, then itself. */
const STAGES: readonly Stage[] = [sentences, syntax, entities];

/** A document of `text` taken as the article, analysed through the entities stage. */
export function analyseText(text: string, ctx: Context, published: string | null = null): Doc {
  const doc = createDoc({ origin: 'text', bytes: Buffer.from(text), isRaw: true, published });
  doc.article = { ...rawArticle(text), published };
  return runStages(doc, STAGES, ctx);
}
