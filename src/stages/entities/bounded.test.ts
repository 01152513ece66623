/**
 * Bounded work: one sentence of 1 MB of names (no full stop anywhere) goes through the entities stage
 * with work linear in its length. The test's timeout is a guard against a quadratic pass (608 KB took
 * 35 s before the indexes); bench/ner.ts --bounded prints the time itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, DEFAULT_LIMITS } from '../../core/context.js';
import { analyseText } from './analyse-text.js';

/** Made-up names: syllables of our own, so no name is listed anywhere and every one is new. */
export function nameList(bytes: number): string {
  const syllables = ['ka', 'lo', 'ven', 'dri', 'mar', 'tos', 'bel', 'quin', 'sa', 'rud', 'fen', 'gor'];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const a = syllables[i % 12] as string;
    const b = syllables[Math.floor(i / 12) % 12] as string;
    const c = syllables[Math.floor(i / 144) % 12] as string;
    const name = `${a[0]?.toUpperCase()}${a.slice(1)}${b} ${c[0]?.toUpperCase()}${c.slice(1)}${a}${b}`;
    parts.push(name);
    length += name.length + 2;
  }
  return parts.join(', ');
}

void test('bounded work: a 1 MB sentence of names is analysed, every mention inside the text', { timeout: 60_000 }, () => {
  const text = nameList(1_000_000);
  // no page time budget: the test is that the stage finishes, not that the runner cuts it
  const doc = analyseText(text, createContext({ now: new Date('2021-09-11T12:00:00Z'), limits: { ...DEFAULT_LIMITS, pageBudgetMs: 0 } }));
  const entities = doc.entities ?? [];
  assert.ok(entities.length > 1000, `only ${entities.length} entities`);
  for (const e of entities.slice(0, 200)) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});
