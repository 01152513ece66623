/** Article-level naming: given names, surnames, companies by their legal form, events, one sense per name. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.js';
import type { Entity } from '../../core/doc.js';
import { analyseText } from './analyse-text.js';

const ctx = createContext({ now: new Date('2021-09-11T12:00:00Z') });

/** The type of the entity holding a mention with this exact text, or null. */
function typeOf(entities: readonly Entity[], text: string): string | null {
  for (const e of entities) if (e.mentions.some((m) => m.text === text)) return e.type;
  return null;
}

function find(text: string): Entity[] {
  return analyseText(text, ctx, '2021-09-11').entities ?? [];
}

void test('given names: a known given name before an unfamiliar surname is a person, and so is the surname later', () => {
  const entities = find('Talks were led by Jesper Okwuosa, a lawyer.\nOkwuosa said the deal was close.');
  assert.equal(typeOf(entities, 'Jesper Okwuosa'), 'person');
  assert.equal(typeOf(entities, 'Okwuosa'), 'person');
});

void test('given names: an initial before a surname starts a person', () => {
  const entities = find('The bowling was opened by T. Brantwick and the pace did the rest.');
  assert.equal(typeOf(entities, 'T. Brantwick'), 'person');
});

void test('surnames: the surname of a person named in full is that person, not a town of the same name', () => {
  const entities = find('Senator Bob Dole spoke in Kansas on Monday.\nDole said the bill would pass.');
  assert.equal(typeOf(entities, 'Dole'), 'person');
});

void test('events: a country inside an event name is not a place', () => {
  const entities = find('She won the U.S. Open last year and will play in London next month.');
  assert.equal(typeOf(entities, 'U.S.'), null);
  assert.equal(typeOf(entities, 'London'), 'place');
});

void test('companies: a name written once with its legal form is that company when bare', () => {
  const entities = find('Shares of packaging group Tarvexo S.A. fell on Friday.\nTarvexo said trading was weak.');
  assert.equal(typeOf(entities, 'Tarvexo'), 'organization');
});

void test('surnames: O\'Brien after the full name is the person', () => {
  const entities = find('Fourth seed Alex O\'Brien won in straight sets.\nO\'Brien next meets the champion.');
  assert.equal(typeOf(entities, 'O\'Brien'), 'person');
});

void test('companies: a town name that is a company short name is the company', () => {
  const entities = find('The valve maker agreed to be bought by Nokia Holdings Inc, the companies said.\nNokia said the deal would close soon.');
  assert.equal(typeOf(entities, 'Nokia'), 'organization');
});

void test('places: a name ending in Street or Road is a place', () => {
  const entities = find('Shares fell on Wall Street on Friday after the report.');
  assert.equal(typeOf(entities, 'Wall Street'), 'place');
});

void test('towns: a single guessed name after "in" or "the town of" is a place, and so are its copies', () => {
  const entities = find('"We are still searching," a police official in Vorlenne said.\nHe said Vorlenne would stay calm.');
  const holders = entities.filter((e) => e.mentions.some((m) => m.text === 'Vorlenne'));
  assert.deepEqual(holders.map((e) => [e.type, e.mentions.length]), [['place', 2]]);
});

void test('companies: a guessed name before "general manager" is a company throughout', () => {
  const entities = find('Results were hurt by Dravoli, one of its units.\nDravoli general manager Ilse Banner resigned.\nShe will stay on Dravoli board.');
  const holders = entities.filter((e) => e.mentions.some((m) => m.text === 'Dravoli'));
  assert.deepEqual(holders.map((e) => e.type), ['organization']);
});

void test('companies: a guessed name before "news agency" or "daily" is an organisation', () => {
  const entities = find('Kestrava news agency quoted the mayor.\nThe mayor told Kestrava the vote was fair.');
  const holders = entities.filter((e) => e.mentions.some((m) => m.text === 'Kestrava'));
  assert.deepEqual(holders.map((e) => e.type), ['organization']);
});


