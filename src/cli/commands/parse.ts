/** `watchfloor parse FILE... [--conllu]`: the sentence structure the pipeline uses, as a tree or CoNLL-U. */
import type { Command } from 'commander';
import { createContext } from '../../core/context.js';
import { describeError } from '../../core/errors.js';
import { createDoc } from '../../core/doc.js';
import { runStages } from '../../core/stage.js';
import { expandPaths, readInput } from '../../inputs.js';
import { loadConfig } from '../../config.js';
import { say } from '../messages.js';

interface ParseFlags {
  conllu?: boolean;
  raw?: boolean;
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('print each sentence\'s tags, lemmas and dependency tree (a .conllu file keeps its tokenization)')
    .argument('<files...>', 'pages (.html, .htm, .txt, optionally .gz), .conllu files, directories, or - for standard input')
    .option('--conllu', 'print CoNLL-U instead of indented trees')
    .option('--raw', 'skip page extraction: the whole input is the article text')
    .action(async (files: string[], flags: ParseFlags) => {
      process.exitCode = await runParse(files, flags);
    });
}

async function runParse(files: string[], flags: ParseFlags): Promise<number> {
  // Loaded here, not at start-up: other commands never pay for the parser and its model.
  const { readConllu } = await import('../../stages/syntax/conllu.js');
  const { formatTree, reannotate, toConllu } = await import('../../stages/syntax/format.js');
  const { PIPELINE } = await import('../../pipeline.js');
  const upToSyntax = PIPELINE.slice(0, PIPELINE.findIndex((s) => s.name === 'syntax') + 1);
  const config = loadConfig();
  const ctx = createContext({ limits: config.limits });
  const paths = await expandPaths(files);
  let failed = 0;
  for (const item of paths) {
    try {
      if ('error' in item) throw item.error;
      const bytes = await readInput(item.path, config.limits.maxBytes);
      if (/\.conllu$/i.test(item.path)) {
        readConllu(bytes.toString('utf8')).forEach((sentence, i) => {
          const out = reannotate(sentence);
          if (out.isTruncated) say(`${item.path}: sentence ${i + 1} is too long to parse whole; words past the limit hang from the root as "dep"`);
          process.stdout.write(out.text + '\n');
        });
        continue;
      }
      const doc = runStages(createDoc({ origin: item.path, bytes, isRaw: flags.raw === true }), upToSyntax, ctx);
      const text = doc.article?.text ?? '';
      for (const m of doc.messages) if (m.rule.startsWith('syntax/')) say(`${item.path}: ${m.reason}`);
      if (!flags.conllu && paths.length > 1) process.stdout.write(`# ${item.path}\n`);
      for (const s of doc.syntax ?? []) {
        const sentence = doc.sentences?.[s.sentence];
        const sentenceText = sentence ? text.slice(sentence.start, sentence.end) : '';
        if (flags.conllu) process.stdout.write(toConllu(s, sentenceText, `${item.path}#${s.sentence + 1}`) + '\n');
        else process.stdout.write(`${sentenceText.replace(/\s+/g, ' ')}\n${formatTree(s)}\n\n`);
      }
    } catch (error) {
      failed++;
      say(describeError(error).message);
    }
  }
  return failed > 0 ? 1 : 0;
}
