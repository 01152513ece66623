/**
 * Who did what to whom where a clause's roles lie outside the predicate's own phrase, each in a sentence written for this
 * file: names listed after ", and" and followed by their own verb open a clause of their own and are no one the predicate
 * acts on; a participle of manner after a phrase of place ("gathered in Tbilisi demanding ...") is the clause subject's act;
 * the subject of a verb of enduring or warding off an act ("repelled an attack", "suffered a wave of attacks") is the one
 * it was aimed at, never its doer; an adverb after the speaker's auxiliary ("have also said", "have both said") is no part of
 * the speaker, and a pronoun that points back to a coordinated speaker ("Latvia and Lithuania said they would ...") is every
 * member; states that "accuse each other" accuse each other, and the act they charge ("of shelling villages") is no act told,
 * even where the parser misreads the clause; "warning time" is no warning, and what the writer says "should" be, with no one
 * saying it, demands nothing; "it" or "they" as the subject of a clause of reason or time ("because it was bombing") stands
 * for the subject of the clause it qualifies, not for the speaker; a clause opened by "but" with a verb of saying (", but X
 * said shelling continued") is no trailing attribution of the whole sentence; "it" in the own claim of a speaker no code names
 * ("a hacker group claimed responsibility, saying that it had ...") is that speaker, never the topic of earlier sentences; a
 * verb joined to the verb of saying itself ("told reporters that X had ..., and warned ...") is the speaker's act, and the
 * object of such a verb is no target of the reported clause; a state organ named bare is named without the time phrase after
 * it ("The government on Thursday approved"); an act noun in a denied clause ("denied carrying out cyber attacks and accuses
 * X of ...") is no act told; a town after "from" ("by video link from Vilnius") is where an act came from, not whom; "comes
 * on top of", "comes as", "comes after" tell how news follows news, no meeting, even after a word that may open a noun phrase;
 * the country past a border ("an ambush by jihadists near the border with Niger") is no doer of a passive; a relative clause
 * after a comma (", both of which have announced plans") is no attribution; a bare "the ministry" points back to a state,
 * never to an alliance named before; a purchase's seller is not looked for in its purpose clause; a particle before a verb
 * ("would not allow Armenia to ...") leaves the verb's object its target; "both of which" stands for the names before it,
 * and an infinitive on a noun of intent ("announced plans to acquire") is the act of the subject that announced them; a clause
 * of time after a trailing verb of saying ('..., the minister said after jets struck X') is a claim, not attribution; a
 * complaint whose "over" phrase names no one coded is aimed at the party after "with" or "to"; a parliament approving a law
 * yields to no one; the speaker of "X announced plans to buy Y from Z" is the buyer, whose purchase Z sells.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, show } from './helpers/story-events.js';

test('names listed after ", and" with a verb of their own are no target of the verb before', () => {
  const events = eventsOf('Russia and China voted against the resolution, and Brazil, Kenya and India abstained, diplomats said.');
  const votes = events.filter((e) => e.trigger?.text.startsWith('voted'));
  assert.ok(votes.some((e) => e.source?.code === 'RUS'), events.map(show).join('; '));
  assert.ok(!events.some((e) => ['BRA', 'KEN', 'IND'].includes(e.target?.code ?? '')), events.map(show).join('; '));
});

test('a participle of manner after a phrase of place is the act of the clause subject, not of the place', () => {
  const events = eventsOf('Protesters gathered outside the parliament in Tbilisi demanding new elections.');
  const demand = events.find((e) => e.trigger?.text === 'demanding');
  assert.ok(demand, events.map(show).join('; '));
  assert.equal(demand.source?.code, 'GEOCVL', show(demand));
});

test('who repels or suffers an attack is not its doer', () => {
  const repelled = eventsOf('Latvia repelled the largest cyber attack in its history on Monday, officials said.');
  assert.ok(!repelled.some((e) => e.source?.code === 'LVA'), repelled.map(show).join('; '));
  const suffered = eventsOf('Moldova suffered a wave of cyber attacks last week.');
  assert.ok(!suffered.some((e) => e.source?.code === 'MDA'), suffered.map(show).join('; '));
});

test('an adverb after the speaker\'s auxiliary is no part of the speaker; "they" is every member of a coordinated speaker', () => {
  const events = eventsOf('Latvia and Lithuania have also said they would expel Russian diplomats.');
  assert.ok(events.length > 0, 'no event');
  assert.ok(events.every((e) => e.attribution.speaker === 'Latvia and Lithuania'), events.map((e) => `${show(e)} by ${e.attribution.speaker}`).join('; '));
  assert.ok(events.some((e) => e.source?.code === 'LVA') && events.some((e) => e.source?.code === 'LTU'), events.map(show).join('; '));
});

test('states that accuse each other accuse each other, and what they charge is no act told', () => {
  const events = eventsOf('Armenia and Azerbaijan accuse each other of shelling border villages.');
  assert.ok(events.some((e) => e.source?.code === 'ARM' && e.target?.code === 'AZE' && e.cameo.startsWith('11')), events.map(show).join('; '));
  assert.ok(events.some((e) => e.source?.code === 'AZE' && e.target?.code === 'ARM' && e.cameo.startsWith('11')), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo.startsWith('19')), events.map(show).join('; '));
});

test('"warning time" is no warning, and a "should" no one says demands nothing', () => {
  const events = eventsOf('For its neighbours, the main lesson is that warning time for an Iranian drone launch should now be assumed to be very short.');
  assert.deepEqual(events.map(show), []);
});

test('"it" in a clause of reason stands for the subject of the clause it qualifies', () => {
  const bombing = eventsOf('The UN envoy said that Sudan bore full responsibility because it was bombing civilians in Darfur.').find((e) => e.trigger?.text === 'bombing');
  assert.ok(bombing, 'no bombing event');
  assert.equal(bombing.source?.code, 'SDN', show(bombing));
  const expelled = eventsOf("Kenya's president said Somalia should apologise because it had expelled Kenyan diplomats.").find((e) => e.cameo.startsWith('16'));
  assert.ok(expelled, 'no expulsion event');
  assert.equal(expelled.source?.code, 'SOM', show(expelled));
});

test('", but X said ..." is a clause of its own, not the attribution of the whole sentence', () => {
  const events = eventsOf("Ankara said it had brokered a truce that was to take effect at dawn, but Syria's defence ministry said shelling continued for hours afterwards.");
  const truce = events.find((e) => e.trigger?.text.startsWith('brokered'));
  assert.ok(truce, events.map(show).join('; '));
  assert.equal(truce.attribution.speaker, 'Ankara', show(truce));
});

test('"it" in the claim of a speaker no code names is that speaker, not the topic before', () => {
  const events = eventsOf('The authorities removed a statue in Narva on Tuesday.\n\nThe hacker group Cyber Front claimed responsibility, saying on its channel that it had blocked access to 300 Estonian websites.');
  const blocked = events.find((e) => e.trigger?.text.startsWith('blocked'));
  assert.ok(!blocked || blocked.source === null, blocked ? show(blocked) : '');
});

test('a verb joined to the verb of saying is the speaker\'s act; its object is no target of the reported clause', () => {
  const warned = eventsOf('On Friday, the UN envoy told reporters that Syria had begun removing checkpoints, and warned that if they were not restored, the mission would lose track of troop movements.').find((e) => e.trigger?.text === 'warned');
  assert.ok(warned, 'no warning');
  assert.notEqual(warned.source?.code, 'SYR', show(warned));
  const events = eventsOf('The envoy told reporters that Syria had begun removing checkpoints, and warned Damascus against further delays.');
  assert.ok(!events.some((e) => e.source?.code === 'SYR' && e.target?.code === 'SYR'), events.map(show).join('; '));
});

test('a bare organ is named without the time phrase after it', () => {
  const events = eventsOf('The government on Thursday approved a new military aid package for Chile worth 20 million euros, the Ministry of Defence announced.');
  assert.ok(events.length > 0, 'no event');
  assert.ok(events.every((e) => !/Thursday/.test(e.source?.name ?? '')), events.map((e) => `${show(e)} ${e.source?.name}`).join('; '));
});

test('an act noun in a denied clause is no act told', () => {
  const events = eventsOf('Russia has repeatedly denied carrying out cyber attacks and accuses Western countries of waging an information war against it.');
  assert.ok(events.some((e) => e.cameo.startsWith('12')), events.map(show).join('; '));
  assert.ok(!events.some((e) => e.cameo.startsWith('17')), events.map(show).join('; '));
});

test('a town after "from" is where an act came from, not its target', () => {
  const events = eventsOf('Yoon convened an emergency meeting of his security council by video link from Vilnius, his office said.');
  assert.ok(events.length > 0, 'no event');
  assert.ok(!events.some((e) => e.target?.name === 'Vilnius'), events.map(show).join('; '));
});

test('"this comes on top of orders from X" is no meeting with X', () => {
  const events = eventsOf('For Saab, this comes on top of Gripen orders from Brazil and Thailand this year.');
  assert.ok(!events.some((e) => e.cameo.startsWith('04')), events.map(show).join('; '));
  const after = eventsOf('The visit comes after Kenya expelled two Somali diplomats.');
  assert.ok(!after.some((e) => e.cameo.startsWith('04')), after.map(show).join('; '));
});

test('the country past a border is no doer of a passive', () => {
  const events = eventsOf('Three Malian soldiers were killed in an ambush by jihadists near the border with Niger, the army said.');
  assert.ok(!events.some((e) => e.source?.code === 'NER'), events.map(show).join('; '));
});

test('the object of a verb opened by a particle ("would not allow Armenia to ...") is its target', () => {
  const events = eventsOf("Azerbaijan's president said his country would not allow Armenia to rearm.");
  assert.ok(events.some((e) => e.target?.code === 'ARM'), events.map(show).join('; '));
});

test('a purchase\'s seller is not named in its purpose clause ("to protect its cities from Russian strikes")', () => {
  const events = eventsOf('Poland is buying air-defence systems to protect its cities from Russian strikes.');
  assert.ok(!events.some((e) => e.source?.code === 'RUS' || e.target?.code === 'RUS'), events.map(show).join('; '));
});

test('", both of which have announced" is a relative clause, not an attribution', () => {
  const events = eventsOf('Estonia is also coordinating with Latvia and Lithuania, both of which have announced plans to acquire the system.');
  assert.ok(events.length > 0, 'no event');
  assert.ok(events.every((e) => e.attribution.speaker === null), events.map((e) => `${show(e)} by ${e.attribution.speaker}`).join('; '));
});

test('a bare "the ministry" never stands for an alliance', () => {
  const events = eventsOf('The NATO battlegroup will deploy its armoured vehicles to the exercise area on Monday.\n\nThe ministry asked drivers to be patient.');
  assert.ok(!events.some((e) => e.source?.code === 'NATO' && e.trigger?.text === 'asked'), events.map(show).join('; '));
});

test('"both of which have announced plans to acquire" is the act of the names before it', () => {
  const events = eventsOf('Estonia is also coordinating with Latvia and Lithuania, both of which have announced plans to acquire the system.');
  const acquire = events.filter((e) => e.trigger?.text === 'acquire');
  assert.deepEqual(acquire.map((e) => e.source?.code).sort(), ['LTU', 'LVA'], events.map(show).join('; '));
});

test('a clause of time after a trailing verb of saying is read as a claim', () => {
  const events = eventsOf('"We will respond to any attack," Iran\'s foreign minister said after Israeli jets struck targets near Damascus.');
  assert.ok(events.some((e) => e.source?.code === 'ISR' && e.cameo.startsWith('19')), events.map(show).join('; '));
});

test('a complaint whose "over" phrase names no one is aimed at the party it is lodged with', () => {
  const events = eventsOf("China's defence ministry lodged a protest with Japan over the destroyer's passage through the Taiwan Strait.");
  assert.ok(events.some((e) => e.cameo.startsWith('11') && e.target?.code === 'JPN'), events.map(show).join('; '));
});

test('approving a law yields to no one', () => {
  const events = eventsOf("Venezuela's parliament approved a law creating a new state in the disputed Essequibo region claimed by Guyana.");
  assert.ok(!events.some((e) => e.cameo.startsWith('08')), events.map(show).join('; '));
});

test('"X announced plans to buy Y from Z": the speaker buys', () => {
  const events = eventsOf('Kenya announced plans to buy six drones from Turkey.');
  assert.ok(events.some((e) => e.source?.code === 'TUR' && e.target?.code === 'KEN'), events.map(show).join('; '));
});
