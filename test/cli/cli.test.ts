/**
 * The command line keeps the README's word: usage errors exit 2, "nothing found" exits 0 with a
 * message on standard error, failures exit 1, one message style, a read command never creates a
 * database, a closed pipe ends quietly, and analyses made by other pipeline code are stale.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildProgram, commandOf, exitCodeOf } from '../../src/cli/main.js';
import { isDay, parseTime } from '../../src/cli/options.js';
import { openStore } from '../../src/store/open.js';
import { ingestOne } from '../../src/ingest.js';
import { createContext } from '../../src/core/context.js';
import { pipelineVersion } from '../../src/pipeline.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

/** A page of our own words, as a text dump with a title line. */
function page(title: string, body: string): string {
  return `${title}\n\nBy Harbour Desk | March 3, 2022\n\n${body}\n`;
}

const FERRY = page(
  'Ferry service to the islands resumes after repairs',
  'The coastal ferry returned to its island route on Thursday after three weeks in dry dock. Harbour officials said the hull had been patched and the engines checked.',
);

/** Runs the program in this process; returns the exit status main() would set and what was written to stderr. */
async function inProcess(args: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const program = await buildProgram({ writeErr: (text) => (stderr += text), writeOut: () => undefined });
  try {
    await program.parseAsync(['node', 'watchfloor', ...args]);
    return { status: typeof process.exitCode === 'number' ? process.exitCode : 0, stderr };
  } catch (error) {
    return { status: exitCodeOf(error), stderr };
  } finally {
    process.exitCode = undefined;
  }
}

test('usage errors exit 2 with one message in the house style', async () => {
  const dir = tempDir();
  const a = path.join(dir, 'a.txt');
  const b = path.join(dir, 'b.txt');
  writeFileSync(a, FERRY);
  writeFileSync(b, FERRY);
  const cases: Array<[string[], RegExp]> = [
    [['bogus'], /^watchfloor: unknown command 'bogus'/],
    [['analyze'], /^watchfloor: missing required argument 'files'/],
    [['analyze', '--json', '--jsonl', a], /^watchfloor: option '--json' cannot be used with option '--jsonl'/],
    [['analyze', '--json', a, b], /^watchfloor: --json prints one object, but .* names 2 pages: use --jsonl/],
    [['analyze', '--published', 'last tuesday', a], /^watchfloor: option '--published <iso>' argument 'last tuesday' is invalid/],
    [['ingest', '--published', '2022-02-30', a], /^watchfloor: option '--published <iso>' argument '2022-02-30' is invalid/],
    [['search', '--since', 'notadate', 'ferry'], /^watchfloor: option '--since <date>' argument 'notadate' is invalid/],
    [['export', 'events', '--until', '2021-13'], /^watchfloor: option '--until <date>' argument '2021-13' is invalid/],
    [['alerts', 'add', '--name', 'x', '--since', 'soon'], /^watchfloor: option '--since <date>' argument 'soon' is invalid/],
    [['search', '--limit', 'ten', 'ferry'], /^watchfloor: option '--limit <n>' argument 'ten' is invalid/],
    [['show', 'first'], /^watchfloor: not an article id: first/],
    [['stories', 'show', '0'], /^watchfloor: command-argument value '0' is invalid/],
    [['stories'], /^Usage: watchfloor stories/],
  ];
  for (const [args, message] of cases) {
    const { status, stderr } = await inProcess(args);
    assert.equal(status, 2, `${args.join(' ')}: ${stderr}`);
    assert.match(stderr, message, args.join(' '));
  }
});

test('help and version are not errors', async () => {
  assert.equal((await inProcess(['--help'])).status, 0);
  assert.equal((await inProcess(['search', '--help'])).status, 0);
  assert.equal((await inProcess(['--version'])).status, 0);
});

test('every date option is read the same way: a real day, month or year; --published also a time', () => {
  for (const good of ['2021', '2021-09', '2021-09-11', '2024-02-29']) assert.ok(isDay(good), good);
  for (const bad of ['notadate', '2021-9', '2021-13', '2021-02-30', '2023-02-29', '21-09-11', '2021-09-11T10:00']) assert.ok(!isDay(bad), bad);
  for (const good of ['2021-09-11', '2021-09-11T10:00', '2021-09-11T10:00:05Z', '2021-09-11T10:00:05.120+03:00']) assert.equal(parseTime(good), good);
  for (const bad of ['2021', 'yesterday', '2021-09-31T10:00', '2021-09-11T25:00']) assert.throws(() => parseTime(bad), /not an ISO date or time/, bad);
});

test('a read command where there is no database says so and creates nothing; exit 1', () => {
  const dir = tempDir();
  // tsx named by its full address: the folder the command runs in has no node_modules.
  const tsx = import.meta.resolve('tsx');
  for (const args of [['search', 'ferry'], ['show', '1'], ['export', 'events']]) {
    const out = spawnSync(process.execPath, ['--import', tsx, path.join(ROOT, 'src/cli/entry.ts'), ...args], {
      cwd: dir,
      env: { ...process.env, WATCHFLOOR_DB: undefined, WATCHFLOOR_CONFIG: undefined },
      encoding: 'utf8',
    });
    assert.equal(out.status, 1, `${args.join(' ')}: ${out.stderr}`);
    assert.match(out.stderr, /^watchfloor: no database at \.\/var\/watchfloor\.db: ingest pages first/);
  }
  assert.equal(existsSync(path.join(dir, 'var')), false, 'no ./var folder was made');
});

