/**
 * A command is given now, whatever deadline it sets, also where the date's own words carry the "by" ("by the end of the year").
 * A participle after a text a verb takes says what the text allows, also past a phrase of time ("signed an accord on Friday
 * allowing ..."). The adjective of a region ("Latin American", "Central American") names no country, though its last word is a
 * country's demonym. A flag state of two words glued to "-flagged" ("Cayman Islands-flagged") is whose a ship is. What a ban
 * stops is no act told, and suspending cooperation reduces relations. Sentences are our own; the stories are published on
 * 2024-03-15.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('an order to leave by a deadline is dated by the day it was given', () => {
  const order = eventsOf("Burkina Faso's junta ordered Russian instructors to leave the country by the end of the year.").find((e) => e.cameo === '100');
  assert.ok(order, 'no demand');
  assert.equal(order.date, '2024-03-15', show(order));
});

test('what an accord allows, past a phrase of time, is its content and no act of the signers', () => {
  const events = eventsOf('Kenya and Somalia signed a security accord on Friday allowing their navies to patrol each other\'s waters.');
  assert.ok(events.some((e) => e.cameo === '057'), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo.startsWith('08')), events.map(show).join('; '));
});

test('the adjective of a region names no country', () => {
  const events = eventsOf('Nicaragua expelled the envoys of three Central American states on Monday.');
  const expelled = events.find((e) => e.cameo === '174');
  assert.ok(expelled, events.map(show).join('; '));
  assert.notEqual(expelled.target?.code, 'USA', show(expelled));
});

test('a flag state of two words glued to "-flagged" is whose the seized ship is', () => {
  const seized = eventsOf('Venezuela seized a Cayman Islands-flagged cargo ship off its coast on Sunday.').find((e) => e.cameo === '171');
  assert.ok(seized, 'no seizure');
  assert.equal(seized.target?.code, 'CYM', show(seized));
});

test('what a ban stops is no act told; suspending cooperation reduces relations', () => {
  const ban = eventsOf('Beijing banned exports of rare earth magnets to Japan on Monday.');
  assert.ok(ban.some((e) => e.cameo.startsWith('17')), ban.map(show).join('; '));
  assert.ok(!ban.some((e) => e.cameo.startsWith('06')), ban.map(show).join('; '));
  const suspended = eventsOf('The African Union suspended security cooperation with Guinea.').find((e) => e.cameo === '160');
  assert.ok(suspended, 'no 160');
  assert.equal(suspended.target?.code, 'GIN', show(suspended));
});
