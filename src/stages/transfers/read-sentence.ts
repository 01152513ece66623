/**
 * Transfers stated by one sentence: each equipment phrase is tied to the transfer predicate that
 * governs it (the nearest one before it in its clause, else the one after it: "were handed over to"),
 * and the predicate's frame gives the roles: a giving verb's subject supplies and "to Y" receives; a
 * getting verb's subject receives and "from Z", "Z's", "Z-made" or a Z manufacturer supplies; a
 * transfer noun ("the sale of ... to Y") takes its parties from prepositions and the clause's subject.
 * Words before the predicate set the status (approved, planned, pledged, ordered) or cancel the
 * record (negation, cancellation, speculation).
 */
import type { SentenceSyntax, Span, Token, TransferStatus } from '../../core/doc.js';
import { dependent, dependents } from '../syntax/tree.js';
import type { ItemMention } from './items.js';
import type { PredicateEntry, TransferLexicon } from './lexicon.js';
import { singular } from './lexicon.js';
import type { StateMention } from './actors.js';

/** A predicate found in a sentence. */
export interface Trigger {
  first: number;
  last: number;
  entry: PredicateEntry;
  /** "signed two contracts: one with X for ...": the deal noun a pronoun "one" stands for (its token index). */
  antecedent?: number;
}

/** The parties, status and predicate of a transfer a sentence tells, with or without an item. */
export interface Parties {
  supplier: string | null;
  recipients: string[];
  status: TransferStatus;
  trigger: Trigger;
  /** The predicate's words as a span of the sentence's text, kept because `trigger` indexes that sentence's tokens. */
  triggerSpan: Span;
}

/** The span of a predicate's words in the article. */
export function spanOf(tokens: readonly Token[], t: Trigger): Span {
  return { start: tokens[t.first]!.start, end: tokens[t.last]!.end };
}

/** What one sentence states about one item. */
export interface ItemReading {
  item: ItemMention;
  trigger: Trigger;
  triggerSpan: Span;
  supplier: string | null;
  recipients: string[];
  status: TransferStatus;
  rule: string;
  /** "started shipping": a delivery begun, one part of the whole (kept apart from an order with a count). */
  isStart?: boolean;
  /** "The Turkish package also includes X": the state a package is named after; the transfer is the one the article told of that state. */
  packageOf?: string;
}

// Words that only open a clause (relative pronouns and conjunctions; not "after", "since", "before", which are also prepositions, nor "but").
const SUBORDINATORS = new Set(['while', 'which', 'who', 'whose', 'when', 'although', 'though', 'whereas', 'because', 'if', 'unless', 'where']);
// Words that end a clause for the status window and role search.
const CLAUSE_BREAK = new Set([';', ':', '(', ')', '—', '–', 'while', 'but', 'which', 'who', 'whose', 'after', 'before', 'when', 'although', 'though', 'whereas', 'because', 'since', 'as', 'if', 'unless', 'where']);
const PREPOSITIONS = new Set(['to', 'from', 'with', 'in', 'at', 'by', 'of', 'for', 'against', 'into', 'on', 'near', 'over', 'under', 'via', 'across', 'between', 'after', 'before', 'like', 'including', 'than', 'among', 'toward', 'towards', 'through', 'about']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'potential', 'possible', 'firm', 'new', 'first', 'second', 'latest', 'proposed', 'planned', 'further', 'major', 'huge', 'big', 'arms', 'weapons', 'defense', 'defence', 'military', 'billion', 'million', "'s", '’s', 'another']);
// Nouns of a deal whose subject is the buyer ("Iraq's purchase", "India's order", "Chile became the first buyer of"); other transfer nouns' subject is the seller.
// A cardinal written in digits or as a word, the first word of a count.
const COUNT_WORD = /^(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|dozens?)$/;

const BUYER_NOUNS = new Set(['purchase', 'purchases', 'order', 'orders', 'acquisition', 'procurement', 'deal', 'deals', 'contract', 'contracts', 'agreement', 'agreements', 'buyer', 'buyers', 'customer', 'customers', 'request', 'requests', 'letter', 'letters']);
const PROGRESSIVE_BE = new Set(['is', 'are', "'s", 'was', 'were']);
// Deal nouns that name a party, not the deal: they govern only their own "of" or "for" phrase.
const PARTY_NOUNS = new Set(['buyer', 'buyers', 'customer', 'customers']);

// Each sentence's words lower-cased once: statusOf and the role search read the same words many times.
const loweredOf = new WeakMap<readonly Token[], string[]>();
function lowered(tokens: readonly Token[]): string[] {
  let words = loweredOf.get(tokens);
  if (!words) loweredOf.set(tokens, (words = tokens.map((t) => t.text.toLowerCase())));
  return words;
}
const lowerAt = (tokens: readonly Token[], i: number): string => lowered(tokens)[i] ?? '';

function matchesAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  return words.every((w, k) => lowerAt(tokens, i + k) === w);
}

const NO_PREDICATES: readonly PredicateEntry[] = [];
// Nouns whose verb is written as one word in headlines ("to handover"): a noun unless "to" or a modal comes before.
const HEADLINE_VERB_NOUNS = new Set(['handover', 'hand-over']);

/** Modifiers of a package of services or money, not of equipment. */
const SERVICE_PACKAGE = /^(?:training|logistics|logistic|maintenance|sustainment|support|service|services|financial|economic|budget|budgetary|stimulus|loan|humanitarian)$/i;

/** Every predicate of the lexicon in a sentence, longest match first, no overlaps. */
export function findTriggers(tokens: readonly Token[], lex: TransferLexicon, syntax?: SentenceSyntax): Trigger[] {
  const out: Trigger[] = [];
  // The tagger's part of speech of the word starting where a token starts, where the sentence has a tree.
  const tagAt = (start: number): string | undefined => syntax?.words.find((w) => w.start === start)?.upos;
  for (let i = 0; i < tokens.length; ) {
    // Most words start no predicate: no list is made for them (this runs on every word of every sentence).
    const bucket = lex.index.predicates.get(lowerAt(tokens, i));
    const candidates = bucket === undefined ? NO_PREDICATES : bucket.filter((p) => matchesAt(tokens, i, p.words));
    if (candidates.length === 0) {
      i++;
      continue;
    }
    const longest = candidates[0]!.words.length;
    // "mortars, supply trucks and sonars": a verb form in a list, before an equipment noun, is a modifier.
    const next = lowerAt(tokens, i + longest);
    // ("landed in Bamako, carrying attack helicopters": a carrier's participle past a comma is a verb)
    const isCarrying = candidates.some((c) => c.id === 'carry-arriving') && arrivalOf(syntax, tokens[i]!.start) >= 0;
    if (longest === 1 && /^(?:,|and|or)$/.test(lowerAt(tokens, i - 1)) && lex.heads.has(singular(next)) && !isCarrying) {
      i++;
      continue;
    }
    const same = candidates.filter((c) => c.words.length === longest);
    // A word that is both verb and noun ("order", "supply", "transfer") is the noun after a determiner.
    // "Finland to handover four minesweepers to Estonia": a headline's "to" before a noun spelt as one word ("handover") makes it the verb.
    const isNounSlot = DETERMINERS.has(lowerAt(tokens, i - 1)) || /^\$/.test(tokens[i - 1]?.text ?? '') || (HEADLINE_VERB_NOUNS.has(lowerAt(tokens, i)) && !/^(?:to|will|would)$/.test(lowerAt(tokens, i - 1)));
    const entry = same.find((c) => (c.frame === 'noun') === isNounSlot) ?? same[0]!;
    // "Mistral ships", "the ship will sail": a verb form the tagger reads as a noun, with no noun sense of its own, is no predicate.
    // A count right after it ("Chile buys 12 howitzers") makes it the verb whatever the tag.
    if (longest === 1 && entry.frame !== 'noun' && entry.frame !== 'include' && !same.some((c) => c.frame === 'noun') && tagAt(tokens[i]!.start) === 'NOUN' && !COUNT_WORD.test(lowerAt(tokens, i + 1))) {
      i++;
      continue;
    }
    // "a logistics and training package", "a financial aid package": a package of services or money moves no equipment.
    if (entry.id === 'noun-package' && tokens.slice(Math.max(0, i - 4), i).some((x) => SERVICE_PACKAGE.test(x.text))) {
      i++;
      continue;
    }
    // "delivery slots", "the export version": a deal noun the tree makes a compound of the noun after it only describes that noun.
    // ("the export version of": the tagger may read the noun as an adjective, amod, in the same place)
    if (longest === 1 && entry.frame === 'noun' && /^(?:compound|amod)$/.test(syntax?.words.find((w) => w.start === tokens[i]!.start)?.deprel ?? '') && /^[a-z]/.test(tokens[i + 1]?.text ?? '')) {
      i++;
      continue;
    }
    // "landed in Bamako, carrying attack helicopters": a carrier's load counts only where the carrier arrives (arrivalOf).
    if (entry.id === 'carry-arriving' && arrivalOf(syntax, tokens[i]!.start) < 0) {
      i++;
      continue;
    }
    out.push({ first: i, last: i + longest - 1, entry });
    i += longest;
  }
  // "signed two contracts: one with X for 180 tanks, and one with Y for 212 guns": after a deal noun and a colon, a "one" that
  // opens its own "with", "for" or "from" phrase is that deal noun again.
  // ("placed two orders on Monday: one with ...": a time phrase may stand between the noun and the colon)
  const colon = tokens.findIndex((x) => x.text === ':');
  const deal = colon > 0 ? out.findLast((t) => t.last < colon && colon - t.last <= 4 && !tokens.slice(t.last + 1, colon).some((x) => x.text === ',')) : undefined;
  const dealNoun = deal ? (deal.entry.frame === 'noun' ? deal.entry : lex.index.predicates.get(lowerAt(tokens, deal.first))?.find((p) => p.frame === 'noun' && p.words.length === 1)) : undefined;
  if (deal && dealNoun) {
    for (let i = colon + 1; i < tokens.length - 1; i++) {
      if (lowerAt(tokens, i) !== 'one' || !/^(?:with|for|from)$/.test(lowerAt(tokens, i + 1)) || !/^(?::|and|;)$/.test(lowerAt(tokens, i - 1))) continue;
      out.push({ first: i, last: i, entry: dealNoun, antecedent: deal.first });
    }
    out.sort((a, b) => a.first - b.first);
  }
  return out;
}

/** Words that name a carrier of goods, whose load is for the place it arrives at (a warship or a bomber carries its own arms). */
const TRANSPORT_WORDS = /^(?:transport|cargo|freighters?|airlifters?|convoys?|trucks?|lorry|lorries|trains?|ro-ro)$/i;

/** Verbs of helping a state, whose means clause ("helped Chile by sending tanks") gives to the state helped. */
const HELPING_VERBS = /^(?:help|helps|helped|helping|support|supports|supported|supporting|aid|aids|aided|aiding|assist|assists|assisted|assisting|back|backs|backed|backing|bolster|bolsters|bolstered|bolstering|boost|boosts|boosted|boosting|strengthen|strengthens|strengthened|strengthening|lend|lends|lent|lending|arm|arms|armed|arming)$/i;

/** Verbs of a carrier's arrival, by lemma: a plane lands, a ship docks or berths, a convoy arrives or reaches a place. */
const ARRIVAL_LEMMAS = new Set(['arrive', 'land', 'dock', 'berth', 'reach']);

/**
 * The verb of arrival a carrier's "carrying" hangs on, as a word index of the tree, or -1: the participle of the arriving clause
 * ("two planes landed in Bamako, carrying helicopters": advcl, or conj as the parser may join it) or of its subject ("a ship carrying tanks docked in Tartus": acl on
 * the verb's nsubj). A load carried anywhere else ("missiles capable of carrying warheads", "a truck carrying rifles was seized")
 * is no delivery.
 */
export function arrivalOf(syntax: SentenceSyntax | undefined, start: number): number {
  if (!syntax) return -1;
  const at = syntax.words.findIndex((w) => w.start === start);
  const w = syntax.words[at];
  if (!w || w.upos !== 'VERB') return -1;
  const isArrival = (v: number): boolean => v >= 0 && syntax.words[v]!.upos === 'VERB' && ARRIVAL_LEMMAS.has(syntax.words[v]!.lemma) && dependent(syntax, v, 'aux:pass') < 0;
  // (a bare participle past a comma that the parser joined to the verb as its conjunct is the same adverbial clause)
  const isBareConjunct = w.deprel === 'conj' && /ing$/.test(w.text) && dependent(syntax, at, 'nsubj') < 0 && dependent(syntax, at, 'aux') < 0;
  if ((w.deprel === 'advcl' || isBareConjunct) && isArrival(w.head) && dependent(syntax, at, 'mark') < 0) return w.head;
  const carrier = syntax.words[w.head];
  if (w.deprel === 'acl' && carrier && carrier.deprel === 'nsubj' && isArrival(carrier.head)) return carrier.head;
  return -1;
}

