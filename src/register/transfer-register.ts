/**
 * The arms-transfer register across articles: the same transfer told by several outlets (or twice by one)
 * becomes one record listing every report, SIPRI-style. Reports join when they have the same supplier,
 * recipient, status and equipment (transferKey) and fall within REPORT_WINDOW_DAYS of each other.
 */
import { sameItem } from '../stages/transfers/merge.js';
import type { TransferItem } from '../core/doc.js';
import type { StoredTransfer } from '../store.js';

/** Outlets date one delivery by report, announcement or arrival day; a month apart is a different delivery. */
export const REPORT_WINDOW_DAYS = 30;

export interface RegisterReport {
  transferId: number;
  articleId: number;
  articleTitle: string | null;
  articleSource: string | null;
  articlePublished: string | null;
  evidence: StoredTransfer['evidence'];
}

export interface RegisterEntry {
  supplier: string | null;
  recipient: string | null;
  status: StoredTransfer['status'];
  /** Each item once, with the largest count any report gave (null when none gave one). */
  items: TransferItem[];
  /** The earliest date any report gave. */
  date: string | null;
  /** Distinct outlets that reported it (the outlet each article credits, so syndicated copies of one story count once). */
  outlets: string[];
  /** How many independent outlets told it: outlets.length, or 1 when no report names its outlet. */
  outletCount: number;
  reports: RegisterReport[];
}

/** Merges stored transfers (in any order) into register entries, newest first. */
export function buildRegister(transfers: readonly StoredTransfer[]): RegisterEntry[] {
  const sorted = [...transfers].sort((a, b) => dayNumber(when(a)) - dayNumber(when(b)) || a.id - b.id);
  const open = new Map<string, Array<{ entry: RegisterEntry; lastDay: number }>>();
  const entries: RegisterEntry[] = [];
  for (const t of sorted) {
    // Outlets name one item differently ("F-35 stealth fighters", "F-35A Lightning II jets"): entries of the
    // same parties and status join when their items name the same equipment (merge.ts's sameItem).
    const key = `${t.supplier ?? '?'}>${t.recipient ?? '?'}|${t.status}`;
    const day = dayNumber(when(t));
    const candidates = open.get(key) ?? [];
    let slot = candidates.find((c) => Math.abs(day - c.lastDay) <= REPORT_WINDOW_DAYS && sameEquipment(c.entry.items, t.items));
    if (!slot) {
      slot = {
        entry: {
          supplier: t.supplier,
          recipient: t.recipient,
          status: t.status,
          items: [],
          date: null,
          outlets: [],
          outletCount: 0,
          reports: [],
        },
        lastDay: day,
      };
      candidates.push(slot);
      open.set(key, candidates);
      entries.push(slot.entry);
    }
    const { entry } = slot;
    slot.lastDay = Math.max(slot.lastDay, day);
    entry.items = mergeItems(entry.items, t.items);
    if (t.date && (!entry.date || t.date < entry.date)) entry.date = t.date;
    if (t.articleSource && !entry.outlets.includes(t.articleSource)) entry.outlets.push(t.articleSource);
    entry.outletCount = Math.max(1, entry.outlets.length);
    entry.reports.push({
      transferId: t.id,
      articleId: t.articleId,
      articleTitle: t.articleTitle,
      articleSource: t.articleSource,
      articlePublished: t.articlePublished,
      evidence: t.evidence,
    });
  }
  return entries.reverse();
}

/** Whether two item lists name the same equipment: both empty, or every item of the shorter list has a same item in the other. */
function sameEquipment(a: readonly TransferItem[], b: readonly TransferItem[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((x) => long.some((y) => sameItem(x, y)));
}

function when(t: StoredTransfer): string | null {
  return t.date ?? t.articlePublished;
}

/** Days since the epoch of an ISO date (any precision); undated reports sort first and join nothing dated. */
function dayNumber(iso: string | null): number {
  if (!iso) return Number.NEGATIVE_INFINITY;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

function mergeItems(into: readonly TransferItem[], from: readonly TransferItem[]): TransferItem[] {
  const out = [...into];
  for (const item of from) {
    const i = out.findIndex((q) => sameItem(q, item));
    if (i < 0) out.push(item);
    else if (item.count !== null && (out[i]!.count === null || item.count > out[i]!.count)) out[i] = item;
  }
  return out;
}
