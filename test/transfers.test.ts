/**
 * The transfers stage on sentences of our own, one construction per case: lists, packages, passives,
 * batches and their orders, "X received Y from Z", approvals, "X-made", negation, cancellation,
 * own-industry deliveries and money-only aid. Each text runs through the whole pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../src/core/context.js';
import { analyzeInput } from '../src/analysis.js';
import { mergeTransfers, transferKey } from '../src/stages/transfers/index.js';
import type { Transfer } from '../src/core/doc.js';

const ctx = createContext({ now: new Date('2024-03-15T10:00:00Z') });

function read(text: string): Transfer[] {
  const doc = analyzeInput({ origin: 'test.txt', bytes: Buffer.from(text), isRaw: true, published: '2024-03-15T10:00:00' }, ctx);
  for (const t of doc.transfers ?? []) {
    assert.equal(doc.article!.text.slice(t.evidence.start, t.evidence.end), t.evidence.text);
    assert.ok(t.rule?.startsWith('transfers/'), `rule id on ${JSON.stringify(t)}`);
    assert.ok(t.trigger && doc.article!.text.slice(t.trigger.start, t.trigger.end) === t.trigger.text, 'trigger span');
  }
  return doc.transfers ?? [];
}

/** [supplier, recipient, status, count, item] of every record, for compact assertions. */
function rows(transfers: Transfer[]): [string | null, string | null, string, number | null, string][] {
  return transfers.flatMap((t) => t.items.map((i) => [t.supplier, t.recipient, t.status, i.count, i.item] as [string | null, string | null, string, number | null, string]));
}