// Verbs of saying whose "that" opens the reported clause ("the ministry asserted that three more ... would follow").
const SAYING = /^(?:said|says|say|claimed|claims|announced|announces|reported|reports|stated|states|added|adds|confirmed|confirms|noted|notes|told|tells|insisted|believes|believed|argued|argues|revealed|reveals|wrote|writes)$/;

function clauseStart(tokens: readonly Token[], at: number): number {
  for (let j = at - 1; j >= 0; j--) {
    if (CLAUSE_BREAK.has(lowerAt(tokens, j))) return j + 1;
    if (lowerAt(tokens, j) === 'that' && SAYING.test(lowerAt(tokens, j - 1))) return j + 1;
  }
  return 0;
}

// A marker list keyed by its entries' first words, built once per list.
const markerIndexOf = new WeakMap<readonly string[][], Map<string, string[][]>>();

function hasMarker(tokens: readonly Token[], from: number, to: number, list: readonly string[][]): boolean {
  let index = markerIndexOf.get(list);
  if (!index) {
    index = new Map();
    for (const words of list) index.set(words[0] ?? '', [...(index.get(words[0] ?? '') ?? []), words]);
    markerIndexOf.set(list, index);
  }
  const words = lowered(tokens);
  for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) {
    const bucket = index.get(words[i]!);
    if (bucket) for (const marker of bucket) if (matchesAt(tokens, i, marker) && i + marker.length <= to) return true;
  }
  return false;
}

/** The preposition a state mention follows ("to", "from", "with"), skipping determiners; null when none. */
function prepositionBefore(tokens: readonly Token[], s: StateMention): string | null {
  let j = s.first - 1;
  // "from the Slovak maker", "from a Slovak firm": articles between the preposition and a demonym.
  while (j >= 0 && (lowerAt(tokens, j) === 'the' || lowerAt(tokens, j) === 'its' || ((lowerAt(tokens, j) === 'a' || lowerAt(tokens, j) === 'an') && s.kind === 'demonym'))) j--;
  // "to Moscow's army", "from Chile's navy": a body after a possessor stands in the possessor's phrase.
  if (j >= 1 && /^(?:'s|’s)$/.test(tokens[j]!.text) && /^[A-Z]/.test(tokens[j - 1]!.text) && j === s.first - 1) {
    j -= 2;
    while (j >= 0 && lowerAt(tokens, j) === 'the') j--;
  }
  // "to the Government of Peru", "for the Navy of Chile": the state's own body is transparent.
  if (lowerAt(tokens, j) === 'of' && STATE_BODIES.test(lowerAt(tokens, j - 1))) {
    j -= 2;
    while (j >= 0 && /^(?:the|armed|royal|national|federal)$/.test(lowerAt(tokens, j))) j--;
  }
  const w = lowerAt(tokens, j);
  // "according to Chile's ministry", "Norway's ambassador to Chile", "due to": a "to" that names a source or a post, no recipient.
  if (w === 'to' && /^(?:according|due|owing|thanks|ambassador|envoy|embassy|mission|delegation|close|next|contrary)$/.test(lowerAt(tokens, j - 1))) return `${lowerAt(tokens, j - 1)} to`;
  return PREPOSITIONS.has(w) ? w : null;
}

const STATE_BODIES = /^(?:government|republic|kingdom|navy|army|forces|force|ministry|people|state|emirate|sultanate)$/;

/** States after `from` that follow the preposition, with the ones joined to them by commas and "and". */
const PAYING = /^(?:funded|financed|paid|bankrolled|sponsored)$/;
const MAKING = /^(?:built|made|manufactured|produced|designed|developed)$/;

function afterPreposition(tokens: readonly Token[], states: readonly StateMention[], from: number, to: number, preps: readonly string[]): string[] {
  // "funded by Spain", "paid for by Spain": the agent of paying is no party the equipment moves from or to.
  // "made by an American firm", "built by Germany's X": the agent of making is the maker (makerOf), not the party after "from/by".
  const isAgentOf = (s: StateMention): boolean => {
    let j = s.first - 1;
    while (j >= 0 && /^(?:the|a|an)$/.test(lowerAt(tokens, j))) j--;
    if (lowerAt(tokens, j) !== 'by') return false;
    const verb = lowerAt(tokens, j - 1) === 'for' ? lowerAt(tokens, j - 2) : lowerAt(tokens, j - 1);
    return PAYING.test(verb) || MAKING.test(verb);
  };
  const first = states.find((s) => s.first >= from && s.first < to && preps.includes(prepositionBefore(tokens, s) ?? '') && !isAgentOf(s));
  if (!first) return [];
  const out = [first.code];
  let last = first.last;
  let hasAnd = false;
  for (const s of states) {
    if (s.first <= last) continue;
    const between = tokens.slice(last + 1, s.first).map((t) => t.text.toLowerCase());
    // "to Chile, Peru and Bolivia" is a list; "to Chile, Peru's neighbour" is an apposition.
    if (s.kind === 'possessive' || between.length === 0 || !between.every((w) => w === ',' || w === 'and' || w === 'the')) break;
    // "to Latvia, and Spain pledged ...": a state followed by its verb opens a clause of its own.
    if (/^(?:[a-z]+ed|said|says|will|would|has|have|had|is|are|was|were|also|sold|sent|gave)$/.test(lowerAt(tokens, s.last + 1))) break;
    if (between.includes('and')) hasAnd = true;
    out.push(s.code);
    last = s.last;
  }
  return [...new Set(hasAnd ? out : out.slice(0, 1))];
}

/** A state with the states joined to it by "and" and commas ("Chile, Peru and Bolivia"), as codes in order; the state alone when none. */
function conjoined(tokens: readonly Token[], states: readonly StateMention[], s: StateMention): string[] {
  // "bought from France, and Peru ordered": a state after a preposition belongs to another phrase.
  const joins = (a: StateMention, b: StateMention): boolean => (a === s || prepositionBefore(tokens, a) === null) && (b === s || prepositionBefore(tokens, b) === null) && b.first > a.last && b.first - a.last <= 3 && tokens.slice(a.last + 1, b.first).every((x) => /^(?:,|and|both)$/i.test(x.text)) && b.kind !== 'possessive' && b.kind !== 'made';
  const i = states.indexOf(s);
  if (i < 0) return [s.code];
  let first = i;
  while (first > 0 && joins(states[first - 1]!, states[first]!) && states[first - 1]!.kind !== 'possessive') first--;
  let last = i;
  while (last + 1 < states.length && joins(states[last]!, states[last + 1]!)) last++;
  const group = states.slice(first, last + 1);
  // A list needs its "and": "Chile, Peru" alone is an apposition.
  const hasAnd = tokens.slice(group[0]!.last + 1, group[group.length - 1]!.first).some((x) => x.text.toLowerCase() === 'and');
  return hasAnd ? [...new Set(group.map((g) => g.code))] : [s.code];
}

/** The subject-like state before the predicate: the nearest one in the clause not after a preposition. */
function subjectBefore(tokens: readonly Token[], states: readonly StateMention[], start: number, at: number, item: ItemMention, items: readonly ItemMention[]): StateMention | null {
  let best: StateMention | null = null;
  for (const s of states) {
    if (s.first < start || s.last >= at) continue;
    // "operates Chinese drones and has bought ...": a demonym naming some equipment's maker is no subject.
    if (items.some((i) => s.first >= i.first && s.last <= i.last)) continue;
    // "weighing Turkey's QH-3 jets and talks to buy ...": a possessive right before an item names that item's maker, not a subject.
    if (s.kind === 'possessive' && items.some((i) => i.first > s.last && i.first - s.last <= 2)) continue;
    if (s.kind === 'made') continue;
    // A state right after the clause's opening word ("after Canada promised") is its subject.
    if (s.first !== start && prepositionBefore(tokens, s) !== null) continue;
    best = s;
  }
  return best;
}

/**
 * The subject of a predicate read from the sentence's tree: its `nsubj`, or, up an `xcomp` or `conj`
 * chain, its controller's ("Norway promised to ship", "Peru received ... and ordered"). Returns the state
 * the subject names; null when the tree gives a subject that names no state (a minister, a pronoun);
 * undefined when there is no tree or no subject in it.
 */
export function treeSubject(syntax: SentenceSyntax | undefined, tokens: readonly Token[], states: readonly StateMention[], t: Trigger): StateMention | null | undefined {
  if (!syntax) return undefined;
  let word = syntax.words.findIndex((w) => w.start === tokens[t.first]!.start);
  for (let hop = 0; word >= 0 && hop < 4; hop++) {
    const w = syntax.words[word]!;
    if (w.deprel === 'nsubj:pass' || dependent(syntax, word, 'nsubj:pass', 'aux:pass') >= 0) return undefined;
    const subject = dependent(syntax, word, 'nsubj');
    if (subject >= 0) {
      const s = syntax.words[subject]!;
      if (s.upos === 'PRON') return undefined;
      // "Norway, with funding from Spain, sent": a subject under a preposition is a misread adjunct; the words before the verb decide.
      if (dependent(syntax, subject, 'case') >= 0) return undefined;
      // The subject's own words and its compounds/possessors ("Russia's defence ministry").
      const inside = syntax.words.map((x, i) => ({ x, i })).filter(({ x, i }) => i === subject || (x.head === subject && /^(?:compound|nmod:poss|amod|flat|nmod)$/.test(x.deprel)));
      const state = states.find((st) => inside.some(({ x }) => tokens[st.first]!.start < x.end && tokens[st.last]!.end > x.start));
      return state ?? null;
    }
    // "Norway helped Chile by sending tanks": a means clause ("by" + -ing) does what its main verb's subject does.
    const mark = dependent(syntax, word, 'mark');
    const isMeans = w.deprel === 'advcl' && mark >= 0 && syntax.words[mark]!.text.toLowerCase() === 'by';
    if (!/^(?:xcomp|conj)$/.test(w.deprel) && !isMeans) return undefined;
    word = w.head;
  }
  return undefined;
}

/** The maker named on the item itself: "French-made Caesar", "Sweden's Gripen", "US-made F-16s", "Italian jets". */
function makerOf(tokens: readonly Token[], states: readonly StateMention[], item: ItemMention): string | null {
  for (const s of states) {
    if (s.kind === 'made' && s.first >= item.first - 2 && s.last <= item.last) return s.code;
    // "four frigates built in China", "jets made in Sweden": the place of making after the item.
    if (item.last >= 0 && s.first > item.last && s.first <= item.last + 4 && /^(?:built|made|manufactured|produced)$/.test(lowerAt(tokens, item.last + 1)) && lowerAt(tokens, item.last + 2) === 'in' && s.first === item.last + 3) return s.code;
    // "the submarines, built by Germany's Thyssenkrupp, ...", "jets made by a French firm": the maker's state after "by".
    if (item.last >= 0 && s.kind !== 'made') {
      const verb = item.last + (tokens[item.last + 1]?.text === ',' ? 2 : 1);
      if (/^(?:built|made|manufactured|produced)$/.test(lowerAt(tokens, verb)) && lowerAt(tokens, verb + 1) === 'by' && s.first >= verb + 2 && s.first <= verb + 4 && tokens.slice(verb + 2, s.first).every((x) => /^(?:the|a|an)$/i.test(x.text))) return s.code;
    }
  }
  return ownerOf(tokens, states, item);
}

/** Words that may stand between a possessive and its item: "Ukraine's new F-16s", "Chile's first Leopard tanks". */
const OWNED_DESCRIPTORS = /^(?:new|first|second|third|latest|last|own|additional|further|modern|upgraded|used|remaining)$/;

/**
 * "Russia's frigates", "a Russian frigate", "Ukraine's new F-16s": the state a possessive or demonym in the item's phrase names
 * (its maker or its owner).
 */
function ownerOf(tokens: readonly Token[], states: readonly StateMention[], item: ItemMention): string | null {
  for (const s of states) {
    const isPossessive = s.kind === 'possessive' && s.last < item.first && (s.last >= item.first - 2 || (s.last === item.first - 3 && OWNED_DESCRIPTORS.test(lowerAt(tokens, item.first - 1))));
    if (isPossessive || (s.kind === 'demonym' && s.first >= item.first - 1 && s.last < item.last)) return s.code;
  }
  return null;
}

function isPassive(tokens: readonly Token[], t: Trigger): boolean {
  for (let j = t.first - 1; j >= Math.max(0, t.first - 3); j--) {
    const w = lowerAt(tokens, j);
    // "was handed over" is a passive; "is handing over" a progressive of the active verb.
    if (w === 'been' || w === 'be' || w === 'being' || w === 'was' || w === 'were' || w === 'is' || w === 'are') return /(?:ed|sent|sold|given|bought|over|delivery)$/.test(lowerAt(tokens, t.first)) || (/over$/.test(lowerAt(tokens, t.last)) && !/ing$/.test(lowerAt(tokens, t.first)));
    if (!/^(?:also|already|formally|officially|reportedly|now|recently|finally|successfully|not|n't|to|just)$/.test(w)) return false;
  }
  return false;
}

/** "to be signed", "yet to be finalised", "under negotiation", "being negotiated", "pending approval", "(agreement) in principle": words after a deal noun saying it is not concluded. */
function isUnconcluded(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = lowerAt(tokens, i);
    if (w === ';' || w === '.') return false;
    // "to be signed", "will be finalised", "could be inked": a signing still to come.
    if (/^(?:signed|finalised|finalized|concluded|inked|sealed)$/.test(w) && lowerAt(tokens, i - 1) === 'be') return true;
    if (w === 'negotiation' && lowerAt(tokens, i - 1) === 'under') return true;
    if (w === 'principle' && lowerAt(tokens, i - 1) === 'in' && i === from + 1) return true;
    if (/^(?:negotiated|discussed)$/.test(w) && lowerAt(tokens, i - 1) === 'being') return true;
    if (/^(?:pending|awaiting|awaits)$/.test(w)) return true;
  }
  return false;
}

/** "under a $375 million deal", "as part of a 2019 contract": "under" or "as part of" and a deal noun a few words on, no comma between. */
function placesUnderDeal(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const opens = lowerAt(tokens, i) === 'under' ? i + 1 : lowerAt(tokens, i) === 'part' && lowerAt(tokens, i - 1) === 'as' && lowerAt(tokens, i + 1) === 'of' ? i + 2 : -1;
    if (opens < 0) continue;
    for (let j = opens; j < Math.min(tokens.length, opens + 6) && tokens[j]!.text !== ','; j++) if (/^(?:deal|contract|agreement)$/.test(lowerAt(tokens, j))) return true;
  }
  return false;
}

const dealPhrasesOf = new WeakMap<readonly string[][], string[][]>();
/** The signed markers that place an act under a deal ("under the contract", "as part of a deal"), once per list. */
function dealPhrases(signed: readonly string[][]): string[][] {
  let list = dealPhrasesOf.get(signed);
  if (!list) dealPhrasesOf.set(signed, (list = signed.filter((m) => /^(?:under|in|as)$/.test(m[0] ?? ''))));
  return list;
}

/** Whether the words from `from` to `to` hold a signing in the bare form after a modal or "to" ("will sign", "to sign"). */
function isSigningToCome(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = Math.max(1, from); i < Math.min(to, tokens.length); i++) {
    if (lowerAt(tokens, i) === 'sign' && /^(?:will|would|shall|to|'ll)$/.test(lowerAt(tokens, i - 1))) return true;
  }
  return false;
}

/** Whether [from, to) holds a deal won: "won", "secured" or "clinched", then within six words a contract, deal, order or tender. */
function isDealWon(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) {
    if (!/^(?:won|wins|secured|secures|clinched|clinches)$/.test(lowerAt(tokens, i))) continue;
    for (let k = i + 1; k < Math.min(to, i + 7); k++) if (/^(?:contract|contracts|deal|deals|order|orders|tender)$/.test(lowerAt(tokens, k))) return true;
  }
  return false;
}

/** Nouns that stand for a transfer as a whole in a later clause ("the deal", "the sale"). */
const DEAL_SUBJECTS = /^(?:deal|contract|sale|order|purchase|agreement|transfer|delivery|acquisition)$/;

/**
 * Whether a clause after `from` (past a comma, "but" or a semicolon) has the deal as its subject and a cancellation as its verb:
 * ", but the deal was later cancelled", "; the contract has since been scrapped". Only the deal noun with "the", "that" or
 * "this" counts: "..., but Peru cancelled its own order" cancels another deal.
 */
function isDealCancelledLater(tokens: readonly Token[], from: number, lex: TransferLexicon): boolean {
  for (let i = from; i < tokens.length - 2; i++) {
    const w = lowerAt(tokens, i);
    if (w !== ',' && w !== ';' && w !== 'but') continue;
    let j = i + 1;
    if (/^(?:but|and|although|though)$/.test(lowerAt(tokens, j))) j++;
    if (!/^(?:the|that|this)$/.test(lowerAt(tokens, j)) || !DEAL_SUBJECTS.test(lowerAt(tokens, j + 1))) continue;
    let k = j + 2;
    while (k < tokens.length && k - j <= 6 && /^(?:was|were|is|has|had|have|been|later|subsequently|eventually|since|then|quietly|formally|officially)$/.test(lowerAt(tokens, k))) k++;
    if (hasMarker(tokens, k, Math.min(tokens.length, k + 2), lex.markers.cancelled)) return true;
  }
  return false;
}

/** The index of the first token written `lower` (any case) in [from, to), or -1. */
function indexOfWord(tokens: readonly Token[], lower: string, from: number, to: number): number {
  for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) if (lowerAt(tokens, i) === lower) return i;
  return -1;
}

