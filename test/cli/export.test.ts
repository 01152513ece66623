/** `watchfloor export`: a store with the seed page in it, exported through the command and read back. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildProgram } from '../../src/cli/main.js';
import { EVENT_FORMATS, TRANSFER_FORMATS, filterOf, writerFor } from '../../src/cli/commands/export.js';
import { openStore } from '../../src/store/open.js';
import { ingestOne } from '../../src/ingest.js';
import { createContext } from '../../src/core/context.js';
import {
  EVENT_CSV_COLUMNS,
  GDELT_COLUMNS,
  REGISTER_CSV_COLUMNS,
  TRANSFER_CSV_COLUMNS,
  parseCsv,
} from '../../src/exports/index.js';

const TEXT = [
  'Russia delivered 12 armored vehicles to Tajikistan on Saturday, the defense ministry said.',
  'Germany condemned Iran, saying "it must stop", and warned of sanctions.',
].join('\n\n');

async function withSeededStore(work: (db: string, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'watchfloor-export-'));
  const db = path.join(dir, 'w.db');
  try {
    const store = await openStore(db);
    const outcome = await ingestOne(
      store,
      { origin: 'export-test.txt', bytes: Buffer.from(TEXT), isRaw: true, published: '2021-09-11T12:00:00' },
      createContext(),
    );
    await store.close();
    assert.equal(outcome.status, 'stored', JSON.stringify(outcome.error));
    await work(db, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(args: string[]): Promise<void> {
  await (await buildProgram())
    .exitOverride()
    .parseAsync(['node', 'watchfloor', ...args]);
}

test('export events --format csv writes RFC 4180 CSV that parses back with the documented columns', async () => {
  await withSeededStore(async (db, dir) => {
    const out = path.join(dir, 'events.csv');
    await run(['--db', db, 'export', 'events', '--format', 'csv', '--out', out]);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    assert.deepEqual(rows[0], [...EVENT_CSV_COLUMNS]);
    assert.ok(rows.length >= 2, 'at least one event');
    assert.ok(rows.every((r) => r.length === EVENT_CSV_COLUMNS.length));
    const aid = rows.find((r) => r[3] === '072');
    assert.ok(aid, `an aid event in ${JSON.stringify(rows)}`);
    assert.equal(aid[EVENT_CSV_COLUMNS.indexOf('target_code')], 'TJK');
  });
});

test('export events --format gdelt writes 61 tab-separated fields per line', async () => {
  await withSeededStore(async (db, dir) => {
    const out = path.join(dir, 'events.tsv');
    await run(['--db', db, 'export', 'events', '--format', 'gdelt', '--out', out]);
    const lines = readFileSync(out, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    assert.ok(lines.length >= 1);
    for (const line of lines) assert.equal(line.split('\t').length, GDELT_COLUMNS.length);
  });
});

test('export transfers --format csv lists the delivery once, with the outlets that told it', async () => {
  await withSeededStore(async (db, dir) => {
    const out = path.join(dir, 'register.csv');
    await run(['--db', db, 'export', 'transfers', '--format', 'csv', '--out', out]);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    assert.deepEqual(rows[0], [...REGISTER_CSV_COLUMNS]);
    assert.equal(rows.length, 2, 'one transfer, one row');
    const row = rows[1]!;
    assert.equal(row[REGISTER_CSV_COLUMNS.indexOf('supplier')], 'RUS');
    assert.equal(row[REGISTER_CSV_COLUMNS.indexOf('recipient')], 'TJK');
    assert.equal(row[REGISTER_CSV_COLUMNS.indexOf('report_count')], '1');
  });
});

test('export transfers --reports lists each report of a delivery', async () => {
  await withSeededStore(async (db, dir) => {
    const out = path.join(dir, 'transfers.csv');
    await run(['--db', db, 'export', 'transfers', '--reports', '--format', 'csv', '--out', out]);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    assert.deepEqual(rows[0], [...TRANSFER_CSV_COLUMNS]);
    const row = rows[1]!;
    assert.equal(row[TRANSFER_CSV_COLUMNS.indexOf('status')], 'delivered');
    assert.equal(row[TRANSFER_CSV_COLUMNS.indexOf('items')], '12 armored vehicles');
  });
});

test('flag checks name the flag: unknown format, malformed date, bad limit', () => {
  assert.throws(() => writerFor(EVENT_FORMATS, 'xlsx'), /--format: "xlsx" is not one of gdelt, csv, jsonl, geojson/);
  assert.throws(() => writerFor(TRANSFER_FORMATS, 'gdelt'), /--format: "gdelt"/);
  assert.throws(() => writerFor(EVENT_FORMATS, 'toString'), /--format: "toString"/);
  assert.throws(() => filterOf({ format: 'csv', since: 'last week' }), /--since: not a date/);
  assert.throws(() => filterOf({ format: 'csv', limit: '-3' }), /--limit/);
  assert.deepEqual(filterOf({ format: 'csv', since: '2021-09', actor: 'RUS', limit: '5' }), {
    limit: 5,
    since: '2021-09',
    actor: 'RUS',
  });
});
