/** The transfer register: statuses read from events, merging within an article and across outlets. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRIES, sketchDoc } from './helpers/event-fixtures.js';
import { codeEvents } from '../src/stages/events/index.js';
import { mergeTransfers, registerTransfers, transferKey } from '../src/stages/transfers/index.js';
import { createContext } from '../src/core/context.js';
import type { Transfer } from '../src/core/doc.js';

const ctx = createContext();

function register(text: string): Transfer[] {
  const doc = sketchDoc({ text, entities: Object.values(COUNTRIES), published: '2024-03-15T10:00:00' });
  doc.events = codeEvents(doc, ctx);
  return registerTransfers(doc, ctx);
}

const CASES: { text: string; supplier: string; recipient: string | null; status: Transfer['status']; count: number; category: string; comment: string }[] = [
  { text: 'Germany delivered three Leopard tanks to Ukraine.', supplier: 'DEU', recipient: 'UKR', status: 'delivered', count: 3, category: 'tanks', comment: 'delivered, number word' },
  { text: 'France will send 12 howitzers to Ukraine next month.', supplier: 'FRA', recipient: 'UKR', status: 'planned', count: 12, category: 'artillery', comment: 'future: planned' },
  { text: 'Germany pledged 40 armored vehicles to Ukraine.', supplier: 'DEU', recipient: 'UKR', status: 'pledged', count: 40, category: 'armoured vehicles', comment: 'pledge' },
  { text: 'India ordered 26 Rafale fighter jets from France.', supplier: 'FRA', recipient: 'IND', status: 'ordered', count: 26, category: 'aircraft', comment: 'purchase: buyer receives, seller supplies' },
];

for (const c of CASES) {
  test(`transfer: ${c.comment}`, () => {
    const transfers = register(c.text);
    const found = transfers.find((t) => t.supplier === c.supplier && t.recipient === c.recipient && t.status === c.status);
    assert.ok(found, `${c.text}: ${JSON.stringify(transfers)}`);
    assert.equal(found.items[0]?.count, c.count);
    assert.equal(found.items[0]?.category, c.category);
  });
}

test('no transfer from non-military aid or a negated delivery', () => {
  assert.deepEqual(register('Japan sent medicine to Turkey.'), []);
  assert.deepEqual(register('Germany did not deliver tanks to Ukraine.'), []);
});

test('two tellings in one article are one transfer, with the counted items', () => {
  const transfers = register('Russia has sent armored vehicles to Tajikistan. Russia said it had delivered 12 armored vehicles to Tajikistan.');
  assert.equal(transfers.length, 1);
  assert.deepEqual(transfers[0]!.items.map((i) => [i.count, i.item]), [[12, 'armored vehicles']]);
});

test('mergeTransfers: the same transfer from two outlets is one record listing both tellings', () => {
  const base: Transfer = {
    supplier: 'RUS', recipient: 'TJK', status: 'delivered', date: '2021-09-11',
    items: [{ count: 12, item: 'armored vehicles', category: 'armoured vehicles' }],
    evidence: { text: 'a', start: 0, end: 1 },
  };
  const other: Transfer = { ...base, date: '2021-09-10', items: [{ count: 12, item: 'Armored Vehicles', category: 'armoured vehicles' }] };
  const different: Transfer = { ...base, status: 'planned' };
  assert.equal(transferKey(base), transferKey(other));
  const merged = mergeTransfers([base, other, different]);
  assert.equal(merged.length, 2);
  assert.equal(merged[0]!.mergedFrom.length, 2);
  assert.equal(merged[0]!.date, '2021-09-11');
});
