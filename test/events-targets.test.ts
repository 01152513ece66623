/**
 * Whom an act is aimed at, each in a sentence written for this file: a sea or a region no state holds is
 * where, not whom; a verb of taking names the loser in "from"; bare organs and people take the state
 * they are placed in; an act noun that is condemned or denied is no act of the condemner; a pronoun a
 * verb shares with the one before points back as that one's does; forces sent to another state are
 * military aid, and forces sent at home are nothing; "its own forces to" is a noun phrase, no coercion.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('a sea no state holds is where an attack happened, not its target', () => {
  const events = eventsOf('The Houthis fired two drones at a bulk carrier in the Red Sea.');
  const attack = events.find((e) => e.source?.code === 'YEMREB');
  assert.ok(attack, events.map(show).join('; '));
  assert.equal(attack.target, null, show(attack));
  assert.equal(attack.location?.name, 'Red Sea');
});

test('a verb of taking ground names the one who lost it in its "from" phrase, before a place it names', () => {
  for (const text of ['Syrian troops recaptured the city of Homs from the Islamic State on Sunday.', 'Iraqi forces retook Mosul from the Islamic State in 2017.']) {
    const events = eventsOf(text);
    const retake = events.find((e) => e.cameo === '192');
    assert.ok(retake, `${text}: ${events.map(show).join('; ')}`);
    assert.match(retake.target?.code ?? '', /^IMG/, `${text}: ${show(retake)}`);
  }
});

test('"re" and an irregular past ("retook", "resold") is a verb after its subject', () => {
  const events = eventsOf('The Sudanese army retook Sennar from the Rapid Support Forces on Saturday.');
  const retake = events.find((e) => e.trigger?.text === 'retook');
  assert.ok(retake, events.map(show).join('; '));
  assert.equal(`${retake.source?.code}>${retake.target?.code}`, 'SDNMIL>SDNREB');
});

test('an act noun that is condemned is no act of the one condemning it', () => {
  const events = eventsOf('The African Union condemned the drone strikes on Monday.');
  assert.ok(events.some((e) => e.source?.code === 'AFR' && e.cameo.startsWith('11')), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo.startsWith('19')), events.map(show).join('; '));
});

test('a pronoun subject shared by two joined verbs points back for both, never to the first verb\'s object', () => {
  const events = eventsOf('Norway said it was expelling two Iranian diplomats and withdrawing its ambassador from Tehran.');
  const withdraw = events.find((e) => e.trigger?.text.startsWith('withdrawing'));
  assert.ok(withdraw, events.map(show).join('; '));
  assert.equal(withdraw.source?.code, 'NOR', show(withdraw));
  assert.equal(withdraw.cameo, '161', show(withdraw));
  assert.equal(withdraw.target?.code?.slice(0, 3), 'IRN', show(withdraw));
});

test('"earlier in the day" is no date ahead of the story', () => {
  const events = eventsOf('Chile said on Wednesday it had summoned an envoy of Peru. Lima had recalled its own envoy earlier in the day.');
  const recall = events.find((e) => e.trigger?.text.startsWith('recalled'));
  assert.ok(recall, events.map(show).join('; '));
  assert.ok(recall.date === null || recall.date <= '2024-03-15', `${recall.date}`);
});

test('forces sent to another state are military aid to it; forces sent at home are no act of aid', () => {
  const abroad = eventsOf('Rwanda sent 300 soldiers to Mozambique in 2021.');
  const aid = abroad.find((e) => e.trigger?.text.startsWith('sent'));
  assert.ok(aid, abroad.map(show).join('; '));
  assert.equal(`${aid.source?.code}>${aid.target?.code} ${aid.cameo}`, 'RWA>MOZ 072');
  const home = eventsOf('Japan said it had spotted four Chinese ships and sent its own forces to shadow them.');
  assert.ok(!home.some((e) => e.cameo === '072' || e.cameo === '170'), home.map(show).join('; '));
});

test('bare rebels placed in a country are that country\'s rebels, not the country', () => {
  const events = eventsOf('Government forces attacked the rebels in Chad on Monday.');
  const attack = events.find((e) => e.trigger?.text.startsWith('attacked'));
  assert.ok(attack, events.map(show).join('; '));
  assert.equal(attack.target?.code, 'TCDREB', show(attack));
});

test('"government troops" of a state are its military, not its government', () => {
  const events = eventsOf('Chadian government troops shelled a rebel camp near Faya.');
  const shell = events.find((e) => e.trigger?.text.startsWith('shelled'));
  assert.ok(shell, events.map(show).join('; '));
  assert.equal(shell.source?.code, 'TCDMIL', show(shell));
});

test('an armed group that claims an attack did it', () => {
  const events = eventsOf('The Pakistani Taliban claimed an attack on a checkpoint near Bannu.');
  const attack = events.find((e) => e.cameo.startsWith('19') || e.cameo.startsWith('18'));
  assert.ok(attack, events.map(show).join('; '));
  assert.equal(attack.source?.code, 'PAKREB', show(attack));
});

test('a country right before a body of its own is the body ("a Nigerian military jet"), for the act and the participle after it', () => {
  const events = eventsOf('A Nigerian military jet bombed a market near Maiduguri on Sunday, killing six civilians.');
  const bomb = events.find((e) => e.trigger?.text.startsWith('bombed'));
  const kill = events.find((e) => e.trigger?.text.startsWith('killing'));
  assert.ok(bomb && kill, events.map(show).join('; '));
  assert.equal(bomb.source?.code, 'NGAMIL', show(bomb));
  assert.equal(kill.source?.code, 'NGAMIL', show(kill));
});

test('a junta is its state\'s military', () => {
  const events = eventsOf("Mali's junta expelled the Swedish ambassador on Tuesday.");
  const expel = events.find((e) => e.trigger?.text.startsWith('expelled'));
  assert.ok(expel, events.map(show).join('; '));
  assert.equal(`${expel.source?.code}>${expel.target?.code}`, 'MLIMIL>SWEGOV');
});

test('a command to one\'s own organ named bare ("ordered the army to raise its readiness") is no purchase: what it commands is the act', () => {
  const events = eventsOf('President Ilham Aliyev ordered the army to raise its combat readiness on Sunday.');
  assert.ok(!events.some((e) => e.trigger?.text === 'ordered'), events.map(show).join('; '));
  const alert = events.find((e) => e.cameo === '152');
  assert.ok(alert, events.map(show).join('; '));
  assert.match(alert.source?.code ?? '', /^AZE/, show(alert));
});

test('a single joint patrol of two states\' ships is military cooperation between them', () => {
  const events = eventsOf('Indian and French warships held a joint patrol in the Arabian Sea this week.');
  const pairs = events.filter((e) => e.cameo === '062').map((e) => `${e.source?.code?.slice(0, 3)}>${e.target?.code?.slice(0, 3)}`);
  assert.ok(pairs.includes('IND>FRA') && pairs.includes('FRA>IND'), events.map(show).join('; '));
});

test('"for allegedly ..." hedges the charge, not the arrest', () => {
  const events = eventsOf('The Greek coast guard arrested 14 Turkish fishermen on Friday for allegedly fishing in its waters.');
  const arrest = events.find((e) => e.trigger?.text.startsWith('arrested'));
  assert.ok(arrest, events.map(show).join('; '));
  assert.equal(arrest.modality, 'asserted', show(arrest));
});

test('a name in a hyphenated modifier ("a Panama-flagged tanker") says whose, not where', () => {
  const events = eventsOf('Iranian forces seized a Panama-flagged tanker on Thursday.');
  const seize = events.find((e) => e.trigger?.text.startsWith('seized'));
  assert.ok(seize, events.map(show).join('; '));
  assert.notEqual(seize.location?.name, 'Panama', show(seize));
});

test('people placed by the verb\'s "in" phrase are that country\'s, and the toll a participle tells is its own event with its count', () => {
  const events = eventsOf('Ugandan police opened fire on protesters in Kampala on Monday, killing at least four people.');
  const fire = events.find((e) => e.trigger?.text.startsWith('opened fire'));
  const kill = events.find((e) => e.trigger?.text.startsWith('killing'));
  assert.ok(fire && kill, events.map(show).join('; '));
  assert.equal(`${fire.source?.code}>${fire.target?.code}`, 'UGACOP>UGACVL');
  assert.deepEqual(kill.quantities.map((q) => `${q.count} ${q.category}`), ['4 people']);
});

test('a participle clause after a comma ("..., drawing condemnation from X") holds no target of the act before it', () => {
  const events = eventsOf('The Taliban barred girls from secondary schools on Monday, drawing criticism from the United Nations.');
  const ban = events.find((e) => e.source?.code === 'TAL');
  assert.ok(ban, events.map(show).join('; '));
  assert.notEqual(ban.target?.code, 'UNO', show(ban));
});

test('summoning several envoys is a protest to their states; a count of prisoners freed is a count of people', () => {
  const summoned = eventsOf('Tehran summoned the ambassadors of Britain and France on Sunday.');
  assert.ok(summoned.some((e) => e.cameo === '114' && e.source?.code === 'IRN'), summoned.map(show).join('; '));
  const freed = eventsOf('Israel freed 90 Palestinian prisoners on Sunday.');
  const free = freed.find((e) => e.trigger?.text.startsWith('freed'));
  assert.ok(free, freed.map(show).join('; '));
  assert.deepEqual(free.quantities.map((q) => `${q.count} ${q.category}`), ['90 people']);
});

test('"US forces to ..." after a name is a noun phrase, no act of coercion', () => {
  const events = eventsOf('Guyana invited Brazilian forces to hold exercises near the border on Monday.');
  assert.ok(!events.some((e) => e.cameo === '170'), events.map(show).join('; '));
});

test('the broker of the deal an act is done in is no one it is done to: an exchange stays between its two sides', () => {
  const events = eventsOf('Armenia and Azerbaijan exchanged 32 prisoners on Friday in a deal brokered by Qatar.');
  const pairs = events.filter((e) => e.trigger?.text.startsWith('exchanged')).map((e) => `${e.source?.code}>${e.target?.code}`);
  assert.deepEqual(pairs.sort(), ['ARM>AZE', 'AZE>ARM']);
});

test('a clause of "when" right after a date is of that date', () => {
  const events = eventsOf('The two leaders last spoke in 2019, when Emmanuel Macron met Vladimir Putin at Bregancon.');
  const meet = events.find((e) => e.trigger?.text === 'met');
  assert.ok(meet, events.map(show).join('; '));
  assert.equal(meet.date, '2019', show(meet));
  assert.equal(meet.modality, 'historical', show(meet));
});

test('a pronoun object ("urged him") stands for the actor named before it, not a place after it', () => {
  const events = eventsOf('Emmanuel Macron spoke with Nigerian President Bola Tinubu and urged him to reopen the border with Niger.');
  const urge = events.find((e) => e.trigger?.text.startsWith('urged'));
  assert.ok(urge, events.map(show).join('; '));
  assert.equal(urge.target?.code, 'NGAGOV', show(urge));
});

test('a clause of "who" on the object tells what those people did, not whom the act struck', () => {
  const events = eventsOf('Lithuanian border guards detained nine migrants who had crossed from Belarus overnight.');
  const detain = events.find((e) => e.trigger?.text.startsWith('detained'));
  assert.ok(detain, events.map(show).join('; '));
  assert.notEqual(detain.target?.code, 'BLR', show(detain));
});

test('a participle after a comma acts with the clause before it, never a name in that clause\'s object', () => {
  const events = eventsOf('Dozens of Israeli settlers attacked the Palestinian village of Burin south of Nablus on Friday, setting barns on fire, the Palestinian Red Crescent said.');
  const fire = events.find((e) => e.trigger?.text.startsWith('setting'));
  assert.ok(fire, events.map(show).join('; '));
  assert.equal(fire.source?.code, 'ISRCVL', show(fire));
});

test('the mediator of talks an agreement came "after" is no side of the agreement', () => {
  const events = eventsOf('Kenya and Uganda agreed to reopen their border on Monday after talks mediated by Tanzania.');
  const pairs = events.filter((e) => e.trigger?.text.startsWith('agreed')).map((e) => `${e.source?.code}>${e.target?.code}`);
  assert.deepEqual(pairs.sort(), ['KEN>UGA', 'UGA>KEN']);
});

test('a coast guard is its state\'s military, and a nationality adjective after "at a" is no location', () => {
  const events = eventsOf('The Italian coast guard fired warning shots at a Libyan fishing boat near Lampedusa on Sunday.');
  const shots = events.find((e) => e.trigger?.text.startsWith('fired'));
  assert.ok(shots, events.map(show).join('; '));
  assert.equal(shots.source?.code, 'ITAMIL', show(shots));
  assert.notEqual(shots.location?.name, 'Libya', show(shots));
});

test('the mediator of the talks that an act came after is no one it is aimed at, however the parser hung "after"', () => {
  const events = eventsOf('The two states restored ties after talks mediated by Qatar.');
  assert.ok(!events.some((e) => e.target?.code === 'QAT' && !e.trigger?.text.startsWith('mediated')), events.map(show).join('; '));
});

test('a clause of "after" with no date of its own is of the time of the clause it hangs on', () => {
  const events = eventsOf('Egypt closed the Rafah crossing in 2013 after the Islamic State attacked a checkpoint in Sinai.');
  const attack = events.find((e) => e.trigger?.text.startsWith('attacked'));
  assert.ok(attack, events.map(show).join('; '));
  assert.equal(attack.date, '2013', show(attack));
  assert.equal(attack.modality, 'historical', show(attack));
});

test('a time between the speaker and the speech verb is no part of the speaker ("Pakistan on Saturday said")', () => {
  const events = eventsOf('Latvia on Monday said Russian jets had violated its airspace near Daugavpils.');
  assert.ok(events.length > 0, 'the tracking is coded');
  for (const e of events) assert.equal(e.attribution.speaker, 'Latvia', show(e));
});

test('ending or tearing up a pact with a state reduces relations with it', () => {
  const events = eventsOf('Niger ended its military cooperation agreement with the United States on Saturday.');
  const end = events.find((e) => e.trigger?.text.startsWith('ended'));
  assert.ok(end, events.map(show).join('; '));
  assert.equal(`${end.cameo} ${end.source?.code}>${end.target?.code}`, '160 NER>USA');
});

test('a speaker\'s own force named by a possessive pronoun ("killed two of its soldiers") is the speaker state\'s', () => {
  const events = eventsOf("Jordan's army said a drone launched from Syria wounded three of its soldiers near Ruwaished.");
  const hit = events.find((e) => e.target?.code === 'JORMIL');
  assert.ok(hit, events.map(show).join('; '));
});

test('a region no state holds is where, not whom; nor is a people named after "at" a location', () => {
  const seized = eventsOf('Iran seizes oil tanker in Gulf\n\nThe ship was taken to Bandar Abbas.');
  const seize = seized.find((e) => e.trigger?.text === 'seizes');
  assert.ok(seize, seized.map(show).join('; '));
  assert.equal(seize.target, null, show(seize));
  const shots = eventsOf('Greece fires warning shots at Turkish fishermen');
  for (const e of shots) assert.notEqual(e.location?.name, 'Türkiye', show(e));
});

test('a headline\'s "X to <verb>" tells what is to come, and boosting troops somewhere is a build-up of forces', () => {
  const events = eventsOf('Canada to boost troops in Latvia\n\nOttawa announced the plan on Monday.');
  const boost = events.find((e) => e.trigger?.text.startsWith('boost'));
  assert.ok(boost, events.map(show).join('; '));
  assert.equal(`${boost.cameo} ${boost.source?.code} ${boost.modality}`, '154 CAN planned');
});
