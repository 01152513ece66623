/**
 * Wire stories of our own run through the whole pipeline (raw text: sentences, entities, dates,
 * syntax, events): each must print exactly its expected events (test/helpers/news-stories.ts). Then
 * one test per mechanism, on sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDateline, readFrame } from '../src/stages/events/attribution.js';
import { NEWS_STORIES, scoreStory } from './helpers/news-stories.js';
import { eventsOf, show } from './helpers/story-events.js';

/**
 * Stories the coder does not meet yet, with what they still get wrong today: a ratchet, so they may
 * improve but not fall back (`npm run bench:events-stories -- --verbose` lists the misses). Lower a
 * bound when a story improves; a story met in full leaves this table and must then print exactly.
 */
const NOT_YET = new Map<string, { wrong: number; missed: number }>([
  ['arrest', { wrong: 1, missed: 0 }],
  ['figurative', { wrong: 1, missed: 0 }],
  ['drills', { wrong: 1, missed: 1 }],
  ['expel', { wrong: 0, missed: 1 }],
  ['rescue', { wrong: 1, missed: 0 }],
]);

for (const story of NEWS_STORIES) {
  const bound = NOT_YET.get(story.id);
  const name = bound
    ? `news story "${story.id}" prints at most ${bound.wrong} wrong and misses at most ${bound.missed} required events`
    : `news story "${story.id}" prints exactly its expected events`;
  test(name, () => {
    const events = eventsOf(story.text);
    const printed = events.map((e) => ({ plover: e.plover, source: e.source?.code ?? null, target: e.target?.code ?? null, modality: e.modality }));
    const { wrong, missed } = scoreStory(printed, story.expect);
    const wrongText = events.filter((_, i) => wrong.includes(printed[i]!)).map(show);
    if (bound) {
      assert.ok(wrong.length <= bound.wrong && missed.length <= bound.missed, `wrong: ${wrongText.join('; ')}; missed: ${missed.join('; ')}`);
    } else {
      assert.deepEqual({ wrong: wrongText, missed }, { wrong: [], missed: [] });
    }
  });
}

test('a wire dateline is masked: its place acts in nothing and its outlet joins the chain', () => {
  assert.deepEqual(readDateline('OSLO (NTB) — Sweden expelled two diplomats.'), { span: { start: 0, end: 'OSLO (NTB) — '.length }, outlet: 'NTB' });
  assert.equal(readDateline('KRAKOW, Poland, May 2 (PAP) -- Police detained ten.')?.outlet, 'PAP');
  assert.equal(readDateline('NATO - the alliance - met.')?.outlet, null);
  assert.equal(readDateline('Sweden expelled two diplomats - a rare step.'), null);
  const frame = readFrame('CAIRO (MENA) — Sudan recalled its envoy, the ministry said.');
  assert.ok(frame.speaker);
  const events = eventsOf('Ferry row\n\nATHENS (Kathimerini) — Turkish coast guard vessels rammed a Greek fishing boat on Friday.');
  assert.ok(events.length > 0, 'the ramming is coded');
  for (const e of events) assert.notEqual(e.source?.code?.slice(0, 3), 'GRC', show(e));
});

test('an agentless passive takes the doer of the last act of its kind, and prints nothing when none was told', () => {
  const alone = eventsOf('Four Kenyan police officers were killed on the highway.');
  assert.deepEqual(alone.map(show), []);
  const told = eventsOf('Somali militants attacked a Kenyan convoy on Tuesday. Four Kenyan police officers were killed in the ambush.');
  const killed = told.find((e) => e.trigger?.text === 'killed');
  assert.ok(killed, told.map(show).join('; '));
  assert.equal(killed.source?.code?.slice(0, 3), 'SOM');
  // The earlier act struck another country: the agentless killing is not pinned on its doer.
  const elsewhere = eventsOf('Kenyan troops attacked a Somali militant camp on Monday. Two Turkish engineers were killed on Friday.');
  assert.deepEqual(elsewhere.map((e) => e.target?.code?.slice(0, 3)), ['SOM'], elsewhere.map(show).join('; '));
});

test('a name after "near" or "in" inside a passive agent phrase is where, not who', () => {
  const events = eventsOf('Two Nigerien soldiers were wounded by a landmine near Agadez.');
  for (const e of events) assert.ok(e.source?.code && !e.source.code.startsWith('NER'), show(e));
});

