/** The seed page's golden dates (../shared/golden/seed-000.expected.json) all come out of the pipeline. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeInput } from '../../src/analysis.js';
import { createContext } from '../../src/core/context.js';
import { skipOutsideCi } from '../helpers.js';

const SHARED = path.resolve(import.meta.dirname, '../../../shared');
const GOLDEN = path.join(SHARED, 'golden/seed-000.expected.json');
const skip = skipOutsideCi(existsSync(GOLDEN) ? null : `${GOLDEN} not found: the golden files live in ../shared, absent here`);

interface GoldenDate {
  contains: string;
  value: string;
  precision?: string;
}

void test('seed-000: every golden date is found with its value and precision', { skip }, () => {
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as { file: string; dates: GoldenDate[] };
  const file = path.join(SHARED, golden.file);
  // a reference far from the article's own time: the page's dateline must be the one used
  const doc = analyzeInput({ origin: file, bytes: readFileSync(file) }, createContext({ now: new Date('2030-01-01T00:00:00Z') }));
  const text = doc.article?.text ?? '';
  const found = doc.dates ?? [];
  for (const d of found) assert.equal(text.slice(d.start, d.end), d.text);
  for (const want of golden.dates) {
    const got = found.find((d) => d.text.includes(want.contains));
    assert.ok(got, `no date containing "${want.contains}"; got ${found.map((d) => d.text).join(' | ')}`);
    assert.equal(got.value, want.value, `"${got.text}"`);
    if (want.precision) assert.equal(got.precision, want.precision, `"${got.text}" precision`);
  }
});
