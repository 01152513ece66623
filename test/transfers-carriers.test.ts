/**
 * The transfers stage on a carrier's load: transport planes, cargo ships or convoys that land, dock or arrive "carrying" equipment
 * deliver it, from the carrier's state to the state it is "for" or, for a transport, to the state of the place it arrives at. A
 * load carried elsewhere (a truck seized with rifles, a missile able to carry a warhead), a warship's or bomber's own arms, and
 * soldiers' weapons move nothing. Sentences are our own (real countries, invented flights).
 */
import { test } from 'node:test';
import { assertRows, rows, type Row } from './helpers/transfer-rows.js';

/** Each want is [supplier, recipient, status, count, a word of the item]; the records read must be exactly these. */
const CASES: { construction: string; text: string; want: Row[] }[] = [
  {
    construction: 'transport planes that land, a participle past a comma: the place of landing receives',
    text: 'Two Belarusian transport planes landed in Niamey on Saturday, carrying four attack helicopters.',
    want: [['BLR', 'NER', 'delivered', 4, 'helicopters']],
  },
  {
    construction: 'a load "for" a state names the recipient, the carrier\'s adjective the supplier (the participle joined as a conjunct)',
    text: 'Three Iranian cargo planes landed near Minsk overnight, carrying drones for the Belarusian army.',
    want: [['IRN', 'BLR', 'delivered', null, 'drones']],
  },
  {
    construction: 'a carrier\'s participle before the verb of arrival ("a plane carrying X landed")',
    text: 'A Turkish transport plane carrying 20 armoured vehicles for the Libyan army landed in Misrata.',
    want: [['TUR', 'LBY', 'delivered', 20, 'armoured vehicles']],
  },
  {
    construction: 'a conjunct participle of a verb of arrival with a "for" phrase',
    text: 'Four Egyptian cargo planes landed in Khartoum on Monday, carrying mortars for the Sudanese army.',
    want: [['EGY', 'SDN', 'delivered', null, 'mortars']],
  },
];

const NONE: { construction: string; text: string }[] = [
  { construction: 'a truck carrying rifles that was seized', text: 'A truck carrying rifles was seized at a checkpoint near Gao.' },
  { construction: 'what a weapon can carry', text: 'The new rocket is able to carry a heavier warhead, the Indian army said.' },
  { construction: 'a warship with its own arms at a port call', text: 'A Chinese destroyer carrying cruise missiles docked in Karachi on Tuesday.' },
  { construction: 'bombers are no transports: the place they land at receives nothing', text: 'Two Russian bombers landed in Algiers on Sunday, carrying cruise missiles.' },
  { construction: 'soldiers carry their own weapons', text: 'Troops arrived in the border town, carrying rifles and grenades.' },
];

for (const c of CASES) {
  test(`transfers: ${c.construction}`, () => {
    assertRows(rows(c.text), c.want);
  });
}

for (const c of NONE) {
  test(`transfers, none: ${c.construction}`, () => {
    assertRows(rows(c.text), []);
  });
}

test('transfers: a deal noun read as an adjective before a noun ("the export version of") describes that noun and moves nothing', () => {
  const text = "Two Chinese transport planes landed in Dhaka on Monday, carrying YLC-8 surveillance radars for the Bangladeshi army. The YLC-8 is the export version of China's JY-26 long-range air-defence radar.";
  assertRows(rows(text), [['CHN', 'BGD', 'delivered', null, 'YLC-8']]);
});

test('transfers: a means clause gives only where its main verb helps a state ("violated its sovereignty by sending a boat": none)', () => {
  assertRows(rows('Hanoi said Beijing had violated its sovereignty by sending a survey ship.'), []);
});
