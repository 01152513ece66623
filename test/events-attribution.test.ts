/** Attribution (speaker, outlet chain), event dates and modality, with dates given by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRIES, sketchDoc } from './helpers/event-fixtures.js';
import { codeEvents } from '../src/stages/events/index.js';
import { readFrame } from '../src/stages/events/attribution.js';
import { createContext } from '../src/core/context.js';

const ctx = createContext();
const ENTITIES = [...Object.values(COUNTRIES), { name: 'TASS', type: 'organization' as const, code: 'RUSMED' }];

test('readFrame: leading, trailing and "according to" attribution', () => {
  const cases: [string, string, number][] = [
    ['Russia said that it sent tanks to Syria.', 'Russia', 'Russia said that '.length],
    ['Russia sent tanks to Syria, the ministry said on Monday.', 'the ministry', 0],
    ['Russia sent tanks to Syria, says the defense ministry.', 'the defense ministry', 0],
    ['According to TASS, Russia sent tanks to Syria.', 'TASS', 'According to TASS'.length],
    // a relative clause set off by commas between the speaker and the verb; no inverted speaker made of the claim
    ['The navy, which has patrolled the strait since May, said on Friday it had sunk two boats.', 'The navy', 'The navy, which has patrolled the strait since May, said on Friday '.length],
  ];
  for (const [sentence, speaker, claimStart] of cases) {
    const frame = readFrame(sentence);
    assert.ok(frame.speaker, sentence);
    assert.equal(sentence.slice(frame.speaker.start, frame.speaker.end), speaker, sentence);
    assert.equal(frame.claimStart, claimStart, sentence);
  }
  assert.equal(readFrame('Russia sent tanks to Syria.').speaker, null);
});

test('speaker and outlet chain: named outlet first, then credited source, then publisher', () => {
  const doc = sketchDoc({
    text: "Russia's TASS news agency reported on Friday that Moscow will send 30 tanks to Syria.",
    entities: ENTITIES,
    source: 'Iran Press TV',
    publisher: 'GlobalSecurity.org',
    dates: [{ text: 'on Friday', value: '2024-03-15', precision: 'day' }],
  });
  const [event] = codeEvents(doc, ctx);
  assert.ok(event);
  assert.equal(event.attribution.speaker, "Russia's TASS news agency");
  assert.deepEqual(event.attribution.via, ['TASS', 'Iran Press TV', 'GlobalSecurity.org']);
  assert.equal(event.modality, 'planned');
  assert.equal(event.date, '2024-03-15', 'no date of its own: the attribution date');
  assert.deepEqual(event.quantities, [{ count: 30, item: 'tanks', category: 'tanks' }]);
});

test('event date: own date first, with its precision; historical when long before publication', () => {
  const doc = sketchDoc({
    text: 'The United States invaded Afghanistan in October 2001.',
    entities: ENTITIES,
    published: '2021-09-11T12:42',
    dates: [{ text: 'October 2001', value: '2001-10', precision: 'month' }],
  });
  const [event] = codeEvents(doc, ctx);
  assert.equal(event?.date, '2001-10');
  assert.equal(event?.precision, 'month');
  assert.equal(event?.modality, 'historical');
});

test('no date in the sentence: the publication day', () => {
  const doc = sketchDoc({ text: 'Germany condemned Iran.', entities: ENTITIES, published: '2021-09-11T12:42' });
  const [event] = codeEvents(doc, ctx);
  assert.equal(event?.date, '2021-09-11');
  assert.equal(event?.precision, 'day');
  assert.equal(event?.modality, 'asserted');
});

test('modality: hypothetical and reported', () => {
  const hypothetical = codeEvents(sketchDoc({ text: 'Iran could attack Israel if talks fail.', entities: ENTITIES }), ctx);
  assert.equal(hypothetical[0]?.modality, 'hypothetical');
  assert.equal(hypothetical[0]?.cameo.slice(0, 2), '13', 'a conditional attack is coded as a threat');
  const reported = codeEvents(sketchDoc({ text: 'Russia reportedly shelled Ukraine.', entities: ENTITIES }), ctx);
  assert.equal(reported[0]?.modality, 'reported');
});

test('events carry Goldstein and QuadClass from the codebook', () => {
  const [event] = codeEvents(sketchDoc({ text: 'Germany condemned Iran.', entities: ENTITIES }), ctx);
  assert.equal(event?.cameo, '111');
  assert.equal(event?.plover, 'ACCUSE');
  assert.equal(event?.goldstein, -2);
  assert.equal(event?.quadClass, 3);
});

test('an article in another language codes no events and says why', () => {
  const doc = sketchDoc({ text: 'La Russie a envoyé des chars au Tadjikistan.', entities: ENTITIES });
  doc.article!.language = 'fr';
  assert.deepEqual(codeEvents(doc, ctx), []);
  assert.equal(doc.messages[0]?.rule, 'events/not-english');
});
