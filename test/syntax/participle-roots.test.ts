/**
 * A bare -ing participle is never a clause's finite verb. Where the parser made one the root and read the past-tense verb of
 * the clause as a reduced relative (on the subject before a comma, or on the participle's object), the past form takes the
 * root back: "Four ... aircraft landed at X, carrying tents" has "carrying" hang on "landed"; "A freighter carrying generators
 * for the hospitals landed in Lviv" has "landed" for its root and "carrying" on "freighter". Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headOf } from '../helpers/head-of.js';

test('a past verb read as a relative on an apposition of the subject is the clause\'s verb, and the participle past the comma its own', () => {
  const text = "Four Chinese Air Force Y-20 transport aircraft landed at Harare's main airport on Friday, carrying tents for the flood victims.";
  assert.equal(headOf(text, 'landed'), 'ROOT');
  assert.equal(headOf(text, 'carrying'), 'landed');
});

test('a past verb read as a relative on the participle\'s object is the clause\'s verb; the participle hangs on the subject', () => {
  const text = 'A Ukrainian freighter carrying generators for the hospitals landed in Lviv.';
  assert.equal(headOf(text, 'landed'), 'ROOT');
  assert.equal(headOf(text, 'carrying'), 'freighter');
});
