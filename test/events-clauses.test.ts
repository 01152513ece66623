/**
 * Events on clauses whose doer or target is easy to take from the wrong place, each in a sentence
 * written for this file: a clause of time with a subject of its own that names no actor ("after the
 * rebels struck"), a definite plural of armed men pointing back to the armed group named before, and a
 * past participle describing a noun ("a man suspected of spying for X") that tells a charge, not an act, a
 * "by" agent making a verb passive, "traded accusations" taking two sides, and a state and its own
 * armed group agreeing with each other in a region.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPredicate } from '../src/stages/events/tree-roles.js';
import { eventsOf, show } from './helpers/story-events.js';

test('a clause with a subject of its own that names no actor does not take the doer of the act before it', () => {
  const events = eventsOf('Peruvian President Dina Boluarte broke off talks with the growers after the farmers seized a depot in Cusco.');
  assert.ok(events.some((e) => e.source?.code === 'PERGOV'), events.map(show).join('; '));
  const seized = events.find((e) => e.trigger?.text.startsWith('seized'));
  // the farmers are farmers (AGR, placed in Peru by "in Cusco"), never the president who acted before them
  assert.ok(!seized || seized.source?.code === null || seized.source?.code === 'PERAGR', events.map(show).join('; '));
});

test('"the rebels" of a later clause are the armed group named before them, in the sentence or an earlier one', () => {
  const same = eventsOf('Manila resumed talks with the New People\'s Army on Monday, a week after the rebels ambushed an army patrol in Samar.');
  const ambush = same.find((e) => e.trigger?.text.startsWith('ambushed'));
  assert.ok(ambush, same.map(show).join('; '));
  assert.equal(ambush.source?.code, 'PHLREB', show(ambush));
  const later = eventsOf('The Baloch Liberation Army claimed a bombing in Quetta. On Friday the militants attacked a police station in Turbat.');
  const attack = later.find((e) => e.trigger?.text.startsWith('attacked'));
  assert.ok(attack, later.map(show).join('; '));
  assert.equal(attack.source?.code, 'PAKREB', show(attack));
});

test('a past participle describing a noun ("a man suspected of spying for X") tells a charge: no event of its own, and X is not acted on', () => {
  const events = eventsOf('Latvian police detained a sailor suspected of working for Belarus on Thursday.');
  const detain = events.find((e) => e.trigger?.text.startsWith('detained'));
  assert.ok(detain, events.map(show).join('; '));
  assert.notEqual(detain.target?.code, 'BLR', show(detain));
  assert.ok(!events.some((e) => e.trigger?.text.startsWith('suspected')), events.map(show).join('; '));
});

test('armed groups of the 2020s are known by name and by their short names (ELN, BLA)', () => {
  const events = eventsOf('Bogota accused the ELN of kidnapping two engineers. Islamabad blamed the BLA for the blast.');
  const codes = events.flatMap((e) => [e.source?.code, e.target?.code]);
  for (const code of ['COLREB', 'PAKREB']) assert.ok(codes.includes(code), `${code}: ${events.map(show).join('; ')}`);
});

test('a past verb with a "by" agent and no object is passive even where the parser gives it a subject and no auxiliary', () => {
  // "Chadian troops backed by French jets ...", as the parser read such a clause: "troops" nsubj, "jets" obl:agent, no aux:pass
  const forms: [string, string, number, string][] = [
    ['Chadian', 'ADJ', 1, 'amod'],
    ['troops', 'NOUN', 2, 'nsubj'],
    ['backed', 'VERB', -1, 'root'],
    ['by', 'ADP', 5, 'case'],
    ['French', 'ADJ', 5, 'amod'],
    ['jets', 'NOUN', 2, 'obl:agent'],
  ];
  let at = 0;
  const words = forms.map(([text, upos, head, deprel]) => {
    const start = at;
    at += text.length + 1;
    return { text, start, end: start + text.length, upos, lemma: text.toLowerCase(), head, deprel };
  });
  const reading = readPredicate({ sentence: 0, words }, 2);
  assert.equal(reading.isPassive, true);
  assert.equal(reading.source, 5);
  assert.deepEqual(reading.targets, [1]);
  // with an object of its own the verb is active ("rejected calls by X"): the "by" phrase is the object's
  const active = words.map((w) => (w.text === 'troops' ? { ...w, deprel: 'obj' } : w));
  assert.equal(readPredicate({ sentence: 0, words: active }, 2).isPassive, false);
});

test('"traded accusations" takes two sides: each member of the subject accuses the other, a region named after it is where', () => {
  const events = eventsOf('Armenia and Azerbaijan traded accusations of shelling along the frontier in the South Caucasus on Monday.');
  const accuse = events.filter((e) => e.trigger?.text.startsWith('traded'));
  assert.deepEqual(accuse.map((e) => `${e.source?.code}>${e.target?.code}`).sort(), ['ARM>AZE', 'AZE>ARM'], events.map(show).join('; '));
});

test('two parties agreeing to something in a region agree with each other, not with the region', () => {
  const events = eventsOf('Sudan and the Rapid Support Forces agreed to a truce in Darfur.');
  const agreed = events.filter((e) => e.trigger?.text.startsWith('agreed'));
  assert.deepEqual(agreed.map((e) => `${e.source?.code}>${e.target?.code}`).sort(), ['SDN>SDNREB', 'SDNREB>SDN'], events.map(show).join('; '));
});

test('"disengaged" takes two sides, and the first of two coordinated nationality adjectives shares the noun\'s role', () => {
  const events = eventsOf('Thai and Cambodian soldiers disengaged from a disputed temple on Sunday.');
  const pairs = events.filter((e) => e.cameo === '087').map((e) => `${e.source?.code}>${e.target?.code}`).sort();
  assert.deepEqual(pairs, ['KHMMIL>THAMIL', 'THAMIL>KHMMIL'], events.map(show).join('; '));
});

test('a physical act on someone named by a nationality ("arrested a Moldovan courier") did not happen in that country', () => {
  const events = eventsOf('Romanian police arrested a Moldovan courier carrying forged documents.');
  const arrest = events.find((e) => e.trigger?.text.startsWith('arrested'));
  assert.ok(arrest, events.map(show).join('; '));
  assert.notEqual(arrest.location?.country, 'MDA', JSON.stringify(arrest.location));
  const strike = eventsOf('Russian drones struck Odesa overnight.').find((e) => e.trigger?.text.startsWith('struck'));
  assert.equal(strike?.location?.country, 'UKR', JSON.stringify(strike?.location));
});

test('"claimed responsibility for an attack": the claimer did it; "what X called Y" is no phone call; a "US journalist" is not a place', () => {
  const claimed = eventsOf('The Houthis claimed responsibility for a missile attack on a Greek-owned bulk carrier in the Red Sea.');
  const attack = claimed.find((e) => e.trigger?.text.startsWith('attack'));
  assert.ok(attack, claimed.map(show).join('; '));
  assert.equal(attack.source?.code, 'YEMREB', show(attack));
  const named = eventsOf('Azerbaijani forces launched what Baku called anti-terrorist measures in Nagorno-Karabakh, shelling Armenian positions.');
  assert.ok(!named.some((e) => e.cameo === '041'), named.map(show).join('; '));
  const sentenced = eventsOf('A Russian court sentenced a US journalist to 16 years in prison on espionage charges.').find((e) => e.trigger?.text.startsWith('sentenced'));
  assert.ok(sentenced, 'no sentencing event');
  assert.notEqual(sentenced.location?.country, 'USA', JSON.stringify(sentenced.location));
});

test('two leaders who "discussed the situation in X" talked with each other; X, after "in", is what about', () => {
  const events = eventsOf('Erdogan and Macron discussed the fighting in Sudan by phone on Tuesday.');
  const talks = events.filter((e) => e.trigger?.text.startsWith('discussed')).map((e) => `${e.source?.code}>${e.target?.code}`).sort();
  assert.deepEqual(talks, ['FRAGOV>TURGOV', 'TURGOV>FRAGOV'], events.map(show).join('; '));
});

test('"ordered an attache out (of the country)", "ordered an envoy to leave": an expulsion by the subject, not a purchase (soldiers told to leave stay a demand)', () => {
  const out = eventsOf('Nairobi ordered a Ugandan attache out of the country on Friday.');
  const expel = out.find((e) => e.trigger?.text.startsWith('ordered'));
  assert.ok(expel, out.map(show).join('; '));
  assert.ok(['164', '174'].includes(expel.cameo), show(expel));
  assert.equal(expel.source?.code?.slice(0, 3), 'KEN', show(expel));
  assert.equal(expel.target?.code?.slice(0, 3), 'UGA', show(expel));
  const leave = eventsOf('Hanoi ordered the Cambodian ambassador to leave within 48 hours.');
  const told = leave.find((e) => e.trigger?.text.startsWith('ordered'));
  assert.ok(told, leave.map(show).join('; '));
  assert.equal(told.cameo, '164', show(told));
  assert.equal(told.source?.code?.slice(0, 3), 'VNM', show(told));
});

test('an armed group listed with a lower-case word ("M23 rebels") is still found by its own name before that word', () => {
  const events = eventsOf('On Sunday, M23 rebels shelled a hospital near Sake.');
  const shell = events.find((e) => e.trigger?.text.startsWith('shelled'));
  assert.ok(shell, events.map(show).join('; '));
  assert.equal(shell.source?.code, 'CODREB', show(shell));
});

test('"police in <town>", "soldiers in <country>": a state organ named by its noun and an "in" phrase is that country\'s organ', () => {
  const police = eventsOf('Police in Kisumu detained three opposition organisers on Saturday.');
  const detain = police.find((e) => e.trigger?.text.startsWith('detained'));
  assert.ok(detain, police.map(show).join('; '));
  assert.equal(detain.source?.code, 'KENCOP', show(detain));
  const soldiers = eventsOf('Soldiers in Niger arrested a former minister.');
  const arrest = soldiers.find((e) => e.trigger?.text.startsWith('arrested'));
  assert.ok(arrest, soldiers.map(show).join('; '));
  assert.equal(arrest.source?.code, 'NERMIL', show(arrest));
});

test('a clause opened by "under which" states a deal\'s terms: the names in it are not the target of agreeing to the deal', () => {
  const events = eventsOf('Ethiopia and Eritrea agreed to a pact under which Sudanese monitors would patrol the frontier.');
  const agree = events.filter((e) => e.trigger?.text.startsWith('agreed'));
  assert.ok(agree.length > 0, events.map(show).join('; '));
  for (const e of agree) assert.notEqual(e.target?.code?.slice(0, 3), 'SDN', show(e));
  assert.ok(agree.some((e) => e.source?.code === 'ETH' && e.target?.code === 'ERI'), agree.map(show).join('; '));
});

test('"pushed further east" is an advance, no demand; "in exchange for" names no exchange of its own', () => {
  const push = eventsOf('Islamist fighters captured Mocimboa on Friday, officials said, pushing further south despite appeals from Angola.');
  assert.ok(!push.some((e) => e.cameo === '100'), push.map(show).join('; '));
  const swap = eventsOf('Moscow freed a Lithuanian pilot in exchange for two Russian prisoners.');
  assert.ok(!swap.some((e) => e.trigger?.text.startsWith('exchange')), swap.map(show).join('; '));
});

test('"initialled a draft accord" is a signing by both sides; a leader who "oversaw the test" of a missile shows force', () => {
  const initialled = eventsOf('Kyrgyzstan and Tajikistan initialled a border accord in Bishkek on Tuesday.');
  assert.ok(initialled.some((e) => e.cameo === '057' && e.source?.code === 'KGZ' && e.target?.code === 'TJK'), initialled.map(show).join('; '));
  const oversaw = eventsOf('Iranian President Masoud Pezeshkian oversaw the launch of a new cruise missile on Sunday.');
  assert.ok(oversaw.some((e) => e.cameo === '150' && e.source?.code?.startsWith('IRN')), oversaw.map(show).join('; '));
});

test('"X, which has fought Y since 2019, said on Monday it had retaken Z": X speaks and retook Z; the relative clause is X\'s own act', () => {
  const events = eventsOf('The Malian army, which has battled jihadist groups since 2012, said on Monday it had retaken the town of Boni.');
  const retake = events.find((e) => e.trigger?.text.startsWith('retaken'));
  assert.ok(retake, events.map(show).join('; '));
  assert.equal(retake.cameo, '192', show(retake));
  assert.equal(retake.source?.code, 'MLIMIL', show(retake));
  assert.equal(retake.attribution.speaker, 'The Malian army', show(retake));
  for (const e of events) assert.ok(!/\bhad\b/.test(e.attribution.speaker ?? ''), `speaker of ${show(e)}: ${e.attribution.speaker}`);
});

test('"Donetsk" is the Ukrainian city the news means, not the Russian town of that name, whoever else the story names', () => {
  const events = eventsOf('Russian troops shelled Donetsk overnight, Moscow said.');
  const shell = events.find((e) => e.trigger?.text.startsWith('shelled'));
  assert.ok(shell, events.map(show).join('; '));
  assert.equal(shell.target?.code, 'UKR', show(shell));
});

test('"spoke by phone" is a consultation of both; "came under fire from X" is an attack by X; "fighting alongside X" is cooperation with X', () => {
  const call = eventsOf('Orban and Erdogan spoke by phone on Friday about gas supplies.');
  assert.ok(call.some((e) => e.cameo === '040' && e.source?.code?.startsWith('HUN') && e.target?.code?.startsWith('TUR')), call.map(show).join('; '));
  const fire = eventsOf('A Moldovan patrol came under fire from Russian troops near the Dniester.');
  assert.ok(fire.some((e) => e.cameo === '190' && e.source?.code?.startsWith('RUS') && e.target?.code?.startsWith('MDA')), fire.map(show).join('; '));
  const alongside = eventsOf('Chadian soldiers have been fighting alongside the Sudanese army near the border.');
  assert.ok(!alongside.some((e) => e.cameo.startsWith('19')), alongside.map(show).join('; '));
  assert.ok(alongside.some((e) => e.cameo === '062'), alongside.map(show).join('; '));
});

test('a plural demonym names its people as an actor ("thousands of Croatians marched")', () => {
  const events = eventsOf('Thousands of Croatians marched through Zagreb on Sunday.');
  const march = events.find((e) => e.trigger?.text.startsWith('marched'));
  assert.ok(march, events.map(show).join('; '));
  assert.equal(march.source?.code?.slice(0, 3), 'HRV', show(march));
});

test('"detained 30 suspected militants": the participle describing the noun is no act (no suspicion coded), and the noun is the object', () => {
  const events = eventsOf('Jordanian police detained 14 suspected Hezbollah members near Irbid on Monday.');
  assert.ok(!events.some((e) => e.trigger?.text === 'suspected'), events.map(show).join('; '));
  const detain = events.find((e) => e.trigger?.text.startsWith('detained'));
  assert.ok(detain, events.map(show).join('; '));
  assert.equal(detain.source?.code, 'JORCOP', show(detain));
});

test('"fired warning shots" is a show of force; a plan of one\'s own names no intent toward anyone; an accord "allowing" X tells its content', () => {
  const shots = eventsOf('Taiwanese coast guards fired warning shots at a Chinese dredger near Kinmen.');
  assert.ok(shots.some((e) => e.cameo === '150' && e.source?.code?.startsWith('TWN')), shots.map(show).join('; '));
  assert.ok(!shots.some((e) => e.cameo.startsWith('19') || e.cameo === '130'), shots.map(show).join('; '));
  const plan = eventsOf('Thailand plans to replace its ageing Gripen fleet by 2032.');
  assert.deepEqual(plan.map(show), []);
  const accord = eventsOf('Chile and Peru signed a border pact allowing joint patrols along the coast.');
  assert.ok(accord.some((e) => e.cameo === '057'), accord.map(show).join('; '));
  assert.ok(!accord.some((e) => e.trigger?.text.startsWith('allowing')), accord.map(show).join('; '));
});

test('"Eritrean tanks pushed into Badme" read as one clause (not a noun with a participle), and the RSF known by its short name', () => {
  const tanks = eventsOf('Eritrean tanks pushed into Badme on Monday.');
  assert.ok(tanks.some((e) => e.cameo === '192' && e.source?.code?.startsWith('ERI')), tanks.map(show).join('; '));
  const rsf = eventsOf('The RSF shelled a market in Omdurman on Sunday.');
  assert.ok(rsf.some((e) => e.source?.code === 'SDNREB'), rsf.map(show).join('; '));
});

test('"after the group attacked" is the armed group named before; a purchase with no seller named is the buyer\'s act', () => {
  const group = eventsOf('Manila broke off talks with the New People\'s Army after the group ambushed a convoy in Samar.');
  const ambush = group.find((e) => e.trigger?.text.startsWith('ambushed'));
  assert.ok(ambush, group.map(show).join('; '));
  assert.equal(ambush.source?.code, 'PHLREB', show(ambush));
  const bought = eventsOf('Ghana ordered four patrol boats last year.');
  const order = bought.find((e) => e.trigger?.text === 'ordered');
  assert.ok(order, bought.map(show).join('; '));
  assert.equal(order.source?.code, 'GHA', show(order));
  assert.equal(order.target, null, show(order));
});

test('an act noun\'s own modifier names its doer ("backed by Turkish air strikes": Turkey strikes, not the troops it backs)', () => {
  const events = eventsOf('Somali troops, backed by Turkish air strikes, recaptured the port of Harardhere.');
  const strikes = events.find((e) => e.trigger?.text === 'air strikes');
  assert.ok(strikes, events.map(show).join('; '));
  assert.equal(strikes.source?.code, 'TUR', show(strikes));
});

test('"residents of southern Lebanon": people "of" a country named after their noun are that country\'s', () => {
  const events = eventsOf('The Israeli army warned residents of southern Syria to stay indoors.');
  const warn = events.find((e) => e.trigger?.text.startsWith('warned'));
  assert.ok(warn, events.map(show).join('; '));
  assert.equal(warn.target?.code, 'SYRCVL', show(warn));
});

test('figures of speech: "struck a deal" is an agreement, "dealt a blow to" no act; "traded blame for the shelling" charges the shelling', () => {
  const deal = eventsOf('Uganda and Tanzania struck a deal on Friday to build a rail link.');
  assert.ok(deal.some((e) => e.cameo === '057'), deal.map(show).join('; '));
  assert.ok(!deal.some((e) => e.cameo.startsWith('19')), deal.map(show).join('; '));
  const blow = eventsOf('The ruling dealt a blow to Hungary\'s plans for a new reactor.');
  assert.deepEqual(blow.map(show), []);
  const blame = eventsOf('Armenia and Azerbaijan traded blame for the shelling of a border village.');
  assert.ok(blame.some((e) => e.cameo === '112' && e.source?.code === 'ARM' && e.target?.code === 'AZE'), blame.map(show).join('; '));
  assert.ok(!blame.some((e) => e.cameo.startsWith('19')), blame.map(show).join('; '));
});

test('"X said its forces had liberated Y": the speaker\'s force acts; an unplaced town takes the country of the place named after it', () => {
  const events = eventsOf('The Ukrainian General Staff said its forces had liberated the hamlet of Zarichne in the Kharkiv region.');
  const take = events.find((e) => e.trigger?.text.startsWith('liberated'));
  assert.ok(take, events.map(show).join('; '));
  assert.equal(take.cameo, '192', show(take));
  assert.equal(take.source?.code, 'UKRMIL', show(take));
  assert.equal(take.target?.code, 'UKR', show(take));
  const kill = eventsOf('The Nigerian army said it had neutralised 22 insurgents near Maiduguri.');
  assert.ok(kill.some((e) => e.cameo === '190' && e.source?.code?.startsWith('NGA')), kill.map(show).join('; '));
});

test('of two dates in a clause, each predicate takes the nearer ("expelled an envoy in 2021 and closed the base last month")', () => {
  const events = eventsOf('Niger expelled a French envoy in 2021 and closed the French base last month.');
  const expel = events.find((e) => e.trigger?.text.startsWith('expelled'));
  const shut = events.find((e) => e.trigger?.text.startsWith('closed'));
  assert.ok(expel && shut, events.map(show).join('; '));
  assert.equal(expel.date, '2021');
  assert.equal(shut.date, '2024-02');
});

test('"the army and the RSF clashed": a state organ named bare, joined to an actor of one state, is that state\'s', () => {
  const events = eventsOf('The army and the RSF clashed near Kosti on Tuesday.');
  assert.ok(events.some((e) => e.cameo === '190' && e.source?.code === 'SDNMIL' && e.target?.code === 'SDNREB'), events.map(show).join('; '));
});
