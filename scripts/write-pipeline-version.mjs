// After `tsc`: writes dist/pipeline-version.json, the hash of the pipeline code the build was made
// from, so the built CLI and server know their version without the src/ folder (src/pipeline-version.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PIPELINE_RELEASE, VERSION_FILE, codeHash } from '../dist/pipeline-version.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const record = { release: PIPELINE_RELEASE, code: codeHash(root) };
writeFileSync(path.join(root, 'dist', VERSION_FILE), `${JSON.stringify(record, null, 2)}\n`);
console.log(`pipeline ${record.release}, code ${record.code.slice(0, 12)}`);
