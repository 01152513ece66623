/** The `watchfloor` command line: one subcommand per verb, each a thin layer over the same functions the server uses. */
import { Command, CommanderError, type OutputConfiguration } from 'commander';
import { describeError, InputError } from '../core/errors.js';
import { PIPELINE_RELEASE } from '../pipeline-version.js';
import { EXIT, say } from './messages.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerIngest } from './commands/ingest.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';
import { registerReprocess } from './commands/reprocess.js';
import { registerServe } from './commands/serve.js';
import { registerDemo } from './commands/demo.js';
import { registerWatch } from './commands/watch.js';
import { registerAlerts } from './commands/alerts.js';
import { registerStories } from './commands/stories.js';
import { registerWorker } from './commands/worker.js';
import { registerExport } from './commands/export.js';
import { registerParse } from './commands/parse.js';

/** Commander's codes for a command line it cannot take: all usage errors (exit 2). */
const USAGE_CODES = new Set([
  'commander.unknownCommand',
  'commander.unknownOption',
  'commander.missingArgument',
  'commander.optionMissingArgument',
  'commander.missingMandatoryOptionValue',
  'commander.conflictingOption',
  'commander.invalidArgument',
  'commander.excessArguments',
  // `watchfloor` alone, or a command group without its verb: help on standard error.
  'commander.help',
]);

/** The program with every command; `output` replaces where help and errors are written (tests capture them). */
export function buildProgram(output: Pick<OutputConfiguration, 'writeOut' | 'writeErr'> = {}): Command {
  const program = new Command();
  // Set before the subcommands are made: they copy these settings.
  program
    .name('watchfloor')
    .description('Watchfloor: a self-hosted news-intelligence desk for defense and security analysts')
    .version(PIPELINE_RELEASE)
    .option('--db <path-or-url>', 'SQLite file or postgres:// URL (default ./var/watchfloor.db; env WATCHFLOOR_DB)')
    // Errors come back to main() as CommanderErrors instead of ending the process, so it picks the exit status.
    .exitOverride()
    .configureOutput({ ...output, outputError: (text, write) => write(`watchfloor: ${text.replace(/^error: /, '')}`) })
    .showHelpAfterError('(watchfloor --help lists the commands; watchfloor COMMAND --help their options)');
  registerAnalyze(program);
  registerIngest(program);
  registerSearch(program);
  registerShow(program);
  registerReprocess(program);
  registerServe(program);
  registerDemo(program);
  registerWatch(program);
  registerAlerts(program);
  registerStories(program);
  registerWorker(program);
  registerExport(program);
  registerParse(program);
  return program;
}

/** The exit status for an error that ended a command. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    return USAGE_CODES.has(error.code) ? EXIT.usage : error.exitCode;
  }
  // The worker's flag checks and a missing queue are usage errors too.
  if (error instanceof InputError && /^(?:cli|queue|config)\//.test(error.code)) return EXIT.usage;
  return EXIT.failed;
}

let isPipeWatched = false;

/** `watchfloor analyze ... | head`: when the reader goes away, stop quietly instead of dying on EPIPE. */
function endQuietlyOnClosedPipe(): void {
  if (isPipeWatched) return;
  isPipeWatched = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
  });
}

/** Runs the command line; never throws: errors are printed in the house style and set the exit status. */
export async function main(argv: string[] = process.argv): Promise<void> {
  endQuietlyOnClosedPipe();
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    // Commander has printed its own errors already; ours are printed here.
    if (!(error instanceof CommanderError)) say(describeError(error).message);
    process.exitCode = exitCodeOf(error);
  }
}
