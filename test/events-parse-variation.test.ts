/**
 * The events stage read through parse variation: each construction is checked on hand-built trees in
 * the several shapes a parser may give it (so the rule holds whatever the model does), then on whole
 * sentences of our own through the pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SentenceSyntax } from '../src/core/doc.js';
import { chargeOver, readPredicate } from '../src/stages/events/tree-roles.js';
import { eventsOf, show } from './helpers/story-events.js';

/** A tree from rows "text upos lemma head deprel" (head as a word index, -1 for the root). */
function treeOf(rows: string[]): SentenceSyntax {
  let at = 0;
  const words = rows.map((row) => {
    const [text = '', upos = '', lemma = '', head = '', deprel = ''] = row.split(' ');
    const w = { text, start: at, end: at + text.length, upos, lemma, head: Number(head), deprel };
    at += text.length + 1;
    return w;
  });
  return { sentence: 0, words };
}

test('"accused X of <V-ing> Y": the -ing word is the charge whether it is tagged a verb or an adjective on Y', () => {
  // Egypt accused Ethiopia of smuggling weapons: "smuggling" as an adjective on "weapons", the "of" phrase on the object.
  const onObject = treeOf([
    'Egypt PROPN Egypt 1 nsubj',
    'accused VERB accuse -1 root',
    'Ethiopia PROPN Ethiopia 1 obj',
    'of ADP of 5 case',
    'smuggling ADJ smuggling 5 amod',
    'weapons NOUN weapon 2 nmod',
  ]);
  assert.equal(chargeOver(onObject, 4, new Set([1])), 1);
  // The same with the "of" phrase hung on the verb and the -ing word tagged VERB.
  const onVerb = treeOf([
    'Egypt PROPN Egypt 1 nsubj',
    'accused VERB accuse -1 root',
    'Ethiopia PROPN Ethiopia 1 obj',
    'of SCONJ of 5 case',
    'smuggling VERB smuggle 5 amod',
    'weapons NOUN weapon 1 obl',
  ]);
  assert.equal(chargeOver(onVerb, 4, new Set([1])), 1);
  // The verbal reading the parser used to give still holds.
  const verbal = treeOf([
    'Egypt PROPN Egypt 1 nsubj',
    'accused VERB accuse -1 root',
    'Ethiopia PROPN Ethiopia 1 obj',
    'of SCONJ of 4 mark',
    'smuggling VERB smuggle 1 advcl',
    'weapons NOUN weapon 4 obj',
  ]);
  assert.equal(chargeOver(verbal, 4, new Set([1])), 1);
  // An -ing adjective on the object itself, with no "of" before it, is no charge: "accused the ruling party".
  const attribute = treeOf([
    'Egypt PROPN Egypt 1 nsubj',
    'accused VERB accuse -1 root',
    'the DET the 4 det',
    'ruling ADJ ruling 4 amod',
    'party NOUN party 1 obj',
  ]);
  assert.equal(chargeOver(attribute, 3, new Set([1])), -1);
  // Nor is one under a verb that charges nothing.
  assert.equal(chargeOver(onObject, 4, new Set()), -1);
});

