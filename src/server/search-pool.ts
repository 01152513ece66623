/**
 * Searches and other heavy reads off the event loop: a few worker threads, each with its own read-only SQLite
 * connection (WAL readers block neither the writer nor each other), sized from the cores. The HTTP layer stays on
 * the main thread and hands each call to the least busy worker. PostgreSQL needs none of this: its pool already
 * runs queries in the server's processes.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { RequestError, WatchfloorError } from '../core/errors.js';
import type { SearchQuery, Store } from '../store.js';
import { SqliteStore } from '../store/sqlite.js';

/** The Store methods a pool worker answers: reads only, each one statement or a few. */
export const POOLED_METHODS = [
  'search',
  'getArticle',
  'listEvents',
  'listTransfers',
  'listEntities',
  'getEntity',
  'entityMentions',
  'listStories',
  'getStory',
  'listEventCredibility',
  'listStoryFeatures',
  'stats',
] as const satisfies ReadonlyArray<keyof Store>;

export type PooledMethod = (typeof POOLED_METHODS)[number];

/**
 * A search answered as its JSON text: the worker serialises it, so the HTTP thread neither rebuilds the answer's
 * objects from the message nor serialises them again (about half its work per search); it sends the text as is.
 */
export const SEARCH_JSON = 'searchJson';

/** A store whose searches can also come back as JSON text (a store read through the pool). */
export interface JsonSearch {
  searchJson(query: SearchQuery): Promise<string>;
}

/** The store's JSON search, when it has one. */
export function jsonSearchOf(store: Store): JsonSearch['searchJson'] | null {
  const method = (store as Partial<JsonSearch>).searchJson;
  return typeof method === 'function' ? method : null;
}

/**
 * Workers for a machine with this many cores: one fewer than the cores (the main thread parses and answers
 * HTTP, the upload worker analyses pages), at least two so one slow read never holds up the next, at most four
 * (more readers than cores only queue for them).
 */
export function poolSizeFor(cores: number): number {
  return Math.min(4, Math.max(2, cores - 1));
}

export interface SearchPoolOptions {
  /** The SQLite file (not `:memory:`: a worker cannot see another thread's memory database). */
  db: string;
  size?: number;
  /** Measure each call's time on its worker and the workers' CPU (Linux), for the benchmark: see `busyTimes`. */
  isMeasuring?: boolean;
}

interface Call {
  id: number;
  method: PooledMethod | typeof SEARCH_JSON;
  args: unknown[];
}

type Answer =
  | { id: number; value: unknown; busyMs?: number; threadCpuMs?: number | null }
  | { id: number; error: { code: string; message: string; status: number } };

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

class PoolWorker {
  readonly worker: Worker;
  readonly waiting = new Map<number, Waiting>();
  isDead = false;

  /** CPU this worker's thread has used, as last reported (ms). */
  threadCpuMs = 0;

  constructor(setup: SearchPoolOptions, onBusy: (ms: number) => void) {
    this.worker = startWorker(setup);
    this.worker.unref();
    this.worker.on('message', (answer: Answer) => {
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      if (this.waiting.size === 0) this.worker.unref();
      if ('error' in answer) {
        const { code, message, status } = answer.error;
        waiting.reject(
          status >= 400 && status < 500 ? new RequestError(status, code, message) : new WatchfloorError(code, message, { status }),
        );
      } else {
        if (answer.busyMs !== undefined) onBusy(answer.busyMs);
        if (typeof answer.threadCpuMs === 'number') this.threadCpuMs = answer.threadCpuMs;
        waiting.resolve(answer.value);
      }
    });
    const fail = (error: Error): void => {
      this.isDead = true;
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`search worker exited with ${code}`)));
  }
}

/** Calls a search waits behind on its own worker (where its answer is cached) before it goes to another. */
const MAX_WAIT_FOR_PREFERRED = 3;

/**
 * Heap limits of a worker: its live data is a few megabytes of JavaScript (the facet postings are typed arrays,
 * outside this heap), so a small heap is collected early instead of growing to V8's defaults, several times the
 * live size per worker. A worker past them dies and is started again on the next call.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 4 };

/**
 * Page cache of each worker's connection, KiB. A search reads a word's postings once per answer (answers are
 * cached), and what the cache misses the operating system's file cache serves in microseconds a page, so a few
 * megabytes per worker keep the b-tree interiors and the hot lists; SQLite's default of 16 MB per connection,
 * once full on a large store, is memory held for each worker.
 */
