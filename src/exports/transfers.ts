/** The arms-transfer register as CSV and JSON lines, one row per transfer, items in one field. */
import type { StoredTransfer } from '../store.js';
import { toCsvText } from './csv.js';
import type { RegisterEntry } from '../register/transfer-register.js';
import type { TransferItem } from '../core/doc.js';

/** "12 armored vehicles; tanks": an unknown count is left out, never written as 0. */
export function itemsText(items: readonly TransferItem[]): string {
  return items.map((i) => (i.count === null ? i.item : `${i.count} ${i.item}`)).join('; ');
}

/** The sum of the counts given, or null when no item has one. */
export function totalCount(items: readonly TransferItem[]): number | null {
  const known = items.filter((i) => i.count !== null);
  return known.length ? known.reduce((sum, i) => sum + i.count!, 0) : null;
}

/** The transfers CSV's columns, in order (documented in docs/exports.md). */
export const TRANSFER_CSV_COLUMNS = [
  'id',
  'date',
  'supplier',
  'recipient',
  'status',
  'items',
  'total_count',
  'categories',
  'article_id',
  'article_title',
  'article_source',
  'article_published',
  'evidence',
] as const;

/** Transfers as RFC 4180 CSV with a header row. */
export function toTransfersCsv(transfers: readonly StoredTransfer[]): string {
  return toCsvText(
    TRANSFER_CSV_COLUMNS,
    transfers.map((t) => [
      t.id,
      t.date,
      t.supplier,
      t.recipient,
      t.status,
      itemsText(t.items),
      totalCount(t.items),
      [...new Set(t.items.map((i) => i.category).filter((c): c is string => Boolean(c)))].join('; '),
      t.articleId,
      t.articleTitle,
      t.articleSource,
      t.articlePublished,
      t.evidence.text,
    ]),
  );
}

/** Transfers as JSON lines: one stored transfer per line. */
export function toTransfersJsonl(transfers: readonly StoredTransfer[]): string {
  return transfers.map((t) => JSON.stringify(t)).join('\n') + (transfers.length > 0 ? '\n' : '');
}

/** The merged register's CSV columns: one row per transfer however many outlets told it. */
export const REGISTER_CSV_COLUMNS = [
  'date',
  'supplier',
  'recipient',
  'status',
  'items',
  'total_count',
  'categories',
  'outlets',
  'outlet_count',
  'report_count',
  'article_ids',
  'evidence',
] as const;

/** The merged register as RFC 4180 CSV; evidence is the first report's sentence. */
export function toRegisterCsv(entries: readonly RegisterEntry[]): string {
  return toCsvText(
    REGISTER_CSV_COLUMNS,
    entries.map((e) => [
      e.date,
      e.supplier,
      e.recipient,
      e.status,
      itemsText(e.items),
      totalCount(e.items),
      [...new Set(e.items.map((i) => i.category).filter((c): c is string => Boolean(c)))].join('; '),
      e.outlets.join('; '),
      e.outletCount,
      e.reports.length,
      e.reports.map((r) => r.articleId).join('; '),
      e.reports[0]?.evidence.text ?? '',
    ]),
  );
}

/** The merged register as JSON lines, each entry with its reports. */
export function toRegisterJsonl(entries: readonly RegisterEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length > 0 ? '\n' : '');
}
