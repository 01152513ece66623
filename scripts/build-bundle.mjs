// After `tsc`: writes dist/cli/quick.cjs, the built CLI with the page commands (analyze, parse) and
// everything they import, our modules and packages alike, in one file, and dist/cli/quick.cache, V8's
// compiled code for it. Node loads the one file in about a quarter of the time it takes to find, read
// and link the ~570 modules it is made of, and the code cache spares compiling the functions a page
// runs through; together most of what `watchfloor analyze` on one page spent before reading the page.
// bin/watchfloor.js runs the bundle for those commands while it is newer than the tsc build it was made
// from; every other command, and a checkout where this step did not run, runs dist/cli/main.js as before.
// V8 checks the cache against the bundle's text, its own version and flags, and compiles afresh when it
// does not fit. The bundle sits in dist/cli/, beside main.js, so paths our modules take from their own
// location (data/ two folders up) resolve as they do from dist/core/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/cli/main.js');
const out = path.join(root, 'dist/cli/quick.cjs');
const cache = path.join(root, 'dist/cli/quick.cache');
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
rmSync(cache, { force: true });
// the start-up caches of the last build (src/core/startup-cache.ts): quick.NAME.cache
const dataCaches = () => readdirSync(path.dirname(out)).filter((name) => /^quick\.[\w-]+\.cache$/.test(name));
for (const name of dataCaches()) rmSync(path.join(path.dirname(out), name), { force: true });
/** Stands for the bundle's content hash while it is built (see below). */
const ID_PLACEHOLDER = 'watchfloor-bundle-id-0000000000000000000000000000';

await esbuild.build({
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  // CommonJS, so bin/watchfloor.js can compile it with a code cache (vm.Script); strict, as the modules are.
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Our modules find data/ from their own address (import.meta.url): in the bundle, the bundle's.
  banner: { js: "'use strict';\nconst __quickUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__quickUrl', __WATCHFLOOR_BUNDLE_ID__: JSON.stringify(ID_PLACEHOLDER) },
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

// The bundle's id, which its start-up caches carry: the hash of its text, so a cache is only ever read
// by the code that wrote it.
const text = readFileSync(out, 'utf8');
const bundleId = createHash('sha256').update(text).digest('hex').slice(0, ID_PLACEHOLDER.length);
writeFileSync(out, text.replaceAll(ID_PLACEHOLDER, bundleId));

// The code cache: bin/watchfloor.js writes it after analysing a text page and an HTML page of the demo
// corpus, so it holds the functions a page goes through, not only the start-up code.
const samples = [];
const corpus = path.join(root, 'demo/corpus');
const walk = (dir) => {
  for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.(?:html|txt)$/.test(name) && !samples.some((s) => path.extname(s) === path.extname(name))) samples.push(full);
  }
};
walk(corpus);
const warmUp = (env) =>
  spawnSync(process.execPath, [path.join(root, 'bin/watchfloor.js'), 'analyze', '--jsonl', ...samples], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
// First the start-up caches (the loaders write what they decode), then the code cache, made by a run
// that reads them, so it holds the functions that read the caches.
const { WATCHFLOOR_WRITE_CODE_CACHE: _code, WATCHFLOOR_WRITE_STARTUP_CACHE: _data, ...quiet } = process.env;
const made = warmUp({ ...quiet, WATCHFLOOR_WRITE_STARTUP_CACHE: '1' }).status === 0 ? dataCaches() : [];
const warm = warmUp({ ...quiet, WATCHFLOOR_WRITE_CODE_CACHE: cache });
const cached = warm.status === 0 && existsSync(cache);
const size = (name) => `${name} ${Math.round(statSync(path.join(path.dirname(out), name)).size / 1024)} KB`;
console.log(
  `bundle ${path.relative(root, out)} (${Math.round(statSync(out).size / 1024)} KB): ${[...QUICK].join(', ')}; ` +
    (cached ? `code cache ${Math.round(statSync(cache).size / 1024)} KB` : 'no code cache (the warm-up run failed)') +
    `; start-up caches: ${made.length ? made.map(size).join(', ') : 'none'}`,
);
