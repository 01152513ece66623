/**
 * Short wire stories of our own (datelines, outlet credits, quotes, reported speech, passives,
 * background paragraphs, relative, purpose, capability and conditional clauses, negation, figurative
 * verbs), each with the complete set of events the coder should print. Written by us; the events
 * are made up around real actors, and share no text with the dev sets.
 *
 * An expectation reads `TYPES SOURCE>TARGET [MODALITIES]`: PLOVER types joined by "|", actor code
 * prefixes joined by "|" ("-" for none), modalities joined by "|" (any when left out). A leading "?"
 * marks an event that may be printed but need not be (background that is true, a second reading of
 * the same act); every other one must be printed, and nothing outside the list may be.
 */
export interface NewsStory {
  id: string;
  text: string;
  expect: string[];
}

export const NEWS_STORIES: NewsStory[] = [
  {
    id: 'missile',
    text: `North Korea fires ballistic missile off its east coast

TOKYO (Kyodo) — North Korea fired a ballistic missile off its east coast on Thursday, the Japanese Defense Ministry said.
The missile flew about 600 kilometres before it fell outside Japan's exclusive economic zone, a ministry official said.
Pyongyang has spent years building solid-fuel rockets that can reach the U.S. mainland.
Japan lodged a strong protest with North Korea through its embassy in Beijing.
"Such repeated launches threaten the peace and stability of our region," Japanese Prime Minister Fumio Kishida told reporters.
South Korea's military said the launch was the fourth this month.`,
    expect: [
      'MOBILIZE|ASSAULT PRK>- asserted',
      'ACCUSE JPN>PRK asserted',
    ],
  },
  {
    id: 'airstrike',
    text: `Israeli jets strike southern Lebanon

BEIRUT (AFP) — Israeli warplanes bombed a village in southern Lebanon on Sunday, the Lebanese army said.
Two Hezbollah fighters were killed in the raid, the group said in a statement.
Israel's military said it had hit a weapons depot belonging to the movement.
Lebanon's foreign ministry condemned the strike as a violation of its sovereignty.
The raids are part of a campaign to push the militia away from the frontier.`,
    expect: [
      'ASSAULT ISR>LBN asserted',
      'ACCUSE LBN>ISR|- asserted',
      '?ASSAULT ISR>-',
    ],
  },
  {
    id: 'sanctions',
    text: `EU adds Belarus officials to sanctions list

BRUSSELS — The European Union imposed sanctions on 14 Belarusian officials on Monday over the crackdown on opposition protests.
The measures freeze the officials' assets and bar them from travelling to the bloc.
Minsk rejected the decision and said it would respond.
"We will not be intimidated by Brussels," the Belarusian Foreign Ministry said in a statement.
The move follows a law passed by the Belarusian parliament last year that bans foreign funding of civic groups.`,
    expect: [
      'SANCTION EUR>BLR asserted',
      'REJECT BLR>EUR|-',
      '?COERCE BLR>BLR',
      '?SANCTION EUR>BLR',
    ],
  },
  {
    id: 'talks',
    text: `India, China hold border talks

NEW DELHI (PTI) — India and China held a fresh round of military talks on Saturday to ease tension along their disputed Himalayan frontier.
The two sides agreed to maintain peace in the area, the Indian Army said.
The talks were held at a border post on the Indian side.
Beijing has built roads and villages near the frontier as part of a programme to strengthen its hold on the region.
Indian officials said the deployment of Chinese troops remained a concern.`,
    expect: [
      'CONSULT IND>CHN asserted',
      'CONSULT CHN>IND asserted',
      '?AGREE IND>CHN',
      '?AGREE CHN>IND',
    ],
  },
  {
    id: 'arrest',
    text: `Iran arrests French national on spying charges

DUBAI (Reuters) — Iranian authorities have arrested a French citizen accused of spying for Israel, state media reported on Wednesday.
France demanded the immediate release of its national and summoned Iran's ambassador in Paris.
"This detention is unjustified," French Foreign Minister Catherine Colonna said.
Tehran has detained several Europeans in recent years, which rights groups say is a tactic to extract concessions from the West.
Iran denied that the arrest was politically motivated.`,
    expect: [
      'COERCE IRN>FRA',
      'REQUEST FRA>IRN asserted',
      '?ACCUSE FRA>IRN',
      '?COERCE IRN>-',
      '?REJECT IRN>-',
    ],
  },
  {
    id: 'aid',
    text: `Germany pledges more air defence for Ukraine

BERLIN (dpa) — Germany will send two more air defence systems to Ukraine by the end of the year, the defence ministry in Berlin said on Friday.
The systems can intercept cruise missiles and drones, a ministry spokesman said.
Ukrainian President Volodymyr Zelensky thanked Germany for its support.
Russia warned that Western arms deliveries would prolong the war.
Germany has supplied Kyiv with tanks and artillery since Russia invaded the country in 2022.`,
    expect: [
      'AGREE|AID DEU>UKR planned',
      'SUPPORT UKR>DEU asserted',
      '?THREATEN|ACCUSE RUS>-',
      '?AID DEU>UKR',
      '?ASSAULT RUS>UKR|-',
    ],
  },
  {
    id: 'figurative',
    text: `Turkey says Swedish rally damages ties

ANKARA (Anadolu) — Turkey accused Sweden on Tuesday of allowing a protest that insulted the Turkish president.
Foreign Minister Hakan Fidan said the rally in Stockholm was destroying years of trust between the two countries.
Sweden's actions threaten the spirit of the alliance, he said.
Stockholm said it respected freedom of speech but did not endorse the protesters' views.
Turkey has blocked Sweden's bid to join NATO since last year.`,
    expect: [
      'ACCUSE TUR>SWE asserted',
      '?PROTEST SWE>-|TUR',
      '?SUPPORT SWE>-|SWE negated',
      '?REJECT|COERCE TUR>SWE',
    ],
  },
  {
    id: 'border',
    text: `Azerbaijan, Armenia trade fire on border

YEREVAN (Armenpress) — Azerbaijani troops opened fire on Armenian positions near the village of Sotk overnight, the Armenian Defence Ministry said.
One Armenian soldier was wounded.
Baku denied the claim and accused Yerevan of provoking the clash.
Russia urged both sides to show restraint.
The two neighbours fought a war over the Nagorno-Karabakh region in 2020.`,
    expect: [
      'ASSAULT AZE>ARM asserted',
      'ACCUSE AZE>ARM asserted',
      'REQUEST RUS>- asserted',
      '?ASSAULT ARM>AZE',
      '?REJECT AZE>ARM|-',
    ],
  },
  {
    id: 'mission',
    text: `Mali orders UN peacekeepers out

BAMAKO (AP) — Mali's military government ordered United Nations peacekeepers to leave the country by the end of June, the foreign minister said on state television.
The mission, which was deployed in 2013 to help stabilise the north, has lost more than 300 soldiers in attacks.
Three Egyptian peacekeepers were killed by a roadside bomb near Gao last month.
The UN Security Council said it would consider the request.
France withdrew its last troops from Mali in August after relations soured.`,
    expect: [
      'SANCTION|COERCE|REQUEST|REJECT MLI>UNO|IGO',
      'RETREAT FRA>MLI',
    ],
  },
  {
    id: 'truce',
    text: `Qatar hosts Gaza truce talks

DOHA (Reuters) — Qatar hosted Israeli and Hamas negotiators on Monday for talks on a ceasefire in Gaza, a diplomat briefed on the talks said.
Hamas said it would release more hostages if Israel halted its offensive.
Israel has not agreed to a permanent truce.
"We are not going to end the war before our goals are met," an Israeli official told the Times of Israel.
Egypt, which also mediates between the two sides, urged both parties to show flexibility.`,
    expect: [
      'CONSULT QAT>ISR asserted',
      'CONSULT QAT>PSE asserted',
      'AGREE|CONCEDE PSE>ISR planned|hypothetical',
      'REQUEST EGY>- asserted',
      '?CONSULT QAT>PSE|-',
      '?AGREE ISR>- negated',
      '?CONSULT EGY>-|ISR|PSE',
    ],
  },
  {
    id: 'drills',
    text: `China launches drills around Taiwan

TAIPEI (CNA) — China sent dozens of warplanes and navy ships around Taiwan on Monday in drills that Beijing said were a warning to "separatist forces", Taiwan's defence ministry said.
The exercises simulate a blockade of the island's main ports.
Taipei condemned the manoeuvres and put its forces on alert.
"We will not bow to pressure," Taiwanese President Lai Ching-te said in a televised address.
The United States, which is bound by law to help the island defend itself, urged Beijing to act with restraint.`,
    expect: [
      'MOBILIZE CHN>TWN|-',
      'ACCUSE TWN>CHN|-',
      'REQUEST USA>CHN',
      '?MOBILIZE TWN>-',
      '?THREATEN CHN>TWN|-',
    ],
  },
  {
    id: 'expel',
    text: `Poland expels Russian diplomat over sabotage plot

WARSAW (PAP) — Poland expelled a Russian diplomat on Thursday after prosecutors linked him to a plot to set fire to a shopping centre, the foreign ministry said.
Russia's embassy called the move a provocation and said Moscow would respond in kind.
Polish police detained three men suspected of planning the attack in March.
Warsaw has closed two Russian consulates since 2023.`,
    expect: [
      'SANCTION|COERCE POL>RUS',
      'ACCUSE RUS>POL|-',
      '?THREATEN|SANCTION RUS>POL|- planned',
      '?COERCE POL>-|POL',
      '?SANCTION POL>RUS',
      // "prosecutors linked him to a plot": Polish prosecutors accuse the Russian diplomat
      '?ACCUSE POL>RUS',
    ],
  },
  {
    id: 'ceasefire',
    text: `Sudan's warring sides agree to Jeddah truce

JEDDAH (Reuters) — Sudan's army and the paramilitary Rapid Support Forces agreed on Saturday to a seven-day ceasefire, Saudi Arabia and the United States said in a joint statement.
The truce, which was brokered by Riyadh and Washington, is meant to allow aid convoys to reach Khartoum.
Previous ceasefires collapsed within hours.
Fighting between the two forces has killed thousands of people since April.`,
    expect: [
      'AGREE SDN>SDN|-',
      '?CONSULT SAU|USA>SDN|-',
      '?ASSAULT SDN>SDN|-',
    ],
  },
  {
    id: 'nuclear',
    text: `IAEA says Iran expanding enrichment

VIENNA (AP) — Iran has installed new centrifuges at its Fordow plant, the UN nuclear watchdog said in a confidential report seen by The Associated Press.
The agency said Tehran had not answered its questions about uranium traces found at two undeclared sites.
Iran says its nuclear programme is peaceful.
Israel has threatened to strike Iranian nuclear facilities if diplomacy fails.`,
    expect: [
      '?ACCUSE IGO|UNO>IRN',
      'THREATEN ISR>IRN',
      '?REJECT IRN>IGO|UNO|- negated',
    ],
  },
  {
    id: 'rescue',
    text: `Indian navy rescues crew from hijacked ship

NEW DELHI (PTI) — The Indian navy said on Sunday it had rescued 15 crew members from a cargo ship that was seized by Somali pirates in the Arabian Sea.
Navy commandos boarded the vessel after the pirates fled, a spokesman said.
The ship, which is owned by a Maltese company, was hijacked on Thursday.
No Indian sailors were harmed in the operation.`,
    expect: [
      '?AID IND>-',
      '?ASSAULT|COERCE IND>-|SOM',
      '?COERCE|ASSAULT SOM>-|IND|MLT',
    ],
  },
];

