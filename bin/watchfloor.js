#!/usr/bin/env node
// Runs the built CLI (dist/); in a checkout without a build, runs the TypeScript through tsx.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/cli/main.js');

/** The command a command line names (as src/cli/main.ts commandOf reads it). */
function commandOf(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--db') i++;
    else if (!args[i].startsWith('-')) return args[i];
  }
  return null;
}

/**
 * The one-file build of the page commands (scripts/build-bundle.mjs), when the command line names one
 * of them and the file is at least as new as the tsc build beside it; a bundle older than the last
 * `tsc` was made from older code, so the modules run instead.
 */
function quickBuild() {
  if (!['analyze', 'parse'].includes(commandOf(process.argv.slice(2)))) return null;
  const quick = path.join(root, 'dist/cli/quick.cjs');
  try {
    const made = statSync(quick).mtimeMs;
    const sources = [built, path.join(root, 'dist/analysis.js'), path.join(root, 'dist/pipeline-version.json')];
    return sources.every((file) => statSync(file).mtimeMs <= made) ? quick : null;
  } catch {
    return null;
  }
}

/**
 * Loads the bundle with V8's code cache beside it (quick.cache), which V8 uses only when it was made
 * for this very text, V8 and flags. WATCHFLOOR_WRITE_CODE_CACHE=FILE writes the cache after the
 * command has run (the build does this once).
 */
function loadQuick(file) {
  const cacheFile = path.join(path.dirname(file), 'quick.cache');
  const writeTo = process.env.WATCHFLOOR_WRITE_CODE_CACHE;
  const cachedData = !writeTo && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, ...(cachedData && { cachedData }) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  const { main } = module.exports;
  return {
    main: async (argv) => {
      await main(argv);
      if (writeTo) writeFileSync(writeTo, script.createCachedData());
    },
  };
}

let entry;
if (existsSync(built)) {
  const quick = quickBuild();
  entry = quick ? loadQuick(quick) : await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = await import(pathToFileURL(path.join(root, 'src/cli/main.ts')).href);
}
try {
  await entry.main(process.argv);
} catch (error) {
  process.stderr.write(`watchfloor: ${error && error.message ? error.message : String(error)}\n`);
  process.exitCode = process.exitCode || 2;
}
