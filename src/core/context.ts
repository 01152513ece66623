/** What every stage may read besides the document: reference time, options, data files. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DEFAULT_PAGE_BUDGET_MS } from './budget.js';

/** Limits on one input, so a hostile page cannot take the process down. */
export interface Limits {
  /** Largest capture accepted, in bytes (WATCHFLOOR_MAX_BYTES). */
  maxBytes: number;
  /** Largest decompressed size of a gzipped capture. */
  maxInflatedBytes: number;
  /** Time budget for one page's HTML extraction, in milliseconds. */
  extractTimeoutMs: number;
  /** Time budget for one page through all stages, in milliseconds (0: none); see budget.ts. */
  pageBudgetMs?: number;
}

export const DEFAULT_LIMITS: Limits = {
  // 50 MB: far above any real article page, low enough that a stray video or dump is refused.
  maxBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 64 * 1024 * 1024,
  extractTimeoutMs: 5000,
  pageBudgetMs: DEFAULT_PAGE_BUDGET_MS,
};

export interface Context {
  /** The time analysis runs at; used only when neither page nor caller gives a publication time. */
  now: Date;
  limits: Limits;
  data: DataFiles;
}

/** The repository's data/ folder, found from this file whether run from src/ or dist/. */
export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

/** Read-only access to JSON data files under data/, each parsed once and shared. */
export class DataFiles {
  readonly #dir: string;
  readonly #cache = new Map<string, unknown>();
  constructor(dir: string = DATA_DIR) {
    this.#dir = dir;
  }
  /** The parsed contents of `data/<name>.json`, frozen so no stage edits it. */
  load<T>(name: string): T {
    let value = this.#cache.get(name);
    if (value === undefined) {
      value = this.#timed(() => deepFreeze(JSON.parse(readFileSync(path.join(this.#dir, `${name}.json`), 'utf8'))));
      this.#cache.set(name, value);
    }
    return value as T;
  }
  /** A derived index built once from data (a lookup map, a compiled regex). */
  memo<T>(key: string, build: () => T): T {
    const cacheKey = `memo:${key}`;
    let value = this.#cache.get(cacheKey);
    if (value === undefined) {
      value = this.#timed(build);
      this.#cache.set(cacheKey, value);
    }
    return value as T;
  }
  /** Milliseconds spent so far loading files and building indexes: one-off work a page's time budget leaves out. */
  get setupMs(): number {
    return this.#setupMs;
  }
  #setupMs = 0;
  #depth = 0;
  #timed<T>(build: () => T): T {
    // A memo's build loads files itself: time only the outermost call.
    if (this.#depth > 0) return build();
    const started = performance.now();
    this.#depth += 1;
    try {
      return build();
    } finally {
      this.#depth -= 1;
      this.#setupMs += performance.now() - started;
    }
  }
}

function deepFreeze(value: unknown): unknown {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

let sharedData: DataFiles | undefined;

/** A context with defaults; one DataFiles per process unless given. */
export function createContext(options: Partial<Context> = {}): Context {
  sharedData ??= new DataFiles();
  return {
    now: options.now ?? new Date(),
    limits: options.limits ?? DEFAULT_LIMITS,
    data: options.data ?? sharedData,
  };
}
