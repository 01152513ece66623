/**
 * A worker: pulls capture jobs from the shared consumer and ingests each page into the store, at least once.
 * Writes are idempotent by sha256 (ingestOne, and the store's ON CONFLICT), so a job redelivered after a
 * crash changes nothing. A job is acknowledged only once its page is stored; a job that keeps failing,
 * or can never succeed, goes to the dead-letter subject with its error.
 */
import os from 'node:os';
import type { JsMsg } from 'nats';
import type { Context } from '../core/context.js';
import { describeError } from '../core/errors.js';
import { ingestOne, type IngestStatus } from '../ingest.js';
import type { Store } from '../store.js';
import { checkBytes, decodeJob, JobError, type CaptureJob } from './job.js';
import type { JobQueue } from './nats-queue.js';

/** How long one pull waits for jobs before the worker checks whether it should stop. */
const FETCH_EXPIRES_MS = 2000;
/** Back-off before a failed job is offered again, times its delivery count. */
const RETRY_DELAY_MS = 1000;

export interface WorkerOptions {
  /** Jobs in progress at once (the pipeline is synchronous; this overlaps store and network waits). */
  concurrency?: number;
  /** Exit once the queue is empty: nothing waiting and nothing in flight with any worker. */
  shouldDrain?: boolean;
  /** Called after every job. */
  onJob?: (result: JobResult, totals: WorkerTotals) => void;
  /** Aborting stops fetching; jobs in hand are finished first. */
  signal?: AbortSignal;
}

export interface JobResult {
  origin: string;
  sha256: string | null;
  status: IngestStatus | 'retry' | 'dead';
  error: { code: string; message: string } | null;
}

export type WorkerTotals = Record<JobResult['status'], number> & { jobs: number };

/** Runs until the signal aborts (or, draining, until the queue is empty); returns what it did. */
export async function runWorker(
  queue: JobQueue,
  store: Store,
  ctx: Context,
  options: WorkerOptions = {},
): Promise<WorkerTotals> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const totals: WorkerTotals = {
    jobs: 0,
    stored: 0,
    unchanged: 0,
    reanalysed: 0,
    queued: 0,
    failed: 0,
    retry: 0,
    dead: 0,
  };
  const consumer = await queue.js.consumers.get(queue.names.stream, queue.names.consumer);
  // Jobs in progress carry over from one pull to the next, so the worker never idles between pulls.
  const running = new Set<Promise<void>>();
  while (!options.signal?.aborted) {
    const batch = await consumer.fetch({ max_messages: concurrency * 2, expires: FETCH_EXPIRES_MS });
    let received = 0;
    for await (const message of batch) {
      received++;
      const done = handleJob(queue, store, ctx, message).then((result) => {
        totals.jobs++;
        totals[result.status]++;
        options.onJob?.(result, totals);
      });
      running.add(done);
      void done.finally(() => running.delete(done));
      if (running.size >= concurrency) await Promise.race(running);
    }
    if (received === 0) {
      await Promise.all(running);
      if (options.shouldDrain) {
        const info = await consumer.info();
        if (info.num_pending === 0 && info.num_ack_pending === 0) break;
      }
    }
  }
  await Promise.all(running);
  return totals;
}

/** Processes one job message and settles it: ack, nak for a retry, or dead-letter and term. */
export async function handleJob(queue: JobQueue, store: Store, ctx: Context, message: JsMsg): Promise<JobResult> {
  let job: CaptureJob | null = null;
  try {
    job = decodeJob(message.data, `${message.subject}#${message.seq}`);
    if (job.size > ctx.limits.maxBytes) {
      throw new JobError(
        'capture/too-large',
        `${job.origin}: ${job.size} bytes, over the limit of ${ctx.limits.maxBytes}`,
      );
    }
    const bytes = await jobBytes(queue, store, job);
    if (bytes === null) {
      // The big page's object is gone: an earlier delivery stored it, then died before acknowledging.
      message.ack();
      return { origin: job.origin, sha256: job.sha256, status: 'unchanged', error: null };
    }
    const outcome = await ingestOne(
      store,
      {
        origin: job.origin,
        bytes,
        url: job.url,
        published: job.published,
        capturedAt: job.capturedAt,
      },
      ctx,
    );
    // A page the pipeline refuses is recorded in the store as a failure: retrying would fail the same way.
    if (job.ref) await (await queue.objects()).delete(job.ref).catch(() => undefined);
    message.ack();
    return { origin: job.origin, sha256: job.sha256, status: outcome.status, error: outcome.error };
  } catch (error) {
    const described = describeError(error);
    const origin = job?.origin ?? `${message.subject}#${message.seq}`;
    const deliveries = message.info.deliveryCount;
    if (!(error instanceof JobError) && deliveries < queue.maxDeliver) {
      message.nak(RETRY_DELAY_MS * deliveries);
      return { origin, sha256: job?.sha256 ?? null, status: 'retry', error: described };
    }
    try {
      await deadLetter(queue, message, job, described);
    } catch {
      // Cannot dead-letter now (NATS trouble): leave the job to be offered again.
      message.nak(RETRY_DELAY_MS * deliveries);
      return { origin, sha256: job?.sha256 ?? null, status: 'retry', error: described };
    }
    // No reason string: servers before 2.10.4 ignore `+TERM reason`; the dead letter carries the error.
    message.term();
    return { origin, sha256: job?.sha256 ?? null, status: 'dead', error: described };
  }
}

/** The job's page bytes, checked; null when they were in the object store and are gone but the page is stored. */
async function jobBytes(queue: JobQueue, store: Store, job: CaptureJob): Promise<Buffer | null> {
  if (job.bytes !== undefined) return checkBytes(job, Buffer.from(job.bytes, 'base64'));
  const objects = await queue.objects();
  const info = await objects.info(job.ref ?? '');
  // The object's size is checked before it is read: a job cannot make a worker load more than a page's worth.
  if (info && !info.deleted && info.size !== job.size) {
    throw new JobError(
      'queue/bad-bytes',
      `${job.origin}: object ${job.ref ?? ''} holds ${info.size} bytes, the job says ${job.size}`,
    );
  }
  const blob = info && !info.deleted ? await objects.getBlob(job.ref ?? '') : null;
  if (blob) return checkBytes(job, Buffer.from(blob));
  if (await store.findCapture(job.sha256)) return null;
  throw new JobError(
    'queue/missing-bytes',
    `${job.origin}: page ${job.sha256} is not in the object store ${queue.names.bucket}`,
  );
}

/**
 * Publishes a failed job to the dead-letter subject with its error, the worker and the delivery count.
 * The job goes along whole when it fits; otherwise without its bytes (the capture can be re-published from
 * its origin).
 */
async function deadLetter(
  queue: JobQueue,
  message: JsMsg,
  job: CaptureJob | null,
  error: { code: string; message: string },
): Promise<void> {
  const letter = {
    error,
    deliveries: message.info.deliveryCount,
    worker: `${os.hostname()}:${process.pid}`,
    at: new Date().toISOString(),
    streamSequence: message.seq,
    job: job ?? Buffer.from(message.data).toString('utf8').slice(0, 4096),
  };
  let data = Buffer.from(JSON.stringify(letter));
  const limit = queue.nc.info?.max_payload ?? 1024 * 1024;
  if (data.length > limit && job) {
    const { bytes: _bytes, ...rest } = job;
    data = Buffer.from(JSON.stringify({ ...letter, job: rest, isBytesDropped: true }));
  }
  await queue.js.publish(queue.names.deadSubject, data);
}
