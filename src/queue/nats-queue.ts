/**
 * The job queue on NATS JetStream: a work-queue stream of capture jobs, one durable pull consumer shared
 * by every worker, a dead-letter stream, and an object store for pages too big for one message.
 * All names derive from one queue name, so several desks (or test runs) share a server without meeting.
 */
import {
  AckPolicy,
  connect,
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  type ObjectStore,
} from 'nats';
import { WatchfloorError } from '../core/errors.js';
import { JOB_VERSION, sha256Hex, type CaptureJob } from './job.js';

/** Queue name when none is configured. */
export const DEFAULT_QUEUE_NAME = 'watchfloor';
/** How long a worker may hold a job before JetStream hands it to another (a killed worker's jobs). */
export const DEFAULT_ACK_WAIT_SECONDS = 60;
/** Deliveries before a job that keeps failing goes to the dead-letter subject. */
export const DEFAULT_MAX_DELIVER = 5;
/** Room left in a message for the job's other fields when the bytes travel inline. */
const ENVELOPE_BYTES = 16 * 1024;
/** Dead letters are kept a month for someone to look at, then dropped. */
const DEAD_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
/** Publishing the same bytes again within this window is one job (JetStream de-duplicates by sha256). */
const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

export interface QueueOptions {
  /** nats:// URL of any server of the cluster. */
  url: string;
  /** Letters, digits, - and _: names the stream, subjects, consumer and object store. */
  name?: string;
  ackWaitSeconds?: number;
  maxDeliver?: number;
  /** Largest page sent inside its job; bigger ones go through the object store. Default: what max_payload allows. */
  maxInlineBytes?: number;
}

/** Stream, subjects, consumer and bucket of one queue. */
export interface QueueNames {
  name: string;
  stream: string;
  subject: string;
  deadStream: string;
  deadSubject: string;
  consumer: string;
  bucket: string;
}

/** Depth and progress, for the API and the CLI. */
export interface QueueStatus {
  name: string;
  stream: string;
  /** Jobs ever accepted by the stream. */
  published: number;
  /** Jobs still in the stream: waiting or being worked on. */
  queued: number;
  /** Waiting for a worker. */
  pending: number;
  /** Handed to a worker, not yet acknowledged. */
  inFlight: number;
  /** Handed out more than once (a worker died or failed on them). */
  redelivered: number;
  /** Jobs finished (acknowledged or dead-lettered). */
  completed: number;
  /** Jobs in the dead-letter stream. */
  dead: number;
  /** Workers with a pull request open right now. */
  waitingWorkers: number;
}

/** The names a queue name gives, checked. */
export function queueNames(name: string = DEFAULT_QUEUE_NAME): QueueNames {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(name)) {
    throw new WatchfloorError('queue/bad-name', `queue name "${name}": use letters, digits, - and _ (64 at most)`, { status: 400 });
  }
  return {
    name,
    stream: `${name}-jobs`,
    subject: `${name}.jobs.capture`,
    deadStream: `${name}-dead`,
    deadSubject: `${name}.dead.capture`,
    consumer: `${name}-workers`,
    bucket: `${name}-pages`,
  };
}

/** An open connection to one queue. */
export class JobQueue {
  readonly names: QueueNames;
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly ackWaitSeconds: number;
  readonly maxDeliver: number;
  readonly #maxInlineBytes: number | null;
  #objects: ObjectStore | null = null;

  private constructor(nc: NatsConnection, jsm: JetStreamManager, names: QueueNames, options: QueueOptions) {
    this.nc = nc;
    this.jsm = jsm;
    this.js = nc.jetstream();
    this.names = names;
    this.ackWaitSeconds = options.ackWaitSeconds ?? DEFAULT_ACK_WAIT_SECONDS;
    this.maxDeliver = options.maxDeliver ?? DEFAULT_MAX_DELIVER;
    this.#maxInlineBytes = options.maxInlineBytes ?? null;
  }

  /** Connects and makes sure the streams and the consumer exist (creating them is idempotent). */
  static async open(options: QueueOptions): Promise<JobQueue> {
    const names = queueNames(options.name);
    const label = redactUrl(options.url);
    if (!/^(nats|tls):\/\//.test(options.url)) {
      throw new WatchfloorError('queue/bad-url', `${label}: not a nats:// URL`, { status: 400 });
    }
    let nc: NatsConnection;
    try {
      nc = await connect({ servers: options.url, name: `watchfloor ${process.pid}`, maxReconnectAttempts: -1, timeout: 5000 });
    } catch (error) {
      throw new WatchfloorError('queue/unreachable', `${label}: cannot reach NATS (${(error as { code?: string }).code ?? (error as Error).message})`, { cause: error });
    }
    try {
      let jsm: JetStreamManager;
      try {
        jsm = await nc.jetstreamManager();
      } catch (error) {
        throw new WatchfloorError('queue/no-jetstream', `${label}: JetStream is not enabled on this server (run nats-server -js)`, { cause: error });
      }
      const queue = new JobQueue(nc, jsm, names, options);
      await queue.#ensure();
      return queue;
    } catch (error) {
      await nc.close().catch(() => undefined);
      throw error;
    }
  }

