/**
 * Builds data/story-rarity.json: how many pseudo-documents of background news each signature key
 * occurs in, so that story matching weighs "Punggye-ri" above "government" even in a store of a few
 * articles. The background is the GMB corpus's Voice of America news (../shared/train, public-domain
 * texts): read there, only the counts are kept. Keys seen fewer than twice are dropped.
 * Usage: npx tsx scripts/build-story-rarity.ts [--train ../shared/train]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { createContext } from '../src/core/context.js';
import { happeningKeys } from '../src/stories/happening.js';

/** Consecutive sentences per pseudo-document: about one short news item. */
const SENTENCES_PER_DOC = 20;
const MIN_DF = 2;

const trainDir = process.argv.includes('--train')
  ? process.argv[process.argv.indexOf('--train') + 1]!
  : path.resolve(import.meta.dirname, '../../shared/train');
const text = gunzipSync(readFileSync(path.join(trainDir, 'gmb-entity-annotated-corpus/gmb_ner.conll.gz'))).toString(
  'utf8',
);
const sentences: string[] = [];
let current: string[] = [];
for (const line of text.split('\n')) {
  if (line.trim() === '') {
    if (current.length > 0) sentences.push(current.join(' '));
    current = [];
  } else current.push(line.split('\t')[0]!);
}
const ctx = createContext();
const df = new Map<string, number>();
let docs = 0;
for (let i = 0; i < sentences.length; i += SENTENCES_PER_DOC) {
  const keys = happeningKeys('', sentences.slice(i, i + SENTENCES_PER_DOC).join(' '), ctx);
  docs++;
  for (const key of [...Object.keys(keys.terms).map((t) => `t:${t}`), ...keys.names])
    df.set(key, (df.get(key) ?? 0) + 1);
}
const kept = Object.fromEntries([...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
writeFileSync(
  path.resolve(import.meta.dirname, '../data/story-rarity.json'),
  JSON.stringify({
    version: 1,
    about: `Document frequencies of story-signature keys over ${docs} pseudo-documents of ${SENTENCES_PER_DOC} sentences of GMB news (Voice of America). Built by scripts/build-story-rarity.ts.`,
    docs,
    df: kept,
  }) + '\n',
);
process.stdout.write(`${docs} documents, ${Object.keys(kept).length} keys\n`);
