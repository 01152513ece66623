/**
 * Whom an act struck, and what it counted: people named by a role noun ("soldiers", "pupils") that no doer's state claims are
 * those of the country the sentence puts the act in, never the town of the place phrase ("near Gao"); a count in a clause of its
 * own below the predicate ("after the group killed four soldiers") is that clause's, not the main act's, while a verb that says
 * what a deal holds ("covering 180 tanks") keeps its count with the deal; a role noun at the end of a sentence is named without
 * the full stop. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('a count in a clause below the predicate is that clause\'s, and the people killed near a town are of its country', () => {
  const events = eventsOf('Mali expelled the French ambassador after jihadists killed 14 soldiers near Gao.');
  const expelled = events.find((e) => e.cameo.startsWith('16'));
  assert.ok(expelled, events.map(show).join('; '));
  assert.deepEqual(expelled.quantities, [], show(expelled));
  const killed = events.find((e) => e.cameo.startsWith('19'));
  assert.ok(killed, events.map(show).join('; '));
  assert.equal(killed.quantities[0]?.count, 14, show(killed));
  assert.equal(killed.target?.code, 'MLIMIL', show(killed));
});

test('pupils taken from a school in a country are its civilians, not the country', () => {
  const events = eventsOf('Bandits kidnapped 40 pupils from a boarding school in northern Nigeria overnight.');
  const taken = events.find((e) => e.cameo.startsWith('18'));
  assert.ok(taken, events.map(show).join('; '));
  assert.equal(taken.target?.code, 'NGACVL', show(taken));
});

test('a role noun ending the sentence is named without its full stop', () => {
  const events = eventsOf('Bogota broke off talks with the FARC dissidents after the group killed four soldiers.');
  const killed = events.find((e) => e.cameo.startsWith('19'));
  assert.ok(killed, events.map(show).join('; '));
  assert.equal(killed.target?.name, 'soldiers', show(killed));
  assert.ok(events.filter((e) => !e.cameo.startsWith('19')).every((e) => e.quantities.length === 0), events.map(show).join('; '));
});

test('a verb that says what a deal holds keeps the count with the deal', () => {
  const events = eventsOf('Cairo signed two contracts with Italian shipyards on Monday covering four frigates and 20 patrol boats.');
  const signed = events.find((e) => e.trigger?.text.startsWith('signed'));
  assert.ok(signed, events.map(show).join('; '));
  assert.ok(signed.quantities.some((q) => q.count === 4), JSON.stringify(signed.quantities));
});

test('the origin of goods a vessel carries is not whom the act struck; people it carries are', () => {
  const seized = eventsOf('Venezuela seized a freighter carrying Colombian coal off its coast.');
  assert.ok(seized.some((e) => e.source?.code === 'VEN'), seized.map(show).join('; '));
  assert.ok(!seized.some((e) => e.target?.code === 'COL'), seized.map(show).join('; '));
  const ambushed = eventsOf('Gunmen ambushed a minibus carrying Kenyan police officers near the border.');
  assert.ok(ambushed.some((e) => e.target?.code?.startsWith('KEN')), ambushed.map(show).join('; '));
});

test('one person named by a singular role noun is acted on as the plural would be', () => {
  const killed = eventsOf('Russian shelling killed a shepherd and a farmer near Kupiansk, Ukrainian officials said.');
  assert.ok(killed.some((e) => e.cameo.startsWith('19') && e.target?.code === 'UKRAGR'), killed.map(show).join('; '));
  const arrested = eventsOf('Iranian border guards detained a smuggler near the Iraqi frontier.');
  assert.ok(arrested.some((e) => e.cameo === '173' && e.target?.code?.endsWith('CRM')), arrested.map(show).join('; '));
});