  async #ensure(): Promise<void> {
    const n = this.names;
    await this.#ensureStream(n.stream, {
      subjects: [n.subject],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
    await this.#ensureStream(n.deadStream, {
      subjects: [n.deadSubject],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: nanos(DEAD_MAX_AGE_MS),
      discard: DiscardPolicy.Old,
    });
    const consumer = {
      durable_name: n.consumer,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(this.ackWaitSeconds * 1000),
      max_deliver: this.maxDeliver,
      filter_subject: n.subject,
    };
    try {
      // An existing consumer keeps its settings: one worker's flags do not change every worker's.
      await this.jsm.consumers.info(n.stream, n.consumer);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.jsm.consumers.add(n.stream, consumer).catch((addError: unknown) => {
        if (!/already (in use|exists)/i.test((addError as Error).message)) throw addError;
      });
    }
  }

  async #ensureStream(name: string, config: Record<string, unknown>): Promise<void> {
    try {
      await this.jsm.streams.info(name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await this.jsm.streams.add({ name, ...config });
      } catch (addError) {
        // Another process created it between our two calls.
        if (!/already in use|exists/i.test((addError as Error).message)) throw addError;
      }
    }
  }

  /** The object store for big pages, created on first use. */
  async objects(): Promise<ObjectStore> {
    this.#objects ??= await this.js.views.os(this.names.bucket, { storage: StorageType.File });
    return this.#objects;
  }

  /** Publishes one page as a job; returns false when JetStream already had it (same bytes, recently). */
  async publish(page: { origin: string; bytes: Buffer; url?: string | null; published?: string | null; capturedAt?: string }): Promise<boolean> {
    const sha256 = sha256Hex(page.bytes);
    const job: CaptureJob = {
      v: JOB_VERSION,
      origin: page.origin,
      url: page.url ?? null,
      published: page.published ?? null,
      capturedAt: page.capturedAt ?? new Date().toISOString(),
      sha256,
      size: page.bytes.length,
    };
    const isInline =
      fitsInline(page.bytes.length, this.nc.info?.max_payload ?? 1024 * 1024) &&
      (this.#maxInlineBytes === null || page.bytes.length <= this.#maxInlineBytes);
    if (isInline) job.bytes = page.bytes.toString('base64');
    else {
      // Too big for one message: the object store chunks it; the job carries its name.
      const objects = await this.objects();
      const existing = await objects.info(sha256);
      if (!existing || existing.deleted) await objects.putBlob({ name: sha256 }, page.bytes);
      job.ref = sha256;
    }
    const ack = await this.js.publish(this.names.subject, Buffer.from(JSON.stringify(job)), { msgID: sha256 });
    return !ack.duplicate;
  }

  /** Depth and progress of the queue. */
  async status(): Promise<QueueStatus> {
    const n = this.names;
    const [stream, dead, consumer] = await Promise.all([
      this.jsm.streams.info(n.stream),
      this.jsm.streams.info(n.deadStream),
      this.jsm.consumers.info(n.stream, n.consumer),
    ]);
    return {
      name: n.name,
      stream: n.stream,
      published: stream.state.last_seq,
      queued: stream.state.messages,
      pending: consumer.num_pending,
      inFlight: consumer.num_ack_pending,
      redelivered: consumer.num_redelivered,
      completed: stream.state.last_seq - stream.state.messages,
      dead: dead.state.messages,
      waitingWorkers: consumer.num_waiting,
    };
  }

  /** Deletes the streams, consumer and object store (tests, benches, tearing a desk down). */
  async destroy(): Promise<void> {
    const n = this.names;
    for (const stream of [n.stream, n.deadStream, `OBJ_${n.bucket}`]) {
      await this.jsm.streams.delete(stream).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    }
  }

  async close(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }
}

/** Whether a page of this size travels inside its job message (base64 plus the envelope). */
export function fitsInline(size: number, maxPayload: number): boolean {
  return Math.ceil(size / 3) * 4 + ENVELOPE_BYTES <= maxPayload;
}

/** The URL with any password or token hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+)(:[^@/]*)?@/, (_m, user: string, secret?: string) => `//${secret ? `${user}:***` : '***'}@`);
}

function isNotFound(error: unknown): boolean {
  return /not found/i.test((error as Error).message ?? '') || (error as { api_error?: { err_code?: number } }).api_error?.err_code === 10014 || (error as { api_error?: { err_code?: number } }).api_error?.err_code === 10059;
}
