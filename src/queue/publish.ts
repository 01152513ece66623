/** `ingest --queue`: reads pages and publishes them as capture jobs instead of analysing them here. */
import { describeError } from '../core/errors.js';
import type { Config } from '../config.js';
import { expandPaths, readInput } from '../inputs.js';
import { JobQueue, type QueueOptions } from './nats-queue.js';

/** Publish acknowledgements awaited at once: enough to hide the round trip, few enough to bound memory. */
const PUBLISH_WINDOW = 64;

export interface PublishFlags {
  url?: string;
  published?: string;
  quiet?: boolean;
}

/** Publishes every page under `paths`; prints failures and totals; returns the exit code. */
export async function publishPaths(config: Config, options: QueueOptions, paths: string[], flags: PublishFlags = {}): Promise<number> {
  const queue = await JobQueue.open(options);
  const counts = { published: 0, duplicate: 0, failed: 0 };
  const inFlight = new Set<Promise<void>>();
  const fail = (origin: string, error: unknown): void => {
    counts.failed++;
    const { message } = describeError(error);
    process.stderr.write(`failed     ${message.startsWith(origin) ? message : `${origin}: ${message}`}\n`);
  };
  try {
    for (const item of await expandPaths(paths)) {
      if ('error' in item) {
        fail(item.path, item.error);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readInput(item.path, config.limits.maxBytes);
      } catch (error) {
        fail(item.path, error);
        continue;
      }
      const sent = queue
        .publish({ origin: item.path, bytes, url: flags.url ?? null, published: flags.published ?? null })
        .then((isNew) => {
          counts[isNew ? 'published' : 'duplicate']++;
          if (!flags.quiet) process.stdout.write(`${isNew ? 'queued    ' : 'duplicate '} ${item.path}\n`);
        })
        .catch((error: unknown) => fail(item.path, error));
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent));
      if (inFlight.size >= PUBLISH_WINDOW) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await queue.close();
  }
  process.stderr.write(
    `${counts.published} queued on ${queue.names.stream}, ${counts.duplicate} already queued, ${counts.failed} failed\n`,
  );
  return counts.failed > 0 ? 1 : 0;
}
