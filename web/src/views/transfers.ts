/** The arms-transfer register: a sortable table of who supplies what to whom, with a CSV download of what is shown. */
import { getJson, type StoredTransfer } from '../api.js';
import { day, h, link, notice } from '../dom.js';
import { go, type Route } from '../router.js';

interface Column {
  key: string;
  label: string;
  value: (t: StoredTransfer) => string | number;
}

const COLUMNS: Column[] = [
  { key: 'date', label: 'Date', value: (t) => t.date ?? t.articlePublished?.slice(0, 10) ?? '' },
  { key: 'supplier', label: 'Supplier', value: (t) => t.supplier ?? '' },
  { key: 'recipient', label: 'Recipient', value: (t) => t.recipient ?? '' },
  { key: 'items', label: 'Items', value: (t) => t.items.map((i) => `${i.count} ${i.item}`).join('; ') },
  { key: 'quantity', label: 'Quantity', value: (t) => t.items.reduce((sum, i) => sum + i.count, 0) },
  { key: 'status', label: 'Status', value: (t) => t.status },
  { key: 'source', label: 'Source', value: (t) => t.articleSource ?? '' },
];

/** One CSV field, quoted when needed; a leading = + - @ is defused so spreadsheets do not treat it as a formula. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function transfersCsv(rows: StoredTransfer[]): string {
  const header = [...COLUMNS.map((c) => c.label), 'Evidence', 'Article'];
  const lines = rows.map((t) => [...COLUMNS.map((c) => c.value(t)), t.evidence.text, t.articleTitle ?? ''].map(csvField).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

export async function renderTransfers(main: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const sortKey = COLUMNS.some((c) => c.key === p.get('sort')) ? p.get('sort')! : 'date';
  const isDescending = p.get('dir') !== 'asc';
  const actor = p.get('actor') ?? '';
  const rows = await getJson<StoredTransfer[]>('transfers', { actor, limit: 5000 });
  const column = COLUMNS.find((c) => c.key === sortKey)!;
  rows.sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
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
    h('th', { scope: 'col' }, 'Article'),
  );
  const table = h(
    'table',
    { class: 'data-table', id: 'transfer-table' },
    h('caption', {}, `${rows.length} transfer${rows.length === 1 ? '' : 's'}, sorted by ${column.label.toLowerCase()}`),
    h('thead', {}, head),
    h(
      'tbody',
      {},
      ...rows.map((t) =>
        h(
          'tr',
          {},
          ...COLUMNS.map((c) => h('td', { class: c.key === 'quantity' ? 'num' : c.key === 'date' ? 'nowrap' : null }, c.key === 'date' ? day(String(c.value(t)) || null) : String(c.value(t)))),
          h('td', {}, link(`#/article/${t.articleId}`, t.articleTitle ?? `article ${t.articleId}`)),
        ),
      ),
    ),
  );
  main.append(h('h1', {}, 'Arms-transfer register'), h('div', { class: 'toolbar' }, form, download), rows.length === 0 ? notice('No transfers recorded for this filter.') : table);
}
