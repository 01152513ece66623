/**
 * Reads an event's arguments from the sentence's dependency tree (UD v2): who acted (`nsubj`, the
 * `obl:agent` of a passive, the possessor of an event noun), on whom (`obj`, `iobj`, an `obl` or
 * `nmod` with to/with/against/on/into/at), and what kind of clause the predicate stands in
 * (negated, conditional, capability, purpose, intended through an `xcomp` chain, a question).
 */
import type { Modality, SentenceSyntax, SyntaxWord } from '../../core/doc.js';
import { baseRelation, childrenOf, dependent, dependents, subtree } from '../syntax/tree.js';

/** What the tree says about one predicate. Word indices are into `syntax.words`; -1 where absent. */
export interface TreeReading {
  predicate: number;
  /** Head word of the phrase that names who acted. */
  source: number;
  /**
   * The subject is a relative pronoun ("Ukraine, which has been fighting ..."): the source is what it
   * stands for, never the main clause's subject. `sourceNext` is the noun or name just before the
   * pronoun when the parser hung the clause on another noun ("14 howitzers to Ukraine, which ...": on
   * "howitzers"), to be read when the parser's choice names no actor (-1: none, or the same word).
   * Also set for a noun that names its own doer ("police detained protesters": the protesters
   * protested, never the police).
   */
  isRelativeSource?: boolean;
  sourceNext?: number;
  /** Head word of the phrase that names whom the act was aimed at: the first of `targets` that names an actor. */
  target: number;
  /**
   * The phrases that may name the target, best first: the indirect object, the object, an object's
   * "to/with/against" phrase, the verb's own to/with/against/on/into phrase ("sent arms to X").
   */
  targets: number[];
  /** Whether the predicate is a passive verb (its grammatical subject is the one acted on). */
  isPassive: boolean;
  /** The modality the clause gives the act, or null when the tree says nothing against "asserted". */
  modality: Modality | null;
  /** "can strike", "is able to reach": an ability, not an act. */
  isCapability: boolean;
  /** "Iran's actions threaten peace": the subject is someone's conduct, so the clause judges it and states no act. */
  isConduct: boolean;
  /**
   * Why the clause states no act of its own, or null: a purpose ("sent troops to help X"), what someone
   * must or should do ("X must hand over"), a participle naming a noun's attribute ("the visiting envoy"),
   * the setting of another act ("recalled its envoy after talks with X"), a naming ("called the move a provocation").
   */
  background: 'purpose' | 'obligation' | 'attribute' | 'setting' | 'naming' | null;
  /**
   * "X pledges air defence for Y", "offered two field hospitals": a verb of commitment with an object.
   * Where the act is an intent to cooperate (CAMEO 03), what is promised is still to come (planned);
   * "offered condolences" is done in the offering, so the coder decides by the code.
   */
  isCommitment: boolean;
}

/** Prepositions and conjunctions of a phrase that sets the scene or gives the reason ("over the crackdown"; lemmas: "following" is read as "follow"). */
const SETTING_MARKS = new Set(['after', 'following', 'follow', 'before', 'since', 'amid', 'despite', 'over']);

/** "after the raid on X", "following talks with Y": an act named by a noun in a phrase that sets the scene. */
function isSetting(syntax: SentenceSyntax, p: number): boolean {
  const w = word(syntax, p);
  const rel = baseRelation(w.deprel);
  // A clause with its own subject ("after the Taliban intensified their offensives") tells an act of its own.
  if (rel !== 'obl' && rel !== 'nmod') return false;
  return dependents(syntax, p, 'case', 'mark').some((k) => SETTING_MARKS.has(lemmaOf(word(syntax, k))) || SETTING_MARKS.has(word(syntax, k).text.toLowerCase()));
}

/** Auxiliaries of obligation: "must withdraw", "should release" (the demand is the event, not the act). */
const OBLIGATION_AUX = new Set(['must', 'should', 'ought']);
/** Words before a noun that a participle between them and the noun describes: "the visiting", "Jordan's ruling". */
const ATTRIBUTE_OPENERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those', "'s", '’s']);

/** Why a verb's clause states no act of its own (see TreeReading.background), or null. */
function backgroundOf(syntax: SentenceSyntax, p: number): TreeReading['background'] {
  const w = word(syntax, p);
  const rel = baseRelation(w.deprel);
  const marks = dependents(syntax, p, 'mark').map((k) => lemmaOf(word(syntax, k)));
  // "sent envoys to calm X": an infinitive adjunct without its own subject is the aim, not the deed
  // (a noun's "to" clause, "plans to impose", is its content and is read through the noun).
  // "signed a contract on Friday to supply X": hung on the verb, the infinitive is still the deal's content.
  if (rel === 'advcl' && marks.includes('to') && !dependents(syntax, p, 'nsubj').length && !holdsDeal(syntax, w.head)) return 'purpose';
  // "sent troops to help the island defend itself": a verb complementing a purpose is part of the aim.
  if (rel === 'xcomp' && w.head >= 0 && backgroundOf(syntax, w.head) === 'purpose') return 'purpose';
  if (dependents(syntax, p, 'aux').some((k) => OBLIGATION_AUX.has(lemmaOf(word(syntax, k))))) return 'obligation';
  // "the visiting envoy", "Jordan's ruling party": a participle between a determiner or possessive and a noun.
  const before = syntax.words[p - 1];
  const after = syntax.words[p + 1];
  const isParticiple = /(?:ing|ed)$/i.test(w.text);
  if (isParticiple && before && after && ATTRIBUTE_OPENERS.has(before.text.toLowerCase()) && ['NOUN', 'PROPN', 'ADJ'].includes(after.upos)) return 'attribute';
  if (isSetting(syntax, p)) return 'setting';
  // "called the move a provocation", "named him envoy": an object with a noun predicate is a naming, not the verb's act.
  if (dependent(syntax, p, 'obj') >= 0 && dependents(syntax, p, 'xcomp').some((x) => word(syntax, x).upos === 'NOUN')) return 'naming';
  if (namesObject(syntax, p)) return 'naming';
  return null;
}

/** Nouns of a deal whose "to" clause says what was agreed: "a contract to supply", "a deal to buy". */
const DEAL_NOUNS = new Set(['contract', 'deal', 'agreement', 'accord', 'pact', 'memorandum', 'treaty', 'letter']);

/** Whether a verb's object is a deal ("signed a contract", "struck a deal"). */
function holdsDeal(syntax: SentenceSyntax, p: number): boolean {
  return p >= 0 && dependents(syntax, p, 'obj').some((o) => DEAL_NOUNS.has(lemmaOf(word(syntax, o))));
}