void test('coordination: a listed name after "and" inside a tagged span is a name of its own', () => {
  const entities = find('Officials told the Brenvik Herald and Xinhua that talks would resume.');
  assert.equal(typeOf(entities, 'Xinhua'), 'organization');
  assert.equal(typeOf(entities, 'Brenvik Herald and Xinhua'), null);
});

void test('coordination: a legal form closes a company name, so "and" after it starts another name', () => {
  const text = 'Shares of Halvik Marine Ltd. and Ostrava Steel Corp. fell after the merger talks collapsed.';
  const entities = find(text);
  const names = entities.flatMap((e) => e.mentions.map((m) => m.text));
  assert.ok(!names.some((n) => / and /.test(n)), `one name across "and": ${names.join(' | ')}`);
  assert.ok(names.includes('Halvik Marine Ltd.'), names.join(' | '));
});

void test('given names: a given name inside a listed place name opens no person', () => {
  const entities = find('Tickets for the San Francisco Symphony sold out quickly.\nThe San Diego Tribune reported the storm.');
  assert.equal(typeOf(entities, 'Francisco Symphony'), null);
  assert.equal(typeOf(entities, 'Diego Tribune'), null);
});

void test('places: a listed place followed by words that are no place word names a body called after it', () => {
  const entities = find('Engineers at Tallinn Shipyards finished the hull.\nBuses left the Gaza Strip for Mexico City.\nFlooding closed roads across Orange County.');
  assert.equal(typeOf(entities, 'Tallinn Shipyards'), 'organization');
  assert.equal(typeOf(entities, 'Gaza Strip'), 'region');
  assert.notEqual(typeOf(entities, 'Mexico City'), 'organization');
  assert.notEqual(typeOf(entities, 'Orange County'), 'organization');
});

void test('organisations: a name ending in an organisation noun, then "of" and a place, is one organisation', () => {
  const entities = find('The Democratic Front of Kenya said its members would stay away from the vote.');
  assert.equal(typeOf(entities, 'Democratic Front of Kenya'), 'organization');
  assert.equal(typeOf(entities, 'Kenya'), null);
});

void test('abbreviations: one defined in brackets after an organisation names it wherever the article writes it', () => {
  const entities = find('Fighters of the Velmar Liberation Front ( VLF ) crossed the river at dawn.\nA VLF commander said the raid was over.\nThe army said VLF units had pulled back.');
  const mentions = entities.filter((e) => e.type === 'organization').flatMap((e) => e.mentions.filter((m) => m.text === 'VLF'));
  assert.equal(mentions.length, 3);
});

void test('names opening with a lower-case Arabic article ("al-Shabaab", "al-Qaeda") are found in the gazetteer like any other', () => {
  const entities = find('Kenyan troops clashed with al-Shabaab near the border on Tuesday.');
  const group = entities.find((e) => e.mentions.some((m) => m.text === 'al-Shabaab'));
  assert.ok(group, JSON.stringify(entities.map((e) => e.name)));
  assert.equal(group.code, 'SOMREB');
});

void test('a name after "the town of" or "the village of" is a place, even where it opens with a given name', () => {
  const entities = find('Shelling hit the town of Adam Kora and the village of Omar Dera overnight.');
  assert.equal(typeOf(entities, 'Adam Kora'), 'place');
  assert.equal(typeOf(entities, 'Omar Dera'), 'place');
});

void test('a tagged name does not run across a lower-case word that joins no name ("Egypt, Qatar mediate Gaza talks")', () => {
  const entities = find('Egypt, Qatar mediate Gaza talks\n\nThe talks opened on Monday.');
  assert.equal(typeOf(entities, 'Qatar mediate Gaza'), null);
  assert.equal(typeOf(entities, 'Qatar'), 'country');
});

void test('an organisation found by the tagger and written in capitals keeps its acronym as its name', () => {
  const entities = find('Officials of the procurement agency, known as DMO, visited the shipyard in Gdansk on Monday.');
  const acronym = entities.find((e) => e.mentions.some((m) => m.text === 'DMO'));
  assert.ok(acronym, JSON.stringify(entities.map((e) => e.name)));
  assert.equal(acronym.name, 'DMO');
});
