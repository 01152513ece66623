/** Shared by the seed tests: the seed page analysed once through the whole pipeline, and its golden file. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createContext } from '../../src/core/context.js';
import { analyzeInput } from '../../src/analysis.js';
import type { Doc } from '../../src/core/doc.js';
import { IS_CI } from '../helpers.js';

const SHARED = path.resolve(import.meta.dirname, '../../../shared');
const SEED = path.join(SHARED, 'seeds/000_e878d5f46c78badf.txt');
const GOLDEN = path.join(SHARED, 'golden/seed-000.expected.json');

/** Why the seed tests skip, or null when ../shared is there; always null under CI, where a missing seed fails them. */
export const SKIP_REASON: string | null =
  IS_CI || (existsSync(SEED) && existsSync(GOLDEN)) ? null : '../shared (seed page and golden file) is absent: the seed lives outside the repository';

/** A golden event or transfer: codes are prefixes; a list means any one of them. */
export interface GoldenItem {
  what?: string;
  cameo?: string[];
  plover?: string;
  source?: string | string[];
  target?: string | string[];
  supplier?: string;
  recipient?: string;
  date?: string;
  modality?: string;
  count?: number;
  item?: string;
  status?: string;
}

/** Whether a code answers a golden prefix or list of prefixes (absent = anything). */
export function codeMatches(code: string | null | undefined, golden: string | string[] | undefined): boolean {
  if (golden === undefined) return true;
  const prefixes = Array.isArray(golden) ? golden : [golden];
  return code !== null && code !== undefined && prefixes.some((p) => code.startsWith(p));
}

let cached: { doc: Doc; golden: { events: GoldenItem[]; transfers: GoldenItem[] } } | null = null;

/** The analysed seed and its golden file (analysed once per test file). */
export function seed(): { doc: Doc; golden: { events: GoldenItem[]; transfers: GoldenItem[] } } {
  cached ??= {
    doc: analyzeInput({ origin: SEED, bytes: readFileSync(SEED) }, createContext({ now: new Date('2021-09-11T12:42:00Z') })),
    golden: JSON.parse(readFileSync(GOLDEN, 'utf8')) as { events: GoldenItem[]; transfers: GoldenItem[] },
  };
  return cached;
}
