/** The export writers: CSV parses back (RFC 4180), GDELT rows have 61 fields with GDELT's meanings, GeoJSON is [lon, lat]. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredEvent, StoredTransfer } from '../src/store.js';
import {
  EVENT_CSV_COLUMNS,
  GDELT_COLUMNS,
  TRANSFER_CSV_COLUMNS,
  gdeltRow,
  parseCsv,
  splitActorCode,
  toCsv,
  toGdelt,
  toGeojson,
  toJsonl,
  toTransfersCsv,
  toTransfersJsonl,
} from '../src/exports/index.js';

const EVENT: StoredEvent = {
  id: 7,
  articleId: 3,
  cameo: '072',
  plover: 'AID',
  quadClass: 2,
  goldstein: 8.3,
  sourceName: 'Russia',
  sourceCode: 'RUSMIL',
  targetName: 'Tajikistan',
  targetCode: 'TJK',
  date: '2021-09-11',
  precision: 'day',
  modality: 'asserted',
  quantities: [{ count: 12, item: 'armored vehicles', category: 'armoured vehicles' }],
  locationName: 'Tajikistan',
  lat: 38.9,
  lon: 71.3,
  speaker: 'the defense ministry',
  via: ['Interfax', 'Iran Press TV'],
  evidence: { text: 'Russia has sent "12, armored"\nvehicles.', start: 0, end: 38 },
  articleTitle: '=HYPERLINK("x")',
  articleUrl: 'https://example.org/a',
  articlePublished: '2021-09-11T12:42',
  articleSource: 'Iran Press TV',
  analyzedAt: '2024-01-02T03:04:05Z',
};

const TRANSFER: StoredTransfer = {
  id: 1,
  articleId: 3,
  supplier: 'RUS',
  recipient: 'TJK',
  items: [
    { count: 12, item: 'armored vehicles', category: 'armoured vehicles' },
    { count: 30, item: 'tanks', category: 'tanks' },
  ],
  status: 'delivered',
  date: '2021-09-11',
  evidence: { text: 'It sent 12 armored vehicles, and 30 tanks.', start: 0, end: 41 },
  articleTitle: 'Russia sends equipment',
  articleSource: 'Iran Press TV',
  articlePublished: '2021-09-11',
};

test('events CSV: header plus one row, fields with commas, quotes and newlines round-trip', () => {
  const rows = parseCsv(toCsv([EVENT, { ...EVENT, id: 8 }]));
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0], [...EVENT_CSV_COLUMNS]);
  const row = Object.fromEntries(EVENT_CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
  assert.equal(row['evidence'], EVENT.evidence.text);
  assert.equal(row['cameo'], '072');
  assert.equal(row['quantities'], '12 armored vehicles');
  assert.equal(row['via'], 'Interfax > Iran Press TV');
  assert.equal(row['article_title'], `'=HYPERLINK("x")`, 'a formula is defused');
  assert.ok(rows.every((r) => r.length === EVENT_CSV_COLUMNS.length));
});

test('events CSV uses CRLF line ends (RFC 4180)', () => {
  assert.match(toCsv([EVENT]), /^id,date,.*\r\n7,2021-09-11,/s);
});

test('GDELT: 61 tab-separated fields, dates, codes and actor parts where GDELT puts them', () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  const line = toGdelt([EVENT]).trimEnd();
  const fields = line.split('\t');
  assert.equal(fields.length, 61);
  const at = (name: string): string => fields[GDELT_COLUMNS.indexOf(name)]!;
  assert.equal(at('GLOBALEVENTID'), '7');
  assert.equal(at('SQLDATE'), '20210911');
  assert.equal(at('MonthYear'), '202109');
  assert.equal(at('Year'), '2021');
  assert.equal(at('Actor1Code'), 'RUSMIL');
  assert.equal(at('Actor1CountryCode'), 'RUS');
  assert.equal(at('Actor1Type1Code'), 'MIL');
  assert.equal(at('Actor2Code'), 'TJK');
  assert.equal(at('EventCode'), '072');
  assert.equal(at('EventBaseCode'), '072');
  assert.equal(at('EventRootCode'), '07');
  assert.equal(at('QuadClass'), '2');
  assert.equal(at('GoldsteinScale'), '8.3');
  assert.equal(at('ActionGeo_Lat'), '38.9');
  assert.equal(at('ActionGeo_Long'), '71.3');
  assert.equal(at('DATEADDED'), '20240102030405');
  assert.equal(at('SOURCEURL'), 'https://example.org/a');
  assert.ok(!line.includes('\n'), 'no line break inside a row');
});

test('GDELT: a month-precision date is the first of the month; four-digit codes keep their base code', () => {
  const fields = gdeltRow({ ...EVENT, date: '2001-10', cameo: '0332' });
  assert.equal(fields[1], '20011001');
  assert.equal(fields[GDELT_COLUMNS.indexOf('EventBaseCode')], '033');
});

test('actor codes split into country, known group and types', () => {
  assert.deepEqual(splitActorCode('RUSMIL'), { country: 'RUS', group: '', types: ['MIL', '', ''] });
  assert.deepEqual(splitActorCode('TAL'), { country: '', group: 'TAL', types: ['', '', ''] });
  assert.deepEqual(splitActorCode(null), { country: '', group: '', types: ['', '', ''] });
});

test('GeoJSON: points in [lon, lat]; events without a place left out', () => {
  const geo = JSON.parse(toGeojson([EVENT, { ...EVENT, id: 9, lat: null, lon: null }])) as {
    features: { id: number; geometry: { coordinates: number[] } }[];
  };
  assert.equal(geo.features.length, 1);
  assert.deepEqual(geo.features[0]!.geometry.coordinates, [71.3, 38.9]);
});

test('JSON lines: one parseable object per event', () => {
  const lines = toJsonl([EVENT, EVENT]).trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.equal((JSON.parse(lines[0]!) as StoredEvent).cameo, '072');
  assert.equal(toJsonl([]), '');
});

test('transfers CSV and JSON lines', () => {
  const rows = parseCsv(toTransfersCsv([TRANSFER]));
  assert.deepEqual(rows[0], [...TRANSFER_CSV_COLUMNS]);
  const row = Object.fromEntries(TRANSFER_CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
  assert.equal(row['items'], '12 armored vehicles; 30 tanks');
  assert.equal(row['total_count'], '42');
  assert.equal(row['categories'], 'armoured vehicles; tanks');
  assert.equal(row['evidence'], TRANSFER.evidence.text);
  assert.equal((JSON.parse(toTransfersJsonl([TRANSFER]).trim()) as StoredTransfer).supplier, 'RUS');
});
