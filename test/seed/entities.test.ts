/** The seed page's golden entities (../shared/golden/seed-000.expected.json) all come out of the pipeline. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeInput } from '../../src/analysis.js';
import { createContext } from '../../src/core/context.js';
import type { Entity } from '../../src/core/doc.js';
import { skipOutsideCi } from '../helpers.js';

const SHARED = path.resolve(import.meta.dirname, '../../../shared');
const GOLDEN = path.join(SHARED, 'golden/seed-000.expected.json');
const skip = skipOutsideCi(existsSync(GOLDEN) ? null : `${GOLDEN} not found: the golden files live in ../shared, absent here`);

interface GoldenEntity {
  type: string;
  name: string;
  code?: string;
  affiliation?: string;
  surface: string[];
}

void test('seed-000: every golden entity is found with its type, code, affiliation and surfaces', { skip }, () => {
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as { file: string; entities: GoldenEntity[] };
  const file = path.join(SHARED, golden.file);
  const doc = analyzeInput({ origin: file, bytes: readFileSync(file) }, createContext({ now: new Date('2021-09-11T12:42:00Z') }));
  const text = doc.article?.text ?? '';
  const found = doc.entities ?? [];
  for (const entity of found) for (const m of entity.mentions) assert.equal(text.slice(m.start, m.end), m.text, `span of ${entity.id}`);
  for (const want of golden.entities) {
    const got = found.find((e: Entity) => e.type === want.type && e.name === want.name);
    assert.ok(got, `${want.type} "${want.name}" not found; got ${found.map((e) => `${e.type}:${e.name}`).join(', ')}`);
    if (want.code) assert.ok(got.code?.startsWith(want.code), `${want.name}: code ${got.code}, want prefix ${want.code}`);
    if (want.affiliation) assert.equal(got.affiliation, want.affiliation, `${want.name}: affiliation`);
    const surfaces = new Set(got.mentions.map((m) => m.text));
    for (const s of want.surface) assert.ok(surfaces.has(s), `${want.name}: surface "${s}" missing; have ${[...surfaces].join(', ')}`);
  }
});
