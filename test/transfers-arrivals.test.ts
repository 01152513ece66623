/**
 * The transfers stage on arrivals, acquisitions and won orders, each in a sentence written for this
 * file (real countries, makers and models; invented deals and figures): a "from the X" after the item,
 * a participle's supplier completed by the arrival's destination, a destination named by a town, what
 * comes after "arrived" (a carrier, no item), a warship's port call, a state's new equipment of another
 * state's model, the tense of "acquire", an order won from a buyer, a list member far from its noun, talks
 * with a seller, a deal cancelled in a later clause, two signatories of a deal for one's own model, and
 * a state that became a model's buyer or customer, "N of them" for the equipment told before, a wire
 * dateline, a getting verb's "from" kept to its own clause, a relative clause with its pronoun, and a
 * gerund after "after" with the main clause's subject, "more than N", the carrier a shipment was flown in by, a former user's equipment ("ex-Dutch"), and a delivery held up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRows, rows, type Row } from './helpers/transfer-rows.js';
import { eventsOf } from './helpers/story-events.js';
import { createContext } from '../src/core/context.js';
import { analyzeInput } from '../src/analysis.js';

/** Each want is [supplier, recipient, status, count, a word of the item]; the records read must be exactly these. */
const CASES: { construction: string; text: string; want: Row[] }[] = [
  {
    construction: 'a "from the X" right after a generic item names its supplier (an arrival in a state)',
    text: 'Eight howitzers from the Czech Republic arrived in Armenia on Thursday.',
    want: [['CZE', 'ARM', 'delivered', 8, 'howitzers']],
  },
  {
    construction: 'a participle names the supplier ("donated by X") and the arrival the recipient',
    text: 'Six patrol boats donated by Japan arrived in Vietnam last week.',
    want: [['JPN', 'VNM', 'delivered', 6, 'patrol boats']],
  },
  {
    construction: 'an arrival in a town names the state the town lies in',
    text: 'Twelve armoured vehicles from Turkey arrived in Mombasa on Saturday.',
    want: [['TUR', 'KEN', 'delivered', 12, 'armoured vehicles']],
  },
  {
    construction: 'what follows "arrived" is the carrier, not what arrives',
    text: 'Four Caesar howitzers from France arrived in Yerevan aboard a transport plane.',
    want: [['FRA', 'ARM', 'delivered', 4, 'Caesar']],
  },
  {
    construction: "a state's warship arriving in a port is a port call, no transfer",
    text: 'A Chinese destroyer arrived in Colombo for a four-day stop on Tuesday.',
    want: [],
  },
  {
    construction: "a state's new equipment of another state's model came from that state",
    text: "Romania's first F-35 fighters arrived at an air base near the Black Sea coast.",
    want: [['USA', 'ROU', 'delivered', null, 'F-35']],
  },
  {
    construction: '"acquired" tells a delivery, "is acquiring" a deal under way, "plans to acquire" a plan',
    text: 'Croatia acquired 12 Rafale jets from France in 2021. Slovakia is acquiring 152 CV90 vehicles from Sweden. Estonia plans to acquire six HIMARS launchers from the United States.',
    want: [
      ['FRA', 'HRV', 'delivered', 12, 'Rafale'],
      ['SWE', 'SVK', 'ordered', 152, 'CV90'],
      ['USA', 'EST', 'planned', 6, 'HIMARS'],
    ],
  },
  {
    construction: 'an order won "from" a state comes from the buyer; every member of its list is ordered',
    text: "Sweden's Saab won a $900 million order from Latvia for 20 radars and 40 missile launchers.",
    want: [
      ['SWE', 'LVA', 'ordered', 20, 'radars'],
      ['SWE', 'LVA', 'ordered', 40, 'missile launchers'],
    ],
  },
  {
    construction: 'talks "with" a seller "over" or "for" equipment are a plan; talks over a deal noun leave the noun its parties',
    text: 'Ghana is negotiating with Brazil over six Super Tucano aircraft. Spain is negotiating with Morocco over the sale of 20 Leopard tanks.',
    want: [
      ['BRA', 'GHA', 'planned', 6, 'Super Tucano'],
      ['ESP', 'MAR', 'planned', 20, 'Leopard'],
    ],
  },
  {
    construction: 'a later clause whose subject is the deal and whose verb cancels it leaves no record; a cancelled other deal does not',
    text: 'Peru bought 10 Kfir jets from Israel, but the contract was later scrapped. Bolivia bought eight K-8 trainers from China, but Ecuador scrapped its own order.',
    want: [['CHN', 'BOL', 'ordered', 8, 'K-8']],
  },
  {
    construction: 'two states signing for one state\'s model: the other buys it, and the promise that follows keeps that direction',
    text: 'Norway and Germany signed a deal on Monday for four Type 212CD submarines. The first boat is due to be handed over in 2029.',
    want: [['DEU', 'NOR', 'ordered', 4, 'Type 212CD']],
  },
  {
    construction: 'a state that "became a buyer" or "a customer" of a model ordered it from the model\'s state; a buyer of goods that are no arms reads nothing',
    text: 'Uruguay became the first export customer of the Brazilian Guarani vehicle. Egypt is the largest buyer of Ukrainian wheat.',
    want: [['BRA', 'URY', 'ordered', null, 'Guarani']],
  },
  {
    construction: '"N of them" after a named order is a part of that equipment, with its kind; a count of a pronoun with no transfer before it reads nothing',
    text: 'Ghana ordered ten Z-10 helicopters from China in 2023. China handed over three of them in May. The rebels lost 20 trucks; eight of them burned.',
    want: [
      ['CHN', 'GHA', 'ordered', 10, 'Z-10'],
      ['CHN', 'GHA', 'delivered', 3, 'Z-10'],
    ],
  },
  {
    construction: 'a wire dateline\'s place gives and gets nothing',
    text: 'KYIV — Sweden will send Ukraine its Archer artillery system and 50 CV90 infantry fighting vehicles as part of its largest aid package yet, the government said on Thursday.',
    want: [
      ['SWE', 'UKR', 'pledged', null, 'Archer'],
      ['SWE', 'UKR', 'pledged', 50, 'CV90'],
    ],
  },
  {
    construction: 'a getting verb\'s "from" stands in its own clause; an item past ", after ..." belongs to that clause',
    text: 'Ghana is in talks with Turkey about buying patrol boats, officials said, after years of failed efforts to obtain frigates from Spain.',
    want: [['TUR', 'GHA', 'planned', null, 'patrol boats']],
  },
  {
    construction: 'a relative clause with its pronoun names the order ("the boats that X ordered from Y"); the passive after it delivers between the same parties',
    text: 'The first three of ten patrol boats that Senegal ordered from France in 2019 were handed over in Lorient, the navy said.',
    want: [
      ['FRA', 'SEN', 'ordered', 10, 'patrol boats'],
      ['FRA', 'SEN', 'delivered', 3, 'patrol boats'],
    ],
  },
  {
    construction: 'a gerund after "after" or "before" has the main clause\'s subject for its own',
    text: 'Peru was dropped from the programme in 2020 after buying 14 Kfir jets from Israel.',
    want: [['ISR', 'PER', 'ordered', 14, 'Kfir']],
  },
  {
    construction: '"more than N" is a count, not a comparison; "cheaper than X" still compares',
    text: 'The US approved the sale of more than 300 Javelin missiles to Estonia. Estonia said the Javelin was cheaper than the Spike LR.',
    want: [['USA', 'EST', 'approved', 300, 'Javelin']],
  },
  {
    construction: 'the aircraft a shipment was "flown in by" carried it; it is not part of it',
    text: 'Kazakhstan received a batch of Turkish Anka drones, flown in by two A400M transport aircraft, on Tuesday.',
    want: [['TUR', 'KAZ', 'delivered', null, 'Anka']],
  },
  {
    construction: '"ex-Dutch" equipment comes from the state that used it, not the maker; a "by" after a buying verb names no seller',
    text: 'Chile bought 10 ex-Dutch Leopard tanks under an arrangement approved by Germany.',
    want: [['NLD', 'CHL', 'ordered', 10, 'Leopard']],
  },
  {
    construction: 'a delivery held up ("had been postponed", "froze the delivery of") is none; the purchase told in its phrase stays',
    text: 'Hungary said deliveries of the 24 H225M helicopters it ordered from France had been postponed. Paris froze the delivery of six Rafale jets to Serbia.',
    want: [['FRA', 'HUN', 'ordered', 24, 'H225M']],
  },
  {
    construction: 'capitals and a number ("Saab 2000", "ASC 890") name a model, no count; "two more batteries of" counts the batteries',
    text: 'Norway will give Estonia three GSC 620 surveillance aircraft. Jakarta signed for two more batteries of the Chunmoo rocket system.',
    want: [['NOR', 'EST', 'pledged', 3, 'GSC 620'], ['KOR', 'IDN', 'ordered', 2, 'Chunmoo']],
  },
  {
    construction: 'a currency code and its sum ("USD 300 million") name no model',
    text: 'Kenya signed a USD 300 million deal with Turkey for 12 Bayraktar TB2 drones.',
    want: [['TUR', 'KEN', 'ordered', 12, 'TB2']],
  },
  {
    construction: 'a designation with a slash and several letters ("AN/TPQ-50") keeps its count, and "fire control" modifies radars',
    text: 'Washington has cleared the possible sale of 14 AN/TPQ-50 fire control radars to Latvia.',
    want: [['USA', 'LVA', 'approved', 14, 'AN/TPQ-50']],
  },
  {
    construction: 'a deal weighed ("whether to send", "whether it should sell") is no record',
    text: 'Berlin is still weighing whether to send Taurus missiles to Kyiv. Seoul has not decided whether it should sell K2 tanks to Riyadh.',
    want: [],
  },
];