const CASES: { construction: string; text: string; want: [string, string, string, number | null, string][] }[] = [
  {
    construction: 'a list of items splits into one record per item, each with its count',
    text: 'Norway shipped 14 howitzers, 30 mortars and 200 rifles to Chile last week.',
    want: [['NOR', 'CHL', 'delivered', 14, 'howitzers'], ['NOR', 'CHL', 'delivered', 30, 'mortars'], ['NOR', 'CHL', 'delivered', 200, 'rifles']],
  },
  {
    construction: 'a package that "includes" items: a pledge, parties from the sentence before',
    text: 'Spain unveiled a new military aid package for Jordan on Monday. The package includes six patrol boats and 40 machine guns.',
    want: [['ESP', 'JOR', 'pledged', 6, 'patrol boats'], ['ESP', 'JOR', 'pledged', 40, 'machine guns']],
  },
  {
    construction: 'a passive: "was handed over to Y by X", no count written',
    text: 'A corvette was handed over to Ghana by Italy at a port ceremony.',
    want: [['ITA', 'GHA', 'delivered', null, 'corvette']],
  },
  {
    construction: '"X received Y from Z" with a number word',
    text: 'Kenya received two transport helicopters from France on Friday.',
    want: [['FRA', 'KEN', 'delivered', 2, 'transport helicopters']],
  },
  {
    construction: '"the first batch of" a larger order: two records, the batch without a count',
    text: 'Chile received the first batch of Leopard 2 tanks from Germany. Chile ordered 24 Leopard 2 tanks from Germany in 2019.',
    want: [['DEU', 'CHL', 'delivered', null, 'Leopard 2 tanks'], ['DEU', 'CHL', 'ordered', 24, 'Leopard 2 tanks']],
  },
  {
    construction: 'a government approval of a possible sale is "approved"',
    text: 'The United States approved the possible sale of 12 F-16 fighter jets to Morocco.',
    want: [['USA', 'MAR', 'approved', 12, 'F-16 fighter jets']],
  },
  {
    construction: '"signed a contract for" Z-made equipment: ordered, the maker state supplies',
    text: 'Peru signed a contract for 18 Korean-made K9 howitzers.',
    want: [['KOR', 'PER', 'ordered', 18, 'K9 howitzers']],
  },
  {
    construction: 'a promise ("will send") is pledged',
    text: 'Canada will send 8 armoured personnel carriers to Latvia.',
    want: [['CAN', 'LVA', 'pledged', 8, 'armoured personnel carriers']],
  },
  {
    construction: 'talks to buy are planned',
    text: 'Vietnam is in talks to buy 12 Gripen fighters from Sweden.',
    want: [['SWE', 'VNM', 'planned', 12, 'Gripen fighters']],
  },
  {
    construction: 'an unknown count is null, not 0, and a sale is ordered',
    text: 'France sold Rafale jets to Greece.',
    want: [['FRA', 'GRC', 'ordered', null, 'Rafale jets']],
  },
  {
    construction: '"the first of N" in a passive: the delivered one without a count, and the order of N',
    text: 'The first of three frigates built for Chile was handed over by Spain on Tuesday.',
    want: [['ESP', 'CHL', 'delivered', null, 'frigates'], ['ESP', 'CHL', 'ordered', 3, 'frigates']],
  },
  {
    construction: '"the first two of N": a delivery of two and the order of N',
    text: 'Italy delivered the first two of 16 trainer jets to Ghana.',
    want: [['ITA', 'GHA', 'delivered', 2, 'trainer jets'], ['ITA', 'GHA', 'ordered', 16, 'trainer jets']],
  },
  {
    construction: 'a list of recipients gives one record per recipient',
    text: 'Sweden previously sold howitzers to Chile, Peru and Bolivia.',
    want: [['SWE', 'CHL', 'ordered', null, 'howitzers'], ['SWE', 'PER', 'ordered', null, 'howitzers'], ['SWE', 'BOL', 'ordered', null, 'howitzers']],
  },
  {
    construction: 'a delivery schedule folds into its order; a verb form in a list is a modifier',
    text: 'Chile ordered 30 Leopard 2 tanks, 12 howitzers and ten recovery vehicles from Germany. Ten of the tanks are to be delivered next year.',
    want: [['DEU', 'CHL', 'ordered', 30, 'Leopard 2 tanks'], ['DEU', 'CHL', 'ordered', 12, 'howitzers'], ['DEU', 'CHL', 'ordered', 10, 'recovery vehicles']],
  },
  {
    construction: '"the remaining N will be delivered" is the schedule of a deal told before',
    text: 'Spain handed over the first two of six patrol boats to Chile on Monday. The remaining four boats will be delivered next year.',
    want: [['ESP', 'CHL', 'delivered', 2, 'patrol boats'], ['ESP', 'CHL', 'ordered', 6, 'patrol boats']],
  },
  {
    construction: 'the subject of a conjoined clause is its own ("... and Spain pledged")',
    text: 'Norway has agreed to send 14 howitzers to Latvia, and Spain pledged 20 ASCOD infantry fighting vehicles.',
    want: [['NOR', 'LVA', 'pledged', 14, 'howitzers'], ['ESP', 'LVA', 'pledged', 20, 'ASCOD infantry fighting vehicles']],
  },
  {
    construction: 'one transfer told twice is one record with the count',
    text: 'Portugal has delivered howitzers to Angola. The defence ministry in Lisbon said Portugal delivered 16 howitzers to Angola.',
    want: [['PRT', 'AGO', 'delivered', 16, 'howitzers']],
  },
  {
    construction: 'the "to Y" after a list of items a sale names is every item\'s',
    text: 'The State Department approved the possible sale of 24 Hellfire missiles and six launchers to Oman.',
    want: [['USA', 'OMN', 'approved', 24, 'Hellfire missiles'], ['USA', 'OMN', 'approved', 6, 'launchers']],
  },
  {
    construction: 'a generic noun of another kind (frigates, submarines) keeps its own noun',
    text: 'Greece bought three Belharra frigates from France, and Peru ordered two submarines from Germany.',
    want: [['FRA', 'GRC', 'ordered', 3, 'Belharra frigates'], ['DEU', 'PER', 'ordered', 2, 'submarines']],
  },
  {
    construction: 'a verb form the tagger reads as a noun ("Gowind ships") is no predicate',
    text: 'Peru bought Gowind ships and Exocet missiles from France.',
    want: [['FRA', 'PER', 'ordered', null, 'Gowind ships'], ['FRA', 'PER', 'ordered', null, 'Exocet missiles']],
  },
  {
    construction: 'an arrival of equipment given before is that transfer; the place it reached is no recipient',
    text: 'Denmark donated 19 howitzers to Ukraine. The howitzers arrived in Poland on Monday.',
    want: [['DNK', 'UKR', 'delivered', 19, 'howitzers']],
  },
  {
    construction: 'equipment in a relative clause ("where they will replace older tanks") is not the main verb\'s object',
    text: 'Poland shipped 24 Krab howitzers to Latvia, where they will replace older Soviet guns.',
    want: [['POL', 'LVA', 'delivered', 24, 'Krab howitzers']],
  },
  {
    construction: 'an age adjective between the count and the noun keeps the count ("40 older tanks")',
    text: 'Italy sold 40 older Centauro vehicles to Jordan.',
    want: [['ITA', 'JOR', 'ordered', 40, 'Centauro vehicles']],
  },
  {
    construction: 'a delivered ship "equipped with" missiles: its fit-out is no transfer of its own',
    text: 'Turkey handed over a corvette to Pakistan on Sunday. The corvette, launched in Karachi, is equipped with anti-ship missiles and a helicopter deck.',
    want: [['TUR', 'PAK', 'delivered', null, 'corvette']],
  },
  {
    construction: '"the systems" stands for the one model the dyad names: a later delivery of the sale raises its status',
    text: 'Israel sold the SPYDER air defence system to Chile in 2020. Israel delivered the systems to Chile last week.',
    want: [['ISR', 'CHL', 'delivered', null, 'SPYDER air defence system']],
  },
  {
    construction: 'the state that reports ("X\'s agency reported that ...") is not the supplier of the passive it reports',
    text: 'Sweden delivered two Gripen jets to Thailand in May. Thailand\'s state news agency reported that four more Gripen jets are expected to be handed over next year.',
    want: [['SWE', 'THA', 'delivered', 2, 'Gripen jets'], ['SWE', 'THA', 'pledged', 4, 'Gripen jets']],
  },
  {
    construction: '"X signed a deal with Z for N Y": the party after "with" sells',
    text: 'Oman signed a $3 billion deal with Italy for 14 NH90 helicopters, officials said on Sunday.',
    want: [['ITA', 'OMN', 'ordered', 14, 'NH90 helicopters']],
  },
  {
    construction: '"a maker signed a contract with Z": the maker\'s state sells to Z',
    text: 'Hanwha signed a contract with Estonia for 12 K9 howitzers.',
    want: [['KOR', 'EST', 'ordered', 12, 'K9 howitzers']],
  },
  {
    construction: '"a second batch of N Y has arrived in Z from W": the arrival governs, not the batch noun',
    text: 'A third batch of 14 Leopard tanks has arrived in Latvia from Germany.',
    want: [['DEU', 'LVA', 'delivered', 14, 'Leopard tanks']],
  },
  {
    construction: 'a maker named after "made by" is the company, not an item',
    text: "The armoured vehicles, made by Turkey's Otokar, were handed over to the Ghanaian army on Monday.",
    want: [['TUR', 'GHA', 'delivered', null, 'armoured vehicles']],
  },
  {
    construction: 'a generic noun stands for a designation the lexicon does not know, of the same supplier and recipient',
    text: 'Russia has delivered the Yak-152 to Laos. The trainers were handed over at a ceremony in Irkutsk.',
    want: [['RUS', 'LAO', 'delivered', null, 'Yak-152']],
  },
  {
    construction: '"the aircraft" of a wider kind stands for the one drone model of the pair',
    text: 'China sold Wing Loong drones to Algeria. The aircraft were flown to Algiers in June.',
    want: [['CHN', 'DZA', 'ordered', null, 'Wing Loong drones']],
  },
  {
    construction: '"N more of the X" is a further batch with its count',
    text: 'Pakistan delivered JF-17s to Nigeria in 2021. Pakistan handed over six more of the fighters in 2023.',
    want: [['PAK', 'NGA', 'delivered', null, 'JF-17s'], ['PAK', 'NGA', 'delivered', 6, 'JF-17s']],
  },
  {
    construction: 'a notification\'s "sale to the Government of Y of N X": the state\'s government is transparent',
    text: 'The State Department has approved a possible Foreign Military Sale to the Government of Ecuador of six AH-64E Apache helicopters.',
    want: [['USA', 'ECU', 'approved', 6, 'AH-64E Apache helicopters']],
  },
  {
    construction: '"to the country" is the state the article named last, other than the supplier',
    text: 'Angola has become a big buyer of Chinese arms. Beijing delivered four frigates to the country last year.',
    want: [['CHN', 'AGO', 'delivered', 4, 'frigates']],
  },
  {
    construction: '"firm" as a company noun is no signed order ("Japanese firm X will supply")',
    text: 'Japanese firm Mitsubishi Electric will supply three radars to Vietnam.',
    want: [['JPN', 'VNM', 'pledged', 3, 'radars']],
  },
  {
    construction: 'a reduced passive on an owned item ("operates 36 jets delivered by Z"): the owner received them',
    text: 'The Greek Air Force, which operates 24 Rafales delivered by France, will also get six Mirage jets.',
    want: [['FRA', 'GRC', 'delivered', 24, 'Rafales'], ['FRA', 'GRC', 'pledged', 6, 'Mirage jets']],
  },
  {
    construction: 'a future receipt of a named model after a deal of the dyad told by a generic noun is that deal\'s schedule',
    text: 'Peru bought two frigates from Spain last year. Peru will receive the Alvaro ships in 2027.',
    want: [['ESP', 'PER', 'ordered', 2, 'frigates']],
  },
  {
    construction: 'munitions that a bare munitions record "includes" are that record, not one of their own',
    text: 'Norway will sell ten gunboats and munitions to Chile. These will include anti-ship missiles.',
    want: [['NOR', 'CHL', 'planned', 10, 'gunboats'], ['NOR', 'CHL', 'planned', null, 'munitions']],
  },
  {
    construction: 'what a deal of a platform "includes" after it is a record of its own',
    text: 'Norway sold ten gunboats to Chile. The deal includes anti-ship missiles.',
    want: [['NOR', 'CHL', 'ordered', 10, 'gunboats'], ['NOR', 'CHL', 'ordered', null, 'anti-ship missiles']],
  },
  {
    construction: 'a sentence naming no party: a model made by a state outside the last transfer comes from its maker, to the last recipient; one the last supplier hands over stays its',
    text: 'Spain sold six patrol boats to Peru in May. Twelve Leopard tanks were handed over last week. Spain also handed over four Leopard tanks on Monday.',
    want: [['ESP', 'PER', 'ordered', 6, 'patrol boats'], ['DEU', 'PER', 'delivered', 12, 'Leopard tanks'], ['ESP', 'PER', 'delivered', 4, 'Leopard tanks']],
  },
  {
    construction: 'a former owner ("ex-Navy") between the count and the item keeps the count',
    text: 'Norway is sending six ex-Navy patrol boats to Chile.',
    want: [['NOR', 'CHL', 'pledged', 6, 'patrol boats']],
  },
  {
    construction: 'a signing still to come ("will sign a contract to buy") is a plan; a signed one an order',
    text: 'Peru will sign a contract next month to buy 16 mortars from Norway. Chile signed a contract to buy 12 howitzers from Norway.',
    want: [['NOR', 'PER', 'planned', 16, 'mortars'], ['NOR', 'CHL', 'ordered', 12, 'howitzers']],
  },
  {
    construction: 'a present-tense verb the tagger reads as a noun is the predicate when a count follows it ("Peru buys 18 mortars")',
    text: 'Peru buys 18 mortars from Norway.',
    want: [['NOR', 'PER', 'ordered', 18, 'mortars']],
  },
  {
    construction: 'a list whose members each carry a "to Y" sends each member to its own recipient',
    text: 'Sweden shipped 40 mortars to Kenya and 16 radars to Ghana.',
    want: [['SWE', 'KEN', 'delivered', 40, 'mortars'], ['SWE', 'GHA', 'delivered', 16, 'radars']],
  },
  {
    construction: 'a state before ", which" is the subject of the relative clause and, once a comma closes it, of the main verb',
    text: 'Kenya, which bought 40 mortars from Sweden, also ordered 16 radars from Spain.',
    want: [['SWE', 'KEN', 'ordered', 40, 'mortars'], ['ESP', 'KEN', 'ordered', 16, 'radars']],
  },
  {
    construction: 'a clause verb before an item that carries its own participle ("has received the first two of 18 mortars ordered from Z") tells the batch; the participle the order',
    text: 'Kenya has received the first two of 18 mortars ordered from Sweden.',
    want: [['SWE', 'KEN', 'delivered', 2, 'mortars'], ['SWE', 'KEN', 'ordered', 18, 'mortars']],
  },
  {
    construction: 'a pronoun or "the country" that receives or buys from a named seller is the last recipient',
    text: 'Kenya bought 40 mortars from Sweden. It also received 16 radars from Spain.',
    want: [['SWE', 'KEN', 'ordered', 40, 'mortars'], ['ESP', 'KEN', 'delivered', 16, 'radars']],
  },
  {
    construction: 'a state in a prepositional aside after the subject ("Norway, with funding from Spain, sent") is not the supplier',
    text: 'Norway, with funding from Spain, sent 12 howitzers to Chile.',
    want: [['NOR', 'CHL', 'delivered', 12, 'howitzers']],
  },
  {
    construction: 'the agent of paying ("funded by Y", "paid for by Y") is not the supplier',
    text: 'Kenya will receive 40 mortars, funded by Spain, from Sweden.',
    want: [['SWE', 'KEN', 'pledged', 40, 'mortars']],
  },
  {
    construction: 'the rivals a tender "includes" are no items of the offer',
    text: 'Sweden has offered 18 Gripen jets to Peru in a tender that also includes the F-16 and the Rafale.',
    want: [['SWE', 'PER', 'pledged', 18, 'Gripen jets']],
  },
  {
    construction: 'two states agreeing on a sale: the maker state of the model sells',
    text: 'Sweden and Hungary agreed on the sale of four Gripen jets.',
    want: [['SWE', 'HUN', 'ordered', 4, 'Gripen jets']],
  },
  {
    construction: 'what a delivered item is "equipped with" is its fit-out; "equip Y with X" with a state for Y still moves X',
    text: 'Norway delivered 20 howitzers to Chile, equipped with modern radars and machine guns. Norway equipped Peru with 12 mortars last year.',
    want: [['NOR', 'CHL', 'delivered', 20, 'howitzers'], ['NOR', 'PER', 'delivered', 12, 'mortars']],
  },
  {
    construction: 'a purpose clause "to equip N brigades with X" is no transfer of its own',
    text: 'Norway sold 20 howitzers to Chile to equip two brigades with modern artillery.',
    want: [['NOR', 'CHL', 'ordered', 20, 'howitzers']],
  },
  {
    construction: 'a noun of delivery does not reach into a reported clause ("said that the remaining N will be delivered")',
    text: 'Spain handed over the first two of five corvettes to Peru. Officials praised the sale and said that the other three corvettes will be handed over next spring.',
    want: [['ESP', 'PER', 'delivered', 2, 'corvettes'], ['ESP', 'PER', 'ordered', 5, 'corvettes']],
  },
  {
    construction: '"is handing over" is a progressive of the active verb (a promise), not a passive',
    text: 'Norway is handing over 12 howitzers to Chile free of charge.',
    want: [['NOR', 'CHL', 'pledged', 12, 'howitzers']],
  },
  {
    construction: 'equipment in the agent phrase of a passive ("an escort provided by two boats") is not what moves',
    text: 'Spain delivered two frigates to Peru. The frigates sailed to Callao with an escort provided by two Spanish navy tankers.',
    want: [['ESP', 'PER', 'delivered', 2, 'frigates']],
  },
  {
    construction: 'a purchase in the progressive ("was buying") is a deal, not a plan',
    text: 'Kenya was buying 20 armoured vehicles from Turkey, officials said.',
    want: [['TUR', 'KEN', 'ordered', 20, 'armoured vehicles']],
  },
  {
    construction: 'a headline\'s delivery joins the first batch it tells, and the counted order stays a record of its own',
    text: 'Chile gets Spanish patrol boats\n\nChile received the first batch of patrol boats from Spain on Monday. Chile ordered ten patrol boats from Spain in 2022.',
    want: [['ESP', 'CHL', 'delivered', null, 'patrol boats'], ['ESP', 'CHL', 'ordered', 10, 'patrol boats']],
  },
  {
    construction: 'two figures of one promise are one record with the figure told first',
    text: 'Norway will send 16 howitzers to Chile. Oslo had first said it would send only six of the howitzers.',
    want: [['NOR', 'CHL', 'pledged', 16, 'howitzers']],
  },
  {
    construction: 'a name with its abbreviation in brackets is one item',
    text: 'Peru bought six Medium Range Radars (MRR-7) from Israel, and Norway will send two National Advanced Surface-to-Air Missile Systems (NASAMS) to Latvia.',
    want: [['ISR', 'PER', 'ordered', 6, 'Medium Range Radars (MRR-7)'], ['NOR', 'LVA', 'pledged', 2, 'Missile Systems (NASAMS)']],
  },
  {
    construction: 'a getting verb\'s participle after an owned item ("flies jets acquired from Z"): the owner got them from Z',
    text: "Chile's air force flies 20 F-16s acquired from the Netherlands, and Peru operates Su-30 fighters bought from Russia.",
    want: [['NLD', 'CHL', 'delivered', 20, 'F-16s'], ['RUS', 'PER', 'ordered', null, 'Su-30 fighters']],
  },
  {
    construction: 'a conjoined subject of a getting verb: every state of it receives',
    text: 'Bolivia and Ecuador have bought Krab howitzers from Poland.',
    want: [['POL', 'BOL', 'ordered', null, 'Krab howitzers'], ['POL', 'ECU', 'ordered', null, 'Krab howitzers']],
  },
  {
    construction: 'counted units of a system ("is to receive five squadrons") stand for the system the pair names; "the fourth squadron of" is a batch',
    text: 'Peru has received the fourth squadron of the NASAMS air defence system from Norway. Under a deal signed in 2019, Peru is to receive five squadrons.',
    want: [['NOR', 'PER', 'delivered', null, 'NASAMS'], ['NOR', 'PER', 'ordered', 5, 'NASAMS']],
  },
  {
    construction: 'a "from Z" right after each item of a list is that item\'s supplier; a head noun before a noun of another kind ("satellite images") is no item',
    text: 'Ethiopia has acquired Wing Loong drones from China and Bayraktar TB2 drones from Turkey, according to satellite images.',
    want: [['CHN', 'ETH', 'delivered', null, 'Wing Loong drones'], ['TUR', 'ETH', 'delivered', null, 'TB2 drones']],
  },
  {
    construction: 'a getting verb in the passive ("was commissioned into the Y navy") and the item\'s own "ordered by Y": two stages',
    text: 'The second Chinese-built frigate ordered by Nigeria was commissioned into the Nigerian Navy on Thursday. Nigeria signed a contract with China for four frigates in 2019.',
    want: [['CHN', 'NGA', 'delivered', null, 'frigate'], ['CHN', 'NGA', 'ordered', 4, 'frigates']],
  },
  {
    construction: 'a hyphenated adjective between the count and the item keeps the count; "patrol craft" is a ship',
    text: 'India handed over 12 high-speed patrol craft to Vietnam on Saturday.',
    want: [['IND', 'VNM', 'delivered', 12, 'patrol craft']],
  },
  {
    construction: 'a future purchase "under a deal" is an order',
    text: 'Greece will buy three FDI frigates from France under a deal worth 3 billion euros.',
    want: [['FRA', 'GRC', 'ordered', 3, 'FDI frigates']],
  },
  {
    construction: 'a sale noun\'s "to Y" after "and related equipment" is still the noun\'s',
    text: 'The State Department has approved the potential sale of 30 AIM-120 missiles and related equipment to Norway for an estimated $400 million.',
    want: [['USA', 'NOR', 'approved', 30, 'AIM-120 missiles']],
  },
  {
    construction: '"Type N" names a class (no count of N); "built in Z" names the maker state; "the third of four" is a part and its order',
    text: 'The Pakistan Navy on Monday inducted the third of four Type 054 frigates built in China.',
    want: [['CHN', 'PAK', 'delivered', null, 'Type 054 frigates'], ['CHN', 'PAK', 'ordered', 4, 'Type 054 frigates']],
  },
  {
    construction: '"the first of N X ordered by Y arrived": the order of N by Y, and the arrival of the first',
    text: 'The first of 36 Gripen fighters ordered by Brazil from Saab arrived in the country on Sunday.',
    want: [['SWE', 'BRA', 'ordered', 36, 'Gripen fighters'], ['SWE', 'BRA', 'delivered', null, 'Gripen fighters']],
  },
  {
    construction: 'kinds of equipment named by common abbreviations and compounds (OPVs, MANPADS, torpedoes, counter-drone systems), and a count before a two-word compound',
    text: 'Norway delivered two OPVs, 40 MANPADS, 16 torpedoes, three counter-drone systems and 12 coast guard vessels to Chile.',
    want: [['NOR', 'CHL', 'delivered', 2, 'OPVs'], ['NOR', 'CHL', 'delivered', 40, 'MANPADS'], ['NOR', 'CHL', 'delivered', 16, 'torpedoes'], ['NOR', 'CHL', 'delivered', 3, 'counter-drone systems'], ['NOR', 'CHL', 'delivered', 12, 'guard vessels']],
  },
  {
    construction: 'an item after "instead of" or "rather than" is passed over, not ordered',
    text: 'Peru ordered 20 K9 howitzers from South Korea instead of Caesar howitzers from France, rather than 20 Archer howitzers.',
    want: [['KOR', 'PER', 'ordered', 20, 'K9 howitzers']],
  },
  {
    construction: 'a list of suppliers ("from Denmark and Norway", "Spain and Italy will send") gives one record per supplier',
    text: 'Chile is expected to receive F-16 jets from Denmark and Norway this summer. Spain and Italy will send 40 mortars to Peru.',
    want: [['DNK', 'CHL', 'pledged', null, 'F-16 jets'], ['NOR', 'CHL', 'pledged', null, 'F-16 jets'], ['ESP', 'PER', 'pledged', 40, 'mortars'], ['ITA', 'PER', 'pledged', 40, 'mortars']],
  },
  {
    construction: 'a delivery still to come "under a $N deal signed" is an order',
    text: 'Peru will receive three batteries of BrahMos missiles from India under a $375 million deal signed in 2022.',
    want: [['IND', 'PER', 'ordered', 3, 'BrahMos missiles']],
  },
  {
    construction: 'a deal not yet concluded ("framework agreement", "expected to be signed") is planned',
    text: 'Chile signed a framework agreement with Sweden for 12 Gripen jets. Peru reached a deal with Spain for four corvettes, which is expected to be signed next month. Bolivia\'s contract with Italy for six helicopters could be inked in May.',
    want: [['SWE', 'CHL', 'planned', 12, 'Gripen jets'], ['ESP', 'PER', 'planned', 4, 'corvettes'], ['ITA', 'BOL', 'planned', 6, 'helicopters']],
  },
  {
    construction: 'what a state will receive from a seller it has a deal with is that deal\'s schedule, however its items are named',
    text: 'Chile ordered 12 Gripen jets from Sweden in 2022. Chile will receive ten Gripen E fighters from Sweden by 2027.',
    want: [['SWE', 'CHL', 'ordered', 12, 'Gripen jets']],
  },
  {
    construction: 'a state buying "for" another gives what it buys (a promise); a maker named by a demonym after "from a" is no party',
    text: 'Norway will buy 20 howitzers for Latvia from a Slovak maker.',
    want: [['NOR', 'LVA', 'pledged', 20, 'howitzers']],
  },
  {
    construction: 'lending equipment moves it ("lent", "loaned")',
    text: 'Norway lent four patrol boats to Chile last year, and Peru loaned two helicopters to Bolivia.',
    want: [['NOR', 'CHL', 'delivered', 4, 'patrol boats'], ['PER', 'BOL', 'delivered', 2, 'helicopters']],
  },
];