/** The status a predicate states given the words before it; null when the words cancel the record. */
/** Verbs of denying a claim. */
const DENYING = /^(?:denied|denies|deny|denying|dismissed|dismisses|rejected|rejects)$/i;

/** Nouns whose "that" clause is a claim someone reports ("reports that", "claims that", "allegations that"). */
const REPORT_NOUNS = /^(?:reports?|claims?|allegations?|rumou?rs?|accusations?|suggestions?)$/i;

export function statusOf(tokens: readonly Token[], t: Trigger, lex: TransferLexicon): TransferStatus | null {
  const start = Math.max(clauseStart(tokens, t.first), t.first - 14);
  const word = tokens.slice(t.first, t.last + 1).map((x) => x.text.toLowerCase()).join(' ');
  const { frame, id } = t.entry;
  const near = Math.max(start, t.first - 3);
  // "did not approve the sale of", "has not signed a contract for": a negated verb right before a deal noun negates the deal.
  // "not only sold ... but also": a "not only" adds, it does not negate.
  if (hasMarker(tokens, near, t.first, lex.markers.negation) && !tokens.slice(near, t.first).some((x, k) => x.text.toLowerCase() === 'not' && lowerAt(tokens, near + k + 1) === 'only')) return null;
  // "denied reports that it planned to sell jets", "denies that it supplied drones": what a denial's "that" clause tells did not
  // happen (a clause of saying after the denial, "denied it, saying it had delivered ...", asserts again)
  const from = Math.max(0, t.first - 12);
  const denial = tokens.slice(from, t.first).findLastIndex((x) => DENYING.test(x.text));
  if (denial >= 0 && tokens.slice(from + denial + 1, t.first).some((x) => x.text.toLowerCase() === 'that') && !tokens.slice(from + denial + 1, t.first).some((x) => /^(?:saying|but|;|said|says)$/i.test(x.text))) return null;
  // "the sale ... was cancelled": a noun's cancellation may come at the end of its clause.
  if (hasMarker(tokens, Math.max(0, t.first - 6), Math.min(tokens.length, t.last + (frame === 'noun' ? 13 : 5)), lex.markers.cancelled)) return null;
  // "bought 12 jets from Qatar, but the deal was later scrapped": a later clause whose subject is the deal itself cancels it.
  if (isDealCancelledLater(tokens, t.last + 1, lex)) return null;
  // "may purchase", "could receive": speculation, no record.
  if (/^(?:may|might|could)$/.test(lowerAt(tokens, t.first - 1)) || /^(?:may|might|could)$/.test(lowerAt(tokens, t.first - 2))) return null;
  // "Iran denied supplying Russia with missiles", "denied that it had sent": a transfer denied is not told.
  if (tokens.slice(Math.max(start, t.first - 8), t.first).some((x) => /^(?:denied|denies|deny|denying|dismissed|refuted|refutes)$/i.test(x.text))) return null;
  // "Reports that Iran had delivered missiles to Russia were denied by Tehran": a report's content that the sentence says was denied
  const that = tokens.slice(Math.max(0, t.first - 10), t.first).findIndex((x, k, a) => x.text.toLowerCase() === 'that' && REPORT_NOUNS.test(a[k - 1]?.text ?? ''));
  if (that >= 0 && tokens.slice(t.last + 1).some((x, k, a) => /^(?:denied|dismissed|rejected|refuted)$/i.test(x.text) && /^(?:was|were|been)$/i.test(a[k - 1]?.text ?? ''))) return null;
  // "has not decided whether to send", "asked whether Chile will buy": an open question states no transfer;
  // one about a transfer still to come is at most a plan, one about a past transfer asserts nothing.
  const whether = indexOfWord(tokens, 'whether', start, t.first);
  if (whether >= 0) return lowerAt(tokens, t.first - 1) === 'to' || hasMarker(tokens, whether + 1, t.first, lex.markers.future) ? 'planned' : null;
  // "is negotiating with Italy over trainer jets": talks about a purchase are a plan, whatever else the clause says.
  if (id === 'negotiate') return 'planned';
  // "The cabinet approved an aid package for Chile": aid approved by its giver is a promise; "approved" is a seller's approval of a sale.
  // (so is a donation or gift approved: "approved the donation of 14 tanks" sells nothing)
  if (hasMarker(tokens, start, t.first, lex.markers.approved)) return id === 'noun-package' || id === 'pledge' || /^(?:donat|gift)/.test(word) ? 'pledged' : 'approved';
  // "three deals cleared by Congress on Friday: a possible sale of ...": an approval written after the deal noun, or before it in the sentence.
  if (frame === 'noun' && (hasMarker(tokens, t.last + 1, t.last + 4, lex.markers.approved) || (/^(?:sale|sales)$/.test(word) && hasMarker(tokens, 0, t.first, lex.markers.approved)))) return 'approved';
  // "The sale of 20 vehicles to Qatar was approved by Germany's parliament": the deal noun is the subject of a passive approval.
  if (frame === 'noun' && /^(?:sale|sales|export|exports|transfer|deal)$/.test(word) && isApprovedLater(tokens, t.last + 1)) return 'approved';
  // "won a $2 billion contract to supply", "secured an order for": a maker that won the deal has it signed.
  if (isDealWon(tokens, start, t.first)) return 'ordered';
  // "Chile's request for 12 jets", "the Patriot request": a buyer's request not yet approved is a plan.
  if (id === 'noun-request') return 'planned';
  if (hasMarker(tokens, start, t.first, lex.markers.planned)) return 'planned';
  // "a deal expected to be signed next month", "the contract, still under negotiation": a deal noun not yet concluded is a plan.
  if (frame === 'noun' && id === 'noun-sale' && isUnconcluded(tokens, t.last + 1, Math.min(tokens.length, t.last + 16))) return 'planned';
  // "will sign a contract to buy", "is expected to sign a deal to buy": a signing still to come is a plan.
  if ((id === 'buy' || id === 'acquire' || id === 'sell') && isSigningToCome(tokens, start, t.first)) return 'planned';
  // "has agreed to buy", "agreed to sell": a purchase or sale agreed is a deal (an agreement to give stays a promise).
  if ((id === 'buy' || id === 'acquire' || id === 'sell') && lowerAt(tokens, t.first - 1) === 'to' && /^(?:agreed|agrees)$/.test(lowerAt(tokens, t.first - 2))) return 'ordered';
  if (hasMarker(tokens, start, t.first, lex.markers.signed)) return id === 'receive' && !hasMarker(tokens, start, t.first, lex.markers.future) ? 'delivered' : 'ordered';
  // "will buy three frigates under a deal worth ...": a purchase or sale the clause places under a deal is an order.
  const isUnderDeal = hasMarker(tokens, t.last + 1, Math.min(tokens.length, t.last + 14), dealPhrases(lex.markers.signed)) || placesUnderDeal(tokens, t.last + 1, Math.min(tokens.length, t.last + 14));
  if ((id === 'buy' || id === 'sell') && isUnderDeal) return 'ordered';
  const isProgressive = /ing$/.test(lowerAt(tokens, t.first)) && PROGRESSIVE_BE.has(lowerAt(tokens, t.first - 1) === 'also' ? lowerAt(tokens, t.first - 2) : lowerAt(tokens, t.first - 1));
  // "had transferred", "has sent": a perfect tense reports a done deed whatever the clause around it says.
  const isPerfect = /^(?:had|has|have)$/.test(lowerAt(tokens, t.first - 1)) || /^(?:had|has|have)$/.test(lowerAt(tokens, t.first - 2)) && /^(?:already|also|now|just|recently)$/.test(lowerAt(tokens, t.first - 1));
  // "is buying", "was selling": a purchase under way is a deal; a giving verb in the progressive ("is sending") is a promise.
  const isDealUnderWay = isProgressive && (id === 'buy' || id === 'acquire' || id === 'sell');
  const isFuture = !isPerfect && (hasMarker(tokens, start, t.first, lex.markers.future) || (isProgressive && !isDealUnderWay) || (lowerAt(tokens, t.first - 1) === 'to' && frame !== 'noun'));
  // "Kenya would receive 12 jets if parliament approves", "If the deal goes ahead, Chile will buy": a transfer to come on a condition is a plan.
  if (isFuture && tokens.some((x, k) => /^(?:if|unless)$/i.test(x.text) && !/^(?:as|even)$/.test(lowerAt(tokens, k - 1)))) return 'planned';
  if (hasMarker(tokens, start, t.first, lex.markers.started) && (id === 'give' || id === 'noun-delivery' || id === 'hand-over')) return 'delivered';
  // "will receive three batteries under a deal signed in 2022": a delivery still to come under a signed deal is an order.
  if (isFuture && isUnderDeal && (id === 'receive' || id === 'give' || id === 'hand-over')) return 'ordered';
  // "is building", "will build" four corvettes for a customer: the yard works under a contract.
  if (id === 'build-for') return 'ordered';
  if (id === 'pledge') return 'pledged';
  if (id === 'noun-package') return 'pledged';
  if (id === 'sell' || id === 'noun-sale') return isFuture && id === 'sell' ? 'planned' : 'ordered';
  if (id === 'buy') return isFuture ? 'planned' : 'ordered';
  // "acquired two corvettes" (even under a deal) tells they came; "is acquiring" is a deal under way; "plans to acquire",
  // "will be acquiring" a plan, unless a deal is named ("will acquire 20 jets under a contract signed in May").
  if (id === 'acquire') return isFuture ? (isUnderDeal ? 'ordered' : 'planned') : isDealUnderWay ? 'ordered' : 'delivered';
  // Equipping a force is a plan until done; a pledge is a promise to another state.
  if (id === 'equip') return isFuture ? 'planned' : 'delivered';
  // "Deliveries of the 18 howitzers are expected to begin next year": a delivery noun whose own verb is still to come is a promise
  if (id === 'noun-delivery') return isFuture || isToComeLater(tokens, t.last + 1) ? 'pledged' : 'delivered';
  return isFuture ? 'pledged' : 'delivered';
}

