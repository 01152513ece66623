import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRegister } from './transfer-register.js';
import type { StoredTransfer } from '../store.js';

let nextId = 1;
function report(
  source: string,
  published: string,
  count: number,
  overrides: Partial<StoredTransfer> = {},
): StoredTransfer {
  const id = nextId++;
  return {
    id,
    articleId: id,
    supplier: 'RUS',
    recipient: 'TJK',
    items: [{ count, item: 'armored vehicles', category: 'armoured vehicles' }],
    status: 'delivered',
    date: published,
    evidence: { text: 'sent armored vehicles', start: 0, end: 21 },
    articleTitle: `${source} report`,
    articleSource: source,
    articlePublished: published,
    ...overrides,
  };
}

test('one delivery told by three outlets is one record listing all three; a later delivery is another', () => {
  const register = buildRegister([
    report('Sever News Agency', '2021-09-11', 12),
    report('Meridian Wire', '2021-09-11', 12),
    report('Caspian Newswire', '2021-09-12', 0, {
      items: [{ count: 12, item: 'armoured vehicles', category: 'armoured vehicles' }],
    }),
    report('Meridian Wire', '2022-03-02', 8),
  ]);
  assert.equal(register.length, 2);
  const [later, first] = register;
  assert.deepEqual(first?.outlets, ['Sever News Agency', 'Meridian Wire', 'Caspian Newswire']);
  assert.equal(first?.reports.length, 3);
  assert.equal(first?.items[0]?.count, 12);
  assert.equal(first?.date, '2021-09-11');
  assert.equal(later?.reports.length, 1);
  assert.equal(later?.items[0]?.count, 8);
});

test('different status, recipient or equipment stay apart', () => {
  const register = buildRegister([
    report('A', '2021-09-11', 12),
    report('B', '2021-09-11', 30, { status: 'planned', items: [{ count: 30, item: 'tanks', category: 'tanks' }] }),
    report('C', '2021-09-11', 12, { recipient: 'KGZ' }),
  ]);
  assert.equal(register.length, 3);
  assert.ok(register.every((e) => e.reports.length === 1));
});

test('an approval is its own entry beside the delivery; each entry counts the independent outlets that told it', () => {
  const approved = (source: string, published: string) =>
    report(source, published, 0, { status: 'approved', supplier: 'USA', recipient: 'MAR', items: [{ count: null, item: 'F-16 fighter jets', category: 'aircraft' }] });
  const entries = buildRegister([approved('Outlet A', '2024-01-10'), approved('Outlet B', '2024-01-11'), approved('Outlet A', '2024-01-12'), report('Outlet C', '2024-01-10', 5)]);
  const approval = entries.find((e) => e.status === 'approved');
  assert.ok(approval);
  assert.equal(approval.outletCount, 2);
  assert.deepEqual(approval.outlets, ['Outlet A', 'Outlet B']);
  assert.equal(approval.items[0]!.count, null, 'an unknown count stays null, not 0');
  assert.equal(entries.find((e) => e.status === 'delivered')?.outletCount, 1);
});

test('two outlets naming one item differently ("F-35 stealth fighters", "F-35A jets") make one entry', () => {
  const jets = (source: string, item: string) => report(source, '2024-01-27', 0, { status: 'approved', supplier: 'USA', recipient: 'GRC', items: [{ count: 40, item, category: 'aircraft' }] });
  const entries = buildRegister([jets('Outlet A', 'F-35 stealth fighters'), jets('Outlet B', 'F-35A Lightning II jets'), jets('Outlet C', 'F-16 fighter jets')]);
  assert.equal(entries.length, 2);
  assert.equal(entries.find((e) => e.items.some((i) => i.item.startsWith('F-35')))?.outletCount, 2);
});
