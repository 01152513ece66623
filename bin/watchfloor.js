#!/usr/bin/env node
// Runs the built CLI (dist/); in a checkout without a build, runs the TypeScript through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/cli/main.js');
let entry;
if (existsSync(built)) {
  entry = await import(pathToFileURL(built).href);
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
