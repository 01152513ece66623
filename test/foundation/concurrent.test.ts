import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import Database from 'better-sqlite3';
import { spawnCli, tempDir } from '../helpers.js';

const PER_PROCESS = 300;

test('two ingests writing one SQLite file at once both finish, every page stored once', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'wf.db');
  const folders = ['a', 'b'].map((name) => {
    const folder = path.join(dir, name);
    mkdirSync(folder);
    for (let i = 0; i < PER_PROCESS; i++) {
      writeFileSync(
        path.join(folder, `${name}-${i}.txt`),
        `Harbour Log\n\nConvoy ${name}${i} left port\n\nMay 2, 2024\n\nConvoy ${name}${i} left port with ${i % 9} escorts, the coast guard said.\n`,
      );
    }
    return folder;
  });
  // Both processes share one file; the same overlapping folder is given to both, so they also race on the same pages.
  const children = folders.map((folder) =>
    spawnCli(['ingest', '--quiet', folder, folders[0]!], { env: { WATCHFLOOR_DB: db } }),
  );
  const stderr = children.map((child) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    return () => text;
  });
  const codes = await Promise.all(children.map(async (child) => ((await once(child, 'exit')) as [number | null])[0]));
  assert.deepEqual(codes, [0, 0], stderr.map((read) => read()).join('\n'));
  const sqlite = new Database(db, { readonly: true });
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  assert.equal(count('SELECT count(*) AS n FROM captures'), 2 * PER_PROCESS);
  assert.equal(count('SELECT count(*) AS n FROM articles'), 2 * PER_PROCESS);
  sqlite.close();
});