export const WORKER_CACHE_KB = 4096;

/** Worker threads answering Store reads; start lazily, idle ones never keep the process alive. */
export class SearchPool {
  readonly size: number;
  readonly #setup: SearchPoolOptions;
  readonly #workers: Array<PoolWorker | null>;
  #next = 1;
  #isClosed = false;
  /**
   * Milliseconds each call kept its worker busy, when measuring: the wall time of the call on the worker, which is
   * its CPU time unless the thread waited for a core (so at least its CPU time on a loaded machine).
   */
  readonly busyTimes: number[] = [];

  /** CPU used by the worker threads so far (ms; Linux, as last reported by each), when measuring. */
  get threadCpuMs(): number {
    return this.#workers.reduce((sum, w) => sum + (w?.threadCpuMs ?? 0), 0);
  }

  constructor(options: SearchPoolOptions) {
    this.#setup = options;
    this.size = options.size ?? poolSizeFor(os.availableParallelism());
    this.#workers = Array.from({ length: this.size }, () => null);
  }

  /** Runs one Store read on a worker (see #pick). */
  call<M extends PooledMethod>(method: M, ...args: Parameters<Store[M]>): ReturnType<Store[M]> {
    return this.#call(method, args) as ReturnType<Store[M]>;
  }

  /** A search's answer as JSON text (see SEARCH_JSON). */
  searchJson(query: SearchQuery): Promise<string> {
    return this.#call(SEARCH_JSON, [query]) as Promise<string>;
  }

  #call(method: PooledMethod | typeof SEARCH_JSON, args: unknown[]): Promise<unknown> {
    if (this.#isClosed) return Promise.reject(new Error('the search pool is closed'));
    // The same search goes to the same worker, so each worker's answer cache serves its share.
    const isSearch = method === 'search' || method === SEARCH_JSON;
    const worker = this.#pick(isSearch ? affinity(JSON.stringify(args[0] ?? null), this.size) : null);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      worker.waiting.set(id, { resolve, reject });
      worker.worker.ref();
      worker.worker.postMessage({ id, method, args } satisfies Call);
    });
  }

  /**
   * The preferred worker unless it has MAX_WAIT_FOR_PREFERRED calls already (its cached answer costs about a
   * millisecond, the same search made afresh on another worker tens to hundreds on a large store), else an idle
   * one, else a new one while there is room (or one restarted after a crash), else the least busy.
   */
  #pick(preferred: number | null): PoolWorker {
    if (preferred !== null) {
      const w = this.#workers[preferred];
      if (!w || w.isDead) return (this.#workers[preferred] = this.#start());
      if (w.waiting.size <= MAX_WAIT_FOR_PREFERRED) return w;
    }
    let best: PoolWorker | null = null;
    for (const w of this.#workers) {
      if (w && !w.isDead && (!best || w.waiting.size < best.waiting.size)) best = w;
    }
    if (best && best.waiting.size === 0) return best;
    const free = this.#workers.findIndex((w) => !w || w.isDead);
    if (free >= 0) return (this.#workers[free] = this.#start());
    return best!;
  }

  #start(): PoolWorker {
    return new PoolWorker(this.#setup, (ms) => this.busyTimes.push(ms));
  }

  /** Starts every worker now (each opens its connection and loads its facet postings), so the first searches do not wait. */
  async warm(): Promise<void> {
    for (let k = 0; k < this.#workers.length; k++) {
      if (!this.#workers[k] || this.#workers[k]!.isDead) this.#workers[k] = this.#start();
    }
    await Promise.all(
      this.#workers.map((w) => {
        const id = this.#next++;
        return new Promise((resolve, reject) => {
          w!.waiting.set(id, { resolve, reject });
          w!.worker.ref();
          w!.worker.postMessage({ id, method: 'search', args: [{ limit: 1 }] } satisfies Call);
        });
      }),
    );
    this.busyTimes.length = 0;
  }

  async close(): Promise<void> {
    this.#isClosed = true;
    await Promise.all(this.#workers.map(async (w) => (w ? w.worker.terminate() : 0)));
  }
}

