#!/usr/bin/env node
// Runs the built CLI (dist/); in a checkout without a build, runs the TypeScript through tsx.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

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
  const quick = path.join(root, 'dist/cli/quick.js');
  try {
    const made = statSync(quick).mtimeMs;
    const sources = [built, path.join(root, 'dist/analysis.js'), path.join(root, 'dist/pipeline-version.json')];
    return sources.every((file) => statSync(file).mtimeMs <= made) ? quick : null;
  } catch {
    return null;
  }
}

let entry;
if (existsSync(built)) {
  entry = await import(pathToFileURL(quickBuild() ?? built).href);
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
