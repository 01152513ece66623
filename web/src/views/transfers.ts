/**
 * The arms-transfer register: one row per transfer merged across reports (/api/transfers/register),
 * with its items and counts (an unknown count left blank), status, how many independent outlets told
 * it, and the reports; a sortable table with a CSV download of what is shown.
 */
import { getJson, type RegisterEntry, type TransferItem } from '../api.js';
import { day, h, link, notice } from '../dom.js';
import { go, type Route } from '../router.js';
import { csvField } from '../csv.js';

interface Column {
  key: string;
  label: string;
  value: (e: RegisterEntry) => string | number;
}

function itemText(i: TransferItem): string {
  return i.count === null ? i.item : `${i.count} ${i.item}`;
}

const COLUMNS: Column[] = [
  { key: 'date', label: 'Date', value: (e) => e.date ?? e.reports[0]?.articlePublished?.slice(0, 10) ?? '' },
  { key: 'supplier', label: 'Supplier', value: (e) => e.supplier ?? '' },
  { key: 'recipient', label: 'Recipient', value: (e) => e.recipient ?? '' },
  { key: 'items', label: 'Items', value: (e) => e.items.map(itemText).join('; ') },
  { key: 'quantity', label: 'Quantity', value: (e) => (e.items.some((i) => i.count !== null) ? e.items.reduce((sum, i) => sum + (i.count ?? 0), 0) : '') },
  { key: 'status', label: 'Status', value: (e) => e.status },
  { key: 'outlets', label: 'Outlets', value: (e) => e.outletCount },
];

/** The rows shown, as CSV (what the download button saves). */
export function transfersCsv(rows: RegisterEntry[]): string {
  const header = [...COLUMNS.map((c) => c.label), 'Outlet names', 'Evidence', 'Articles'];
  const lines = rows.map((e) =>
    [...COLUMNS.map((c) => c.value(e)), e.outlets.join('; '), e.reports[0]?.evidence.text ?? '', e.reports.map((r) => r.articleTitle ?? `article ${r.articleId}`).join('; ')].map(csvField).join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

export async function renderTransfers(main: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const sortKey = COLUMNS.some((c) => c.key === p.get('sort')) ? p.get('sort')! : 'date';
  const isDescending = p.get('dir') !== 'asc';
  const actor = p.get('actor') ?? '';
  const rows = await getJson<RegisterEntry[]>('transfers/register', { actor, limit: 5000 });
  const column = COLUMNS.find((c) => c.key === sortKey)!;
  // An unknown quantity (blank) sorts below every known one.
  const sortValue = (e: RegisterEntry): string | number => {
    const v = column.value(e);
    return column.key === 'quantity' && v === '' ? -1 : v;
  };
  rows.sort((a, b) => {
    const x = sortValue(a);
    const y = sortValue(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return isDescending ? -order : order;
  });

  const actorInput = h('input', { type: 'text', id: 'tr-actor', value: actor, placeholder: 'RUS, POL…', size: 10 });
  const form = h('form', { class: 'filter-form', 'aria-label': 'Filter transfers' }, h('label', { for: 'tr-actor' }, 'Supplier or recipient'), actorInput, h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go('transfers', { actor: actorInput.value.trim(), sort: sortKey, dir: isDescending ? undefined : 'asc' });
  });
  const download = h('button', { type: 'button', id: 'transfers-csv' }, 'Download CSV');
  download.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([transfersCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: 'watchfloor-transfers.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  const head = h(
    'tr',
    {},
    ...COLUMNS.map((c) => {
      const isSorted = c.key === sortKey;
      const button = h('button', { type: 'button', class: 'sort-button' }, c.label, isSorted ? (isDescending ? ' ▼' : ' ▲') : '');
      button.addEventListener('click', () => go('transfers', { actor, sort: c.key, dir: isSorted && isDescending ? 'asc' : undefined }));
      return h('th', { scope: 'col', 'aria-sort': isSorted ? (isDescending ? 'descending' : 'ascending') : null }, button);
    }),
    h('th', { scope: 'col' }, 'Reports'),
  );
  const table = h(
    'table',
    { class: 'data-table', id: 'transfer-table' },
    h('caption', {}, `${rows.length} transfer${rows.length === 1 ? '' : 's'}, sorted by ${column.label.toLowerCase()}`),
    h('thead', {}, head),
    h(
      'tbody',
      {},
      ...rows.map((e) =>
        h(
          'tr',
          { 'data-status': e.status },
          ...COLUMNS.map((c) =>
            h(
              'td',
              { class: c.key === 'quantity' ? 'num' : c.key === 'outlets' ? 'outlets' : c.key === 'date' ? 'nowrap' : null, title: c.key === 'outlets' ? e.outlets.join(', ') : null },
              c.key === 'date' ? day(String(c.value(e)) || null) : String(c.value(e)),
            ),
          ),
          h('td', {}, ...e.reports.slice(0, 3).flatMap((r, i) => [i > 0 ? ' · ' : '', link(`#/article/${r.articleId}`, r.articleTitle ?? `article ${r.articleId}`)]), e.reports.length > 3 ? ` +${e.reports.length - 3}` : ''),
        ),
      ),
    ),
  );
  main.append(h('h1', {}, 'Arms-transfer register'), h('div', { class: 'toolbar' }, form, download), rows.length === 0 ? notice('No transfers recorded for this filter.') : table);
}
