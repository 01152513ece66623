/**
 * Event coding, one test per error class seen on real news (issue 13), on sentences written for
 * these tests. Documents run through the real sentences and syntax stages (test/helpers/event-fixtures.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRIES, sketchDoc, type EntitySketch } from './helpers/event-fixtures.js';
import { codeEvents } from '../src/stages/events/index.js';
import { createContext } from '../src/core/context.js';
import type { Event } from '../src/core/doc.js';

const ctx = createContext();
const ENTITIES: EntitySketch[] = [
  ...Object.values(COUNTRIES),
  { name: 'Hezbollah', type: 'organization', code: 'LBNREB' },
];

function eventsOf(text: string, extra: Partial<Parameters<typeof sketchDoc>[0]> = {}): Event[] {
  return codeEvents(sketchDoc({ text, entities: ENTITIES, ...extra }), ctx);
}

function triple(e: Event): string {
  return `${e.plover}(${e.source?.code ?? '-'}>${e.target?.code ?? '-'})`;
}

test('target: a thing (a law) is no target, and no actor of another clause stands in for it', () => {
  const [praise] = eventsOf('Japan praised the new fishing law.');
  assert.ok(praise);
  assert.equal(praise.target, null);
});

test('target: the source is never its own target', () => {
  for (const e of eventsOf('Turkey warned Turkey-based smugglers and Syria.')) assert.notEqual(e.target?.code, e.source?.code, triple(e));
});

test('target: "to X" after the object names the recipient ("sent drones to X")', () => {
  const events = eventsOf('Turkey quietly sent forty drones to Pakistan last winter.');
  assert.ok(events.some((e) => e.source?.code === 'TUR' && e.target?.code === 'PAK'), events.map(triple).join(' '));
});

test('source: the subject of a relative clause is the noun it describes', () => {
  const events = eventsOf('Japan criticized Iran, which attacked Israel.');
  assert.ok(events.some((e) => e.plover === 'ACCUSE' && e.source?.code === 'JPN' && e.target?.code === 'IRN'), events.map(triple).join(' '));
  assert.ok(events.some((e) => e.plover === 'ASSAULT' && e.source?.code === 'IRN' && e.target?.code === 'ISR'), events.map(triple).join(' '));
});

test('capability: "can strike" states an ability, not an act', () => {
  assert.deepEqual(eventsOf('Iran can strike Israel with its rockets.').map(triple), []);
});

test('conditional and negated acts keep their modality', () => {
  const [conditional] = eventsOf('If Syria attacks Turkey, nobody will be surprised.');
  assert.equal(conditional?.modality, 'hypothetical');
  const [negated] = eventsOf('China did not attack India.');
  assert.equal(negated?.modality, 'negated');
});

test('figurative object: "destroying all ties" reduces relations, it destroys no property', () => {
  const [e] = eventsOf('Turkey is destroying all ties with Syria.');
  assert.ok(e);
  assert.equal(e.cameo, '161');
  assert.equal(e.target?.code, 'SYR');
});

test('figurative subject: "actions threaten peace" codes no threat', () => {
  assert.deepEqual(eventsOf("Iran's actions threaten peace, Israel said.").filter((e) => e.plover === 'THREATEN').map(triple), []);
});

test("figurative subject: a possessed noun of conduct judges, an actor's own force still acts", () => {
  assert.deepEqual(eventsOf("Syria's provocations threatened the ceasefire, Turkey said.").filter((e) => e.plover === 'THREATEN').map(triple), []);
  assert.deepEqual(eventsOf("Syria's army threatened Turkey.").filter((e) => e.plover === 'THREATEN').map((e) => e.source?.code?.slice(0, 3)), ['SYR']);
});

test('wrong source: a first person inside reported speech is the speaker', () => {
  const events = eventsOf('We will punish Iran, Israel said.');
  assert.ok(events.some((e) => e.source?.code === 'ISR' && e.target?.code === 'IRN'), events.map(triple).join(' '));
});

test('wrong source: the speaker of "X said that ..." does not replace the embedded subject', () => {
  const events = eventsOf('Britain said that Iran attacked Israel.');
  const assault = events.find((e) => e.plover === 'ASSAULT');
  assert.ok(assault);
  assert.equal(assault.source?.code, 'IRN');
  assert.equal(assault.target?.code, 'ISR');
});

test('wrong source: the dateline and the outlet credit are never actors', () => {
  const events = eventsOf('KYIV, March 3 (TASS) - Poland criticized Ukraine.');
  assert.ok(events.length > 0);
  for (const e of events) {
    assert.equal(e.source?.code, 'POL', triple(e));
    assert.equal(e.target?.code, 'UKR', triple(e));
  }
});

test('passive: the one attacked is the target, the "by" phrase the source', () => {
  const [e] = eventsOf('Germany was attacked by Iran.');
  assert.ok(e);
  assert.equal(e.source?.code, 'IRN');
  assert.equal(e.target?.code, 'DEU');
});

test('passive without an agent and no such act told before: nothing printed, never the victim as source', () => {
  assert.deepEqual(eventsOf('Syria was attacked on Monday.').map(triple), []);
});

test('event noun: a possessor is the source and "to X" the target', () => {
  const events = eventsOf("India's visit to Japan ended on Friday.");
  assert.ok(events.some((e) => e.cameo === '042' && e.source?.code === 'IND' && e.target?.code === 'JPN'), events.map(triple).join(' '));
});

test('provenance: rule names the dictionary entry, trigger the predicate words, roles the arcs', () => {
  const text = 'Egypt hosted delegates from Japan.';
  const [e] = eventsOf(text);
  assert.ok(e);
  assert.match(e.rule ?? '', /^events\/verb:ours:043:host$/);
  assert.deepEqual(e.trigger, { text: 'hosted', start: 6, end: 12 });
  assert.equal(e.roles?.source?.text, 'Egypt');
  assert.deepEqual(e.evidence, { text, start: 0, end: text.length });
});

test('derived dictionary: a bare verb known only from CAMEO 2.0 codes between two actors, and names its entry', () => {
  const [e] = eventsOf('Poland berated Germany on Monday.');
  assert.ok(e);
  assert.equal(e.rule, 'events/verb:cameo2:berate:111');
  assert.equal(triple(e), 'ACCUSE(POL>DEU)');
  assert.deepEqual(eventsOf('Poland berated the proposal on Monday.').map(triple), []);
});

test('purpose clause: "sent X to Y to condemn Z" codes the sending, not the condemnation it aims at', () => {
  const events = eventsOf('Japan sent a large team of its most senior diplomats to Egypt on Monday to condemn Syria.');
  assert.ok(events.some((e) => e.source?.code === 'JPN' && e.target?.code === 'EGY'), events.map(triple).join(' '));
  assert.ok(!events.some((e) => e.plover === 'ACCUSE'), events.map(triple).join(' '));
});

test('obligation: "X must release Y" is the demand, not a release', () => {
  const events = eventsOf('Japan insisted that China must release Egypt-bound cargo ships.');
  assert.ok(!events.some((e) => /^releas/.test(e.trigger?.text ?? '')), events.map(triple).join(' '));
});

test('attribute: a participle between a determiner and its noun ("the visiting envoy", "the invading army") is no act', () => {
  const thanks = eventsOf('Poland thanked the visiting Egyptian envoy on Monday.');
  assert.deepEqual(thanks.map((e) => e.plover), ['SUPPORT']);
  assert.deepEqual(eventsOf('The invading Syrian army was stopped by Turkey.').filter((e) => e.trigger?.text === 'invading').map(triple), []);
});

test('no coded side: an act between people and groups that no code names is no event of the desk', () => {
  const text = 'Oskar Brill expelled the foreign traders from the harbour town.';
  const doc = sketchDoc({ text, entities: [...ENTITIES, { name: 'Oskar Brill', type: 'person' }] });
  assert.deepEqual(codeEvents(doc, ctx).map(triple), []);
  const coded = sketchDoc({ text, entities: [...ENTITIES, { name: 'Oskar Brill', type: 'person', affiliation: 'POL' }] });
  assert.deepEqual(codeEvents(coded, ctx).map((e) => e.source?.code), ['POL']);
});

test('compound target: each coordinated member is acted on in an event of its own; a later clause\'s subject is no member', () => {
  const warned = eventsOf('Iran warned Britain, France and Germany on Monday.');
  assert.deepEqual(warned.map(triple).sort(), ['THREATEN(IRN>DEU)', 'THREATEN(IRN>FRA)', 'THREATEN(IRN>GBR)']);
  assert.deepEqual(eventsOf('Iran attacked Israel, Syria said on Monday.').map(triple), ['ASSAULT(IRN>ISR)']);
});

test('region target: a region inside one country stands for that country, one spanning several for none', () => {
  const inOne = eventsOf('Turkey imposed a curfew across the Kurdish north on Friday.', {
    entities: [...ENTITIES, { name: 'Kurdish north', type: 'region', country: 'SYR' }],
  });
  assert.ok(inOne.some((e) => e.source?.code === 'TUR' && e.target?.code === 'SYR'), inOne.map(triple).join(' '));
  const inMany = eventsOf('Turkey imposed a curfew across the Kurdish north on Friday.', {
    entities: [...ENTITIES, { name: 'Kurdish north', type: 'region' }],
  });
  assert.ok(!inMany.some((e) => e.target?.code), inMany.map(triple).join(' '));
});

test('setting: an act named in an "after"/"following" phrase is the background of the news, not news', () => {
  for (const text of ['Japan recalled its envoy following talks with Egypt.', 'Japan recalled its envoy after talks with Egypt.']) {
    const events = eventsOf(text);
    assert.deepEqual(events.map((e) => e.plover), ['SANCTION'], text);
  }
});

test('recipient made the source: the one who receives arms is their target, the one they come from their source', () => {
  const events = eventsOf('Egypt received six armoured boats from Japan last week.');
  const aid = events.find((e) => e.cameo.startsWith('07'));
  assert.ok(aid, events.map(triple).join('; '));
  assert.equal(triple(aid), `${aid.plover}(JPN>EGY)`);
});

test('an expectation is no intent to cooperate: "expects to receive" codes no 030 of its own', () => {
  const events = eventsOf('Egypt expects to take its first Japanese frigates next spring.');
  assert.deepEqual(events.filter((e) => e.cameo === '030').map(triple), []);
});
