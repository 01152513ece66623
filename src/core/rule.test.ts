import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClaimRule, MatchRule, PatternRule, Provenance, Refiner } from './rule.js';
import { applyRefiners, applyRules, checkDictionary, entryRuleId, firstClaim, stamp } from './rule.js';

const TEXT = 'The harbour ferry left at dawn. Two tugboats followed it out.';

const countWord: PatternRule<number> = {
  id: 'test/count-word',
  pattern: /\b(one|two|three)\b/gi,
  extract: (m) => ['one', 'two', 'three'].indexOf((m[1] as string).toLowerCase()) + 1,
};

const boats: MatchRule<string> = {
  id: 'test/boats',
  *find(text) {
    for (const word of ['ferry', 'tugboats']) {
      const at = text.indexOf(word);
      if (at >= 0) yield { value: word, start: at, end: at + word.length };
    }
  },
};

test('applyRules attaches the rule id and the words that fired, in text order, offsets into the whole text', () => {
  const findings = applyRules<number | string, unknown>([countWord, boats], TEXT.slice(4), undefined, 4);
  assert.deepEqual(
    findings.map((f) => [f.rule, f.value, f.trigger.text, f.trigger.start]),
    [
      ['test/boats', 'ferry', 'ferry', 12],
      ['test/count-word', 2, 'Two', 32],
      ['test/boats', 'tugboats', 'tugboats', 36],
    ],
  );
  for (const f of findings) assert.equal(TEXT.slice(f.trigger.start, f.trigger.end), f.trigger.text);
});

test('a pattern rule without the g flag and a hit outside its text are broken rules', () => {
  assert.throws(() => applyRules([{ ...countWord, pattern: /two/i }], TEXT, undefined), /test\/count-word: pattern needs the g flag/);
  const wild: MatchRule<string> = { id: 'test/wild', find: () => [{ value: 'x', start: 5, end: 500 }] };
  assert.throws(() => applyRules([wild], TEXT, undefined), /test\/wild: span 5-500 lies outside/);
});

test('firstClaim: the first claim rule that reads the whole text wins, and its trigger is the text', () => {
  const menu: ClaimRule<{ isMenu: true }, void> = { id: 'test/menu', read: (line) => (/^(?:\w+ \| )+\w+$/.test(line) ? { isMenu: true } : null) };
  const short: ClaimRule<{ isMenu: true }, void> = { id: 'test/short', read: (line) => (line.length < 30 ? { isMenu: true } : null) };
  const claim = firstClaim([menu, short], 'Home | World | Sport', undefined, 100);
  assert.equal(claim?.rule, 'test/menu');
  assert.deepEqual(claim?.trigger, { text: 'Home | World | Sport', start: 100, end: 120 });
  assert.equal(firstClaim([menu, short], 'A short line', undefined)?.rule, 'test/short');
  assert.equal(firstClaim([menu, short], 'A line long enough to be prose, not a menu at all', undefined), null);
});

test('stamp adds rule and trigger to a finding built by hand, without changing the value given', () => {
  const value = { kind: 'departure' };
  const at = TEXT.indexOf('left');
  const found = stamp(value, 'test/left', TEXT, { start: at, end: at + 4 });
  assert.deepEqual(found, { kind: 'departure', rule: 'test/left', trigger: { text: 'left', start: at, end: at + 4 } });
  assert.deepEqual(value, { kind: 'departure' });
  assert.deepEqual(stamp(value, 'test/left', TEXT, null), { kind: 'departure', rule: 'test/left' });
  // A part of the article starting at 32: offsets come back in whole-article terms.
  assert.deepEqual(stamp({}, 'test/two', TEXT.slice(32), { start: 0, end: 3 }, 32).trigger, { text: 'Two', start: 32, end: 35 });
  assert.throws(() => stamp({}, 'test/bad', TEXT, { start: 50, end: 80 }), /test\/bad: trigger 50-80 lies outside/);
});

interface Name extends Provenance {
  text: string;
  kind: 'person' | 'organization' | 'place';
}

test('applyRefiners records which refiner changed a finding, keeps unchanged ones as they were', () => {
  const names: Name[] = [
    { text: 'Orla Brennan', kind: 'person', rule: 'test/model:ner' },
    { text: 'Brennan Shipping Ltd', kind: 'person', rule: 'test/model:ner' },
    { text: 'Kilrush', kind: 'place', rule: 'test/gazetteer' },
  ];
  const legalForm: Refiner<Name> = {
    id: 'test/refiner:legal-form',
    refine: (found) => found.map((n) => (/\bLtd$/.test(n.text) && n.kind !== 'organization' ? { ...n, kind: 'organization' as const } : n)),
  };
  const dropShort: Refiner<Name> = { id: 'test/refiner:drop-short', refine: (found) => found.filter((n) => n.text.length > 7) };
  const out = applyRefiners(names, [legalForm, dropShort], undefined);
  assert.deepEqual(out, [
    { text: 'Orla Brennan', kind: 'person', rule: 'test/model:ner' },
    { text: 'Brennan Shipping Ltd', kind: 'organization', rule: 'test/refiner:legal-form', history: ['test/model:ner'] },
  ]);
  assert.equal(out[0], names[0], 'an unchanged finding is the same object');
});

test('a refiner cannot edit a finding in place', () => {
  const editor: Refiner<Name> = {
    id: 'test/refiner:editor',
    refine: (found) => {
      (found[0] as Name).kind = 'place';
      return found;
    },
  };
  assert.throws(() => applyRefiners([{ text: 'Cobh', kind: 'person', rule: 'test/x' }], [editor], undefined), TypeError);
});

test('a finding a refiner makes from nothing is credited to it alone', () => {
  const adder: Refiner<Name> = { id: 'test/refiner:adder', refine: (found) => [...found, { text: 'Shannon', kind: 'place', rule: '' }] };
  assert.deepEqual(applyRefiners([], [adder], undefined), [{ text: 'Shannon', kind: 'place', rule: 'test/refiner:adder' }]);
});

test('dictionary entries: stable ids named in rule ids, unique, with a source', () => {
  assert.equal(entryRuleId('events/verb', { id: 'cameo2:0234' }), 'events/verb:cameo2:0234');
  checkDictionary('test-verbs', [
    { id: 'sail-out', source: 'ours' },
    { id: 'cameo2:0234', source: 'cameo-2.0' },
  ]);
  assert.throws(() => checkDictionary('test-verbs', [{ id: 'a', source: 'ours' }, { id: 'a', source: 'ours' }]), /test-verbs: id "a" is used twice/);
  assert.throws(() => checkDictionary('test-verbs', [{ id: 'Has Space', source: 'ours' }]), /test-verbs: entry 0 has no valid id/);
  assert.throws(() => checkDictionary('test-verbs', [{ id: 'b' }]), /test-verbs: entry "b" has no source/);
});