test('"called X a Y" is a naming whatever relation the parser gives the second noun phrase', () => {
  const shapes: Array<[string, number, string]> = [
    ['obl:unmarked', 1, 'on the verb, unmarked'],
    ['xcomp', 1, 'on the verb, xcomp'],
    ['obj', 1, 'a second object'],
    ['iobj', 1, 'an indirect object'],
    ['appos', 5, 'an apposition to the name inside the object'],
    ['appos', 3, 'an apposition to the object'],
  ];
  for (const [deprel, head, what] of shapes) {
    const tree = treeOf([
      'Latvia PROPN Latvia 1 nsubj',
      'called VERB call -1 root',
      'the DET the 3 det',
      'ballot NOUN ballot 1 obj',
      'in ADP in 5 case',
      'Minsk PROPN Minsk 3 nmod',
      'a DET a 7 det',
      `farce NOUN farce ${head} ${deprel}`,
    ]);
    assert.equal(readPredicate(tree, 1).background, 'naming', what);
  }
  // A bare noun of time after the object names nothing: "called the envoy last week" is a call.
  const call = treeOf(['Latvia PROPN Latvia 1 nsubj', 'called VERB call -1 root', 'the DET the 3 det', 'envoy NOUN envoy 1 obj', 'last ADJ last 5 amod', 'week NOUN week 1 obl']);
  assert.equal(readPredicate(call, 1).background, null);
  // A phrase set off by commas describes the object: "called the president, a close ally, on Monday" is a call.
  const described = treeOf([
    'Latvia PROPN Latvia 1 nsubj',
    'called VERB call -1 root',
    'the DET the 3 det',
    'president NOUN president 1 obj',
    ', PUNCT , 7 punct',
    'a DET a 7 det',
    'close ADJ close 7 amod',
    'ally NOUN ally 3 appos',
    ', PUNCT , 7 punct',
  ]);
  assert.equal(readPredicate(described, 1).background, null);
  // A verb that names nothing keeps its act with two objects: "sent Peru a frigate".
  const sent = treeOf(['Chile PROPN Chile 1 nsubj', 'sent VERB send -1 root', 'Peru PROPN Peru 1 obj', 'a DET a 4 det', 'frigate NOUN frigate 1 obj']);
  assert.equal(readPredicate(sent, 1).background, null);
});

test('"X pledges <goods> for Y": a verb of commitment with an object is read as a commitment', () => {
  const pledge = treeOf(['Canada PROPN Canada 1 nsubj', 'pledges VERB pledge -1 root', 'artillery NOUN artillery 3 compound', 'shells NOUN shell 1 obj', 'for ADP for 5 case', 'Estonia PROPN Estonia 3 nmod']);
  assert.equal(readPredicate(pledge, 1).isCommitment, true);
  const delivered = treeOf(['Canada PROPN Canada 1 nsubj', 'delivers VERB deliver -1 root', 'artillery NOUN artillery 3 compound', 'shells NOUN shell 1 obj', 'to ADP to 5 case', 'Estonia PROPN Estonia 1 obl']);
  assert.equal(readPredicate(delivered, 1).isCommitment, false);
});

test('pipeline: a charge holds its -ing clause as said, however the -ing word is read', () => {
  for (const text of ['Egypt accused Ethiopia of smuggling weapons into Sudan.', 'Ghana accused Togo of secretly training militants.', 'Mali accused Niger of shelling villages near the frontier.']) {
    const events = eventsOf(text);
    assert.deepEqual(events.map((e) => e.plover), ['ACCUSE'], `${text}: ${events.map(show).join('; ')}`);
  }
});

test('pipeline: "called X a Y" and "branded X a Y" are no telephone calls', () => {
  for (const text of ["Lithuania's parliament called the election in Belarus a farce.", 'Poland branded the expulsion of its consul a hostile act.', 'Estonia called the Russian decision a provocation.', 'Moldova called the vote in Transnistria an illegal act.']) {
    const events = eventsOf(text);
    assert.ok(!events.some((e) => e.plover === 'CONSULT'), `${text}: ${events.map(show).join('; ')}`);
  }
  const call = eventsOf('Brazil called the Bolivian president last week.');
  assert.ok(call.some((e) => e.plover === 'CONSULT'), call.map(show).join('; '));
});

test('pipeline: a pledge of goods is an intent to give them, planned', () => {
  const events = eventsOf('Canada pledges more artillery shells for Estonia');
  assert.deepEqual(events.map(show), ['AGREE CAN>EST planned [pledges]']);
  // Condolences are given in the offering: no intent, the act is told as done.
  const condolences = eventsOf('Iran offered condolences to Turkey after the earthquake.');
  assert.ok(condolences.length > 0 && condolences.every((e) => e.modality === 'asserted'), condolences.map(show).join('; '));
});

