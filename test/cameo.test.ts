/** data/cameo.json: every root and sub-code, QuadClass from the root, a PLOVER type from the 16 for all but statements. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cameoCodebook, cameoEntry, intentCode } from '../src/stages/events/codebook.js';
import { createContext } from '../src/core/context.js';

const ctx = createContext();
const PLOVER = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);

test('all 20 roots, with sub-codes under each', () => {
  const book = cameoCodebook(ctx);
  for (let r = 1; r <= 20; r++) {
    const root = String(r).padStart(2, '0');
    assert.ok(book.has(root), `root ${root}`);
    assert.ok([...book.keys()].some((c) => c.length > 2 && c.startsWith(root)), `sub-codes of ${root}`);
  }
  assert.ok(book.size >= 280);
});

test('QuadClass follows the root; Goldstein within -10..10; PLOVER one of the 16 (none for 01 statements)', () => {
  for (const entry of cameoCodebook(ctx).values()) {
    const root = Number(entry.root);
    assert.equal(entry.quadClass, root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4, entry.code);
    assert.ok(entry.goldstein >= -10 && entry.goldstein <= 10, entry.code);
    if (entry.root === '01' && !['016', '018', '019'].includes(entry.code)) assert.equal(entry.plover, null, entry.code);
    else assert.ok(entry.plover !== null && PLOVER.has(entry.plover), `${entry.code}: ${entry.plover}`);
  }
});

test('sub-code mappings the PLOVER records show', () => {
  const cases: [string, string][] = [['036', 'AGREE'], ['057', 'SUPPORT'], ['072', 'AID'], ['081', 'CONCEDE'], ['0871', 'RETREAT'], ['086', 'RETREAT'], ['090', 'ACCUSE'], ['100', 'REQUEST'], ['112', 'ACCUSE'], ['191', 'ASSAULT']];
  for (const [code, plover] of cases) assert.equal(cameoEntry(code, ctx).plover, plover, code);
  assert.equal(cameoEntry('0872', ctx).mode, 'withdraw');
  assert.equal(cameoEntry('072', ctx).context, 'military');
});

test('intent codes: planned aid is 033x, planned force is a threat (138x)', () => {
  assert.equal(intentCode('072', ctx), '0332');
  assert.equal(intentCode('042', ctx), '036');
  assert.equal(intentCode('190', ctx), '1384');
  assert.equal(intentCode('166', ctx), '1312');
  assert.equal(intentCode('111', ctx), '111');
  assert.throws(() => cameoEntry('99', ctx), /unknown CAMEO code/);
});

test('the coder reads CAMEO behaviour from attributes: intent, physical, domestic, protest, aid kinds', () => {
  assert.equal(cameoEntry('072', ctx).intent, '0332');
  assert.equal(cameoEntry('111', ctx).intent, undefined);
  assert.equal(cameoEntry('190', ctx).isPhysical, true);
  assert.equal(cameoEntry('042', ctx).isPhysical, undefined);
  assert.equal(cameoEntry('173', ctx).isDomestic, true);
  assert.equal(cameoEntry('141', ctx).isProtest, true);
  assert.deepEqual(cameoEntry('070', ctx).kinds, { military: '072', humanitarian: '073' });
});
