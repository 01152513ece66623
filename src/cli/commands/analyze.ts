/** `watchfloor analyze FILE...`: prints the contract's JSON for each page; stores nothing. */
import { Option, type Command } from 'commander';
import { createContext } from '../../core/context.js';
import { describeError } from '../../core/errors.js';
import { analyzeInput, toAnalysis, type Analysis } from '../../analysis.js';
import { expandPaths, readInput } from '../../inputs.js';
import { loadConfig } from '../../config.js';
import { say, usageError } from '../messages.js';
import { parseTime } from '../options.js';

interface AnalyzeFlags {
  json?: boolean;
  jsonl?: boolean;
  raw?: boolean;
  published?: string;
  url?: string;
  pretty?: boolean;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse pages and print the contract JSON (nothing is stored)')
    .argument('<files...>', 'pages (.html, .htm, .txt, optionally .gz), directories, globs, or - for standard input')
    .addOption(new Option('--json', 'print one JSON object (one file only)').conflicts('jsonl'))
    .option('--jsonl', 'print one JSON object per line, one per file (the default for several files)')
    .option('--raw', 'skip page extraction: the whole input is the article text')
    .option('--published <iso>', 'publication time to use when the page gives none (YYYY-MM-DD or ISO 8601 time)', parseTime)
    .option('--url <url>', "the page's URL")
    .option('--pretty', 'indent the JSON')
    .action(async (files: string[], flags: AnalyzeFlags, command: Command) => {
      process.exitCode = await runAnalyze(command, files, flags);
    });
}

async function runAnalyze(command: Command, files: string[], flags: AnalyzeFlags): Promise<number> {
  const config = loadConfig();
  const ctx = createContext({ limits: config.limits });
  const paths = await expandPaths(files);
  if (flags.json && paths.length > 1) {
    usageError(command, `--json prints one object, but ${files.join(' ')} names ${paths.length} pages: use --jsonl (one object per line)`);
  }
  if (paths.length === 0) {
    // Nothing found is not a failure: directories with no page files in them.
    say(`no pages in ${files.join(' ')} (.html, .htm, .xhtml, .txt, optionally .gz)`);
    return 0;
  }
  const isLines = flags.jsonl === true || (flags.json !== true && paths.length > 1);
  let failed = 0;
  for (const item of paths) {
    let out: object;
    try {
      if ('error' in item) throw item.error;
      const bytes = await readInput(item.path, config.limits.maxBytes);
      const doc = analyzeInput(
        {
          origin: item.path,
          bytes,
          url: flags.url ?? null,
          published: flags.published ?? null,
          isRaw: flags.raw === true,
        },
        ctx,
      );
      const analysis: Analysis = toAnalysis(doc);
      out = isLines ? { contract: analysis.contract, file: item.path, ...withoutContract(analysis) } : analysis;
    } catch (error) {
      failed++;
      const described = describeError(error);
      say(described.message);
      out = { contract: 1, ...(isLines ? { file: item.path } : {}), error: described };
    }
    process.stdout.write(JSON.stringify(out, null, flags.pretty && !isLines ? 2 : undefined) + '\n');
  }
  return failed > 0 ? 1 : 0;
}

function withoutContract(analysis: Analysis): Omit<Analysis, 'contract'> {
  const { contract: _contract, ...rest } = analysis;
  return rest;
}
