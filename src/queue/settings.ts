/**
 * Queue settings: the config file's "queue" section, then WATCHFLOOR_QUEUE / WATCHFLOOR_QUEUE_NAME, then
 * command-line flags. No URL anywhere means no queue: ingest stores directly.
 */
import type { Config } from '../config.js';
import { InputError } from '../core/errors.js';
import type { QueueOptions } from './nats-queue.js';

/** Flags the CLI's queue-aware commands accept. */
export interface QueueFlags {
  queue?: string;
  queueName?: string;
  ackWait?: string;
  maxDeliver?: string;
}

/** The queue to use, or null when none is configured. */
export function queueSettings(config: Config, flags: QueueFlags = {}, env: NodeJS.ProcessEnv = process.env): QueueOptions | null {
  const section = (config['queue'] ?? {}) as Partial<Record<keyof QueueOptions, unknown>>;
  if (typeof section !== 'object' || section === null) throw new InputError('config/invalid', 'queue: must be an object');
  const url = flags.queue ?? env['WATCHFLOOR_QUEUE'] ?? section.url;
  if (url === undefined || url === null || url === '') return null;
  if (typeof url !== 'string') throw new InputError('config/invalid', 'queue.url: must be a nats:// URL');
  const options: QueueOptions = { url };
  const name = flags.queueName ?? env['WATCHFLOOR_QUEUE_NAME'] ?? section.name;
  if (name !== undefined) {
    if (typeof name !== 'string') throw new InputError('config/invalid', 'queue.name: must be a string');
    options.name = name;
  }
  const ackWait = flags.ackWait ?? section.ackWaitSeconds;
  if (ackWait !== undefined) options.ackWaitSeconds = positive('ack wait (seconds)', ackWait);
  const maxDeliver = flags.maxDeliver ?? section.maxDeliver;
  if (maxDeliver !== undefined) options.maxDeliver = positive('max deliveries', maxDeliver);
  return options;
}

function positive(what: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError('config/invalid', `${what}: not a whole number above 0: ${String(value)}`);
  return n;
}