/** A worker index for a key (FNV-1a), spreading distinct searches evenly. */
function affinity(key: string, size: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) hash = Math.imul(hash ^ key.charCodeAt(k), 0x01000193);
  return (hash >>> 0) % size;
}

/**
 * A Store whose reads in POOLED_METHODS go to the pool, with `searchJson` (JsonSearch) besides; everything else
 * (writes) to `store` itself.
 */
export function withSearchPool(store: Store, pool: SearchPool): Store & JsonSearch {
  const pooled = new Set<string>(POOLED_METHODS);
  const searchJson = (query: SearchQuery): Promise<string> => pool.searchJson(query);
  return new Proxy(store as Store & JsonSearch, {
    get(target, property, receiver) {
      if (property === SEARCH_JSON) return searchJson;
      if (typeof property === 'string' && pooled.has(property)) {
        return (...args: unknown[]) => pool.call(property as PooledMethod, ...(args as [never]));
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * This very file on another thread: as .js once built; as .ts under tsx (tests, development), where the worker
 * first registers tsx's loader, since a worker does not always inherit it.
 */
function startWorker(setup: SearchPoolOptions): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: setup, resourceLimits: WORKER_HEAP });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(boot, { eval: true, workerData: setup, resourceLimits: WORKER_HEAP });
}

/**
 * CPU time this thread has run, in ms (Linux: the first field of schedstat, in ns), or null elsewhere. The kernel
 * updates it at its ticks, so it is exact over many calls, not for one.
 */
function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** The worker's side: one read-only connection, calls answered one at a time in arrival order. */
function serveCalls(setup: SearchPoolOptions): void {
  const store = new SqliteStore(setup.db, { isReadonly: true, cacheKb: WORKER_CACHE_KB });
  let queue = Promise.resolve();
  parentPort!.on('message', (call: Call) => {
    queue = queue.then(async () => {
      const before = setup.isMeasuring ? performance.now() : null;
      let answer: Answer;
      try {
        let value: unknown;
        if (call.method === SEARCH_JSON) value = JSON.stringify(await store.search(call.args[0] as SearchQuery));
        else if (!POOLED_METHODS.includes(call.method)) throw new Error(`not a pooled read: ${String(call.method)}`);
        else {
          const read = store[call.method].bind(store) as (...args: unknown[]) => Promise<unknown>;
          value = await read(...call.args);
        }
        answer = {
          id: call.id,
          value,
          ...(before === null ? {} : { busyMs: performance.now() - before, threadCpuMs: threadCpuMs() }),
        };
      } catch (error) {
        const e = error as { code?: unknown; message?: unknown; status?: unknown };
        answer = {
          id: call.id,
          error: {
            code: typeof e.code === 'string' ? e.code : 'internal',
            message: typeof e.message === 'string' ? e.message : String(error),
            status: typeof e.status === 'number' ? e.status : 500,
          },
        };
      }
      parentPort!.postMessage(answer);
    });
  });
}

if (!isMainThread && parentPort && (workerData as SearchPoolOptions | undefined)?.db) serveCalls(workerData as SearchPoolOptions);

/** What `readStore` needs of the app and its options. */
export interface ReadStoreOptions {
  store: Store;
  /** Not read: the pool opens the file the store has open (a configured path may name another database). */
  db?: string;
  /** A pool made by the caller (the benchmark measures it), or false for none. */
  searchPool?: SearchPool | false | undefined;
  onClose: (close: () => Promise<void>) => unknown;
}

/**
 * The store the routes read through: with a pool of search workers when it is a SQLite file (the workers open
 * the very file the store has open), else the store itself (PostgreSQL, or a database in memory).
 */
export function readStore(options: ReadStoreOptions): Store {
  const { store } = options;
  if (options.searchPool === false || !(store instanceof SqliteStore) || store.db.memory) return store;
  const pool = options.searchPool ?? new SearchPool({ db: store.db.name });
  if (!options.searchPool) options.onClose(() => pool.close());
  return withSearchPool(store, pool);
}