for (const c of CASES) {
  test(`transfers: ${c.construction}`, () => {
    const got = rows(read(c.text));
    for (const want of c.want) {
      const found = got.find((g) => g[0] === want[0] && g[1] === want[1] && g[2] === want[2] && g[3] === want[3] && g[4].toLowerCase().includes(want[4].toLowerCase()));
      assert.ok(found, `${c.text}\n want ${JSON.stringify(want)}\n got ${JSON.stringify(got)}`);
    }
    assert.equal(got.length, c.want.length, `${c.text}\n got ${JSON.stringify(got)}`);
  });
}

const NONE: { construction: string; text: string }[] = [
  { construction: 'a negated delivery', text: 'Sweden did not deliver the howitzers to Peru.' },
  { construction: 'a cancelled sale', text: "Canada's sale of 30 armoured vehicles to Nigeria was cancelled last year." },
  { construction: 'own industry to its own forces', text: 'Hindustan Aeronautics delivered 12 light helicopters to the Indian Army.' },
  { construction: 'money-only aid', text: 'Japan pledged $50 million in aid to Kenya.' },
  { construction: 'speculation', text: 'Reports say Chile may purchase frigates from Britain.' },
  { construction: 'equipment taking part in drills', text: 'Nine warships and 40 jets from Peru and Chile joined the naval drills.' },
  { construction: 'a service to equipment already owned', text: 'Canada will help Chile upgrade its 20 Leopard tanks.' },
  { construction: 'a supplier that stopped delivering', text: 'Russia stopped delivering S-300 batteries to Egypt because of the war.' },
  { construction: '"the systems" when the article names no model', text: 'Spain will deliver the two systems to Chile next year.' },
  { construction: 'a state fitting out its own forces ("will equip its brigades with")', text: 'Peru will equip its marine brigades with 40 rocket launchers.' },
  { construction: 'equipment passed over or compared with ("instead of", "rather than", "than")', text: 'Peru picked Korean guns instead of Caesar howitzers from France, rather than 20 Archer howitzers, and the guns are cheaper than the M109 howitzers sold by the United States.' },
  { construction: 'a state after "according to" is the source of the news, not the recipient', text: "Norway has delivered 12 howitzers, according to Chile's defence ministry." },
  { construction: 'a purchase in the passive that is only planned ("would be bought by Y")', text: 'Officials said the Swedish jets would be bought by Chile if the budget allows.' },
  { construction: 'the noun "ship" (no shipping)', text: 'The ship will be escorted by two corvettes of Brazil on its way to Angola.' },
];