/** Whether the clause after a noun goes on, before any clause break, with a verb still to come ("are expected to begin", "will start", "are due"). */
function isToComeLater(tokens: readonly Token[], from: number): boolean {
  for (let j = from; j < Math.min(tokens.length, from + 14); j++) {
    const w = lowerAt(tokens, j);
    if (w === ',' || CLAUSE_BREAK.has(w)) return false;
    if (/^(?:will|shall|expected|due|scheduled|slated)$/.test(w) && /^(?:are|is|be|were|was|been)$|^(?:will|shall)$/.test(w === 'will' || w === 'shall' ? w : lowerAt(tokens, j - 1))) return true;
  }
  return false;
}

/** Whether the clause after a deal noun goes on with a passive approval ("... was approved", "had been cleared"), before any clause break. */
function isApprovedLater(tokens: readonly Token[], from: number): boolean {
  for (let j = from; j < Math.min(tokens.length - 1, from + 14); j++) {
    const w = lowerAt(tokens, j);
    if (w === ',' || CLAUSE_BREAK.has(w)) return false;
    if (/^(?:was|were|been|is|are)$/.test(w) && /^(?:approved|cleared|authori[sz]ed)$/.test(lowerAt(tokens, j + 1))) return true;
  }
  return false;
}

/** The state that approves a transfer: the last state before the approval word in the predicate's clause, not after a preposition; null when none. */
function approvingState(tokens: readonly Token[], states: readonly StateMention[], t: Trigger, lex: TransferLexicon): string | null {
  const start = clauseStart(tokens, t.first);
  let at = -1;
  for (let i = start; i < t.first; i++) if (lex.markers.approved.some((m) => matchesAt(tokens, i, m))) at = i;
  if (at < 0) return null;
  const before = states.filter((s) => s.first >= start && s.last < at && s.kind !== 'made' && (prepositionBefore(tokens, s) === null || s.first === start));
  return before[before.length - 1]?.code ?? null;
}

/** The trigger that governs an item: nearest before it in its clause, else the nearest after it. */
function governing(tokens: readonly Token[], triggers: readonly Trigger[], item: ItemMention, items: readonly ItemMention[] = []): Trigger | null {
  // "... include X; Y; Z and W": a list after "include" belongs to it, semicolons and all.
  const include = [...triggers].reverse().find((t) => t.entry.frame === 'include' && t.last < item.first);
  if (include && !triggers.some((t) => t.first > include.last && t.last < item.first)) return include;
  const start = clauseStart(tokens, item.first);
  // A verb reaches a long list; a noun only its own "of"/"for" phrase ("the sale of 12 jets").
  // "a deal worth $2 billion with Sweden for 14 jets": a noun's "for/of" phrase may come after its value and its other party, within its clause.
  // "an order for 54 howitzers and 36 ammunition vehicles": a later member of a list is measured from its first member.
  const lead = items.find((p) => p.first < item.first && p.last >= 0 && listEnd(tokens, items, p) >= item.last) ?? item;
  const nounReach = (t: Trigger): number => (isOwnPhrase(tokens, t.last + 1, lead.first) ? 14 : 8);
  // "the first buyer of X": a noun naming the buyer reaches only its own "of" or "for" phrase ("Poland, its biggest customer, and 12 to Malaysia").
  const isOwnOnly = (t: Trigger): boolean =>
    t.entry.frame === 'noun' && PARTY_NOUNS.has(lowerAt(tokens, t.first)) && !(/^(?:of|for)$/.test(lowerAt(tokens, t.last + 1)) && lead.first > t.last && !tokens.slice(t.last + 1, lead.first).some((x) => x.text === ','));
  const reaches = (t: Trigger): boolean => t.entry.frame !== 'include' && !isOwnOnly(t) && (t.entry.frame === 'noun' ? (lead.first > t.last ? lead.first : item.first) - t.last <= nounReach(t) : item.first - t.last <= 25);
  let before: Trigger | null = null;
  // "after buying the S-400 system, the F-16s are ...": a subject past a comma is not the earlier verb's object.
  const isOwnClause = (t: Trigger): boolean => item.isSubject && tokens.slice(t.last + 1, item.first).some((x) => x.text === ',');
  {
    for (const t of triggers) if (t.last < item.first && t.first >= start && reaches(t) && !isOwnClause(t)) before = t;
    // Widen to the sentence for lists that run past a comma-clause ("..., including X and Y").
    // A subordinate clause between them ("..., where they will replace older tanks") has a verb of its own: no widening across it.
    // A noun reaches only its own phrase, never past its clause; nothing reaches into a reported clause ("... and added that X").
    // Nor across ", after ..." or ", because ...": a clause of time or reason past a comma has a verb of its own ("after failing to obtain X").
    const opensSubClause = (k: number): boolean => tokens[k - 1]?.text === ',' && /^(?:after|before|since|because|as)$/.test(lowerAt(tokens, k));
    if (!before) for (const t of triggers) if (t.last < item.first && t.entry.frame !== 'noun' && reaches(t) && !isOwnClause(t) && !opensReport(tokens, t.last + 1, start) && !tokens.slice(t.last + 1, item.first).some((x, k) => x.text === ';' || SUBORDINATORS.has(x.text.toLowerCase()) || opensSubClause(t.last + 1 + k))) before = t;
  }
  // "the Rafale deal", "Chile's F-16 request": an item that modifies a deal noun right after it is that deal's.
  const compound = triggers.find((t) => t.entry.frame === 'noun' && t.first === item.last + 1 && item.last >= 0);
  if (!before && compound) return compound;
  // After the item, only a predicate the item is the subject of: a passive ("were handed over") or an arrival.
  const end = tokens.findIndex((x, i) => i > item.last && (x.text === ';' || x.text === ':'));
  // "The howitzers, similar to the M109 used by the US Army, were delivered": an aside between commas right after the item does not count.
  const asideEnd = tokens[item.last + 1]?.text === ',' ? tokens.findIndex((x, i) => i > item.last + 1 && i <= item.last + 14 && x.text === ',') : -1;
  const aside = asideEnd > 0 ? asideEnd - item.last : 0;
  // "Six jammers and two radars were shipped": a list that is the subject is measured from its last member.
  const subjectEnd = Math.max(item.last, listEnd(tokens, items, item));
  const after = triggers.find((t) => t.first > item.last && t.first - subjectEnd - (t.first > asideEnd ? aside : 0) <= 10 && (end < 0 || t.first < end) && (t.entry.frame === 'arrive' || isPassive(tokens, t) || isReducedPassive(tokens, t, item) || isReducedGet(tokens, t, item))) ?? null;
  // "operates Su-30 fighters bought from Z": a participle right after the item, with its "from" or "by", is the item's own verb.
  if (after && (isReducedPassive(tokens, after, item) || isReducedGet(tokens, after, item))) return after;
  // "A second batch of 10 tanks has arrived": a batch noun opening the subject leaves the item to the subject's verb.
  if (before && after && before.entry.frame === 'noun' && GROUP_NOUNS.test(lowerAt(tokens, before.first)) && !triggers.some((t) => t.first > before.last && t.first < item.first)) return after;
  if (before) {
    // "received the first batch of", "signed a contract for", "approved the sale of": the verb before the noun governs.
    if (before.entry.frame === 'noun' && before.antecedent === undefined) {
      const verb = triggers.find((t) => t.entry.frame !== 'noun' && t.entry.frame !== 'include' && t.last < before.first && before.first - t.last <= 4);
      // Not "negotiating with India over the sale of": the deal noun tells who sells; the talks only make it a plan.
      if (verb && verb.entry.id !== 'negotiate' && (verb.entry.frame === 'get' || verb.entry.id === 'give' || verb.entry.id === 'hand-over')) return verb;
    }
    return before;
  }
  return after;
}

/** Whether the words from `from` to an item at `to` are a noun's own phrase: no comma or clause break, and "for" or "of" opening the item's phrase. */
function isOwnPhrase(tokens: readonly Token[], from: number, to: number): boolean {
  let j = to - 1;
  while (j >= from && (COUNT_WORD.test(lowerAt(tokens, j)) || /^(?:the|a|an|its|their|up|to|about|around|some|more|than|dozen)$/.test(lowerAt(tokens, j)))) j--;
  if (!/^(?:for|of)$/.test(lowerAt(tokens, j))) return false;
  return !tokens.slice(from, j).some((x) => x.text === ',' || CLAUSE_BREAK.has(x.text.toLowerCase()) || /^(?:is|are|was|were|has|have|had|will|would|said|says)$/i.test(x.text));
}

/** Whether the clause an item stands in (from `start`) opens with a verb of saying and "that" after `from`: a reported clause of its own. */
function opensReport(tokens: readonly Token[], from: number, start: number): boolean {
  return start > from && lowerAt(tokens, start - 1) === 'that' && SAYING.test(lowerAt(tokens, start - 2));
}

/** "36 jets delivered by France", "tanks sold to Chile": a past participle right after the item, then its agent or recipient. */
function isReducedPassive(tokens: readonly Token[], t: Trigger, item: ItemMention): boolean {
  // "F-16 jets, donated by the Netherlands": the participle may follow the item after a comma.
  const next = tokens[item.last + 1]?.text === ',' ? item.last + 2 : item.last + 1;
  return item.last >= 0 && t.first === next && t.entry.frame === 'give' && /(?:ed|sold|sent|given)$/.test(lowerAt(tokens, t.last)) && /^(?:by|from|to)$/.test(lowerAt(tokens, t.last + 1));
}

/** "flies 20 jets bought from Z", "the tanks acquired from Z": a getting verb's past participle right after the item, then "from". */
function isReducedGet(tokens: readonly Token[], t: Trigger, item: ItemMention): boolean {
  return item.last >= 0 && t.first === item.last + 1 && t.entry.frame === 'get' && /(?:ed|bought)$/.test(lowerAt(tokens, t.last)) && /^(?:from|by)$/.test(lowerAt(tokens, t.last + 1));
}

const GROUP_NOUNS = /^(?:batch|batches|tranche|tranches|shipment|shipments|consignment|consignments)$/;

