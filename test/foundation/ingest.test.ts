import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli, tempDir } from '../helpers.js';

/** A small text page in the shape of a saved news page, written for these tests. */
function page(title: string, body: string): string {
  return `Northern Wire\n\nDefence\n\n${title}\n\nMarch 3, 2023\n\n${body}\n\nShare this story\n`;
}

test('a batch with broken pages stores the good ones and names each failure with its reason', () => {
  const dir = tempDir();
  const pages = path.join(dir, 'pages');
  mkdirSync(pages);
  writeFileSync(
    path.join(pages, 'good-1.txt'),
    page('Navy tests new radar off Crete', 'The navy tested a new radar off Crete on Tuesday, officials said.'),
  );
  writeFileSync(
    path.join(pages, 'good-2.html.gz'),
    gzipSync(
      '<html><head><title>Border post reopens</title></head><body><article><p>The border post between the two countries reopened on Monday after a week of talks between the interior ministries.</p><p>Officials said trucks would be inspected at both ends.</p></article></body></html>',
    ),
  );
  writeFileSync(path.join(pages, 'empty.txt'), '');
  writeFileSync(path.join(pages, 'binary.html'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131) % 256)));
  writeFileSync(
    path.join(pages, 'bad-utf8.html'),
    Buffer.concat([
      Buffer.from('<html><head><meta charset="utf-8"></head><body><p>'),
      Buffer.from(Array.from({ length: 600 }, (_, i) => (i % 2 ? 0x41 : 0xe2))),
      Buffer.from('</p></body></html>'),
    ]),
  );
  writeFileSync(path.join(pages, 'truncated.txt.gz'), gzipSync(page('Cut short', 'x '.repeat(2000))).subarray(0, 60));
  writeFileSync(path.join(pages, 'no-body.html'), '<html><head><title>Nothing here</title></head></html>');
  // A 60 MB file, sparse so the test writes almost nothing; it must be refused by the size limit before it is read.
  const big = openSync(path.join(pages, 'huge.txt'), 'w');
  ftruncateSync(big, 60 * 1024 * 1024);
  closeSync(big);

  const db = path.join(dir, 'wf.db');
  const first = runCli(['ingest', pages], { env: { WATCHFLOOR_DB: db } });
  assert.equal(first.status, 1, 'exit status 1 when any page failed');
  for (const [file, reason] of [
    ['empty.txt', /empty file/],
    ['binary.html', /binary data/],
    ['bad-utf8.html', /not valid UTF-8/],
    ['truncated.txt.gz', /truncated gzip/],
    ['no-body.html', /no article text/],
    ['huge.txt', /over the size limit/],
  ] as const) {
    const line = first.stderr.split('\n').find((l) => l.includes(file));
    assert.ok(line, `${file} is named in the errors:\n${first.stderr}`);
    assert.match(line, reason, `${file}'s reason`);
  }
  assert.match(first.stderr, /2 stored, 0 unchanged, 0 reanalysed, 6 failed/);

  const again = runCli(['ingest', path.join(pages, 'good-1.txt'), path.join(pages, 'good-2.html.gz')], {
    env: { WATCHFLOOR_DB: db },
  });
  assert.equal(again.status, 0);
  assert.match(again.stdout, /unchanged +.*good-1\.txt/);
  assert.match(again.stderr, /0 stored, 2 unchanged/);

  const sqlite = new Database(db, { readonly: true });
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  // Refused before reading (empty, too large, broken gzip) leaves nothing; pages that were read but could not be
  // analysed (binary, bad UTF-8, no text) keep their raw capture, so a better pipeline can reprocess them.
  assert.equal(count('SELECT count(*) AS n FROM captures'), 5);
  assert.equal(count('SELECT count(*) AS n FROM articles'), 2);
  assert.equal(count('SELECT count(*) AS n FROM failures'), 6);
  const raw = sqlite.prepare("SELECT bytes FROM captures WHERE origin LIKE '%good-2.html.gz'").get() as {
    bytes: Buffer;
  };
  assert.deepEqual(
    raw.bytes.subarray(0, 2),
    Buffer.from([0x1f, 0x8b]),
    'the raw capture is kept verbatim, still gzipped',
  );
  sqlite.close();
});