for (const c of CASES) {
  test(`transfers: ${c.construction}`, () => {
    assertRows(rows(c.text), c.want);
  });
}

test('events: equipment a state owns arriving somewhere is no visit; a minister arriving is one', () => {
  const things = eventsOf("Romania's first F-35 fighters arrived in Bucharest on Monday.");
  assert.deepEqual(things.filter((e) => e.cameo === '042').map((e) => e.source?.code), []);
  const people = eventsOf("Romania's defence minister arrived in Warsaw on Monday.");
  assert.ok(people.some((e) => e.cameo === '042' && e.source?.code?.startsWith('ROU') && e.target?.code === 'POL'), JSON.stringify(people.map((e) => [e.cameo, e.source?.code, e.target?.code])));
});

test('transfers: each date of a sentence belongs to the predicate nearest it ("ordered X and received Y in 2023")', () => {
  const ctx = createContext({ now: new Date('2025-06-15T10:00:00Z') });
  const doc = analyzeInput({ origin: 'dates.txt', bytes: Buffer.from('Ghana has ordered two Turkish corvettes and received four Chinese patrol boats in 2023.'), isRaw: true, published: '2025-06-15T10:00:00' }, ctx);
  const byStatus = Object.fromEntries((doc.transfers ?? []).map((t) => [t.status, t.date]));
  assert.equal(byStatus['delivered'], '2023', JSON.stringify(doc.transfers));
  assert.notEqual(byStatus['ordered'], '2023', JSON.stringify(doc.transfers));
});
