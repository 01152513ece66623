/**
 * Force told by what it uses and whom it is aimed at. Drones launched or fired in numbers are aerial weapons (195) aimed at the
 * state after "at". Warships or warplanes a state sends to no one named are its own forces deployed, a show of force (150);
 * sent to a state, they stay military aid. In what a state reports, "its cities", "their airspace", "our positions" acted on by
 * force by another state are the reporting state's. Intruding into waters or airspace shows force; the victim of an attack a
 * warning's "that" clause warns of is not whom it warns. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('drones launched at a state are aerial weapons aimed at it; a drone factory launched is none', () => {
  const events = eventsOf('Iran-backed militias launched 12 attack drones and two rockets at a base in eastern Syria overnight.');
  assert.ok(events.some((e) => e.cameo === '195'), events.map(show).join('; '));
  const hit = eventsOf('Belarus launched 40 drones at Lithuania on Friday, the Lithuanian army said.').find((e) => e.cameo === '195');
  assert.ok(hit, 'no 195');
  assert.equal(hit.source?.code?.slice(0, 3), 'BLR', show(hit));
  assert.equal(hit.target?.code, 'LTU', show(hit));
  const factory = eventsOf('Turkey launched a new drone factory near Ankara on Monday.');
  assert.ok(!factory.some((e) => e.cameo === '195'), factory.map(show).join('; '));
});

test('warships sent to a sea are a show of force; sent to a state they are military aid', () => {
  const sea = eventsOf('France sent two frigates and a warship to the Gulf of Guinea on Tuesday.');
  assert.ok(sea.some((e) => e.cameo === '150' && e.source?.code === 'FRA'), sea.map(show).join('; '));
  assert.ok(!sea.some((e) => e.cameo === '072'), sea.map(show).join('; '));
  const carrier = eventsOf('Italy will send an aircraft carrier to the Indian Ocean next month.');
  assert.ok(carrier.some((e) => e.cameo === '150' && e.source?.code === 'ITA'), carrier.map(show).join('; '));
  const aid = eventsOf('Denmark sent two warships to Estonia on Tuesday.');
  assert.ok(aid.some((e) => e.cameo === '072' && e.target?.code === 'EST'), aid.map(show).join('; '));
});

test('in a state\'s report, "its" land or sky attacked by another state is the reporting state\'s', () => {
  const sky = eventsOf('Lithuania said Belarus had violated its airspace twice on Saturday.').find((e) => e.cameo === '150');
  assert.ok(sky, 'no 150');
  assert.equal(sky.target?.code, 'LTU', show(sky));
  const towns = eventsOf('Armenia says Azerbaijan shelled its border villages on Thursday.').find((e) => e.cameo.startsWith('19'));
  assert.ok(towns, 'no attack');
  assert.equal(towns.target?.code, 'ARM', show(towns));
  // the doer's own border is no target of the speaker's
  const own = eventsOf('Russia said it had moved troops closer to its border with Norway.').find((e) => e.cameo.startsWith('15'));
  assert.ok(own, 'no 15x');
  assert.notEqual(own.target?.code, 'RUS', show(own));
});

test('intruding into waters or airspace shows force; the victim of an attack a warning warns of is not whom it warns', () => {
  const intruded = eventsOf('Tokyo said Chinese coast guard ships had intruded into Japanese waters near the Senkaku islands.').find((e) => e.cameo === '150');
  assert.ok(intruded, 'no 150');
  assert.equal(intruded.target?.code, 'JPN', show(intruded));
  const warned = eventsOf('Britain warned that an attack on Estonian vessels would trigger a NATO response.').find((e) => e.cameo.startsWith('13'));
  assert.ok(warned, 'no warning');
  assert.notEqual(warned.target?.code, 'EST', show(warned));
  const addressed = eventsOf('Britain warned Russia that an attack on Estonian vessels would trigger a NATO response.').find((e) => e.cameo.startsWith('13'));
  assert.equal(addressed?.target?.code, 'RUS', addressed ? show(addressed) : 'no warning');
});
