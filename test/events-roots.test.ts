/**
 * One sentence of ours per CAMEO root (01..20), PETRARCH-style: input, expected root, source and
 * target codes (prefix match), and what each case tests. Entities are given by hand (test/helpers),
 * so the table checks the event coder alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRIES, sketchDoc, type EntitySketch } from './helpers/event-fixtures.js';
import { codeEvents } from '../src/stages/events/index.js';
import { createContext } from '../src/core/context.js';
import type { Modality } from '../src/core/doc.js';

interface Case {
  text: string;
  root: string;
  source: string | null;
  target: string | null;
  modality?: Modality;
  comment: string;
}

const CASES: Case[] = [
  { text: 'Iran declined to comment on the report.', root: '01', source: 'IRN', target: null, comment: 'statement with no target' },
  { text: 'Ukraine appealed to Germany for more air-defence systems.', root: '02', source: 'UKR', target: 'DEU', comment: 'appeal: target after "to"' },
  { text: 'France offered to mediate between India and Pakistan.', root: '03', source: 'FRA', target: 'IND', comment: 'intent to mediate; the first of two targets' },
  { text: 'The Chinese foreign minister visited Pakistan on Tuesday.', root: '04', source: 'CHNGOV', target: 'PAK', comment: 'demonym + role noun makes a government actor' },
  { text: "Poland praised Ukraine's defence of its eastern cities.", root: '05', source: 'POL', target: 'UKR', comment: 'possessive object' },
  { text: 'Germany extradited two suspects to Poland.', root: '06', source: 'DEU', target: 'POL', comment: 'judicial cooperation' },
  { text: 'Russia has sent 12 armored vehicles to Tajikistan.', root: '07', source: 'RUS', target: 'TJK', comment: 'military aid with a count' },
  { text: 'Turkey lifted the ban on Syrian imports.', root: '08', source: 'TUR', target: 'SYR', comment: 'easing a ban: object read through a demonym' },
  { text: 'Germany opened an investigation into Russian spying.', root: '09', source: 'DEU', target: 'RUS', comment: 'investigation with a gap inside the phrase' },
  { text: 'The United States demanded that Iran halt uranium enrichment.', root: '10', source: 'USA', target: 'IRN', comment: 'demand: target after "that"' },
  { text: 'China condemned the Japanese defence white paper.', root: '11', source: 'CHN', target: 'JPN', comment: 'criticism of a thing owned by an actor' },
  { text: "Pakistan rejected India's offer of talks.", root: '12', source: 'PAK', target: 'IND', comment: 'rejecting a proposal' },
  { text: 'North Korea threatened to attack South Korea.', root: '13', source: 'PRK', target: 'KOR', comment: 'threat governs the verb it introduces (no separate attack)' },
  { text: 'Thousands of Iranian demonstrators staged a rally against Israel.', root: '14', source: 'IRN', target: 'ISR', comment: 'subject inside "of" phrase still found' },
  { text: 'Russia deployed troops to the border with Ukraine.', root: '15', source: 'RUS', target: 'UKR', comment: 'force posture' },
  { text: 'France recalled its ambassador from Turkey.', root: '16', source: 'FRA', target: 'TUR', comment: 'reducing relations' },
  { text: 'Iranian police arrested two British journalists.', root: '17', source: 'IRNCOP', target: 'GBR', comment: 'role code COP from "police"' },
  { text: 'Pakistani militants abducted two Chinese engineers.', root: '18', source: 'PAKREB', target: 'CHN', comment: 'unconventional violence by a non-state actor' },
  { text: 'Russian forces shelled the Ukrainian city of Kharkiv.', root: '19', source: 'RUSMIL', target: 'UKR', comment: 'artillery: role MIL from "forces"' },
  { text: 'Syria used chemical weapons in 2013.', root: '20', source: 'SYR', target: null, comment: 'weapons of mass destruction, no target' },
  { text: 'Two Ukrainian soldiers were killed by Russian artillery fire.', root: '19', source: 'RUS', target: 'UKR', comment: 'passive: agent after "by" is the source' },
  { text: 'Russia said Washington had undermined stability in the region.', root: '11', source: 'RUS', target: 'USA', comment: 'reported speech: the speaker blames the inner subject' },
  { text: "Russia's defense ministry said it had delivered 30 tanks to Tajikistan.", root: '07', source: 'RUS', target: 'TJK', comment: 'possessive role actor; "it" points back to the speaker' },
  { text: 'The United States and its allies invaded Afghanistan.', root: '19', source: 'USA', target: 'AFG', comment: 'compound actor' },
  { text: 'Moscow will deliver 30 new tanks to Tajikistan by the end of the year.', root: '03', source: 'RUS', target: 'TJK', modality: 'planned', comment: 'planned aid is coded as intent (033)' },
  { text: 'Egyptian police dispersed demonstrators in Cairo.', root: '17', source: 'EGYCOP', target: 'EGYCVL', comment: 'a role noun with no country belongs to the acting country' },
  { text: 'A judge opened an investigation into Turkish officials.', root: '09', source: 'TURJUD', target: 'TUR', comment: 'a state organ acting at home takes the country it acts on' },
  { text: 'Thousands of people rallied in Tehran against Israel.', root: '14', source: 'IRN', target: 'ISR', comment: 'unnamed protesters take the place of the protest' },
  { text: 'Turkey did not send troops to Syria.', root: '07', source: 'TUR', target: 'SYR', modality: 'negated', comment: 'negation keeps the code, changes the modality' },
];

const ENTITIES: EntitySketch[] = Object.values(COUNTRIES);

for (const c of CASES) {
  test(`root ${c.root}: ${c.comment}`, () => {
    const doc = sketchDoc({ text: c.text, entities: ENTITIES, published: '2024-03-15T10:00:00' });
    const events = codeEvents(doc, createContext());
    const found = events.find(
      (e) =>
        e.cameo.startsWith(c.root) &&
        (c.source === null ? true : (e.source?.code ?? '').startsWith(c.source)) &&
        (c.target === null ? e.target === null : (e.target?.code ?? '').startsWith(c.target)),
    );
    const seen = events.map((e) => `${e.cameo} ${e.source?.code ?? '-'}>${e.target?.code ?? '-'} ${e.modality}`).join('; ');
    assert.ok(found, `"${c.text}": want ${c.root} ${c.source}>${c.target}, got ${seen || 'nothing'}`);
    if (c.modality) assert.equal(found.modality, c.modality);
    assert.equal(doc.article!.text.slice(found.evidence.start, found.evidence.end), found.evidence.text);
  });
}

test('a compound subject is split into its members, one event each, by canonical name', () => {
  const doc = sketchDoc({ text: 'Germany and France have agreed to hold joint military exercises.', entities: ENTITIES });
  const events = codeEvents(doc, createContext());
  assert.deepEqual(
    events.map((e) => [e.source?.name, e.source?.code, e.cameo.slice(0, 2)]),
    [
      ['Germany', 'DEU', '03'],
      ['France', 'FRA', '03'],
    ],
  );
  assert.deepEqual(events.map((e) => e.roles?.source?.text), ['Germany', 'France']);
});

test('every root 01..20 has a case', () => {
  const roots = new Set(CASES.map((c) => c.root));
  for (let r = 1; r <= 20; r++) assert.ok(roots.has(String(r).padStart(2, '0')), `root ${r}`);
});
