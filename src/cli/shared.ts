/** What the CLI's commands share: the configuration with `--db` applied, the store, and batch progress. */
import { existsSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { RequestError } from '../core/errors.js';
import { loadConfig, type Config } from '../config.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store.js';
import type { IngestOutcome } from '../ingest.js';

/** The configuration, with the program-wide `--db` flag applied. */
export function configFor(command: Command): Config {
  const config = loadConfig();
  const db = command.optsWithGlobals<{ db?: string }>().db;
  if (db) config.db = db;
  return config;
}

export interface StoreOptions {
  /** The command only reads: a SQLite file that is not there is an error, not a new empty database. */
  isReading?: boolean;
}

/** Opens the configured store, runs `work`, and closes the store whatever happens. */
export async function withStore<T>(command: Command, work: (store: Store, config: Config) => Promise<T>, options: StoreOptions = {}): Promise<T> {
  const config = configFor(command);
  if (options.isReading && !/^postgres(ql)?:\/\//.test(config.db) && config.db !== ':memory:' && !existsSync(config.db)) {
    throw new RequestError(404, 'store/no-database', `no database at ${config.db}: ingest pages first, or name one with --db or WATCHFLOOR_DB`);
  }
  const store = await openStore(config.db);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

/** Counts outcomes and shows them: a bar on a terminal, one plain line per file otherwise. */
export class BatchReport {
  readonly counts: Record<IngestOutcome['status'], number> = {
    stored: 0,
    unchanged: 0,
    reanalysed: 0,
    queued: 0,
    failed: 0,
  };
  /** Articles stored or re-analysed in this batch. */
  readonly articleIds: number[] = [];
  readonly #bar: cliProgress.SingleBar | null;
  readonly #isQuiet: boolean;

  constructor(total: number, options: { isQuiet?: boolean } = {}) {
    this.#isQuiet = options.isQuiet === true;
    this.#bar =
      process.stderr.isTTY && total > 1 && !this.#isQuiet
        ? new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: '{bar} {value}/{total} {percentage}% | eta {eta}s | {file}',
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : null;
    this.#bar?.start(total, 0, { file: '' });
  }

  add(outcome: IngestOutcome): void {
    this.counts[outcome.status]++;
    if (outcome.articleId !== null) this.articleIds.push(outcome.articleId);
    const line =
      outcome.status === 'failed'
        ? `failed     ${describeFailure(outcome)}`
        : `${outcome.status.padEnd(10)} ${outcome.origin}${outcome.articleId !== null ? ` (article ${outcome.articleId})` : ''}`;
    if (this.#bar) {
      if (outcome.status === 'failed') {
        this.#bar.stop();
        process.stderr.write(line + '\n');
        this.#bar.start(this.#bar.getTotal(), this.#bar.getProgress() * this.#bar.getTotal());
      }
      this.#bar.increment({ file: outcome.origin.slice(-40) });
    } else if (!this.#isQuiet || outcome.status === 'failed') {
      (outcome.status === 'failed' ? process.stderr : process.stdout).write(line + '\n');
    }
  }

  /** Stops the bar and prints the totals; returns the exit code (1 when anything failed). */
  finish(): number {
    this.#bar?.stop();
    const c = this.counts;
    process.stderr.write(
      `${c.stored} stored, ${c.unchanged} unchanged, ${c.reanalysed} reanalysed, ${c.failed} failed\n`,
    );
    return c.failed > 0 ? 1 : 0;
  }
}

function describeFailure(outcome: IngestOutcome): string {
  const message = outcome.error?.message ?? 'unknown error';
  return message.startsWith(outcome.origin) ? message : `${outcome.origin}: ${message}`;
}
