/** The transfers a short text gives, one row per item, for tests that assert constructions. */
import { createContext } from '../../src/core/context.js';
import { analyzeInput } from '../../src/analysis.js';
import assert from 'node:assert/strict';
import type { Transfer } from '../../src/core/doc.js';

const ctx = createContext({ now: new Date('2025-06-15T10:00:00Z') });

/** [supplier, recipient, status, count, item] */
export type Row = [string | null, string | null, string, number | null, string];

export function rows(text: string): Row[] {
  const doc = analyzeInput({ origin: 'test.txt', bytes: Buffer.from(text), isRaw: true, published: '2025-06-15T10:00:00' }, ctx);
  return (doc.transfers ?? []).flatMap((t: Transfer) => t.items.map((i) => [t.supplier, t.recipient, t.status, i.count, i.item] as Row));
}

/** Asserts that the rows read are exactly the wanted ones: as many, and each want matched by a row whose item holds its word. */
export function assertRows(got: readonly Row[], want: readonly Row[]): void {
  assert.equal(got.length, want.length, `records: ${JSON.stringify(got)}`);
  for (const [supplier, recipient, status, count, word] of want) {
    const hit = got.find(([s, r, st, n, item]) => s === supplier && r === recipient && st === status && n === count && item.includes(word));
    assert.ok(hit, `want ${supplier}>${recipient} ${status} ${count} ${word}; got ${JSON.stringify(got)}`);
  }
}
