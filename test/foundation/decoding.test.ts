import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../src/stages/decoded/index.js';
import { describeCapture, sniffMediaType } from '../../src/stages/capture/index.js';
import { DEFAULT_LIMITS } from '../../src/core/context.js';
import { InputError } from '../../src/core/errors.js';
import type { Message } from '../../src/core/doc.js';

const RUSSIAN =
  'Министерство обороны России сообщило о передаче бронетехники Таджикистану. ' +
  'По данным ведомства, техника прибыла на базу в Душанбе в пятницу, а к концу года будут поставлены новые танки.';

const decode = (bytes: Buffer, options: { contentType?: string; isHtml?: boolean } = {}) =>
  decodeBytes(bytes, { origin: 'page', contentType: options.contentType ?? null, isHtml: options.isHtml ?? false });

test('legacy Cyrillic encodings decode right, declared or detected', () => {
  const cases: Array<[string, Buffer, { contentType?: string; isHtml?: boolean }, string]> = [
    [
      'windows-1251 by meta',
      Buffer.concat([
        Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'),
        iconv.encode(RUSSIAN, 'windows-1251'),
        Buffer.from('</p></body></html>'),
      ]),
      { isHtml: true },
      'meta',
    ],
    [
      'KOI8-R by http-equiv',
      Buffer.concat([
        Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body><p>'),
        iconv.encode(RUSSIAN, 'koi8-r'),
        Buffer.from('</p></body></html>'),
      ]),
      { isHtml: true },
      'meta',
    ],
    [
      'windows-1251 by header',
      iconv.encode(RUSSIAN, 'windows-1251'),
      { contentType: 'text/plain; charset=windows-1251' },
      'header',
    ],
    ['windows-1251 detected', iconv.encode(RUSSIAN.repeat(3), 'windows-1251'), {}, 'detected'],
    ['KOI8-R detected', iconv.encode(RUSSIAN.repeat(3), 'koi8-r'), {}, 'detected'],
  ];
  for (const [name, bytes, options, source] of cases) {
    const decoded = decode(bytes, options);
    assert.ok(decoded.text.includes('Министерство обороны России'), `${name}: got ${decoded.text.slice(0, 80)}`);
    assert.equal(decoded.charsetSource, source, name);
  }
});

test('UTF-16 with and without a byte-order mark, and UTF-8 with one', () => {
  const text = 'Russia has sent 12 armored vehicles to Tajikistan — Душанбе.';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
  const bare = Buffer.from(text, 'utf16le');
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  assert.equal(decode(le).text, text);
  assert.equal(decode(be).text, text);
  assert.equal(decode(bare).text, text);
  assert.equal(decode(bare).charsetSource, 'detected');
  assert.equal(decode(utf8).text, text);
  assert.equal(decode(utf8).charsetSource, 'bom');
});

test('invalid UTF-8: a few bad bytes are replaced with a warning, many are refused', () => {
  const messages: Message[] = [];
  const fewBad = Buffer.concat([
    Buffer.from('<meta charset="utf-8"><p>' + 'Tanks arrived at the base. '.repeat(20)),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('</p>'),
  ]);
  const decoded = decodeBytes(fewBad, { origin: 'few.html', isHtml: true, messages });
  assert.ok(decoded.text.includes('\uFFFD'));
  assert.equal(messages[0]?.rule, 'decoded/invalid-utf8');
  const manyBad = Buffer.concat([
    Buffer.from('<meta charset="utf-8"><p>'),
    Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 2 ? 0x41 : 0xc3))),
  ]);
  assert.throws(
    () => decodeBytes(manyBad, { origin: 'many.html', isHtml: true }),
    (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.code, 'capture/invalid-utf8');
      assert.match(error.message, /^many\.html: not valid UTF-8/);
      return true;
    },
  );
});

test('binary data and whitespace-only files are refused with their reason', () => {
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assert.throws(() => decode(binary), /binary data/);
  assert.throws(() => decode(Buffer.from('   \n\n  ')), /no text/);
});

test('capture: empty, oversized, truncated gzip and gzip bombs fail with codes naming the file', () => {
  const at = new Date('2024-01-01T00:00:00Z');
  const capture = (bytes: Buffer, limits = DEFAULT_LIMITS) =>
    describeCapture({ origin: 'x.txt.gz', bytes }, limits, at);
  const codeOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof InputError);
      assert.match(error.message, /^x\.txt\.gz: /);
      return error.code;
    }
    return 'no error';
  };
  assert.equal(
    codeOf(() => capture(Buffer.alloc(0))),
    'capture/empty',
  );
  assert.equal(
    codeOf(() => capture(Buffer.alloc(2048, 65), { ...DEFAULT_LIMITS, maxBytes: 1024 })),
    'capture/too-large',
  );
  const gz = gzipSync(Buffer.from('Some page text. '.repeat(200)));
  assert.equal(
    codeOf(() => capture(gz.subarray(0, gz.length / 2))),
    'capture/bad-gzip',
  );
  const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024));
  assert.equal(
    codeOf(() => capture(bomb, { ...DEFAULT_LIMITS, maxInflatedBytes: 1024 * 1024 })),
    'capture/too-large',
  );
  const ok = capture(gz);
  assert.equal(ok.isGzipped, true);
  assert.equal(ok.body.toString().slice(0, 10), 'Some page ');
  assert.equal(ok.sha256.length, 64);
});

test('media type: transport, then file name, then the bytes', () => {
  const html = Buffer.from('<!DOCTYPE html><html><body><p>x</p></body></html>');
  const text = Buffer.from('Plain words on a page.');
  assert.equal(sniffMediaType('a.bin', 'text/html; charset=utf-8', text), 'text/html');
  assert.equal(sniffMediaType('a.htm.gz', null, text), 'text/html');
  assert.equal(sniffMediaType('a.txt', null, html), 'text/plain');
  assert.equal(sniffMediaType('-', null, html), 'text/html');
  assert.equal(sniffMediaType('-', null, text), 'text/plain');
});
