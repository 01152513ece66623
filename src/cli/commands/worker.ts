/** `watchfloor worker`: takes capture jobs from the NATS JetStream queue and ingests them into the store. */
import type { Command } from 'commander';
import { createContext } from '../../core/context.js';
import { InputError } from '../../core/errors.js';
import type { JobQueue } from '../../queue/nats-queue.js';
import { queueSettings, type QueueFlags } from '../../queue/settings.js';
import { openStore } from '../../store/open.js';
import { configFor } from '../shared.js';

interface WorkerFlags extends QueueFlags {
  concurrency?: string;
  drain?: boolean;
  progressEvery?: string;
  quiet?: boolean;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('process capture jobs from the queue (run any number, on any number of machines)')
    .option('--queue <url>', 'NATS server with JetStream (default: config queue.url or WATCHFLOOR_QUEUE)')
    .option('--queue-name <name>', 'queue name: stream <name>-jobs, consumer <name>-workers (default watchfloor)')
    .option('--concurrency <n>', 'jobs in progress at once', '4')
    .option('--ack-wait <seconds>', 'seconds before a job held by a silent worker goes to another (on creating the queue)')
    .option('--max-deliver <n>', 'deliveries before a failing job is dead-lettered (on creating the queue)')
    .option('--drain', 'exit once the queue is empty')
    .option('--progress-every <n>', 'print a progress line every n jobs', '100')
    .option('-q, --quiet', 'print only dead letters and the totals')
    .action(async (flags: WorkerFlags, command: Command) => {
      const config = configFor(command);
      const settings = queueSettings(config, flags);
      if (!settings) throw new InputError('queue/not-configured', 'no queue: pass --queue nats://HOST:4222, set WATCHFLOOR_QUEUE, or queue.url in the config');
      const concurrency = Number(flags.concurrency);
      const every = Number(flags.progressEvery);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
        throw new InputError('cli/invalid', `--concurrency: a whole number from 1 to 256, not ${flags.concurrency}`);
      }
      // The NATS client loads only for this command.
      const [{ JobQueue }, { runWorker }] = await Promise.all([import('../../queue/nats-queue.js'), import('../../queue/worker.js')]);
      const store = await openStore(config.db);
      let queue: JobQueue | null = null;
      const stopper = new AbortController();
      const stop = (): void => stopper.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        queue = await JobQueue.open(settings);
        process.stderr.write(`worker ${process.pid}: ${queue.names.consumer} on ${queue.names.stream} -> ${store.kind}\n`);
        const totals = await runWorker(queue, store, createContext({ limits: config.limits }), {
          concurrency,
          shouldDrain: flags.drain === true,
          signal: stopper.signal,
          onJob: (result, t) => {
            if (result.status === 'dead' || (result.status === 'retry' && !flags.quiet)) {
              process.stderr.write(`${result.status.padEnd(10)} ${result.origin}: ${result.error?.message ?? ''}\n`);
            }
            if (!flags.quiet && Number.isInteger(every) && every > 0 && t.jobs % every === 0) process.stderr.write(`progress ${summary(t)}\n`);
          },
        });
        process.stderr.write(`done ${summary(totals)}\n`);
        process.exitCode = totals.dead > 0 ? 1 : 0;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await queue?.close();
        await store.close();
      }
    });
}

function summary(t: Record<string, number>): string {
  return `${t['jobs']} jobs: ${t['stored']} stored, ${t['unchanged']} unchanged, ${t['reanalysed']} reanalysed, ${t['failed']} failed, ${t['retry']} retried, ${t['dead']} dead`;
}
