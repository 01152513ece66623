/**
 * The HTTP thread must not load the analysis pipeline: uploads are analysed on the upload worker, which imports it
 * itself, and the pipeline's modules and libraries (HTML parsing, date parsing, the stages) are tens of megabytes
 * of memory on every thread that loads them. Walks the static imports (not `import type`, not `import()`) from
 * the server's entry modules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Relative modules a file imports statically, as repository paths of .ts files. */
function staticImports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const found: string[] = [];
  const pattern = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'(\.{1,2}\/[^']+)'/gm;
  for (const match of text.matchAll(pattern)) {
    const target = path.join(path.dirname(file), match[1]!).replace(/\.js$/, '.ts');
    found.push(target);
  }
  return found;
}

/** Every module reachable by static imports from `entry`, with the module that first imported it. */
function closure(entry: string): Map<string, string | null> {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const target of staticImports(file)) {
      if (parent.has(target)) continue;
      parent.set(target, file);
      queue.push(target);
    }
  }
  return parent;
}

function chain(parent: Map<string, string | null>, file: string): string {
  const names: string[] = [];
  for (let at: string | null | undefined = file; at; at = parent.get(at)) names.push(at);
  return names.join(' <- ');
}

test('the import walker sees a static import through a multi-line import list, and skips type-only ones', () => {
  const reached = closure('src/server/routes/pages.ts');
  assert.ok(reached.has('src/core/errors.ts'), 'pages.ts imports RequestError from core/errors');
  assert.ok(!reached.has('src/ingest.ts'), 'pages.ts imports only the type IngestOutcome from ingest');
  assert.ok(closure('src/ingest.ts').has('src/pipeline.ts'), 'ingest.ts does import the pipeline');
});

test('the HTTP thread (app and its routes, the search and upload pools) does not import the pipeline', () => {
  for (const entry of ['src/server/app.ts', 'src/server/ingest-worker.ts', 'src/server/search-pool.ts']) {
    const reached = closure(entry);
    for (const heavy of ['src/ingest.ts', 'src/pipeline.ts']) {
      assert.ok(!reached.has(heavy), `${entry} loads ${heavy}: ${chain(reached, heavy)}`);
    }
    for (const file of reached.keys()) {
      assert.ok(!file.startsWith('src/stages/article/') && !file.startsWith('src/stages/syntax/'), `${entry} loads ${chain(reached, file)}`);
    }
  }
});
