/**
 * Tagger + parser speed on the demo corpus's sentences (one core), with the sentence tokenizer alone
 * beside it as the reference; model load time and memory; and accuracy on UD EWT dev with gold
 * tokenization (CoNLL 2018: UPOS, UAS, LAS), for the tune and check halves. Usage: npm run bench:parse [-- --passes N]
 * (the build, as users run it: scripts/run-built.ts; `npx tsx bench/parse.ts` measures the sources under tsx, slower)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createContext } from '../src/core/context.js';
import { createDoc, type Token } from '../src/core/doc.js';
import { runStages } from '../src/core/stage.js';
import { PAGE_FILE } from '../src/inputs.js';
import { PIPELINE } from '../src/pipeline.js';
import { segment } from '../src/stages/sentences/index.js';
import { readConllu, wordsOf } from '../src/stages/syntax/conllu.js';
import { evaluateSyntax, splitByDocument, type GoldSentence } from '../src/stages/syntax/evaluate.js';
import { parseTokens } from '../src/stages/syntax/index.js';
import { decodeModel, syntaxModel, syntaxModelFile } from '../src/stages/syntax/model.js';

const CORPUS = path.resolve(import.meta.dirname, '../demo/corpus');
/** What runs: the build (npm run, through scripts/run-built.ts) or the sources under tsx. */
const CODE = import.meta.url.endsWith('.ts') ? 'src/ under tsx (slower than the build users run: npm run measures the build)' : 'the build (dist/), under plain node, as users run it';
const DEV = path.resolve(import.meta.dirname, '../../shared/train/ud-english-ewt/en_ewt-ud-dev.conllu');
const passesArg = process.argv.indexOf('--passes');
const PASSES = passesArg > 0 ? Number(process.argv[passesArg + 1]) : 3;

function pages(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) pages(full, out);
    else if (PAGE_FILE.test(name)) out.push(full);
  }
  return out;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const memory = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

// ---- model load (the stage's lazy load, then a second decode for the figure alone) ----
global.gc?.();
const memBefore = memory();
const rssBefore = process.memoryUsage().rss;
let t0 = performance.now();
const loadCpu0 = process.cpuUsage();
syntaxModel();
const loadMs = performance.now() - t0;
const loadCpu = process.cpuUsage(loadCpu0);
global.gc?.();
const memAfter = memory();
const rssAfter = process.memoryUsage().rss;
const MODEL_FILE = syntaxModelFile();
const fileBytes = statSync(MODEL_FILE).size;
t0 = performance.now();
decodeModel(readFileSync(MODEL_FILE));
const reloadMs = performance.now() - t0;
console.log(
  `model: ${path.relative(process.cwd(), MODEL_FILE)} ${mb(fileBytes)} on disk; load ${loadMs.toFixed(0)} ms wall, ${((loadCpu.user + loadCpu.system) / 1000).toFixed(0)} ms CPU (again: ${reloadMs.toFixed(0)} ms wall; target <= 500)`,
);
console.log(`memory: +${mb(memAfter - memBefore)} heap and buffers, +${mb(rssAfter - rssBefore)} resident (target <= 150 MB)`);

// ---- speed: article texts of the demo corpus, split once ----
const ctx = createContext();
const upToArticle = PIPELINE.slice(0, PIPELINE.findIndex((s) => s.name === 'article') + 1);
const texts: string[] = [];
for (const file of pages(CORPUS)) {
  try {
    const doc = runStages(createDoc({ origin: file, bytes: readFileSync(file), capturedAt: '2024-01-01T00:00:00Z' }), upToArticle, ctx);
    if (doc.article) texts.push(doc.article.text);
  } catch {
    // a page that fails extraction is not part of this benchmark
  }
}
const sentences: Token[][] = texts.flatMap((text) => segment(text).map((s) => s.tokens ?? []));
const timed = (work: () => number): { words: number; wallMs: number; cpuMs: number } => {
  work(); // warm-up
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let words = 0;
  for (let pass = 0; pass < PASSES; pass++) words += work();
  const cpu = process.cpuUsage(cpu0);
  return { words, wallMs: performance.now() - wall0, cpuMs: (cpu.user + cpu.system) / 1000 };
};
const tokenizer = timed(() => {
  let n = 0;
  for (const text of texts) for (const s of segment(text)) n += s.tokens?.length ?? 0;
  return n;
});
const parser = timed(() => {
  let n = 0;
  for (const tokens of sentences) n += parseTokens(tokens).words.length;
  return n;
});
const rate = (r: { words: number; wallMs: number; cpuMs: number }): string =>
  `${Math.round(r.words / (r.cpuMs / 1000)).toLocaleString('en')} words per CPU-second (${Math.round(r.words / (r.wallMs / 1000)).toLocaleString('en')} wall)`;
console.log(`code measured: ${CODE}`);
console.log(`corpus: ${texts.length} articles, ${sentences.length} sentences, ${PASSES} passes`);
console.log(`  tokenizer + sentence split (reference): ${rate(tokenizer)}`);
console.log(`  words + tag + lemma + parse:            ${rate(parser)} (target >= 50,000)`);
console.log(`  per article: ${(parser.cpuMs / (texts.length * PASSES)).toFixed(2)} ms CPU for words + tag + lemma + parse (pipeline budget: ~2-3 of 10 ms)`);
console.log(`  ratio parse / tokenizer: ${(tokenizer.cpuMs / tokenizer.words / (parser.cpuMs / parser.words)).toFixed(3)} (CPU time per word)`);

// ---- accuracy: EWT dev with gold tokenization ----
let devText: string | null = null;
try {
  devText = readFileSync(DEV, 'utf8');
} catch {
  console.log(`accuracy skipped: ${DEV} not found`);
}
if (devText !== null) {
  const raw = readConllu(devText);
  const gold: GoldSentence[] = raw.map((s) => {
    const words = wordsOf(s);
    return {
      forms: words.map((w) => w.form),
      upos: words.map((w) => w.upos),
      heads: words.map((w) => w.head - 1),
      deprels: words.map((w) => w.deprel),
      lemmas: words.map((w) => w.lemma),
      joined: words.map((w) => !w.spaceAfter),
    };
  });
  const { tune, check } = splitByDocument(raw, 11);
  const model = syntaxModel();
  const fmt = (name: string, idx: number[] | null): void => {
    const r = evaluateSyntax(model, idx ? idx.map((i) => gold[i] as GoldSentence) : gold);
    console.log(
      `  ${name.padEnd(6)} ${String(r.words).padStart(6)} words  UPOS ${r.upos.toFixed(4)}  UAS ${r.uas.toFixed(4)}  LAS ${r.las.toFixed(4)}  lemma ${r.lemma.toFixed(4)}`,
    );
  };
  console.log('EWT dev, gold tokenization (targets UPOS >= 0.955, UAS >= 0.89, LAS >= 0.865):');
  fmt('all', null);
  fmt('tune', tune);
  fmt('check', check);
}
