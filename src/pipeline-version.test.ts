import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PIPELINE_RELEASE, codeHash, dataHash, pipelineVersion, versionOf } from './pipeline-version.js';

/** A checkout in miniature: the folders the code hash reads, a test file, a lockfile, a data folder. */
function miniCheckout(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'watchfloor-version-'));
  for (const dir of ['src/core', 'src/stages/dates', 'data']) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, 'src/core/doc.ts'), 'export interface Doc {}\n');
  writeFileSync(path.join(root, 'src/stages/dates/index.ts'), 'export const dates = 1;\n');
  writeFileSync(path.join(root, 'src/stages/dates/dates.test.ts'), 'test();\n');
  writeFileSync(path.join(root, 'src/pipeline.ts'), 'export const PIPELINE = [];\n');
  writeFileSync(path.join(root, 'src/analysis.ts'), 'export const CONTRACT_VERSION = 1;\n');
  writeFileSync(path.join(root, 'src/server.ts'), 'listen();\n');
  writeFileSync(path.join(root, 'data/themes.json'), '{"themes": []}\n');
  writeLock(root, '2.10.3', '9.0.0');
  return root;
}

function writeLock(root: string, chrono: string, eslint: string): void {
  const packages = { '': { name: 'x' }, 'node_modules/chrono-node': { version: chrono }, 'node_modules/eslint': { version: eslint, dev: true } };
  writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify({ packages }));
}

test('the code hash moves with stage code and runtime packages, not with tests, other code or dev tools', () => {
  const root = miniCheckout();
  try {
    const first = codeHash(root);
    assert.equal(codeHash(root), first, 'the same files give the same hash');
    writeFileSync(path.join(root, 'src/stages/dates/dates.test.ts'), 'test(); test();\n');
    writeFileSync(path.join(root, 'src/server.ts'), 'listen(8080);\n');
    writeLock(root, '2.10.3', '9.1.0');
    assert.equal(codeHash(root), first, 'tests, code outside the pipeline and dev packages do not count');
    writeLock(root, '2.11.0', '9.1.0');
    const afterUpgrade = codeHash(root);
    assert.notEqual(afterUpgrade, first, 'a runtime package upgrade counts');
    writeFileSync(path.join(root, 'src/stages/dates/index.ts'), 'export const dates = 2;\n');
    assert.notEqual(codeHash(root), afterUpgrade, 'a stage edit counts');
    writeFileSync(path.join(root, 'src/stages/dates/new-rule.ts'), 'export const rule = 1;\n');
    assert.notEqual(codeHash(root), afterUpgrade);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the data hash moves with any data file; the version joins release, code and data', () => {
  const root = miniCheckout();
  try {
    const data = path.join(root, 'data');
    const first = dataHash(data);
    writeFileSync(path.join(data, 'themes.json'), '{"themes": ["cyber"]}\n');
    const edited = dataHash(data);
    assert.notEqual(edited, first);
    writeFileSync(path.join(data, 'places.json'), '[]\n');
    assert.notEqual(dataHash(data), edited, 'a new data file counts');
    const version = versionOf('code-a', 'data-a');
    assert.match(version, new RegExp(`^${PIPELINE_RELEASE.replace(/\./g, '\\.')}\\+[0-9a-f]{12}$`));
    assert.notEqual(versionOf('code-b', 'data-a'), version);
    assert.notEqual(versionOf('code-a', 'data-b'), version);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('this checkout has a version, the same each time it is asked', () => {
  assert.equal(pipelineVersion(), pipelineVersion());
  assert.ok(pipelineVersion().startsWith(`${PIPELINE_RELEASE}+`));
});
