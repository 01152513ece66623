/**
 * The actor network labels each node by its canonical name and splits compound actors into members
 * (issue 13: nodes read "MOSCOW", "Armenian", "Chinese", and a three-country list was one node).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { networkOf } from '../../src/server/routes/events.js';
import { canonicalActorName, compoundMembers } from '../../src/server/actor-names.js';
import type { StoredEvent } from '../../src/store.js';

let nextId = 1;
function event(source: [string | null, string | null], target: [string | null, string | null], quadClass = 3): StoredEvent {
  return {
    id: nextId++,
    articleId: 1,
    cameo: '111',
    plover: 'ACCUSE',
    quadClass,
    goldstein: -2,
    sourceName: source[0],
    sourceCode: source[1],
    targetName: target[0],
    targetCode: target[1],
    date: '2024-02-03',
    precision: 'day',
    modality: 'asserted',
    quantities: [],
    locationName: null,
    lat: null,
    lon: null,
    speaker: null,
    via: [],
    evidence: { text: 'x', start: 0, end: 1 },
    articleTitle: null,
    articleUrl: null,
    articlePublished: null,
    articleSource: null,
    analyzedAt: '2024-02-03T00:00:00Z',
  };
}

test('canonical names: a country code is its country, a sector code its country and sector, a body code none', () => {
  assert.equal(canonicalActorName('CHN'), 'China');
  assert.match(canonicalActorName('CHNMIL') ?? '', /^China · military$/);
  assert.equal(canonicalActorName('NATO'), null);
  assert.equal(canonicalActorName(null), null);
});

test('compound members: a list of countries splits, anything else stays whole', () => {
  assert.deepEqual(compoundMembers('Japan, Poland and Egypt')?.map((m) => m.code), ['JPN', 'POL', 'EGY']);
  assert.equal(compoundMembers('Japan'), null);
  assert.equal(compoundMembers('Doctors and Nurses Union'), null);
});

test('network: nodes carry the canonical name whatever words the articles used; a compound source is one node per member', () => {
  const network = networkOf([
    event(['BEIJING', 'CHN'], ['Japanese', 'JPN']),
    event(['Chinese', 'CHN'], ['Tokyo', 'JPN']),
    event(['Japan, Poland and Egypt', 'JPN'], ['China', 'CHN'], 1),
  ]);
  const byId = new Map(network.nodes.map((n) => [n.id, n.name]));
  assert.equal(byId.get('CHN'), 'China');
  assert.equal(byId.get('JPN'), 'Japan');
  assert.equal(byId.get('POL'), 'Poland');
  assert.equal(byId.get('EGY'), 'Egypt');
  assert.ok(!network.nodes.some((n) => /,| and /.test(n.name)), JSON.stringify(network.nodes));
  const edges = network.edges.map((e) => `${e.source}>${e.target}:${e.count}`).sort();
  assert.deepEqual(edges, ['CHN>JPN:2', 'EGY>CHN:1', 'JPN>CHN:1', 'POL>CHN:1']);
});

test('network: an actor without a code is named by the mention its events use most', () => {
  const network = networkOf([event(['Harbour Guild', null], ['Japan', 'JPN']), event(['Harbour Guild', null], ['Japan', 'JPN'])]);
  assert.ok(network.nodes.some((n) => n.id === 'Harbour Guild' && n.name === 'Harbour Guild'));
});
