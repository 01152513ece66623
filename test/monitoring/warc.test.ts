import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { SqliteStore } from '../../src/store/sqlite.js';
import { createContext } from '../../src/core/context.js';
import { importWarc } from '../../src/warc/import-warc.js';
import type { IngestOutcome } from '../../src/ingest.js';

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'watchfloor-warc-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function record(
  url: string,
  type: 'response' | 'request',
  contentType: string,
  body: Buffer,
  date: string,
): Promise<Uint8Array> {
  async function* payload(): AsyncGenerator<Uint8Array> {
    yield body;
  }
  const r = WARCRecord.create(
    {
      url,
      date,
      type,
      warcVersion: 'WARC/1.1',
      httpHeaders: { 'Content-Type': contentType },
      statusline: type === 'response' ? 'HTTP/1.1 200 OK' : 'GET / HTTP/1.1',
    },
    payload(),
  );
  return WARCSerializer.serialize(r, { gzip: true });
}

test('a .warc.gz imports its HTML responses as captures with URL and capture date; other records are passed over', async () => {
  const page = readFileSync(
    'demo/corpus/meridian-wire/2021-09-11-russia-hands-tajikistan-armoured-vehicles-tanks-for-base.html',
  );
  const file = path.join(dir, 'crawl.warc.gz');
  const parts = [
    await record('https://www.meridianwire.example/a', 'request', 'text/html', Buffer.alloc(0), '2024-02-01T10:00:00Z'),
    await record(
      'https://www.meridianwire.example/a',
      'response',
      'text/html; charset=utf-8',
      page,
      '2024-02-01T10:00:01Z',
    ),
    await record(
      'https://www.meridianwire.example/logo.png',
      'response',
      'image/png',
      Buffer.from([0x89, 0x50]),
      '2024-02-01T10:00:02Z',
    ),
  ];
  writeFileSync(file, Buffer.concat(parts.map((p) => Buffer.from(p))));
  const store = new SqliteStore(':memory:');
  await store.migrate();
  const outcomes: IngestOutcome[] = [];
  const summary = await importWarc(store, createContext(), file, { onOutcome: (o) => outcomes.push(o) });
  assert.deepEqual(summary, { records: 3, pages: 1, skipped: 2 });
  assert.equal(outcomes.length, 1);
  assert.equal(outcomes[0]!.status, 'stored', outcomes[0]!.error?.message);
  const capture = (await store.getCapture(outcomes[0]!.captureId!))!;
  assert.equal(capture.url, 'https://www.meridianwire.example/a');
  assert.equal(capture.capturedAt, '2024-02-01T10:00:01.000Z');
  assert.equal(capture.origin, `${file}#https://www.meridianwire.example/a`);

  const again: IngestOutcome[] = [];
  await importWarc(store, createContext(), file, { onOutcome: (o) => again.push(o) });
  assert.equal(again[0]!.status, 'unchanged', 'the same page twice is stored once');
  await store.close();
});

test('a file that is not a WARC fails with a message naming it', async () => {
  const file = path.join(dir, 'broken.warc');
  writeFileSync(file, 'this is not a warc file\r\n\r\n');
  const store = new SqliteStore(':memory:');
  await store.migrate();
  const outcomes: IngestOutcome[] = [];
  await importWarc(store, createContext(), file, { onOutcome: (o) => outcomes.push(o) });
  assert.equal(outcomes.length, 1);
  assert.equal(outcomes[0]!.status, 'failed');
  assert.match(
    outcomes[0]!.error!.message,
    new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a readable WARC file`),
  );
  await store.close();
});