test('what a charge or a denial holds is said, not done: only the charge is printed', () => {
  const charged = eventsOf('Kenya accused Uganda of arming rebels along the border.');
  assert.deepEqual(charged.map((e) => e.trigger?.text), ['accused'], charged.map(show).join('; '));
  const denied = eventsOf('Serbia denied that its police had detained two Albanian journalists.');
  assert.ok(!denied.some((e) => e.trigger?.text === 'detained'), denied.map(show).join('; '));
});

test('members of a compound subject that meet with no one else named meet each other', () => {
  const pairs = (text: string): string[] => eventsOf(text).filter((e) => e.plover === 'CONSULT').map((e) => `${e.source?.code}>${e.target?.code}`).sort();
  assert.deepEqual(pairs('VIENNA (APA) — Austria and Hungary held a second round of border consultations on Monday.'), ['AUT>HUN', 'HUN>AUT']);
  // A headline joins the two by a bare comma.
  assert.deepEqual(pairs('Peru, Chile hold fishing talks\n\nThe meeting ended.'), ['CHL>PER', 'PER>CHL']);
});

test('a weapon inside the gap of a spoken phrase makes the verb literal: no "fire off" statement', () => {
  for (const text of ['Norway fired an attack drone off its northern coast on Monday.', 'Pakistan fired a cruise missile off its southern coast on Monday.']) {
    const events = eventsOf(text);
    assert.ok(!events.some((e) => e.plover === 'ACCUSE'), events.map(show).join('; '));
  }
  const missile = eventsOf('Pakistan fired a cruise missile off its southern coast on Monday.');
  assert.deepEqual(missile.map(show), ['ASSAULT PAK>- asserted [fired a cruise missile]']);
});

test('"X rejected Y and said ...": the first predicate is a claim of its own, not the name of a speaker', () => {
  assert.equal(readFrame('Vietnam condemned the ruling and said it would lodge an appeal.').speaker, null);
  const events = eventsOf('Vietnam condemned the ruling and said it would lodge an appeal.');
  assert.ok(events.some((e) => e.plover === 'ACCUSE' && e.source?.code === 'VNM'), events.map(show).join('; '));
  // A compound speaker still speaks.
  assert.ok(readFrame('France and Germany said they would send more troops.').speaker);
});

test('"ordered <actor> to <verb>" is a command (a demand of that actor), not a purchase; goods ordered for a purpose stay a purchase', () => {
  const command = eventsOf("Chad's government ordered French soldiers to leave the country within a month.");
  assert.deepEqual(command.map((e) => `${e.plover} ${e.source?.code?.slice(0, 3)}>${e.target?.code?.slice(0, 3)}`), ['REQUEST TCD>FRA']);
  const purchase = eventsOf('Chad ordered 12 helicopters to replace its ageing fleet.');
  assert.ok(!purchase.some((e) => e.plover === 'REQUEST'), purchase.map(show).join('; '));
});

test('one mention is never both the doer and the one acted on', () => {
  const events = eventsOf('The deal, which was mediated by Oman and Kuwait, takes effect on Monday.');
  for (const e of events) assert.ok(!(e.source?.code && e.source.code === e.target?.code), show(e));
});

test('a date is neither an act nor an actor: "in March" is no protest march and no place named March', () => {
  const events = eventsOf('Polish police detained two Belarusian men in March.');
  assert.deepEqual(events.map((e) => e.plover), ['COERCE'], events.map(show).join('; '));
  for (const e of eventsOf('Thousands of students will march in Lima in March.')) assert.equal(e.target, null, show(e));
});

test('a place or region after "over" is what a dispute is about, not whom it is against', () => {
  assert.deepEqual(eventsOf('The two neighbours fought a war over the Tigray region in 2021.').map(show), []);
});

test('a capitalised word tagged as a name opens no verb phrase ("... Resistance Forces agreed to" is no "force to")', () => {
  const events = eventsOf("Yemen's government and the Southern Resistance Forces agreed on Monday to a prisoner swap.");
  assert.ok(!events.some((e) => e.plover === 'COERCE'), events.map(show).join('; '));
  assert.ok(events.some((e) => e.plover === 'AGREE' && e.source?.code?.startsWith('YEM')), events.map(show).join('; '));
});

