/**
 * The start-up caches (src/core/startup-cache.ts): a cache is read back as written, and never once
 * its source file or the code that wrote it has changed; StringTable and the flat-object encoding.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { decodeFlat, encodeFlat, readCache, readRecord, recordSections, StringTable, writeCache, type CacheStore } from '../src/core/startup-cache.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wf-startup-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const store: CacheStore = { dir, bundle: 'bundle-one' };
const source = path.join(dir, 'weights.bin');

function writeSample(): void {
  writeFileSync(source, Buffer.from('seven small weights of a made-up model'));
  const weights = Int16Array.from([3, -1, 0, 250, -32768, 12, 7]);
  const rows = Int32Array.from([0, 2, 5, 7]);
  writeCache(store, 'sample', [source], { classes: 7 }, [weights, rows, Buffer.from('header text', 'utf8')]);
}

test('a cache reads back its meta and its sections, each 8-aligned', () => {
  writeSample();
  const cache = readCache(store, 'sample', [source]);
  assert.ok(cache);
  assert.deepEqual(cache.meta, { classes: 7 });
  const [weights, rows, text] = cache.sections as [Uint8Array, Uint8Array, Uint8Array];
  assert.deepEqual([...new Int16Array(weights.buffer, weights.byteOffset, weights.byteLength / 2)], [3, -1, 0, 250, -32768, 12, 7]);
  assert.deepEqual([...new Int32Array(rows.buffer, rows.byteOffset, rows.byteLength / 4)], [0, 2, 5, 7]);
  assert.equal(Buffer.from(text).toString('utf8'), 'header text');
  for (const s of cache.sections) assert.equal(s.byteOffset % 8, 0);
});

test('a source rewritten with other bytes of the same length makes the cache unusable', () => {
  writeSample();
  const { mtime } = statSync(source);
  writeFileSync(source, Buffer.from('seven small weights of a made-up modem'));
  utimesSync(source, mtime, mtime); // the same mtime: the ctime and the bytes still tell
  assert.equal(readCache(store, 'sample', [source]), null);
});

test('a source touched but holding the same bytes still uses the cache (checked by its hash)', () => {
  writeSample();
  const later = new Date(Date.now() + 5000);
  utimesSync(source, later, later);
  assert.ok(readCache(store, 'sample', [source]));
});

test('a cache written by other code, or from other files, is not used', () => {
  writeSample();
  assert.equal(readCache({ dir, bundle: 'bundle-two' }, 'sample', [source]), null);
  const other = path.join(dir, 'other.bin');
  writeFileSync(other, 'another model altogether');
  assert.equal(readCache(store, 'sample', [other]), null);
  assert.equal(readCache(store, 'sample', [source, other]), null);
  assert.equal(readCache(store, 'no-such-cache', [source]), null);
});

test('a truncated cache file is not used', () => {
  writeSample();
  const file = path.join(dir, 'quick.sample.cache');
  writeFileSync(file, readFileSync(file).subarray(0, 90));
  assert.equal(readCache(store, 'sample', [source]), null);
});

test('StringTable numbers its strings and finds each, and nothing else', () => {
  const keys = ['north sea', 'gdańsk', '', 'port', 'port said', 'côte d’ivoire', 'a', 'b', 'ab', 'ba'];
  const [text, starts, slots] = StringTable.sections(keys).map((s) => new Uint8Array(s.buffer, s.byteOffset, s.byteLength)) as [Uint8Array, Uint8Array, Uint8Array];
  // sections are read from 8-aligned copies, as a cache gives them
  const aligned = (s: Uint8Array): Uint8Array => new Uint8Array(Uint8Array.from(s).buffer);
  const table = new StringTable(aligned(text), aligned(starts), aligned(slots));
  assert.equal(table.size, keys.length);
  keys.forEach((key, i) => {
    assert.equal(table.indexOf(key), i);
    assert.equal(table.at(i), key);
  });
  for (const absent of ['north', 'sea', 'port sai', 'port saidx', 'gdansk', 'abc', ' ']) assert.equal(table.indexOf(absent), -1);
});

test('a record read in place answers reads, `in` and listings as the record, and takes no writes', () => {
  const record: Record<string, string> = { 'NOUN\tries': '3\ty', 'VERB\tied': '2\t', 'ADJ\tgrößer': 'groß', 'X\t': '' };
  const aligned = (s: ArrayBufferView): Uint8Array => new Uint8Array(Uint8Array.from(new Uint8Array(s.buffer, s.byteOffset, s.byteLength)).buffer);
  const back = readRecord(recordSections(record).map(aligned));
  for (const [key, value] of Object.entries(record)) assert.equal(back[key], value);
  assert.equal(back['NOUN\tie'], undefined);
  assert.ok('VERB\tied' in back);
  assert.ok(!('VERB\tie' in back));
  assert.equal(typeof back['toString'], 'function'); // an ordinary object's prototype, as JSON.parse gives
  assert.deepEqual(Object.keys(back), Object.keys(record));
  assert.equal(JSON.stringify(back), JSON.stringify(record));
  assert.throws(() => {
    (back as Record<string, string>)['NOUN\tries'] = 'changed';
  }, TypeError);
});

test('a flat object keeps its arrays (one buffer shared stays shared) and its JSON values', () => {
  const buffer = new ArrayBuffer(24);
  const object = { keys: new Int32Array(buffer), values: new Float32Array(buffer), mask: 5, name: 'table', absent: undefined };
  object.keys[0] = 9;
  object.values[1] = 0.25;
  const { meta, sections } = encodeFlat(object);
  assert.equal(sections.length, 1);
  const copy = new Uint8Array(new ArrayBuffer(32));
  copy.set(new Uint8Array(sections[0]!.buffer, sections[0]!.byteOffset, sections[0]!.byteLength));
  const back = decodeFlat(JSON.parse(JSON.stringify(meta)), [copy.subarray(0, 24)]);
  assert.deepEqual(Object.keys(back), ['keys', 'values', 'mask', 'name', 'absent']);
  assert.equal(back['mask'], 5);
  assert.equal(back['name'], 'table');
  const keys = back['keys'] as Int32Array;
  const values = back['values'] as Float32Array;
  assert.ok(keys instanceof Int32Array && values instanceof Float32Array);
  assert.equal(keys.buffer, values.buffer);
  assert.equal(keys[0], 9);
  assert.equal(values[1], 0.25);
});

test('a flat object holding what JSON would change is refused', () => {
  assert.throws(() => encodeFlat({ index: new Map([['a', 1]]) }));
  assert.throws(() => encodeFlat({ zero: -0 }));
  assert.throws(() => encodeFlat({ score: () => 1 }));
});

// The bundle (npm run build): analyze prints the same JSON whether its loaders read the start-up caches or decode the data files.
const root = path.resolve(import.meta.dirname, '..');
test('analyze gives the same JSON from the start-up caches as from the data files', () => {
  const page = path.join(dir, 'page.txt');
  writeFileSync(
    page,
    'Harbour crews unload armoured trucks\n\n' +
      'KLAIPEDA, Lithuania (Wire) - Lithuania received forty armoured trucks from Germany on Tuesday, the defence ministry in Vilnius said, ' +
      'and Latvia expects a similar delivery of air-defence radars from Norway next month.\n\n' +
      'Minister Ona Petrauskiene told reporters in Kaunas that the trucks would join a brigade near the Polish border.\n',
  );
  const run = (env: Record<string, string>): string => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/watchfloor.js'), 'analyze', '--published', '2024-03-05', page], { env: { ...process.env, ...env }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const cached = run({});
  assert.match(cached, /"entities"/);
  assert.equal(cached, run({ WATCHFLOOR_NO_STARTUP_CACHE: '1' }));
});

test('parse gives the same lemmas from the syntax cache as from the model file, the known-lemma check included', () => {
  const page = path.join(dir, 'patrol.txt');
  writeFileSync(page, 'Gunboats patrolled the lagoon while artillery shelled a ridge.\n');
  const run = (env: Record<string, string>): string => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/watchfloor.js'), 'parse', '--conllu', page], { env: { ...process.env, ...env }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const cached = run({});
  assert.match(cached, /\tpatrolled\tpatrol\t/);
  assert.match(cached, /\tshelled\tshell\t/);
  assert.equal(cached, run({ WATCHFLOOR_NO_STARTUP_CACHE: '1' }));
});
