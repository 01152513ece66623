/** Loads the tagger's weights (data/ner-model.json) once per process. */
import type { DataFiles } from '../../core/context.js';
import { readModel } from './tagger.js';
import type { NerModelFile, WeightTable } from './tagger.js';

/** The tagger's weights, read once. */
export function loadModel(data: DataFiles): WeightTable {
  return data.memo('entities/ner-model', () => readModel(data.load<NerModelFile>('ner-model')));
}