/** Whether an "equipped" passive has an equipment phrase for its subject: an item before it in its clause, no state between. */
function isFitOut(tokens: readonly Token[], items: readonly ItemMention[], states: readonly StateMention[], t: Trigger): boolean {
  if (!isPassive(tokens, t)) return false;
  const start = clauseStart(tokens, t.first);
  const subject = [...items].reverse().find((i) => i.last < t.first && i.first >= start);
  return subject !== undefined && !states.some((s) => s.first > subject.last && s.last < t.first);
}

/** "equipped Chile with 20 tanks", "equip its base in Chile with": a state (or a force or base of one) between the verb and "with", the item after it. */
function equipsState(tokens: readonly Token[], states: readonly StateMention[], t: Trigger, item: ItemMention): boolean {
  const w = tokens.findIndex((x, i) => i > t.last && i < item.first && lowerAt(tokens, i) === 'with');
  return w > t.last + 1 && w - t.last <= 8 && states.some((s) => s.first > t.last && s.last < w && s.kind !== 'made' && s.kind !== 'maker');
}

const NOT_PACKAGES = /^(?:tenders?|competitions?|contests?|races?|shortlists?|fleets?|inventory|inventories|arsenals?|stockpiles?|lineups?|line-ups?|bidders|contenders|rivals|candidates|options|exercises?|drills?)$/;

/** The noun right before an "include" predicate, past relative pronouns and adverbs ("a tender that also includes"). */
function includer(tokens: readonly Token[], t: Trigger): string {
  let j = t.first - 1;
  while (j >= 0 && /^(?:that|which|also|already|now|reportedly|will|would|could|,)$/.test(lowerAt(tokens, j))) j--;
  return lowerAt(tokens, j);
}

/** Whether "whether" opens the trigger's clause: "whether to send", "whether it would sell", "whether or not to supply". */
function isWeighed(tokens: readonly Token[], t: Trigger): boolean {
  for (let k = t.first - 1; k >= Math.max(0, t.first - 5); k--) {
    const w = lowerAt(tokens, k);
    if (w === 'whether') return true;
    if (!/^(?:to|or|not|it|they|he|she|we|would|should|could|will|can|might|may|also|further|more|ever)$/.test(w)) return false;
  }
  return false;
}

/** Verbs that hold a delivery up: it has not happened (yet). */
const HOLDING_UP = /^(?:delay|delays|delayed|delaying|postpone|postpones|postponed|suspend|suspends|suspended|halt|halts|halted|pause|paused|pauses|freeze|froze|frozen|freezes|stall|stalled|block|blocked|blocks|withheld|withhold|withholds)$/;

/**
 * Whether a delivery noun is held up: a verb of delay, suspension or blocking governs it just before ("halted the delivery of")
 * or follows it in its clause ("deliveries of the jets had been delayed until 2026").
 */
function isHeldUp(tokens: readonly Token[], t: Trigger): boolean {
  for (let k = t.first - 1; k >= Math.max(0, t.first - 3); k--) {
    const w = lowerAt(tokens, k);
    if (HOLDING_UP.test(w)) return true;
    if (!/^(?:the|a|an|its|their|further|all|any|planned|scheduled)$/.test(w)) break;
  }
  for (let k = t.last + 1; k < Math.min(tokens.length, t.last + 21); k++) {
    const w = lowerAt(tokens, k);
    if (w === ';' || w === '.') return false;
    if (HOLDING_UP.test(w) && /^(?:been|be|was|were|is|are|being|had|has|have)$/.test(lowerAt(tokens, k - 1))) return true;
  }
  return false;
}

/** Participles of carrying: "flown in by six transport planes", "carried aboard a cargo ship", "ferried by two ferries". */
const CARRYING = /^(?:flown|carried|transported|ferried|airlifted|shipped|brought|escorted|towed|trucked|hauled)$/i;

/**
 * Whether an item is what carried or escorted the goods, not the goods: the noun of a "by" phrase after a participle of
 * carrying ("flown in by six Y-20 transport planes"), or one after "aboard" or "on board" ("aboard two cargo ships").
 */
function isCarrier(tokens: readonly Token[], item: ItemMention): boolean {
  // the item's own words before its noun may hold a count and modifiers: look back past them to the preposition
  for (let k = item.first - 1, seen = 0; k >= 0 && seen < 6; k--, seen++) {
    const word = lowerAt(tokens, k);
    if (word === 'aboard' || (word === 'board' && lowerAt(tokens, k - 1) === 'on')) return true;
    if (word === 'by') {
      const before = lowerAt(tokens, k - 1);
      return CARRYING.test(before) || (/^(?:in|out|over)$/.test(before) && CARRYING.test(lowerAt(tokens, k - 2)));
    }
    if (word === ',' || word === 'and' || word === 'of' || word === 'to' || word === 'from') return false;
  }
  return false;
}

/** Readings of every item in one sentence (items without a governing predicate give none). */
export function readSentence(tokens: readonly Token[], items: readonly ItemMention[], states: readonly StateMention[], triggers: readonly Trigger[], lex: TransferLexicon, syntax?: SentenceSyntax, places: readonly StateMention[] = []): { readings: ItemReading[]; included: ItemMention[]; parties: Parties | null } {
  const readings: ItemReading[] = [];
  const included: ItemMention[] = [];
  // The parties of the sentence's first predicate even without an item ("unveiled an aid package for Jordan"), for what follows.
  const lead = triggers.find((t) => t.entry.frame !== 'include' && statusOf(tokens, t, lex) !== null);
  const parties = lead ? { ...rolesOf(tokens, states, lead, NO_ITEM, items, syntax, places), status: statusOf(tokens, lead, lex)!, trigger: lead, triggerSpan: spanOf(tokens, lead) } : null;
  const serviced = new Set<ItemMention>();
  for (const item of items) {
    // "cover provided by four gunboats": equipment in the agent phrase of a passive does the act, it is not what moves.
    if (isAgent(tokens, item)) continue;
    // "a refurbishment of its ageing helicopters", "help with the assembly of drones": what a service or a making works on does not move.
    if (isServiced(tokens, item)) {
      serviced.add(item);
      continue;
    }
    // "26 Rafale Marine jets for the navy's aircraft carriers", "missiles for its frigates": an item in a "for" phrase right after
    // another item is the platform that one is for, owned already; it does not move.
    if (isPlatformFor(tokens, items, item)) continue;
    // "... a refurbishment of its Pumas and Alphas": a later member of that list is serviced too.
    const previous = items[items.indexOf(item) - 1];
    if (previous && serviced.has(previous) && tokens.slice(previous.last + 1, item.first).every((x) => /^(?:,|and|or|its|their|the|\d[\d,]*)$/i.test(x.text))) {
      serviced.add(item);
      continue;
    }
    // A target of another verb ("to replace the Hawk jets") moves only by a relative clause of its own ("... Kenya bought from Britain").
    let trigger = item.isTarget ? null : governing(tokens, triggers, item, items);
    // "the jets, which Chile ordered from Spain, arrived", "the boats that Japan donated to Peru": the verb of a relative clause on the item moves it too.
    // "the 200 tanks and the artillery Poland has sent": a relative clause after the last member of a list is the whole list's.
    const next = items[items.indexOf(item) + 1];
    const isListed = next !== undefined && item.last >= 0 && next.first > item.last + 1 && next.first - item.last <= 4 && lowerAt(tokens, item.last + 1) === 'and' && tokens.slice(item.last + 2, next.first).every((x) => /^(?:the|its|their|all|some)$/i.test(x.text));
    const relative = relativeTrigger(tokens, triggers, item, syntax) ?? contactRelative(tokens, triggers, states, item) ?? (isListed ? contactRelative(tokens, triggers, states, next) : null);
    // The parties the relative clause names, for a later passive that names none ("the boats that Peru ordered from Chile were handed over").
    let relativeParties: { supplier: string | null; recipients: string[] } | null = null;
    if (relative && relative !== trigger) {
      const relativeStatus = statusOf(tokens, relative, lex);
      if (relativeStatus) {
        const relativeRoles = rolesOf(tokens, states, relative, item, items, syntax, places);
        relativeParties = relativeRoles;
        readings.push({ item, trigger: relative, triggerSpan: spanOf(tokens, relative), supplier: relativeRoles.supplier, recipients: relativeRoles.recipients, status: relativeStatus, rule: `transfers/${relative.entry.id}:relative` });
      }
    }
    if (!trigger) continue;
    // "a tender that also includes the F-16": what a competition, a fleet or an arsenal includes moves nowhere.
    if (trigger.entry.frame === 'include' && NOT_PACKAGES.test(includer(tokens, trigger))) continue;
    if (trigger.entry.frame === 'include') {
      // "The package includes X": the item belongs to the transfer the package names, in this sentence or the last one.
      const outer = [...triggers].reverse().find((t) => t.last < trigger!.first && t.entry.frame !== 'include');
      // "The package includes": the package is the transfer told just before.
      const isAnaphoricPackage = outer?.entry.frame === 'noun' && trigger.first - outer.last <= 3 && /^(?:the|this|that|these|those|both|it|its)$/.test(lowerAt(tokens, outer.first - 1));
      if (!outer || isAnaphoricPackage) {
        included.push(item);
        continue;
      }
      // "The Turkish package also includes munitions", "Chile's package includes": a package named after a state is the transfer
      // told of that state (as recipient or supplier), whichever came last.
      const named = outer.entry.id === 'noun-package' && trigger.first - outer.last <= 3 ? states.find((s) => s.last === outer.first - 1 && (s.kind === 'possessive' || (s.kind === 'demonym' && /^(?:the|this|that)$/.test(lowerAt(tokens, s.first - 1))))) : undefined;
      if (named) {
        readings.push({ item, trigger: outer, triggerSpan: spanOf(tokens, outer), supplier: null, recipients: [], status: 'pledged', rule: 'transfers/package-includes', packageOf: named.code });
        continue;
      }
      trigger = outer;
    }
    // "the frigate is equipped with anti-ship missiles", "to equip its brigades with": fitting out is a description or a state's
    // own procurement; only "equip Y with X", a state as the verb's object, moves equipment to another state.
    if (trigger.entry.id === 'equip' && (isFitOut(tokens, items, states, trigger) || !equipsState(tokens, states, trigger, item))) continue;
    // "the patrol ship is to be supplied with 12 mines": the subject of a passive "supplied with" is fitted out; what comes after "with" moves.
    if (item.last < trigger.first && isPassive(tokens, trigger) && lowerAt(tokens, trigger.last + 1) === 'with') continue;
    // "doubt whether delivering trainers would be wise": an -ing form right after "that" or "whether" is the subject of the clause, an act
    // talked about when its clause goes on with a modal ("that delivering the jets had begun" states a delivery).
    if (/ing$/.test(lowerAt(tokens, trigger.first)) && /^(?:that|whether)$/.test(lowerAt(tokens, trigger.first - 1)) && tokens.slice(trigger.last + 1, trigger.last + 14).some((x) => /^(?:could|would|may|might|should|will|can|must)$/i.test(x.text))) continue;
    // "arrived in Sydney aboard a cargo ship", "arrived with an escort of two frigates": what arrives is the verb's subject; what
    // follows it is the carrier or the company it came in.
    if (trigger.entry.frame === 'arrive' && item.first > trigger.last) continue;
    if (isCarrier(tokens, item)) continue;
    // "received a request from Poland for more Patriot systems", "got an offer of jets": what a request or offer received names
    // is asked for or offered, not received.
    if (trigger.entry.frame === 'get' && item.first > trigger.last && tokens.slice(trigger.last + 1, item.first).some((x) => REQUEST_NOUNS.test(x.text))) continue;
    const status = statusOf(tokens, trigger, lex);
    if (!status) continue;
    // "has yet to decide whether to send missiles", "debating whether it should sell jets": a deal weighed, not made or planned.
    if (isWeighed(tokens, trigger)) continue;
    // "deliveries of the 66 jets had been delayed", "Washington halted the delivery of 20 jets": a delivery held up has not happened.
    if (status === 'delivered' && trigger.entry.frame === 'noun' && isHeldUp(tokens, trigger)) continue;
    // "the other three are due to be handed over next month": a schedule of the deal, not a record.
    if (item.isRemainder && (status === 'pledged' || status === 'planned')) continue;
    const read = rolesOf(tokens, states, trigger, item, items, syntax, places);
    // A passive after the item that names no recipient takes the relative clause's parties (its subject is the item, not a state in it);
    // so does an active verb naming no recipient, where the two name the same supplier or the verb none ("delivered the first of
    // 18 tanks it promised Ukraine")
    const takesRelative = read.recipients.length === 0 && relativeParties !== null && relativeParties.recipients.length > 0 && (read.isPassive ? trigger.first > item.last && relativeParties.supplier !== null : read.supplier === null || read.supplier === relativeParties.supplier);
    const roles = takesRelative ? { ...read, supplier: relativeParties!.supplier, recipients: relativeParties!.recipients } : read;
    // "Navantia is building four corvettes for Saudi Arabia": a yard builds for a customer state under contract; building
    // with no state named after "for" is a maker's or a navy's own work, no transfer.
    if (trigger.entry.id === 'build-for' && (item.first <= trigger.last || roles.recipients.length === 0)) continue;
    // "jets that would be bought by Chile", "to be acquired by Peru": a purchase told in the passive and only planned is talk about
    // a buyer, no record (the buyer's own plan, "Chile plans to buy", stays one).
    if (trigger.entry.frame === 'get' && roles.isPassive && status === 'planned') continue;
    // A purchase for another state is a promise to it until delivered.
    // "Kenya's cabinet approved the purchase of 12 jets": an approval by the buyer's own body is its plan; only the seller's approval is "approved".
    const approver = status === 'approved' ? approvingState(tokens, states, trigger, lex) : null;
    const approvedStatus = approver && roles.recipients.includes(approver) && approver !== roles.supplier ? 'planned' : status;
    // "Dassault will deliver the first jets in 2028": a maker's future delivery is the schedule of an order, no state's promise.
    const isMakersSchedule = approvedStatus === 'pledged' && trigger.entry.frame === 'give' && roles.byMaker === true;
    const given = roles.buysForOther && (approvedStatus === 'ordered' || approvedStatus === 'planned') ? 'pledged' : isMakersSchedule ? 'ordered' : approvedStatus;
    const isStart = given === 'delivered' && tokens.slice(Math.max(clauseStart(tokens, trigger.first), trigger.first - 4), trigger.first).some((x) => /^(?:started|starts|began|begun|begins|commenced)$/i.test(x.text));
    readings.push({ item, trigger, triggerSpan: spanOf(tokens, trigger), supplier: roles.supplier, recipients: roles.recipients, status: given, rule: `transfers/${trigger.entry.id}${roles.isPassive ? ':passive' : ''}`, ...(isStart ? { isStart } : {}) });
    // "F-16s from Denmark and Norway", "Denmark and Norway will send F-16s": one record per supplier.
    for (const other of roles.otherSuppliers ?? []) readings.push({ ...readings[readings.length - 1]!, supplier: other, recipients: roles.recipients.filter((r) => r !== other) });
    // "The frigate ordered by Chile was commissioned into its navy": past the item's own participle, the clause's passive verb tells another stage.
    if (trigger.first === item.last + 1 && (isReducedPassive(tokens, trigger, item) || isReducedGet(tokens, trigger, item))) {
      // "bought by Tunisia from the United States arrived": the participle's own phrases (an agent, a source) may stand between.
      const main = triggers.find((t) => t.first > trigger.last && t.first - trigger.last <= 10 && (isPassive(tokens, t) || t.entry.frame === 'arrive') && !tokens.slice(trigger.last + 1, t.first).some((x) => CLAUSE_BREAK.has(x.text.toLowerCase()) || x.text === ','));
      const mainStatus = main ? statusOf(tokens, main, lex) : null;
      // "Chile has received six howitzers ordered from Z": the clause's verb before the item tells another stage too.
      const start = clauseStart(tokens, item.first);
      const verb = [...triggers].reverse().find((t) => t.last < item.first && t.first >= start && t.entry.frame !== 'noun' && t.entry.frame !== 'include' && !tokens.slice(t.last + 1, item.first).some((x) => x.text === ','));
      const verbStatus = verb && !main ? statusOf(tokens, verb, lex) : null;
      if (verb && verbStatus && verbStatus !== status) {
        const verbRoles = rolesOf(tokens, states, verb, item, items, syntax, places);
        readings.push({ item, trigger: verb, triggerSpan: spanOf(tokens, verb), supplier: verbRoles.supplier ?? roles.supplier, recipients: verbRoles.recipients.length ? verbRoles.recipients : roles.recipients, status: verbStatus, rule: `transfers/${verb.entry.id}` });
      }
      // "helicopters supplied by the United States arrived in Australia": of one stage told twice, the main verb names the recipient the participle leaves out.
      const told = readings[readings.length - 1]!;
      if (main && mainStatus === status && told.item === item && told.recipients.length === 0) {
        const mainRoles = rolesOf(tokens, states, main, item, items, syntax, places);
        told.recipients = mainRoles.recipients.filter((r) => r !== told.supplier);
      }
      if (main && mainStatus && mainStatus !== status) {
        const mainRoles = rolesOf(tokens, states, main, item, items, syntax, places);
        readings.push({ item, trigger: main, triggerSpan: spanOf(tokens, main), supplier: mainRoles.supplier ?? roles.supplier, recipients: mainRoles.recipients.length ? mainRoles.recipients : roles.recipients, status: mainStatus, rule: `transfers/${main.entry.id}:passive` });
      }
    }
  }
  // A relative clause after the main verb tells after it ("handed over the first of three ships, which Kenya bought": the
  // delivery, then the order it belongs to), as the merge takes tellings in order; one before it ("The jets, which Egypt
  // ordered, arrived") stays first.
  const isRelative = (r: (typeof readings)[number]): boolean => r.rule.endsWith(':relative');
  const isLateRelative = (r: (typeof readings)[number]): boolean => isRelative(r) && readings.some((m) => m.item === r.item && !isRelative(m) && m.triggerSpan.start < r.triggerSpan.start);
  const ordered = readings.filter((r) => !isLateRelative(r));
  for (const r of readings.filter(isLateRelative)) ordered.splice(ordered.findLastIndex((m) => m.item === r.item) + 1, 0, r);
  return { readings: ordered, included, parties };
}

