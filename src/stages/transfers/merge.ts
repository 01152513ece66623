/**
 * Merging transfers told more than once: within one article (the headline, the body and a summary
 * naming one delivery) and across outlets (the register calls mergeTransfers on several articles').
 * A delivered batch and the order or pledge it belongs to stay two records when their counts differ
 * (4 delivered of 6 ordered; a first batch with no count of an order of 12); otherwise the later
 * mention is the same transfer and the most advanced status is kept.
 */
import type { Transfer, TransferItem, TransferStatus } from '../../core/doc.js';

/** A merged transfer and the records it was made from (one per telling: evidence, article). */
export type MergedTransfer<T extends Transfer> = T & { mergedFrom: T[] };

const RANK: Record<TransferStatus, number> = { planned: 0, pledged: 1, approved: 2, ordered: 3, delivered: 4 };

/** Model designations in an item name, normalised ("Su-25s" -> "su25", "K9" -> "k9"). */
export function designationsOf(item: string): string[] {
  const out: string[] = [];
  for (const raw of item.split(/[\s,()]+/)) {
    const w = raw.replace(/['’]?s$/, '');
    if ((/[A-Za-z]/.test(w) && /\d/.test(w)) || /^[A-Z]{3,}$/.test(w)) out.push(w.toLowerCase().replace(/[-/]/g, ''));
  }
  return out;
}

/** Capitalised words of an item name, lower case, plural "s" dropped ("Leopard tanks" -> ["leopard"]). */
function names(item: string): string[] {
  return item.replace(/(?<=[a-z])-(?=[a-z])/gi, ' ').split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w.toLowerCase().replace(/['’]?s$/, ''));
}

function head(item: string): string {
  const last = item.toLowerCase().split(/\s+/).pop() ?? '';
  return last.replace(/(?:es|s)$/, '');
}

/** Whether two item names name the same equipment: a shared designation, else the same head noun. */
export function sameItem(a: TransferItem, b: TransferItem): boolean {
  const da = designationsOf(a.item);
  const db = designationsOf(b.item);
  // "F-35" and "F-35A" are one aircraft; "M142 HIMARS" and "HIMARS" share a name.
  if (da.length && db.length) return da.some((d) => db.some((e) => d === e || (e.startsWith(d) && /^[a-z]$/.test(e.slice(d.length))) || (d.startsWith(e) && /^[a-z]$/.test(d.slice(e.length)))));
  // "Tarvik-class corvette" and "Tarvik class corvette": a hyphen between words is a space.
  const x = a.item.toLowerCase().replace(/(?<=[a-z])-(?=[a-z])/g, ' ');
  const y = b.item.toLowerCase().replace(/(?<=[a-z])-(?=[a-z])/g, ' ');
  // "Rafale" and "Rafale jets", "artillery" and "122mm artillery shells"; but "20 mortars" and "3,000 rounds of mortar
  // ammunition" are two things: a contained name with another head noun is the same item only when one of them has no count.
  const isNameOnly = (item: string): boolean => item.split(/\s+/).every((w) => /^[A-Z]/.test(w));
  const shorter = x.length <= y.length ? a.item : b.item;
  const isLoose = a.count === null || b.count === null;
  if ((x.includes(y) || y.includes(x)) && (head(x) === head(y) || isNameOnly(shorter) || isLoose)) return true;
  // "Rosomak vehicles" and "ASCOD vehicles" share a head but name two models.
  const na = names(a.item);
  const nb = names(b.item);
  if (na.length && nb.length && !na.some((n) => nb.includes(n))) return false;
  // "Rafales" and "Rafale jets", "Gripens" and "Gripen E fighters": a model written by its name alone is the same model with a noun.
  if (na.length && nb.length && (isNameOnly(a.item) || isNameOnly(b.item))) return true;
  return (a.category ?? '') === (b.category ?? '') && head(a.item) === head(b.item);
}

/**
 * The identity of a transfer: supplier, recipient, status and the equipment it moves (designations,
 * else head nouns). Dates are left out on purpose: outlets date one delivery by report, announcement or arrival day.
 */
export function transferKey(t: Transfer): string {
  const things = [...new Set(t.items.map((i) => designationsOf(i.item)[0] ?? i.category ?? head(i.item)))].sort().join('+');
  return `${t.supplier ?? '?'}>${t.recipient ?? '?'}|${t.status}|${things}`;
}

/** A promise or a plan not yet a deal: its figure may change between tellings without making a second transfer. */
const isPromise = (t: Transfer): boolean => t.status === 'pledged' || t.status === 'planned';

/** Whether two single-item tellings are one transfer, by the batch-and-order rule above. */
function isSameTransfer(a: Transfer, b: Transfer): boolean {
  if (a.supplier !== b.supplier || a.recipient !== b.recipient) return false;
  const ia = a.items[0];
  const ib = b.items[0];
  if (!ia || !ib) return a.status === b.status && (a.items.length === 0 || b.items.length === 0);
  if (!sameItem(ia, ib)) return false;
  // "ordered 180 tanks ... ten are to be delivered this year": a schedule of the order, not a record of its own, whatever batch
  // it names ("the first tanks are due in 2026" of "a deal for 180 more").
  const isSchedule = (x: Transfer, y: Transfer): boolean => (x.status === 'ordered' || x.status === 'approved') && (y.status === 'pledged' || y.status === 'planned');
  if (isSchedule(a, b) || isSchedule(b, a)) return true;
  // "the third NASAMS" and "the fourth NASAMS" are two deliveries.
  const ba = (a as { batch?: string | null }).batch ?? null;
  const bb = (b as { batch?: string | null }).batch ?? null;
  // "deliveries have started ... the first batch arrived": a begun delivery is no batch of its own beside a numbered one.
  const isLoose = (x: string): boolean => x === 'batch' || x === 'started';
  if (ba && bb && ba !== bb && !isLoose(ba) && !isLoose(bb)) return false;
  // "six more of the jets": a further batch is never an earlier telling of its own; a headline's telling of that batch
  // with no count and the same stage is ("Egypt receives Rafale jets" over "took delivery of three more Rafales").
  // A telling dated in another year is an earlier delivery ("delivered JF-17s in 2021 ... six more in 2023").
  // So is a later telling with the same count and stage ("Poland signs deal for 180 more K2 tanks" over "signed a contract ...
  // for 180 K2 tanks"): a further batch is told after the one it adds to, never before it.
  if ((ba === 'more') !== (bb === 'more')) {
    const [further, plain] = ba === 'more' ? [a, b] : [b, a];
    const isOtherYear = a.date !== null && b.date !== null && a.date.slice(0, 4) !== b.date.slice(0, 4);
    const isRetold = plain.items[0]?.count === further.items[0]?.count && further.evidence.start < plain.evidence.start;
    if ((plain.items[0]?.count !== null && !isRetold) || a.status !== b.status || isOtherYear) return false;
  }
  // "Chile will send 20 tanks ... it had first said it would send only four": two figures of one promise are one record.
  if (isPromise(a) && isPromise(b)) return true;
  if (ia.count !== null && ib.count !== null) return ia.count === ib.count;
  if (a.status === b.status) return true;
  // A delivery with no count beside an order or pledge with one: a first batch, its own record.
  const nullOne = ia.count === null ? a : b;
  const countedOne = nullOne === a ? b : a;
  if (ia.count === null && ib.count === null) return true;
  // Only a telling marked as a part ("the first", "a batch of") is a batch; "the Chinooks have been delivered" is the whole order.
  const isPart = ((nullOne as { batch?: string | null }).batch ?? null) !== null;
  return !(nullOne.status === 'delivered' && countedOne.status !== 'delivered' && isPart);
}

function mergeItems(into: TransferItem[], from: readonly TransferItem[]): TransferItem[] {
  const out = [...into];
  for (const item of from) {
    const same = out.findIndex((i) => sameItem(i, item));
    if (same < 0) {
      out.push(item);
      continue;
    }
    const was = out[same]!;
    const count = was.count ?? item.count;
    // A telling with a designation, or with a noun beside a bare model name ("Gripens" -> "Gripen E fighters"), names the item better.
    const isNameOnly = (x: string): boolean => x.split(/\s+/).every((w) => /^[A-Z]/.test(w));
    // "F-16" -> "F-16 Block 70 fighters": a bare name that a later telling opens with and goes on from is named by that telling.
    const isFuller = isNameOnly(was.item) && item.item.toLowerCase().startsWith(`${was.item.toLowerCase()} `);
    const name = (designationsOf(was.item).length === 0 && designationsOf(item.item).length > 0) || (isNameOnly(was.item) && !isNameOnly(item.item) && designationsOf(was.item).length === 0) || isFuller ? item.item : was.item;
    const category = (was.category === 'military equipment' && item.category ? item.category : was.category) ?? null;
    out[same] = { ...was, item: name, category, count: item.count !== null && was.count !== null ? Math.max(was.count, item.count) : count };
  }
  return out;
}

/**
 * One record per transfer. Single-item records (the stage's) merge by isSameTransfer; records with
 * several items (older stores) merge when their keys agree. The most advanced status is kept; the
 * earliest telling gives date and evidence.
 */
export function mergeTransfers<T extends Transfer>(list: readonly T[]): MergedTransfer<T>[] {
  const out: MergedTransfer<T>[] = [];
  for (const [index, t] of list.entries()) {
    const key = transferKey(t);
    const same = (m: MergedTransfer<T>): boolean => (m.items.length <= 1 && t.items.length <= 1 ? isSameTransfer(m, t) : transferKey(m) === key);
    // A telling joins one of its own stage first ("Iraq receives jets" with "received the first batch"), then a deal of another stage,
    // unless that deal is a telling with no count whose own stage a later counted telling tells ("Taiwan receives Abrams tanks" over
    // "received the first 38 of 108 tanks it ordered": the headline is the 38 delivered, not the 108 ordered).
    const isOtherCounted = (m: MergedTransfer<T>): boolean =>
      m.items.length === 1 && m.items[0]!.count === null && t.items.length === 1 && t.items[0]!.count !== null &&
      list.slice(index + 1).some((u) => u.status === m.status && u.items.length === 1 && u.items[0]!.count !== null && u.items[0]!.count !== t.items[0]!.count && isSameTransfer(m, u));
    const target = out.find((m) => m.status === t.status && same(m)) ?? out.find((m) => same(m) && !isOtherCounted(m));
    if (!target) {
      out.push({ ...t, items: [...t.items], mergedFrom: [t] });
      continue;
    }
    // Two figures of one promise: the one told first (the lead's) stands.
    if (!(isPromise(t) && isPromise(target) && t.items.length === 1 && target.items.length === 1 && target.items[0]!.count !== null)) target.items = mergeItems(target.items, t.items);
    if (RANK[t.status] > RANK[target.status]) target.status = t.status;
    target.mergedFrom.push(t);
    // A telling marked as a part ("the first batch") makes the merged record a part of its deal.
    const batch = (t as { batch?: string | null }).batch;
    if (batch && !(target as { batch?: string | null }).batch) (target as { batch?: string | null }).batch = batch;
    if (!target.date && t.date) target.date = t.date;
  }
  return out;
}
