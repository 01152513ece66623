/** `watchfloor parse` per the contract: a .conllu file keeps its tokenization; a page is split and parsed; exit codes as analyze. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../helpers.js';

const CONLLU = [
  '# sent_id = ours-1',
  '# text = Patrol boats didn\'t leave port.',
  '1\tPatrol\tx\tX\tNN\t_\t0\troot\t_\t_',
  '2\tboats\tx\tX\tNNS\t_\t0\troot\t_\t_',
  '3-4\tdidn\'t\t_\t_\t_\t_\t_\t_\t_\t_',
  '3\tdid\tx\tX\tVBD\t_\t0\troot\t_\t_',
  '4\tn\'t\tx\tX\tRB\t_\t0\troot\t_\t_',
  '5\tleave\tx\tX\tVB\t_\t0\troot\t_\t_',
  '6\tport\tx\tX\tNN\t_\t0\troot\t_\tSpaceAfter=No',
  '7\t.\tx\tX\t.\t_\t0\troot\t_\t_',
  '',
].join('\n');

void test('a .conllu file keeps its lines, IDs and forms; our columns replace the rest', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ours.conllu');
  writeFileSync(file, CONLLU);
  const out = runCli(['parse', file]);
  assert.equal(out.status, 0, out.stderr);
  const lines = out.stdout.trimEnd().split('\n');
  const given = CONLLU.trimEnd().split('\n');
  assert.equal(lines.length, given.length);
  for (let i = 0; i < given.length; i++) {
    const a = (lines[i] as string).split('\t');
    const b = (given[i] as string).split('\t');
    assert.equal(a[0], b[0]);
    assert.equal(a[1], b[1]);
  }
  const words = lines.filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
  assert.equal(words.filter((w) => w[6] === '0').length, 1, 'one root');
  assert.ok(words.every((w) => w[3] !== 'X' && w[7] !== '_'), out.stdout);
  assert.equal(words.find((w) => w[1] === 'leave')?.[7], 'root', out.stdout);
  assert.equal(words.find((w) => w[1] === 'did')?.[2], 'do');
});

void test('a text page is split, parsed and written as CoNLL-U with # text lines; a missing file fails alone', () => {
  const dir = tempDir();
  const page = path.join(dir, 'page.txt');
  writeFileSync(page, 'The coast guard towed the trawler to port.\n\nNobody was hurt.\n');
  const out = runCli(['parse', '--conllu', '--raw', page, path.join(dir, 'missing.txt')]);
  assert.equal(out.status, 1);
  assert.match(out.stderr, /missing\.txt/);
  assert.equal(out.stdout.match(/^# text = /gm)?.length, 2, out.stdout);
  assert.match(out.stdout, /^# text = The coast guard towed the trawler to port\.$/m);
  assert.match(out.stdout, /\ttowed\ttow\tVERB\t_\t_\t0\troot\t/);
});
