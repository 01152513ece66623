// Runs a bench (a TypeScript file of bench/ importing ../src/) against the built code, as `npm start` and
// the CLI run it: tsc builds dist/, esbuild compiles the bench file with every import of src/ pointed at
// its dist/ twin (the bench's own code and helpers are bundled; packages stay imports), and plain node
// runs the result from var/bench/. Under tsx, as the tests run, every module is compiled again by tsx's own
// esbuild settings and loaded through its module hooks; on 2026-12-07 the same pipeline ran 102-103
// articles/s that way against 111-120 built (three runs of each, alternating, same host), a figure of the
// test runner, not of what users run. `npx tsx bench/NAME.ts` still measures the sources.
// Usage: node scripts/run-built.mjs bench/NAME.ts [bench arguments]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [bench, ...args] = process.argv.slice(2);
if (!bench || !bench.endsWith('.ts')) {
  console.error('usage: node scripts/run-built.mjs bench/NAME.ts [arguments]');
  process.exit(2);
}
const entry = path.resolve(bench);
const src = path.join(root, 'src') + path.sep;
const dist = path.join(root, 'dist') + path.sep;

const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const outfile = path.join(root, 'var/bench', path.basename(entry, '.ts') + '.mjs');
mkdirSync(path.dirname(outfile), { recursive: true });
await esbuild.build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  // the bench's paths are taken from its own folder, not var/bench/
  define: { 'import.meta.dirname': JSON.stringify(path.dirname(entry)) },
  plugins: [
    {
      name: 'src-from-dist',
      setup(build) {
        build.onResolve({ filter: /^\.\.?\// }, (resolved) => {
          const full = path.resolve(resolved.resolveDir, resolved.path);
          return full.startsWith(src) ? { path: dist + full.slice(src.length), external: true } : undefined;
        });
      },
    },
  ],
});
const run = spawnSync(process.execPath, ['--expose-gc', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
