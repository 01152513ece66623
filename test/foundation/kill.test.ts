import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { runCli, spawnCli, tempDir } from '../helpers.js';

const PAGES = 10_000;
const KILL_AFTER = PAGES / 2;

test('an ingest killed with SIGKILL halfway, then run again, stores every page exactly once', async () => {
  const dir = tempDir();
  const pages = path.join(dir, 'pages');
  for (let i = 0; i < PAGES; i++) {
    const sub = path.join(pages, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(
      path.join(sub, `page-${i}.txt`),
      `Garrison Bulletin ${i}\n\nPatrol number ${i} reported quiet\n\nJune 1, 2024\n\nPatrol ${i} crossed sector ${i % 97} and reported nothing unusual near post ${i % 13}.\n`,
    );
  }
  const db = path.join(dir, 'wf.db');
  const env = { WATCHFLOOR_DB: db };

  const child = spawnCli(['ingest', pages], { env });
  const exited = once(child, 'exit');
  let lines = 0;
  for await (const _line of createInterface({ input: child.stdout! })) {
    if (++lines === KILL_AFTER) {
      child.kill('SIGKILL');
      break;
    }
  }
  const [, signal] = (await exited) as [number | null, string | null];
  assert.equal(signal, 'SIGKILL', 'the first ingest was killed, not finished');

  const partial = new Database(db, { readonly: true });
  const storedBefore = (partial.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  partial.close();
  assert.ok(storedBefore >= KILL_AFTER - 1 && storedBefore < PAGES, `killed halfway: ${storedBefore} stored`);

  const second = runCli(['ingest', '--quiet', pages], { env });
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, new RegExp(`${PAGES - storedBefore} stored, ${storedBefore} unchanged, 0 reanalysed, 0 failed`));

  const sqlite = new Database(db, { readonly: true });
  const one = <T>(sql: string) => sqlite.prepare(sql).get() as T;
  assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM captures').n, PAGES);
  assert.equal(one<{ n: number }>('SELECT count(DISTINCT sha256) AS n FROM captures').n, PAGES);
  assert.equal(one<{ n: number }>('SELECT count(DISTINCT origin) AS n FROM captures').n, PAGES);
  assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM articles').n, PAGES);
  assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM articles_fts').n, PAGES);
  assert.equal(one<{ integrity_check: string }>('PRAGMA integrity_check').integrity_check, 'ok');
  sqlite.close();
});
