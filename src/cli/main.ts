/** The `watchfloor` command line: one subcommand per verb, each a thin layer over the same functions the server uses. */
import { Command, CommanderError, type OutputConfiguration } from 'commander';
import { describeError, InputError } from '../core/errors.js';
import { PIPELINE_RELEASE } from '../pipeline-version.js';
import { EXIT, say } from './messages.js';

type Registrar = (program: Command) => void;

/**
 * Each command's module, loaded when the command line needs it: `analyze` and `parse` need not load
 * the HTTP server, the database drivers or the queue client (about half of their start-up). In the
 * order `watchfloor --help` lists them.
 */
const COMMANDS: Record<string, () => Promise<Registrar>> = {
  analyze: async () => (await import('./commands/analyze.js')).registerAnalyze,
  ingest: async () => (await import('./commands/ingest.js')).registerIngest,
  search: async () => (await import('./commands/search.js')).registerSearch,
  show: async () => (await import('./commands/show.js')).registerShow,
  reprocess: async () => (await import('./commands/reprocess.js')).registerReprocess,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  watch: async () => (await import('./commands/watch.js')).registerWatch,
  alerts: async () => (await import('./commands/alerts.js')).registerAlerts,
  stories: async () => (await import('./commands/stories.js')).registerStories,
  worker: async () => (await import('./commands/worker.js')).registerWorker,
  export: async () => (await import('./commands/export.js')).registerExport,
  parse: async () => (await import('./commands/parse.js')).registerParse,
};

/** The command a command line names: its first word that is neither an option nor --db's value; null when none. */
export function commandOf(argv: readonly string[]): string | null {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--db') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return null;
}

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

/**
 * The program with its commands: only the one `argv` names when it names one we have, else every
 * command (help, a mistyped command). `output` replaces where help and errors are written (tests
 * capture them).
 */
export async function buildProgram(
  output: Pick<OutputConfiguration, 'writeOut' | 'writeErr'> = {},
  argv: readonly string[] | null = null,
): Promise<Command> {
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
  const named = argv ? commandOf(argv) : null;
  const names = named !== null && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  const registrars = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registrars) register(program);
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
    await (await buildProgram({}, argv)).parseAsync(argv);
  } catch (error) {
    // Commander has printed its own errors already; ours are printed here.
    if (!(error instanceof CommanderError)) say(describeError(error).message);
    process.exitCode = exitCodeOf(error);
  }
}
