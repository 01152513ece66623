/**
 * Doers and victims named by a role noun and placed only by the scene: gunmen who seized a priest in a Nigerian state are that
 * country's (NGAUAF), the priest its clergy (NGAREL); a state named with its administrative noun ("Benue state") places the
 * scene; workers are labour (LAB) and a count noun ("thousands of workers") stands for the people it counts; people who storm
 * a parliament named bare act on their own state's legislature. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('gunmen who seize clergy in a named state are of that state\'s country, and so is the priest', () => {
  const events = eventsOf('Gunmen abducted a Methodist priest from his parish in Benue state on Thursday.');
  const seized = events.find((e) => e.cameo.startsWith('18'));
  assert.ok(seized, events.map(show).join('; '));
  assert.equal(seized.source?.code, 'NGAUAF', show(seized));
  assert.equal(seized.target?.code, 'NGAREL', show(seized));
});

test('a region of a country in the gazetteer places the doers of a raid on a village there', () => {
  const events = eventsOf('Dozens of gunmen raided a farming village in Zamfara before dawn.');
  const raid = events.find((e) => e.cameo.startsWith('19') || e.cameo.startsWith('18'));
  assert.ok(raid, events.map(show).join('; '));
  assert.equal(raid.source?.code, 'NGAUAF', show(raid));
});

test('a count noun stands for the people it counts, and workers are labour', () => {
  const events = eventsOf('Riot police in Karachi used water cannon against thousands of textile workers demanding back pay.');
  const dispersed = events.find((e) => e.source?.code === 'PAKCOP');
  assert.ok(dispersed, events.map(show).join('; '));
  assert.equal(dispersed.target?.code, 'PAKLAB', show(dispersed));
});

test('crowds that storm a parliament named bare act on their own state\'s legislature', () => {
  const events = eventsOf('Peruvian demonstrators broke into the congress late on Tuesday.');
  const entered = events.find((e) => e.source?.code === 'PERCVL');
  assert.ok(entered, events.map(show).join('; '));
  assert.equal(entered.target?.code, 'PERLEG', show(entered));
});

test('an opening present participle before plural people describes them: striking workers strike no one', () => {
  const events = eventsOf('Striking dockers from the port union held a rally in Haifa against the labour minister.');
  assert.ok(events.every((e) => !e.cameo.startsWith('19')), events.map(show).join('; '));
  const rally = events.find((e) => e.cameo.startsWith('14'));
  assert.ok(rally, events.map(show).join('; '));
  assert.equal(rally.source?.code, 'ISRLAB', show(rally));
});

test('people who stage a rally in a place are its people, not the place', () => {
  const events = eventsOf('Angry miners held a rally in Katowice against the mine closures.');
  const rally = events.find((e) => e.cameo.startsWith('14'));
  assert.ok(rally, events.map(show).join('; '));
  assert.equal(rally.source?.code, 'POLLAB', show(rally));
});

test('the site an act took place at places its doers, and traders killed there are its people, counted', () => {
  const events = eventsOf('Gunmen killed five traders at a cattle market in Yobe state on Saturday.');
  const killed = events.find((e) => e.cameo.startsWith('19') || e.cameo.startsWith('18'));
  assert.ok(killed, events.map(show).join('; '));
  assert.equal(killed.source?.code, 'NGAUAF', show(killed));
  assert.equal(killed.target?.code, 'NGABUS', show(killed));
  assert.equal(killed.quantities[0]?.count, 5, show(killed));
});

test('a state\'s own force that takes a village abroad keeps its state, and the village is the other state\'s', () => {
  const events = eventsOf('Azerbaijan\'s defence ministry said its forces had captured a village in the Syunik region.');
  const taken = events.find((e) => e.cameo.startsWith('19'));
  assert.ok(taken, events.map(show).join('; '));
  assert.equal(taken.source?.code, 'AZEMIL', show(taken));
  assert.equal(taken.target?.code, 'ARM', show(taken));
});

test('people freed who had been held are freed; the participle naming their holding is no second act', () => {
  const events = eventsOf('Minsk freed nine Lithuanians jailed in Belarus since 2021 after talks with an American envoy.');
  assert.ok(events.some((e) => e.cameo.startsWith('08') && e.source?.code === 'BLR'), events.map(show).join('; '));
  assert.ok(events.every((e) => !e.cameo.startsWith('17')), events.map(show).join('; '));
});

test('a state\'s force and a group named only by a role noun that clash are two sides of one country\'s fight', () => {
  const events = eventsOf('Malian soldiers and separatist rebels clashed near Kidal on Sunday.');
  const clash = events.find((e) => e.cameo.startsWith('19') && e.source?.code === 'MLIMIL');
  assert.ok(clash, events.map(show).join('; '));
  assert.equal(clash.target?.code, 'MLIREB', show(clash));
  assert.ok(events.some((e) => e.source?.code === 'MLIREB' && e.target?.code === 'MLIMIL'), events.map(show).join('; '));
});

test('a militia is an armed group no state names (UAF, as the Phoenix agents code it), placed by its scene', () => {
  const events = eventsOf('A local militia killed 14 herders near Mopti on Friday.');
  const killed = events.find((e) => e.cameo.startsWith('19') || e.cameo.startsWith('18'));
  assert.ok(killed, events.map(show).join('; '));
  assert.equal(killed.source?.code, 'MLIUAF', show(killed));
});
