/**
 * Uploaded pages are analysed here, on a worker thread with its own store connection, so a page that takes the
 * pipeline a second does not hold up every search behind it. One page at a time, in arrival order; when
 * MAX_QUEUED pages wait, the next upload is refused with 429 and a Retry-After that estimates the wait.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { DocInput } from '../core/doc.js';
import type { Limits } from '../core/context.js';
import { describeError, RequestError, WatchfloorError } from '../core/errors.js';
import type { IngestOutcome } from '../ingest.js';
import type { SourceConfig } from '../watch/sources.js';

interface WorkerSetup {
  db: string;
  limits: Limits;
  /** The configured sources, for the outlet grades a new article's story is built with. */
  sources?: SourceConfig[];
}

/**
 * Uploads waiting for the worker before more are refused: at about a second a page, sixteen are a quarter of a
 * minute of work, well inside a client's 30 s timeout, and their bodies (up to limits.maxBytes each) stay bounded.
 */
export const MAX_QUEUED = 16;

/** The upload queue is full: 429, with the seconds to wait before trying again. */
export class QueueFullError extends RequestError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(429, 'ingest/busy', `${MAX_QUEUED} uploads are waiting to be analysed: try again in ${retryAfterSeconds} s`);
    this.name = 'QueueFullError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

interface Job {
  id: number;
  input: DocInput;
}

type Answer = { id: number; outcome: IngestOutcome } | { id: number; error: { code: string; message: string } };

/**
 * An upload worker idle this long ends, giving back the pipeline's memory (the models and dictionaries, about
 * 200 MB); the next upload starts another, which loads them again in a second or two.
 */
export const UPLOAD_IDLE_MS = 120_000;

/** Hands pages to one worker thread and resolves each with its ingest outcome. */
export class IngestWorker {
  readonly #worker: Worker;
  readonly #idleMs: number;
  #idleTimer: NodeJS.Timeout | null = null;
  readonly #waiting = new Map<number, { resolve: (o: IngestOutcome) => void; reject: (e: Error) => void }>();
  readonly #maxQueued: number;
  #next = 1;
  #isDead = false;
  /** Mean seconds per page so far (a second until measured), for Retry-After. */
  #secondsPerPage = 1;
  #lastDoneAt = 0;