/** One expectation, parsed. */
export interface Expectation {
  spec: string;
  isOptional: boolean;
  types: string[];
  sources: string[];
  targets: string[];
  modalities: string[] | null;
}

export function parseExpectation(spec: string): Expectation {
  const isOptional = spec.startsWith('?');
  const [types = '', pair = '', modality] = spec.replace(/^\?/, '').split(' ');
  const [source = '', target = ''] = pair.split('>');
  return { spec, isOptional, types: types.split('|'), sources: source.split('|'), targets: target.split('|'), modalities: modality ? modality.split('|') : null };
}

/** The printed facts of an event that an expectation is checked against. */
export interface PrintedEvent {
  plover: string;
  source: string | null;
  target: string | null;
  modality: string;
}

function codeFits(code: string | null, wanted: string[]): boolean {
  return wanted.some((w) => (w === '-' ? !code : w === 'IGO' ? /^(?:IGO|UNO)/.test(code ?? '') : Boolean(code?.startsWith(w))));
}

export function fits(e: PrintedEvent, x: Expectation): boolean {
  return x.types.includes(e.plover) && codeFits(e.source, x.sources) && codeFits(e.target, x.targets) && (!x.modalities || x.modalities.includes(e.modality));
}

/** A story's printed events scored against its expectations: the right ones, the wrong ones, the required ones missed. */
export function scoreStory(printed: PrintedEvent[], expect: string[]): { right: PrintedEvent[]; wrong: PrintedEvent[]; missed: string[] } {
  const xs = expect.map(parseExpectation);
  const right = printed.filter((e) => xs.some((x) => fits(e, x)));
  const wrong = printed.filter((e) => !xs.some((x) => fits(e, x)));
  const missed = xs.filter((x) => !x.isOptional && !printed.some((e) => fits(e, x))).map((x) => x.spec);
  return { right, wrong, missed };
}