/** Verbs that give their object a name or a verdict in a second noun phrase: "called X a Y", "branded X a Y". */
export const NAMING_VERBS = new Set(['call', 'name', 'dub', 'label', 'brand', 'term', 'declare', 'deem', 'pronounce']);
/** Nouns of time, which follow an object bare without naming it ("called the envoy last week"). */
const TIME_NOUNS = new Set(['day', 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'time', 'hour', 'today', 'yesterday', 'tonight']);

/**
 * "called the ballot in the province a farce": a verb of naming with an object and, after it, a bare
 * noun phrase (no preposition) that the parser may hang anywhere: on the verb (xcomp, obj, iobj, an
 * unmarked obl), or as an apposition to the object or a noun inside the object's phrase.
 */
function namesObject(syntax: SentenceSyntax, p: number): boolean {
  if (!NAMING_VERBS.has(lemmaOf(word(syntax, p)))) return false;
  const o = dependent(syntax, p, 'obj');
  if (o < 0) return false;
  const inObject = new Set<number>([o]);
  for (let k = o + 1; k < syntax.words.length; k++) if (inObject.has(word(syntax, k).head) && baseRelation(word(syntax, k).deprel) === 'nmod') inObject.add(k);
  for (let k = o + 1; k < syntax.words.length; k++) {
    const w = word(syntax, k);
    if (w.upos !== 'NOUN' || TIME_NOUNS.has(lemmaOf(w)) || dependent(syntax, k, 'case') >= 0) continue;
    const rel = baseRelation(w.deprel);
    const onVerb = w.head === p && ['xcomp', 'obj', 'iobj', 'obl', 'appos'].includes(rel) && w.deprel !== 'obl:tmod';
    const onObject = inObject.has(w.head) && rel === 'appos';
    // "called the president, a close ally, on Monday": a phrase set off by a comma describes the object, it names nothing.
    const left = Math.min(k, ...subtree(syntax, k).filter((i) => word(syntax, i).upos !== 'PUNCT'));
    if ((onVerb || onObject) && syntax.words[left - 1]?.text !== ',') return true;
  }
  return false;
}