test('nothing found exits 0 with a message on stderr; a missing item exits 1 naming it', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'ferry.txt'), FERRY);
  const env = { WATCHFLOOR_DB: path.join(dir, 'w.db') };
  assert.equal(runCli(['ingest', '-q', path.join(dir, 'ferry.txt')], { env }).status, 0);
  const none = runCli(['search', 'submarine'], { env });
  assert.equal(none.status, 0);
  assert.equal(none.stdout, '');
  assert.equal(none.stderr, 'watchfloor: no matching article\n');
  const found = runCli(['search', 'ferry'], { env });
  assert.equal(found.status, 0);
  assert.match(found.stdout, /Ferry service to the islands resumes/);
  const story = runCli(['stories', 'show', '5'], { env });
  assert.equal(story.status, 1);
  assert.equal(story.stderr, 'watchfloor: no story 5\n');
  const article = runCli(['show', '99'], { env });
  assert.equal(article.status, 1);
  assert.equal(article.stderr, 'watchfloor: no article 99\n');
  mkdirSync(path.join(dir, 'empty'));
  const empty = runCli(['analyze', path.join(dir, 'empty')], { env });
  assert.equal(empty.status, 0);
  assert.match(empty.stderr, /^watchfloor: no pages in .*empty/);
});

test('analyze piped into a reader that stops early ends quietly, without a stack trace', async () => {
  const dir = tempDir();
  // Each object is well over a pipe buffer (64 KiB), so writing after the reader leaves fails with EPIPE.
  const long = page('A long harbour log', Array.from({ length: 500 }, (_, i) => `Tug number ${i} moved a barge across the inner basin before noon.`).join(' '));
  const files = Array.from({ length: 4 }, (_, i) => path.join(dir, `log-${i}.txt`));
  for (const file of files) writeFileSync(file, long);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/entry.ts'), 'analyze', '--raw', ...files], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '', 'nothing on stderr');
  assert.equal(code, 0);
});

test('an analysis made by other pipeline code is stale: re-ingesting re-analyses it, reprocess --stale finds only it', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'w.db');
  const ctx = createContext();
  const store = await openStore(db);
  const ids: number[] = [];
  const articles: number[] = [];
  try {
    for (const [i, text] of [FERRY, page('Lighthouse keeper retires', 'The last keeper of the north light handed over the keys on Friday.')].entries()) {
      const outcome = await ingestOne(store, { origin: `page-${i}.txt`, bytes: Buffer.from(text) }, ctx);
      assert.equal(outcome.status, 'stored');
      ids.push(outcome.captureId!);
      articles.push(outcome.articleId!);
    }
    const version = pipelineVersion();
    assert.match(version, /^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    assert.equal(await store.analysisVersion(ids[0]!), version);
    assert.equal((await ingestOne(store, { origin: 'page-0.txt', bytes: Buffer.from(FERRY) }, ctx)).status, 'unchanged');
    // As if the first page had been analysed before an upgrade.
    await store.putAnalysis(ids[0]!, (await store.getArticle(articles[0]!))!.analysis, '0.1.0');
    assert.equal((await ingestOne(store, { origin: 'page-0.txt', bytes: Buffer.from(FERRY) }, ctx)).status, 'reanalysed');
    assert.equal(await store.analysisVersion(ids[0]!), version);
    await store.putAnalysis(ids[1]!, (await store.getArticle(articles[1]!))!.analysis, '0.1.0+000000000000');
  } finally {
    await store.close();
  }
  const { status } = await inProcess(['--db', db, 'reprocess', '--stale', '-q']);
  assert.equal(status, 0);
  const after = await openStore(db);
  try {
    assert.equal(await after.analysisVersion(ids[1]!), pipelineVersion(), 'the stale one was re-analysed');
  } finally {
    await after.close();
  }
});

test('a command line loads only the command it names; help and unknown words load them all', async () => {
  assert.equal(commandOf(['node', 'watchfloor', '--db', 'x.db', 'analyze', 'page.html']), 'analyze');
  assert.equal(commandOf(['node', 'watchfloor', '--db=x.db', 'stories', 'list']), 'stories');
  assert.equal(commandOf(['node', 'watchfloor', '--help']), null);
  const names = async (args: string[]) => (await buildProgram({}, ['node', 'watchfloor', ...args])).commands.map((c) => c.name());
  assert.deepEqual(await names(['analyze', 'page.html']), ['analyze']);
  assert.deepEqual(await names(['--db', 'parse', 'parse', 'f.txt']), ['parse'], "--db's value is no command");
  const all = await names(['--help']);
  assert.ok(all.length >= 13 && all.includes('serve') && all.includes('export'), all.join(' '));
  assert.deepEqual(await names(['analyse', 'page.html']), all, 'a mistyped command is reported against every command');
});
