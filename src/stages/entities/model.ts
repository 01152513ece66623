/** Loads the tagger's weights (data/ner-model.bin) once per process, on first use. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataFiles } from '../../core/context.js';
import { DATA_DIR } from '../../core/context.js';
import { decodeModel, featureSetOf } from './tagger.js';
import { loadClusters } from './knowledge.js';
import type { WeightTable } from './tagger.js';

/** The model file, next to the JSON data files. */
export const NER_MODEL_FILE = path.join(DATA_DIR, 'ner-model.bin');

/** The model file read: WATCHFLOOR_NER_MODEL names another one (to score a trial model with bench/ner.ts). */
function modelFile(): string {
  return process.env['WATCHFLOOR_NER_MODEL'] ?? NER_MODEL_FILE;
}

/** The tagger's weights, read once. */
export function loadModel(data: DataFiles): WeightTable {
  return data.memo('entities/ner-model', () => {
    const { header, table } = decodeModel(readFileSync(modelFile()));
    table.features = featureSetOf(header.features, () => loadClusters(data));
    return table;
  });
}
