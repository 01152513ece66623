/** `watchfloor ingest PATH...`: captures pages verbatim, analyses and stores them; one bad page fails alone. */
import type { Command } from 'commander';
import { createContext } from '../../core/context.js';
import { describeError } from '../../core/errors.js';
import { expandPaths, readInput } from '../../inputs.js';
import { ingestOne } from '../../ingest.js';
import { BatchReport, configFor, withStore } from '../shared.js';
import type { Store } from '../../store.js';
import type { Config } from '../../config.js';
import { queueSettings } from '../../queue/settings.js';
import { importWarc, WARC_FILE } from '../../warc/import-warc.js';
import { updateStories } from '../../stories/update-stories.js';
import { OutletDirectory } from '../../reliability/outlet-directory.js';
import { sourcesFor } from './watch.js';
import { parseTime } from '../options.js';

interface IngestFlags {
  force?: boolean;
  quiet?: boolean;
  url?: string;
  published?: string;
  queue?: string;
  queueName?: string;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('capture, analyse and store pages (.html, .htm, .txt, optionally .gz), directories, globs or -')
    .argument('<paths...>', 'files, directories, globs, or - for standard input')
    .option('--force', 're-analyse pages already stored with the current pipeline')
    .option('--url <url>', "the page's URL (single page)")
    .option('--published <iso>', 'publication time to use when a page gives none (YYYY-MM-DD or ISO 8601 time)', parseTime)
    .option('-q, --quiet', 'print only failures and the totals')
    .option('--queue <url>', 'publish capture jobs to this NATS JetStream server for `watchfloor worker` instead')
    .option('--queue-name <name>', 'queue name (default watchfloor)')
    .action(async (paths: string[], flags: IngestFlags, command: Command) => {
      const queue = flags.queue ? queueSettings(configFor(command), flags) : null;
      if (queue) {
        // Loaded only when asked for, so plain ingests never load the NATS client.
        const { publishPaths } = await import('../../queue/publish.js');
        process.exitCode = await publishPaths(configFor(command), queue, paths, flags);
        return;
      }
      process.exitCode = await withStore(command, (store, config) => ingestPaths(store, config, paths, flags));
    });
}

/** Ingests every path in order; returns the exit code. */
export async function ingestPaths(
  store: Store,
  config: Config,
  paths: string[],
  flags: IngestFlags = {},
): Promise<number> {
  const ctx = createContext({ limits: config.limits });
  const items = await expandPaths(paths);
  const report = new BatchReport(items.length, { isQuiet: flags.quiet === true });
  for (const item of items) {
    if ('error' in item) {
      report.add({
        origin: item.path,
        status: 'failed',
        sha256: null,
        captureId: null,
        articleId: null,
        error: describeError(item.error),
      });
      continue;
    }
    if (WARC_FILE.test(item.path)) {
      await importWarc(store, ctx, item.path, { onOutcome: (outcome) => report.add(outcome) });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readInput(item.path, config.limits.maxBytes);
    } catch (error) {
      const described = describeError(error);
      await store.recordFailure({ origin: item.path, sha256: null, ...described, at: new Date().toISOString() });
      report.add({
        origin: item.path,
        status: 'failed',
        sha256: null,
        captureId: null,
        articleId: null,
        error: described,
      });
      continue;
    }
    const outcome = await ingestOne(
      store,
      { origin: item.path, bytes, url: flags.url ?? null, published: flags.published ?? null },
      ctx,
      { isForced: flags.force === true },
    );
    report.add(outcome);
  }
  // New and changed articles join their stories, so the desk's clusters and credibility grades stay current.
  if (report.articleIds.length > 0) {
    await updateStories(store, report.articleIds, new OutletDirectory(sourcesFor(config), ctx.data));
  }
  return report.finish();
}
