/**
 * The transfers stage on constructions found by the kinds of error it made on unseen arms-trade news
 * (sentences of our own, invented figures): a headline's "X to handover Y", an anaphor ("such jets")
 * naming the equipment told last, a maker's possessive that is no subject, a maker inside another
 * item's phrase, equipment a service works on, a deal noun's "from Z" kept to its own phrase, a
 * delivery begun beside the order it belongs to, a gerund as the subject of a clause, the passive
 * "be supplied with", a listed subject of a passive, a bracketed designation inside a name, and
 * "X-class" written with and without its hyphen, the parties of a predicate with no item read, a
 * designation written as a number pair, and one model named by two nouns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../src/core/context.js';
import { analyzeInput } from '../src/analysis.js';
import type { Transfer } from '../src/core/doc.js';

const ctx = createContext({ now: new Date('2025-06-15T10:00:00Z') });

type Row = [string | null, string | null, string, number | null, string];

function rows(text: string): Row[] {
  const doc = analyzeInput({ origin: 'test.txt', bytes: Buffer.from(text), isRaw: true, published: '2025-06-15T10:00:00' }, ctx);
  return (doc.transfers ?? []).flatMap((t: Transfer) => t.items.map((i) => [t.supplier, t.recipient, t.status, i.count, i.item] as Row));
}

/** Each want is [supplier, recipient, status, count, a word of the item]; the records read must be exactly these. */
const CASES: { construction: string; text: string; want: Row[] }[] = [
  {
    construction: 'a headline\'s "X to handover Y to Z" is a promise, not a delivery',
    text: 'Norway to handover three patrol boats to Ghana',
    want: [['NOR', 'GHA', 'pledged', 3, 'patrol boats']],
  },
  {
    construction: 'a headline\'s "to handover" and the body\'s "will transfer" a "Petya-class" frigate are one promise',
    text: 'Vietnam to handover Petya class frigate to Laos. The Vietnamese government said it will transfer a Petya-class frigate to Laos next year.',
    want: [['VNM', 'LAO', 'pledged', null, 'Petya']],
  },
  {
    construction: '"such jets" names the equipment of the dyad told last before it, not the first',
    text: 'Spain gave 4 C-295 transport aircraft to Peru in 2010. In 2014 Spain sold 6 AV-8B jets to Peru. Before that sale it had given 3 such jets to Peru.',
    want: [['ESP', 'PER', 'delivered', 4, 'C-295'], ['ESP', 'PER', 'ordered', 6, 'AV-8B'], ['ESP', 'PER', 'delivered', 3, 'AV-8B']],
  },
  {
    construction: 'a possessive right before an item ("China\'s J-10 jets") names its maker, not the subject of a later verb',
    text: "Chile ordered 12 Gripen jets in 2023. It is also considering ordering China's J-10 jets and holds talks to buy the US-made F-16V jets.",
    want: [['SWE', 'CHL', 'ordered', 12, 'Gripen'], ['CHN', 'CHL', 'planned', null, 'J-10'], ['USA', 'CHL', 'planned', null, 'F-16V']],
  },
  {
    construction: 'a maker inside another item\'s phrase ("Dassault Mirage jets") does not sell the generic item beside it',
    text: 'Peru received 12 new fighters and four used Dassault Mirage jets in 2020.',
    want: [['FRA', 'PER', 'delivered', 4, 'Mirage']],
  },
  {
    construction: 'equipment in the "of" phrase of a service noun ("an overhaul of its old jets and ...") does not move, every member of its list',
    text: 'Peru bought ten Super Tucano trainers from Brazil, along with an overhaul of its old Mirage jets and Bell helicopters.',
    want: [['BRA', 'PER', 'ordered', 10, 'Super Tucano']],
  },
  {
    construction: 'a deal noun\'s "from Z" stays in its phrase (not one inside a relative clause); a begun delivery is a part apart from the counted order',
    text: 'France began delivering Rafale jets to Greece in 2021. The deal for 18 Rafale jets, which Greece says it needs against a threat from Turkey, was signed in 2020.',
    want: [['FRA', 'GRC', 'delivered', null, 'Rafale'], ['FRA', 'GRC', 'ordered', 18, 'Rafale']],
  },
  {
    construction: 'a gerund that is the subject of a clause after "that" is an act talked about, no transfer',
    text: 'There are worries in Washington that supplying Taiwan with F-16 jets could anger China.',
    want: [],
  },
  {
    construction: 'the subject of a passive "be supplied with" receives what follows "with"',
    text: 'Chile will be supplied with 16 Exocet missiles by France.',
    want: [['FRA', 'CHL', 'pledged', 16, 'Exocet']],
  },
  {
    construction: 'a listed subject of a passive reaches its verb from the list\'s last member; a bracketed designation stays in its name',
    text: 'Four XK-Z sonars and four QQ-05-Mk-3 (TT-02) search radars were supplied to Peru by Chile in 2011.',
    want: [['CHL', 'PER', 'delivered', 4, 'XK-Z sonars'], ['CHL', 'PER', 'delivered', 4, 'QQ-05-Mk-3 (TT-02) search radars']],
  },
  {
    construction: 'a predicate with both parties and no equipment read ("provided Peru with military equipment") gives the parties of a pronoun subject after it',
    text: 'Peru is likely to buy more frigates from Spain. Chile has provided Peru with military equipment through aid and sales. It sold 20 XY-9 torpedoes to the Peruvian navy as part of a deal.',
    want: [['ESP', 'PER', 'planned', null, 'frigates'], ['CHL', 'PER', 'ordered', 20, 'XY-9']],
  },
  {
    construction: 'a number pair after a count and before an equipment noun ("24 30-11 torpedoes") is a designation, the count is the first number',
    text: 'Chile sold a frigate to Peru in 2020. The frigate will be supplied with 24 30-11 torpedoes.',
    want: [['CHL', 'PER', 'ordered', null, 'frigate'], ['CHL', 'PER', 'pledged', 24, '30-11 torpedoes']],
  },
  {
    construction: 'one model named by two nouns of one category in one dyad ("Galicia warships", "Galicia amphibious landing ships") is one item',
    text: 'Peru receives first of two Spanish Galicia warships. On Monday Peru received the first of two Galicia amphibious landing ships from Spain, which sold them under a 2021 contract.',
    want: [['ESP', 'PER', 'delivered', null, 'Galicia amphibious landing ships'], ['ESP', 'PER', 'ordered', 2, 'Galicia amphibious landing ships']],
  },
  {
    construction: 'a maker\'s name and "made" written apart inside a counted phrase ("the two China made submarines") keep the count and name the supplier',
    text: 'Peru received the two China made submarines on Monday.',
    want: [['CHN', 'PER', 'delivered', 2, 'submarines']],
  },
  {
    construction: 'an indefinite counted generic ("two new radars") brings equipment of its own; it is not a model of unknown kind told before',
    text: 'Peru will buy the QX-9 from Israel. It will also buy two new radars from Israel.',
    want: [['ISR', 'PER', 'planned', null, 'QX-9'], ['ISR', 'PER', 'planned', 2, 'radars']],
  },
  {
    construction: 'a hyphenated adjective after a name ("Grizzly mine-clearing armoured vehicles") stays inside the phrase with its count',
    text: 'Canada promised 30 Grizzly mine-clearing armoured vehicles to Ukraine.',
    want: [['CAN', 'UKR', 'pledged', 30, 'Grizzly mine-clearing armoured vehicles']],
  },
  {
    construction: 'equipment named as a stock ("its ammunition stocks") is an inventory, no item that moves',
    text: 'Chile signed a deal to buy 12 K9 howitzers from South Korea and plans to share its ammunition stocks with Peru.',
    want: [['KOR', 'CHL', 'ordered', 12, 'K9']],
  },
  {
    construction: 'a means clause ("by providing") has its main verb\'s subject as supplier and gives to the state the main verb helps, a body after a possessor ("the Kremlin\'s military") standing in the possessor\'s "to" phrase',
    text: "Norway sold ships to Chile in 2020. So far, Norway has contributed to the Kremlin's military efforts in Ukraine by providing hundreds of drones, artillery ammunition, and substantial support.",
    want: [['NOR', 'CHL', 'ordered', null, 'ships'], ['NOR', 'RUS', 'delivered', null, 'drones'], ['NOR', 'RUS', 'delivered', null, 'artillery ammunition']],
  },
  {
    construction: 'a means clause after a helped object: "Spain has also helped Peru by sending 12 howitzers"',
    text: 'Spain sold ships to Chile in 2020. Spain has also helped Peru by sending 12 howitzers.',
    want: [['ESP', 'CHL', 'ordered', null, 'ships'], ['ESP', 'PER', 'delivered', 12, 'howitzers']],
  },
  {
    construction: 'a lead\'s getter that names no state ("The navy accepted ... from Japan") receives what a later telling from the same supplier gives to a state',
    text: 'The navy accepted three KX-4 patrol planes from the Japanese government on Monday. In 2019 Japan transferred two KX-4 planes to the Peruvian Navy.',
    want: [['JPN', 'PER', 'delivered', 3, 'KX-4'], ['JPN', 'PER', 'delivered', 2, 'KX-4']],
  },
  {
    construction: 'two models sharing only a class word and told with different numbers ("Type 054 frigates", "Type 056 missile corvettes") stay two items',
    text: 'Peru bought two Type 054 frigates and two Type 056 missile corvettes from China.',
    want: [['CHN', 'PER', 'ordered', 2, 'Type 054 frigates'], ['CHN', 'PER', 'ordered', 2, 'Type 056 missile corvettes']],
  },
];

for (const c of CASES) {
  test(`transfers: ${c.construction}`, () => {
    const got = rows(c.text);
    assert.equal(got.length, c.want.length, `records: ${JSON.stringify(got)}`);
    for (const [supplier, recipient, status, count, word] of c.want) {
      const hit = got.find(([s, r, st, n, item]) => s === supplier && r === recipient && st === status && n === count && item.includes(word));
      assert.ok(hit, `want ${supplier}>${recipient} ${status} ${count} ${word}; got ${JSON.stringify(got)}`);
    }
  });
}
