/**
 * The pipeline's version, which moves by itself: the human release (for people and the contract)
 * plus a hash of the code that makes an analysis (core, stages, pipeline, the contract's shape, the
 * runtime dependencies' locked versions) and of the data files the stages read. An analysis stored
 * under another version was made by other code or data, so `reprocess --stale` and re-ingesting
 * find it without anyone remembering to bump a number.
 *
 * From source (tsx) the code hash is read from src/ when first asked; the `tsc` build writes it to
 * dist/pipeline-version.json (scripts/write-pipeline-version.mjs), since dist/ may run without src/.
 * The data hash is always taken from the data folder the stages read, when first asked.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR } from './core/context.js';

/** The human version: bump it for a change people should hear about; the hash moves on its own. */
export const PIPELINE_RELEASE = '0.1.0';

/** What makes an analysis, relative to the repository root: every file under these, tests left out. */
export const CODE_PATHS = ['src/core', 'src/stages', 'src/pipeline.ts', 'src/analysis.ts'] as const;

/** The file the build writes beside the compiled pipeline. */
export const VERSION_FILE = 'pipeline-version.json';

/** Characters of the hash kept in the version: 12 hex digits make an accidental match one in 2^48. */
const HASH_CHARS = 12;

const HERE = path.dirname(fileURLToPath(import.meta.url));
const IS_SOURCE = import.meta.url.endsWith('.ts');

/** Every file under `dir` (or `dir` itself), as paths relative to `root` with `/`, sorted. */
function filesUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  let entries;
  try {
    entries = readdirSync(full, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return [dir];
    throw error;
  }
  return entries
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(root, `${dir}/${entry.name}`) : entry.isFile() ? [`${dir}/${entry.name}`] : []))
    .sort();
}

function hashFiles(root: string, files: readonly string[], extra = ''): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
  return hash.update(extra).digest('hex');
}

/** The locked versions of the packages the running code may use (dev-only ones left out), one per line. */
function runtimeLock(root: string): string {
  let lock: { packages?: Record<string, { version?: string; dev?: boolean }> };
  try {
    lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as typeof lock;
  } catch {
    return '';
  }
  return Object.entries(lock.packages ?? {})
    .filter(([name, entry]) => name !== '' && !entry.dev)
    .map(([name, entry]) => `${name}@${entry.version ?? ''}`)
    .sort()
    .join('\n');
}

/** The hash of the code that makes an analysis under `root` (a repository checkout); test files do not count. */
export function codeHash(root: string): string {
  const files = CODE_PATHS.flatMap((p) => filesUnder(root, p)).filter((f) => !/\.test\.[cm]?[jt]s$/.test(f));
  if (files.length === 0) throw new Error(`no pipeline code under ${root}`);
  return hashFiles(root, files, runtimeLock(root));
}

/** The hash of every file in a data folder (notes such as README.md included: they are few and small). */
export function dataHash(dir: string): string {
  return hashFiles(dir, filesUnder(dir, '.'));
}

/** The version for a code hash and a data hash: `0.2.0+1a2b3c4d5e6f`. */
export function versionOf(code: string, data: string): string {
  const combined = createHash('sha256').update(`${code}\0${data}`).digest('hex');
  return `${PIPELINE_RELEASE}+${combined.slice(0, HASH_CHARS)}`;
}

function builtCodeHash(): string {
  const file = path.join(HERE, VERSION_FILE);
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { code: string }).code;
  } catch (error) {
    throw new Error(`${file}: cannot read the pipeline's code hash (${(error as Error).message}); rebuild with npm run build`, { cause: error });
  }
}

let cached: string | undefined;

/** This process's pipeline version, computed once: analyses stored under any other are stale. */
export function pipelineVersion(): string {
  cached ??= versionOf(IS_SOURCE ? codeHash(path.resolve(HERE, '..')) : builtCodeHash(), dataHash(DATA_DIR));
  return cached;
}
