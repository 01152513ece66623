/**
 * Merging transfers told more than once: within one article (two sentences about one delivery) and
 * across outlets (the store or stories code calls mergeTransfers on transfers from several articles).
 */
import type { Quantity, Transfer } from '../../core/doc.js';

/** A merged transfer and the records it was made from (one per telling: evidence, article). */
export type MergedTransfer<T extends Transfer> = T & { mergedFrom: T[] };

/**
 * The identity of a transfer: supplier, recipient, status and the equipment categories it moves.
 * Two records with the same key describe the same transfer; dates are left out on purpose, because
 * outlets date the same delivery by report day, announcement day or arrival day.
 */
export function transferKey(t: Transfer): string {
  const categories = [...new Set(t.items.map((i) => i.category ?? i.item.toLowerCase()))].sort().join('+');
  return `${t.supplier ?? '?'}>${t.recipient ?? '?'}|${t.status}|${categories}`;
}

function sameParties(a: Transfer, b: Transfer): boolean {
  return a.supplier === b.supplier && a.recipient === b.recipient && a.status === b.status;
}

function mergeItems(into: Quantity[], from: readonly Quantity[]): Quantity[] {
  const out = [...into];
  for (const item of from) {
    const same = out.findIndex((i) => (i.category ?? i.item) === (item.category ?? item.item) && i.item.toLowerCase() === item.item.toLowerCase());
    if (same < 0) out.push(item);
    else if (item.count > out[same]!.count) out[same] = item;
  }
  return out;
}

/**
 * One record per transfer: records with the same key merge, and a record without items merges into
 * one with the same parties and status (the first telling often names no counts: "has sent armored
 * vehicles", then "transferred 12 armored vehicles"). The earliest telling gives date and evidence;
 * items keep the largest count reported for each.
 */
export function mergeTransfers<T extends Transfer>(list: readonly T[]): MergedTransfer<T>[] {
  const out: MergedTransfer<T>[] = [];
  for (const t of list) {
    const key = transferKey(t);
    const target =
      out.find((m) => transferKey(m) === key) ??
      out.find((m) => sameParties(m, t) && (m.items.length === 0 || t.items.length === 0));
    if (!target) {
      out.push({ ...t, items: [...t.items], mergedFrom: [t] });
      continue;
    }
    target.items = mergeItems(target.items, t.items);
    target.mergedFrom.push(t);
    if (!target.date && t.date) target.date = t.date;
  }
  return out;
}
