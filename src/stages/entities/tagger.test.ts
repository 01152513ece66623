/** The tagger's optional feature groups: word clusters (data/word-clusters.json) and a word's neighbours elsewhere in the document. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataFiles } from '../../core/context.js';
import { loadClusters, loadKnowledge } from './knowledge.js';
import { BASE_FEATURES, clusterKey, docContexts, docLexicon, featureSetOf, staticFeatures } from './tagger.js';

const data = new DataFiles();
const knowledge = loadKnowledge(data);
const clusters = loadClusters(data);
const noClusters = (): ReadonlyMap<string, string> => assert.fail('clusters loaded for a model that does not read them');

/** The cluster bit string of a word, failing when it has none. */
function bitsOf(word: string): string {
  const bits = clusters.get(clusterKey(word));
  assert.ok(bits, `${word} has no cluster`);
  return bits;
}

/** Length of the common prefix of two bit strings: how far down the tree two words stay together. */
function shared(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}

void test('word clusters: keys are lower case with digits as 0', () => {
  assert.equal(clusterKey('Flights-2024'), 'flights-0000');
});

void test('word clusters: weekdays sit deeper together than a weekday and a verb', () => {
  const together = shared(bitsOf('Tuesday'), bitsOf('Thursday'));
  assert.ok(together >= 6, `tuesday/thursday share ${together} bits`);
  assert.ok(shared(bitsOf('Tuesday'), bitsOf('said')) < together);
});

void test('word clusters: capital cities share more of their path with each other than with a weekday', () => {
  const cities = shared(bitsOf('Kabul'), bitsOf('Cairo'));
  assert.ok(cities > shared(bitsOf('Kabul'), bitsOf('Monday')), `kabul/cairo share ${cities} bits`);
});

void test('feature sets: a model file declares its groups; none declared means the base features only', () => {
  assert.deepEqual(featureSetOf(undefined, noClusters), BASE_FEATURES);
  assert.deepEqual(featureSetOf(['context'], noClusters), { clusters: null, context: true });
  assert.equal(featureSetOf(['clusters', 'context'], () => clusters).clusters, clusters);
  const words = ['Officials', 'in', 'Tallinn', 'met', 'on', 'Friday', '.'];
  const base = staticFeatures(words, knowledge);
  const withClusters = staticFeatures(words, knowledge, undefined, undefined, featureSetOf(['clusters'], () => clusters));
  assert.ok((withClusters[2] as Int32Array).length > (base[2] as Int32Array).length);
});

void test('document context: a capitalised word gets features from its neighbours at its other occurrences', () => {
  const sentences = [
    ['Shares', 'of', 'Korvenna', 'Freight', 'rose', '.'],
    ['Analysts', 'said', 'Korvenna', 'would', 'expand', '.'],
  ];
  const doc = docLexicon(sentences);
  assert.deepEqual([...(docContexts(doc).get('korvenna') ?? new Map<string, number>()).keys()], ['Lof', 'Rfreight', 'Lsaid', 'Rwould']);
  const set = featureSetOf(['context'], noClusters);
  const alone = staticFeatures(sentences[1] as string[], knowledge, undefined, docLexicon([sentences[1] as string[]]), set);
  const inDoc = staticFeatures(sentences[1] as string[], knowledge, undefined, doc, set);
  // the other sentence's two neighbours add two features; its own neighbours add none
  assert.equal((inDoc[2] as Int32Array).length - (alone[2] as Int32Array).length, 2);
});
