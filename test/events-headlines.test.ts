/**
 * Headlines in telegraphic style, written for this file: a name (or names joined by a comma or "and") and then its verb in the
 * present ("Canada sanctions Iranian generals", "Thailand, Cambodia trade fire at border temple"), which the tagger, finding
 * no verb anywhere, read as a noun compounded with the name; "orders UN peacekeepers out" expels them; a hyphenated verb
 * ("test-fires") is its last part; a singular noun of a body that acts, after its modifiers ("Saudi-led coalition strikes",
 * "Sudanese army retakes"), stands where the names do, and the participle of a hyphenated modifier ("-led") is no verb.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';
import { headlineVerbs } from '../src/stages/syntax/annotate.js';
import { UPOS } from '../src/stages/syntax/tagger.js';

const tag = (t: string): number => (UPOS as readonly string[]).indexOf(t);

test('a verbless sentence\'s word after its opening names, before more of a noun phrase, is its verb', () => {
  const one = Int32Array.from([tag('PROPN'), tag('NOUN'), tag('ADJ'), tag('NOUN')]);
  assert.equal(UPOS[headlineVerbs(['Canada', 'sanctions', 'Iranian', 'generals'], one)[1]!], 'VERB');
  const two = Int32Array.from([tag('PROPN'), tag('PUNCT'), tag('PROPN'), tag('NOUN'), tag('NOUN')]);
  assert.equal(UPOS[headlineVerbs(['Thailand', ',', 'Cambodia', 'trade', 'fire'], two)[3]!], 'VERB');
  // one name and a word without -s ("Ukraine war updates") is a compound; a sentence with a verb is left alone
  const compound = Int32Array.from([tag('PROPN'), tag('NOUN'), tag('NOUN')]);
  assert.equal(UPOS[headlineVerbs(['Ukraine', 'war', 'updates'], compound)[1]!], 'NOUN');
  const withVerb = Int32Array.from([tag('PROPN'), tag('NOUN'), tag('VERB'), tag('NOUN')]);
  assert.equal(UPOS[headlineVerbs(['US', 'troops', 'enter', 'Syria'], withVerb)[1]!], 'NOUN');
});

test('telegraphic headlines code their act', () => {
  const sanctions = eventsOf('Canada sanctions Iranian generals over drone sales\n\nx');
  assert.ok(sanctions.some((e) => e.cameo.startsWith('16') && e.source?.code === 'CAN' && e.target?.code?.startsWith('IRN')), sanctions.map(show).join('; '));
  const fire = eventsOf('Thailand, Cambodia trade fire at border temple\n\nx');
  assert.deepEqual(fire.filter((e) => e.cameo === '193').map((e) => `${e.source?.code}>${e.target?.code}`).sort(), ['KHM>THA', 'THA>KHM'], fire.map(show).join('; '));
  const bombs = eventsOf('Turkey bombs Kurdish militants in northern Iraq\n\nx');
  assert.ok(bombs.some((e) => e.cameo.startsWith('19') && e.source?.code === 'TUR'), bombs.map(show).join('; '));
});

test('ordering peacekeepers or observers out expels them', () => {
  const events = eventsOf('Niger orders UN observers out\n\nx');
  assert.ok(events.some((e) => e.cameo.startsWith('16') && e.source?.code?.startsWith('NER')), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo.startsWith('06')), events.map(show).join('; '));
});

test('a hyphenated headline verb, and a body that acts as a headline\'s subject', () => {
  const fires = eventsOf('Pakistan test-fires Shaheen-III ballistic missile\n\nx');
  assert.ok(fires.some((e) => e.cameo.startsWith('15') && e.source?.code === 'PAK'), fires.map(show).join('; '));
  const coalition = eventsOf('Saudi-led coalition strikes Houthi targets in Yemen\n\nx');
  assert.ok(coalition.some((e) => e.cameo.startsWith('19') && e.target?.code === 'YEMREB'), coalition.map(show).join('; '));
  const army = eventsOf('Sudanese army retakes presidential palace in Khartoum\n\nx');
  assert.ok(army.some((e) => e.source?.code === 'SDNMIL'), army.map(show).join('; '));
  // a plural act noun after a compound is no verb ("air strikes kill"): left to the tagger
  const strikes = Int32Array.from([tag('ADJ'), tag('NOUN'), tag('NOUN'), tag('VERB'), tag('NUM'), tag('NOUN')]);
  assert.equal(UPOS[headlineVerbs(['Russian', 'air', 'strikes', 'kill', 'eight', 'civilians'], strikes)[2]!], 'NOUN');
});