  constructor(setup: WorkerSetup, options: { maxQueued?: number; idleMs?: number } = {}) {
    this.#maxQueued = options.maxQueued ?? MAX_QUEUED;
    this.#idleMs = options.idleMs ?? UPLOAD_IDLE_MS;
    this.#worker = startWorker(setup);
    // An idle worker must not keep the process alive; one with pages in hand must.
    this.#worker.unref();
    this.#worker.on('message', (answer: Answer) => {
      const waiting = this.#waiting.get(answer.id);
      if (!waiting) return;
      this.#waiting.delete(answer.id);
      const now = performance.now();
      if (this.#lastDoneAt > 0) this.#secondsPerPage = 0.8 * this.#secondsPerPage + 0.2 * ((now - this.#lastDoneAt) / 1000);
      this.#lastDoneAt = this.#waiting.size === 0 ? 0 : now;
      if (this.#waiting.size === 0) {
        this.#worker.unref();
        this.#startIdleTimer();
      }
      if ('outcome' in answer) waiting.resolve(answer.outcome);
      else
        waiting.reject(
          answer.error.code === 'store/busy'
            ? new RequestError(503, answer.error.code, answer.error.message)
            : new WatchfloorError(answer.error.code, answer.error.message),
        );
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => this.#failAll(new Error(`ingest worker exited with ${code}`)));
  }

  /** False once the thread has died; the caller starts another. */
  get isAlive(): boolean {
    return !this.#isDead;
  }

  /** Pages handed over and not answered yet (the one being analysed included). */
  get queued(): number {
    return this.#waiting.size;
  }

  /** Ingests one page on the worker thread; QueueFullError (429) when too many wait already. */
  ingest(input: DocInput): Promise<IngestOutcome> {
    if (this.#isDead) return Promise.reject(new Error('ingest worker is not running'));
    if (this.#waiting.size >= this.#maxQueued) {
      return Promise.reject(new QueueFullError(Math.max(1, Math.ceil(this.#waiting.size * this.#secondsPerPage))));
    }
    const id = this.#next++;
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    if (this.#waiting.size === 0) this.#lastDoneAt = performance.now();
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.ref();
      this.#worker.postMessage({ id, input } satisfies Job);
    });
  }

  async close(): Promise<void> {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    await this.#worker.terminate();
  }

  /** Ends the thread once nothing has come for #idleMs (isAlive turns false: the caller starts another). */
  #startIdleTimer(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this.#waiting.size > 0) return;
      this.#isDead = true;
      void this.#worker.terminate();
    }, this.#idleMs);
    this.#idleTimer.unref();
  }

  #failAll(error: Error): void {
    this.#isDead = true;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}

/**
 * Heap limits of the upload worker. Its live heap is the pipeline's data (dictionaries, gazetteers, lexicons: about
 * 60 MB; the syntax and entity models are typed arrays outside it) and one page's work. V8's default young
 * generation for a thread grows to tens of megabytes of mostly empty semi-spaces, held for as long as the thread
 * lives; a small one costs more frequent minor collections (cheap: a page's garbage dies young) and keeps the
 * server's resident memory down. A worker past these limits dies; the next upload starts another.
 */
export const UPLOAD_WORKER_HEAP = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 8 };

/** Page cache of the upload worker's connection, KiB: a page's writes touch the ends of the indexes, a few MB. */
const UPLOAD_CACHE_KB = 8192;

/**
 * This very file on another thread: as .js once built; as .ts under tsx (tests, development), where the worker
 * first registers tsx's loader, since a worker does not always inherit it.
 */
function startWorker(setup: WorkerSetup): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: setup, resourceLimits: UPLOAD_WORKER_HEAP });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(boot, { eval: true, workerData: setup, resourceLimits: UPLOAD_WORKER_HEAP });
}

/** The worker's side: open the store once, then ingest each job in turn, each with its own context (and time). */
async function serveJobs(setup: WorkerSetup): Promise<void> {
  // The pipeline is imported here, on the worker, so the HTTP thread that imports this file for IngestWorker
  // does not load it too.
  const [{ createContext }, { ingestAndJoin }, { openStore }, { OutletDirectory }] = await Promise.all([
    import('../core/context.js'),
    import('../ingest.js'),
    import('../store/open.js'),
    import('../reliability/outlet-directory.js'),
  ]);
  const store = await openStore(setup.db, { cacheKb: UPLOAD_CACHE_KB });
  const directory = new OutletDirectory(setup.sources ?? [], createContext().data);
  let queue = Promise.resolve();
  parentPort!.on('message', (job: Job) => {
    queue = queue.then(async () => {
      const input: DocInput = { ...job.input, bytes: Buffer.from(job.input.bytes) };
      let answer: Answer;
      try {
        // A context per page: its capture time is when this page is analysed, not when the worker started.
        answer = { id: job.id, outcome: await ingestAndJoin(store, input, createContext({ limits: setup.limits }), directory) };
      } catch (error) {
        // Another process holding the write lock past the busy timeout is a retry, not a fault.
        const code = (error as { code?: unknown }).code;
        const isBusy = typeof code === 'string' && code.startsWith('SQLITE_BUSY');
        answer = {
          id: job.id,
          error: isBusy
            ? { code: 'store/busy', message: 'the database is busy with another write: try again' }
            : describeError(error),
        };
      }
      parentPort!.postMessage(answer);
    });
  });
}

if (!isMainThread && parentPort && (workerData as WorkerSetup | undefined)?.db)
  void serveJobs(workerData as WorkerSetup);
