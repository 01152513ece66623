/** Loads the tagger's weights (data/ner-model.bin) once per process, on first use. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataFiles } from '../../core/context.js';
import { DATA_DIR } from '../../core/context.js';
import { decodeFlat, encodeFlat, isWritingStartupCache, readStartupCache, writeStartupCache } from '../../core/startup-cache.js';
import { decodeModel, featureSetOf } from './tagger.js';
import { loadClusters } from './knowledge.js';
import type { WeightTable } from './tagger.js';

/** The model file, next to the JSON data files. */
export const NER_MODEL_FILE = path.join(DATA_DIR, 'ner-model.bin');

/** The model file read: WATCHFLOOR_NER_MODEL names another one (to score a trial model with bench/ner.ts). */
function modelFile(): string {
  return process.env['WATCHFLOOR_NER_MODEL'] ?? NER_MODEL_FILE;
}

/** The name of the weight table's start-up cache (src/core/startup-cache.ts). */
const CACHE_NAME = 'ner-model';

/** The tagger's weights, read once. */
export function loadModel(data: DataFiles): WeightTable {
  return data.memo('entities/ner-model', () => {
    const { features, table } = decodedModel(modelFile());
    table.features = featureSetOf(features, () => loadClusters(data));
    return table;
  });
}

/**
 * The weight table as decodeModel builds it, and the model's feature groups: from the bundle's
 * start-up cache of this very file where there is one (the table's arrays as they are in memory),
 * else decoded from the file; the build's warm-up run writes the cache.
 */
function decodedModel(file: string): { features: string[] | undefined; table: WeightTable } {
  const cached = readStartupCache(CACHE_NAME, [file]);
  if (cached) {
    const { features, table } = cached.meta as { features: string[] | null; table: unknown };
    return { features: features ?? undefined, table: decodeFlat(table, cached.sections) as unknown as WeightTable };
  }
  const { header, table } = decodeModel(readFileSync(file));
  if (isWritingStartupCache()) {
    try {
      const flat = encodeFlat(table);
      writeStartupCache(CACHE_NAME, [file], { features: header.features ?? null, table: flat.meta }, flat.sections);
    } catch (error) {
      process.stderr.write(`start-up cache ${CACHE_NAME} not written: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return { features: header.features, table };
}
