/** The transfers a short text gives, one row per item, for tests that assert constructions. */
import { createContext } from '../../src/core/context.js';
import { analyzeInput } from '../../src/analysis.js';
import type { Transfer } from '../../src/core/doc.js';

const ctx = createContext({ now: new Date('2025-06-15T10:00:00Z') });

/** [supplier, recipient, status, count, item] */
export type Row = [string | null, string | null, string, number | null, string];

export function rows(text: string): Row[] {
  const doc = analyzeInput({ origin: 'test.txt', bytes: Buffer.from(text), isRaw: true, published: '2025-06-15T10:00:00' }, ctx);
  return (doc.transfers ?? []).flatMap((t: Transfer) => t.items.map((i) => [t.supplier, t.recipient, t.status, i.count, i.item] as Row));
}
