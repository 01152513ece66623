/**
 * Companies that security news names are organisations with their country's business code; a word a
 * company shares with common nouns is left out of the list ("Shell fragments hit a school").
 * Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.js';
import { analyseText } from './analyse-text.js';

const ctx = createContext();

test('energy, shipping and technology companies are organisations coded country + BUS', () => {
  const doc = analyseText('Sonatrach raised gas exports to Italy while Maersk rerouted ships around Africa and Huawei denied supplying chips.', ctx);
  const codes = new Map((doc.entities ?? []).map((e) => [e.name, [e.type, e.code]]));
  assert.deepEqual(codes.get('Sonatrach'), ['organization', 'DZABUS']);
  assert.deepEqual(codes.get('Maersk'), ['organization', 'DNKBUS']);
  assert.deepEqual(codes.get('Huawei'), ['organization', 'CHNBUS']);
});

test('a capitalised common noun that a company shares is no company', () => {
  const doc = analyseText('Shell fragments struck a clinic in Sumy on Friday.', ctx);
  assert.ok(!(doc.entities ?? []).some((e) => e.code === 'GBRBUS'), JSON.stringify(doc.entities?.map((e) => [e.name, e.code])));
});
