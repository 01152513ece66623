/** Loads the tagger's weights (data/ner-model.bin) once per process, on first use. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataFiles } from '../../core/context.js';
import { DATA_DIR } from '../../core/context.js';
import { decodeModel } from './tagger.js';
import type { WeightTable } from './tagger.js';

/** The model file, next to the JSON data files. */
export const NER_MODEL_FILE = path.join(DATA_DIR, 'ner-model.bin');

/** The tagger's weights, read once. */
export function loadModel(data: DataFiles): WeightTable {
  return data.memo('entities/ner-model', () => decodeModel(readFileSync(NER_MODEL_FILE)).table);
}
