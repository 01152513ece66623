// After `tsc`: writes dist/cli/quick.js, the built CLI with the page commands (analyze, parse) and
// everything they import, our modules and packages alike, in one file. Node loads that one file in
// about a quarter of the time it takes to find, read and link the ~570 modules it is made of, which
// is most of what `watchfloor analyze` on one page spends before it reads the page.
// bin/watchfloor.js runs it for those commands while it is newer than the tsc build it was made from;
// every other command, and a checkout where this step did not run, runs dist/cli/main.js as before.
// The bundle sits in dist/cli/, beside main.js, so paths our modules take from import.meta.url
// (data/ two folders up) resolve as they do from dist/core/.
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/cli/main.js');
const out = path.join(root, 'dist/cli/quick.js');
/** The commands the bundle carries; the others stay imports of their dist/ modules (the bundle never runs them). */
const QUICK = new Set(['analyze', 'parse']);

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('bundle skipped: esbuild is not installed (the CLI runs dist/cli/main.js)');
  process.exit(0);
}
statSync(entry);

await esbuild.build({
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Packages written as CommonJS call require(): give them Node's.
  banner: { js: "import { createRequire as __quickRequire } from 'node:module'; const require = __quickRequire(import.meta.url);" },
  plugins: [
    {
      name: 'other-commands-stay-out',
      setup(build) {
        build.onResolve({ filter: /^\.\/commands\/[\w-]+\.js$/ }, (args) => {
          const name = path.basename(args.path, '.js');
          return QUICK.has(name) ? undefined : { path: args.path, external: true };
        });
      },
    },
  ],
});
console.log(`bundle ${path.relative(root, out)} (${Math.round(statSync(out).size / 1024)} KB): ${[...QUICK].join(', ')}`);
