/**
 * English irregular verbs: past and past participle forms with their base form. The lemmatiser's
 * suffix rules, learned from the treebank, turn an irregular form the treebank never shows into a
 * non-word ("fled" -> "fl", "slain" -> "slain", "sank" -> "sank"), and the event coder then misses a
 * verb it knows by its lemma. The list is a fact of the language (a closed class), written out here;
 * a form the treebank does show keeps the treebank's lemma (see lemmatize).
 *
 * Left out (`-`, or the verb not listed): forms that are also a form of another verb, where the tag
 * alone cannot choose: "lay" (lie or lay), "found" (find or found), "wound" (wind or wound),
 * "ground", "saw", "bore", "bit", "fell".
 */

/** `base past participle` triples (a form given twice is listed once), `|` between verbs. */
const TABLE =
  'arise arose arisen|awake awoke awoken|bear - borne|beat beat beaten|become became become|begin began begun|bend bent bent|' +
  'bet bet bet|bind bound bound|bite - bitten|bleed bled bled|blow blew blown|break broke broken|breed bred bred|' +
  'bring brought brought|build built built|burn burnt burnt|burst burst burst|buy bought bought|catch caught caught|' +
  'choose chose chosen|cling clung clung|come came come|creep crept crept|deal dealt dealt|dig dug dug|do did done|' +
  'draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|fall - fallen|feed fed fed|feel felt felt|' +
  'fight fought fought|flee fled fled|fling flung flung|fly flew flown|forbid forbade forbidden|foresee foresaw foreseen|' +
  'forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|' +
  'grow grew grown|hang hung hung|hear heard heard|hide hid hidden|hold held held|keep kept kept|kneel knelt knelt|' +
  'know knew known|lead led led|leap leapt leapt|leave left left|lend lent lent|lie - lain|light lit lit|lose lost lost|' +
  'make made made|mean meant meant|meet met met|mislead misled misled|mistake mistook mistaken|overcome overcame overcome|' +
  'overrun overran overrun|overthrow overthrew overthrown|oversee oversaw overseen|overtake overtook overtaken|' +
  'pay paid paid|rebuild rebuilt rebuilt|repay repaid repaid|ride rode ridden|ring rang rung|rise rose risen|run ran run|' +
  'say said said|see - seen|seek sought sought|sell sold sold|send sent sent|shake shook shaken|shine shone shone|' +
  'shoot shot shot|show showed shown|shrink shrank shrunk|sing sang sung|sink sank sunk|sit sat sat|slay slew slain|' +
  'sleep slept slept|slide slid slid|sling slung slung|speak spoke spoken|speed sped sped|spend spent spent|spin spun spun|' +
  'spit spat spat|spring sprang sprung|stand stood stood|steal stole stolen|stick stuck stuck|sting stung stung|' +
  'strike struck struck|strive strove striven|swear swore sworn|sweep swept swept|swim swam swum|swing swung swung|' +
  'take took taken|teach taught taught|tear tore torn|tell told told|think thought thought|throw threw thrown|' +
  'tread trod trodden|undergo underwent undergone|understand understood understood|undertake undertook undertaken|' +
  'uphold upheld upheld|wake woke woken|wear wore worn|weave wove woven|weep wept wept|win won won|' +
  'withdraw withdrew withdrawn|withhold withheld withheld|withstand withstood withstood|write wrote written';

let bases: Map<string, string> | null = null;

/**
 * The base form of an irregular past or past participle ("fled" -> "flee"), or undefined. Lower case in, lower case out.
 * A form with the prefix "re" of doing again has the prefixed base ("retook" -> "retake", "resold" -> "resell").
 */
export function irregularBase(lower: string): string | undefined {
  if (!bases) {
    bases = new Map();
    for (const verb of TABLE.split('|')) {
      const [base, past, participle] = verb.split(' ') as [string, string, string];
      for (const form of [past, participle]) if (form !== '-' && form !== base) bases.set(form, base);
    }
  }
  const base = bases.get(lower);
  if (base !== undefined || !lower.startsWith('re') || lower.length < 6) return base;
  const again = bases.get(lower.slice(2));
  return again === undefined ? undefined : 're' + again;
}
