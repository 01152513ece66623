/** The page budget reads the processor clock only once the time passed could have spent it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from './doc.js';
import { isBudgetSpent, startBudget } from './budget.js';

test('a page well within its budget is checked without reading the processor time', (t) => {
  const doc = createDoc({ origin: 'budget-clock.txt', bytes: Buffer.from('Boats came back at dawn.'), capturedAt: '2024-01-01T00:00:00Z' });
  startBudget(doc, 60_000);
  const cpuUsage = t.mock.method(process, 'cpuUsage');
  for (let i = 0; i < 10; i++) assert.equal(isBudgetSpent(doc), false);
  assert.equal(cpuUsage.mock.callCount(), 0);
});

test('once the time passed exceeds the budget, the processor time decides', (t) => {
  const doc = createDoc({ origin: 'budget-clock.txt', bytes: Buffer.from('Boats came back at dawn.'), capturedAt: '2024-01-01T00:00:00Z' });
  const budget = startBudget(doc, 5);
  budget.startedAt -= 1000;
  const cpuUsage = t.mock.method(process, 'cpuUsage', () => ({ user: 0, system: 0 }));
  // a second of waiting but no processor time used: not spent
  assert.equal(isBudgetSpent(doc), false);
  assert.equal(cpuUsage.mock.callCount(), 1);
  cpuUsage.mock.mockImplementation(() => ({ user: 1_000_000, system: 0 }));
  assert.equal(isBudgetSpent(doc), true);
});
