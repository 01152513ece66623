/** `watchfloor analyze FILE...`: prints the contract's JSON for each page; stores nothing. */
import type { Command } from 'commander';
import { createContext } from '../../core/context.js';
import { describeError } from '../../core/errors.js';
import { analyzeInput, toAnalysis, type Analysis } from '../../analysis.js';
import { expandPaths, readInput } from '../../inputs.js';
import { loadConfig } from '../../config.js';

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
    .option('--json', 'print one JSON object (one file)')
    .option('--jsonl', 'print one JSON object per line, one per file')
    .option('--raw', 'skip page extraction: the whole input is the article text')
    .option('--published <iso>', 'publication time to use when the page gives none')
    .option('--url <url>', "the page's URL")
    .option('--pretty', 'indent the JSON')
    .action(async (files: string[], flags: AnalyzeFlags) => {
      process.exitCode = await runAnalyze(files, flags);
    });
}

async function runAnalyze(files: string[], flags: AnalyzeFlags): Promise<number> {
  const config = loadConfig();
  if (flags.published !== undefined && Number.isNaN(Date.parse(flags.published))) {
    process.stderr.write(`watchfloor: --published: not an ISO date: ${flags.published}\n`);
    return 2;
  }
  const ctx = createContext({ limits: config.limits });
  const paths = await expandPaths(files);
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
      process.stderr.write(`watchfloor: ${described.message}\n`);
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
