/** The `watchfloor` command line: one subcommand per verb, each a thin layer over the same functions the server uses. */
import { Command } from 'commander';
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

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('watchfloor')
    .description('Watchfloor: a self-hosted news-intelligence desk for defense and security analysts')
    .version('0.1.0')
    .option('--db <path-or-url>', 'SQLite file or postgres:// URL (default ./var/watchfloor.db; env WATCHFLOOR_DB)')
    .showHelpAfterError();
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

export async function main(argv: string[] = process.argv): Promise<void> {
  await buildProgram().parseAsync(argv);
}
