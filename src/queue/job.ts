/**
 * Capture jobs: one page as it travels from a publisher to a worker. Small pages carry their bytes
 * (base64) in the message; pages too big for the server's max_payload carry a reference to an object in
 * the queue's JetStream object store instead. Every job names the sha256 of its bytes, checked on arrival.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.js';

/** Job format version; a worker refuses jobs it does not know. */
export const JOB_VERSION = 1;
/** Longest origin or URL a job may carry (they are untrusted text from the publisher's side). */
const MAX_TEXT = 4096;

export interface CaptureJob {
  v: number;
  /** Path or URL the page came from; names it in messages and the store. */
  origin: string;
  url: string | null;
  /** Publication time to use when the page gives none. */
  published: string | null;
  capturedAt: string;
  sha256: string;
  size: number;
  /** The page's bytes, base64, when they fit in one message. */
  bytes?: string;
  /** Otherwise the object-store name holding them (the sha256). */
  ref?: string;
}

/** A job that can never succeed (malformed, wrong hash): dead-lettered at once, never retried. */
export class JobError extends InputError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'JobError';
  }
}

/** The sha256 of bytes, hex, as the capture stage computes it. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Parses and checks a job message; throws JobError naming what is wrong. */
export function decodeJob(data: Uint8Array, subject: string): CaptureJob {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    throw new JobError('queue/bad-job', `${subject}: job is not JSON`);
  }
  const job = raw as Partial<CaptureJob> | null;
  const fail = (what: string): never => {
    throw new JobError('queue/bad-job', `${subject}: job ${what}`);
  };
  if (!job || typeof job !== 'object') return fail('is not an object');
  if (job.v !== JOB_VERSION) fail(`has unknown version ${String(job.v)}`);
  if (typeof job.origin !== 'string' || job.origin === '' || job.origin.length > MAX_TEXT) fail('has no usable origin');
  const origin = job.origin as string;
  if (job.url !== null && (typeof job.url !== 'string' || job.url.length > MAX_TEXT)) fail(`${origin}: bad url`);
  if (job.published !== null && typeof job.published !== 'string') fail(`${origin}: bad published`);
  if (typeof job.capturedAt !== 'string') fail(`${origin}: bad capturedAt`);
  if (typeof job.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(job.sha256)) fail(`${origin}: bad sha256`);
  if (typeof job.size !== 'number' || !Number.isInteger(job.size) || job.size < 0) fail(`${origin}: bad size`);
  if ((typeof job.bytes === 'string') === (typeof job.ref === 'string')) fail(`${origin}: needs exactly one of bytes or ref`);
  return job as CaptureJob;
}

/** The job's bytes once fetched, checked against its size and hash. */
export function checkBytes(job: CaptureJob, bytes: Buffer): Buffer {
  if (bytes.length !== job.size || sha256Hex(bytes) !== job.sha256) {
    throw new JobError('queue/bad-bytes', `${job.origin}: bytes do not match the job's sha256 ${job.sha256}`);
  }
  return bytes;
}
