/** The seed page's golden transfers (../shared/golden/seed-000.expected.json) are each in the register. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SKIP_REASON, codeMatches, seed } from './seed-golden.js';

const golden = SKIP_REASON ? [] : seed().golden.transfers;

for (const [i, want] of golden.entries()) {
  test(`seed transfer ${i + 1}: ${want.count ?? ''} ${want.item ?? ''} ${want.status ?? ''}`, () => {
    const { doc } = seed();
    const transfers = doc.transfers ?? [];
    const found = transfers.find(
      (t) =>
        codeMatches(t.supplier, want.supplier) &&
        codeMatches(t.recipient, want.recipient) &&
        (want.status === undefined || t.status === want.status) &&
        t.items.some(
          (item) =>
            (want.count === undefined || item.count === want.count) &&
            (want.item === undefined || item.item.toLowerCase().includes(want.item.toLowerCase())),
        ),
    );
    assert.ok(found, `no transfer for ${JSON.stringify(want)}; register: ${JSON.stringify(transfers.map(({ evidence: _e, ...t }) => t))}`);
    assert.equal(doc.article!.text.slice(found.evidence.start, found.evidence.end), found.evidence.text);
  });
}

test('the seed golden file lists transfers', { skip: SKIP_REASON ?? false }, () => {
  assert.ok(golden.length > 0);
});