test('an act named in an "over" phrase is the reason for another, not an act of its subject', () => {
  const events = eventsOf('Canada imposed sanctions on Iranian officials over the crackdown on student protests.');
  assert.deepEqual(events.map((e) => `${e.plover} ${e.source?.code}`), ['SANCTION CAN'], events.map(show).join('; '));
});

test('a town naming an accord or a truce ("the Geneva accord") says where it was made: no target', () => {
  for (const text of ["Libya's rival governments agree to Geneva truce", "Libya's rival governments signed the Geneva accord on Friday."]) {
    const events = eventsOf(text);
    assert.ok(events.length > 0, text);
    for (const e of events) assert.equal(e.target, null, show(e));
  }
});

test('"called X a Y" names X, it is no telephone call', () => {
  for (const text of ["Ukraine's foreign ministry called the Russian vote a sham.", "Ukraine's foreign ministry called the vote in Crimea a sham."]) {
    const events = eventsOf(text);
    assert.ok(!events.some((e) => e.plover === 'CONSULT'), events.map(show).join('; '));
  }
});

test('sending weapon systems, launchers or munitions is military aid, planned when it is to come', () => {
  const events = eventsOf('Spain will send four more rocket launchers to Latvia next month.');
  assert.deepEqual(events.map(show), ['AGREE ESP>LVA planned [send four more rocket launchers]']);
});

test('a verb with its own object ends its clause where a conjoined predicate begins ("praised X but did not endorse Y")', () => {
  const events = eventsOf("Denmark praised free speech but did not endorse the Iranian protesters' demands.");
  const praised = events.find((e) => e.trigger?.text === 'praised');
  assert.ok(praised, events.map(show).join('; '));
  assert.equal(praised.target, null, show(praised));
});

test('an act noun in a passive\'s agent phrase does not take the sufferers as its doer ("soldiers were wounded by a roadside bomb")', () => {
  assert.deepEqual(eventsOf('Four Ghanaian soldiers were wounded by a roadside bomb on Tuesday.').map(show), []);
});

test('a complaint is about an "over"/"at" phrase of its own clause, not of a clause hung below it', () => {
  const events = eventsOf("Estonia summoned Belarus's envoy on Thursday after Belarusian guards fired warning shots at a Latvian patrol boat.");
  const summon = events.find((e) => e.trigger?.text.startsWith('summoned'));
  assert.ok(summon, events.map(show).join('; '));
  assert.equal(summon.target?.code?.slice(0, 3), 'BLR', show(summon));
});

test('the doer named in a "by" phrase of the object is whom the act answers ("repelled an assault by X on Y")', () => {
  const events = eventsOf('Azerbaijani units repelled an assault by Armenian troops on a Georgian border post.');
  const repel = events.find((e) => e.trigger?.text === 'repelled');
  assert.ok(repel, events.map(show).join('; '));
  assert.equal(repel.source?.code?.slice(0, 3), 'AZE', show(repel));
  assert.equal(repel.target?.code, 'ARMMIL', show(repel));
});

test('a speaker phrase is named by its head: "Sudan\'s army said", "the Lithuanian navy said", not the country before it', () => {
  const cases: [string, string][] = [
    ["Chad's army said it had shelled rebel camps near Faya overnight.", 'TCDMIL'],
    ['The Lithuanian navy said it had seized a freighter off Klaipeda.', 'LTUMIL'],
  ];
  for (const [text, code] of cases) {
    const events = eventsOf(text);
    assert.ok(events.length > 0, text);
    assert.equal(events[0]?.source?.code, code, events.map(show).join('; '));
  }
});

test('a capitalised noun of a name ("the National Guard Forces agreed to") opens no verb phrase', () => {
  const events = eventsOf('Yemen and the Southern Transitional Forces agreed on Sunday to a ten-day truce.');
  assert.ok(!events.some((e) => e.plover === 'COERCE'), events.map(show).join('; '));
  assert.ok(events.some((e) => e.plover === 'AGREE'), events.map(show).join('; '));
});

test('armed groups of recent wars are actors: an abbreviation a page defines in brackets names the group after it', () => {
  const events = eventsOf('The Rapid Support Forces (RSF) shelled a camp in Darfur. On Monday the RSF denied the charge.');
  assert.ok(events.some((e) => e.plover === 'ASSAULT' && e.source?.code === 'SDNREB'), events.map(show).join('; '));
  assert.ok(events.some((e) => e.source?.code === 'SDNREB' && e.trigger?.text.startsWith('denied')), events.map(show).join('; '));
});