for (const c of NONE) {
  test(`transfers: nothing for ${c.construction}`, () => {
    assert.deepEqual(rows(read(c.text)), []);
  });
}

test('mergeTransfers: the same transfer from two outlets is one record listing both tellings', () => {
  const base: Transfer = {
    supplier: 'RUS', recipient: 'TJK', status: 'delivered', date: '2021-09-11',
    items: [{ count: 12, item: 'armored vehicles', category: 'armoured vehicles' }],
    evidence: { text: 'a', start: 0, end: 1 },
  };
  const other: Transfer = { ...base, date: '2021-09-10', items: [{ count: 12, item: 'Armored Vehicles', category: 'armoured vehicles' }] };
  const different: Transfer = { ...base, status: 'planned', items: [{ count: 30, item: 'tanks', category: 'tanks' }] };
  assert.equal(transferKey(base), transferKey(other));
  const merged = mergeTransfers([base, other, different]);
  assert.equal(merged.length, 2);
  assert.equal(merged[0]!.mergedFrom.length, 2);
  assert.equal(merged[0]!.date, '2021-09-11');
});

test('mergeTransfers: a delivered batch without a count and its counted order stay two records; a pledge and its order merge', () => {
  const batch: Transfer = { supplier: 'DEU', recipient: 'CHL', status: 'delivered', date: null, items: [{ count: null, item: 'Leopard 2 tanks', category: 'tanks' }], evidence: { text: 'a', start: 0, end: 1 } };
  const order: Transfer = { ...batch, status: 'ordered', items: [{ count: 24, item: 'Leopard 2 tanks', category: 'tanks' }] };
  assert.equal(mergeTransfers([{ ...batch, batch: 'first' } as Transfer, order]).length, 2);
  assert.equal(mergeTransfers([batch, order]).length, 1, 'a delivery not marked as a part is the whole order');
  const pledge: Transfer = { ...order, status: 'pledged', items: [{ count: 24, item: 'Leopard 2 tanks', category: 'tanks' }] };
  const merged = mergeTransfers([pledge, { ...order, items: [{ count: null, item: 'Leopard 2 tanks', category: 'tanks' }] }]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0]!.status, 'ordered');
  assert.equal(merged[0]!.items[0]!.count, 24);
});

test('transfers: a state name before "and" is no modifier shared with the next item ("from China and TB2 drones")', () => {
  const items = rows(read('Ethiopia has acquired Wing Loong drones from China and Bayraktar TB2 drones from Turkey.')).map((r) => r[4]);
  assert.deepEqual(items.sort(), ['Bayraktar TB2 drones', 'Wing Loong drones']);
});

test('transfers: a preposition before an item ("besides", "alongside") is no modifier of it', () => {
  const items = rows(read('Under the deal, Chile will receive ten trainer jets from Brazil besides ammunition.')).map((r) => r[4]);
  assert.deepEqual(items.sort(), ['ammunition', 'trainer jets']);
});
