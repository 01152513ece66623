/** `watchfloor watch [--once]`: polls the configured feeds and pages and ingests what is new. */
import path from 'node:path';
import type { Command } from 'commander';
import { createContext } from '../../core/context.js';
import { OutletDirectory } from '../../reliability/outlet-directory.js';
import { fetchLimitsFrom, loadSources, watchSettingsFrom, type SourceConfig } from '../../watch/sources.js';
import { Watcher, type PollReport } from '../../watch/watcher.js';
import type { Config } from '../../config.js';
import type { Store } from '../../store.js';
import { withStore } from '../shared.js';
import { smtpFrom } from '../../alerts/run-alerts.js';
import { sendDigests } from './alerts.js';
import { queueSettings } from '../../queue/settings.js';
import type { JobQueue } from '../../queue/nats-queue.js';
import type { ingestOne } from '../../ingest.js';
import { describeError } from '../../core/errors.js';
import { say } from '../messages.js';

interface WatchFlags {
  once?: boolean;
  sources?: string;
  quiet?: boolean;
  queue?: string;
  queueName?: string;
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('poll the configured feeds and pages on schedule and ingest each new page once')
    .option('--once', 'poll every source once and exit')
    .option('--sources <file>', 'a JSON file of sources (overrides the config file\'s "sources")')
    .option('-q, --quiet', 'print only failures and the totals')
    .option('--queue <url>', 'publish new pages as capture jobs to this NATS JetStream server for `watchfloor worker`')
    .option('--queue-name <name>', 'queue name (default watchfloor)')
    .action(async (flags: WatchFlags, command: Command) => {
      process.exitCode = await withStore(command, (store, config) => watch(store, config, flags));
    });
}

/** The sources of a configuration (with `--sources` applied), resolved against the config file's folder. */
export function sourcesFor(config: Config, file?: string): SourceConfig[] {
  if (file) return loadSources({ ...config, sources: path.resolve(file) });
  return loadSources(config, path.dirname(path.resolve(process.env['WATCHFLOOR_CONFIG'] ?? 'watchfloor.config.json')));
}

/** Runs the watcher; returns the exit code (1 when a `--once` poll had failures). */
export async function watch(store: Store, config: Config, flags: WatchFlags = {}): Promise<number> {
  const sources = sourcesFor(config, flags.sources);
  const ctx = createContext({ limits: config.limits });
  const directory = new OutletDirectory(sources, ctx.data);
  await store.putOutlets(directory.outlets);
  const log = (line: string): void => {
    if (!flags.quiet || line.startsWith('failed'))
      (line.startsWith('failed') ? process.stderr : process.stdout).write(line + '\n');
  };
  const queueOptions = flags.queue ? queueSettings(config, flags) : null;
  // With a queue, fetched pages become capture jobs; the workers analyse and store them.
  const queue = queueOptions ? await (await import('../../queue/nats-queue.js')).JobQueue.open(queueOptions) : null;
  const watcher = new Watcher({
    store,
    ctx,
    ...(queue ? { ingest: publishingTo(queue) } : {}),
    sources,
    limits: fetchLimitsFrom(config),
    settings: watchSettingsFrom(config),
    directory,
    log,
  });
  if (watcher.watched.length === 0) {
    say('no sources to watch: add "sources" (with a "url" each) to watchfloor.config.json or pass --sources FILE');
    return 1;
  }
  // After each poll, when e-mail is configured: immediate digests of new matches, daily ones when due.
  const isMailing = smtpFrom(config) !== null;
  const afterPoll = async (report: PollReport): Promise<void> => {
    printTotals(report);
    if (isMailing) await sendDigests(store, config);
  };
  try {
    if (flags.once) {
      const report = await watcher.poll();
      await afterPoll(report);
      return report.failedSources + report.failedItems > 0 ? 1 : 0;
    }
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    process.once('SIGTERM', () => controller.abort());
    process.stderr.write(`Watching ${watcher.watched.length} sources; Ctrl-C stops.\n`);
    await watcher.run(controller.signal, afterPoll);
    return 0;
  } finally {
    await queue?.close();
  }
}

/** An ingest step that publishes the page as a capture job instead of analysing it here. */
function publishingTo(queue: JobQueue): typeof ingestOne {
  return async (_store, input) => {
    const base = { origin: input.origin, sha256: null, captureId: null, articleId: null };
    try {
      const isNew = await queue.publish({
        origin: input.origin,
        bytes: input.bytes,
        url: input.url ?? null,
        published: input.published ?? null,
        ...(input.capturedAt ? { capturedAt: input.capturedAt } : {}),
      });
      return { ...base, status: isNew ? 'queued' : 'unchanged', error: null };
    } catch (error) {
      return { ...base, status: 'failed', error: describeError(error) };
    }
  };
}

function printTotals(r: PollReport): void {
  process.stderr.write(
    `${r.sourcesPolled} sources polled (${r.notModified} not modified, ${r.failedSources} failed); ` +
      `${r.items} items: ${r.ingested} ingested, ${r.unchanged} unchanged, ${r.alreadySeen} already seen, ` +
      `${r.skipped} skipped, ${r.failedItems} failed\n`,
  );
}