test('an act noun naming a kind of weapon ("battle tanks", "attack helicopters") is no act', () => {
  const events = eventsOf('Chile ordered eight battle tanks and four attack helicopters.');
  assert.ok(!events.some((e) => e.plover === 'ASSAULT'), events.map(show).join('; '));
  assert.ok(events.some((e) => e.trigger?.text === 'ordered'), events.map(show).join('; '));
});

test('a deal\'s "to" clause is what was agreed, wherever the parser hangs it ("signed an agreement last month to buy")', () => {
  const events = eventsOf('Peru signed an agreement last month to buy twelve trainer jets from Brazil.');
  assert.ok(events.some((e) => e.trigger?.text === 'buy'), events.map(show).join('; '));
});

test('"in May" is a month, not the modal "may"', () => {
  const events = eventsOf('Kenya signed a contract in May to supply Uganda with six patrol boats.');
  assert.ok(events.length > 0);
  for (const e of events) assert.notEqual(e.modality, 'hypothetical', show(e));
});

test('a subject naming a thing ("the raid killed") does not make the speaker the doer; a pronoun still points to it', () => {
  const events = eventsOf('Armenia said the raid killed four farmers near the border.');
  assert.ok(!events.some((e) => e.plover === 'ASSAULT' && e.source?.code?.startsWith('ARM')), events.map(show).join('; '));
  const own = eventsOf("Chile said it backed the plan but did not endorse Peru's demands.");
  assert.ok(own.some((e) => e.source?.code === 'CHL' && e.modality === 'negated'), own.map(show).join('; '));
});

test('a relative clause with a subject and no object has the noun it describes as object ("a firm it accuses of ...")', () => {
  const events = eventsOf('Canada sanctioned two Chilean officers and a firm it accuses of selling rifles to Haiti.');
  const accuse = events.find((e) => e.trigger?.text === 'accuses');
  assert.ok(accuse, events.map(show).join('; '));
  assert.equal(accuse.target?.code?.slice(0, 3), 'CHL', show(accuse));
});

test('a noun of those who act names its own doer: "police detained demonstrators" is no protest by the police', () => {
  const events = eventsOf('Bolivian police detained forty demonstrators near the mine.');
  assert.ok(events.some((e) => e.trigger?.text === 'detained'), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.plover === 'PROTEST' && e.source?.code === 'BOLCOP'), events.map(show).join('; '));
});

test('a name joined to "-flagged", "-held", "-led" names the owner, holder or leader; a maker ("-made") is no actor', () => {
  const seized = eventsOf('Libya seized a Maltese-flagged trawler off Benghazi.');
  assert.ok(seized.some((e) => e.source?.code === 'LBY' && e.target?.code === 'MLT'), seized.map(show).join('; '));
  const fired = eventsOf('Tanzanian troops fired Kenyan-made mortars at a Somali-held village.');
  assert.ok(fired.some((e) => e.target?.code === 'SOM'), fired.map(show).join('; '));
  assert.ok(!fired.some((e) => e.source?.code?.startsWith('KEN') || e.target?.code?.startsWith('KEN')), fired.map(show).join('; '));
});

test('a participle whose subject names no actor acts with the main clause\'s doer, not a name in its object', () => {
  const events = eventsOf('The junta in Bamako expelled two Danish diplomats on Monday, accusing them of spying.');
  const accuse = events.find((e) => e.trigger?.text === 'accusing');
  assert.ok(accuse, events.map(show).join('; '));
  // the junta is Mali's military (MLIMIL): Mali's, not Denmark's
  assert.equal(accuse.source?.code, 'MLIMIL', show(accuse));
});

test('a country named only as the other side of a border ("toward the border with Mali") is where, not whom', () => {
  const events = eventsOf('Rebels burned a village near the border with Togo.');
  assert.ok(!events.some((e) => e.target?.code === 'TGO'), events.map(show).join('; '));
});

test('actors of a clause of time ("while Israel was holding elections") are not the main act\'s target', () => {
  const events = eventsOf('Iran fired a missile into the desert while Israel was holding elections.');
  const fired = events.find((e) => e.trigger?.text.startsWith('fired'));
  assert.ok(fired, events.map(show).join('; '));
  assert.equal(fired.target, null, show(fired));
});

