/**
 * People and bodies our own knowledge leaves without a code take the Phoenix dictionaries' code
 * (data/phoenix-actors.json, scripts/build-phoenix-actors.ts), dated by the article. Sentences and
 * dictionary lines written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRIES, sketchDoc } from './helpers/event-fixtures.js';
import { codeEvents } from '../src/stages/events/index.js';
import { phoenixCode } from '../src/stages/events/actors.js';
import { createContext } from '../src/core/context.js';
import { buildLexicon, fullDate, nameKey, readActors, readBracket } from '../scripts/build-phoenix-actors.js';

const ctx = createContext();

test('phoenix build: a bracket reads as code and dates, two-digit years split at 30', () => {
  assert.deepEqual(readBracket('XYZGOV 850301-921130'), { code: 'XYZGOV', from: '19850301', to: '19921130' });
  assert.deepEqual(readBracket('XYZGOV >120101'), { code: 'XYZGOV', from: '20120101', to: '' });
  assert.deepEqual(readBracket('IGOUNO'), { code: 'IGOUNO', from: '', to: '' });
  assert.equal(readBracket('---'), null);
  assert.equal(fullDate('291231'), '20291231');
  assert.equal(nameKey('JEAN-PAUL_DU_MONT_(JPDM)_'), 'jean paul du mont');
  assert.equal(nameKey('Jérôme Dupré'), 'jerome dupre');
});

test('phoenix build: aliases share their entry; a name read for two countries, a lone word for a person and an unknown country are dropped', () => {
  const people = [
    'ODILE_VARENNE_  # invented',
    '+ODILE_M._VARENNE',
    '\t[FRAGOV 010101-050101]',
    'PAUL_LEGRAND_',
    '\t[FRAGOV 010101-050101]',
    'PAUL_LEGRAND_',
    '\t[DEUGOV 060101-080101]',
    'VARENNE_',
    '\t[FRAGOV 010101-050101]',
    'NOBODY_KNOWN_',
    '\t[QQQGOV 010101-050101]',
  ];
  const groups = ['GREY_HERON_FRONT_ [TURREB] # invented', '+GHF_'];
  const entries = readActors(people);
  assert.deepEqual(entries[0]?.names, ['ODILE_VARENNE_', 'ODILE_M._VARENNE']);
  const lexicon = buildLexicon([{ kind: 'people', lines: people }, { kind: 'groups', lines: groups }], new Set(['FRA', 'DEU', 'TUR']));
  assert.equal(lexicon['odile varenne'], 'FRAGOV 20010101-20050101');
  assert.equal(lexicon['odile m varenne'], 'FRAGOV 20010101-20050101');
  assert.equal(lexicon['paul legrand'], undefined);
  assert.equal(lexicon.varenne, undefined);
  assert.equal(lexicon['nobody known'], undefined);
  assert.equal(lexicon.ghf, 'TURREB');
});

test('phoenix code: the spell holding the date, else the country alone, else nothing', () => {
  // A Malian president of the 1990s, as the shipped dictionary lists him.
  assert.equal(phoenixCode('Alpha Oumar Konare', '1995-06-01', ctx), 'MLIGOV');
  assert.equal(phoenixCode('Alpha Oumar Konaré', '1995-06-01', ctx), 'MLIGOV', 'accents are folded');
  assert.equal(phoenixCode('Alpha Oumar Konare', null, ctx)?.slice(0, 3), 'MLI');
  assert.equal(phoenixCode('Zzyzx Quorble', '1995-06-01', ctx), null);
});

test('events: a former head of state our knowledge does not list is coded from the dictionary at the article date', () => {
  const text = 'Alpha Oumar Konare condemned Egypt over the closed crossing on Tuesday.';
  const doc = sketchDoc({
    text,
    published: '1996-03-05',
    entities: [COUNTRIES.EGY!, { name: 'Alpha Oumar Konare', type: 'person', surfaces: ['Alpha Oumar Konare'] }],
  });
  const events = codeEvents(doc, ctx);
  assert.ok(
    events.some((e) => e.source?.code === 'MLIGOV' && e.target?.code === 'EGY'),
    events.map((e) => `${e.plover}(${e.source?.code}>${e.target?.code})`).join(' '),
  );
});

test('events: a person with an affiliation keeps it; the dictionary is only a fallback', () => {
  const text = 'Alpha Oumar Konare condemned Egypt over the closed crossing on Tuesday.';
  const doc = sketchDoc({
    text,
    published: '1996-03-05',
    entities: [COUNTRIES.EGY!, { name: 'Alpha Oumar Konare', type: 'person', affiliation: 'TJK', surfaces: ['Alpha Oumar Konare'] }],
  });
  const events = codeEvents(doc, ctx);
  assert.ok(events.length > 0);
  for (const e of events) assert.notEqual(e.source?.code?.slice(0, 3), 'MLI');
});