test('pipeline: a relative clause set off by commas reaches no actor past its closing comma', () => {
  // The relative clause's own object is no actor; the main clause's object is not its target.
  const backed = eventsOf('Norway, which has long backed the treaty, condemned Iran on Friday.');
  assert.ok(!backed.some((e) => e.trigger?.text === 'backed' && e.target?.code === 'IRN'), backed.map(show).join('; '));
  assert.ok(backed.some((e) => e.plover === 'ACCUSE' && e.source?.code === 'NOR' && e.target?.code === 'IRN'), backed.map(show).join('; '));
  // A passive whose agent phrase names no actor ("obliged by treaty") takes no doer from the main clause.
  const obliged = eventsOf('Canada, which is obliged by treaty to defend the islands, warned Argentina against any landing.');
  assert.ok(!obliged.some((e) => e.trigger?.text !== 'warned' && (e.source?.code === 'ARG' || e.target?.code === 'ARG')), obliged.map(show).join('; '));
  assert.ok(obliged.some((e) => e.trigger?.text === 'warned' && e.source?.code === 'CAN' && e.target?.code === 'ARG'), obliged.map(show).join('; '));
});

test('a verb complementing a purpose clause is part of the aim: "sent troops to help X defend its border"', () => {
  const rows = (headRel: string): string[] => [
    'Chad PROPN Chad 1 nsubj',
    'sent VERB send -1 root',
    'troops NOUN troop 1 obj',
    'to PART to 4 mark',
    `help VERB help 1 ${headRel}`,
    'Niger PROPN Niger 4 obj',
    'defend VERB defend 4 xcomp',
    'its PRON its 8 nmod:poss',
    'border NOUN border 6 obj',
  ];
  assert.equal(readPredicate(treeOf(rows('advcl')), 6).background, 'purpose');
  // "agreed to help Niger defend its border": the help is the agreement's content, not a purpose; its complement keeps its act.
  const agreed = treeOf(rows('xcomp').map((r) => r.replace('sent VERB send', 'agreed VERB agree').replace('troops NOUN troop 1 obj', 'quickly ADV quickly 1 advmod')));
  assert.equal(readPredicate(agreed, 6).background, null);
});

test('pipeline: the main verb after a relative clause set off by commas takes the subject before it and none of its modals', () => {
  const events = eventsOf('Chile, which could face floods this winter, asked Argentina for help.');
  assert.deepEqual(events.map(show), ['REQUEST CHL>ARG asserted [asked]']);
});

test('a relative pronoun subject stands for its antecedent, read beside the noun before it when the parser hangs the clause elsewhere', () => {
  // Canada will ship trucks to Peru, which fought Chile: the clause hung on "trucks", as the parser may.
  const rows = (antecedent: number): string[] => [
    'Canada PROPN Canada 2 nsubj',
    'will AUX will 2 aux',
    'ship VERB ship -1 root',
    'trucks NOUN truck 2 obj',
    'to ADP to 5 case',
    'Peru PROPN Peru 3 nmod',
    ', PUNCT , 8 punct',
    'which PRON which 8 nsubj',
    `fought VERB fight ${antecedent} acl:relcl`,
    'Chile PROPN Chile 8 obj',
  ];
  const reading = readPredicate(treeOf(rows(3)), 8);
  assert.equal(reading.source, 3, 'the parser\'s antecedent, "trucks"');
  assert.equal(reading.isRelativeSource, true);
  assert.equal(reading.sourceNext, 5, 'the name just before the pronoun, "Peru"');
  // Hung on the name itself, the clause needs no second reading.
  const direct = readPredicate(treeOf(rows(5)), 8);
  assert.equal(direct.source, 5);
  assert.equal(direct.sourceNext, -1);
  // Without a relative pronoun nothing of this is set.
  assert.equal(readPredicate(treeOf(rows(3)), 2).isRelativeSource, undefined);
});

test('pipeline: the subject of a relative clause is never the main clause\'s subject', () => {
  const events = eventsOf('Canada will ship forty trucks to Peru, which fought Chile over the border in the spring.');
  const fight = events.find((e) => e.trigger?.text === 'fought');
  assert.ok(fight, events.map(show).join('; '));
  assert.equal(fight.source?.code?.slice(0, 3), 'PER', show(fight));
  assert.equal(fight.target?.code?.slice(0, 3), 'CHL', show(fight));
  // A pronoun standing for a thing names no actor: the act has no named doer, not the buyer.
  const things = eventsOf('Greece bought four patrol boats, which later fired on smugglers near Turkey.');
  for (const e of things.filter((x) => x.trigger?.text === 'fired')) assert.notEqual(e.source?.code?.slice(0, 3), 'GRC', show(e));
});