test('the size limit is configurable', () => {
  const dir = tempDir();
  const file = path.join(dir, 'page.txt');
  writeFileSync(file, page('A long report', 'word '.repeat(400)));
  const refused = runCli(['ingest', file], {
    env: { WATCHFLOOR_DB: path.join(dir, 'db'), WATCHFLOOR_MAX_BYTES: '1000' },
  });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /over the size limit of 1000 bytes \(set WATCHFLOOR_MAX_BYTES/);
});

test('search ranks the matching article first; show and reprocess work from the store', () => {
  const dir = tempDir();
  const pages = path.join(dir, 'p');
  mkdirSync(pages);
  writeFileSync(
    path.join(pages, 'a.txt'),
    page(
      'Moscow ships tanks to its base in Tajikistan',
      'Russia will add thirty tanks to its base in Tajikistan by the end of the year, the ministry said.',
    ),
  );
  writeFileSync(
    path.join(pages, 'b.txt'),
    page(
      'Fishing quotas agreed in Brussels',
      'Ministers agreed fishing quotas for the North Sea after two days of talks.',
    ),
  );
  writeFileSync(
    path.join(pages, 'c.txt'),
    page(
      'Tajikistan hosts a trade fair',
      'Traders from ten countries came to a fair in Dushanbe, where tanks were not on show.',
    ),
  );
  const env = { WATCHFLOOR_DB: path.join(dir, 'db') };
  assert.equal(runCli(['ingest', path.join(dir, 'p', '*.txt')], { env }).status, 0, 'globs are expanded');
  const found = runCli(['search', 'Tajikistan tanks', '--json'], { env });
  const result = JSON.parse(found.stdout) as {
    total: number;
    hits: Array<{ id: number; title: string; snippet: string }>;
  };
  assert.equal(result.total, 2);
  assert.equal(result.hits[0]?.title, 'Moscow ships tanks to its base in Tajikistan');
  assert.match(result.hits[0]?.snippet ?? '', /«Tajikistan»/);
  const none = runCli(['search', 'submarine'], { env });
  assert.equal(none.status, 0, 'nothing found is not a failure');
  assert.equal(none.stderr, 'watchfloor: no matching article\n');
  const shown = runCli(['show', String(result.hits[0]?.id), '--json'], { env });
  assert.equal(
    (JSON.parse(shown.stdout) as { analysis: { article: { title: string } } }).analysis.article.title,
    'Moscow ships tanks to its base in Tajikistan',
  );
  assert.equal(runCli(['show', '999'], { env }).status, 1);
  const re = runCli(['reprocess'], { env });
  assert.equal(re.status, 0);
  assert.match(re.stderr, /0 stored, 0 unchanged, 3 reanalysed, 0 failed/);
});

test('analyze reads standard input and prints one object; a failed file still yields its line', () => {
  const out = runCli(['analyze', '-', '--json'], {
    input: page('Drone strike reported', 'A drone struck a depot near the border on Friday.'),
  });
  assert.equal(out.status, 0);
  const analysis = JSON.parse(out.stdout) as { contract: number; article: { text: string } };
  assert.equal(analysis.contract, 1);
  assert.match(analysis.article.text, /A drone struck a depot/);

  const dir = tempDir();
  writeFileSync(path.join(dir, 'a.txt'), page('One', 'A first short page of text for the batch.'));
  writeFileSync(path.join(dir, 'b.txt'), '');
  const lines = runCli(['analyze', path.join(dir, 'a.txt'), path.join(dir, 'b.txt'), '--jsonl']);
  assert.equal(lines.status, 1);
  const [a, b] = lines.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; error?: { code: string } });
  assert.equal(a?.file, path.join(dir, 'a.txt'));
  assert.equal(a?.error, undefined);
  assert.equal(b?.error?.code, 'capture/empty');
});