/** Prepositions whose object is the one acted on or dealt with; "in", "near", "at" name places. */
const TARGET_CASES = new Set(['to', 'with', 'against', 'on', 'into', 'toward', 'towards', 'upon', 'onto']);
/** Verbs of aiming something: their "at" phrase names whom it is aimed at ("fired tear gas at protesters", "threw stones at police"). */
const AIMING_VERBS = new Set(['fire', 'shoot', 'throw', 'hurl', 'lob', 'aim', 'point', 'launch', 'direct']);
/** Verbs of taking ground or goods, whose "from" phrase names the loser: "recaptured the town from X". */
const TAKING_VERBS = new Set(['capture', 'recapture', 'seize', 'take', 'retake', 'wrest', 'regain', 'reclaim', 'snatch', 'liberate', 'win', 'grab']);
/** Prepositions that attach a noun-predicate's target: "a visit to", "talks with", "strikes on", "sale of ... to". */
const NOUN_TARGET_CASES = new Set(['to', 'with', 'against', 'on', 'into', 'toward', 'towards', 'upon', 'at']);
/** Verbs that pass their subject to an infinitive and make it intended, not done: "promised to ship". */
const INTENT_VERBS = new Set([
  'agree', 'plan', 'intend', 'want', 'wish', 'hope', 'decide', 'promise', 'pledge', 'vow', 'offer', 'seek', 'try',
  'attempt', 'aim', 'expect', 'prepare', 'threaten', 'propose', 'consider', 'mean', 'undertake', 'resolve', 'volunteer',
]);
/** Verbs of commitment whose object is what is promised, not yet given: "pledged tanks", "offered aid". */
const COMMISSIVE_VERBS = new Set(['pledge', 'promise', 'vow', 'offer']);
/** Auxiliaries of possibility: "could reach", "may attack". */
const CAPABILITY_AUX = new Set(['can', 'could', 'may', 'might']);
/** Auxiliaries of a future or obligation: "will send", "is to visit", "would sign". */
const FUTURE_AUX = new Set(['will', 'shall', 'would', "'ll", 'wo']);
const RELATIVE_PRONOUNS = new Set(['which', 'who', 'that', 'whom']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
const CONDITION_MARKS = new Set(['if', 'unless', 'whether']);
/** Light verbs whose object noun is the event: "held talks", "launched strikes", "paid a visit". */
const LIGHT_VERBS = new Set(['hold', 'launch', 'carry', 'conduct', 'make', 'pay', 'stage', 'begin', 'start', 'mount', 'open', 'resume', 'sign', 'reach', 'have', 'kick']);

function word(syntax: SentenceSyntax, i: number): SyntaxWord {
  return syntax.words[i] as SyntaxWord;
}

function lemmaOf(w: SyntaxWord): string {
  return (w.lemma || w.text).toLowerCase();
}

/** The preposition (`case` child) of a nominal, lower case, or ''. */
export function caseOf(syntax: SentenceSyntax, i: number): string {
  const c = dependent(syntax, i, 'case');
  return c >= 0 ? lemmaOf(word(syntax, c)) : '';
}

/** The first argument of `head` that a relation and preposition test accept. */
function firstArgument(syntax: SentenceSyntax, head: number, relations: string[], cases: ReadonlySet<string> | null): number {
  for (const i of dependents(syntax, head, ...relations)) {
    if (cases === null || cases.has(caseOf(syntax, i))) return i;
  }
  return -1;
}

/**
 * The verb a subjectless predicate borrows its subject from, following the chain up: an `xcomp`
 * ("promised to ship"), a conjunct verb ("met and signed"), a purpose clause ("struck to protest").
 */
function subjectDonor(syntax: SentenceSyntax, p: number): { donor: number; viaIntent: boolean } {
  let viaIntent = false;
  let i = p;
  for (let guard = 0; guard < 8; guard++) {
    const w = word(syntax, i);
    const rel = baseRelation(w.deprel);
    const isPurpose = rel === 'advcl' && dependents(syntax, i, 'mark').some((k) => lemmaOf(word(syntax, k)) === 'to');
    // "Protesters gathered in Tbilisi demanding elections": a participle of manner with no subject or marker of its own does
    // what the clause's subject does (a "for" or "of" clause states a reason or a charge, a "with" one an absolute).
    // (right after the verb, an adverb, or a phrase of place or time of that verb: "with inspectors probing sites" is the inspectors' act)
    const isManner = rel === 'advcl' && /ing$/i.test(w.text) && dependents(syntax, i, 'nsubj', 'mark', 'case').length === 0 && i > 0 && followsOwnVerbPhrase(syntax, i);
    if (w.head < 0 || (rel !== 'xcomp' && rel !== 'conj' && !isPurpose && !isManner)) break;
    if (rel === 'xcomp' && INTENT_VERBS.has(lemmaOf(word(syntax, w.head)))) viaIntent = true;
    i = w.head;
    if (dependent(syntax, i, 'nsubj', 'obl:agent') >= 0) break;
  }
  return { donor: i, viaIntent };
}

/** Cases of a phrase of place or time. */
const SCENE_CASES = new Set(['in', 'at', 'outside', 'inside', 'near', 'on', 'across', 'through', 'along', 'around', 'throughout', 'during']);

/** Whether the word before a participle is its head verb, an adverb, or ends a phrase of place or time of that verb (no comma between). */
function followsOwnVerbPhrase(syntax: SentenceSyntax, i: number): boolean {
  const head = word(syntax, i).head;
  const before = i - 1;
  if (before === head) return true;
  const b = word(syntax, before);
  if (b.upos === 'ADV') return true;
  // the phrase the word before belongs to, up to the head verb's own dependent
  let k = before;
  for (let guard = 0; guard < 6 && k >= 0 && word(syntax, k).head !== head; guard++) k = word(syntax, k).head;
  if (k < 0 || word(syntax, k).head !== head) return false;
  const rel = word(syntax, k).deprel;
  return rel === 'obl:tmod' || (baseRelation(rel) === 'obl' && SCENE_CASES.has(caseOf(syntax, k)));
}

/** The modality the clause around a verb gives it, from its own dependents and its attachment. */
function clauseModality(syntax: SentenceSyntax, p: number, viaIntent: boolean): Modality | null {
  const kids = dependents(syntax, p, 'advmod', 'aux', 'mark', 'det', 'part');
  for (const k of kids) if (NEGATORS.has(lemmaOf(word(syntax, k)))) return 'negated';
  const w = word(syntax, p);
  // "had no plans to send troops", "has no intention of attacking": an act a denied plan or intention names is negated
  if ((baseRelation(w.deprel) === 'acl' || baseRelation(w.deprel) === 'advcl') && w.head >= 0 && dependents(syntax, w.head, 'det').some((k) => word(syntax, k).text.toLowerCase() === 'no')) return 'negated';
  const rel = w.deprel;
  const marks = dependents(syntax, p, 'mark').map((k) => lemmaOf(word(syntax, k)));
  if (rel.startsWith('advcl') && marks.some((m) => CONDITION_MARKS.has(m))) return 'hypothetical';
  const auxes = dependents(syntax, p, 'aux').map((k) => lemmaOf(word(syntax, k)));
  if (auxes.some((a) => CAPABILITY_AUX.has(a))) return 'hypothetical';
  if (viaIntent || auxes.some((a) => FUTURE_AUX.has(a))) return 'planned';
  const last = syntax.words[syntax.words.length - 1];
  if (w.head === -1 && last?.text === '?') return 'hypothetical';
  return null;
}

/** "is able to strike", "has the capacity to reach": the verb is an infinitive below able/capable/capacity/ability. */
function isAbleTo(syntax: SentenceSyntax, p: number): boolean {
  const w = word(syntax, p);
  // "forces capable of fighting Islamic State on their own": a gerund of "capable of" too
  if (w.head >= 0 && /^(?:advcl|acl)/.test(w.deprel) && /^(?:capable|incapable)$/.test(lemmaOf(word(syntax, w.head)))) return true;
  if (w.head < 0 || !/^(?:xcomp|acl)/.test(w.deprel)) return false;
  return /^(?:able|capable|capacity|capability|ability)$/.test(lemmaOf(word(syntax, w.head)));
}

/**
 * The noun a relative pronoun stands for: the head of its `acl:relcl` clause, else (a clause the parser
 * attached elsewhere) the nearest noun or name before the pronoun.
 */
function antecedentOf(syntax: SentenceSyntax, p: number, pronoun: number): number {
  if (word(syntax, p).deprel === 'acl:relcl') return word(syntax, p).head;
  return nounBefore(syntax, pronoun);
}

/** The noun or name right before a relative pronoun, past its comma ("Ukraine" of "to Ukraine, which"), or -1. */
function nounBefore(syntax: SentenceSyntax, pronoun: number): number {
  for (let i = pronoun - 1; i >= 0; i--) {
    const upos = word(syntax, i).upos;
    if (upos === 'NOUN' || upos === 'PROPN') return i;
    if (upos !== 'PUNCT') break;
  }
  return -1;
}

/** Words that quantify a relative pronoun: "both of which", "all of whom". */
const QUANTIFIERS = new Set(['both', 'all', 'some', 'none', 'each', 'many', 'most', 'one', 'two', 'three']);

/** Nouns of an intent whose infinitive tells what their holder means to do: "plans to buy", "a bid to join", "its decision to leave". */
const INTENT_NOUNS = new Set(['plan', 'intention', 'bid', 'attempt', 'effort', 'decision', 'offer', 'promise', 'threat', 'pledge', 'proposal', 'move']);

/** Nouns naming what someone does or says, judged as a whole ("its actions", "Moscow's moves", "their rhetoric"). */
const CONDUCT_NOUNS = new Set(['action', 'actions', 'move', 'behaviour', 'behavior', 'conduct', 'policy', 'rhetoric', 'remark', 'statement', 'activity', 'provocation', 'decision', 'step']);

/**
 * Whether a subject is an actor's conduct: a noun of conduct with a possessor ("Iran's actions", "their
 * policies"). Such a clause judges what the possessor did ("threaten peace", "destabilise the region");
 * the possessor is not the one acting in it.
 */
function isConductOf(syntax: SentenceSyntax, subject: number): boolean {
  if (subject < 0) return false;
  const w = word(syntax, subject);
  return w.upos === 'NOUN' && CONDUCT_NOUNS.has(lemmaOf(w)) && dependent(syntax, subject, 'nmod:poss') >= 0;
}

/** A passive's doer: its `obl:agent`, else an `obl` with "by"; -1 when none. */
function agentOf(syntax: SentenceSyntax, p: number): number {
  const agent = dependent(syntax, p, 'obl:agent');
  return agent >= 0 ? agent : firstArgument(syntax, p, ['obl'], new Set(['by']));
}

const isPastForm = (text: string): boolean => /(?:ed|en|wn|ld|ght|nt)$/i.test(text);

/**
 * Whether a verb is a past participle hung on a noun with no subject or auxiliary of its own ("hostages held by", "a man suspected
 * of"), not a relative clause ("the jets it has ordered").
 */
export function isParticipleOnNoun(syntax: SentenceSyntax, p: number): boolean {
  return word(syntax, p).deprel === 'acl' && isPastForm(word(syntax, p).text) && dependent(syntax, p, 'nsubj') < 0 && dependent(syntax, p, 'aux') < 0 && dependent(syntax, p, 'aux:pass') < 0;
}

/** Whether the sentence's root is a verb. */
function isVerbRooted(syntax: SentenceSyntax): boolean {
  return syntax.words.some((w) => w.head < 0 && w.upos === 'VERB');
}

/** An -ing participle set off by a comma (", killing four people") hung as `acl` on a noun inside a prepositional phrase. */
function isCommaParticipleOnPhrase(syntax: SentenceSyntax, p: number): boolean {
  const w = word(syntax, p);
  if (baseRelation(w.deprel) !== 'acl' || !/ing$/i.test(w.text) || p === 0 || syntax.words[p - 1]?.text !== ',') return false;
  const h = word(syntax, w.head);
  return /^(?:obl|nmod)$/.test(baseRelation(h.deprel)) && caseOf(syntax, w.head) !== '';
}

/** The noun phrase right before word `p` when a "with" opens it (its first conjunct), or -1: "with Italy and France contributing". */
function withSubjectBefore(syntax: SentenceSyntax, p: number): number {
  const k = p - 1;
  if (k < 0) return -1;
  const w = word(syntax, k);
  if (w.upos !== 'PROPN' && w.upos !== 'NOUN') return -1;
  // the conjunct chain back to its first member
  let first = k;
  while (baseRelation(word(syntax, first).deprel) === 'conj' && word(syntax, first).head >= 0 && word(syntax, first).head < first) first = word(syntax, first).head;
  return caseOf(syntax, first) === 'with' ? first : -1;
}

/** The subject of the nearest verb above a word (climbing through its heads), or -1. */
function clauseSubjectAbove(syntax: SentenceSyntax, i: number): number {
  for (let k = i, guard = 0; k >= 0 && guard < 12; k = word(syntax, k).head, guard++) {
    if (word(syntax, k).upos === 'VERB') return dependent(syntax, k, 'nsubj');
  }
  return -1;
}

/** Reads a verb predicate's source, target and clause. */
function readVerb(syntax: SentenceSyntax, p: number): TreeReading {
  const { donor, viaIntent } = subjectDonor(syntax, p);
  const passiveSubject = dependent(syntax, p, 'nsubj:pass');
  // "hostages held by Boko Haram": a participle hung on a noun, with a "by" doer, is a passive whose sufferer is that noun.
  // "a man suspected of spying": without a "by" doer too, where the sentence has a verb of its own for its root (a root noun
  // with the only verb hung on it, "Thousands of protesters rallied", is a misread main clause).
  // Not "a ship they had seized, in a mediation by Oman": a perfect with "had/has/have" is active whatever "by" phrase the parser gave it.
  const isPerfect = dependents(syntax, p, 'aux').some((k) => /^(?:have|has|had|having)$/i.test(word(syntax, k).text));
  const isReducedPassive = (baseRelation(word(syntax, p).deprel) === 'acl' && isPastForm(word(syntax, p).text) && agentOf(syntax, p) >= 0 && !isPerfect) || (isParticipleOnNoun(syntax, p) && dependent(syntax, p, 'obj') < 0 && isVerbRooted(syntax));
  // "Somali forces backed by US strikes killed ...", misread as the main verb with a subject: a "by" agent makes any verb passive.
  // Not "rejected calls by X": a verb with an object of its own is active, and the "by" phrase belongs to the object.
  const hasAgent = dependent(syntax, p, 'obl:agent') >= 0 && dependent(syntax, p, 'obj') < 0 && isPastForm(word(syntax, p).text) && !isPerfect;
  const isPassive = passiveSubject >= 0 || dependent(syntax, p, 'aux:pass') >= 0 || isReducedPassive || hasAgent;
  let source: number;
  let isRelativeSource = false;
  let sourceNext = -1;
  const targets: number[] = [];
  if (isPassive) {
    source = agentOf(syntax, p);
    if (passiveSubject >= 0) targets.push(passiveSubject);
    else if (isReducedPassive) targets.push(word(syntax, p).head);
    else if (hasAgent) targets.push(...dependents(syntax, p, 'nsubj'));
  } else {
    // Two subjects on one verb: the parser hung a phrase before it there as well ("a charge Yerevan
    // denied"); the one nearest before the verb is its own.
    const subjects = dependents(syntax, p, 'nsubj');
    source = subjects.length > 1 ? (subjects.filter((i) => i < p).pop() ?? (subjects[0] as number)) : (subjects[0] ?? -1);
    // "Iran, which attacked Israel": a relative pronoun stands for the noun the clause describes.
    if (source >= 0 && RELATIVE_PRONOUNS.has(lemmaOf(word(syntax, source)))) {
      isRelativeSource = true;
      const next = nounBefore(syntax, source);
      source = antecedentOf(syntax, p, source);
      if (next !== source) sourceNext = next;
    } else if (source >= 0 && QUANTIFIERS.has(lemmaOf(word(syntax, source))) && dependents(syntax, source, 'nmod').some((k) => RELATIVE_PRONOUNS.has(lemmaOf(word(syntax, k))))) {
      // "Latvia and Lithuania, both of which have announced plans": a quantifier of a relative pronoun stands for the names before it
      isRelativeSource = true;
      source = nounBefore(syntax, source);
      // (the first of the names, so that all of them act)
      for (let guard = 0; guard < 8 && source >= 0 && word(syntax, source).deprel === 'conj'; guard++) source = word(syntax, source).head;
    }
    if (source < 0 && donor !== p) source = dependent(syntax, donor, 'nsubj', 'obl:agent');
    // "with Italy, France and Greece contributing warships": an -ing participle right after a "with" phrase has that phrase for its
    // subject (an absolute construction), wherever the parser hung either
    if (source < 0 && /ing$/i.test(word(syntax, p).text)) source = withSubjectBefore(syntax, p);
    // "struck depots in southern Lebanon, killing four people": an -ing participle set off by a comma that the parser hung on
    // a noun of a prepositional phrase tells what the clause's act did; its doer is the clause's subject, not the phrase's noun
    if (source < 0 && isCommaParticipleOnPhrase(syntax, p)) source = clauseSubjectAbove(syntax, word(syntax, p).head);
    // "Azerbaijan launched what it called anti-terrorist measures, shelling Armenian positions": an -ing participle set off by a
    // comma, with no subject or marker of its own, hung on a verb, is done by that verb's subject
    const verb = word(syntax, p).head;
    // (an active verb's: the subject of a passive suffered its act)
    if (source < 0 && baseRelation(word(syntax, p).deprel) === 'advcl' && /ing$/i.test(word(syntax, p).text) && word(syntax, p - 1)?.text === ',' && verb >= 0 && word(syntax, verb).upos === 'VERB' && dependents(syntax, p, 'mark').length === 0 && dependents(syntax, verb, 'aux:pass', 'nsubj:pass').length === 0) {
      source = dependent(syntax, verb, 'nsubj');
    }
    // "announced plans to acquire the system", "made a bid to buy": an infinitive on a noun of intent that a verb takes is that
    // verb's subject's (and a quantifier of a relative pronoun there stands for the names before it)
    if (source < 0 && baseRelation(word(syntax, p).deprel) === 'acl' && INTENT_NOUNS.has(lemmaOf(word(syntax, word(syntax, p).head)))) {
      const noun = word(syntax, word(syntax, p).head);
      if (noun.head >= 0 && baseRelation(noun.deprel) === 'obj') {
        const holder = readVerb(syntax, noun.head);
        if (holder.source >= 0) {
          source = holder.source;
          if (holder.isRelativeSource) isRelativeSource = true;
        }
      }
    }
    // "troops stationed in", "rebels who attacked": the noun the clause describes acted.
    if (source < 0 && baseRelation(word(syntax, p).deprel) === 'acl') source = word(syntax, p).head;
    // "two companies it said supplied imagery to the Houthis": a complement with no subject of its own under a verb of saying
    // that is a relative clause on a noun has that noun for its subject (the relative's gap is the complement's subject)
    const sayer = word(syntax, p).head;
    if (source < 0 && word(syntax, p).deprel === 'ccomp' && sayer >= 0 && word(syntax, sayer).deprel === 'acl:relcl' && dependent(syntax, p, 'mark') < 0) {
      source = word(syntax, sayer).head;
      isRelativeSource = true;
    }
    const rel = word(syntax, p).deprel;
    targets.push(...dependents(syntax, p, 'iobj'));
    // "three firms it accuses of supplying drones", "the envoy Japan expelled": a relative clause with a subject
    // and no object of its own has the noun it describes as its object (and that noun's first conjunct).
    if (rel === 'acl:relcl' && dependents(syntax, p, 'obj').length === 0 && dependents(syntax, p, 'nsubj').length > 0 && !isRelativeSource) {
      const h = word(syntax, p).head;
      targets.push(h);
      if (baseRelation(word(syntax, h).deprel) === 'conj') targets.push(word(syntax, h).head);
    }
    for (const o of dependents(syntax, p, 'obj')) {
      targets.push(o);
      // "repelled an assault by X on Y", "welcomed the offer by X": the object's own doer is whom the act
      // answers, before what that doer aimed at (the possessor, "X's assault", is among the object's words).
      if (!LIGHT_VERBS.has(lemmaOf(word(syntax, p)))) targets.push(...dependents(syntax, o, 'nmod').filter((i) => caseOf(syntax, i) === 'by'));
      // "held talks with X", "launched strikes against X", "offered help to X": the object's phrase names the target.
      targets.push(...dependents(syntax, o, 'nmod').filter((i) => NOUN_TARGET_CASES.has(caseOf(syntax, i))));
    }
  }
  targets.push(...dependents(syntax, p, 'obl').filter((i) => TARGET_CASES.has(caseOf(syntax, i)) || (caseOf(syntax, i) === 'at' && AIMING_VERBS.has(lemmaOf(word(syntax, p))))));
  // "retook the town from the rebels", "wrested the port from X": a verb of taking names in "from" the one who lost it
  // (on the verb, or on its object or the object's "of" name where the parser hung it there), before the ground or goods taken.
  if (TAKING_VERBS.has(lemmaOf(word(syntax, p)))) {
    const isFrom = (i: number): boolean => caseOf(syntax, i) === 'from';
    const objectPhrase = dependents(syntax, p, 'obj').flatMap((o) => [o, ...dependents(syntax, o, 'nmod')]);
    targets.unshift(...dependents(syntax, p, 'obl').filter(isFrom), ...objectPhrase.flatMap((o) => dependents(syntax, o, 'nmod').filter(isFrom)));
  }
  const isCapability = dependents(syntax, p, 'aux').some((k) => word(syntax, k).text.toLowerCase() === 'can') || isAbleTo(syntax, p);
  const isCommitment = COMMISSIVE_VERBS.has(lemmaOf(word(syntax, p))) && dependent(syntax, p, 'obj') >= 0;
  return {
    predicate: p,
    source,
    ...(isRelativeSource && { isRelativeSource, sourceNext }),
    target: targets[0] ?? -1,
    targets,
    isPassive,
    modality: clauseModality(syntax, p, viaIntent),
    isCapability,
    isConduct: !isPassive && isConductOf(syntax, source),
    background: backgroundOf(syntax, p),
    isCommitment,
  };
}

/** Reads an event noun's source (possessor, "by" phrase, the light verb's subject) and target. */
function readNoun(syntax: SentenceSyntax, p: number): TreeReading {
  let source = dependent(syntax, p, 'nmod:poss');
  if (source < 0) source = firstArgument(syntax, p, ['nmod'], new Set(['by']));
  // "Russian air strikes", "the US delivery": a modifying nation or name is the one acting.
  const isName = (i: number): boolean => word(syntax, i).upos === 'PROPN' || /^[A-Z]/.test(word(syntax, i).text);
  if (source < 0) source = dependents(syntax, p, 'amod', 'compound').find(isName) ?? -1;
  // "US-led coalition air strikes": the name may modify a compound noun of the phrase rather than the act noun itself.
  if (source < 0) source = dependents(syntax, p, 'compound').flatMap((c) => dependents(syntax, c, 'amod', 'compound')).find(isName) ?? -1;
  const targets = dependents(syntax, p, 'nmod').filter((i) => NOUN_TARGET_CASES.has(caseOf(syntax, i)));
  const w = word(syntax, p);
  // "were preparing an assault on Saudi posts" with the "on" phrase hung on the verb: a phrase of a target's preposition right
  // after the act noun, its verb's object, is the noun's
  if (targets.length === 0 && w.head >= 0 && baseRelation(w.deprel) === 'obj') {
    const last = Math.max(...subtree(syntax, p));
    const next = dependents(syntax, w.head, 'obl').find((i) => NOUN_TARGET_CASES.has(caseOf(syntax, i)) && Math.min(...subtree(syntax, i)) === last + 1);
    if (next !== undefined) targets.push(next);
  }
  // "protesters", "demonstrators", "rioters": a noun of those who act names its own doer.
  const isDoerNoun = source < 0 && AGENT_NOUN.test(w.text);
  if (isDoerNoun) source = p;
  let modality: Modality | null = null;
  // "Latvia repelled the largest cyber attack", "the base came under attack", "Kenya suffered attacks": the subject of a verb of
  // enduring or warding off an act is the one it was aimed at; who did it the noun names, if anyone (read as a passive).
  // ("suffered a wave of cyber attacks": through a noun of number)
  const phrase = baseRelation(w.deprel) === 'nmod' && caseOf(syntax, p) === 'of' && w.head >= 0 && SERIES_NOUNS.has(lemmaOf(word(syntax, w.head))) ? w.head : p;
  const ph = word(syntax, phrase);
  if (ph.head >= 0 && baseRelation(ph.deprel) === 'obj' && ENDURING_VERBS.has(lemmaOf(word(syntax, ph.head))) && source < 0) {
    const victim = dependent(syntax, ph.head, 'nsubj');
    if (victim >= 0) return { predicate: p, source: -1, target: victim, targets: [victim, ...targets], isPassive: true, modality: null, isCapability: false, isConduct: false, background: null, isCommitment: false };
  }
  if (w.head >= 0) {
    const head = w.head;
    const headRel = baseRelation(w.deprel);
    // "X held talks", "X launched a strike": the light verb's subject acts, in the light verb's clause.
    // So does the subject of a verb of giving whose object is an aid noun ("will continue to provide military aid to Ukraine").
    if (headRel === 'obj' && (LIGHT_VERBS.has(lemmaOf(word(syntax, head))) || GIVING_VERBS.has(lemmaOf(word(syntax, head))))) {
      const verb = readVerb(syntax, head);
      if (source < 0) source = verb.source;
      modality = verb.modality;
    }
    // "killed a commander in an air strike", "died during a raid": an act noun after "in" or "during" is the means or the setting
    // of the clause's verb, wherever the parser hung it (on the verb, or on the verb's object): the verb's subject did it
    if (source < 0 && (headRel === 'obl' || headRel === 'nmod') && MEANS_CASES.has(caseOf(syntax, p))) {
      const h = word(syntax, head);
      const verb = h.upos === 'VERB' ? head : h.head >= 0 && baseRelation(h.deprel) === 'obj' && word(syntax, h.head).upos === 'VERB' ? h.head : -1;
      if (verb >= 0) {
        const reading = readVerb(syntax, verb);
        if (!reading.isPassive) source = reading.source;
      }
    }
    // "militants who were planning an attack on X": the subject of a verb of plotting is the act's would-be doer, the act planned
    if (headRel === 'obj' && PLOTTING_VERBS.has(lemmaOf(word(syntax, head)))) {
      const verb = readVerb(syntax, head);
      if (source < 0) source = verb.source;
      modality = verb.modality ?? 'planned';
    }
  }
  // "ordered an investigation into a drone attack": an act inquired into was done by whom the noun itself names, if anyone,
  // never by the clause's subject (who inquires)
  // (or, hung on the verb, after "into" and the verb's object that inquires: "ordered an investigation [into the attack]")
  const isInquired =
    source < 0 &&
    w.head >= 0 &&
    ((baseRelation(w.deprel) === 'nmod' && INQUIRY_NOUNS.has(lemmaOf(word(syntax, w.head)))) ||
      (baseRelation(w.deprel) === 'obl' && caseOf(syntax, p) === 'into' && dependents(syntax, w.head, 'obj').some((o) => o < p && INQUIRY_NOUNS.has(lemmaOf(word(syntax, o))))));
  return {
    predicate: p,
    source,
    ...((isDoerNoun || isInquired) && { isRelativeSource: true }),
    target: targets[0] ?? -1,
    targets,
    isPassive: false,
    modality,
    isCapability: false,
    isConduct: false,
    background: isSetting(syntax, p) ? 'setting' : null,
    isCommitment: false,
  };
}

/** Nouns of a number of acts: "a wave of attacks", "a series of raids". */
const SERIES_NOUNS = new Set(['wave', 'series', 'spate', 'string', 'flurry', 'rash', 'barrage', 'volley', 'number']);

/** Verbs whose subject endures or wards off the act their object names: "repelled an attack", "suffered strikes", "thwarted a coup". */
const ENDURING_VERBS = new Set(['repel', 'repulse', 'suffer', 'endure', 'withstand', 'survive', 'thwart', 'foil', 'fend', 'weather', 'sustain']);

/** Nouns of inquiring into an act: "an investigation into the attack", "a probe of the shooting". */
const INQUIRY_NOUNS = new Set(['investigation', 'inquiry', 'enquiry', 'probe', 'review', 'inquest']);

/** Prepositions before an act noun that is the means or the setting of a clause's verb ("in an air strike", "during a raid"). */
const MEANS_CASES = new Set(['in', 'during']);

/** Verbs of plotting an act their object names: "planning an attack", "plotted a coup". */
const PLOTTING_VERBS = new Set(['plan', 'plot', 'prepare']);

/** Verbs of giving: their subject gives what their object names ("provide military aid", "extend a loan"). */
const GIVING_VERBS = new Set(['provide', 'give', 'offer', 'extend', 'grant', 'supply', 'send', 'deliver', 'pledge', 'promise']);

/** A plural noun of people who do something: "protesters", "demonstrators", "militants" is not one ("-ants"). */
const AGENT_NOUN = /[a-z](?:ers|ors|ists)$/i;

/** Relations by which a clause is what another verb says, asks or charges: "accused X of spying", "denied sending", "demanded that X halt". */
const CONTENT_RELATIONS = new Set(['advcl', 'ccomp', 'xcomp']);

/** Verbs of saying: their complement is what the speaker asserts. */
const SAYING_LEMMAS = new Set(['say', 'tell', 'add', 'state', 'report', 'announce', 'confirm', 'write', 'explain', 'insist', 'note']);

/**
 * The word among `claims` (the words of predicates that charge, deny or demand) whose content clause
 * holds the verb at `p`, or -1: "accused Sweden of allowing a protest" ("allowing" is the charge, no
 * act told), "denied that its troops had crossed". Followed up through further content clauses and
 * conjuncts ("accused X of trying to seize and hold ...").
 */
export function chargeOver(syntax: SentenceSyntax, p: number, claims: ReadonlySet<number>): number {
  // A match that starts on no word of the tree (wordAt gave -1) has no clause to be charged in.
  if (p < 0) return -1;
  // "blamed each other for the shelling", "traded blame over the strike": an act noun in the "for"/"over" phrase of the charge,
  // or of the charge's object, is what is charged
  const own = word(syntax, p);
  // "condemned the air strikes", "denied the attack": an act noun that is the charge's object is what is charged
  if (own.upos === 'NOUN' && baseRelation(own.deprel) === 'obj' && own.head >= 0 && claims.has(own.head)) return own.head;
  // "accused Armenian forces of opening fire on its positions": an act noun that a charged verb takes is charged with it
  // ("denied carrying out cyber attacks", with "out" read as the noun's preposition: an obl of the charged verb too)
  if (own.upos === 'NOUN' && /^(?:obj|obl)$/.test(baseRelation(own.deprel)) && own.head >= 0 && word(syntax, own.head).upos === 'VERB' && !claims.has(own.head)) {
    const over = chargeOver(syntax, own.head, claims);
    if (over >= 0) return over;
  }
  // ("warned Israel against any attack": so is one in the "against" phrase of a warning, and "accused Israel of genocide" in the
  // "of" phrase of a charge)
  if (/^(?:nmod|obl)$/.test(baseRelation(own.deprel)) && /^(?:for|over|against|of)$/.test(caseOf(syntax, p)) && own.head >= 0) {
    if (claims.has(own.head)) return own.head;
    const h = word(syntax, own.head);
    if (h.head >= 0 && claims.has(h.head) && /^(?:obj|iobj|xcomp)$/.test(baseRelation(h.deprel))) return h.head;
  }
  let i = p;
  for (let guard = 0; guard < 4; guard++) {
    const w = word(syntax, i);
    const rel = baseRelation(w.deprel);
    if (w.head < 0) return -1;
    if (!CONTENT_RELATIONS.has(rel) && rel !== 'conj') return chargedGerundOver(syntax, i, claims);
    if (rel !== 'conj' && claims.has(w.head)) return w.head;
    // "urged civilians to leave, saying Russian forces had shelled the town": what a verb of saying on the way up asserts is a
    // claim of its own, not the act urged or charged above it
    if (rel === 'ccomp' && SAYING_LEMMAS.has(lemmaOf(word(syntax, w.head)))) return -1;
    // "accused Uganda of arming rebels" with "arming" hung on "Uganda": the charged one's clause is still the charge.
    const h = word(syntax, w.head);
    if (rel !== 'conj' && h.head >= 0 && claims.has(h.head) && /^(?:obj|iobj)$/.test(baseRelation(h.deprel))) return h.head;
    const over = chargedGerundOver(syntax, i, claims);
    if (over >= 0) return over;
    i = w.head;
  }
  return -1;
}

/**
 * "accused X of smuggling fuel" with "smuggling" read as an adjective on "fuel": an -ing word that opens
 * an "of" phrase hung on the charging word or on its object is the charge, whatever its tag. Returns the
 * charging word, or -1.
 */
function chargedGerundOver(syntax: SentenceSyntax, i: number, claims: ReadonlySet<number>): number {
  const w = word(syntax, i);
  if (!/ing$/i.test(w.text) || w.head < 0 || !/^(?:amod|compound)$/.test(w.deprel)) return -1;
  const n = w.head;
  const of = dependent(syntax, n, 'case');
  if (of < 0 || of > i || !/^(?:of|against)$/.test(lemmaOf(word(syntax, of))) || !/^(?:nmod|obl)$/.test(baseRelation(word(syntax, n).deprel))) return -1;
  // Only the words between "of" and the -ing word may be its own modifiers ("of secretly arming").
  for (let k = of + 1; k < i; k++) if (!/^(?:advmod|punct)$/.test(word(syntax, k).deprel)) return -1;
  const h = word(syntax, n).head;
  if (claims.has(h)) return h;
  const hw = word(syntax, h);
  return hw.head >= 0 && claims.has(hw.head) && /^(?:obj|iobj)$/.test(baseRelation(hw.deprel)) ? hw.head : -1;
}

/**
 * The word among `punishers` (predicates that sanction, arrest or punish) whose "for" clause holds the
 * verb at `p`, or -1: "sanctioned three firms for supplying drones" tells why, as the punisher sees it;
 * the supplying is a charge, no act the report states.
 */
export function reasonOver(syntax: SentenceSyntax, p: number, punishers: ReadonlySet<number>): number {
  if (p < 0) return -1;
  // "for helping Iran sell oil": a verb the reason's own verb governs is part of the reason
  for (let k = p, guard = 0; guard < 3 && k >= 0 && /^(?:xcomp|ccomp)$/.test(baseRelation(word(syntax, k).deprel)); guard++) {
    k = word(syntax, k).head;
    if (k >= 0 && /ing$/i.test(word(syntax, k).text)) return reasonOver(syntax, k, punishers);
  }
  const w = word(syntax, p);
  if (w.head < 0 || !/ing$/i.test(w.text) || !/^(?:advcl|acl)$/.test(baseRelation(w.deprel))) return -1;
  if (!dependents(syntax, p, 'mark', 'case').some((k) => lemmaOf(word(syntax, k)) === 'for')) return -1;
  if (punishers.has(w.head)) return w.head;
  // "for" clause hung on the punished object ("sanctioned firms [for supplying]")
  const h = word(syntax, w.head);
  // ("imposed sanctions on five firms for helping": on the punished "on" phrase too)
  return h.head >= 0 && punishers.has(h.head) && (/^(?:obj|iobj|nsubj:pass)$/.test(h.deprel) || (baseRelation(h.deprel) === 'obl' && caseOf(syntax, w.head) === 'on')) ? h.head : -1;
}

/** Participles that tell what someone is charged with: "suspected of", "accused of", "convicted of". */

/**
 * "arrested four men suspected of involvement in an assault on a depot": an act noun in the "of" phrase of a participle of
 * charging with no subject or auxiliary of its own, at any depth of nouns, is what they are charged with, wherever the parser
 * hung the participle.
 */
function isInChargedPhrase(syntax: SentenceSyntax, p: number): boolean {
  let k = p;
  for (let guard = 0; guard < 4; guard++) {
    const x = word(syntax, k);
    if (x.head < 0 || !/^(?:nmod|obl)$/.test(baseRelation(x.deprel))) return false;
    const h = word(syntax, x.head);
    const isBare = ['nsubj', 'nsubj:pass', 'aux', 'aux:pass'].every((rel) => dependent(syntax, x.head, rel) < 0);
    // (the phrase itself, or another of the participle's phrases when it has its "of": "suspected of involvement [in an attack]")
    const hasOf = caseOf(syntax, k) === 'of' || dependents(syntax, x.head, 'obl').some((o) => caseOf(syntax, o) === 'of');
    if (CHARGING_PARTICIPLES.has(lemmaOf(h)) && /ed$/i.test(h.text) && hasOf && isBare) return true;
    k = x.head;
  }
  return false;
}
const CHARGING_PARTICIPLES = new Set(['suspect', 'accuse', 'charge', 'convict', 'indict', 'arrest', 'jail', 'sentence', 'wanted']);

/**
 * Whether a verb is the charge a participle on a noun states ("arrested four men suspected of attacking a patrol", "a pilot
 * convicted of spying"): what they are suspected of is no act the report tells.
 */
export function isChargeOfParticiple(syntax: SentenceSyntax, p: number): boolean {
  if (p < 0) return false;
  if (isInChargedPhrase(syntax, p)) return true;
  const w = word(syntax, p);
  if (w.head < 0 || !/^(?:advcl|acl)$/.test(baseRelation(w.deprel))) return false;
  if (!dependents(syntax, p, 'mark', 'case').some((k) => lemmaOf(word(syntax, k)) === 'of' || lemmaOf(word(syntax, k)) === 'for')) return false;
  const h = word(syntax, w.head);
  if (CHARGING_PARTICIPLES.has(lemmaOf(h)) && (baseRelation(h.deprel) === 'acl' || baseRelation(h.deprel) === 'amod')) return true;
  // the parser may hang the charge elsewhere ("men suspected of attacking a patrol, X said": on "said"); right after the
  // participle and its "of" it is still the charge
  const before = p >= 2 ? word(syntax, p - 2) : null;
  return before !== null && CHARGING_PARTICIPLES.has(lemmaOf(before)) && baseRelation(before.deprel) === 'acl' && word(syntax, p - 1).text.toLowerCase() === 'of';
}

/** Verbs of answering someone else's act: what they answer is in their "to" or "for" phrase. */
const REACTING = new Set(['respond', 'react', 'retaliate', 'reply']);

/**
 * Whether an act noun is what a verb of answering answers ("vowed to respond to joint drills by X and Y", "will retaliate for
 * the strikes"): someone else's act, never one of the answering subject (the parser hangs the noun's own "by" doer on the verb
 * as often as on the noun).
 */
export function isAnsweredAct(syntax: SentenceSyntax, p: number): boolean {
  if (p < 0) return false;
  const w = word(syntax, p);
  if (w.upos !== 'NOUN' || w.head < 0 || !/^(?:obl|nmod)$/.test(baseRelation(w.deprel))) return false;
  return /^(?:to|for)$/.test(caseOf(syntax, p)) && REACTING.has(lemmaOf(word(syntax, w.head)));
}

/** The object of a verb that has a "to" infinitive complement ("ordered the troops to leave", "asked X to stay"), or -1. */
export function infinitiveObject(syntax: SentenceSyntax, p: number): number {
  const o = dependent(syntax, p, 'obj');
  if (o < 0) return -1;
  const isInfinitive = (x: number): boolean => dependents(syntax, x, 'mark').some((k) => lemmaOf(word(syntax, k)) === 'to');
  // The parser may hang the infinitive on the object ("ordered soldiers [to leave]" read as acl).
  return [...dependents(syntax, p, 'xcomp'), ...dependents(syntax, o, 'acl')].some(isInfinitive) ? o : -1;
}

/** What the tree says about the predicate at word `p`: a verb's or an event noun's arguments. */
export function readPredicate(syntax: SentenceSyntax, p: number): TreeReading {
  const w = word(syntax, p);
  return w.upos === 'NOUN' || w.upos === 'PROPN' ? readNoun(syntax, p) : readVerb(syntax, p);
}

/**
 * The object of a light verb ("held a phone call", "launched strikes"), of a verb of plotting ("were preparing an assault") or
 * of "order" ("ordered the withdrawal of X": a command, never a purchase, where the object is an act), or -1 when `p` is none or
 * has none.
 */
export function lightVerbObject(syntax: SentenceSyntax, p: number): number {
  if (p < 0 || !ACT_OBJECT_VERBS.has(lemmaOf(word(syntax, p)))) return -1;
  return dependent(syntax, p, 'obj');
}

/** Verbs whose object, an act noun with a reading of its own, is the event (see lightVerbObject). */
const ACT_OBJECT_VERBS = new Set([...LIGHT_VERBS, ...PLOTTING_VERBS, 'order']);

/** Relations inside a noun phrase that still name the same actor: "the Russian defence minister", "the president of Russia". */
const SAME_ACTOR = new Set(['compound', 'amod', 'nmod:poss', 'flat', 'flat:name', 'appos', 'det', 'nummod']);

/**
 * The words of an argument phrase that may name its actor: the head, its modifiers and names, and an
 * "of" phrase, but not a nested phrase with another preposition or a clause ("restrictions on the EU
 * market", "a rally calling for the removal of the president").
 */
export function actorWords(syntax: SentenceSyntax, head: number): number[] {
  const out = [head];
  for (let k = 0; k < out.length; k++) {
    for (const i of childrenOf(syntax, out[k] as number)) {
      const rel = word(syntax, i).deprel;
      if (SAME_ACTOR.has(rel) || (baseRelation(rel) === 'nmod' && caseOf(syntax, i) === 'of')) out.push(i);
      // "a Russian-led alliance", "the Saudi-led coalition": the state that leads a body it names by no name of its own acts
      // through it ("the British-led NATO battlegroup" is NATO's)
      else if (rel === 'obl:unmarked' && lemmaOf(word(syntax, out[k] as number)) === 'lead' && word(syntax, out[k] as number).deprel === 'amod' && !childrenOf(syntax, head).some((c) => word(syntax, c).upos === 'PROPN')) out.push(i);
    }
  }
  return out.sort((a, b) => a - b);
}

/** The members of a coordinated argument ("Britain, France and Germany"): the word and its `conj`s. */
export function argumentMembers(syntax: SentenceSyntax, i: number): number[] {
  if (i < 0) return [];
  const out = [i];
  for (let k = 0; k < out.length; k++) out.push(...dependents(syntax, out[k] as number, 'conj'));
  return out.sort((a, b) => a - b);
}

/** The index of the word starting at an offset of the article text, or -1. */
export function wordAt(syntax: SentenceSyntax, start: number): number {
  return syntax.words.findIndex((w) => w.start === start);
}