/**
 * The parties of a load a carrier brought: the state of the carrier (the arriving verb's subject, "six Chinese Air Force
 * transport planes") or else the load's maker supplies; the state the load is "for" receives, or else the state of the place
 * of arrival ("landed in Bamako"). A carrier of one state coming home with its own load moves nothing.
 */
function carriedRoles(tokens: readonly Token[], states: readonly StateMention[], t: Trigger, item: ItemMention, syntax: SentenceSyntax | undefined, places: readonly StateMention[]): { supplier: string | null; recipients: string[]; isPassive: boolean } {
  const verb = arrivalOf(syntax, tokens[t.first]!.start);
  const verbAt = verb >= 0 ? tokens.findIndex((x) => x.start === syntax!.words[verb]!.start) : -1;
  const carrier = verbAt >= 0 ? treeSubject(syntax, tokens, states, { ...t, first: verbAt, last: verbAt }) : null;
  const supplier = carrier?.code ?? makerOf(tokens, states, item);
  const forState = item.last >= 0 ? afterPreposition(tokens, states, item.last + 1, Math.min(tokens.length, item.last + 4), ['for']) : [];
  const end = verbAt < t.first ? t.first : tokens.length;
  const destination = verbAt >= 0 ? [...afterPreposition(tokens, states, verbAt + 1, end, ['in', 'at', 'to', 'into']), ...afterPreposition(tokens, places, verbAt + 1, end, ['in', 'at', 'to', 'into'])] : [];
  // ("a frigate carrying cruise missiles docked in Havana": a warship or bomber comes with its own arms; only a transport's load is for the place)
  const clause = clauseStart(tokens, verbAt >= 0 ? verbAt : t.first);
  const isTransport = tokens.slice(clause, verbAt >= 0 ? verbAt : t.first).some((x) => TRANSPORT_WORDS.test(x.text));
  const recipient = forState[0] ?? (isTransport ? destination[0] : undefined) ?? null;
  return { supplier, recipients: recipient && recipient !== supplier ? [recipient] : [], isPassive: false };
}

/**
 * "the Hawk jets Kenya bought from Britain", "the boats Japan had donated": a relative clause without its pronoun, a state right after
 * the item and then its past-tense transfer verb (the tree often reads the state as an apposition); null when there is none.
 */
function contactRelative(tokens: readonly Token[], triggers: readonly Trigger[], states: readonly StateMention[], item: ItemMention): Trigger | null {
  if (item.last < 0) return null;
  // "the submarines that Pakistan ordered from China": with its pronoun too, where the tree did not hang the clause on the item.
  const opens = /^(?:that|which)$/.test(lowerAt(tokens, item.last + 1)) ? item.last + 2 : item.last + 1;
  // "the 66 jets it bought from the United States": a pronoun for the state the sentence is about stands there too.
  const state = states.find((s) => s.first === opens && (s.kind === 'country' || s.kind === 'body'));
  const last = state ? state.last : /^(?:it|they)$/.test(lowerAt(tokens, opens)) ? opens : -1;
  if (last < 0) return null;
  const at = last + 1 + (/^(?:had|has|have)$/.test(lowerAt(tokens, last + 1)) ? 1 : 0);
  const t = triggers.find((x) => x.first === at && (x.entry.frame === 'give' || x.entry.frame === 'get'));
  // A past form only: "the jets Kenya buys" is a headline's clause of its own.
  return t && /(?:ed|bought|sold|sent|gave|given|got)$/.test(lowerAt(tokens, t.last)) ? t : null;
}

/**
 * The transfer verb of a relative clause whose object, or passive subject, is the item ("the jets, which Chile ordered", "the
 * boats that Japan donated", "the tanks that were sold to Peru"), or the subject of an arrival ("the systems, which arrived in
 * April"), read from the tree's acl:relcl; null when there is none.
 * A relative clause whose subject is the pronoun of an active verb ("the firm that sold jets") makes the item no object.
 */
function relativeTrigger(tokens: readonly Token[], triggers: readonly Trigger[], item: ItemMention, syntax?: SentenceSyntax): Trigger | null {
  if (!syntax || item.last < 0) return null;
  // The phrase's head: its word whose own head lies outside it (the tree may split a token: "F-16s" as "F", "-", "16s").
  const from = tokens[item.first]!.start;
  const to = tokens[item.last]!.end;
  const within = (i: number): boolean => i >= 0 && syntax.words[i]!.start >= from && syntax.words[i]!.end <= to;
  // (every such word: a designation the tree splits, "FK - 3 air defence systems", may leave two)
  const heads = syntax.words.flatMap((w, i) => (within(i) && !within(w.head) ? [i] : []));
  for (const verb of heads.flatMap((head) => dependents(syntax, head, 'acl:relcl'))) {
    const t = triggers.find((x) => tokens[x.first]!.start === syntax.words[verb]!.start && x.first > item.last && (x.entry.frame === 'give' || x.entry.frame === 'get' || x.entry.frame === 'arrive'));
    if (!t) continue;
    const isPronoun = (i: number): boolean => i >= 0 && /^(?:which|that|who|whom)$/i.test(syntax.words[i]!.text);
    // ("six air defence systems, which arrived in April": what arrives is the subject of its verb)
    if (t.entry.frame === 'arrive') {
      if (isPronoun(dependent(syntax, verb, 'nsubj'))) return t;
      continue;
    }
    const object = dependent(syntax, verb, 'obj');
    if (isPronoun(object) || isPronoun(dependent(syntax, verb, 'nsubj:pass'))) return t;
  }
  return null;
}

// Nouns of a service done to equipment, or of making it: their "of" phrase names equipment that does not move.
const SERVICE_NOUNS = /^(?:modernisation|modernization|upgrade|upgrades|upgrading|overhaul|overhauls|refit|refits|refurbishment|maintenance|repair|repairs|servicing|production|manufacture|manufacturing|development|assembly|co-production|coproduction)$/;

/**
 * "an overhaul of its Pumas", "the assembly of drones": an item in the "of" phrase of a service noun; "the first operator of a
 * Chinese missile system", "a user of the jet": one in the "of" phrase of a noun that names who has it, a fleet and no transfer.
 */
function isServiced(tokens: readonly Token[], item: ItemMention): boolean {
  let j = item.first - 1;
  while (j >= 0 && item.first - j <= 4 && (COUNT_WORD.test(lowerAt(tokens, j)) || /^(?:the|a|an|its|their|his|her|our|some|these|those|existing|old|older|ageing|aging|new|next-generation|own)$/.test(lowerAt(tokens, j)))) j--;
  // "funds to buy Tomahawks and to develop a new fighter jet with Britain": what is being developed is not moved
  if (MAKING_VERBS.test(lowerAt(tokens, j))) return true;
  return lowerAt(tokens, j) === 'of' && (SERVICE_NOUNS.test(lowerAt(tokens, j - 1)) || /^(?:operators?|users?|owners?)$/.test(lowerAt(tokens, j - 1)));
}

/**
 * Verbs of developing equipment: what they take as object is being designed, not moved ("build ... for Ghana" and "produce ...
 * for Ukraine" stay a yard's or maker's order from a customer).
 */
