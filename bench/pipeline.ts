/**
 * Pipeline throughput on the demo corpus (demo/corpus/): every page read into memory first, then the
 * whole pipeline (capture to sections) run on one core, three warm-up passes (the compiler is still optimising through the
 * second and third: measured per pass, the first timed pass ran 20 ms/article against 12-14 for the later ones, a cost a
 * long-running ingest pays once), then timed passes: first
 * plain ones for the throughput (articles per second, wall clock and per CPU-second), then as many
 * with each stage timed, for milliseconds per stage, wall clock and CPU (process.cpuUsage: this
 * process's threads, GC helpers included; on a loaded machine the wall figure also counts waiting
 * for a core, the CPU figure does not). The stage timing is kept out of the throughput passes: its
 * twenty clock and CPU readings per article cost about 2 % of the time measured. Beside it, as the
 * reference run (the host's speed varies by a third from hour to hour here), the sentence splitter
 * and tokenizer alone over the same articles' texts, a pass of it after each throughput pass.
 * Usage: npm run bench:pipeline [-- --passes N]   (the build, as users run it: scripts/run-built.ts; `npx tsx bench/pipeline.ts`
 * measures the sources under tsx, which runs the same code about a ninth slower)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createContext } from '../src/core/context.js';
import { createDoc, type DocInput } from '../src/core/doc.js';
import { runStages } from '../src/core/stage.js';
import { PIPELINE } from '../src/pipeline.js';
import { PAGE_FILE } from '../src/inputs.js';
import { segment } from '../src/stages/sentences/index.js';

const CORPUS = path.resolve(import.meta.dirname, '../demo/corpus');
/** What runs: the build (npm run, through scripts/run-built.ts) or the sources under tsx. */
const CODE = import.meta.url.endsWith('.ts') ? 'src/ under tsx (slower than the build users run: npm run measures the build)' : 'the build (dist/), under plain node, as users run it';
const passesArg = process.argv.indexOf('--passes');
const PASSES = passesArg > 0 ? Number(process.argv[passesArg + 1]) : 5;
/** Untimed passes before the timed ones (see above). */
const WARM_UP_PASSES = 3;

function pages(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) pages(full, out);
    else if (PAGE_FILE.test(name)) out.push(full);
  }
  return out;
}

let files: string[];
try {
  files = pages(CORPUS);
} catch {
  files = [];
}
if (files.length === 0) {
  console.log('bench:pipeline skipped: demo/corpus/ has no pages yet');
} else {
  const inputs: DocInput[] = files.map((file) => ({ origin: file, bytes: readFileSync(file), capturedAt: '2024-01-01T00:00:00Z' }));
  const ctx = createContext();
  const stageMs = new Map<string, number>(PIPELINE.map((s) => [s.name, 0]));
  const stageCpuMs = new Map<string, number>(PIPELINE.map((s) => [s.name, 0]));
  let failures = 0;
  /** The articles' texts (from the warm-up pass), for the reference run. */
  const texts: string[] = [];
  /** One pass over the corpus; `isStaged`: each stage's wall and CPU time added up. Returns the pages that failed. */
  const runPass = (isStaged: boolean, isWarmUp = false): number => {
    let failed = 0;
    for (const input of inputs) {
      const doc = createDoc(input);
      try {
        if (!isStaged) {
          runStages(doc, PIPELINE, ctx);
          if (isWarmUp && doc.article) texts.push(doc.article.text);
          continue;
        }
        for (const stage of PIPELINE) {
          const started = performance.now();
          const cpuBefore = process.cpuUsage();
          runStages(doc, [stage], ctx);
          stageMs.set(stage.name, (stageMs.get(stage.name) ?? 0) + performance.now() - started);
          const used = process.cpuUsage(cpuBefore);
          stageCpuMs.set(stage.name, (stageCpuMs.get(stage.name) ?? 0) + (used.user + used.system) / 1000);
        }
      } catch {
        failed++;
      }
    }
    return failed;
  };
  /** The reference: sentences and tokens of every article's text; returns the tokens (so nothing is optimised away). */
  const referencePass = (): number => {
    let n = 0;
    for (const text of texts) for (const sentence of segment(text)) n += sentence.tokens?.length ?? 0;
    return n;
  };
  runPass(false, true);
  for (let pass = 1; pass < WARM_UP_PASSES; pass++) runPass(false);
  referencePass();
  let elapsed = 0;
  let cpuMs = 0;
  let referenceMs = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    failures += runPass(false);
    elapsed += performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    cpuMs += (cpu.user + cpu.system) / 1000;
    const referenceStarted = performance.now();
    referencePass();
    referenceMs += performance.now() - referenceStarted;
  }
  const articles = inputs.length * PASSES;
  for (let pass = 0; pass < PASSES; pass++) runPass(true);
  console.log(`pipeline: ${inputs.length} pages x ${PASSES} passes, ${failures} failed`);
  console.log(`code measured: ${CODE}`);
  console.log(`per stage (${PASSES} more passes, each stage timed):`);
  for (const [name, ms] of stageMs) {
    const cpuPerArticle = (stageCpuMs.get(name) ?? 0) / articles;
    console.log(`  ${name.padEnd(10)} ${(ms / articles).toFixed(3).padStart(8)} ms/article  ${cpuPerArticle.toFixed(3).padStart(8)} CPU ms/article`);
  }
  const stagedMs = [...stageMs.values()].reduce((a, b) => a + b, 0);
  console.log(`  (stages summed: ${(stagedMs / articles).toFixed(2)} ms/article, timing included)`);
  console.log(`throughput: ${(articles / (elapsed / 1000)).toFixed(1)} articles/s wall clock (${(elapsed / articles).toFixed(2)} ms/article; target >= 100)`);
  const referenceRate = (texts.length * PASSES) / (referenceMs / 1000);
  console.log(
    `reference (sentence split + tokenizer alone, same texts, interleaved): ${referenceRate.toFixed(0)} articles/s wall clock; pipeline / reference ${(articles / (elapsed / 1000) / referenceRate).toFixed(4)}`,
  );
  // CPU time is what one core spends; on a shared, loaded machine wall time also counts waiting for the core.
  console.log(`cpu: ${(articles / (cpuMs / 1000)).toFixed(1)} articles per CPU-second (${(cpuMs / articles).toFixed(2)} CPU ms/article, includes GC)`);
}
