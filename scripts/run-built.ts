// Runs a bench (a TypeScript file of bench/ importing ../src/) against the built code, as `npm start` and the CLI run it:
// tsc builds dist/, bench/lib/built.ts compiles the bench with every import of src/ pointed at its dist/ twin, and plain node
// runs the result from var/bench/. Under tsx, as the tests run, every module is compiled again by tsx's own esbuild settings
// and loaded through its module hooks; on 2026-12-07 the same pipeline ran 102-103 articles/s that way against 111-120 built
// (three runs of each, alternating, same host), a figure of the test runner, not of what users run. `npx tsx bench/NAME.ts`
// still measures the sources.
// Usage: tsx scripts/run-built.ts bench/NAME.ts [bench arguments]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { compileAgainstDist } from '../bench/lib/built.js';

const root = path.resolve(import.meta.dirname, '..');
const [bench, ...args] = process.argv.slice(2);
if (!bench || !bench.endsWith('.ts')) {
  console.error('usage: tsx scripts/run-built.ts bench/NAME.ts [arguments]');
  process.exit(2);
}
const entry = path.resolve(bench);
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const outfile = path.join(root, 'var/bench', path.basename(entry, '.ts') + '.mjs');
mkdirSync(path.dirname(outfile), { recursive: true });
// (the bench's paths are taken from its own folder, not var/bench/)
await compileAgainstDist(entry, outfile, { 'import.meta.dirname': JSON.stringify(path.dirname(entry)) });
const run = spawnSync(process.execPath, ['--expose-gc', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
