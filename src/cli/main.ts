/** The `watchfloor` command line: one subcommand per verb, each a thin layer over the same functions the server uses. */
import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('watchfloor')
    .description('Watchfloor: a self-hosted news-intelligence desk for defense and security analysts')
    .version('0.1.0')
    .showHelpAfterError();
  registerAnalyze(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  await buildProgram().parseAsync(argv);
}