test('partners of a compound subject in joint drills cooperate with each other', () => {
  const events = eventsOf('Egypt and Greece staged joint air drills over the Aegean.').filter((e) => e.cameo === '062');
  assert.deepEqual(events.map((e) => `${e.source?.code}>${e.target?.code}`).sort(), ['EGY>GRC', 'GRC>EGY']);
});

test('a coordinated speaker ("Chile and Peru said they ...") is coded by its first member, as a coordinated subject is', () => {
  const events = eventsOf('Chile and Peru said they would send troops to Bolivia.');
  assert.ok(events.some((e) => e.source?.code === 'CHL' && e.target?.code === 'BOL'), events.map(show).join('; '));
});

test('"spoke (by phone) with X" is a consultation', () => {
  const events = eventsOf("Chile's president spoke by phone with Peru's president on Sunday.");
  assert.ok(events.some((e) => e.plover === 'CONSULT' && e.source?.code?.startsWith('CHL') && e.target?.code?.startsWith('PER')), events.map(show).join('; '));
});

test('a light verb whose object is an act noun coded on its own ("held a phone call with X") is no act of its own', () => {
  const events = eventsOf("Chile's foreign minister held a phone call with Peru's foreign minister.");
  assert.ok(events.some((e) => e.plover === 'CONSULT'), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.plover === 'COERCE'), events.map(show).join('; '));
});

test('a quotation that goes on into the next sentence is still its speaker\'s; "cannot" negates', () => {
  const events = eventsOf('"We cannot accept these arrests," Chile\'s foreign minister said. "Peru must free our fishermen at once."');
  const demand = events.find((e) => e.plover === 'REQUEST');
  assert.ok(demand, events.map(show).join('; '));
  assert.equal(demand.source?.code?.slice(0, 3), 'CHL', show(demand));
  for (const e of events.filter((x) => x.trigger?.text.startsWith('accept'))) assert.equal(e.modality, 'negated', show(e));
});

test('a participle hung on a noun with a "by" doer is a passive: "hostages held by X" is no act of the main subject', () => {
  const events = eventsOf("Chad's army said it had freed 30 hostages held by Boko Haram.");
  assert.ok(!events.some((e) => e.source?.code?.startsWith('TCD') && e.plover === 'COERCE'), events.map(show).join('; '));
});

test('suspending membership reduces relations; a name in a hyphenated modifier of a coded body ("the Russia-led CSTO") is not the target', () => {
  const events = eventsOf('Kazakhstan suspended its membership in the Russia-led CSTO.');
  assert.ok(events.some((e) => e.cameo === '160' && e.source?.code === 'KAZ' && e.target?.code === 'CSTO'), events.map(show).join('; '));
});

test('two sides of a clash or an exchange of fire act on each other; coordinated nationality adjectives are two members', () => {
  const clash = eventsOf('Thai and Cambodian troops clashed near the temple on Friday.');
  assert.deepEqual(clash.filter((e) => e.plover === 'ASSAULT').map((e) => `${e.source?.code?.slice(0, 3)}>${e.target?.code?.slice(0, 3)}`).sort(), ['KHM>THA', 'THA>KHM']);
  const fire = eventsOf('Eritrea and Ethiopia exchanged fire across the frontier.');
  assert.deepEqual(fire.map((e) => `${e.source?.code}>${e.target?.code}`).sort(), ['ERI>ETH', 'ETH>ERI']);
});

test('a hyphenated verb ("test-fired") is read by the tag of its verb part; scrambling jets is a show of force', () => {
  const test1 = eventsOf('Pakistan test-fired a cruise missile over the Arabian Sea.');
  assert.ok(test1.some((e) => e.cameo === '150' && e.source?.code === 'PAK'), test1.map(show).join('; '));
  const scramble = eventsOf('Finland scrambled fighters on Sunday.');
  assert.ok(scramble.some((e) => e.cameo === '150' && e.source?.code === 'FIN'), scramble.map(show).join('; '));
});

test('people named by a role in a named place belong to its country, not to the one who struck them', () => {
  const events = eventsOf('Russian strikes killed nine civilians in Lviv.');
  assert.ok(events.some((e) => e.source?.code?.startsWith('RUS') && e.target?.code === 'UKRCVL'), events.map(show).join('; '));
  const home = eventsOf('Egyptian police dispersed demonstrators in Alexandria.');
  assert.ok(home.some((e) => e.target?.code === 'EGYCVL'), home.map(show).join('; '));
});
