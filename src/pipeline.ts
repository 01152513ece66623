/** The whole pipeline, in order: each stage makes one product of the document. */
import type { Stage } from './core/stage.js';
import { capture } from './stages/capture/index.js';
import { decoded } from './stages/decoded/index.js';
import { article } from './stages/article/index.js';
import { sentences } from './stages/sentences/index.js';
import { syntax } from './stages/syntax/index.js';
import { entities } from './stages/entities/index.js';
import { dates } from './stages/dates/index.js';
import { events } from './stages/events/index.js';
import { transfers } from './stages/transfers/index.js';
import { sections } from './stages/sections/index.js';

/** The version analyses are stored under: the human release plus a hash of stage code and data (pipeline-version.ts). */
export { PIPELINE_RELEASE, pipelineVersion } from './pipeline-version.js';

export const PIPELINE: readonly Stage[] = [capture, decoded, article, sentences, syntax, entities, dates, events, transfers, sections];
