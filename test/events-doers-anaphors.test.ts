/**
 * What a killing was done with, whom "the country" shifts to, and whose people are killed where no state is known. A bomb, a
 * blast or a suicide bomber that kills is a bombing (183); aircraft that kill or strike use aerial weapons (195), shells,
 * rockets and missiles artillery (194); gunmen stay plain force (190). In a clause of time or reason, "the country" (a full noun
 * phrase, not "it") is the other state the sentence named last. People a state kills at a place no state is known to hold are
 * not the state's own. What "accused X of" names (genocide) is the charge, no act; a case brought "against" a state is a lawsuit
 * (115). An organ's own media wing or press service speaks for it (asserted, not reported). Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

const codesOf = (text: string): string[] => eventsOf(text).map((e) => e.cameo);

test('a killing done by a bomb or a suicide bomber is a bombing', () => {
  assert.ok(codesOf('A suicide bomber killed nine worshippers at a church in Kaduna on Sunday.').includes('183'));
  assert.ok(codesOf('A roadside bomb killed two police officers in Balochistan province.').includes('183'));
});

test('a killing done by aircraft is aerial, by shells or rockets artillery; by gunmen plain force', () => {
  assert.ok(codesOf('Syrian warplanes killed 11 people in Idlib on Tuesday.').includes('195'));
  assert.ok(codesOf('Hezbollah rockets killed two people in northern Israel.').includes('194'));
  const gunmen = codesOf('Gunmen killed seven traders in Zamfara state.');
  assert.ok(gunmen.includes('190') && !gunmen.includes('183'), gunmen.join(','));
});

test('"the country" in a clause of time is the other state named last, not the main clause\'s doer', () => {
  const events = eventsOf('Georgia recalled its ambassador to Belarus after the country recognised the breakaway regions.');
  const recognised = events.find((e) => e.cameo === '054');
  assert.ok(recognised, events.map(show).join('; '));
  assert.equal(recognised.source?.code, 'BLR', show(recognised));
});

test('people killed at a place no state is known to hold are not the doer\'s own', () => {
  const killed = eventsOf('Iranian drones killed four people in the Kurdistan region on Monday.').find((e) => e.cameo.startsWith('19'));
  assert.ok(killed, 'no event');
  assert.notEqual(killed.target?.code?.slice(0, 3), 'IRN', show(killed));
});

test('what a charge accuses of is its content; a case brought against a state is a lawsuit', () => {
  const events = eventsOf('Gambia accused Myanmar of genocide against the Rohingya.');
  assert.ok(events.some((e) => e.cameo === '112'), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo === '202'), events.map(show).join('; '));
  const suit = eventsOf('Iran filed a case against Canada at the World Court on Tuesday.').find((e) => e.cameo === '115');
  assert.ok(suit, 'no 115');
  assert.equal(suit.target?.code, 'CAN', show(suit));
});

test('people in the "against" phrase of an act noun take the place hung on that noun; the Fano are an Ethiopian militia', () => {
  const offensive = eventsOf("Ethiopia's army launched an offensive against rebels in Oromia on Monday.").find((e) => e.cameo.startsWith('19'));
  assert.ok(offensive, 'no offensive');
  assert.equal(offensive.target?.code, 'ETHREB', show(offensive));
  const clash = eventsOf('Ethiopian soldiers fought Fano militiamen outside Bahir Dar.').find((e) => e.cameo.startsWith('19'));
  assert.ok(clash, 'no clash');
  assert.equal(clash.target?.code, 'ETHREB', show(clash));
});

test('an organ\'s own media wing or press service speaks for it: no outlet, no hedge', () => {
  const killed = eventsOf("Nigerian troops killed 12 bandits in Katsina state, the army's media wing said.").find((e) => e.cameo.startsWith('19'));
  assert.ok(killed, 'no event');
  assert.equal(killed.modality, 'asserted', show(killed));
  const viaPaper = eventsOf('Nigerian troops killed 12 bandits in Katsina state, a local newspaper said.').find((e) => e.cameo.startsWith('19'));
  assert.equal(viaPaper?.modality, 'reported', viaPaper ? show(viaPaper) : 'no event');
});
