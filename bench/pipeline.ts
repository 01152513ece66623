/**
 * Pipeline throughput on the demo corpus (demo/corpus/): every page read into memory first, then the
 * whole pipeline (capture to sections) run on one core, a warm-up pass, then timed passes.
 * Prints articles per second (wall clock and per CPU-second) and milliseconds per stage, wall clock and
 * CPU (process.cpuUsage: this process's threads, GC helpers included; on a loaded machine the wall
 * figure also counts waiting for a core, the CPU figure does not). Usage: npm run bench:pipeline [-- --passes N]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createContext } from '../src/core/context.js';
import { createDoc, type DocInput } from '../src/core/doc.js';
import { runStages } from '../src/core/stage.js';
import { PIPELINE } from '../src/pipeline.js';
import { PAGE_FILE } from '../src/inputs.js';

const CORPUS = path.resolve(import.meta.dirname, '../demo/corpus');
const passesArg = process.argv.indexOf('--passes');
const PASSES = passesArg > 0 ? Number(process.argv[passesArg + 1]) : 5;

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
  const runPass = (isTimed: boolean): void => {
    for (const input of inputs) {
      const doc = createDoc(input);
      try {
        for (const stage of PIPELINE) {
          const started = performance.now();
          const cpuBefore = isTimed ? process.cpuUsage() : null;
          runStages(doc, [stage], ctx);
          if (isTimed) {
            stageMs.set(stage.name, (stageMs.get(stage.name) ?? 0) + performance.now() - started);
            const used = process.cpuUsage(cpuBefore ?? undefined);
            stageCpuMs.set(stage.name, (stageCpuMs.get(stage.name) ?? 0) + (used.user + used.system) / 1000);
          }
        }
      } catch {
        if (isTimed) failures++;
      }
    }
  };
  runPass(false);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let pass = 0; pass < PASSES; pass++) runPass(true);
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const articles = inputs.length * PASSES;
  console.log(`pipeline: ${inputs.length} pages x ${PASSES} passes, ${failures} failed`);
  for (const [name, ms] of stageMs) {
    const cpuPerArticle = (stageCpuMs.get(name) ?? 0) / articles;
    console.log(`  ${name.padEnd(10)} ${(ms / articles).toFixed(3).padStart(8)} ms/article  ${cpuPerArticle.toFixed(3).padStart(8)} CPU ms/article`);
  }
  console.log(`throughput: ${(articles / (elapsed / 1000)).toFixed(1)} articles/s wall clock (${(elapsed / articles).toFixed(2)} ms/article; target >= 100)`);
  // CPU time is what one core spends; on a shared, loaded machine wall time also counts waiting for the core.
  console.log(`cpu: ${(articles / (cpuMs / 1000)).toFixed(1)} articles per CPU-second (${(cpuMs / articles).toFixed(2)} CPU ms/article, includes GC)`);
}
