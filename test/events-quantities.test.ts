/**
 * Counts the events stage reads: a number after a word of version or class ("Block 70", "Type 26", "Mk 48") names a model and
 * counts nothing, while the count before it still does. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../src/core/context.js';
import { findQuantities } from '../src/stages/events/quantities.js';

const ctx = createContext();

test('a number after a word of version or class is part of the model, not a count', () => {
  const counts = (text: string): number[] => findQuantities(text, ctx).filter((q) => q.category !== 'money').map((q) => q.count);
  assert.deepEqual(counts('approved the sale of 16 F-16 Block 52 fighter jets to Jordan'), [16]);
  assert.deepEqual(counts('will buy Type 31 frigates from a British yard'), []);
  assert.deepEqual(counts('ordered 12 Mk 54 torpedoes and 300 rifles'), [12, 300]);
});