test('pipeline: a participle after a comma acts with the main clause\'s doer, never a place named before it', () => {
  const events = eventsOf('Gunmen raided a border post in eastern Chad on Friday, killing four guards.');
  assert.ok(events.length > 0, 'the raid is coded');
  for (const e of events) assert.notEqual(e.source?.code?.slice(0, 3), 'TCD', show(e));
  // The main clause's own subject still acts in its participle: "the ministry said, warning X".
  const warned = eventsOf('"Any incursion will be met with force," the Turkish defence ministry said, warning Greece.');
  const warning = warned.find((e) => e.trigger?.text === 'warning');
  assert.ok(warning, warned.map(show).join('; '));
  assert.equal(warning.source?.code?.slice(0, 3), 'TUR', show(warning));
});

test('two subjects hung on one verb: the one nearest before it is its own ("a charge Lima denied")', () => {
  // Quito accused Peru of spying, a charge Lima denied: the parser may hang both "charge" and "Lima" on "denied".
  const twoSubjects = treeOf([
    'Quito PROPN Quito 1 nsubj',
    'accused VERB accuse -1 root',
    'Peru PROPN Peru 1 obj',
    'of SCONJ of 4 mark',
    'spying VERB spy 1 advcl',
    ', PUNCT , 9 punct',
    'a DET a 7 det',
    'charge NOUN charge 9 nsubj',
    'Lima PROPN Lima 9 nsubj',
    'denied VERB deny 1 parataxis',
  ]);
  assert.equal(readPredicate(twoSubjects, 9).source, 8);
  // One subject stays the subject.
  const one = treeOf(['Lima PROPN Lima 1 nsubj', 'denied VERB deny -1 root', 'it PRON it 1 obj']);
  assert.equal(readPredicate(one, 1).source, 0);
});

test('pipeline: equipment that arrives makes no visit; a minister who arrives does', () => {
  const things = eventsOf('Four coastal radars arrived in Ghana on Friday.');
  assert.deepEqual(things.filter((e) => e.cameo === '042').map(show), []);
  const visit = eventsOf('The Indian defence minister arrived in Ghana on Friday.');
  assert.ok(visit.some((e) => e.cameo === '042' && e.target?.code === 'GHA'), visit.map(show).join('; '));
});

test('pipeline: a member of a compound subject does not act on its own state', () => {
  const events = eventsOf('Thai and Lao troops opened their joint exercise in Laos on Monday.');
  assert.ok(events.length > 0, 'the joint patrol is coded');
  for (const e of events) assert.notEqual(e.source?.code?.slice(0, 3), e.target?.code?.slice(0, 3), show(e));
});

test('pipeline: a compound subject signing or meeting somewhere acts on each other, not on the place', () => {
  const events = eventsOf('Serbia and Kosovo signed a border accord in Washington on Friday.');
  const pairs = events.filter((e) => e.cameo === '057').map((e) => `${e.source?.code}>${e.target?.code}`).sort();
  assert.deepEqual(pairs, ['KSV>SRB', 'SRB>KSV']);
  // Agreeing to cooperate, with no one else named, is with each other too.
  const agreed = eventsOf('Chile and Peru agreed to hold joint naval patrols next year.');
  const intents = agreed.filter((e) => e.cameo === '030').map((e) => `${e.source?.code}>${e.target?.code}`).sort();
  assert.deepEqual(intents, ['CHL>PER', 'PER>CHL']);
});

test('pipeline: why someone is sanctioned is the sanctioner\'s charge, not an act the report tells', () => {
  const events = eventsOf('Canada sanctioned four Belarusian companies for supplying artillery shells to Sudan.');
  assert.ok(events.some((e) => e.cameo.startsWith('16') && e.source?.code?.startsWith('CAN')), events.map(show).join('; '));
  assert.deepEqual(events.filter((e) => e.trigger?.text === 'supplying').map(show), []);
});

test('pipeline: a sea named after a country is no actor of that country ("the Gulf of Oman" is not Oman)', () => {
  const events = eventsOf('Iranian commandos seized a freighter in the Gulf of Oman on Monday.');
  assert.ok(events.length > 0, 'the boarding is coded');
  for (const e of events) assert.notEqual(e.target?.code?.slice(0, 3), 'OMN', show(e));
});
