/**
 * Answers of the heavy read routes (timeline, network, credibility), computed one at a time and kept until the
 * store changes: the same question asked eight times at once is answered once, and other requests (health,
 * search) get the event loop between two computations instead of after all of them.
 */
import { RequestError } from '../core/errors.js';
import type { Store } from '../store.js';

export interface AggregateCacheOptions {
  /** Answers kept at most; the least recently used go first. */
  maxEntries?: number;
  /** Computations run at the same time. */
  concurrency?: number;
  /** Requests that may wait for a computation; past this a 503 says to retry. */
  maxWaiting?: number;
  /** How often the store's counts are read to notice writes from other processes (CLI ingest, watch), in ms. */
  checkEveryMs?: number;
  /** Longest an answer is kept even when the counts stay the same (a re-analysis changes no count), in ms. */
  maxAgeMs?: number;
}

interface Entry {
  answer: Promise<unknown>;
  at: number;
}

/** Memoised heavy answers, dropped when the store changes (counts differ, `invalidate()` after an upload, or age). */
export class AggregateCache {
  readonly #store: Store;
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #concurrency: number;
  readonly #maxWaiting: number;
  readonly #checkEveryMs: number;
  readonly #maxAgeMs: number;
  #running = 0;
  readonly #waiting: Array<() => void> = [];
  #version: string | null = null;
  #checkedAt = -Infinity;
  #checking: Promise<void> | null = null;

  constructor(store: Store, options: AggregateCacheOptions = {}) {
    this.#store = store;
    this.#maxEntries = options.maxEntries ?? 64;
    this.#concurrency = options.concurrency ?? 1;
    this.#maxWaiting = options.maxWaiting ?? 32;
    this.#checkEveryMs = options.checkEveryMs ?? 1000;
    this.#maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  }

  /** The cached answer for `key`, or `compute()`'s, run when a slot is free. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    await this.#checkVersion();
    const now = performance.now();
    const cached = this.#entries.get(key);
    if (cached && now - cached.at <= this.#maxAgeMs) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached.answer as Promise<T>;
    }
    const answer = this.#run(compute);
    const entry: Entry = { answer, at: now };
    this.#entries.set(key, entry);
    // A failed computation is not remembered: the next request tries again.
    answer.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return answer;
  }

  /** Forgets every answer (after this server stored a page). */
  invalidate(): void {
    this.#entries.clear();
    this.#checkedAt = -Infinity;
  }

  async #run<T>(compute: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#concurrency) {
      if (this.#waiting.length >= this.#maxWaiting) {
        throw new RequestError(503, 'server/busy', 'too many heavy requests are waiting: try again in a few seconds');
      }
      // The slot is handed over by the computation that frees it, so none is taken in between.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else this.#running += 1;
    try {
      return await compute();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running -= 1;
    }
  }

  /** Reads the store's counts at most every checkEveryMs; different counts mean other writers changed it. */
  async #checkVersion(): Promise<void> {
    if (performance.now() - this.#checkedAt < this.#checkEveryMs) return;
    this.#checking ??= (async () => {
      try {
        const version = JSON.stringify(await this.#store.stats());
        if (version !== this.#version) {
          this.#entries.clear();
          this.#version = version;
        }
      } finally {
        this.#checkedAt = performance.now();
        this.#checking = null;
      }
    })();
    await this.#checking;
  }
}
