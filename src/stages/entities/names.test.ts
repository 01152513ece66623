/** Article-level naming rules: given names, surnames, clubs in sports reports, companies, events. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.js';
import type { Entity } from '../../core/doc.js';
import { findEntities } from './index.js';
import { isSportsText, tableTeams } from './sports.js';
import { segment } from '../sentences/index.js';

const ctx = createContext({ now: new Date('2021-09-11T12:00:00Z') });

/** The type of the entity holding a mention with this exact text, or null. */
function typeOf(entities: readonly Entity[], text: string): string | null {
  for (const e of entities) if (e.mentions.some((m) => m.text === text)) return e.type;
  return null;
}

function find(text: string): Entity[] {
  return findEntities(text, ctx, undefined, '2021-09-11');
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

void test('sports: clubs named after towns are organisations in results lines, a venue after "at" stays a place', () => {
  const text = [
    'SOCCER - LEAGUE RESULTS .',
    'Results of league matches played on Saturday :',
    'Leeds 2 Chelsea 1',
    'Norwich 0 Bristol 3',
    'Leeds coach said the league season had started well after the goal in the second half .',
    'Norwich play at Bristol next week .',
  ].join('\n');
  const entities = find(text);
  assert.equal(typeOf(entities, 'Leeds'), 'organization');
  assert.equal(typeOf(entities, 'Norwich'), 'organization');
  const bristol = entities.filter((e) => e.mentions.some((m) => m.text === 'Bristol')).map((e) => e.type);
  assert.ok(bristol.includes('organization'), 'Bristol in the results line is the club');
});

void test('sports: a standings row and a results line give their team names; other lines give none', () => {
  const row = segment('Alania 11 7 2 2 19 9 23')[0]?.tokens ?? [];
  assert.deepEqual(tableTeams(row), [[0, 1]]);
  const result = segment('Notts County 2 Leeds 0')[0]?.tokens ?? [];
  assert.deepEqual(tableTeams(result), [[0, 2], [3, 4]]);
  const prose = segment('Leeds won 2 games in May .')[0]?.tokens ?? [];
  assert.deepEqual(tableTeams(prose), []);
});

void test('sports: an article needs several sports words to count as a sports report', () => {
  const news = segment('The minister said the talks on the border would go on next week .').map((s) => s.tokens ?? []);
  assert.equal(isSportsText(news), false);
  const sport = segment('The striker scored a goal and the coach praised the league leaders after the 2-1 win .').map((s) => s.tokens ?? []);
  assert.equal(isSportsText(sport), true);
});

void test('events: a country inside an event name is not a place', () => {
  const entities = find('She won the U.S. Open last year and will play in London next month.');
  assert.equal(typeOf(entities, 'U.S.'), null);
  assert.equal(typeOf(entities, 'London'), 'place');
});

void test('scorecards: the names after dismissal marks are players', () => {
  const entities = find('Karachi Kings innings\nR. Dunmore c Okoyelu b Hallivarna 42\nP. Sandersby lbw b Hallivarna 7');
  assert.equal(typeOf(entities, 'Hallivarna'), 'person');
  assert.equal(typeOf(entities, 'Okoyelu'), 'person');
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
  const entities = find('The seat maker agreed to be bought by Magna International Inc, the companies said.\nMagna said the deal would close soon.');
  assert.equal(typeOf(entities, 'Magna'), 'organization');
});

void test('places: a name ending in Street or Road is a place', () => {
  const entities = find('Shares fell on Wall Street on Friday after the report.');
  assert.equal(typeOf(entities, 'Wall Street'), 'place');
});

void test('indexes: a name written before "industrial average" is no person', () => {
  const entities = find('The Dorvan Heller industrial average fell 40 points.\nTraders said Dorvan Heller would recover.');
  assert.equal(typeOf(entities, 'Dorvan Heller'), null);
});

void test('towns: a single guessed name after "in" or "the town of" is a place, and so are its copies', () => {
  const entities = find('"We are still searching," a police official in Vorlenne said.\nHe said Vorlenne would stay calm.');
  const holders = entities.filter((e) => e.mentions.some((m) => m.text === 'Vorlenne'));
  assert.deepEqual(holders.map((e) => [e.type, e.mentions.length]), [['place', 2]]);
});

void test('tournaments: a town before "champion" in a sports report is the event, not the place', () => {
  const text = 'The seeded player won the match and the title was close.\nHe beat the Toulon champion in the final after his Toulon semifinal, and the tournament in Toulon ended.\nThe coach said the season was long.';
  const holders = find(text).filter((e) => e.mentions.some((m) => m.text === 'Toulon'));
  assert.deepEqual(holders.map((e) => e.mentions.length), [1]);
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

void test('clubs: a town after a club word like "Real" or "Standard" is the club, the word included', () => {
  const entities = find('Real Madrid beat Barcelona 2-1 in the league match, and the coach praised the goal and the season.');
  assert.equal(typeOf(entities, 'Real Madrid'), 'organization');
  assert.equal(typeOf(entities, 'Madrid'), null);
});