const MAKING_VERBS = /^(?:develop|develops|developing|co-develop|co-develops|co-developing|design|designs|designing)$/;

/** Whether an item follows "for" and its owner's words ("the navy's", "its", "their") right after another item (or its "from Z"). */
function isPlatformFor(tokens: readonly Token[], items: readonly ItemMention[], item: ItemMention): boolean {
  let j = item.first - 1;
  // (the owner: a determiner or pronoun, and a possessive noun phrase of up to three words, "the Indian navy's")
  for (let guard = 0; guard < 5 && j >= 0 && lowerAt(tokens, j) !== 'for'; guard++) {
    if (!/^(?:the|its|their|his|her|our|['’]s|[a-z]+|[A-Z][a-z]+)$/.test(tokens[j]!.text)) return false;
    j--;
  }
  if (lowerAt(tokens, j) !== 'for') return false;
  const between = tokens.slice(j + 1, item.first).map((x) => x.text.toLowerCase());
  if (!between.some((w) => /^(?:its|their|his|her|our|['’]s)$/.test(w))) return false;
  // (right after that item, or after its "from Z": "12 helicopters from Italy for the navy's frigates")
  return items.some((other) => other !== item && other.last < j && (other.last === j - 1 || (lowerAt(tokens, other.last + 1) === 'from' && j - other.last <= 5 && tokens.slice(other.last + 2, j).every((x) => /^(?:the|[A-Z][\w-]*)$/.test(x.text)))));
}

/** Nouns of asking and offering: what a verb of getting takes them as object for is no goods received. */
const REQUEST_NOUNS = /^(?:requests?|calls?|appeals?|proposals?|offers?|invitations?|bids?|applications?|letters?|demands?|pleas?|orders?|enquir(?:y|ies)|inquir(?:y|ies)|queries|query)$/i;

/** Whether an item opens a "by" phrase right after a past participle ("escorted by two frigates", "provided by 12 jets"). */
function isAgent(tokens: readonly Token[], item: ItemMention): boolean {
  // Back over the phrase's own words ("three Dutch navy patrol boats") to the word that opens it.
  let j = item.first - 1;
  while (j >= 0 && item.first - j <= 6 && /^[a-z0-9][a-z0-9-]*$/.test(lowerAt(tokens, j)) && !PREPOSITIONS.has(lowerAt(tokens, j)) && !/^(?:and|or|but|that|which|who|is|are|was|were|has|have|had|will|would)$/.test(lowerAt(tokens, j))) j--;
  return lowerAt(tokens, j) === 'by' && /(?:ed|en|wn|lt|nt|ld)$/.test(lowerAt(tokens, j - 1));
}

const NO_ITEM: ItemMention = { first: -1, last: -1, start: 0, end: 0, text: '', count: null, category: '', model: null, isNamed: false, makerToken: null, batch: null, partOf: null, isTarget: false, isSubject: false, isRemainder: false };

/** The last word of the list an item opens or continues: members joined by commas, "and", "or", "as well as". */
function listEnd(tokens: readonly Token[], items: readonly ItemMention[], item: ItemMention): number {
  let last = item.last;
  for (const next of items) {
    if (next.first <= last) continue;
    const between = tokens.slice(last + 1, next.first).map((x) => x.text.toLowerCase()).filter((w) => !/^(?:\d[\d,]*|a|an|the|some|about|up|to|more|than|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|[a-z]+teen|[a-z]+ty)$/.test(w));
    if (between.length > 3 || !between.every((w) => /^(?:,|and|or|as|well|plus)$/.test(w))) break;
    last = next.last;
  }
  return last;
}

/**
 * The end (exclusive) of the clause that runs on after `last`: its first clause break, or a comma that opens an attribution or
 * another clause (", according to", ", and", ", after"). An aside between commas ("20 helicopters, made by X, from Y") runs on.
 */
function clauseEnd(tokens: readonly Token[], last: number, sentenceEnd: number): number {
  for (let j = last + 1; j < sentenceEnd; j++) {
    if (CLAUSE_BREAK.has(lowerAt(tokens, j))) return j;
    if (tokens[j]!.text === ',' && /^(?:according|and|but|after|before|since|because|as|while|which|who|when|where|although|though|said|says)$/.test(lowerAt(tokens, j + 1))) return j;
    // "buying air-defence systems to protect its cities from Russian strikes": a purpose infinitive opens a clause of its own
    if (lowerAt(tokens, j) === 'to' && /^[a-z]+$/.test(tokens[j + 1]?.text ?? '') && !PURPOSE_NOT_VERB.test(lowerAt(tokens, j + 1))) return j;
  }
  return sentenceEnd;
}

/** Words after "to" that open a noun phrase, not an infinitive. */
const PURPOSE_NOT_VERB = /^(?:the|a|an|its|their|his|her|our|this|that|these|those|some|all|both|each|every|more|other|another|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|about|around|over|nearly|almost|up)$/;

/** A past form of a verb of trade that opens a clause after "and" ("and bought", "and signed"; not an adjective, "and armoured"). */
const PAST_VERB = /^(?:bought|sold|sent|gave|got|took|won|paid|signed|agreed|ordered|purchased|acquired|received|delivered|approved|announced|placed|awarded|supplied|donated|pledged|promised|transferred|shipped|exported|imported)$/;

/** The end (exclusive) of the words that may still hold a noun's "to Y" after `last`: up to 8 words, stopping at a comma, a clause break or a finite verb. */
function nounPhraseEnd(tokens: readonly Token[], last: number, sentenceEnd: number): number {
  let j = last + 1;
  // ("... for 2 frigates and one for 30 howitzers": an "and one" opens the next deal of a list)
  while (j < sentenceEnd && j - last <= 8 && tokens[j]!.text !== ',' && !CLAUSE_BREAK.has(lowerAt(tokens, j)) && !/^(?:is|are|was|were|has|have|had|will|would|said|says)$/.test(lowerAt(tokens, j)) && !(lowerAt(tokens, j) === 'and' && lowerAt(tokens, j + 1) === 'one')) {
    // ("a contract with Turkey for two corvettes and bought 32 jets from X": "and" before a past verb opens the next clause)
    if (lowerAt(tokens, j) === 'and' && PAST_VERB.test(lowerAt(tokens, j + 1))) return j;
    j++;
  }
  return Math.min(sentenceEnd, Math.max(j, last + 4));
}

function rolesOf(tokens: readonly Token[], states: readonly StateMention[], t: Trigger, item: ItemMention, items: readonly ItemMention[], syntax: SentenceSyntax | undefined, places: readonly StateMention[]): { supplier: string | null; recipients: string[]; isPassive: boolean; otherSuppliers?: string[]; buysForOther?: boolean; byMaker?: boolean } {
  const start = clauseStart(tokens, t.antecedent ?? t.first);
  const sentenceEnd = tokens.length;
  const fromTree = t.entry.frame !== 'noun' ? treeSubject(syntax, tokens, states, t) : undefined;
  // "Chile, which bought X, ordered Y": the state before ", which" does what the relative clause tells, and, once a comma closes it, the main verb too.
  const antecedent = /^(?:which|who)$/.test(lowerAt(tokens, start - 1)) && tokens[start - 2]?.text === ',' ? states.find((s) => s.last === start - 3) ?? null : null;
  const closed = antecedent !== null && tokens.slice(start, t.first).some((x) => x.text === ',');
  // "Turkey was expelled from the programme after buying Russia's S-400": a gerund after "after", "before", "by" or "since" has the
  // main clause's subject for its own.
  // ("For Ankara, which was expelled ... after buying the S-400": in a relative clause, the state it is said of)
  const isGerundAfter = /ing$/.test(lowerAt(tokens, t.first)) && /^(?:after|before|by|since)$/.test(lowerAt(tokens, t.first - 1));
  const gerundStart = isGerundAfter ? clauseStart(tokens, t.first - 1) : -1;
  const gerundAntecedent = isGerundAfter && /^(?:which|who)$/.test(lowerAt(tokens, gerundStart - 1)) && tokens[gerundStart - 2]?.text === ',' ? (states.find((s) => s.last === gerundStart - 3) ?? null) : null;
  const gerundOwner = isGerundAfter ? (subjectBefore(tokens, states, gerundStart, t.first - 1, item, items) ?? gerundAntecedent) : null;
  const subject = fromTree ?? (closed ? antecedent : subjectBefore(tokens, states, start, t.first, item, items) ?? gerundOwner ?? antecedent);
  const maker = makerOf(tokens, states, item);
  // A maker named in another item's phrase ("used Dassault Mirages and new fighters") is that item's maker, not this one's.
  const isInItem = (s: StateMention, i: ItemMention): boolean => i.last >= 0 && s.first >= i.first && s.last <= i.last;
  const makerCompany = states.find((s) => s.kind === 'maker' && !items.some((i) => isInItem(s, i)))?.code ?? states.find((s) => s.kind === 'maker' && isInItem(s, item))?.code ?? null;
  const withBefore = afterPreposition(tokens, states, start, t.first, ['with']);
  // "Wing Loong drones from China and TB2 drones from Turkey": a "from Z" right after the item is that item's own ("from the Czech Republic" too).
  // "Twelve howitzers from Germany arrived", "Patriot batteries from Germany were delivered": so is a subject's.
  // "Patriot batteries from Germany": a unit noun the phrase leaves out stands between the item and its "from".
  const itemEnd = item.last >= 0 && /^(?:batter(?:y|ies)|systems?|units?|squadrons?|battalions?)$/.test(lowerAt(tokens, item.last + 1)) ? item.last + 1 : item.last;
  const fromItem = item.last >= 0 ? afterPreposition(tokens, states, itemEnd + 1, Math.min(sentenceEnd, itemEnd + 4), ['from']) : [];
  // A noun's "from Z" or "by Z" stands in its own phrase ("the sale of 40 jets by Spain"); one past a comma belongs to another clause
  // ("the contract for 14 fighters, which Hungary wanted because of pressure from Serbia, ...").
  // "buying J-10C jets, ..., after failing to obtain F-15s from the United States": a getting verb's "from" stands in its own clause.
  const fromEnd = t.entry.frame === 'noun' && item.last >= 0 ? nounPhraseEnd(tokens, Math.max(listEnd(tokens, items, item), t.last), sentenceEnd) : t.entry.frame === 'get' ? clauseEnd(tokens, Math.max(listEnd(tokens, items, item), t.last), sentenceEnd) : sentenceEnd;
  // A getting verb's seller follows "from"; a "by" after it belongs to another participle ("bought jets in a deal backed by X").
  const fromAfter = fromItem.length ? fromItem : afterPreposition(tokens, states, t.last + 1, fromEnd, t.entry.frame === 'get' ? ['from'] : ['from', 'by']);
  // A noun's "to Y" follows its item closely ("the sale of 40 jets to Chile"); a verb's may come later in the sentence.
  // "the sale of 30 missiles and 10 launchers to Chile": the "to Y" after a list is every member's.
  // "the sale of 30 missiles and related equipment to Chile": the noun phrase runs on to its first comma or clause break.
  const toEnd = t.entry.frame === 'noun' && item.last >= 0 ? nounPhraseEnd(tokens, Math.max(listEnd(tokens, items, item), t.last), sentenceEnd) : sentenceEnd;
  // "12 howitzers to Chile and 30 mortars to Peru": a "to Y" right after the item is that item's own.
  const toItem = item.last >= 0 && item.last >= t.last ? afterPreposition(tokens, states, item.last + 1, Math.min(toEnd, item.last + 3), ['to']) : [];
  const toAfter = toItem.length ? toItem : afterPreposition(tokens, states, t.last + 1, toEnd, ['to']);
  const passive = isPassive(tokens, t) || isReducedPassive(tokens, t, item);
  const { frame } = t.entry;
  if (t.entry.id === 'carry-arriving') return carriedRoles(tokens, states, t, item, syntax, places);
  const word = lowerAt(tokens, t.antecedent ?? t.first);
  if (frame === 'give' && !passive) {
    // "provide Chile with", "supply the Estonians with", "gave Latvia 12": the state right after the verb receives.
    // "supplied the military regime in Myanmar with helicopters": a state inside the object before "with" and the item receives.
    const withAt = item.first > t.last ? tokens.findIndex((x, i) => i > t.last && i < item.first && lowerAt(tokens, i) === 'with') : -1;
    const inObject = withAt > t.last + 1 && withAt - t.last <= 8 && !tokens.slice(t.last + 1, withAt).some((x) => x.text === ',' || CLAUSE_BREAK.has(x.text.toLowerCase())) ? states.find((s) => s.first > t.last && s.last < withAt && s.kind !== 'made' && s.kind !== 'maker' && !/^(?:from|by)$/.test(prepositionBefore(tokens, s) ?? '')) : undefined;
    // "Kenya said Italy had sold it 12 jets": "it" after the verb is the state that speaks.
    const say = lowerAt(tokens, t.last + 1) === 'it' ? tokens.findIndex((x, i) => i < t.first && SAYING.test(x.text.toLowerCase())) : -1;
    const speaker = say > 0 ? [...states].reverse().find((s) => s.last < say && s.kind !== 'made' && prepositionBefore(tokens, s) === null) : undefined;
    // "Turkey has supplied Kenya with weapons": without an item read, the state right after the verb still receives (for what follows).
    // ("the 18 tanks it promised Ukraine": in a relative clause on the item, the item comes first and the state after the verb receives)
    const direct = states.find((s) => s.first > t.last && s.first <= t.last + 2 && prepositionBefore(tokens, s) === null && (s.last < item.first || item.last < 0 || item.last < t.first)) ?? inObject ?? speaker;
    // "supplies Azerbaijan and Ukraine with drones": every state of a conjoined object receives.
    let recipients = toAfter.length ? toAfter : direct ? conjoined(tokens, states, direct) : withBefore;
    // "is building four corvettes for Saudi Arabia": the state right after the item's "for" is the customer.
    if (t.entry.id === 'build-for') recipients = item.last > t.last ? afterPreposition(tokens, states, item.last + 1, Math.min(sentenceEnd, item.last + 4), ['for']) : [];
    // "Norway helped Chile by sending tanks", "lent weight to Moscow's army by shipping shells": a means clause gives to
    // the state its main verb helps (its object, or the one after "to").
    // ("violated its sovereignty by sending a supply boat": only a verb of helping has a state it gives to)
    if (recipients.length === 0 && lowerAt(tokens, t.first - 1) === 'by' && tokens.slice(start, t.first - 1).some((x) => HELPING_VERBS.test(x.text))) {
      const helped = states.find((s) => s.first >= start && s.last < t.first - 1 && s !== subject && s.kind !== 'made' && s.kind !== 'maker' && /^(?:to|null)$/.test(prepositionBefore(tokens, s) ?? 'null') && !items.some((i) => s.first >= i.first && s.last <= i.last));
      if (helped && helped.code !== subject?.code) recipients = [helped.code];
    }
    const otherSuppliers = subject ? conjoined(tokens, states, subject).filter((c) => c !== subject.code && !recipients.includes(c)) : [];
    return { supplier: subject?.code ?? maker ?? makerCompany, recipients, isPassive: false, otherSuppliers, byMaker: subject?.kind === 'maker' };
  }
  if (frame === 'give' || (frame === 'noun' && passive)) {
    // "the frigate built for Chile was handed over by Spain": who the item was built for receives it.
    const builtFor = item.last >= 0 && item.last < t.first ? afterPreposition(tokens, states, item.last + 1, t.first, ['for']) : [];
    if (!toAfter.length && !builtFor.length && isReducedPassive(tokens, t, item)) {
      // "Ukraine has used the launchers supplied by Z", "the air force, which operates 36 jets delivered by Z": the user or owner received them.
      let from = clauseStart(tokens, item.first);
      if (/^(?:which|who)$/.test(lowerAt(tokens, from - 1))) from = clauseStart(tokens, from - 1);
      const owner = subjectBefore(tokens, states, from, item.first, item, items);
      const supplier = fromAfter[0] ?? maker ?? makerCompany ?? null;
      return { supplier, recipients: owner && owner.code !== supplier ? [owner.code] : [], isPassive: true };
    }
    // "Kenya is to be supplied with 40 missiles by Italy": the subject of a passive "supplied with" receives.
    if (lowerAt(tokens, t.last + 1) === 'with' && item.first > t.last) return { supplier: fromAfter[0] ?? maker ?? makerCompany ?? null, recipients: toAfter.length ? toAfter : subject ? [subject.code] : [], isPassive: true };
    // "Poland was given two Patriot batteries by Germany", "Latvia has been promised 40 tanks": a passive with the item right after
    // the verb keeps its second object; its subject is who receives.
    if (subject && item.first > t.last && item.first - t.last <= 2 && !toAfter.length) return { supplier: fromAfter[0] ?? maker ?? makerCompany ?? null, recipients: [subject.code], isPassive: true };
    return { supplier: fromAfter[0] ?? maker ?? makerCompany ?? subject?.code ?? null, recipients: toAfter.length ? toAfter : builtFor, isPassive: true };
  }
  if (frame === 'get' && isReducedGet(tokens, t, item)) {
    // "the frigate ordered by Chile": the agent got it; "Chile flies F-16s acquired from Z": the state that owns or uses the item got it.
    const by = lowerAt(tokens, t.last + 1) === 'by' ? afterPreposition(tokens, states, t.last + 1, Math.min(sentenceEnd, t.last + 5), ['by']) : [];
    // "the frigate ordered by Kenya from Italy": a "from Z" right after the agent names the seller too.
    const agent = by.length ? states.find((s) => s.first > t.last + 1 && s.first <= t.last + 5 && s.code === by[0]) : undefined;
    const fromAgent = agent && lowerAt(tokens, agent.last + 1) === 'from' ? afterPreposition(tokens, states, agent.last + 1, Math.min(sentenceEnd, agent.last + 5), ['from']) : [];
    const supplier = lowerAt(tokens, t.last + 1) === 'from' ? (fromAfter[0] ?? null) : (fromAgent[0] ?? maker ?? null);
    const owner = by.length ? null : subjectBefore(tokens, states, clauseStart(tokens, item.first), item.first, item, items);
    const recipients = by.length ? by : owner ? [owner.code] : [];
    return { supplier, recipients: recipients.filter((r) => r !== supplier), isPassive: true };
  }
  if (frame === 'get' && passive) {
    // "The frigate was commissioned into the Chilean Navy", "the jets were bought by Peru": the agent or the force it joins got it.
    const by = afterPreposition(tokens, states, t.last + 1, sentenceEnd, ['by', 'into']);
    // "Two frigates built in China for the Pakistan Navy were commissioned": a participle of making right after the item names the
    // maker ("in", "by") and the customer ("for")
    const isMade = item.last >= 0 && item.last + 1 < t.first && MAKING.test(lowerAt(tokens, item.last + 1));
    const madeIn = isMade ? afterPreposition(tokens, states, item.last + 2, t.first, ['in']) : [];
    const madeFor = isMade ? afterPreposition(tokens, states, item.last + 2, t.first, ['for']) : [];
    const supplier = afterPreposition(tokens, states, t.last + 1, sentenceEnd, ['from'])[0] ?? maker ?? makerCompany ?? madeIn[0] ?? null;
    return { supplier, recipients: (by.length ? by : madeFor).filter((r) => r !== supplier), isPassive: true };
  }
  // "Germany will buy 20 howitzers for Ukraine": a state buying for another gives what it buys; the maker's state is no party.
  const buysFor = frame === 'get' && (t.entry.id === 'buy' || t.entry.id === 'acquire') && item.last >= 0 ? afterPreposition(tokens, states, item.last + 1, Math.min(sentenceEnd, item.last + 3), ['for']) : [];
  if (buysFor.length && subject && !buysFor.includes(subject.code)) return { supplier: subject.code, recipients: buysFor, isPassive: false, buysForOther: true };
  if (frame === 'get') {
    const possessive = states.find((s) => s.kind === 'possessive' && s.first > t.last && s.last < item.first);
    const recipient = subject?.code ?? null;
    // "Colombia and Peru have bought the jet": every state of a conjoined subject gets it.
    const recipients = subject ? conjoined(tokens, states, subject).filter((c) => c !== fromAfter[0]) : [];
    // "placed an order with Spain for four corvettes": a "with" right after a buying predicate names the seller.
    const withSeller = lowerAt(tokens, t.last + 1) === 'with' ? afterPreposition(tokens, states, t.last + 1, Math.min(sentenceEnd, t.last + 4), ['with'])[0] : undefined;
    return { supplier: fromAfter[0] ?? withBefore[0] ?? withSeller ?? possessive?.code ?? maker ?? (makerCompany !== recipient ? makerCompany : null), recipients, isPassive: false, otherSuppliers: fromAfter.slice(1).filter((c) => !recipients.includes(c)) };
  }
  if (frame === 'arrive') {
    // "arrived in Australia"; "arrived in Sydney": where no state is named, the state of the place named right after the preposition.
    const destination = afterPreposition(tokens, states, t.last + 1, sentenceEnd, ['in', 'at', 'to']).slice(0, 1);
    const at = destination.length ? destination : afterPreposition(tokens, places, t.last + 1, Math.min(sentenceEnd, t.last + 3), ['in', 'at', 'to']).slice(0, 1);
    // "a Russian frigate arrived in Havana": a ship the phrase calls a state's sails under its flag, a port call and no transfer.
    const owner = ownerOf(tokens, states, item);
    const isOwnShip = item.category === 'ships' && maker !== null && maker === owner;
    // "Ukraine's first F-16 jets arrived at an air base": a state's new equipment of another state's model came from that state.
    const origin = item.model?.origin ?? null;
    if (!fromAfter[0] && owner && maker === owner && origin && origin !== owner) return { supplier: origin, recipients: [owner], isPassive: false };
    const supplier = fromAfter[0] ?? (isOwnShip ? null : maker) ?? makerCompany;
    return { supplier, recipients: isOwnShip && !fromAfter[0] ? [] : at.filter((c) => c !== supplier), isPassive: false };
  }
  // A transfer noun: prepositions first, then the clause's subject fills the free role.
  // "Chile's F-16 request", "India's Rafale deal": the possessor of an item that modifies a deal noun is the buyer, not the maker.
  const buyer = BUYER_NOUNS.has(word) && item.last >= 0 && item.last === t.first - 1 ? states.find((s) => s.kind === 'possessive' && s.last < item.first && s.last >= item.first - 2) : undefined;
  let supplier = fromAfter[0] ?? (buyer ? null : maker) ?? null;
  // "an aid package for Jordan": who a package is for receives it.
  let recipients = toAfter.length || !/^(?:package|packages|aid|assistance)$/.test(word) ? toAfter : afterPreposition(tokens, states, t.last + 1, sentenceEnd, ['for']);
  // "a contract covering 24 trainers for Nigeria's air force": a "for" right after a deal's item names its customer.
  if (recipients.length === 0 && item.last >= 0 && item.first > t.last) recipients = afterPreposition(tokens, states, item.last + 1, Math.min(sentenceEnd, item.last + 3), ['for']);
  // "Hanwha won a $2 billion order from Romania": an order won comes from the buyer; the winner, the subject, supplies.
  if (BUYER_NOUNS.has(word) && fromAfter[0] && !toAfter.length && isDealWon(tokens, start, t.last + 1)) {
    recipients = [fromAfter[0]];
    supplier = null;
  }
  // "Kenya, which borders Somalia, signed a contract with Turkey": past a closed relative clause, its antecedent is the subject, not the states inside it.
  const ownFrom = closed ? tokens.findLastIndex((x, i) => i >= start && i < t.first && x.text === ',') + 1 : start;
  const subjects = [...(closed && antecedent ? [antecedent] : []), ...states.filter((s) => s.first >= ownFrom && s.last < t.first && s.kind !== 'made' && prepositionBefore(tokens, s) === null && !(s.first >= item.first && s.last <= item.last))];
  const isBuyerNoun = BUYER_NOUNS.has(word);
  if (buyer && recipients.length === 0 && buyer.code !== supplier) recipients = [buyer.code];
  for (const s of [...subjects].reverse()) {
    if (s.code === supplier || recipients.includes(s.code)) continue;
    if (recipients.length === 0 && (isBuyerNoun || supplier !== null)) recipients = [s.code];
    else if (supplier === null) supplier = s.code;
  }
  // "Qatar signed a deal with Italy for 28 helicopters": the party after "with" is the seller, unless the subject is a maker ("Hanwha signed a contract with Norway").
  // "a deal worth $2 billion with Sweden for 14 jets": the "with" may stand anywhere between the noun and its item.
  const withAfter = isBuyerNoun ? afterPreposition(tokens, states, t.last + 1, Math.min(sentenceEnd, Math.max(t.last + 4, item.first)), ['with'])[0] : undefined;
  if (withAfter && !recipients.includes(withAfter) && withAfter !== supplier) {
    const subject = subjects[subjects.length - 1];
    if (subject?.kind === 'maker') {
      supplier = subject.code;
      recipients = [withAfter];
    } else supplier ??= withAfter;
  }
  if (withBefore[0] && withBefore[0] !== supplier && recipients.length === 0) recipients = [withBefore[0]];
  supplier ??= makerCompany;
  return { supplier, recipients, isPassive: false };
}
