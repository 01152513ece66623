/**
 * The seed page's golden events (../shared/golden/seed-000.expected.json) each have a matching coded event,
 * read from the sentence the golden item describes: the event's evidence shares the item's count and at
 * least two of the content words of its one-line description (by 5-letter stems), and no two golden items
 * are answered by the same event.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SKIP_REASON, codeMatches, seed } from './seed-golden.js';

const golden = SKIP_REASON ? [] : seed().golden.events;

/** 5-letter stems of a text's words of four letters or more. */
function stems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 5)));
}

/** Whether a sentence tells what a golden item describes: its count, and two of its content words. */
function describes(sentence: string, want: { what?: string; count?: number }): boolean {
  if (want.count !== undefined && !sentence.includes(String(want.count))) return false;
  const said = stems(sentence);
  return [...stems(want.what ?? '')].filter((s) => said.has(s)).length >= 2;
}

/** Events already taken by an earlier golden item (the items are checked in order, one event each). */
const taken = new Set<object>();

for (const [i, want] of golden.entries()) {
  test(`seed event ${i + 1}: ${want.what ?? ''}`, () => {
    const { doc } = seed();
    const events = doc.events ?? [];
    const found = events.find(
      (e) =>
        (want.cameo ?? []).some((p) => e.cameo.startsWith(p)) &&
        (want.plover === undefined || e.plover === want.plover) &&
        codeMatches(e.source?.code, want.source) &&
        codeMatches(e.target?.code, want.target) &&
        (want.date === undefined || e.date === want.date) &&
        (want.modality === undefined || e.modality === want.modality) &&
        (want.count === undefined || e.quantities.some((q) => q.count === want.count)) &&
        describes(e.evidence.text, want) &&
        !taken.has(e),
    );
    const seen = events
      .map((e) => `${e.cameo} ${e.source?.code ?? '-'}>${e.target?.code ?? '-'} ${e.date} ${e.modality}`)
      .join('\n  ');
    assert.ok(found, `no event for ${JSON.stringify(want)} in the sentence it describes; coded:\n  ${seen}`);
    taken.add(found);
    assert.equal(doc.article!.text.slice(found.evidence.start, found.evidence.end), found.evidence.text);
  });
}

test('seed events carry attribution through the outlet chain', { skip: SKIP_REASON ?? false }, () => {
  const { doc } = seed();
  const interfax = (doc.events ?? []).find((e) => e.evidence.text.includes('Interfax'));
  assert.ok(interfax, 'an event from the Interfax sentence');
  assert.deepEqual(interfax.attribution.via, ['Interfax', 'Iran Press TV', 'GlobalSecurity.org']);
});

test('the seed golden file lists events', { skip: SKIP_REASON ?? false }, () => {
  assert.ok(golden.length > 0);
});
