/** Word clusters (data/word-clusters.json) as the tagger and parser read them: three hashed parts per word, coarse to fine. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLUSTER_PARTS, prepareWords } from '../../src/stages/syntax/tagger.js';

const partsOf = (forms: string[], i: number): number[] => [...prepareWords(forms).cluster.subarray(i * CLUSTER_PARTS, (i + 1) * CLUSTER_PARTS)];

test('days of the week share every cluster part, whatever their case', () => {
  const forms = ['Patrols', 'resumed', 'on', 'Monday', 'and', 'tuesday'];
  assert.equal(CLUSTER_PARTS, 3);
  assert.deepEqual(partsOf(forms, 3), partsOf(forms, 5));
});

test('weapons share the coarse prefixes of their cluster, not always the whole path', () => {
  const forms = ['tanks', 'and', 'rockets'];
  const tanks = partsOf(forms, 0);
  const rockets = partsOf(forms, 2);
  assert.equal(tanks[0], rockets[0], '4-bit prefix');
  assert.equal(tanks[1], rockets[1], '6-bit prefix');
  assert.notEqual(tanks[2], rockets[2], 'whole path');
  assert.notDeepEqual(tanks, partsOf(['tanks', 'and', 'Tuesday'], 2), 'a day is elsewhere in the tree');
});

test('digits are read as 0, and a word in no cluster gets one placeholder', () => {
  const forms = ['1998', '2031', 'zqxvbnt', 'vrolkemp'];
  assert.deepEqual(partsOf(forms, 0), partsOf(forms, 1));
  assert.deepEqual(partsOf(forms, 2), partsOf(forms, 3));
  assert.notDeepEqual(partsOf(forms, 0), partsOf(forms, 2));
});
