/**
 * A past verb joined by "and" to a reported clause in the present belongs to the verb of saying: "the navy said it holds the
 * strait and warned ships to keep away" has the navy warn, not the strait-holding clause. A conjunct with its own subject, or
 * a reported clause in the past, stays as parsed. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headOf } from '../helpers/head-of.js';

test('a past conjunct after a reported clause in the present is the speaker\'s own act', () => {
  assert.equal(headOf('The navy said it holds the strait and warned tankers to keep away.', 'warned'), 'said');
  assert.equal(headOf('The council said that the plan is sound and asked donors for funds.', 'asked'), 'said');
});

test('a conjunct of a reported clause in the past, or with its own subject, stays in that clause', () => {
  assert.equal(headOf('The navy said it seized the tanker and detained its crew.', 'detained'), 'seized');
});
