/**
 * Scoring for the transfers-dev set (../shared/eval/transfers-dev/README.md): units, one-to-one greedy
 * matching within a case on supplier, recipient and item agreement, then count and status accuracy
 * among matches and units predicted on negative cases.
 */

/** One gold transfer (one item each), as cases.json holds it. */
export interface GoldTransfer {
  supplier: string | null;
  recipient: string | null;
  item: string;
  count: number | null;
  status: string;
  quote?: string;
}

/** One predicted unit: a (transfer, item) pair, or a transfer without an item. */
export interface PredictedUnit {
  supplier: string | null;
  recipient: string | null;
  item: string | null;
  count: number | null;
  status: string;
}

/** Tallies for a set of cases; add them up with addTally. */
export interface Tally {
  gold: number;
  predicted: number;
  matched: number;
  countRight: number;
  statusRight: number;
  negativeUnits: number;
}

export const emptyTally = (): Tally => ({ gold: 0, predicted: 0, matched: 0, countRight: 0, statusRight: 0, negativeUnits: 0 });

export function addTally(a: Tally, b: Tally): Tally {
  return {
    gold: a.gold + b.gold,
    predicted: a.predicted + b.predicted,
    matched: a.matched + b.matched,
    countRight: a.countRight + b.countRight,
    statusRight: a.statusRight + b.statusRight,
    negativeUnits: a.negativeUnits + b.negativeUnits,
  };
}

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'for', 'with', 'to', 'in', 'on', 'its', 'their', 'new']);

function contentWords(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => w.replace(/(?:es|s)$/, ''));
}

/** Model designations in an item: tokens with a letter and a digit (K9, S-400, Su-25, TB2) or an all-capital name (HIMARS). */
export function designations(s: string): string[] {
  const out: string[] = [];
  for (const raw of s.split(/[\s,/()]+/)) {
    const w = raw.replace(/['’]?s$/, '');
    if ((/[A-Za-z]/.test(w) && /\d/.test(w)) || /^[A-Z]{3,}$/.test(w)) out.push(w.toLowerCase().replace(/-/g, ''));
  }
  return out;
}

/** Whether a predicted item agrees with a gold item, by the set's three ways. */
export function itemsAgree(gold: string, predicted: string | null): boolean {
  if (!predicted) return false;
  const g = gold.toLowerCase();
  const p = predicted.toLowerCase();
  if (g.includes(p) || p.includes(g)) return true;
  const pd = new Set(designations(predicted));
  if (designations(gold).some((d) => pd.has(d))) return true;
  const gw = contentWords(gold);
  const pw = new Set(contentWords(predicted));
  return gw.length > 0 && gw.filter((w) => pw.has(w)).length * 2 >= gw.length;
}

function partyAgrees(gold: string | null, predicted: string | null): boolean {
  return gold === null || gold === predicted;
}

/** Matches one case's units greedily (gold in order, first agreeing prediction) and tallies them. */
export function scoreCase(gold: readonly GoldTransfer[], predicted: readonly PredictedUnit[], isNegative: boolean): { tally: Tally; pairs: Array<[GoldTransfer, PredictedUnit | null]>; unmatched: PredictedUnit[] } {
  const used = new Set<number>();
  const tally = emptyTally();
  tally.gold = gold.length;
  tally.predicted = predicted.length;
  if (isNegative) tally.negativeUnits = predicted.length;
  const pairs: Array<[GoldTransfer, PredictedUnit | null]> = [];
  for (const g of gold) {
    let best = -1;
    for (const [i, p] of predicted.entries()) {
      if (used.has(i)) continue;
      if (!partyAgrees(g.supplier, p.supplier) || !partyAgrees(g.recipient, p.recipient) || !itemsAgree(g.item, p.item)) continue;
      best = i;
      break;
    }
    if (best < 0) {
      pairs.push([g, null]);
      continue;
    }
    used.add(best);
    const p = predicted[best]!;
    tally.matched++;
    if (g.count === null || g.count === p.count) tally.countRight++;
    if (g.status === p.status) tally.statusRight++;
    pairs.push([g, p]);
  }
  return { tally, pairs, unmatched: predicted.filter((_, i) => !used.has(i)) };
}

/** Precision, recall, F1, count and status accuracy of a tally. */
export function figures(t: Tally): { precision: number; recall: number; f1: number; countAccuracy: number; statusAccuracy: number } {
  const precision = t.predicted ? t.matched / t.predicted : 0;
  const recall = t.gold ? t.matched / t.gold : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    countAccuracy: t.matched ? t.countRight / t.matched : 0,
    statusAccuracy: t.matched ? t.statusRight / t.matched : 0,
  };
}
