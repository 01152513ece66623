/**
 * The transfers stage on constructions of arms-trade reporting that it used to misread, each in a
 * sentence written for this file (real countries; invented deals, model names and figures): a headline
 * verb spelt as one word ("to handover"), "such" naming the model told last, a possessive that names a
 * maker rather than a subject, a maker written inside another item's phrase, equipment a service noun
 * works on, a deal noun's "from" kept inside its own phrase, a delivery that has begun beside its
 * counted order, a gerund clause subject, the passive "be supplied with" on both of its sides, a
 * listed passive subject, a bracketed designation inside a name, "X-class" with and without its
 * hyphen, a variant after a model name, the parties of a predicate with no item, a designation
 * written as a number pair, and one model named two ways.
 */
import { test } from 'node:test';
import { assertRows, rows, type Row } from './helpers/transfer-rows.js';

/** Each want is [supplier, recipient, status, count, a word of the item]; the records read must be exactly these. */
const CASES: { construction: string; text: string; want: Row[] }[] = [
  {
    construction: 'a headline\'s "X to handover Y to Z" is a promise, not a delivery',
    text: 'Finland to handover four minesweepers to Estonia',
    want: [['FIN', 'EST', 'pledged', 4, 'minesweepers']],
  },
  {
    construction: 'a headline\'s "to handover" and a later "will give" of a "Tarvik-class" corvette are one promise',
    text: 'Greece to handover Tarvik class corvette to Cyprus. Greek officials say the navy will give a Tarvik-class corvette to Cyprus before the summer.',
    want: [['GRC', 'CYP', 'pledged', null, 'Tarvik']],
  },
  {
    construction: '"such fighters" names the model of the dyad and category told last before it, not the first',
    text: 'In 2008 Italy handed four ZR-40 training aircraft to Kenya. Italy then sold nine QF-7 fighters to Kenya in 2015. Two years earlier Italy had donated two such fighters to Kenya.',
    want: [['ITA', 'KEN', 'delivered', 4, 'ZR-40'], ['ITA', 'KEN', 'ordered', 9, 'QF-7'], ['ITA', 'KEN', 'delivered', 2, 'QF-7']],
  },
  {
    construction: 'a possessive right before an item ("Turkey\'s QH-3 jets") names its maker, not the subject of a later verb',
    text: "Kenya ordered 10 Hawk trainers in 2021. It may now also be weighing buying Turkey's QH-3 jets and keeps negotiating to acquire the US-built TA-50 jets.",
    want: [['GBR', 'KEN', 'ordered', 10, 'Hawk'], ['TUR', 'KEN', 'planned', null, 'QH-3'], ['USA', 'KEN', 'planned', null, 'TA-50']],
  },
  {
    construction: 'a maker inside another item\'s phrase ("Embraer Tucano planes") does not sell the generic item beside it',
    text: 'Kenya took delivery of eight new trainers and two second-hand Embraer Tucano planes last year.',
    want: [['BRA', 'KEN', 'delivered', 2, 'Tucano']],
  },
  {
    construction: 'equipment in the "of" phrase of a service noun ("a refurbishment of its ageing helicopters and ...") does not move, every member of its list',
    text: 'Kenya signed for six Hawk trainers from Britain, together with a refurbishment of its ageing Puma helicopters and Alpha jets.',
    want: [['GBR', 'KEN', 'ordered', 6, 'Hawk']],
  },
  {
    construction: 'a deal noun\'s "from Z" stays in its phrase (not one inside a relative clause); a begun delivery is a part apart from the counted order',
    text: 'Sweden started shipping Gripen fighters to Hungary last spring. The contract for 14 Gripen fighters, which Hungary wanted because of pressure from Serbia, was concluded in 2019.',
    want: [['SWE', 'HUN', 'delivered', null, 'Gripen'], ['SWE', 'HUN', 'ordered', 14, 'Gripen']],
  },
  {
    construction: 'a gerund that is the subject of a clause after "that" or "whether", the clause going on with a modal, is an act talked about, no transfer',
    text: 'Officials in Italy doubt whether delivering ZR-40 trainers to Kenya would be wise.',
    want: [],
  },
  {
    construction: 'the subject of a passive "be supplied with" receives what follows "with"',
    text: 'Under the accord, Kenya is to be supplied with 40 Zefir anti-ship missiles by Italy.',
    want: [['ITA', 'KEN', 'pledged', 40, 'Zefir']],
  },
  {
    construction: 'equipment that is the subject of a passive "be supplied with" is fitted out, it does not move itself',
    text: 'Italy will give Kenya a refurbished corvette. Its Zefir launchers are to be supplied with 60 missiles.',
    want: [['ITA', 'KEN', 'pledged', null, 'corvette'], ['ITA', 'KEN', 'pledged', 60, 'missiles']],
  },
  {
    construction: 'a variant written as digits and letters after a model name ("Leopard 2A8") stays in the name with its count',
    text: 'Peru bought 30 Leopard 2A8 tanks from Germany in 2020 and ten more Leopard 2A8 tanks in 2022.',
    want: [['DEU', 'PER', 'ordered', 30, 'Leopard 2A8 tanks'], ['DEU', 'PER', 'ordered', 10, 'Leopard 2A8']],
  },
  {
    construction: 'a listed subject of a passive reaches its verb from the list\'s last member; a bracketed designation stays in its name',
    text: 'Six VR-12 jammers and two BK-4 (LM-7) tracking radars were shipped by Italy to Kenya in 2016.',
    want: [['ITA', 'KEN', 'delivered', 6, 'VR-12 jammers'], ['ITA', 'KEN', 'delivered', 2, 'BK-4 (LM-7) tracking radars']],
  },
  {
    construction: 'a predicate with both parties and no equipment read ("supplied Kenya with weapons") gives the parties of a pronoun subject after it',
    text: 'Kenya wants to acquire extra patrol boats from Italy. Over the past decade Turkey has supplied Kenya with weapons, both donated and sold. In 2017 it sold 300 KT-7 mortars to the Kenyan army under a loan.',
    want: [['ITA', 'KEN', 'planned', null, 'patrol boats'], ['TUR', 'KEN', 'ordered', 300, 'KT-7']],
  },
  {
    construction: 'a number pair after a count and before an equipment noun ("36 44-12 rockets") is a designation, the count is the first number',
    text: 'Norway delivered 36 44-12 rockets to Estonia in March.',
    want: [['NOR', 'EST', 'delivered', 36, '44-12 rockets']],
  },
  {
    construction: 'one model named by two nouns of one category in one dyad ("Tarvik warship", "Tarvik offshore patrol ships") is one item',
    text: 'Kenya gets opening Tarvik warship from Italy. On Friday Italy handed over to Kenya the first of three Tarvik offshore patrol ships, which Kenya bought in 2022.',
    want: [['ITA', 'KEN', 'delivered', null, 'Tarvik offshore patrol ships'], ['ITA', 'KEN', 'ordered', 3, 'Tarvik offshore patrol ships']],
  },
  {
    construction: 'a maker\'s name and "built" written apart inside a counted phrase ("fifteen Turkey built corvettes", any count word) keep the count and name the supplier',
    text: 'Kenya took delivery of fifteen Turkey built corvettes in May.',
    want: [['TUR', 'KEN', 'delivered', 15, 'corvettes']],
  },
  {
    construction: 'an indefinite counted generic ("four additional sonars") brings equipment of its own; it is not a model of unknown kind told before',
    text: 'Kenya plans to acquire the ZK-90 from Italy. Nairobi also means to purchase four additional sonars from Italy.',
    want: [['ITA', 'KEN', 'planned', null, 'ZK-90'], ['ITA', 'KEN', 'planned', 4, 'sonars']],
  },
  {
    construction: 'a hyphenated adjective after a name ("Tarpan bridge-laying tracked vehicles") stays inside the phrase with its count',
    text: 'Poland has pledged 18 Tarpan bridge-laying tracked vehicles to Latvia.',
    want: [['POL', 'LVA', 'pledged', 18, 'Tarpan bridge-laying tracked vehicles']],
  },
  {
    construction: 'equipment named as a stock ("its missile stockpile") is an inventory, no item that moves',
    text: 'Estonia ordered six Caesar howitzers from France and will hand some of its missile stockpile to Latvia.',
    want: [['FRA', 'EST', 'ordered', 6, 'Caesar']],
  },
  {
    construction: 'a means clause ("by shipping") has its main verb\'s subject as supplier and gives to the state the main verb helps, a body after a possessor ("Moscow\'s army") standing in the possessor\'s "to" phrase',
    text: "Italy sold frigates to Greece in 2019. Belarus has lent weight to Moscow's army in its war on Georgia by shipping thousands of shells and rocket launchers.",
    want: [['ITA', 'GRC', 'ordered', null, 'frigates'], ['BLR', 'RUS', 'delivered', null, 'shells'], ['BLR', 'RUS', 'delivered', null, 'rocket launchers']],
  },
  {
    construction: 'a means clause after a helped object: "Italy supported Kenya by shipping 20 mortars"',
    text: 'Italy sold frigates to Greece in 2018. Italy, for its part, supported Kenya by shipping 20 mortars.',
    want: [['ITA', 'GRC', 'ordered', null, 'frigates'], ['ITA', 'KEN', 'delivered', 20, 'mortars']],
  },
  {
    construction: 'a lead\'s getter that names no state ("The air arm took delivery of ... from Italy") receives what a later telling from the same supplier gives to a state',
    text: 'The air arm took delivery of four Z-9 trainers from Italy on Friday. Italy had already handed three Z-9 trainers to Kenya in 2021.',
    want: [['ITA', 'KEN', 'delivered', 4, 'Z-9'], ['ITA', 'KEN', 'delivered', 3, 'Z-9']],
  },
  {
    construction: 'two models sharing only a class word and told with different numbers ("Block 7 patrol boats", "Block 9 fast attack boats") stay two items',
    text: 'Kenya has ordered three Block 7 patrol boats and four Block 9 fast attack boats from Turkey.',
    want: [['TUR', 'KEN', 'ordered', 3, 'Block 7 patrol boats'], ['TUR', 'KEN', 'ordered', 4, 'Block 9 fast attack boats']],
  },
];

for (const c of CASES) {
  test(`transfers: ${c.construction}`, () => {
    assertRows(rows(c.text), c.want);
  });
}
