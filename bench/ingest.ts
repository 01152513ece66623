/**
 * Ingest benchmark: captures/s, articles/s and peak RSS for generated pages, side by side with a reference
 * run that stores the same raw captures without analysing them (the floor set by reading, hashing and SQLite).
 * A third run builds stories after the pipeline, as `watchfloor ingest` does (issue: stories within 1.3x);
 * it also times its own two phases (pipeline, then stories) in wall and CPU seconds, so the stories' share
 * is read within one process on one load, which holds on a busy machine where runs a minute apart differ.
 * Usage: npm run bench:ingest [-- --pages 10000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePages } from './lib/generate-pages.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { createContext } from '../src/core/context.js';
import { expandPaths, readInput } from '../src/inputs.js';
import { ingestOne } from '../src/ingest.js';
import { describeCapture } from '../src/stages/capture/index.js';
import { pipelineVersion } from '../src/pipeline.js';
import { OutletDirectory } from '../src/reliability/outlet-directory.js';
import { updateStories } from '../src/stories/update-stories.js';

/** capture-only: the floor; full: the pipeline; full+stories: the pipeline, then stories as `watchfloor ingest` builds them. */
type Mode = 'full' | 'capture-only' | 'full+stories';

interface RunResult {
  mode: string;
  pages: number;
  seconds: number;
  captures: number;
  articles: number;
  failed: number;
  peakRssMb: number;
  cpuSeconds: number;
  /** full+stories only: wall and CPU seconds of the stories phase alone. */
  stories?: { seconds: number; cpuSeconds: number };
}

async function runMode(mode: Mode, dir: string, db: string): Promise<RunResult> {
  const store = new SqliteStore(db);
  await store.migrate();
  const ctx = createContext();
  const files = await expandPaths([dir]);
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  let failed = 0;
  const articleIds: number[] = [];
  for (const item of files) {
    const bytes = await readInput(item.path, ctx.limits.maxBytes);
    if (mode !== 'capture-only') {
      const outcome = await ingestOne(store, { origin: item.path, bytes }, ctx);
      if (outcome.status === 'failed') failed++;
      if (outcome.articleId !== null) articleIds.push(outcome.articleId);
    } else {
      const { body: _body, ...capture } = describeCapture({ origin: item.path, bytes }, ctx.limits, new Date());
      await store.putIngest({
        capture,
        bytes,
        url: null,
        analysis: null,
        failure: null,
        pipelineVersion: pipelineVersion(),
      });
    }
  }
  let stories: RunResult['stories'];
  if (mode === 'full+stories') {
    const storiesStarted = process.hrtime.bigint();
    const storiesCpu = process.cpuUsage();
    await updateStories(store, articleIds, new OutletDirectory([], ctx.data), ctx);
    stories = { seconds: Number(process.hrtime.bigint() - storiesStarted) / 1e9, cpuSeconds: cpuOf(storiesCpu) };
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuSeconds = cpuOf(cpuStarted);
  const stats = await store.stats();
  await store.close();
  return {
    mode,
    pages: files.length,
    seconds,
    captures: stats.captures,
    articles: stats.articles,
    failed,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuSeconds,
    ...(stories ? { stories } : {}),
  };
}

/** CPU seconds (user + system) of this process since `since`. */
function cpuOf(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const child = flag('--child');
  if (child) {
    const result = await runMode(child as Mode, flag('--dir')!, flag('--db')!);
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const pages = Number(flag('--pages') ?? 10_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'wf-bench-ingest-'));
  try {
    const dir = path.join(work, 'pages');
    writePages(dir, pages);
    const self = fileURLToPath(import.meta.url);
    // Each mode in its own process, so peak RSS belongs to that mode alone.
    const run = (mode: string): RunResult => {
      const out = spawnSync(
        process.execPath,
        ['--import', 'tsx', self, '--child', mode, '--dir', dir, '--db', path.join(work, `${mode}.db`)],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      if (out.status !== 0) throw new Error(`${mode} run failed`);
      return JSON.parse(out.stdout) as RunResult;
    };
    const reference = run('capture-only');
    const full = run('full');
    const withStories = run('full+stories');
    const rate = (r: RunResult, n: number) => (n / r.seconds).toFixed(0);
    process.stdout.write(
      `Ingest of ${pages} generated pages (3/4 text dumps, 1/4 HTML), pipeline ${pipelineVersion()}, one process\n\n`,
    );
    process.stdout.write('run                 seconds  CPU seconds  captures/s  articles/s  failed  peak RSS MB\n');
    for (const r of [reference, full, withStories]) {
      process.stdout.write(
        `${r.mode.padEnd(18)} ${r.seconds.toFixed(2).padStart(8)} ${r.cpuSeconds.toFixed(2).padStart(12)} ${rate(r, r.captures).padStart(11)} ${rate(r, r.articles).padStart(11)} ${String(r.failed).padStart(7)} ${r.peakRssMb.toFixed(0).padStart(12)}\n`,
      );
    }
    const phase = withStories.stories!;
    const pipelineCpu = withStories.cpuSeconds - phase.cpuSeconds;
    process.stdout.write(
      `\nfull / capture-only: time x${(full.seconds / reference.seconds).toFixed(2)}, peak RSS x${(full.peakRssMb / reference.peakRssMb).toFixed(2)}\n` +
        `full+stories / full: time x${(withStories.seconds / full.seconds).toFixed(2)}, CPU x${(withStories.cpuSeconds / full.cpuSeconds).toFixed(2)}, peak RSS x${(withStories.peakRssMb / full.peakRssMb).toFixed(2)}\n` +
        `within the full+stories run: stories ${phase.seconds.toFixed(2)} s wall / ${phase.cpuSeconds.toFixed(2)} s CPU after the pipeline's ` +
        `${(withStories.seconds - phase.seconds).toFixed(2)} s / ${pipelineCpu.toFixed(2)} s: x${(withStories.cpuSeconds / pipelineCpu).toFixed(2)} CPU with stories on\n`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
