/**
 * Uploaded pages are analysed here, on a worker thread with its own store connection, so a page that takes the
 * pipeline a second does not hold up every search behind it. One page at a time, in arrival order.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { DocInput } from '../core/doc.js';
import type { Limits } from '../core/context.js';
import { createContext } from '../core/context.js';
import { describeError, RequestError, WatchfloorError } from '../core/errors.js';
import { ingestOne, type IngestOutcome } from '../ingest.js';
import { openStore } from '../store/open.js';

interface WorkerSetup {
  db: string;
  limits: Limits;
}

interface Job {
  id: number;
  input: DocInput;
}

type Answer = { id: number; outcome: IngestOutcome } | { id: number; error: { code: string; message: string } };

/** Hands pages to one worker thread and resolves each with its ingest outcome. */
export class IngestWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (o: IngestOutcome) => void; reject: (e: Error) => void }>();
  #next = 1;
  #isDead = false;

  constructor(setup: WorkerSetup) {
    this.#worker = startWorker(setup);
    // An idle worker must not keep the process alive; one with pages in hand must.
    this.#worker.unref();
    this.#worker.on('message', (answer: Answer) => {
      const waiting = this.#waiting.get(answer.id);
      if (!waiting) return;
      this.#waiting.delete(answer.id);
      if (this.#waiting.size === 0) this.#worker.unref();
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

  /** Ingests one page on the worker thread. */
  ingest(input: DocInput): Promise<IngestOutcome> {
    if (this.#isDead) return Promise.reject(new Error('ingest worker is not running'));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.ref();
      this.#worker.postMessage({ id, input } satisfies Job);
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  #failAll(error: Error): void {
    this.#isDead = true;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}

/**
 * This very file on another thread: as .js once built; as .ts under tsx (tests, development), where the worker
 * first registers tsx's loader, since a worker does not always inherit it.
 */
function startWorker(setup: WorkerSetup): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: setup });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(boot, { eval: true, workerData: setup });
}

/** The worker's side: open the store once, then ingest each job in turn. */
async function serveJobs(setup: WorkerSetup): Promise<void> {
  const store = await openStore(setup.db);
  const ctx = createContext({ limits: setup.limits });
  let queue = Promise.resolve();
  parentPort!.on('message', (job: Job) => {
    queue = queue.then(async () => {
      const input: DocInput = { ...job.input, bytes: Buffer.from(job.input.bytes) };
      let answer: Answer;
      try {
        answer = { id: job.id, outcome: await ingestOne(store, input, ctx) };
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
