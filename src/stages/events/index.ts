/**
 * The `events` stage: who did what to whom, coded in CAMEO and PLOVER. Each sentence is split into
 * attribution and claim, the claim's verb phrases are looked up in data/verb-patterns.json, and
 * source and target are read from the clause around each phrase (subject, object, passive agent).
 */
import type { Actor, DateFinding, DatePrecision, Doc, Entity, Event, Evidence, Modality, Place, Sentence, SentenceSyntax, Span } from '../../core/doc.js';
import type { Context } from '../../core/context.js';
import { defineStage, need } from '../../core/stage.js';
import { evidenceOf } from '../../core/doc.js';
import { entryRuleId, stamp } from '../../core/rule.js';
import { domesticRoleIn, findActors, groupEntity, stateRoleIn, startsWithAnaphor, toActor, type ActorMention } from './actors.js';
import { isOutlet, outletChain, readFrame, withoutChargeHedges, type Frame } from './attribution.js';
import { cameoEntry, intentCode } from './codebook.js';
import { matchPatterns, type PatternMatch, type TagAt } from './patterns.js';
import { actorWords, caseOf, chargeOver, infinitiveObject, isAnsweredAct, isChargeOfParticiple, isParticipleOnNoun, lightVerbObject, NAMING_VERBS, readPredicate, reasonOver, wordAt, type TreeReading } from './tree-roles.js';
import { baseRelation, clauseHead, dependent, dependents, isInNounClauseApart, isUnder, subtree } from '../syntax/tree.js';
import { closesRelativeClause } from '../dates/index.js';
import { equipmentCategories, findQuantities, isMilitaryCategory } from './quantities.js';

// Sentences longer than this are coded on their first part only: no real sentence is longer, and
// the clause scans stay linear on hostile input.
const MAX_SENTENCE_CHARS = 2000;
// An event dated more than this before publication is historical background, not news.
const HISTORICAL_DAYS = 365;

const PREPOSITION_BEFORE =
  /(?:^|\s)(?:in|at|near|to|from|against|with|on|for|over|by|into|across|toward|towards|inside|outside|between|among|despite|after|before|under|about|of|than|via|including|like)\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest)\s+)?$/i;
const CLAUSE_START =
  /[;:"“”]|,\s+(?=(?:we|they|it|he|she|i)\s|\w+ing\s)|,\s+(?=(?:after|as|when|while|because|since|before|but|although|though|which|who|whereas|amid|despite|following|saying|citing|killing|leaving|where|and)\b)|\b(?:after|when|while|because|since|although|though|whereas|that|if|unless|but)\s/gi;
const CLAUSE_END =
  /[;:"“”]|,\s+(?=(?:after|as|when|while|because|since|but|although|though|which|who|whereas|amid|despite|following|saying|citing|killing|leaving|including|where)\b|[a-z]{3,}ing\s)|\s{3,}/g;
/** A preposition that makes the name after it a place: "near Gao", "in the north of Mali". */
const PLACE_BEFORE = /\b(?:in|near|at|outside|inside|across|around|throughout)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central|northern|southern|eastern|western)(?:-?(?:east|west)(?:ern)?)?\s+)?$/i;
const BORDER_AFTER = /^\s+(?:border|borders|frontier|boundary)\b/i;
/** A quotation mark, and one that opens a sentence. */
const QUOTE_MARK = /["“”]/;
const OPENING_QUOTE = /^\s*["“]/;
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$/i;
/** A plan given up right before its act: "scrapped plans to buy", "abandoned a bid to join", "shelved its plan for". */
const DROPPED_PLAN_BEFORE =
  /\b(?:scrapped|scraps|scrap|cancell?ed|cancels|cancel|abandoned|abandons|abandon|dropped|drops|shelved|shelves|ditched|ditches|called off|calls off|put on hold|puts on hold)\s+(?:its\s+|their\s+|the\s+|a\s+|his\s+|her\s+)?(?:plans?|bid|proposal|intention|idea|attempt)\s+(?:to|for)\s+$/i;
/** Auxiliaries and adverbs that may stand between a subject and its verb: "The army will", "the militants had", "police also". */
const BEFORE_VERB =
  '(?:\\s+(?:will|would|can|could|may|might|must|shall|should|has|have|had|is|are|was|were|be|been|also|then|later|now|still|not|never|reportedly|allegedly))*';
/** A denial right before a claim: "denied that", "denied reports/claims/allegations that". */
const DENIED_BEFORE = /\b(?:denied|denies|deny|rejected|dismissed)\s+(?:that\s+|(?:the\s+|media\s+|press\s+|western\s+)?(?:reports?|claims?|allegations?|accusations?|suggestions?)\s+that\s+)$/i;
const NEGATION_BEFORE = /\b(?:not|cannot|never|no\s+longer|n't|neither|nor)\s+(?:\w+\s+){0,2}$/i;
// "may" in lower case only: "in May" is a month.
const HYPOTHETICAL = /\b(?:[Ii]f|[Uu]nless|[Cc]ould|[Mm]ight|may|[Ii]n\s+case|[Ww]ould\s+consider)\b/;
const PLANNED_BEFORE =
  /\b(?:will|would|shall|going\s+to|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|intended\s+to|is\s+to|are\s+to|was\s+to|were\s+to|expected\s+to|set\s+to|ready\s+to|willing\s+to|prepared\s+to|prepares\s+to|preparing\s+to|scheduled\s+to|aims?\s+to|aimed\s+to|decided\s+to|decides\s+to|pledged\s+to|pledges\s+to|vowed\s+to|vows\s+to|offered\s+to|offers\s+to|promised\s+to|promises\s+to|undertook\s+to|committed\s+to|intent\s+to|to\s+be)\s+(?:\w+\s+){0,3}$/i;
const HEADLINE_FUTURE = /^\s*(?:[A-Z][\w'’.-]*\s+){1,4}to\s+$/;
const INFINITIVE_LINK = /^\s+(?:[^\s,;:]+\s+){0,6}?to\s+(?:[^\s,;:]+\s+)?$/i;

/** A definite act of force right after a verb ("the strikes", "the latest air raids", "this attack"), naming no one. */
const ACT_OF_FORCE_OBJECT = /^\s+(?:the|these|those|this)\s+(?:[a-z]+\s+){0,2}?(?:strikes?|air\s*strikes?|airstrikes?|attacks?|raids?|air\s+raids?|shelling|bombings?|bombardments?|incursions?|killings?|assaults?|invasion|drone\s+attacks?)(?![\w-])(?!\s+(?:by|on|against|of)\b)/i;

/** What the coder remembers from one sentence to the next. */
interface Discourse {
  /** The last coded source: what "it", "the ministry" point back to outside reported speech. */
  topic: Actor | null;
  /** The last source of each CAMEO root: who "the raid" of a later agentless passive was carried out by. */
  doerOf: Map<string, { source: Actor; target: Actor | null }>;
  /** The speaker of the last sentence, when it quoted: a quotation that goes on in the next sentence is theirs. */
  quoteSpeaker: { actor: Actor; name: string | null } | null;
  /** The armed group the article named last (a code of role REB): who "the rebels", "the militants" of a later clause are. */
  armedGroup: Actor | null;
  /** The state the article named last (a country or one of its organs): whose "the army", "the government" of a later clause are. */
  state: Actor | null;
  /** The doer of the last act of force coded (roots 18 to 20): whose "the strikes" a later condemnation names. */
  force: Actor | null;
  /** The countries the article names, by code: the canonical name of the state "his country" stands for. */
  countries: ReadonlyMap<string, Entity>;
  /** The state actor last named by each organ word ("ministry", "army", "police"): whose "the ministry" a later sentence means. */
  organs: Map<string, Actor>;
}

interface SentenceContext {
  sentence: Sentence;
  /** The whole article text: evidence, triggers and arcs are spans of it. */
  text: string;
  /** The sentence's tree, when the parser has read it with a trained model. */
  tree: SentenceSyntax | null;
  /** The sentence as evidence, built once for all its events. */
  evidence: Evidence;
  /** The sentence with its attribution blanked out, offsets unchanged. */
  claim: string;
  frame: Frame;
  actors: ActorMention[];
  speaker: Actor | null;
  speakerName: string | null;
  via: string[];
  dates: DateFinding[];
}

/** The stage: every event in the article, in text order. */
export const events = defineStage('events', (doc, ctx) => codeEvents(doc, ctx));

/** Codes the events of an analysed document (needs its article; reads sentences, entities and dates when present). */
export function codeEvents(doc: Doc, ctx: Context): Event[] {
  const article = need(doc, 'article');
  const text = article.text;
  if (article.language && !article.language.toLowerCase().startsWith('en')) {
    // The verb dictionary is English: coding another language would only find false friends.
    doc.messages.push({ level: 'info', rule: 'events/not-english', reason: `article language is "${article.language}"; events are coded from English text only` });
    return [];
  }
  const sentences = need(doc, 'sentences');
  const trees = doc.syntax ?? [];
  const actors = findActors(text, doc.entities ?? [], ctx, article.published);
  const dates = doc.dates ?? [];
  const published = publishedDate(article.published);
  const countries = new Map((doc.entities ?? []).filter((e) => e.type === 'country' && e.code).map((e) => [e.code!, e]));
  const discourse: Discourse = { topic: null, doerOf: new Map(), quoteSpeaker: null, armedGroup: null, state: null, force: null, countries, organs: new Map() };
  const out: Event[] = [];
  let actorIndex = 0;
  for (const [index, sentence] of sentences.entries()) {
    while (actorIndex < actors.length && actors[actorIndex]!.end <= sentence.start) actorIndex++;
    const inSentence: ActorMention[] = [];
    for (let i = actorIndex; i < actors.length && actors[i]!.start < sentence.end; i++) {
      const a = actors[i]!;
      if (a.end <= sentence.end) inSentence.push({ ...a, start: a.start - sentence.start, end: a.end - sentence.start });
    }
    const sentenceDates = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end && d.value !== null);
    const sc = readSentence(sentence, inSentence, sentenceDates, article.source, article.publisher, discourse, ctx);
    sc.text = text;
    sc.evidence = evidenceOf(text, sentence.start, sentence.end);
    sc.tree = isTrained(trees[index]) ? trees[index]! : null;
    const coded = codeSentence(sc, published, discourse, ctx);
    out.push(...coded);
    // "the foreign ministry in Vilnius said ...; the ministry also summoned ...": an organ named with its state is the one a
    // later "the ministry" means, whichever state the sentences between named
    for (const [name, actor] of [[sc.speakerName, sc.speaker] as const, ...coded.map((e) => [e.source?.name ?? null, e.source] as const)]) {
      const organ = name ? ORGAN_WORD.exec(name) : null;
      if (organ && actor?.code && isStateCode(actor.code) && actor.code.length > 3) discourse.organs.set(organ[1]!.toLowerCase(), actor);
    }
    discourse.quoteSpeaker = sc.speaker && QUOTE_MARK.test(sentence.text) ? { actor: sc.speaker, name: sc.speakerName } : null;
    const group = inSentence.findLast((a) => a.code !== null && isArmedGroupCode(a.code));
    if (group) discourse.armedGroup = actorAt(group, sentence.start);
    // ("launched an offensive against militia fighters in Amhara. The militia accused ...": a group the coder placed by its role noun)
    else {
      const placed = coded.flatMap((e) => [e.source, e.target]).findLast((a) => a?.code && a.entityId === null && isArmedGroupCode(a.code));
      if (placed) discourse.armedGroup = placed;
    }
    const state = inSentence.findLast((a) => a.code !== null && isCountryCode(a.code) && !OTHER_SIDE_ROLES.test(a.code) && !NON_STATE_ROLES.test(a.code));
    if (state) discourse.state = actorAt(state, sentence.start);
  }
  return out;
}

function readSentence(
  sentence: Sentence,
  actors: ActorMention[],
  dates: DateFinding[],
  source: string | null,
  publisher: string | null,
  discourse: Discourse,
  ctx: Context,
): SentenceContext {
  const text = sentence.text.slice(0, MAX_SENTENCE_CHARS);
  const frame = readFrame(text);
  let claim = text;
  for (const span of frame.masked) claim = claim.slice(0, span.start) + ' '.repeat(span.end - span.start) + claim.slice(span.end);
  let speaker: Actor | null = null;
  let speakerName: string | null = null;
  const named: string[] = [];
  if (frame.speaker) {
    const { start, end } = frame.speaker;
    speakerName = text.slice(start, end).trim() || null;
    const inside = actors.filter((a) => a.start >= start && a.end <= end);
    // "The Nigerian Union of Teachers (NUT), the umbrella union ..., announced": the apposition's head names the speaker.
    const opened = frame.dateline?.end ?? 0;
    // The speaker phrase's head comes last ("Sudan's army", "the Sudanese army", "Russian Defence Minister
    // Sergei Shoigu"): its last coded name before a comma, a bracket or a prepositional phrase ("President
    // Putin of Russia", "the governor, who ...") names it.
    const headZone = /^[^,(]*?(?=\s(?:of|in|at|from|for|on)\s|[,(]|$)/i.exec(text.slice(start, end))?.[0].length ?? end - start;
    // A coordination ("Britain and France said") is one speaker, coded by its first member as subjects are.
    const heads = inside.filter((a) => a.code && a.end <= start + headZone);
    const joined = (a: ActorMention, i: number): boolean => i > 0 && /^\s*(?:,|and|or|&)\s*$/i.test(text.slice(heads[i - 1]!.end, a.start));
    const own = heads.filter((a, i) => !joined(a, i));
    // (a town or region never speaks: "a drone strike in El Obeid killed three, a local rights group said" has no coded speaker)
    const coded = own[own.length - 1] ?? inside.find((a) => a.code) ?? (frame.isLeading ? actors.find((a) => a.code && a.start >= opened && a.end <= start && !isPlaceEntity(a)) : undefined);
    if (coded) {
      speaker = actorAt(coded, sentence.start);
      // "Latvia and Lithuania said they would ...": the members joined to it act with it where the speaker is the doer.
      const members: ActorMention[] = [];
      for (let i = heads.indexOf(coded) + 1; i > 0 && i < heads.length && joined(heads[i]!, i); i++) members.push(heads[i]!);
      if (members.length) MEMBERS.set(speaker, members.map((m) => actorAt(m, sentence.start)));
    } else if (speakerName && startsWithAnaphor(speakerName, ctx)) {
      // "The army also said": the state actor last named by that organ word ("Sudan's army"), else the topic
      const organ = /^the\s+(?:[a-z]+\s+)?(\w+)$/i.exec(speakerName);
      speaker = (organ ? discourse.organs.get(organ[1]!.toLowerCase()) : undefined) ?? discourse.topic;
    }
    if (speakerName && isOutlet(speakerName)) {
      const outlet = inside.find((a) => a.entity.type === 'organization' && !a.code) ?? inside.find((a) => a.entity.type === 'organization');
      named.push(outlet ? outlet.entity.name : speakerName.replace(/^(?:the|a)\s+/i, ''));
    }
  } else if (discourse.quoteSpeaker && OPENING_QUOTE.test(text)) {
    // '"We cannot accept this," the minister said. "They must release him."': the second sentence is still the minister's.
    speaker = discourse.quoteSpeaker.actor;
    speakerName = discourse.quoteSpeaker.name;
  }
  // "TOKYO (Kyodo) — ...": the outlet a dateline credits carried the story.
  if (frame.datelineOutlet) named.unshift(frame.datelineOutlet);
  const isMasked = (a: ActorMention): boolean => frame.masked.some((m) => a.start >= m.start && a.end <= m.end);
  return {
    sentence,
    text: sentence.text,
    tree: null,
    evidence: { text: sentence.text, start: sentence.start, end: sentence.end },
    claim,
    frame,
    // "in March": a name inside a date is the date's (the month), no actor.
    actors: actors.filter((a) => !isMasked(a) && !dates.some((d) => d.start - sentence.start <= a.start && a.end <= d.end - sentence.start)),
    speaker,
    speakerName,
    via: outletChain(named, source, publisher),
    dates,
  };
}

/** Drops a phrase introduced by another through "to" (agreed to provide, refused to allow): the first governs. */
function governing(matches: PatternMatch[], claim: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (const match of matches) {
    const previous = out[out.length - 1];
    if (previous) {
      const between = claim.slice(previous.end, match.start) + ' ';
      const isIntroduced = INFINITIVE_LINK.test(between) || (/\sto$/i.test(claim.slice(previous.start, previous.end)) && /^\s+(?:\S+\s+)?$/.test(between));
      // "ordered the army to raise its readiness": a command to one's own organ hands on to what it commands
      const isHandedOn = previous.pattern.isIntentMarker || (previous.pattern.code === '057' && match.pattern.transfer !== null) || previous.pattern.id.endsWith(OWN_COMMAND);
      if (isIntroduced && isHandedOn) {
        // "intends to buy": the marker only makes the verb planned (read again from the text before it);
        // "signed a deal to buy": the purchase is the event.
        out[out.length - 1] = match;
        continue;
      }
      if (isIntroduced) continue;
      // "ruled out sending tanks", "decided against supplying": what a refusal takes as its gerund is refused, not done
      if (previous.pattern.code.startsWith('12') && /^\s*$/.test(between) && /^\w+ing\b/i.test(claim.slice(match.start, match.end))) continue;
    }
    out.push(match);
  }
  return out;
}

function lastBoundary(claim: string, before: number, floor: number): number {
  let start = floor;
  CLAUSE_START.lastIndex = 0;
  const head = claim.slice(0, before);
  for (let m = CLAUSE_START.exec(head); m; m = CLAUSE_START.exec(head)) {
    const end = m.index + m[0].length;
    if (end > start && end <= before) start = end;
  }
  return start;
}

function nextBoundary(claim: string, after: number): number {
  CLAUSE_END.lastIndex = after;
  for (let m = CLAUSE_END.exec(claim); m; m = CLAUSE_END.exec(claim)) {
    // A non-restrictive ", which ... ," inside the object: the clause goes on after its closing comma.
    if (/^,\s+(?:which|who)$/.test(m[0] + claim.slice(m.index + m[0].length).split(/\s/)[0])) {
      const close = claim.indexOf(',', m.index + 2);
      if (close > 0 && /^,\s*(?:to|against|with|from|into|in|on|for)\b/.test(claim.slice(close))) {
        CLAUSE_END.lastIndex = close + 1;
        continue;
      }
    }
    return m.index;
  }
  return claim.length;
}

function subjectOf(actors: ActorMention[], from: number, to: number, claim: string, ctx: Context, isFreeOnly = false): ActorMention | null {
  const inRange = actors.filter((a) => a.start >= from && a.end <= to);
  const free = inRange.filter((a) => !PREPOSITION_BEFORE.test(claim.slice(Math.max(from, a.start - 30), a.start)));
  const chosen = free.find((a) => a.code);
  if (chosen || isFreeOnly) return chosen ?? null;
  if (startsWithAnaphor(claim.slice(from, to), ctx)) return null;
  return inRange.find((a) => a.code) ?? free[0] ?? null;
}

function objectOf(actors: ActorMention[], from: number, to: number, claim: string, isPosture = false): ActorMention | null {
  // "on the Laotian border": a country that only names a border is where, not whom (but forces massed "near the Ukrainian border",
  // a show of force, are aimed at the country past it).
  // "condemned the strikes as a violation of Afghan territory": what an "as" phrase calls the object names no one acted on.
  // (only after an object of its own: "condemned as illegal the seizure of the tanker" puts the object after it)
  const asAt = /\bas\s+(?:a|an|the)\s/i.exec(claim.slice(from, to));
  if (asAt && /\w/.test(claim.slice(from, from + asAt.index))) to = from + asAt.index;
  // "stormed the palace in what President Arce called an attempted coup": who names the act in a free relative is not its target
  const whatAt = /\b(?:in|as)\s+what\s/i.exec(claim.slice(from, to));
  if (whatAt) to = from + whatAt.index;
  const inRange = actors.filter((a) => a.start >= from && a.end <= to && (isPosture || !BORDER_AFTER.test(claim.slice(a.end, a.end + 12))));
  // "fought a war over the Karabakh region", "a rally in Lima": a place or region after such a preposition is where, not whom.
  // "froze its participation in the EAEU, the Russia-led bloc": a name in a hyphenated modifier of an apposition says who leads
  // the one named before it, not whom (but "joined the French-led mission" is France's mission)
  const isAppositionModifier = (a: ActorMention): boolean => /^-[a-z]/.test(claim.slice(a.end, a.end + 2)) && /,\s*(?:the\s+|a\s+)?$/i.test(claim.slice(Math.max(0, a.start - 8), a.start));
  const whom = inRange.filter(
    (a) =>
      // ("agreed to end a dispute over Ethiopia's plan": the one a topic phrase names is no one acted on; "seized boats off the
      // coast of Yemen": a coast off which something happens is where)
      !PLACE_OR_TOPIC_BEFORE.test(claim.slice(Math.max(0, a.start - 20), a.start)) &&
      !isLeaderOfNext(a, inRange, claim) &&
      !isAppositionModifier(a) &&
      !MEDIATOR_BEFORE.test(claim.slice(Math.max(0, a.start - 60), a.start)) &&
      !TIME_PHRASE_BEFORE.test(claim.slice(Math.max(0, a.start - 60), a.start)),
  );
  return whom.find((a) => a.code) ?? whom[0] ?? null;
}

const PLACE_OR_TOPIC_BEFORE = /\b(?:over|off\s+the\s+(?:coast|coasts|shores?)\s+of)\s+(?:the\s+)?$/i;
/** A phrase of time before a name ("freed 12 prisoners ahead of a visit from a British minister"): the name belongs to another act. */
const TIME_PHRASE_BEFORE = /\b(?:ahead\s+of|prior\s+to|in\s+the\s+run-up\s+to)\s+(?:[^\s,;]+\s+){0,8}?(?:by|of|from|with|to)\s+(?:the\s+|a\s+|an\s+)?$/i;
/** A frame of mediation before a name: "released the crew in a mediation by Oman", "through talks hosted by Qatar". */
const MEDIATOR_BEFORE =
  /\b(?:in|under|through|via|after|following|with)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:mediation|deal|agreement|talks|accord|arrangement|swap|exchange|efforts?|help|brokering)\s+(?:\w+\s+)?(?:by|from|of|with)\s+(?:the\s+)?$/i;

/** "the Russia-led CSTO": a name in a hyphenated modifier of a name that is itself an actor is not the one meant. */
function isLeaderOfNext(a: ActorMention, actors: readonly ActorMention[], claim: string): boolean {
  const m = /^-[a-z]+\s+/.exec(claim.slice(a.end, a.end + 24));
  return m !== null && actors.some((b) => b.code && b.start === a.end + m[0].length);
}
/** "near the border with Mali": a country named as a border's other side. */
const BORDER_BEFORE = /\b(?:border|borders|frontier|boundary)\s+with\s+(?:the\s+)?$/i;

/** Whether the match is a noun in the agent phrase of a passive verb ("killed by a roadside bomb"). */
function isInPassivePhrase(sc: SentenceContext, match: PatternMatch): boolean {
  const tree = sc.tree;
  if (!tree || match.pattern.isVerb) return false;
  const i = wordAt(tree, sc.sentence.start + match.start);
  if (i < 0) return false;
  // The phrase's head noun: the match may open on a modifier ("roadside bomb").
  let n = i;
  while (n >= 0 && /^(?:compound|amod)$/.test(tree.words[n]!.deprel)) n = tree.words[n]!.head;
  const w = n >= 0 ? tree.words[n] : undefined;
  if (!w || w.head < 0 || !/^obl/.test(w.deprel)) return false;
  // Only the agent phrase: "were involved in the looting" tells what the subject did.
  const isBy = w.deprel === 'obl:agent' || tree.words.some((x) => x.head === n && x.deprel === 'case' && x.text.toLowerCase() === 'by');
  return isBy && tree.words.some((x) => x.head === w.head && /^(?:aux:pass|nsubj:pass)$/.test(x.deprel));
}

/**
 * Where a second predicate conjoined to the match's verb begins (its first word, "but" included),
 * relative to the sentence, or the sentence's length: "respected free speech but did not endorse the
 * protesters' views" ends the first clause before "but". Only a verb with an object of its own ends there.
 */
function conjoinedStart(sc: SentenceContext, match: PatternMatch): number {
  const tree = sc.tree;
  const base = sc.sentence.start;
  const p = tree ? wordAt(tree, base + match.start) : -1;
  if (!tree || p < 0) return sc.claim.length;
  // "donated and delivered goods to X": a first verb with no object of its own shares the second's; one with a phrase of its
  // own before the conjunct does not ("took over the broadcaster and detained the president")
  const hasObject = tree.words.some((w) => w.head === p && w.deprel === 'obj');
  let first = sc.claim.length;
  // "closed the crossing to trade and blamed X": a verb joined to one of the predicate's own clauses ends it too
  for (const [c, w] of tree.words.entries()) {
    if (w.deprel !== 'conj' || (w.upos !== 'VERB' && w.upos !== 'AUX') || c <= p || !isUnder(tree, w.head, p)) continue;
    // The conjunct's own words start at its leftmost dependent ("but did not endorse").
    let left = c;
    for (const [k, x] of tree.words.entries()) if (k < left && k > p && x.head === c) left = k;
    const hasOwnPhrase = hasObject || tree.words.some((x, k) => k > p && k < left && x.head === p && /^(?:iobj|obl)$/.test(x.deprel) && (x.upos === 'NOUN' || x.upos === 'PROPN'));
    if (hasOwnPhrase) first = Math.min(first, tree.words[left]!.start - base);
  }
  return first;
}

/**
 * "agreed to a truce under which hostages would be freed in exchange for Palestinian prisoners": a relative clause on a
 * noun after the predicate, opened by a preposition and "which" ("under which", "by which") or by "whereby", states the
 * noun's terms; the names in it are not the predicate's target. Returns where the first such clause opens, relative to the
 * sentence, or the claim's length.
 */
function objectRelativeStart(sc: SentenceContext, match: PatternMatch): number {
  const tree = sc.tree;
  const base = sc.sentence.start;
  if (!tree) return sc.claim.length;
  const p = wordAt(tree, base + match.start);
  if (p < 0) return sc.claim.length;
  for (const [c, w] of tree.words.entries()) {
    if (c <= p || w.deprel !== 'acl:relcl' || w.head <= p) continue;
    let left = c;
    for (const k of subtree(tree, c)) if (k < left) left = k;
    if (left <= w.head) continue;
    // only a clause opened by a preposition and "which" or "whom" ("under which", "by whom"), or "whereby": the terms or
    // circumstances of the noun. A clause opened by "that" or "which" alone may say what the act did ("a strike that shut
    // down the capital"), and "demands that X grant" is the content of the noun, both read by the parser as relative.
    const first = tree.words[left]!;
    const second = tree.words[left + 1];
    const isPiedPiped = first.upos === 'ADP' && second !== undefined && /^(?:which|whom)$/i.test(second.text);
    // "detained 12 migrants who had crossed from Belarus": a clause of "who" tells what the people did, not whom the act struck
    if (isPiedPiped || /^(?:whereby|who)$/i.test(first.text)) return first.start - base;
  }
  return sc.claim.length;
}

/**
 * A main verb right after a relative clause set off by commas ("Chile, which could face floods this year,
 * asked Peru for help"): its clause opens before the relative clause, whose words are blanked from
 * the text before the verb (its "could" or "would not" says nothing of the main verb). Null when the
 * predicate does not follow such a clause or is no verb.
 */
function pastRelative(sc: SentenceContext, start: number, floor: number, at: number): { start: number; before: string } | null {
  const tags = tagsOf(sc);
  const { claim } = sc;
  const before = claim.slice(start, at);
  if (!tags || !/^\s*(?:which|who)\b/i.test(before)) return null;
  const tag = tags(at);
  if (tag !== 'VERB' && tag !== 'AUX') return null;
  const close = before.search(/,\s*(?:\w+ly\s+)?$/);
  const open = claim.lastIndexOf(',', start);
  if (close < 0 || open < 0 || open < floor) return null;
  const outer = lastBoundary(claim, open, floor);
  return { start: outer, before: claim.slice(outer, open) + ' '.repeat(start + close - open) + claim.slice(start + close, at) };
}

/**
 * Where a relative clause set off by commas ends when the predicate stands in one ("Chile, which has
 * long backed the accord, condemned Peru"): at the first later comma that a verb follows, for that
 * verb is the sentence's own; the sentence's length otherwise (or without a tagged tree).
 */
function relativeEnd(sc: SentenceContext, before: string, from: number): number {
  const tags = tagsOf(sc);
  if (!tags || !/^\s*(?:which|who)\b/i.test(before)) return sc.claim.length;
  const comma = /,\s*(?=\S)/g;
  comma.lastIndex = from;
  for (let m = comma.exec(sc.claim); m; m = comma.exec(sc.claim)) {
    const tag = tags(m.index + m[0].length);
    if (tag === 'VERB' || tag === 'AUX') return m.index;
  }
  return sc.claim.length;
}

/** Whether a mention is a town or region the tree reads as the compound modifier of a noun ("the Jeddah truce"). */
function isPlaceModifier(sc: SentenceContext, a: ActorMention): boolean {
  if (!sc.tree || !isPlaceEntity(a)) return false;
  const base = sc.sentence.start;
  const inside = sc.tree.words.filter((w) => w.start - base >= a.start && w.end - base <= a.end);
  const last = inside[inside.length - 1];
  return last !== undefined && last.deprel === 'compound';
}

/** Whether a verb match is a light verb whose object starts or heads a noun match of its own. */
function isLightOverActNoun(sc: SentenceContext, match: PatternMatch, matches: readonly PatternMatch[]): boolean {
  const tree = sc.tree!;
  const base = sc.sentence.start;
  const o = lightVerbObject(tree, wordAt(tree, base + match.start));
  if (o < 0) return false;
  const at = tree.words[o]!.start - base;
  if (at < match.end) return false;
  return matches.some((m) => m !== match && !m.pattern.isVerb && m.pattern.code !== '-' && m.start <= at && at < m.end);
}

/** Marks of a clause that says when ("days after X staged drills", "before fleeing"). */
const TIME_MARKS = new Set(['after', 'before', 'since', 'until', 'till', 'when', 'while', 'as', 'once']);

/**
 * Whether the tree puts a mention in a clause of time hung on the predicate ("fired a missile days after
 * Washington and Seoul staged drills"): its actors did something else, at another time.
 */
function isInTimeClause(sc: SentenceContext, p: number, a: ActorMention): boolean {
  const tree = sc.tree;
  if (!tree) return false;
  let i = wordAt(tree, sc.sentence.start + a.start);
  if (p < 0 || i < 0) return false;
  // "agreed to pull back troops after clashes last week killed a Cambodian soldier": a word of time, then a verb, before the
  // mention opens a clause of its own, however the parser hung it
  const opener = tree.words.findIndex((w, k) => k > p && k < i && TIME_MARKS.has(w.text.toLowerCase()));
  if (opener >= 0 && tree.words.some((w, k) => k > opener && k < i && w.upos === 'VERB' && !/ing$/i.test(w.text))) return true;
  for (let guard = 0; i >= 0 && guard <= tree.words.length; guard++) {
    const w = tree.words[i]!;
    // ("signed a treaty during Putin's visit to Pyongyang": a phrase of time or circumstance, on the verb or wherever the parser
    // hung it, names no one acted on)
    if (/^(?:obl|nmod)$/.test(baseRelation(w.deprel)) && TIME_PHRASE_CASES.has(caseOf(tree, i))) return true;
    if (w.head === p) return w.deprel === 'advcl' && dependents(tree, i, 'mark').some((k) => TIME_MARKS.has(tree.words[k]!.text.toLowerCase()));
    i = w.head;
  }
  return false;
}

/** A state named by a common noun that points back: "the country", "the nation", "the kingdom". */
const COUNTRY_ANAPHOR = /^\s*the\s+(?:country|nation|kingdom|republic)\b/i;

/** An act of force named after a doer's name or adjective: "a Hamas ambush", "an Israeli air strike", "a Russian missile attack". */
const ACT_OF_FORCE_AFTER = /^\s+(?:[\w-]+\s+)?(?:attacks?|airstrikes?|air\s+strikes?|drone\s+strikes?|strikes?|ambush(?:es)?|raids?|bombings?|shelling|assaults?|offensive)\b/i;

/**
 * The doer a passive's phrase of circumstance names on its act noun: "two soldiers were killed in a Hamas ambush" (Hamas), "died
 * in an Israeli air strike" (Israel); null where the phrase names none.
 */
function actOfForceDoer(actors: ActorMention[], claim: string, from: number, to: number): ActorMention | null {
  return actors.find((a) => a.start >= from && a.end <= to && a.code !== null && /\b(?:in|during)\s+(?:an?|the)\s+$/i.test(claim.slice(Math.max(0, a.start - 12), a.start)) && ACT_OF_FORCE_AFTER.test(claim.slice(a.end, a.end + 30))) ?? null;
}

/** "each side", "each country" right before a verb whose object is "the other": the two sides act on each other. */
const EACH_SIDE_BEFORE = /\beach\s+(?:side|country|party|government|nation|army)\s+$/i;

/** An act of force and its preposition right before whom it strikes: "an attack on", "any aggression against the". */
const ATTACK_ON_BEFORE = /\b(?:attacks?|strikes?|aggression|assaults?|invasion|incursions?)\s+(?:on|against|of)\s+(?:the\s+)?$/i;

/** Words that open a clause of time, reason or contrast; one of them opening a clause before its subject: "as", "while", "after". */
const SUBORDINATORS = 'as|while|when|after|before|because|since|although|though|whereas';
const CLAUSE_OPENER = new RegExp(`^\\s*(?:${SUBORDINATORS})\\s+`, 'i');

/** A word that opens a clause of time or reason, at the end of the words before a clause. */
const SUBORDINATOR_END = new RegExp(`\\b(?:${SUBORDINATORS})\\s*$`, 'i');

/** Prepositions of a phrase of time or circumstance: "during the visit", "amid the talks", "throughout the war". */
const TIME_PHRASE_CASES = new Set(['during', 'amid', 'amidst', 'throughout']);

/** Verbs of bringing others to an agreement: their doer is a go-between. */
const BROKERING_VERBS = new Set(['broker', 'mediate', 'host', 'facilitate']);

/** Verbs of carrying goods: "a tanker carrying Iraqi oil", "a ship transporting Iranian grain". */
const CARRYING_VERBS = new Set(['carry', 'transport', 'ship', 'haul', 'ferry', 'bring', 'load', 'smuggle']);

/**
 * Whether a mention is the origin of the goods a vessel or vehicle of the predicate's phrase carries ("seized a tanker carrying
 * Iraqi oil"): whose the cargo is says nothing of whom the act struck. People carried are struck with it ("a bus carrying Israeli
 * soldiers"), so a role noun or a noun of people keeps its state.
 */
function isCargoOrigin(sc: SentenceContext, p: number, a: ActorMention, ctx: Context): boolean {
  const tree = sc.tree;
  if (!tree || p < 0) return false;
  const i = wordAt(tree, sc.sentence.start + a.start);
  if (i < 0 || !/^(?:amod|compound|nmod:poss)$/.test(tree.words[i]!.deprel)) return false;
  const goods = tree.words[tree.words[i]!.head];
  if (!goods || baseRelation(goods.deprel) !== 'obj' || goods.head < 0 || goods.head === p) return false;
  const carrying = tree.words[goods.head]!;
  if (!CARRYING_VERBS.has(carrying.lemma.toLowerCase()) || !/^(?:acl|advcl)$/.test(baseRelation(carrying.deprel))) return false;
  return !domesticRoleIn(goods.text, ctx) && !stateRoleIn(goods.text, ctx) && !equipmentCategories(goods.text, ctx).includes('people');
}

/**
 * Whether a mention lies inside a reduced passive that describes a noun of the predicate's phrase ("arrested a man suspected of spying
 * for Russia", "detained a ship accused of carrying arms to Yemen"): that clause tells what the noun is charged with, not whom the
 * predicate acts on.
 */
function isInParticipleOnNoun(sc: SentenceContext, p: number, a: ActorMention): boolean {
  const tree = sc.tree;
  if (!tree || p < 0) return false;
  let i = wordAt(tree, sc.sentence.start + a.start);
  for (let guard = 0; i >= 0 && i !== p && guard <= tree.words.length; guard++) {
    const w = tree.words[i]!;
    // One with a "by" doer ("a protest staged by students at X") names who did what the noun is: that doer may be the target.
    if (w.head !== p && w.upos === 'VERB' && isParticipleOnNoun(tree, i) && dependents(tree, i, 'obj').length === 0 && dependents(tree, i, 'obl:agent').length === 0 && !dependents(tree, i, 'obl').some((k) => dependents(tree, k, 'case').some((c) => tree.words[c]!.text.toLowerCase() === 'by'))) return true;
    // "agreed to a truce brokered by Qatar": the doer of a participle of brokering is the go-between, not the other party
    if (w.head !== p && i !== p && BROKERING_VERBS.has(w.lemma.toLowerCase()) && isParticipleOnNoun(tree, i)) return true;
    // "exchanged prisoners in a deal brokered by X": the frame an act is done in ("in a deal", "under an accord") is no one it is
    // done to, whoever the frame's own doer is
    // ("agreed to restore ties after talks mediated by Turkey": a frame of time, wherever the parser hung it, also as a clause
    // of its own opened by "after")
    if (w.upos === 'VERB' && w.head !== -1 && i !== p && dependents(tree, i, 'obl:agent').length > 0 && dependents(tree, i, 'mark').some((k) => TIME_FRAME_CASES.has(tree.words[k]!.text.toLowerCase()))) return true;
    // ", in a deal brokered by China": the frame read as the participle's own phrase ("brokered [in a deal] by China")
    if (w.upos === 'VERB' && i !== p && dependents(tree, i, 'obl:agent').length > 0 && dependents(tree, i, 'obl').some((k) => FRAME_CASES.has(caseOf(tree, k)) && DOCUMENT_NOUNS.test(tree.words[k]!.lemma))) return true;
    if (w.head >= 0 && w.upos === 'VERB' && isParticipleOnNoun(tree, i)) {
      const frame = caseOf(tree, w.head);
      if (TIME_FRAME_CASES.has(frame) || (FRAME_CASES.has(frame) && tree.words[w.head]!.deprel === 'obl')) return true;
    }
    i = w.head;
  }
  return false;
}

const RELATIVE_SUBJECTS = new Set(['which', 'who', 'that']);

/**
 * "The rebels, who seized Goma last month, have been accused by Kinshasa of ...": a name inside a relative clause describes the
 * noun the clause hangs on; it is no argument of a predicate outside that clause (the predicate neither inside the clause nor
 * above it).
 */
function isInOtherRelative(sc: SentenceContext, p: number, a: ActorMention): boolean {
  const tree = sc.tree;
  if (!tree) return false;
  let i = wordAt(tree, sc.sentence.start + a.start);
  let relative = -1;
  for (let guard = 0; i >= 0 && guard <= tree.words.length; guard++) {
    if (i === p) return false;
    if (tree.words[i]!.deprel === 'acl:relcl') {
      relative = i;
      break;
    }
    i = tree.words[i]!.head;
  }
  // (only a clause whose subject is its relative pronoun: a "that" clause with a subject of its own may be a misread complement,
  // "demands that the junta's leaders step down", whose names are the demand's)
  const pronoun = relative < 0 ? -1 : (dependents(tree, relative, 'nsubj', 'nsubj:pass').find((k) => RELATIVE_SUBJECTS.has(tree.words[k]!.text.toLowerCase())) ?? -1);
  if (pronoun < 0) return false;
  // a clause set off by a comma ends at the next one: a phrase past it that the parser hung inside ("transferred vehicles and
  // equipment, which includes gear, to Tajikistan") is the main verb's
  if (tree.words[pronoun - 1]?.text === ',') {
    const closing = tree.words.findIndex((w, k) => k > pronoun && w.text === ',');
    if (closing >= 0 && wordAt(tree, sc.sentence.start + a.start) > closing) return false;
  }
  // the predicate inside that clause ("who agreed to send X": "send" below the relative's verb) is that clause's own
  for (let k = p, guard = 0; k >= 0 && guard <= tree.words.length; k = tree.words[k]!.head, guard++) if (k === relative) return false;
  return true;
}

/**
 * "Russia voted against the resolution, and Brazil and India abstained": a name that is the subject of another verb (itself or as a
 * conjunct of that subject) opens a clause of its own; it is no one the predicate acts on.
 */
function isOtherClauseSubject(sc: SentenceContext, predicate: number, a: ActorMention, actors: readonly ActorMention[]): boolean {
  const tree = sc.tree;
  if (!tree || predicate < 0) return false;
  // ("not allow", "never attacked": a phrase opened by a particle or an auxiliary is its verb's)
  let p = predicate;
  for (let guard = 0; guard < 3 && p >= 0 && /^(?:PART|AUX|ADV)$/.test(tree.words[p]!.upos); guard++) p = tree.words[p]!.head;
  if (p < 0) return false;
  // In the words: a list of names after ", and" (", but", ", while") that a verb follows, whatever the parser made of it.
  const text = sc.sentence.text;
  const list = [a];
  for (let k = actors.indexOf(a) - 1; k >= 0 && /^\s*(?:,|and|,\s*and)\s*$/.test(text.slice(actors[k]!.end, list[0]!.start)); k--) list.unshift(actors[k]!);
  for (let k = actors.indexOf(a) + 1; k < actors.length && /^\s*(?:,|and|,\s*and)\s*$/.test(text.slice(list[list.length - 1]!.end, actors[k]!.start)); k++) list.push(actors[k]!);
  if (/,\s*(?:and|but|while)\s+$/i.test(text.slice(Math.max(0, list[0]!.start - 12), list[0]!.start))) {
    const after = /^\s*([A-Za-z]+)/.exec(text.slice(list[list.length - 1]!.end));
    const next = after ? wordAt(tree, sc.sentence.start + list[list.length - 1]!.end + after[0].length - after[1]!.length) : -1;
    if (next >= 0 && (tree.words[next]!.upos === 'VERB' || tree.words[next]!.upos === 'AUX')) return true;
  }
  let i = wordAt(tree, sc.sentence.start + a.start);
  // "Syria had begun removing checkpoints, and warned Damascus": the object of a verb outside the predicate's own clause (or a
  // phrase of it: "the decision to expel the envoys followed a poisoning in Salisbury")
  if (i >= 0 && /^(?:obj|iobj|obl)$/.test(tree.words[i]!.deprel) && tree.words[i]!.head > p && tree.words[tree.words[i]!.head]!.upos === 'VERB' && !isUnder(tree, tree.words[i]!.head, p)) return true;
  // up from a member of a list to its first member
  for (let guard = 0; i >= 0 && tree.words[i]!.deprel === 'conj' && guard < 8; guard++) i = tree.words[i]!.head;
  if (i < 0) return false;
  const w = tree.words[i]!;
  // (a clause conjoined to the predicate's; "threatened a strike unless Israel rescinded X" names whom the condition is on)
  return (w.deprel === 'nsubj' || w.deprel === 'nsubj:pass') && w.head !== p && w.head > p && tree.words[w.head]!.deprel === 'conj' && tree.words[w.head]!.head === p;
}

/**
 * "Poland is buying air-defence systems to protect its cities from Russian strikes": a purchase's seller stands before a purpose
 * infinitive after its object; the end of the words that may name it.
 */
function purposeEnd(claim: string, from: number, end: number): number {
  const m = /\sto\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|some|all|\d)\b)[a-z]+\b/.exec(claim.slice(from, end));
  return m ? from + m.index : end;
}

/** Codes of acts aimed at what they leave ("withdrew its ambassador from Tehran", "pulled troops out of X"): reducing relations, withdrawing. */
const WITHDRAWING_FROM = /^(?:16|087)/;

/** "by video link from Vilnius", "flew in from Doha": a town or region after "from" is where the act came from, not whom it was aimed at. */
function isPlaceOfOrigin(a: ActorMention, claim: string): boolean {
  return isPlaceEntity(a) && /\bfrom\s+(?:the\s+)?$/i.test(claim.slice(Math.max(0, a.start - 12), a.start));
}

/** Prepositions of the frame an act is done in: "in a deal", "under an agreement", "through talks" (as the verb's phrase). */
const FRAME_CASES = new Set(['in', 'under', 'through', 'via']);
/** Prepositions of a frame of time: "after talks", "amid protests" (wherever the parser hangs the phrase). */
const TIME_FRAME_CASES = new Set(['after', 'following', 'amid', 'during']);

/** Nouns of texts that rule or agree something: a participle on them tells their content. */
const DOCUMENT_NOUNS = /^(?:agreement|deal|pact|treaty|accord|law|bill|resolution|decree|legislation|memorandum|protocol|order|ordinance|amendment|declaration|statement|text)$/;

/**
 * Whether a predicate states what a text rules or agrees: a clause on a document noun ("a ceasefire deal that requires Hezbollah
 * fighters to withdraw", "a law banning protests"), or a verb that clause governs. What a deal requires is no act told.
 */
function isDocumentContent(tree: SentenceSyntax, p: number): boolean {
  for (let k = p, guard = 0; k >= 0 && guard < 8; guard++) {
    const w = tree.words[k]!;
    const rel = baseRelation(w.deprel);
    if (rel === 'acl' && w.head >= 0 && DOCUMENT_NOUNS.test(tree.words[w.head]!.lemma)) return true;
    // "signed a defence pact allowing their troops to train": an -ing participle right after the verb's object, a text, with no
    // subject or marker of its own, says what the text allows, wherever the parser hung it (on the verb, as an adverbial clause)
    // ("signed a defence pact on Monday allowing ...": a phrase of the verb's own, of time or place, may stand between)
    const hasOwn = tree.words.some((x) => x.head === k && /^(?:nsubj|mark)/.test(x.deprel));
    const object = rel === 'advcl' && /ing$/i.test(w.text) && !hasOwn ? tree.words.findLastIndex((x, i) => i < k && x.head === w.head && baseRelation(x.deprel) === 'obj') : -1;
    const isBetweenObliques = (i: number): boolean => {
      const child = childOn(tree, i, w.head);
      return tree.words[i]!.upos === 'PUNCT' || child === object || (child >= 0 && baseRelation(tree.words[child]!.deprel) === 'obl');
    };
    if (object >= 0 && DOCUMENT_NOUNS.test(tree.words[object]!.lemma) && tree.words.slice(object + 1, k).every((_, j) => isBetweenObliques(object + 1 + j))) return true;
    if (rel !== 'xcomp' && rel !== 'ccomp' && rel !== 'conj') return false;
    k = w.head;
  }
  return false;
}

/** The dependent of `top` on the path from word `i` up to it (i itself if its head is `top`), or -1 when `top` is no ancestor. */
function childOn(tree: SentenceSyntax, i: number, top: number): number {
  for (let k = i, guard = 0; k >= 0 && guard < tree.words.length; guard++) {
    const h = tree.words[k]!.head;
    if (h === top) return k;
    k = h;
  }
  return -1;
}

/**
 * Whether a predicate's word is a past participle describing a noun with no doer of its own: one after the noun ("a man
 * convicted of spying", no "by" phrase) or before it ("30 suspected militants", "the wanted man").
 */
function isDescribingParticiple(tree: SentenceSyntax, p: number): boolean {
  if (p < 0) return false;
  const w = tree.words[p]!;
  if (w.deprel === 'amod' && /ed$/i.test(w.text)) return true;
  // "signed an agreement allowing their troops to train", "passed a law banning protests": what a text does is its content
  if (baseRelation(w.deprel) === 'acl' && /ing$/i.test(w.text) && w.head >= 0 && DOCUMENT_NOUNS.test(tree.words[w.head]!.lemma)) return true;
  if (!isParticipleOnNoun(tree, p)) return false;
  const hasBy = dependents(tree, p, 'obl:agent').length > 0 || dependents(tree, p, 'obl').some((k) => dependents(tree, k, 'case').some((c) => tree.words[c]!.text.toLowerCase() === 'by'));
  return !hasBy && dependents(tree, p, 'obj').length === 0;
}

/** Whether a mention names a place or region (a city, a province), not a state or a body. */
function isPlaceEntity(a: ActorMention): boolean {
  return a.entity.type === 'place' || a.entity.type === 'region';
}

/**
 * The target of a complaint: what it is about ("complained to the UN over Israeli air raids"), else the
 * object. With a tree, only an "over"/"about" of the complaint's own clause: "summoned X's envoy after
 * ships fired at a fishing boat" is not about the boat.
 */
function aboutOf(sc: SentenceContext, match: PatternMatch, to: number): ActorMention | null {
  const { actors, claim } = sc;
  const base = sc.sentence.start;
  const tree = sc.tree && isTrained(sc.tree) ? sc.tree : undefined;
  const p = tree ? wordAt(tree, base + match.start) : -1;
  const about = /\b(?:over|about|against|at)\s+/gi;
  about.lastIndex = match.end;
  for (let m = about.exec(claim); m && m.index < to; m = about.exec(claim)) {
    if (tree && p >= 0) {
      const w = wordAt(tree, base + m.index);
      if (w >= 0 && clauseHead(tree, w) !== clauseHead(tree, p)) continue;
      // "summoned the envoy over a plot to kill a dissident in The Hague": only a name of the phrase's own noun phrase ("over
      // Iran's nuclear programme") is what the complaint is about, not one in a clause or phrase further down
      const noun = w >= 0 ? tree.words[w]!.head : -1;
      if (noun >= 0 && tree.words[w]!.deprel === 'case') {
        const own = new Set(actorWords(tree, noun));
        const found = objectOf(actors.filter((a) => own.has(wordAt(tree, base + a.start))), m.index, to, claim);
        if (found) return found;
        continue;
      }
    }
    return objectOf(actors, m.index, to, claim);
  }
  return null;
}

/** The clause around one predicate: its bounds and the arguments read from the tree or the surface. */
interface Clause {
  match: PatternMatch;
  start: number;
  end: number;
  /** The clause's words before the predicate. */
  before: string;
  /** Where the predicate's first word ends. */
  verbEnd: number;
  tree: TreeArguments | null;
  subject: ActorMention | null;
  object: ActorMention | null;
  isOwnClaim: boolean;
  /** The actor a pronoun subject points back to ("it", "the ministry", "we" in reported speech). */
  resolved: Actor | null;
  isPassive: boolean;
}

/** Categories of the equipment list whose nouns may still do what actors do: ships call at ports, troops and aid are no hardware. */
const NOT_HARDWARE = new Set(['ships', 'troops', 'humanitarian goods']);

/** Whether a word is a noun naming hardware ("helicopters", "tanks", "howitzers"; not ships, troops or aid). */
function isEquipmentNoun(w: SentenceSyntax['words'][number], ctx: Context): boolean {
  if (w.upos !== 'NOUN') return false;
  const categories = equipmentCategories(w.text, ctx);
  return categories.length > 0 && !categories.some((c) => NOT_HARDWARE.has(c));
}

/** Nouns of force that do violence without an actor named: "a roadside bomb killed", "the blast wounded", "shelling destroyed". */
const FORCE_NOUNS = /^(?:strikes?|airstrikes?|attacks?|raids?|bombs?|bombings?|blasts?|explosions?|explosives?|shelling|shells?|fire|gunfire|crossfire|clash(?:es)?|fighting|violence|bombardments?|barrages?|ambush(?:es)?|assaults?|offensives?|mines?|landmines?|ieds?|grenades?|shots?|bullets?|rounds?|projectiles?|debris|shrapnel|operations?|incursions?|invasion|war|troops|forces|gunmen|assailants|attackers|militants|fighters|rebels|insurgents|jihadists|raiders|mob|crowds?|protesters|men|attempts?|plots?|bids?|violations?|groups?|militias?|organi[sz]ations?|movements?|factions?|cells?|networks?|gangs?|units?|sides?|allies|coalition|alliance|regime|junta)$/i;

/**
 * Whether a subject noun can do no violence: not a weapon or other equipment, not a noun of force ("blast", "shelling"), not a
 * person or a body ("police", "villagers", "gunmen"), not a pronoun or a name.
 */
function isAbstractDoer(w: SentenceSyntax['words'][number], ctx: Context): boolean {
  if (w.upos !== 'NOUN') return false;
  if (FORCE_NOUNS.test(w.text) || equipmentCategories(w.text, ctx).length > 0) return false;
  // a noun of a person by what they do ("a sniper", "the attacker", "terrorists", "an assassin") or who they are ("a man", "a teenager")
  if (/(?:er|ers|or|ors|ist|ists|ant|ants|man|men|woman|women|ager|agers|youths?|assassins?|suspects?|guards?)$/i.test(w.text)) return false;
  return stateRoleIn(w.text, ctx) === null && domesticRoleIn(w.text, ctx) === null;
}

/** Whether a word modifies, as a compound or adjective, a noun of a text that rules or agrees ("a cooperation agreement"). */
function namesDocumentKind(tree: SentenceSyntax, i: number): boolean {
  const w = tree.words[i];
  if (!w || !/^(?:compound|amod)$/.test(w.deprel) || w.head < 0) return false;
  return DOCUMENT_NOUNS.test(tree.words[w.head]!.lemma);
}

/** Whether a "call" names something: the verb of "what X called Y", or with a second object or a predicate ("called it a provocation"). */
/** Verbs that name or regard their object as something when a second object or complement follows. */
const REGARDING_LEMMAS = new Set(['call', 'consider', 'deem', 'label', 'brand', 'dub', 'term']);

/** Whether a verb of calling names through "what" ("what Baku called provocations"): words borrowed, no verdict of the writer's actor. */
function isWhatNaming(tree: SentenceSyntax, p: number): boolean {
  const w = tree.words[p];
  if (!w) return false;
  const head = w.head >= 0 ? tree.words[w.head] : undefined;
  return (head !== undefined && /^what$/i.test(head.text) && w.deprel === 'acl:relcl') || dependents(tree, p, 'obj').some((o) => /^what$/i.test(tree.words[o]!.text));
}

function isNamingCall(tree: SentenceSyntax, p: number): boolean {
  const w = tree.words[p];
  // ("considers Taiwan its own territory", "deemed the vote a sham": verbs of regarding name as "call" does)
  if (!w || !REGARDING_LEMMAS.has(w.lemma.toLowerCase())) return false;
  const head = w.head >= 0 ? tree.words[w.head] : undefined;
  if (head && /^what$/i.test(head.text) && w.deprel === 'acl:relcl') return true;
  const objects = dependents(tree, p, 'obj');
  return objects.some((o) => /^what$/i.test(tree.words[o]!.text)) || objects.length >= 2 || (objects.length > 0 && dependents(tree, p, 'xcomp').length > 0);
}

/** Whether a word modifies, as a compound or adjective, a noun that names a kind of weapon or equipment. */
function namesWeaponKind(tree: SentenceSyntax, i: number, ctx: Context): boolean {
  const w = tree.words[i];
  if (!w || !/^(?:compound|amod)$/.test(w.deprel) || w.head < 0) return false;
  const head = tree.words[w.head]!;
  return head.upos === 'NOUN' && equipmentCategories(head.text, ctx).length > 0;
}

/** Codes one sentence: each predicate's clause, then its roles, then its code and the event. */
function codeSentence(sc: SentenceContext, published: Dated | null, discourse: Discourse, ctx: Context): Event[] {
  const matches = governing(matchPatterns(sc.claim, ctx, tagsOf(sc)).map((m) => commandOf(sc, m, ctx)), sc.claim);
  const out: Event[] = [];
  let previousSource: Actor | null = null;
  const claims = chargeWords(sc, matches);
  const punishers = chargeWords(sc, matches, PUNISHING_ROOTS);
  for (const match of matches) {
    if (match.pattern.code === '-') continue;
    // "in March", "last May": a word of a date is no act.
    if (sc.dates.some((d) => d.start - sc.sentence.start <= match.start && match.start < d.end - sc.sentence.start)) continue;
    // "held a phone call with X", "launched strikes on X": a light verb whose object is an act noun coded on its own
    // is no act of its own (the derived dictionary's "hold" is a detention).
    if (match.pattern.isVerb && sc.tree && isLightOverActNoun(sc, match, matches)) continue;
    // "what Baku called anti-terrorist measures", "called the raid a provocation": "call" that names something is no call.
    // (unless what it calls its object is a reproach: "called the move a provocation" is criticism, 111; "what Baku called
    // provocations" still only names)
    if (match.pattern.isVerb && sc.tree && isNamingCall(sc.tree, wordAt(sc.tree, sc.sentence.start + match.start)) && !(match.pattern.code.startsWith('11') && !isWhatNaming(sc.tree, wordAt(sc.tree, sc.sentence.start + match.start)))) continue;
    // "accused Sweden of allowing a protest", "denied that it had shelled X": the charge is the event, not what it charges.
    if (sc.tree && chargeOver(sc.tree, predicateWord(sc.tree, sc.sentence.start, match), claims) >= 0) continue;
    // (in the words, wherever the parser hung it: "accuse each other of shelling villages", "blamed Kenya for bombing X")
    if (isChargedInWords(sc.claim, match, matches)) continue;
    // "sanctioned three firms for supplying drones": why someone is punished is the punisher's charge, not an act told.
    if (sc.tree && reasonOver(sc.tree, wordAt(sc.tree, sc.sentence.start + match.start), punishers) >= 0) continue;
    // "arrested four men suspected of attacking a patrol": the charge a participle on a noun states is no act told
    if (sc.tree && isChargeOfParticiple(sc.tree, wordAt(sc.tree, sc.sentence.start + match.start))) continue;
    // "under a ceasefire deal that requires Hezbollah fighters to withdraw": what a text requires or allows is its content
    if (match.pattern.isVerb && sc.tree && isDocumentContent(sc.tree, wordAt(sc.tree, sc.sentence.start + match.start))) continue;
    // "met lawmakers to press for more military aid", "sought air defence systems": what is asked for is no act given
    if (!match.pattern.isVerb && sc.tree && isRequested(sc.tree, predicateWord(sc.tree, sc.sentence.start, match))) continue;
    // "banned exports of gallium to the United States": what a verb of stopping takes is stopped, no act told (the ban is the event)
    // (the phrase's first word, its act noun, where the phrase runs into another's: "exports of gallium ... to")
    // (also a verb's form the tree reads as the noun it is: "exports" of the lexicon's "export ... to")
    if (sc.tree && (isStopped(sc.tree, predicateWord(sc.tree, sc.sentence.start, match)) || isStopped(sc.tree, wordAt(sc.tree, sc.sentence.start + match.start)))) continue;
    // "The UN peacekeeping force in Lebanon called on both sides ...": a noun naming a body of people that is the subject of a
    // verb is that body acting, not its deployment
    if (!match.pattern.isVerb && sc.tree && isActingBody(sc.tree, predicateWord(sc.tree, sc.sentence.start, match))) continue;
    // "vowed to respond to joint drills by X and Y": the act a verb of answering answers is someone else's
    if (!match.pattern.isVerb && sc.tree && isAnsweredAct(sc.tree, predicateWord(sc.tree, sc.sentence.start, match))) continue;
    // "a man convicted of spying for X", "30 suspected militants": a past participle describing a noun, with no doer named, says
    // what the noun is (charged, convicted, wanted), not an act told; its phrase names no target.
    if (match.pattern.isVerb && sc.tree && isDescribingParticiple(sc.tree, wordAt(sc.tree, sc.sentence.start + match.start))) continue;
    // "warned shipping firms to stay away": a verb form the tree makes a compound of a noun names a kind of thing, no act
    if (match.pattern.isVerb && sc.tree && isNounCompound(sc.tree, wordAt(sc.tree, sc.sentence.start + match.start))) continue;
    // "crushed Pakistan by eight wickets", "the national team beat Iran": a contest won by a margin of score, or by a team, is no violence
    if (/^1[89]/.test(match.pattern.code) && sc.tree && isContest(sc.tree, predicateWord(sc.tree, sc.sentence.start, match))) continue;
    // "a bitter battle over immigration": a fight over an issue that names no place or actor is a figure of speech
    if (!match.pattern.isVerb && match.pattern.code.startsWith('19') && sc.tree && isIssueFight(sc, predicateWord(sc.tree, sc.sentence.start, match))) continue;
    // "giving him 72 hours to leave the country": a span of time granted is a deadline, nothing handed over
    if (match.pattern.isVerb && sc.tree && isTimeGranted(sc.tree, wordAt(sc.tree, sc.sentence.start + match.start))) continue;
    // "attack helicopters", "strike fighters", "assault rifles": an act noun that modifies a weapon's name names a kind of weapon.
    if (!match.pattern.isVerb && sc.tree && namesWeaponKind(sc.tree, wordAt(sc.tree, sc.sentence.start + match.start), ctx)) continue;
    // "revoked a military cooperation agreement": an act noun that modifies a text's noun names the kind of text, no act
    if (!match.pattern.isVerb && sc.tree && namesDocumentKind(sc.tree, predicateWord(sc.tree, sc.sentence.start, match))) continue;
    const clause = readClause(sc, match, discourse, ctx);
    if (!match.pattern.isVerb && !clause.subject && !clause.resolved && match.pattern.roles === 'subject>object') continue;
    const roles = readRoles(sc, clause, previousSource, discourse, ctx);
    if (!roles) continue;
    // "Philippine and American troops began their largest military exercises": exercises held by two states together are joint
    // drills, military cooperation with each other (062), not a show of force at no one
    const isJointExercise =
      match.pattern.code === '150' && EXERCISE_PHRASE.test(match.pattern.phrase) && roles.source?.code != null &&
      (MEMBERS.get(roles.source) ?? []).some((m) => m.code && isCountryCode(m.code) && m.code.slice(0, 3) !== roles.source!.code!.slice(0, 3));
    const event = buildEvent(sc, isJointExercise ? { ...clause, match: { ...match, pattern: { ...match.pattern, code: '062' } } } : clause, roles.source, roles.target, published, ctx);
    const { source, target } = roles;
    // "opened fire on protesters, killing five people": an act of another code that counts its toll is told, not repeated
    const repeated = out.find(
      (e) =>
        e.cameo.slice(0, 2) === event.cameo.slice(0, 2) &&
        e.source?.code === source?.code &&
        (!target || e.target?.code === target.code) &&
        !(e.cameo !== event.cameo && event.quantities.length > 0 && e.quantities.length === 0),
    );
    if (repeated) {
      // ("fired live rounds at protesters, killing at least two people": the repeat of the same code brings the toll the first lacks)
      if (repeated.quantities.length === 0 && event.quantities.length > 0) repeated.quantities = event.quantities;
      continue;
    }
    out.push(event);
    // "India and China held talks": members of a compound source with no target met each other; so they do
    // where the target read is only the place they met in ("signed a peace agreement in Washington").
    // "discussed the situation in Ukraine", "agreed to a truce in Darfur": a place or a state named after "in" or "at" is where, or what about.
    const arc = target ? ARCS.get(target) : undefined;
    const isLocative = arc !== undefined && /\b(?:in|at)\s+(?:the\s+)?$/i.test(sc.text.slice(Math.max(0, arc.start - 8), arc.start));
    const isVenue = source !== null && (/^(?:place|region):/.test(target?.entityId ?? '') || isLocative) && (MEMBERS.get(source)?.length ?? 0) > 0;
    // ("accuse each other", "blamed one another": the phrase says so itself)
    // (planned too: "will stage joint drills" is coded as an intent, 0312, and still done together)
    // ("each side blaming the other": the same, said of the sides)
    const isEachOther = EACH_SIDE_BEFORE.test(sc.claim.slice(Math.max(0, match.start - 24), match.start)) && /^\s+the\s+other\b/i.test(sc.claim.slice(match.end, match.end + 14));
    const isMutual = RECIPROCAL_CODES.has(event.cameo) || RECIPROCAL_CODES.has(clause.match.pattern.code) || MUTUAL_PHRASE.test(match.pattern.phrase) || /\b(?:each other|one another)\b/i.test(sc.claim.slice(match.start, match.end + 14)) || isEachOther;
    // A target that names no actor ("traded accusations ... in the Horn of Africa": a region with no code) leaves them each other's.
    const mutual = (!target?.code || isVenue) && source && isMutual ? (MEMBERS.get(source) ?? []) : [];
    const all = source ? [source, ...mutual].filter((a) => a.code) : [];
    // A member that names no actor leaves the event as it was read.
    // "Sudan and the Rapid Support Forces agreed to a truce": a state and an armed group or opposition of its own are two sides.
    const pairs = all.flatMap((s) => all.filter((t) => s !== t && (!sameActor(s.code, t.code) || isOtherSide(s.code, t.code))).map((t) => [s, t] as const));
    if (mutual.length > 0 && pairs.length > 0) {
      out.pop();
      for (const [s, t] of pairs) out.push({ ...event, source: s, target: t, roles: arcsOf(sc.text, s, t) });
      if (source?.code) previousSource = source;
      continue;
    }
    // "Britain, France and Germany warned Iran", "Iran warned Britain and France": each member acts, or is acted on, in an event of its own.
    const sources = [source, ...((source && MEMBERS.get(source)) ?? [])];
    const targets = [target, ...((target && MEMBERS.get(target)) ?? [])];
    for (const [i, s] of sources.entries()) {
      for (const [j, t] of targets.entries()) {
        if (i + j === 0 || (i > 0 && !s?.code) || (j > 0 && !t?.code) || (s?.code && s.code === t?.code)) continue;
        // "Chinese and Cambodian troops ... in Cambodia": a member does not act on its own state (KHMMIL on KHM).
        if (sameActor(s?.code, t?.code)) continue;
        // "the UN and its Security Council" (UNO, IGOUNO): a member that names one already coded adds nothing.
        if (j > 0 && targets.slice(0, j).some((other) => sameActor(other?.code, t?.code))) continue;
        if (i > 0 && sources.slice(0, i).some((other) => sameActor(other?.code, s?.code))) continue;
        out.push({ ...event, source: s, target: t, roles: arcsOf(sc.text, s, t) });
      }
    }
    if (source?.code) {
      previousSource = source;
      if (!clause.isPassive) discourse.topic = source;
      discourse.doerOf.set(event.cameo.slice(0, 2), { source, target });
      if (Number(event.cameo.slice(0, 2)) >= 18 && event.modality === 'asserted') discourse.force = source;
    }
  }
  return out;
}

/** What "X ordered Y to do Z" codes: a demand (CAMEO 100), X of Y. */
const COMMAND_CODE = '100';

/**
 * A verb of buying read where its object takes an infinitive ("ordered the peacekeepers to leave"):
 * the verb gives a command to an actor, so the match codes a demand by the subject of the object,
 * not a purchase, and a command to the subject's own organ named bare codes nothing ('-'); any other match is returned as it is.
 */
const OWN_COMMAND = ':own-command';

/** Whether the word at `i` is a compound modifier of a noun ("shipping firms"; not "test" in "test-fired"). */
function isNounCompound(tree: SentenceSyntax, i: number): boolean {
  const w = tree.words[i];
  return w !== undefined && w.deprel === 'compound' && w.head >= 0 && ['NOUN', 'PROPN'].includes(tree.words[w.head]!.upos);
}

/** Units of a score or a vote ("by eight wickets", "by two goals", "by 12 votes"): a margin in a contest. */
const SCORE_UNITS = new Set(['wicket', 'goal', 'run', 'point', 'set', 'stroke', 'vote', 'seat', 'length', 'try', 'innings']);
/** Nouns of a side in a contest ("India's cricket team", "the home side"). */
const TEAM_NOUNS = new Set(['team', 'side', 'squad', 'club', 'eleven', 'xi']);

/** Whether a predicate tells a contest: its subject is a team, or a "by" phrase counts units of a score. */
function isContest(tree: SentenceSyntax, p: number): boolean {
  if (p < 0) return false;
  return tree.words.some((w, i) => {
    if (w.head !== p) return false;
    if (/^nsubj/.test(w.deprel) && TEAM_NOUNS.has(w.lemma.toLowerCase())) return true;
    return w.deprel.startsWith('obl') && SCORE_UNITS.has(w.lemma.toLowerCase()) && tree.words.some((c) => c.head === i && c.deprel === 'nummod') && tree.words.some((c) => c.head === i && c.deprel === 'case' && c.text.toLowerCase() === 'by');
  });
}

/** Nouns of fighting that may be figures of speech ("a battle over immigration", "the fight over the budget"). */
const FIGHT_NOUNS = new Set(['battle', 'fight', 'war', 'struggle']);

/** Whether a fighting noun's "over" phrase names an issue: a word no actor or place mention covers. */
function isIssueFight(sc: SentenceContext, p: number): boolean {
  const tree = sc.tree;
  if (!tree || p < 0 || !FIGHT_NOUNS.has(tree.words[p]!.lemma.toLowerCase())) return false;
  const base = sc.sentence.start;
  return tree.words.some(
    (w, i) =>
      w.head === p &&
      baseRelation(w.deprel) === 'nmod' &&
      tree.words.some((c) => c.head === i && c.deprel === 'case' && c.text.toLowerCase() === 'over') &&
      !actorWords(tree, i).some((k) => sc.actors.some((a) => base + a.start <= tree.words[k]!.start && tree.words[k]!.end <= base + a.end)),
  );
}

/** Verbs of granting, and the nouns of a span of time they may grant ("gave the envoy 48 hours", "allowed them a week"). */
const GRANTING_VERBS = new Set(['give', 'grant', 'allow']);
const TIME_SPANS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'deadline', 'time']);

/** Whether a verb of granting grants a span of time (its object is one): a deadline set, not goods or aid given. */
function isTimeGranted(tree: SentenceSyntax, p: number): boolean {
  if (p < 0 || !GRANTING_VERBS.has(tree.words[p]!.lemma.toLowerCase())) return false;
  // the span is the object, or (wherever the parser hung it) carries the infinitive of what must be done in it ("72 hours to leave")
  const hasInfinitive = (i: number): boolean => tree.words.some((x, k) => x.head === i && /^(?:acl|xcomp)/.test(x.deprel) && tree.words.some((m) => m.head === k && m.deprel === 'mark' && m.text.toLowerCase() === 'to'));
  return tree.words.some((w, i) => w.head === p && TIME_SPANS.has(w.lemma.toLowerCase()) && (w.deprel === 'obj' || w.deprel === 'iobj' || hasInfinitive(i)));
}

function commandOf(sc: SentenceContext, match: PatternMatch, ctx: Context): PatternMatch {
  const tree = sc.tree;
  if (!tree || !match.pattern.transfer || !match.pattern.isReverse) return match;
  const base = sc.sentence.start;
  const p = wordAt(tree, base + match.start);
  const isOrder = p >= 0 && tree.words[p]!.lemma.toLowerCase() === 'order';
  const phraseOf = (o: number): string => tree.words.filter((w, i) => i === o || (w.head === o && /^(?:compound|amod)$/.test(w.deprel))).map((w) => w.text).join(' ');
  // "ordered an investigation into X", "ordered further measures": "order" with a common noun for object that is no equipment
  // and has no count commands something done, and buys nothing ("ordered it", "ordered the Rafales" stay purchases)
  const direct = isOrder ? dependents(tree, p, 'obj')[0] : undefined;
  // (the noun's own words name no actor: "ordered the closure of the EU's office" orders a closure, whoever's office it was)
  const isNamed = (i: number): boolean => sc.actors.some((a) => a.start <= tree.words[i]!.start - base && a.end >= tree.words[i]!.end - base);
  if (direct !== undefined && tree.words[direct]!.upos === 'NOUN' && !isNamed(direct) && !dependents(tree, direct, 'nummod').length && equipmentCategories(phraseOf(direct), ctx).length === 0 && infinitiveObject(tree, p) < 0) {
    return { ...match, pattern: { ...match.pattern, code: '-', id: `${match.pattern.id}:no-goods` } };
  }
  // "ordered 12 helicopters to replace its fleet": goods bought for a purpose; a command's object is an actor.
  const o = p >= 0 ? infinitiveObject(tree, p) : -1;
  if (o < 0) return match;
  // "ordered the army to raise its readiness": a command to one's own organ, named bare, is no act between actors (what it
  // commands is coded on its own verb), nor one to units and people no code names ("ordered training units to return to
  // base"); goods ordered are a purchase (only "order" commands: "is buying air-defence systems to protect its cities" is a
  // purchase with its purpose)
  if (!mentionOf(tree, o, sc.actors, base)?.code) {
    const object = tree.words[o]!.text;
    const isCommand = stateRoleIn(object, ctx) || (isOrder && equipmentCategories(phraseOf(o), ctx).length === 0);
    return isCommand ? { ...match, pattern: { ...match.pattern, code: '-', id: `${match.pattern.id}${OWN_COMMAND}` } } : match;
  }
  return { ...match, pattern: { ...match.pattern, code: COMMAND_CODE, transfer: null, isReverse: false, id: `${match.pattern.id}:command` } };
}

/** Verbs that take two sides by their meaning: "India and Pakistan exchanged fire", "X and Y clashed", "traded accusations", "disengaged". */
const MUTUAL_PHRASE = /^~(?:exchange|clash|skirmish|trade|disengage)\b/;
/** Patterns of military exercises ("hold * exercises", "military exercises|drills", "war games"). */
const EXERCISE_PHRASE = /exercise|drill|maneuver|manoeuvre|war[ _]games/;

/**
 * Acts that members of a compound subject do with each other when no one else is named: meeting, meeting elsewhere,
 * negotiating, cooperating (military cooperation too: joint drills), and a ceasefire two sides sign or declare (0871).
 */
const RECIPROCAL_CODES = new Set(['030', '040', '044', '046', '057', '060', '062', '0871']);

/** CAMEO roots whose predicate states a charge, a denial, a demand or a threat: what its clause holds is said, not done (10-13). */
const CHARGE_ROOTS = new Set(['02', '10', '11', '12', '13']);

/** CAMEO roots whose predicate punishes (sanctions, expulsions; arrests, seizures): its "for" clause says why (16, 17). */
const PUNISHING_ROOTS = new Set(['16', '17']);

/**
 * Whether a verb's -ing form follows a charge's object and "of" or "for" ("accuse each other of shelling", "accused Kenya of
 * arming rebels", "blamed the army for bombing"): what it charges, read in the words where the parser misread the clause.
 */
function isChargedInWords(claim: string, match: PatternMatch, matches: readonly PatternMatch[]): boolean {
  if (!match.pattern.isVerb || !/^\S+ing\b/i.test(claim.slice(match.start))) return false;
  return matches.some(
    (m) => m !== match && m.end <= match.start && /^(?:112|111)/.test(m.pattern.code) && /^\s+(?:[\w'’-]+\s+){0,4}?(?:of|for)\s+$/i.test(claim.slice(m.end, match.start)),
  );
}

/** The tree words of a sentence's predicates that charge, deny or demand (see CHARGE_ROOTS). */
function chargeWords(sc: SentenceContext, matches: readonly PatternMatch[], roots: ReadonlySet<string> = CHARGE_ROOTS): Set<number> {
  const out = new Set<number>();
  if (!sc.tree) return out;
  for (const m of matches) {
    if (!roots.has(m.pattern.code.slice(0, 2))) continue;
    const i = wordAt(sc.tree, sc.sentence.start + m.start);
    if (i >= 0) out.add(i);
  }
  return out;
}

/** Phase 1: the clause around a predicate, with its subject and object from the tree, else the surface. */
function readClause(sc: SentenceContext, match: PatternMatch, discourse: Discourse, ctx: Context): Clause {
  const { claim, frame, actors } = sc;
  const floor = match.start >= frame.claimStart ? frame.claimStart : 0;
  const inner = lastBoundary(claim, match.start, floor);
  const outer = pastRelative(sc, inner, floor, match.start);
  const start = outer?.start ?? inner;
  const before = outer?.before ?? claim.slice(start, match.start);
  const end = Math.min(nextBoundary(claim, match.end), conjoinedStart(sc, match), relativeEnd(sc, before, match.end), objectRelativeStart(sc, match));
  const tree = treeArguments(sc, match, ctx);
  // "were killed by a roadside bomb": the words before an act noun in a passive's agent phrase name its sufferers, not its doer.
  // ", killing five soldiers": a participle after a comma acts with the main clause's doer (its subject, or the event before it),
  // never a name the surface finds in a phrase of place ("in eastern Chad")
  const isParticiple = /,\s*$/.test(claim.slice(0, match.start)) && /^[a-z]+ing\b/i.test(claim.slice(match.start, match.end));
  // A participle whose tree subject names no actor ("The junta ... expelled three French diplomats, accusing them")
  // acts with the main clause's doer, never a name the surface finds in the main clause's object.
  // "..., the Turkish defence ministry said, warning Greece": a participle right after the attribution's verb is the speaker's act,
  // found before it; any other participle after a comma acts with the clause before it, never a name in that clause's object.
  const isAfterSaying = SAID_COMMA.test(sc.sentence.text.slice(Math.max(0, match.start - 24), match.start));
  // "it was expelling X and withdrawing Y": a pronoun the verb shares with the one it is joined to points back as that one's does,
  // never to a name the surface finds in the first verb's object.
  // the predicate's word, found once for every mention the filters below try
  const predicate = sc.tree ? wordAt(sc.tree, sc.sentence.start + match.start) : -1;
  // "rescued 40 villagers held by bandits": a participle hung on a noun suffers on that noun, named or not; the clause before it
  // names none of its actors
  const isOnNoun = tree?.isPassive === true && predicate >= 0 && isParticipleOnNoun(sc.tree!, predicate);
  // (right after a speaker the attribution reader coded, the speaker acts: "..., Hayashi said, calling on Beijing to remove it")
  const isSpeakersParticiple = isParticiple && isAfterSaying && sc.speaker?.code != null;
  // the names the surface may take for an argument: none inside a relative clause that does not hold the predicate
  const outsideRelatives = predicate >= 0 ? actors.filter((a) => !isInOtherRelative(sc, predicate, a)) : actors;
  const subject = isSpeakersParticiple
    ? null
    : (tree?.subject ??
      (isInPassivePhrase(sc, match) || tree?.isRelativeSource || tree?.isSharedPronoun || isOnNoun || (isParticiple && tree && !isAfterSaying) ? null : subjectOf(outsideRelatives, start, match.start, claim, ctx, isParticiple || tree?.isSourceThing === true)));
  // The object may sit inside the phrase's gap ("rejected India's offer of talks").
  const verbEnd = match.start + (/^\S+/.exec(claim.slice(match.start, match.end))?.[0].length ?? 0);
  // A complaint is aimed at what it is about ("complained to the UN over raids by X").
  const about = match.pattern.code === '114' ? aboutOf(sc, match, end) : null;
  // "burned a village near the border with Togo": the country past a border is where, not whom; troops sent
  // to a border (a show of force, root 15) are aimed at the country past it.
  const isPosture = match.pattern.code.startsWith('15');
  const isBeyondBorder = (a: ActorMention): boolean => !isPosture && BORDER_BEFORE.test(claim.slice(Math.max(0, a.start - 24), a.start));
  const object = (about?.code ? about : null) ?? tree?.object ?? objectOf(outsideRelatives.filter((a) => !isPlaceModifier(sc, a) && !isBeyondBorder(a) && !(!isPosture && isInTimeClause(sc, predicate, a)) && !isInParticipleOnNoun(sc, predicate, a) && !isCargoOrigin(sc, predicate, a, ctx) && !isOtherClauseSubject(sc, predicate, a, actors) && !(isPlaceOfOrigin(a, claim) && !WITHDRAWING_FROM.test(match.pattern.code))), verbEnd, match.pattern.isReverse ? purposeEnd(claim, verbEnd, end) : end, claim, isPosture);
  const isReported = frame.speaker !== null && match.start >= frame.claimStart;
  const isOwnClaim = isReported && frame.isLeading;
  // (after a word that opens a clause of time or reason too: "..., as the country deployed troops to its border")
  const opening = before.replace(CLAUSE_OPENER, '');
  const pointsBack = !subject && (startsWithAnaphor(opening, ctx) || tree?.isSharedPronoun === true);
  // "We will ...", said X: a first person inside reported speech is its speaker, wherever the attribution stands.
  const isFirstPerson = isReported && /^\s*(?:we|i|our)\b/i.test(before);
  // "after the rebels attacked a base": a definite plural of armed men is the armed group named last, in this sentence or before.
  // "The Houthis claimed responsibility for a missile attack on X": the act a claim of responsibility names is the claimer's
  // (read in the sentence's own words: "X claimed" is also a frame of attribution, which the claim text blanks out).
  const claimed = !subject && !match.pattern.isVerb ? CLAIMED_FOR.exec(sc.sentence.text.slice(Math.max(0, match.start - 80), match.start)) : null;
  const claimer = claimed ? (actors.findLast((a) => a.code && a.end <= match.start - claimed[0].length) ?? null) : null;
  const claimerActor = claimer ? actorAt(claimer, sc.sentence.start) : claimed ? sc.speaker : null;
  const isArmedMen = !subject && ARMED_MEN.test(before);
  const group = isArmedMen ? actors.findLast((a) => a.end <= match.start && a.code !== null && isArmedGroupCode(a.code)) : undefined;
  const armed = isArmedMen ? (group ? actorAt(group, sc.sentence.start) : discourse.armedGroup) : null;
  // "The ministry said its forces had captured X": a state's force named with a possessive pronoun is the force of whom the pronoun
  // points back to (the speaker of the claim, else the topic), with the force's role.
  const ownForce = !subject ? OWN_FORCE.exec(before) : null;
  const owner = ownForce ? ((isOwnClaim || isFirstPerson) && sc.speaker ? sc.speaker : discourse.topic) : null;
  // ("Hezbollah said its fighters had clashed with ...": the fighters of an armed group are the group)
  const forceName = ownForce ? ownForce[0].replace(/^[^A-Za-z]+/, '').replace(/\s+(?:(?:had|have|has|were|was|are|is|will|would|also|now|reportedly)\s+)*$/i, '') : '';
  const groupForce = owner?.code && isArmedGroupCode(owner.code) ? { ...owner, name: forceName } : null;
  const forceActor = groupForce ?? (owner?.code && isCountryCode(owner.code) ? { ...owner, name: forceName, code: owner.code.slice(0, 3) + (/police/i.test(ownForce![1]!) ? 'COP' : 'MIL') } : null);
  // "The foreign minister said his country would block X": a state or government named with a possessive pronoun is the state of
  // whom the pronoun points back to (the speaker of the claim, else the topic); "government" keeps its role
  const ownState = !subject && !ownForce ? OWN_STATE.exec(before) : null;
  const stateOwner = ownState ? ((isOwnClaim || isFirstPerson) && sc.speaker ? sc.speaker : discourse.topic) : null;
  const stateActor = stateOwner?.code && isStateCode(stateOwner.code) ? ownStateActor(sc, discourse, ownState!, match.start - before.length, stateOwner.code.slice(0, 3)) : null;
  // ("Killnet claimed responsibility, saying that it had blocked X": "it" in a speaker's own claim is that speaker even where no
  // code names it, never the topic of the sentences before)
  const isUncodedSpeaker = isOwnClaim && !sc.speaker && sc.speakerName !== null && /^\s*it\b/i.test(before) && !/s$/i.test(sc.speakerName.trim());
  const pointedTo = pointsBack && !isUncodedSpeaker ? ((isOwnClaim || isFirstPerson) && sc.speaker ? sc.speaker : discourse.topic) : null;
  // "The army will resume operations against the rebels": a state organ named by its role points back to the state named
  // before, with that role (COLMIL after the president's COLGOV), never to a rebel group or another organ's role
  const organRole = pointsBack && !tree?.isSharedPronoun ? ORGAN_ANAPHOR.exec(before)?.[1] : undefined;
  const organ = organRole ? stateRoleIn(organRole, ctx) : null;
  const isState = (a: Actor | null): boolean => Boolean(a?.code && isStateCode(a.code));
  const named = organRole ? discourse.organs.get(organRole.split(/\s+/).pop()!.toLowerCase()) : undefined;
  const organState = organ ? (named ?? (isState(pointedTo) ? pointedTo : isState(discourse.state) ? discourse.state : null))?.code?.slice(0, 3) : null;
  const organActor = organ && organState ? { name: /^\s*the\s+\S+(?:\s+(?:force|forces|ministry))?/i.exec(before)![0].trim(), code: organState + organ, entityId: null } : null;
  // "..., President X said on Saturday, thanking Stockholm": a participle right after the attribution is its speaker's act; so is
  // a plain past joined to a reported clause in another tense ("China said its vessel had acted lawfully and urged Manila to stop")
  const saidBy = (isParticiple && isAfterSaying && !subject) || (sc.tree && isSpeakersOwnConjunct(sc.tree, predicate)) ? sc.speaker : null;
  // "Australia expelled a diplomat after intelligence officials accused him": a state organ named bare as the tree's subject is
  // the organ of the state that acted last (the topic), else of the state the article named last
  const bareOrgan = !subject && !organ && tree?.sourceWord && tree.isSourceThing && BARE_ORGAN.test(before) ? stateRoleIn(tree.sourceWord, ctx) : null;
  const bareState = !bareOrgan ? null : discourse.topic?.code && isStateCode(discourse.topic.code) ? discourse.topic : discourse.state;
  const bareActor = bareOrgan && bareState?.code ? { name: organPhrase(before), code: bareState.code.slice(0, 3) + bareOrgan, entityId: null } : null;
  // "the country", "the nation" point back to the state of the one pointed to (VEN, not the minister's VENMIL), by its name
  const countryWord = pointsBack ? COUNTRY_ANAPHOR.exec(opening) : null;
  // (not where the clause names that state after the verb: "the country would continue to support Ukraine" after Ukraine was the
  // topic is some other state, which the words do not settle)
  // "Serbia recalled its envoy to Montenegro after the country recognised Kosovo": in a clause of time or reason, a full noun phrase
  // rather than "it" shifts from the main clause's doer to the other state the sentence named last before it
  const isSubordinate = countryWord !== null && (opening.length < before.length || SUBORDINATOR_END.test(claim.slice(Math.max(0, match.start - before.length - 12), match.start - before.length)));
  const topicState = pointedTo?.code && isCountryCode(pointedTo.code) ? pointedTo.code.slice(0, 3) : null;
  const shifted = isSubordinate && topicState ? actors.findLast((a) => a.end <= match.start - before.length && a.code && isStateCode(a.code) && a.code.slice(0, 3) !== topicState) : undefined;
  const pointedState = countryWord ? (shifted?.code?.slice(0, 3) ?? topicState) : null;
  const countryCode = pointedState && !actors.some((a) => a.start >= match.start && a.code?.startsWith(pointedState)) ? pointedState : null;
  const country = countryCode ? discourse.countries.get(countryCode) : undefined;
  const countryActor = countryCode ? { name: country?.name ?? countryWord![0].trim(), code: countryCode, entityId: country?.id ?? null } : null;
  const resolved = claimerActor ?? saidBy ?? (tree?.isSourceSpeaker ? sc.speaker : null) ?? armed ?? forceActor ?? stateActor ?? (organ ? organActor : (countryActor ?? pointedTo)) ?? bareActor;
  const firstWord = claim.slice(match.start, match.end).split(/\s/)[0] ?? '';
  const isPassive = tree ? tree.isPassive : match.pattern.phrase.startsWith('~') && PASSIVE_BEFORE.test(before) && !/ing$/i.test(firstWord);
  return { match, start, end, before, verbEnd, tree, subject, object, isOwnClaim, resolved, isPassive };
}

/**
 * The state "his country", "their government" stands for (`state` its code), with the phrase as the arc it was read from: a
 * country by its canonical name where the sentence names it ("Hungary's minister said his country ..."), a government by its words.
 */
function ownStateActor(sc: SentenceContext, discourse: Discourse, found: RegExpExecArray, offset: number, state: string): Actor {
  const isGovernment = /^gov/i.test(found[2]!);
  const named = isGovernment ? undefined : discourse.countries.get(state);
  const actor: Actor = { name: named ? named.name : found[1]!, code: state + (isGovernment ? 'GOV' : ''), entityId: named ? named.id : null };
  const start = sc.sentence.start + offset + found.index + found[0].indexOf(found[1]!);
  ARCS.set(actor, { start, end: start + found[1]!.length });
  return actor;
}

/** Nouns of a body made of others, which take their members' role: "an alliance of rebel groups", "a coalition of militias". */
const COLLECTIVE_NOUNS = /^(?:alliance|coalition|union|bloc|federation|umbrella|network|grouping)$/i;

/** Nouns of force a state's military uses: "an air strike", "the raid", "shelling", "the operation". */
const STATE_FORCE_NOUNS = /^(?:strikes?|airstrikes?|raids?|shelling|bombardments?|operations?|barrages?)$/i;

/** Whether a code is a state's (a country or one of its organs), not its people, firms or armed groups. */
function isStateCode(code: string): boolean {
  return isCountryCode(code) && !OTHER_SIDE_ROLES.test(code) && !NON_STATE_ROLES.test(code);
}

/** A bare plural of a state's organ right before its verb: "intelligence officials", "police", "security forces", "troops". */
const BARE_ORGAN = new RegExp(
  `^\\s*(?:(?:intelligence|security|government|military|senior|local|border|riot)\\s+)?(?:officials|police|security forces|troops|soldiers|forces|prosecutors|authorities)${BEFORE_VERB}\\s*$`,
  'i',
);

/** A bare plural of a state's organ right after a verb: "government troops", "security forces", "the army", "police". */
const BARE_OBJECT_ORGAN = /^\s*(?:the\s+)?(?:(?:government|security|federal|state|army)\s+)?(troops|forces|soldiers|army|police|military)\b/i;

/** Verbs of saying that report a clause. */
const SAYING = new Set(['say', 'tell', 'announce', 'state', 'add', 'claim', 'report']);

/**
 * Whether a verb joined to a reported clause is the reporter's own act: a plain past with no auxiliary and no subject of its own
 * after a conjunct that has one ("said its vessel had acted lawfully and urged Manila to stop": the reporter urged, not the vessel).
 */
function isSpeakersOwnConjunct(tree: SentenceSyntax, p: number): boolean {
  if (p < 0) return false;
  const w = tree.words[p]!;
  if (w.deprel !== 'conj' || w.head < 0 || !/ed$/i.test(w.text) || dependents(tree, p, 'aux', 'nsubj').length > 0) return false;
  const first = tree.words[w.head]!;
  // "X told reporters that Y had begun removing cameras, and warned that ...": a verb joined to the verb of saying itself
  if (SAYING.has(first.lemma) && dependents(tree, w.head, 'ccomp').length > 0) return true;
  const isOtherTense = dependents(tree, w.head, 'aux').some((k) => /^(?:had|would|will|could|has|have)$/i.test(tree.words[k]!.text));
  return isOtherTense && first.deprel === 'ccomp' && first.head >= 0 && SAYING.has(tree.words[first.head]!.lemma);
}

/** The words of a verb's direct object: up to its first preposition ("at least" and "at most" are a count's, not one). */
function objectWords(text: string): string {
  return text.replace(/\bat\s+(?:least|most)\b/gi, '').split(/\b(?:in|at|of|from|to|on|near|against|with|for|by)\b/i)[0] ?? '';
}

/** An organ word in an actor's name: "the foreign ministry in Vilnius", "Sudan's army". */
const ORGAN_WORD = /\b(army|military|navy|ministry|government|police|authorities)\b/i;

/** A definite state organ opening a clause: "the army", "the military", "the navy", "the government". */
const ORGAN_ANAPHOR = new RegExp(`^\\s*the\\s+(army|military|navy|air force|armed forces|defen[cs]e ministry|(?:foreign |interior )?ministry|government|police|authorities)${BEFORE_VERB}\\s*$`, 'i');

/** A verb of saying (and its day) and a comma right before a participle: "said, warning", "said on Saturday, thanking". */
const SAID_COMMA = /\b(?:said|says|added|stated|told reporters|warned|announced)(?:\s+(?:on|late on|early on|in|last)\s+\w+)?\s*,\s*$/i;

/** A claim of responsibility right before an act noun: "claimed responsibility for a missile attack", "claimed the attack", "took responsibility for the raid". */
const CLAIMED_FOR = /\b(?:(?:claimed|claims|claim|claiming)\s+(?:(?:full\s+)?responsibility\s+for\s+)?|(?:took|takes|take|taking)\s+(?:full\s+)?responsibility\s+for\s+)(?:[\w'’-]+\s+){0,4}$/i;

/** A possessive pronoun and a state's force right before the verb: "its forces had", "their troops", "our army". */
const OWN_FORCE = /(?:^|[^\w-])(?:its|their|our)\s+(?:own\s+)?(?:(?:air[\s-]defen[cs]e|air|naval|special|border|ground|missile|artillery|drone|security)\s+)?(forces|troops|army|military|navy|air force|soldiers|units|police|systems|crews|guards|defen[cs]es|fighters|militants)\s+(?:(?:had|have|has|were|was|are|is|will|would|also|now|reportedly)\s+)*$/i;

/** A possessive pronoun and a state's name by kind right before the verb: "his country would", "their government has". */
const OWN_STATE = /(?:^|[^\w-])((?:his|her|its|their|our)\s+(country|nation|state|government))\s+(?:(?:had|have|has|were|was|are|is|will|would|could|should|might|may|can|must|also|now|not|never)\s+)*$/i;

/** A possessive pronoun and a state's force as an act's object: "killed two of its soldiers", "wounded three of our troops". */
const OWN_FORCE_OBJECT = /^\s+(?:(?:\w+|at least \w+|more than \w+)\s+of\s+)?(?:its|their|our)\s+(?:own\s+)?(soldiers|troops|forces|police|officers|servicemen|personnel)\b/i;

/** Whether a code is an armed group's: rebels (COLREB, MMRREB), or armed men no state names (ETHUAF, a militia). */
function isArmedGroupCode(code: string): boolean {
  return /^[A-Z]{3}(?:REB|UAF)$/.test(code);
}
/**
 * A definite plural of armed men right before the verb: "the rebels", "on Friday the militants", "the insurgents"; or "the group",
 * "the militia" where an armed group was named before it ("talks with the ELN after the group attacked a base").
 */
const ARMED_MEN = new RegExp(`(?:^|[^\\w-])the\\s+(?:rebels|militants|insurgents|guerrillas|separatists|jihadists|fighters|group|militia)${BEFORE_VERB}\\s*$`, 'i');

/** CAMEO's "make a visit". */
const VISIT_CODE = '042';

/** Phase 2: source and target from the clause and the pattern's roles; null when the clause codes no event. */
function readRoles(sc: SentenceContext, clause: Clause, previousSource: Actor | null, discourse: Discourse, ctx: Context): { source: Actor | null; target: Actor | null } | null {
  const { claim, actors } = sc;
  const { match, subject, object, resolved, isOwnClaim, tree } = clause;
  if (tree?.isConduct) return null;
  const at = (m: ActorMention): Actor => actorAt(m, sc.sentence.start);
  // "the first two aircraft arrived in Tunis": things arrive, only actors visit; a visit whose subject names no actor is no visit,
  // nor one whose subject is equipment that a modifier says whose it is ("Australia's first helicopters arrived in Sydney": a delivery).
  // A warship's arrival stays a visit (a port call).
  if (match.pattern.code === VISIT_CODE && (tree?.isSourceNoActor || tree?.isSourceEquipment) && !tree.isPassive) return null;
  let source: Actor | null;
  let target: Actor | null;
  switch (match.pattern.roles) {
    case 'speaker>subject': {
      // "X called Y's actions destabilising": the caller blames the one whose act it calls so
      if (tree?.caller?.code && tree.called?.code && tree.called.entity.id !== tree.caller.entity.id) {
        source = at(tree.caller);
        target = at(tree.called);
        break;
      }
      const opener = actors.find((a) => a.code && a.end <= clause.start && a !== subject);
      source = sc.speaker ?? (opener ? at(opener) : null);
      // "warning time should be assumed to be short": what the writer says must or should be, with no one saying it, demands nothing
      if (!source) return null;
      let t = subject;
      if (!t || (source && t.code === source.code)) t = nearestBefore(actors, clause.start, source);
      target = t ? at(t) : null;
      break;
    }
    case 'speaker>object':
      source = sc.speaker ?? (subject ? at(subject) : resolved);
      target = object ? at(object) : null;
      break;
    case 'object>subject':
      source = object ? at(object) : null;
      target = subject ? at(subject) : resolved;
      break;
    default:
      if (clause.isPassive) {
        // A tree whose agent phrase names no actor ("bound by law, ...") lets the surface look no further than the phrase's comma.
        // ("were killed in a Hamas ambush", "died in an Israeli air strike": the doer named on the act noun of the "in" phrase)
        const agent = tree?.agent ?? agentOf(actors, claim, match.end, clause.end, tree?.isSourceNoActor ?? false) ?? (Number(match.pattern.code.slice(0, 2)) >= 18 ? actOfForceDoer(actors, claim, match.end, clause.end) : null);
        // Without an agent, a speaker announcing help is its giver; one reporting losses is not their cause.
        source = agent ? at(agent) : isOwnClaim && Number(match.pattern.code.slice(0, 2)) <= 8 ? sc.speaker : null;
        target = subject ? at(subject) : object ? at(object) : null;
      } else {
        // A relative clause's subject is what its pronoun stands for: naming no actor, it names no one else either.
        if (subject) {
          const coSubject = coSubjectBefore(sc, subject);
          const adjective = coSubject ? null : adjectiveBefore(sc, subject);
          source = compound(coSubject ?? adjective ?? subject, actors, claim, sc.sentence.start, null, ctx);
          // "Armenian and Azerbaijani forces": the first adjective shares the noun, so its state takes the noun's role too (ARM -> ARMMIL).
          if (adjective && source.code?.length === 3 && subject.code && subject.code.length > 3 && isCountryCode(subject.code)) source.code += subject.code.slice(3);
        }
        // "The Houthis said the strikes killed three workers": a subject that names no actor does not make the speaker the doer.
        // "Petro suspended talks after the rebels attacked a base": a subject of its own that names no actor is not the doer of the act before.
        else source = tree?.isRelativeSource ? null : (resolved ?? (tree?.isSourceThing && tree.isOwnSubject ? null : previousSource) ?? (isOwnClaim && !tree?.isSourceThing ? sc.speaker : null));
        target = object ? compound(object, actors, claim, sc.sentence.start, sc.tree) : null;
        // "Israel's military said an air strike in southern Lebanon had killed a Hezbollah commander": a state's strike or raid that
        // names no doer, told by a state's speaker against another state or an armed group, is the speaker's
        const claimer = sc.speaker;
        if (!source?.code && tree?.isSourceThing && STATE_FORCE_NOUNS.test(tree.sourceWord ?? '') && isOwnClaim && claimer?.code && isStateCode(claimer.code) && target?.code && (target.code.slice(0, 3) !== claimer.code.slice(0, 3) || OTHER_SIDE_ROLES.test(target.code))) {
          source = claimer;
        }
        // "Lebanon's army said an Israeli strike killed two of its soldiers": the speaker's own force, named by a possessive pronoun
        const speaker = sc.speaker;
        if (!target?.code && speaker?.code && isCountryCode(speaker.code)) {
          const own = OWN_FORCE_OBJECT.exec(claim.slice(clause.verbEnd, clause.end));
          if (own && speaker.code.slice(0, 3) !== source?.code?.slice(0, 3)) {
            target = { name: own[0].trim().replace(/^.*?\b(its|their|our)\b/i, '$1'), code: speaker.code.slice(0, 3) + (/police/i.test(own[1]!) ? 'COP' : 'MIL'), entityId: speaker.entityId ?? null };
          }
        }
      }
  }
  // (so are people the tree placed by the scene, "thousands of people rallied in Tehran": the protest's own reading places them)
  const isScenePeople = subject !== null && subject !== undefined && placeOf(subject.entity) !== null && NON_STATE_ROLES.test(subject.code ?? '') && subject.name !== subject.entity.name;
  if (cameoEntry(match.pattern.code, ctx).isProtest && (!subject || isScenePeople) && !resolved) {
    // Protesters are rarely named: "crowds filled the squares of the capital against the new law"; named by a role noun
    // ("thousands of protesters marched through Tbilisi") they are the people of the place's country (GEOCVL), and the place is
    // where they marched, not whom at
    const place = actors.find((a) => a.start >= match.start && a.end <= clause.end && a.code && PROTEST_PLACE_BEFORE.test(claim.slice(Math.max(0, a.start - 12), a.start)));
    if (place) {
      const role = domesticRoleIn(clause.before, ctx);
      const country = placeOf(place.entity)?.country ?? place.code!.slice(0, 3);
      source = role && /^[A-Z]{3}$/.test(country) ? { name: role.noun, code: country + role.code, entityId: null } : at(place);
      const said = role ? new RegExp(`\\b${role.noun}\\b`, 'i').exec(clause.before) : null;
      if (said) ARCS.set(source, { start: sc.sentence.start + clause.start + said.index, end: sc.sentence.start + clause.start + said.index + said[0].length });
      const next = actors.find((a) => a.start >= place.end && a.end <= clause.end && a.code && a.code !== place.code);
      target = next ? at(next) : target?.entityId === place.entity.id ? null : target;
    }
  }
  const isObjectTarget = object !== null && Boolean(target?.code) && target?.entityId === object.entity.id;
  if (source?.code && isCountryCode(source.code) && (!target?.code || isObjectTarget)) {
    // "dispersed demonstrators in Cairo": a role noun before the first named actor is the object.
    const directObject = objectWords(claim.slice(clause.verbEnd, object ? object.start : clause.end));
    // ("the ELN released six soldiers it had kidnapped": an armed group acts on its own state's organs too)
    // (a passive's "by" phrase names its doers: "seized by Somali pirates" has no pirates acted on)
    const afterVerb = claim.slice(clause.verbEnd, clause.end);
    const objectText = isObjectTarget ? directObject : clause.isPassive ? afterVerb.replace(/\bby\b[\s\S]*$/i, '') : afterVerb;
    // (people as well as rebels act on their own state's organs: "protesters stormed the parliament", "strikers clashed with police")
    const organRole = OTHER_SIDE_ROLES.test(source.code) || /^[A-Z]{3}(?:CVL|LAB|AGR|REL|UAF)$/.test(source.code) ? stateRoleIn(objectWords(objectText), ctx) : null;
    const organNoun = organRole ? objectWords(objectText).split(/[^A-Za-z-]+/).find((w) => w && stateRoleIn(w, ctx) === organRole) : undefined;
    const role = domesticRoleIn(objectText, ctx) ?? (organRole && organRole !== 'GOV' && organNoun ? { noun: organNoun, code: organRole } : null);
    // "Russian strikes killed nine civilians in Lviv": the people of a named place belong to its country; people a force kills
    // or wounds ("struck depots in southern Lebanon, killing four people") those of the place the sentence puts the violence in
    const isViolence = Number(match.pattern.code.slice(0, 2)) >= 18;
    const where = role
      ? (locationOf(actors, claim, clause.verbEnd, clause.end, OF_PLACE_BEFORE)?.country ?? (isViolence ? countryOfScene(actors, claim) : null))
      : null;
    const home = where && /^[A-Z]{3}$/.test(where) ? where : source.code.slice(0, 3);
    // ("Turkish drones killed three people in the Kurdistan region": violence at a place no state is known to hold leaves whose
    // people they were open; they are not the doer's own)
    const isPlacedAbroad = isViolence && home === source.code.slice(0, 3) && !where && actors.some((a) => a.start >= clause.verbEnd && a.end <= clause.end && isPlaceEntity(a) && LOCATIVE_BEFORE.test(claim.slice(Math.max(0, a.start - 30), a.start)));
    if (role && !isPlacedAbroad) target = { name: role.noun, code: home + role.code, entityId: null };
  }
  if (!source?.code && target?.code && cameoEntry(match.pattern.code, ctx).isDomestic && isCountryCode(target.code)) {
    // Domestic acts (yielding, investigating, coercing) by a state organ named without its country: the country acted on.
    // The organ is the doer the tree reads, if any ("fishermen held by kidnappers": not the police of the clause before).
    const role = stateRoleIn(tree ? (tree.sourceWord ?? (clause.isPassive ? '' : clause.before)) : clause.before, ctx);
    if (role) source = { name: source?.name ?? organPhrase(clause.before), code: target.code.slice(0, 3) + role, entityId: source?.entityId ?? null };
  }
  if (!source?.code && (!target?.code || isInPlacePhrase(sc, target)) && !clause.isPassive && Number(match.pattern.code.slice(0, 2)) >= 18) {
    // "A drone strike on a market in El Obeid killed three civilians": people killed by a doer no one names are those of the place
    // the sentence puts the violence in (the event tells whom it struck; who struck is left open); they, not the place, are the
    // target where the tree took a town for one ("killed 14 soldiers near Gao")
    // (a blast with no object strikes the organ whose post it hit: "a bomb exploded near a police checkpoint in Peshawar")
    const site = ORGAN_SITE.exec(claim.slice(clause.verbEnd, clause.end));
    const directObject = site?.[1] ?? objectWords(claim.slice(clause.verbEnd, clause.end));
    // (soldiers and police too: "killed 14 soldiers near Gao" are the scene's)
    const forceNoun = directObject.split(/[^A-Za-z-]+/).find((w) => w && /^(?:MIL|COP)$/.test(stateRoleIn(w, ctx) ?? ''));
    const role = domesticRoleIn(directObject, ctx) ?? (forceNoun ? { noun: forceNoun, code: stateRoleIn(forceNoun, ctx)! } : null);
    const where = role ? countryOfScene(actors, claim) : null;
    if (role && where) target = { name: role.noun, code: where + role.code, entityId: null };
  }
  // "Iraq condemned the strikes as a violation of its sovereignty": a protest at a definite act of force that names no one is
  // aimed at the doer of the last act of force the article told
  const root = Number(match.pattern.code.slice(0, 2));
  if (root >= 11 && root <= 14 && source?.code && !target?.code && !clause.isPassive && discourse.force?.code && discourse.force.code.slice(0, 3) !== source.code.slice(0, 3)) {
    if (ACT_OF_FORCE_OBJECT.test(claim.slice(clause.verbEnd, clause.end))) target = discourse.force;
  }
  if (!source?.code && !target?.code) return null;
  if (clause.isPassive && !source?.code) {
    // "Two soldiers were killed in the raid": a passive that names no doer is the last act of its kind
    // told before, by its doer, when that act struck the same country; else it says who suffered, not who acted.
    const last = discourse.doerOf.get(match.pattern.code.slice(0, 2));
    const struck = last?.target?.code?.slice(0, 3);
    if (!last || !struck || struck !== target?.code?.slice(0, 3) || last.source.code === target?.code) return null;
    source = last.source;
  }
  // "captured the village of Bogatyr in the Donetsk region": a town the gazetteer does not place lies in the country of the place
  // named right after it
  if (target && !target.code && /^(?:place|region):/.test(target.entityId ?? '')) {
    const arc = ARCS.get(target);
    const from = arc ? arc.end - sc.sentence.start : -1;
    const where = from >= 0 ? locationOf(actors, claim, from, Math.min(claim.length, from + 40)) : null;
    if (where?.country && /^[A-Z]{3}$/.test(where.country)) target = { ...target, code: where.country };
    // "attacked a tanker in the Red Sea": a place no state holds (a sea, a region across borders) is where it happened, not whom
    else target = null;
  }
  // "its troops captured a village in the Kherson region": a settlement a state's force takes or strikes abroad, named by no state,
  // is the state's whose land the sentence puts it in
  if (!target?.code && source?.code && isStateCode(source.code) && !clause.isPassive && Number(match.pattern.code.slice(0, 2)) >= 18) {
    const object = objectWords(claim.slice(clause.verbEnd, clause.end));
    const scene = object.split(/[^A-Za-z-]+/).some((w) => SETTLEMENT_NOUNS.test(w)) ? countryOfScene(actors, claim) : null;
    if (scene && scene !== source.code.slice(0, 3)) target = { name: object.trim().replace(/^(?:the|an?)\s+/i, ''), code: scene, entityId: null };
  }
  // "The Indian army said Pakistani troops had violated the ceasefire": a truce broken against no one named is broken against the
  // state whose army or government reports it, where the sentence names no third state (a mediator reporting is no side)
  if (match.pattern.code === '196' && !target?.code && source?.code && sc.speaker?.code && /^[A-Z]{3}(?:MIL|GOV)$/.test(sc.speaker.code) && isStateCode(sc.speaker.code) && sc.speaker.code.slice(0, 3) !== source.code.slice(0, 3)) {
    const sides = new Set([source.code.slice(0, 3), sc.speaker.code.slice(0, 3)]);
    if (actors.every((a) => !a.code || !isCountryCode(a.code) || sides.has(a.code.slice(0, 3)))) target = sc.speaker;
  }
  // "The militia accused government troops of shelling ...": a state's organ named bare as the object is the organ of the state the
  // article named last, where the doer is no organ of that same state (its own rebels, militias and people are not); in acts of
  // conflict only (roots 11-20): troops an act of aid contributes are what it gives
  if (!target?.code && source?.code && !clause.isPassive && Number(match.pattern.code.slice(0, 2)) >= 11) {
    const bare = BARE_OBJECT_ORGAN.exec(claim.slice(clause.verbEnd, clause.end));
    const role = bare ? stateRoleIn(bare[1]!, ctx) : null;
    const state = discourse.state?.code ?? null;
    const isOwnOrgan = state !== null && source.code.slice(0, 3) === state.slice(0, 3) && isStateCode(source.code);
    if (bare && role && state && !isOwnOrgan) target = { name: bare[0].trim(), code: state.slice(0, 3) + role, entityId: null };
  }
  // "Ukraine says Russia launched drones at its cities", "Poland said Russia had violated its airspace": in what a state reports, the
  // land, sky or people of a possessive with no actor of its own, acted on by force by another state, are the reporting state's
  if (!target?.code && source?.code && sc.speaker?.code && isStateCode(sc.speaker.code) && sc.speaker.code.slice(0, 3) !== source.code.slice(0, 3) && Number(match.pattern.code.slice(0, 2)) >= 15 && !clause.isPassive) {
    const own = SPEAKERS_OWN.exec(claim.slice(clause.verbEnd, clause.end));
    if (own) target = { name: own[0], code: sc.speaker.code.slice(0, 3), entityId: null };
  }
  // "warned that an attack on Philippine vessels would invoke the treaty": the victim of the attack a warning's "that" clause warns
  // of is not whom it warns ("warned China that ...", "warned that Iran's nuclear work ..." keep theirs)
  if (match.pattern.code.startsWith('13') && target && /^\s*that\b/i.test(claim.slice(clause.verbEnd, clause.end))) {
    const arc = ARCS.get(target);
    const at = arc ? arc.start - sc.sentence.start : -1;
    if (at > clause.verbEnd && ATTACK_ON_BEFORE.test(claim.slice(Math.max(clause.verbEnd, at - 40), at))) target = null;
  }
  // "can strike": a capability, not an act.
  if (tree?.isCapability) return null;
  // "Anger exploded on the streets": what explodes with no object is a bomb, a mine, a shell or a vehicle carrying one, else a figure
  if (match.pattern.phrase === '~explode' && tree?.sourceWord && !EXPLOSIVE_NOUNS.test(tree.sourceWord)) return null;
  // "Inflation is attacking the savings of Argentines": violence by something that can do none is a figure of speech
  // ("its air defences had shot down 25 drones": a state's force read from a possessive is a doer, whatever its noun)
  if (tree?.isSourceAbstract && !tree.isPassive && !clause.resolved && Number(match.pattern.code.slice(0, 2)) >= 18) return null;
  // "brokered by Riyadh and Washington": one mention read as both doer and the one acted on is the doer only; so is a place inside
  // the doer's own words ("Farmers in Punjab blocked the highway": the doer, not whom they acted on)
  const s = source ? ARCS.get(source) : undefined;
  const t = target ? ARCS.get(target) : undefined;
  if (s && t && s.start <= t.start && t.end <= s.end) target = null;
  // "The Lebanese army began deploying troops in southern Lebanon": a body acting on its own kind at home (troops of the same
  // code) names no one it is aimed at
  if (source?.code && target?.code === source.code && /\bin\b/.test(target.name)) target = null;
  // "Our forces destroyed two enemy tanks near Bakhmut": a town of its own state where a state's force fights is where, not whom
  // (domestic acts keep theirs: a curfew in Abidjan, a protest in Lagos are coded against the country, as the field codes them)
  if (source?.code && /MIL$/.test(source.code) && (Number(match.pattern.code.slice(0, 2)) >= 18 || match.pattern.code === '171') && target?.code && target.code === source.code.slice(0, 3) && /^(?:place|region):/.test(target.entityId ?? '') && t) {
    if (LOCATIVE_BEFORE.test(sc.text.slice(Math.max(0, t.start - 30), t.start))) target = null;
  }
  // "sent troops to help X", "X must withdraw", "the visiting envoy": no act of its own (a reproach a verb of calling names is
  // one: "called the move a provocation")
  if (tree?.background && !(tree.background === 'naming' && match.pattern.code.startsWith('11'))) return null;
  // A verb known only from the broad derived dictionary is an event only between two actors.
  if (match.pattern.needsVerbTag && (!source?.code || !target?.code)) return null;
  if (match.pattern.needsTarget && !target?.code) return null;
  // "Vietnam plans to replace its fleet": a word of intent whose verb codes nothing is an intent toward someone only where it
  // names them ("ready to help Chad"); with no one named it tells a plan of one's own, no event.
  if (match.pattern.isIntentMarker && !target?.code) return null;
  // "Poland ordered 96 Apache helicopters": a purchase is read in reverse (the seller gives to the buyer); with no seller named,
  // the buyer stays the one who acted (it was printed as the target of no one).
  return match.pattern.isReverse && target?.code ? { source: target, target: source } : { source, target };
}

/** A possessive pronoun on the land, sky, sea or people a state holds ("its cities", "their airspace", "our positions"). */
const SPEAKERS_OWN = /\b(?:its|their|our)\s+(?:[a-z-]+\s+){0,2}?(?:cities|towns|villages|capital|territory|land|soil|airspace|waters|border|borders|frontier|positions|troops|soldiers|forces|infrastructure|energy\s+infrastructure|ships|vessels|base|bases|citizens|civilians|people)\b/i;

/** Doers of a bombing's killing (the bomb, the blast, the bombing itself), of killing from the air, and by artillery. */
const BOMB_DOERS = /^(?:bombs?|bombings?|blasts?|explosions?|IEDs?)$/i;
const AERIAL_DOERS = /^(?:warplanes?|jets?|bombers?|drones?|helicopters?|gunships?|aircraft|airstrikes?|air\s?strikes?|raids?)$/i;
const ARTILLERY_DOERS = /^(?:shells?|shelling|artillery|mortars?|rockets?|missiles?)$/i;

/**
 * The code of force done by a weapon named as the doer: a bombing (183, CAMEO's suicide, car or other non-military bombing) for a
 * bomb, a blast or a suicide bomber (a bomber alone may be an aircraft), aerial weapons (195) for aircraft, artillery (194) for
 * shells, rockets and missiles; null for any other doer.
 */
function weaponCode(doer: string, before: string): string | null {
  if (BOMB_DOERS.test(doer) || (/^bombers?$/i.test(doer) && /\bsuicide\s+bombers?\b/i.test(before))) return '183';
  if (AERIAL_DOERS.test(doer)) return '195';
  return ARTILLERY_DOERS.test(doer) ? '194' : null;
}

/** Equipment categories that travel under their own crews: sent to no one, they deploy. */
const SELF_DEPLOYING = new Set(['ships', 'aircraft']);
/** CAMEO 072, provide military aid, and 150, demonstrate military or police power. */
const MILITARY_AID = '072';
const SHOW_OF_FORCE = '150';

/** Phase 3: the event's code (aid kind from what is given, intent for planned acts), date, modality and provenance. */
function buildEvent(sc: SentenceContext, clause: Clause, source: Actor | null, target: Actor | null, published: Dated | null, ctx: Context): Event {
  const { claim, frame, actors } = sc;
  const { match, start, end, object } = clause;
  // the predicate's word, read once for the report clause and the counts below
  const predicate = sc.tree ? predicateWord(sc.tree, sc.sentence.start, match) : -1;
  // appeals and demands (02, 10) are made now, whatever deadline they set
  const date = eventDate(sc, start, end, published, match, /^(?:02|10)/.test(match.pattern.code));
  let read = modalityOf(claim, clause.before, start, end, match, frame, date, published, sc.sentence.text);
  // "denied that it allows militants in and urged Islamabad to ...": a verb the tree joins to the denial, not to what is denied, is
  // the denier's own act (the words alone put it in the denied clause)
  if (read === 'negated' && sc.tree && predicate >= 0 && !NEGATION_BEFORE.test(clause.before) && isConjoinedToDenial(sc.tree, predicate)) read = 'asserted';
  // (a negation the tree reads wins over a plan read from the words before: "had no plans to send troops")
  let modality = (read === 'asserted' || read === 'planned') && clause.tree?.modality === 'negated' ? 'negated' : read === 'asserted' && clause.tree?.modality ? clause.tree.modality : read;
  // "pledges air defence for Y": a commitment whose act is an intent to cooperate (CAMEO 03) is still to come.
  if (modality === 'asserted' && clause.tree?.isCommitment && match.pattern.code.startsWith('03')) modality = 'planned';
  // "despite a UN report that said Rwandan troops were fighting": what a report says, in a clause on the report, is reported
  if (modality === 'asserted' && sc.tree && isReportContent(sc.tree, predicate)) modality = 'reported';
  const clauseText = claim.slice(start, end);
  // (a count in a clause of its own below the predicate is that clause's: "suspended talks after the group killed two soldiers")
  const quantities = findQuantities(claim.slice(match.start, end), ctx)
    .filter((q) => predicate < 0 || !isInClauseBelow(sc.tree!, predicate, sc.sentence.start + match.start + q.start))
    .map(({ start: _s, end: _e, ...q }) => q);
  let code = match.pattern.code;
  // "A suicide bomber killed 12 people", "a roadside bomb killed three soldiers": killing or wounding whose doer is a bomb, a blast
  // or a suicide bomber is a bombing (183), with its victims for target (a bomber alone may be an aircraft)
  // "Russian bombers killed 20 people", "shelling killed two children": killing done by aircraft is with aerial weapons (195), by
  // shells, rockets or missiles with artillery (194), as the lexicon codes firing them
  const byWeapon = code === '190' && match.pattern.isVerb ? weaponCode(clause.tree?.sourceWord ?? '', clause.before) : null;
  if (byWeapon) code = byWeapon;
  // "attacked the central bank's governor in a radio interview": an attack made in words, in a medium of speech, is criticism
  if (/^1[89]/.test(code) && VERBAL_ATTACK_VERBS.test(match.pattern.phrase) && SPEECH_MEDIUM.test(clauseText)) code = '111';
  const kinds = cameoEntry(code, ctx).kinds;
  if (kinds) {
    // Aid of an unstated kind takes its kind from what is given: military, humanitarian.
    const categories = equipmentCategories(clauseText, ctx);
    if (categories.some((c) => isMilitaryCategory(c, ctx)) || /\b(?:arms|weapons|troops|military)\b/i.test(clauseText)) code = kinds.military;
    else if (categories.includes('humanitarian goods') || /\bhumanitarian\b/i.test(clauseText)) code = kinds.humanitarian;
  }
  // "sent two warships to the Red Sea", "will send an aircraft carrier to the eastern Mediterranean": warships or warplanes sent
  // to no one named are a state's own forces deployed, a show of force (150), not military aid (given to a state, they stay aid)
  if (code === MILITARY_AID && !target && !match.pattern.isReverse) {
    const categories = equipmentCategories(clauseText, ctx);
    if (categories.length > 0 && categories.every((c) => SELF_DEPLOYING.has(c))) code = SHOW_OF_FORCE;
  }
  if (modality === 'planned' || modality === 'hypothetical') code = intentCode(code, ctx);
  const entry = cameoEntry(code, ctx);
  const fields: Event = {
    cameo: code,
    plover: entry.plover ?? '',
    source,
    target,
    date: date?.value ?? null,
    precision: date?.precision ?? 'vague',
    modality,
    quantities,
    // "attacked Kharkiv" happened there; "arrested a Russian agent" did not happen in Russia (a demonym names no place).
    // "a US-flagged boat", "Iranian-made drones": a name in a hyphenated modifier says whose, not where
    location: locationOf(actors, claim, start, end) ?? (entry.isPhysical && object && !isDemonymAt(object, sc.sentence.start) && !/^-[a-z]/.test(claim.slice(object.end, object.end + 2)) ? placeOf(object.entity) : null),
    attribution: { speaker: sc.speakerName, via: sc.via },
    evidence: sc.evidence,
    goldstein: entry.goldstein,
    quadClass: entry.quadClass,
    roles: arcsOf(sc.text, source, target),
  };
  const trigger = { start: sc.sentence.start + match.start, end: sc.sentence.start + match.end };
  return stamp(fields, entryRuleId('events/verb', match.pattern), sc.text, trigger);
}

/** Where each actor of an event was read: the span of its mention in the article (the event's arcs). */
const ARCS = new WeakMap<Actor, Span>();

/** The actor of a mention (offsets relative to the sentence starting at `base`), remembering where it was read. */
function actorAt(mention: ActorMention, base: number): Actor {
  const actor = toActor(mention);
  ARCS.set(actor, { start: base + mention.start, end: base + mention.end });
  return actor;
}

/** The words source and target were read from, as evidence; an actor carried over from before has its first naming. */
function arcsOf(text: string, source: Actor | null, target: Actor | null): NonNullable<Event['roles']> {
  const roles: NonNullable<Event['roles']> = {};
  const s = source ? ARCS.get(source) : undefined;
  const t = target ? ARCS.get(target) : undefined;
  if (s) roles.source = evidenceOf(text, s.start, s.end);
  if (t) roles.target = evidenceOf(text, t.start, t.end);
  return roles;
}

/** An event's arguments as the tree gives them, mapped to actor mentions (offsets relative to the sentence). */
interface TreeArguments {
  /** The grammatical subject: the actor of an active verb, the one acted on of a passive. */
  subject: ActorMention | null;
  /**
   * The first target phrase that names an actor; undefined when none does, and the surface reading
   * is tried (the parser is still rough: a wrong attachment must not lose a plain "to Pakistan").
   */
  object: ActorMention | undefined;
  /** The passive's agent ("by X"). */
  agent: ActorMention | null;
  /** Whether the tree names who acted (subject, agent) with words that name no actor: "the rally", "a roadside bomb". */
  isSourceNoActor: boolean;
  /**
   * Whether that doer is no one and nothing that can do violence: no weapon, act of force, person or body ("Inflation is attacking
   * savings", "the scandal wounded the government"): violence it does is a figure of speech.
   */
  isSourceAbstract: boolean;
  /** The head word of the phrase the tree reads as who acted, or null where it reads none. */
  sourceWord: string | null;
  /** "Kenya announced plans to buy drones": the tree's doer is a word of the attribution's speaker, masked from the claim. */
  isSourceSpeaker: boolean;
  /** Like isSourceNoActor, the words being no pronoun ("the strikes killed", not "it did not endorse"). */
  isSourceThing: boolean;
  /** The subject read is the predicate's own, or the noun it describes (not one it shares with the verb it is joined to). */
  isOwnSubject: boolean;
  /** The subject is a relative pronoun: what it stands for acted, or no one named (never the main clause's subject). */
  isRelativeSource: boolean;
  /** The subject is a personal pronoun the predicate shares with the verb it is joined to ("it was expelling X and withdrawing Y"). */
  isSharedPronoun: boolean;
  /** For a visit: the subject's head names equipment other than a ship ("Australia's first helicopters"), whoever its modifiers name. */
  isSourceEquipment: boolean;
  isPassive: boolean;
  modality: Modality | null;
  /** "X can strike Y": an ability stated, no act. */
  isCapability: boolean;
  /** "Iran's actions threaten peace": a judgement of someone's conduct, no act. */
  isConduct: boolean;
  /** Why the clause states no act of its own: a purpose, an obligation, an attribute (tree-roles.ts). */
  background: TreeReading['background'];
  /** A verb of commitment with an object ("pledges tanks"): see TreeReading.isCommitment. */
  isCommitment: boolean;
  /**
   * "X called Y's actions dangerous and destabilising": the predicate is what a verb of calling says its object is; the caller and
   * the one whose act or self is called so (null where the predicate is no such complement).
   */
  caller: ActorMention | null;
  called: ActorMention | null;
}

/** Verbs that say what their object is: "called the strikes illegal", "described the move as destabilising". */
const CALLING_VERBS = new Set([...NAMING_VERBS, 'describe']);

/**
 * The verb of calling whose complement the predicate is ("called the actions dangerous and destabilising": "destabilising" a
 * conjunct of the complement "dangerous"), read up through conjuncts and complements (xcomp, or an "as" phrase); -1 where none.
 */
function callingVerbOver(tree: SentenceSyntax, p: number): number {
  let i = p;
  for (let guard = 0; guard < 4 && i >= 0; guard++) {
    const w = tree.words[i]!;
    if (w.head < 0) return -1;
    const rel = baseRelation(w.deprel);
    const isAs = caseOf(tree, i) === 'as' || dependents(tree, i, 'mark').some((k) => tree.words[k]!.text.toLowerCase() === 'as');
    // ("described the manoeuvres as destabilising", the "as" clause hung on the object)
    if (rel === 'acl' && isAs && tree.words[w.head]!.deprel === 'obj') {
      const verb = tree.words[w.head]!.head;
      return verb >= 0 && CALLING_VERBS.has(tree.words[verb]!.lemma.toLowerCase()) ? verb : -1;
    }
    if (rel !== 'conj' && rel !== 'xcomp' && !(rel === 'obl' || rel === 'advcl')) return -1;
    const head = tree.words[w.head]!;
    if (rel !== 'conj' && CALLING_VERBS.has(head.lemma.toLowerCase())) {
      // (an "as" phrase only: "described the move as destabilising")
      if ((rel === 'obl' || rel === 'advcl') && !isAs) return -1;
      return w.head;
    }
    if (rel !== 'conj') return -1;
    i = w.head;
  }
  return -1;
}

/** Reads the match's predicate in the sentence's tree; null without a trained tree or a word there. */
function treeArguments(sc: SentenceContext, match: PatternMatch, ctx: Context): TreeArguments | null {
  // Adjectival phrases ("opposed to", "ready to") keep the surface reading: their "is" is no passive.
  if (!sc.tree || (match.pattern.isVerb && !match.pattern.phrase.startsWith('~'))) return null;
  const base = sc.sentence.start;
  // "air strikes", "missile attack": a noun phrase's predicate is its head noun, the word whose head lies outside the phrase.
  const p = predicateWord(sc.tree, base, match);
  if (p < 0) return null;
  const reading = readPredicate(sc.tree, p);
  const mention = (i: number): ActorMention | null => (i >= 0 ? mentionOf(sc.tree!, i, sc.actors, base) : null);
  // "to Ukraine, which has been fighting": where the parser's antecedent names no actor, the name just before the pronoun.
  const source =
    mention(reading.source) ??
    (reading.sourceNext !== undefined ? mention(reading.sourceNext) : null) ??
    (reading.source >= 0 && reading.source !== p ? organAt(sc, reading.source, ctx) : null) ??
    mention(subordinatePronounAntecedent(sc.tree, reading.source, p)) ??
    describedPeople(sc, p, reading.source, ctx);
  const isOther = (m: ActorMention | null): m is ActorMention => m !== null && m.code !== null && m.entity.id !== source?.entity.id;
  // "attacked the rebels in Somalia": an organ named bare is that of the state it is placed in
  const target =
    reading.targets.map(mention).find(isOther) ??
    reading.targets.map((i) => organAt(sc, i, ctx, true)).find(isOther) ??
    reading.targets.map((i) => objectPronounReferent(sc, i, source)).find(isOther) ??
    reading.targets.map((i) => ownPeople(sc, i, source, ctx)).find(isOther) ??
    null;
  const calling = callingVerbOver(sc.tree, p);
  const common = {
    caller: calling >= 0 ? mention(dependent(sc.tree, calling, 'nsubj')) : null,
    called: calling >= 0 ? mention(dependent(sc.tree, calling, 'obj')) : null,
    modality: reading.modality,
    isCapability: reading.isCapability,
    isConduct: reading.isConduct,
    background: reading.background,
    isCommitment: reading.isCommitment,
    isSourceNoActor: reading.source >= 0 && source === null,
    sourceWord: reading.source >= 0 ? sc.tree.words[reading.source]!.text : null,
    isSourceSpeaker: reading.source >= 0 && source === null && isInSpeaker(sc, sc.tree.words[reading.source]!.start - base),
    isSourceAbstract:
      reading.source >= 0 && source === null && sc.tree.words[reading.source]!.deprel === 'nsubj' && sc.tree.words[reading.source]!.head === p && isAbstractDoer(sc.tree.words[reading.source]!, ctx),
    isSourceThing: reading.source >= 0 && source === null && sc.tree.words[reading.source]!.upos !== 'PRON',
    isRelativeSource: reading.isRelativeSource === true,
    isOwnSubject: reading.source >= 0 && (sc.tree.words[reading.source]!.head === p || sc.tree.words[p]!.head === reading.source),
    isSharedPronoun:
      reading.source >= 0 && source === null && reading.isRelativeSource !== true && sc.tree.words[reading.source]!.upos === 'PRON' && sc.tree.words[reading.source]!.head !== p,
    // read only for a visit, the one act it bars (this runs for every predicate)
    isSourceEquipment: match.pattern.code === VISIT_CODE && reading.source >= 0 && isEquipmentNoun(sc.tree.words[reading.source]!, ctx),
  };
  return reading.isPassive
    ? { subject: target, object: undefined, agent: source, isPassive: true, ...common }
    : { subject: source, object: target ?? undefined, agent: null, isPassive: false, ...common };
}

/** The words naming an organ before its verb, without what follows them ("The government on Thursday" -> "The government"). */
function organPhrase(before: string): string {
  return before.trim().split(/\s*,\s*|\s+(?=(?:on|in|at|late|early|last|this|yesterday|today|also|has|have|had|will|would|is|are|was|were)\b)/i)[0] ?? before.trim();
}

/** Whether an offset of the sentence lies in its attribution's speaker. */
function isInSpeaker(sc: SentenceContext, offset: number): boolean {
  const speaker = sc.frame.speaker;
  return speaker !== null && offset >= speaker.start && offset < speaker.end;
}

/** Conjunctions of a clause of reason, time or concession: "because it was bombing", "after they had fired". */
const SUBORDINATE_MARKS = new Set(['because', 'since', 'as', 'while', 'after', 'before', 'when', 'although', 'though', 'until']);

/**
 * "Sudan bore responsibility because it was bombing civilians": a pronoun subject of a clause of reason or time stands for the
 * subject of the clause it qualifies (a name, not another pronoun); -1 when the pronoun stands elsewhere.
 */
function subordinatePronounAntecedent(tree: SentenceSyntax, pronoun: number, p: number): number {
  if (pronoun < 0 || !/^(?:it|they)$/i.test(tree.words[pronoun]!.text)) return -1;
  const verb = tree.words[pronoun]!.head;
  if (verb < 0 || verb !== p) return -1;
  const w = tree.words[verb]!;
  if (w.deprel !== 'advcl' || w.head < 0 || !dependents(tree, verb, 'mark').some((k) => SUBORDINATE_MARKS.has(tree.words[k]!.text.toLowerCase()))) return -1;
  const subject = dependents(tree, w.head, 'nsubj').find((k) => tree.words[k]!.upos === 'PROPN' || tree.words[k]!.upos === 'NOUN');
  return subject ?? -1;
}

/** The word a match is read at: a verb phrase's first word, an act noun phrase's head ("air strikes": "strikes"); -1 when none starts there. */
function predicateWord(tree: SentenceSyntax, sentenceStart: number, match: PatternMatch): number {
  const first = wordAt(tree, sentenceStart + match.start);
  return first < 0 || match.pattern.isVerb ? first : phraseHead(tree, first, sentenceStart + match.end);
}

/** Whether an actor was read from a phrase of place ("near Gao", "in northwestern Nigeria"): where, not whom. */
function isInPlacePhrase(sc: SentenceContext, actor: Actor): boolean {
  const arc = ARCS.get(actor);
  return arc !== undefined && PLACE_BEFORE.test(sc.text.slice(Math.max(0, arc.start - 40), arc.start));
}

/** Verbs of asking for something: their object or "for" phrase names what is asked, not given. */
const ASKING_VERBS = new Set(['ask', 'press', 'push', 'lobby', 'call', 'appeal', 'seek', 'request', 'plead', 'beg', 'demand', 'urge']);

/** Whether an act noun is what a verb of asking asks for ("to press for more military aid", "sought military aid"). */
function isRequested(tree: SentenceSyntax, p: number): boolean {
  const w = p >= 0 ? tree.words[p] : undefined;
  if (!w || w.head < 0) return false;
  const v = tree.words[w.head]!;
  if (v.upos !== 'VERB' || !ASKING_VERBS.has(v.lemma.toLowerCase())) return false;
  const rel = baseRelation(w.deprel);
  return rel === 'obj' ? v.lemma.toLowerCase() !== 'call' : rel === 'obl' && caseOf(tree, p) === 'for';
}

/** Verbs of stopping or forbidding: an act noun they take is what is stopped, not an act told. */
const STOPPING_VERBS = new Set(['ban', 'halt', 'suspend', 'stop', 'block', 'freeze', 'prohibit', 'restrict', 'curb', 'forbid', 'outlaw', 'bar', 'embargo']);

/** Whether an act noun is the object of a verb of stopping ("banned exports of gallium to the United States", "halted imports"). */
function isStopped(tree: SentenceSyntax, p: number): boolean {
  const w = p >= 0 ? tree.words[p] : undefined;
  if (!w || w.head < 0 || baseRelation(w.deprel) !== 'obj') return false;
  const v = tree.words[w.head]!;
  return v.upos === 'VERB' && STOPPING_VERBS.has(v.lemma.toLowerCase());
}

/** Nouns of a report whose verb of saying reports, not asserts: "a UN report that said", "the leaked documents show". */
const REPORT_NOUNS = new Set(['report', 'reports', 'study', 'investigation', 'assessment', 'document', 'documents', 'media', 'sources', 'leak', 'dossier']);

/** Whether a predicate lies in the complement of a verb of saying that a report noun heads or says ("a report that said X"). */
function isReportContent(tree: SentenceSyntax, p: number): boolean {
  let i = p;
  for (let guard = 0; i >= 0 && guard < 4; guard++) {
    const w = tree.words[i]!;
    if (w.head < 0 || !/^(?:ccomp|conj)$/.test(baseRelation(w.deprel))) return false;
    const v = tree.words[w.head]!;
    // (the verb's complement; a main clause joined to the verb is no content of it)
    if (baseRelation(w.deprel) === 'ccomp' && /^(?:say|report|claim|allege|suggest|indicate|show|find|conclude)$/.test(v.lemma.toLowerCase())) {
      const speaker = v.deprel === 'acl:relcl' ? v.head : dependent(tree, w.head, 'nsubj');
      return speaker >= 0 && REPORT_NOUNS.has(tree.words[speaker]!.text.toLowerCase());
    }
    i = w.head;
  }
  return false;
}

/**
 * Relations by which a verb heads a clause of its own under another word (a bare acl, "agreements covering 180 tanks", "a plan
 * to provide X with shells", says what its noun holds and is no clause apart).
 */
const OWN_CLAUSE_RELATIONS = /^(?:advcl|ccomp|acl:relcl|parataxis|conj)$/;

/** Verbs that say what a deal or package holds, wherever the parser hangs them: "signed agreements on Friday covering 180 tanks". */
const CONTENT_VERBS = new Set(['cover', 'include', 'comprise', 'involve', 'contain']);

/**
 * Whether the word at offset `at` lies in a clause of its own (a verb hung by advcl, ccomp, acl:relcl, parataxis or conj) below the
 * predicate: on the way up from it, such a verb comes before the predicate.
 */
function isInClauseBelow(tree: SentenceSyntax, predicate: number, at: number): boolean {
  let i = tree.words.findIndex((w) => w.start <= at && at < w.end);
  let crossed = false;
  for (let guard = 0; i >= 0 && guard < tree.words.length; guard++) {
    if (i === predicate) return crossed;
    const w = tree.words[i]!;
    if (w.upos === 'VERB' && OWN_CLAUSE_RELATIONS.test(w.deprel.startsWith('acl') ? w.deprel : baseRelation(w.deprel)) && !CONTENT_VERBS.has(w.lemma)) crossed = true;
    i = w.head;
  }
  return false;
}

/** The word of a phrase (from word `first` to offset `end`) whose head lies outside it; `first` when none does. */
function phraseHead(tree: SentenceSyntax, first: number, end: number): number {
  let last = first;
  while (last + 1 < tree.words.length && tree.words[last + 1]!.end <= end) last++;
  for (let i = first; i <= last; i++) {
    const h = tree.words[i]!.head;
    if (h < first || h > last) return i;
  }
  return first;
}

/**
 * The actor mention a tree argument names: the coded mention holding its head word, else a coded one
 * among the words that name the same actor ("the Latvian court", "the president of Russia"), else
 * none (a weapon, a law, a thing is no actor).
 */
function mentionOf(tree: SentenceSyntax, head: number, actors: readonly ActorMention[], base: number): ActorMention | null {
  const holds = (i: number) => (a: ActorMention): boolean => a.start <= tree.words[i]!.start - base && a.end >= tree.words[i]!.end - base;
  const words = actorWords(tree, head);
  // "the Jeddah truce", "the Minsk accord": a town or region naming a thing as its compound says where it was made, not whose it is.
  // (an administrative unit named by its compound is that place: "Kaduna state", "Kherson region")
  const isWhere = (i: number, a: ActorMention): boolean => i !== head && tree.words[i]!.deprel === 'compound' && isPlaceEntity(a) && !ADMINISTRATIVE_UNITS.test(tree.words[head]!.text);
  // The head's own coded mention, else a coded one among its modifiers ("the Latvian court"), else the head's uncoded one.
  // Of the modifiers' mentions, one that narrows another's code wins ("a Myanmar military jet": MMRMIL, not MMR).
  let modifier: ActorMention | undefined;
  for (const i of words) {
    const a = actors.find((m) => m.code && holds(i)(m) && !isWhere(i, m));
    if (a && (!modifier || (a.code!.startsWith(modifier.code!) && a.code!.length > modifier.code!.length))) modifier = a;
  }
  return (
    actors.find((a) => a.code && holds(head)(a)) ??
    modifier ??
    actors.find(holds(head)) ??
    null
  );
}

/** A post of a state's force or police that an act with no object struck: "near a police checkpoint", "outside an army base". */
const ORGAN_SITE = /^\s*(?:at|outside|near|inside|on|by)\s+(?:an?|the)\s+((?:police|army|military|border)\s+(?:station|post|checkpoint|base|headquarters|barracks|compound|convoy|patrol|vehicle)s?)\b/i;

/** What explodes of itself: explosives, munitions, and the vehicles that carry them. */
const EXPLOSIVE_NOUNS = /^(?:bombs?|devices?|IEDs?|(?:land)?mines?|shells?|rockets?|missiles?|grenades?|explosives?|charges?|munitions?|ordnance|cars?|vehicles?|trucks?|motorcycles?|drones?|depots?|vests?)$/i;

/** Nouns of places where people live, gather or are held: what an armed group raids is placed where its people are. */
const SETTLEMENT_NOUNS = /^(?:villages?|towns?|camps?|schools?|churche?s?|mosques?|markets?|farms?|hospitals?|prisons?|checkpoints?|stations?|convoys?|homes?|houses?)$/i;

/** Whether a verb is joined by "and" (directly or down a chain) to a verb of denying: "denied that ... and urged". */
function isConjoinedToDenial(tree: SentenceSyntax, p: number): boolean {
  for (let w = tree.words[p]!, guard = 0; baseRelation(w.deprel) === 'conj' && w.head >= 0 && guard < 8; guard++) {
    const head = tree.words[w.head]!;
    if (/^(?:deny|reject|dismiss)$/.test(head.lemma.toLowerCase())) return true;
    w = head;
  }
  return false;
}

/** Nouns naming a body of people sent somewhere: a force, a mission, a contingent. */
const BODY_NOUNS = /^(?:forces?|missions?|contingents?|battalions?|brigades?|units?)$/i;

/** Whether a noun predicate names a body of people that is a verb's subject ("the peacekeeping force ... called on"). */
function isActingBody(tree: SentenceSyntax, p: number): boolean {
  if (p < 0) return false;
  const w = tree.words[p]!;
  return BODY_NOUNS.test(w.text) && /^nsubj/.test(w.deprel) && w.head >= 0 && /^(?:VERB|AUX)$/.test(tree.words[w.head]!.upos);
}

/** Verbs of attack that are also said of words: "attacked", "hit out at", "lashed out at", "savaged". */
const VERBAL_ATTACK_VERBS = /^~(?:attack|assail|lash|hit out|savage|slam|blast)\b/;

/** A medium of speech: "in a radio interview", "in a speech", "on social media", "during a press conference". */
const SPEECH_MEDIUM = /\b(?:in|during|on|via|through)\s+(?:an?|the|his|her|their|its|a\s+televised|a\s+live)?\s*(?:\w+\s+)?(?:interview|speech|address|statement|post|tweet|op-ed|editorial|letter|remarks|press\s+conference|news\s+conference|broadcast|podcast|social\s+media|twitter|television|radio)\b/i;

/** Nouns of a state's administrative divisions, which a place's name before them names: "Borno state", "Kherson region". */
const ADMINISTRATIVE_UNITS = /^(?:state|province|region|district|county|governorate|prefecture|oblast|department|municipality)$/i;

/** A state's police, court or government: organs that act at home (KENCOP, PERGOV). */
function isDomesticOrgan(code: string): boolean {
  return /^[A-Z]{3}(?:COP|GOV|JUD)$/.test(code) && isStateCode(code);
}

/**
 * "police fired tear gas at farmers blocking a highway": a participle on a role noun with no state of its own (farmers,
 * protesters, students) has those people for its doer, of the state whose police, court or government the sentence names
 * (PERAGR); null for any other reading.
 */
function describedPeople(sc: SentenceContext, p: number, noun: number, ctx: Context): ActorMention | null {
  const tree = sc.tree;
  if (!tree || noun < 0 || tree.words[p]!.head !== noun || baseRelation(tree.words[p]!.deprel) !== 'acl') return null;
  const organ = sc.actors.find((a) => a.code !== null && isDomesticOrgan(a.code));
  return organ ? ownPeople(sc, noun, organ, ctx) : null;
}

/**
 * "Kenyan police fired tear gas at protesters": people a state's police, court or government acts on, named by a domestic role
 * noun and no place or state of their own (protesters, civilians, rebels, gunmen), are that state's (KENCVL); null for any other
 * word, or where the one acting is no such organ.
 */
function ownPeople(sc: SentenceContext, i: number, source: ActorMention | null, ctx: Context): ActorMention | null {
  const tree = sc.tree;
  // (a state's domestic organ only, police, courts, government, which act at home; an army or a state may act abroad, where the
  // people it strikes are the scene's: "Palestinian bombers killed 23 people in Tel Aviv")
  if (!tree || !source?.code || !isDomesticOrgan(source.code)) return null;
  const w = tree.words[membersOf(tree, i)]!;
  const role = domesticRoleIn(w.text, ctx);
  if (!role || dependents(tree, membersOf(tree, i), 'nmod:poss', 'amod').length > 0) return null;
  const base = sc.sentence.start;
  const code = source.code.slice(0, 3) + role.code;
  return { start: w.start - base, end: w.end - base, name: w.text, code, entity: groupEntity(`people:${code.toLowerCase()}`, w.text, source.code.slice(0, 3)) };
}

/**
 * "Biden spoke with Netanyahu and urged him to ...": a personal pronoun object stands for the nearest actor named before it
 * in the sentence, other than the one acting; null for any other word or where none is named.
 */
function objectPronounReferent(sc: SentenceContext, i: number, source: ActorMention | null): ActorMention | null {
  const tree = sc.tree;
  if (!tree || !/^(?:him|her|them)$/i.test(tree.words[i]!.text)) return null;
  const at = tree.words[i]!.start - sc.sentence.start;
  const isAnother = (a: ActorMention): boolean => a.code !== null && a.end <= at && a.entity.id !== source?.entity.id && (source === null || a.start >= source.end || a.end <= source.start);
  return sc.actors.findLast(isAnother) ?? null;
}

/**
 * "Police in Port-au-Prince arrested ...", "soldiers in Goma detained ...": a noun naming a state's organ (police, soldiers,
 * officials, a court) with an "in" phrase naming a town or country is that country's organ (HTICOP, CODMIL), written out
 * from the noun to the place; so is one joined by "and" to an actor of one state. Null for any other noun or phrase
 * (protesters in a town stay the town's country, as before).
 */
function organAt(sc: SentenceContext, at: number, ctx: Context, isTarget = false): ActorMention | null {
  const tree = sc.tree;
  if (!tree) return null;
  // ("fired on hundreds of protesters in Lagos": the people the count is of, with the place of their phrase or the verb's)
  const i = membersOf(tree, at);
  const w = tree.words[i]!;
  // as a target, the people of a place too: "attacked the rebels in Chad", "shelled civilians in Kharkiv"
  // as a doer, a civilian or armed group's noun only as a verb's subject ("gunmen in Zamfara killed ..."), not an act noun's own doer;
  // a collective names its members' role ("an alliance of ethnic rebel groups in Myanmar": REB)
  const members = COLLECTIVE_NOUNS.test(w.text) ? dependents(tree, i, 'nmod').find((k) => caseOf(tree, k) === 'of') : undefined;
  const roleWords = members === undefined ? w.text : actorWords(tree, members).map((k) => tree.words[k]!.text).join(' ');
  // (a subject's second conjunct too: "government forces and rebels exchanged fire")
  const isSubject = tree.words[at]!.deprel === 'nsubj' || (tree.words[at]!.deprel === 'conj' && tree.words[at]!.head >= 0 && tree.words[tree.words[at]!.head]!.deprel === 'nsubj');
  const role = stateRoleIn(roleWords, ctx) ?? (isTarget || isSubject ? (domesticRoleIn(roleWords, ctx)?.code ?? null) : null);
  if (!role) return null;
  const base = sc.sentence.start;
  // "police in Kisumu"; "attacked the rebels in Somalia", where the parser hung the place on the verb
  // (as a target also "opened fire on protesters in Nairobi": the verb's object's phrase, or the verb's own "on" phrase)
  const counted = tree.words[at]!;
  const h = counted.head >= 0 ? tree.words[counted.head]! : null;
  const isPhraseOfObject = isTarget && counted.deprel === 'nmod' && h !== null && h.deprel === 'obj';
  const verb = (/^(?:obj|nsubj)$/.test(counted.deprel) || (isTarget && counted.deprel === 'obl')) ? counted.head : isPhraseOfObject ? h.head : -1;
  const isArgument = verb >= 0 && tree.words[verb]!.upos === 'VERB';
  // (a doer's scene may also be the place of the people or the settlement it acted on: "gunmen abducted a priest in Kaduna",
  // "raided a village in Zamfara"; not of an act it staged: "activists staged rallies in Gaza" are placed by their own words)
  const isPeopleOrSite = (o: number): boolean => SETTLEMENT_NOUNS.test(tree.words[o]!.text) || domesticRoleIn(tree.words[membersOf(tree, o)]!.text, ctx) !== null || stateRoleIn(tree.words[o]!.text, ctx) !== null;
  // (the object's phrases and theirs: "a priest from his parish in Benue state")
  // (and a site the act took place at: "killed seven soldiers at a checkpoint in North Waziristan")
  // (people with no state of their own only: a state's troops that take a village abroad are not that country's)
  const isUnclaimed = stateRoleIn(roleWords, ctx) === null && dependents(tree, i, 'nmod:poss').length === 0;
  const sites = isArgument && counted.deprel === 'nsubj' && isUnclaimed ? [...dependents(tree, verb, 'obj'), ...dependents(tree, verb, 'obl').filter((k) => SETTLEMENT_NOUNS.test(tree.words[k]!.text))] : [];
  const objectPhrases = sites.filter(isPeopleOrSite).flatMap((o) => dependents(tree, o, 'nmod'));
  const objectPlaces = [...objectPhrases, ...objectPhrases.flatMap((k) => dependents(tree, k, 'nmod'))];
  // ("launched an offensive against rebels in Tigray", the place hung on the act noun: a phrase of the object beside the people's)
  const besidePlaces = isPhraseOfObject ? dependents(tree, counted.head, 'nmod').filter((k) => k !== at) : [];
  for (const k of [...dependents(tree, i, 'nmod'), ...(isArgument ? dependents(tree, verb, 'obl') : []), ...objectPlaces, ...besidePlaces]) {
    const kase = dependents(tree, k, 'case')[0];
    // (the place of whom unclaimed people acted on may also be "near" it: "killed 14 herders near Mopti")
    const preposition = kase === undefined ? '' : tree.words[kase]!.text.toLowerCase();
    if (preposition !== 'in' && !(preposition === 'near' && objectPlaces.includes(k))) continue;
    const place = mentionOf(tree, k, sc.actors, base);
    if (!place?.code || !/^[A-Z]{3}$/.test(place.code) || !(isPlaceEntity(place) || place.entity.type === 'country')) continue;
    if (tree.words[k]!.head !== i) {
      // the place is the verb's: the organ is named by its own words ("Government forces")
      const start = tree.words[Math.min(...actorWords(tree, i))]!.start - base;
      return { ...place, start, end: w.end - base, name: sc.text.slice(base + start, w.end), code: place.code + role };
    }
    const start = w.start - base;
    return { ...place, start, end: place.end, name: sc.text.slice(base + start, base + place.end), code: place.code + role };
  }
  // "Vucic ordered the army to raise its readiness": the organ a commander orders to act is the commander's state's
  if (w.deprel === 'obj' && w.head >= 0 && infinitiveObject(tree, w.head) === i) {
    const commander = dependents(tree, w.head, 'nsubj').map((k) => mentionOf(tree, k, sc.actors, base)).find((m) => m?.code && isCountryCode(m.code));
    if (commander?.code) return { ...commander, start: w.start - base, end: w.end - base, name: w.text, code: commander.code.slice(0, 3) + role };
  }
  // "The army and the RSF clashed": joined to an actor of one state, the organ is that state's (SDNMIL), whichever comes first
  // ("Syrian government forces and rebels exchanged fire": SYRREB)
  for (const k of [...dependents(tree, i, 'conj'), ...(w.deprel === 'conj' && w.head >= 0 ? [w.head] : [])]) {
    const other = mentionOf(tree, k, sc.actors, base);
    if (!other?.code || !isCountryCode(other.code)) continue;
    return { ...other, start: w.start - base, end: w.end - base, name: w.text, code: other.code.slice(0, 3) + role };
  }
  return null;
}

/** Nouns that count or gather the people of their "of" phrase: "hundreds of protesters", "a band of herders", "crowds of students". */
const COUNT_NOUNS = /^(?:dozens|scores|hundreds|thousands|tens|millions|crowds?|groups?|number|band|handful)$/i;

/** The people a count noun is of ("thousands of garment workers": workers); the word itself for any other. */
function membersOf(tree: SentenceSyntax, i: number): number {
  if (!COUNT_NOUNS.test(tree.words[i]!.text)) return i;
  return dependents(tree, i, 'nmod').find((k) => caseOf(tree, k) === 'of') ?? i;
}

/** Whether a tree comes from the trained parser (the placeholder tags every word X). */
function isTrained(tree: SentenceSyntax | undefined): boolean {
  return tree !== undefined && tree.words.some((w) => w.upos !== 'X' && w.upos !== 'PUNCT');
}

/** The tagger's reading of each word of the sentence, by offset in the sentence; undefined without a trained tree. */
function tagsOf(sc: SentenceContext): TagAt | undefined {
  if (!sc.tree) return undefined;
  const byStart = new Map<number, string>();
  for (const w of sc.tree.words) byStart.set(w.start - sc.sentence.start, w.upos);
  return (start) => byStart.get(start);
}

/** Whether an actor code starts with a country (RUSMIL) rather than naming a body or group (IGO, UNO, NATO, TAL). */
function isCountryCode(code: string): boolean {
  return /^[A-Z]{3}/.test(code) && !/^(?:IGO|NGO|UNO|EUR|IMG|NAT|TAL|CST|SCO|ASN|AFR|ARL|GCC|OIC|OPC|WAF|IMF|WBK|WTO|ICC|WHO|IAE|MED|BUS)/.test(code);
}

/** "Jordan and Britain": a subject joined to the next actor by "and" or a comma is one compound actor, coded by its first member. */
function compound(first: ActorMention, actors: ActorMention[], claim: string, base: number, tree: SentenceSyntax | null = null, ctx: Context | null = null): Actor {
  const members = [first];
  for (const next of actors) {
    const last = members[members.length - 1]!;
    if (next.start < last.end) continue;
    if (!/^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?$/i.test(claim.slice(last.end, next.start))) break;
    // "the CSTO, the Russia-led military alliance": a name in a hyphenated modifier of an apposition is no member
    if (/^-[a-z]/.test(claim.slice(next.end, next.end + 2))) break;
    // "criticized Japan and China praised India": with a tree, a member is a conjunct of the phrase, not the next clause's subject.
    if (tree && !isConjunctOf(tree, next, members, base)) break;
    members.push(next);
  }
  const actor = actorAt(first, base);
  const joined = members.slice(1).map((m) => actorAt(m, base));
  // "Syrian government forces and rebels exchanged fire": a second member named by a role noun with no state of its own is of the
  // first member's state (SYRREB), as the other side of the same country's fight
  const bare = ctx && members.length === 1 && actor.code && isStateCode(actor.code) ? BARE_MEMBER.exec(claim.slice(first.end)) : null;
  const role = bare ? domesticRoleIn(bare[2]!, ctx!) : null;
  if (bare && role) joined.push({ name: bare[1]!, code: actor.code!.slice(0, 3) + role.code, entityId: null });
  if (joined.length > 0) MEMBERS.set(actor, joined);
  return actor;
}

/** A member joined by "and" and named by a role noun, with up to two modifiers: "and rebels", "and Turkish-backed rebels". */
const BARE_MEMBER = /^\s+and\s+(?:the\s+)?((?:[\w-]+\s+){0,2}?(\w+))(?=\s+(?:\w+ly\s+)?(?:clashed|fought|exchanged|traded|battled|agreed|signed|met|held|accused|blamed)\b)/i;

/**
 * A name joined to the subject by a bare comma before it, which the parser hangs on the verb as a
 * `vocative` or `dep`: a headline's compound subject ("India, China hold talks"). Null otherwise.
 */
function coSubjectBefore(sc: SentenceContext, subject: ActorMention): ActorMention | null {
  if (!sc.tree) return null;
  const base = sc.sentence.start;
  const before = sc.actors.filter((a) => a.code && a.end <= subject.start && /^\s*,\s*$/.test(sc.claim.slice(a.end, subject.start)));
  const first = before[before.length - 1];
  if (!first) return null;
  const i = wordAt(sc.tree, base + first.start);
  return i >= 0 && /^(?:vocative|dep)$/.test(sc.tree.words[i]!.deprel) ? first : null;
}

/**
 * "Indian and Chinese troops clashed": the nationality adjective coordinated before the subject's own
 * is its first member (the tree reads the second adjective as a `conj` of the first). Null otherwise.
 */
function adjectiveBefore(sc: SentenceContext, subject: ActorMention): ActorMention | null {
  if (!sc.tree) return null;
  const before = sc.actors.filter((a) => a.code && a.end <= subject.start && /^\s*(?:,|and|,\s*and)\s+$/i.test(sc.claim.slice(a.end, subject.start)));
  const first = before[before.length - 1];
  if (!first) return null;
  const i = wordAt(sc.tree, sc.sentence.start + first.start);
  // The tagger may read the adjective as a name ("Armenian" PROPN) hung on the noun as a compound.
  const w = i >= 0 ? sc.tree.words[i]! : null;
  const isModifier = w !== null && (w.upos === 'ADJ' || (w.upos === 'PROPN' && /^(?:compound|amod)$/.test(w.deprel)));
  return isModifier && isConjunctOf(sc.tree, subject, [first], sc.sentence.start) ? first : null;
}

/** Whether a mention's words hold a `conj` dependent of a word of the earlier members (offsets relative to the sentence at `base`). */
function isConjunctOf(tree: SentenceSyntax, next: ActorMention, members: readonly ActorMention[], base: number): boolean {
  const inside = (m: ActorMention, i: number): boolean => tree.words[i]!.start - base >= m.start && tree.words[i]!.end - base <= m.end;
  return tree.words.some((w, i) => inside(next, i) && baseRelation(w.deprel) === 'conj' && w.head >= 0 && members.some((m) => inside(m, w.head)));
}

/** Whether two codes name the same actor or one part of the other (ARM and ARMMED, UNO and IGOUNO). */
function sameActor(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && (a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a)));
}

/** Roles of those who stand against their own state: rebels, insurgents, separatists, the opposition, criminal groups. */
const OTHER_SIDE_ROLES = /^[A-Z]{3}(?:REB|INS|SEP|OPP|CRM)/;
/** Actors of a country that are not its state: its people, firms, media, armed men no one names. */
const NON_STATE_ROLES = /^[A-Z]{3}(?:CVL|BUS|MED|UAF|AGR|REL|REF|NGO|EDU|LAB)/;

/** Whether two codes of one state are two sides of it: one names its state or organs, the other those who stand against them. */
function isOtherSide(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b) && OTHER_SIDE_ROLES.test(a!) !== OTHER_SIDE_ROLES.test(b!);
}

/** The further members of a compound source or target ("Britain, France and Germany"): one event each. */
const MEMBERS = new WeakMap<Actor, Actor[]>();

function nearestBefore(actors: ActorMention[], before: number, not: Actor | null): ActorMention | null {
  for (let i = actors.length - 1; i >= 0; i--) {
    const a = actors[i]!;
    if (a.end <= before && a.code && a.code !== not?.code) return a;
  }
  return null;
}

function agentOf(actors: ActorMention[], claim: string, from: number, to: number, isInPhrase = false): ActorMention | null {
  const by = /\bby\s+/gi;
  by.lastIndex = from;
  const m = by.exec(claim);
  if (!m || m.index >= to + 40) return null;
  // "killed by a roadside bomb near X": a name that only says where is not the one who acted.
  // ("killed in an ambush by jihadists near the border with Niger": nor is the country past a border)
  const doers = actors.filter((a) => !PLACE_BEFORE.test(claim.slice(Math.max(0, a.start - 20), a.start)) && !BORDER_BEFORE.test(claim.slice(Math.max(0, a.start - 24), a.start)));
  let end = Math.max(to, m.index + 80);
  if (isInPhrase) {
    const comma = claim.slice(m.index).search(/[,;]/);
    if (comma >= 0) end = Math.min(end, m.index + comma);
  }
  return objectOf(doers, m.index, end, claim);
}

function locationOf(actors: ActorMention[], claim: string, from: number, to: number, before: RegExp = LOCATIVE_BEFORE): Place | null {
  for (const a of actors) {
    if (a.start < from || a.end > to) continue;
    // "fired at a Turkish fishing boat": a nationality adjective after "at a" says whose, not where
    if (a.entity.mentions.some((m) => m.demonym === true && a.name.startsWith(m.text))) continue;
    if (!before.test(claim.slice(Math.max(0, a.start - 30), a.start)) || namesBorder(a, claim)) continue;
    const place = placeOf(a.entity);
    if (place) return place;
  }
  return null;
}

/** The country of the first place the sentence puts something in ("near Qamishli in northeastern Syria": Syria), or null. */
function countryOfScene(actors: ActorMention[], claim: string): string | null {
  for (const before of [LOCATIVE_BEFORE, OF_PLACE_BEFORE]) {
    for (const a of actors) {
      // ("struck a residential area of Odesa": a town "of" which a part was struck, after no place "in" or "near")
      if (!before.test(claim.slice(Math.max(0, a.start - 30), a.start)) || (before === OF_PLACE_BEFORE && !isPlaceEntity(a)) || namesBorder(a, claim)) continue;
      const country = placeOf(a.entity)?.country;
      if (country && /^[A-Z]{3}$/.test(country)) return country;
    }
  }
  return null;
}

/** Whether a mention names the state beyond a border ("near the Afghan border", "on the Syrian frontier"): either side may be the scene. */
function namesBorder(a: ActorMention, claim: string): boolean {
  return BORDER_AFTER.test(claim.slice(a.end, a.end + 12));
}

/** A preposition of place and up to two words (an article, "southern") before a place's name. */
/** Where a march or rally went: "in the capital", "through Tbilisi", "across Dhaka". */
const PROTEST_PLACE_BEFORE = /\b(?:in|through|across|around|outside)\s+(?:the\s+)?$/i;

const LOCATIVE_BEFORE = /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:\S+\s+){0,2}$/i;
/** The same, or "of" ("residents of southern Lebanon": the people of a place). */
const OF_PLACE_BEFORE = /\b(?:in|at|near|outside|inside|of)\s+(?:the\s+)?(?:\S+\s+){0,2}$/i;

/**
 * Whether an actor mention names its country only as a modifier: a nationality adjective ("a Russian agent") or a name before a
 * role noun the mention runs on to ("a US journalist"), not a place's own name.
 */
function isDemonymAt(a: ActorMention, base: number): boolean {
  return a.entity.mentions.some((m) => m.start === base + a.start && (m.demonym === true || m.form === 'demonym' || m.end < base + a.end));
}

/** A country, place or region entity as a place; null for other entities. */
function placeOf(e: Entity): Place | null {
  if (e.type !== 'place' && e.type !== 'country' && e.type !== 'region') return null;
  return { name: e.name, lat: e.lat, lon: e.lon, country: e.country ?? (e.type === 'country' ? e.code : null) };
}

interface Dated {
  value: string;
  precision: DatePrecision;
}

/** The publication date as an event date: its day (or month, or year). */
function publishedDate(published: string | null): Dated | null {
  if (!published) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published);
  if (!m) return null;
  if (m[3]) return { value: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
  if (m[2]) return { value: `${m[1]}-${m[2]}`, precision: 'month' };
  return { value: m[1] ?? '', precision: 'year' };
}

/**
 * The clause's own date (of several, the one nearest the predicate: "expelled an envoy in 2023 and closed the base last month"),
 * else the attribution's, else the dateline's, else the publication's.
 */
function eventDate(sc: SentenceContext, from: number, to: number, published: Dated | null, at: Span, isAppeal = false): Dated | null {
  const base = sc.sentence.start;
  const gap = (d: DateFinding): number => (d.start - base >= at.end ? d.start - base - at.end : at.start >= d.end - base ? at.start - (d.end - base) : 0);
  // a wire dateline's date ("KHARTOUM, March 9 -") is the day the story was filed, not the day of the act its clause tells
  const filedEnd = sc.frame.dateline?.end ?? 0;
  // "buy 12 more launchers, on top of the 20 it ordered last year": a date in a clause that describes a noun of the predicate's
  // is that clause's, not the predicate's
  const tree = sc.tree;
  const p = tree ? wordAt(tree, base + at.start) : -1;
  // (and where the parser missed the clause, one closed by the date with a pronoun and a past verb: "the eight it ordered")
  const isInNounClause = (d: DateFinding): boolean =>
    (tree !== null && isInNounClauseApart(tree, wordAt(tree, d.start), p)) || (d.start - base > at.end && closesRelativeClause(sc.sentence.text.slice(at.end, d.start - base)));
  // "said the coalition should leave by September 2025": a deadline is when the demanded act is due, not when the demand was made
  // (the dates stage may keep "by" in the date's own words: "by the end of the year")
  const isDeadline = (d: DateFinding): boolean => isAppeal && (/^by\s/i.test(d.text) || /\bby\s+(?:the\s+end\s+of\s+)?$/i.test(sc.sentence.text.slice(Math.max(0, d.start - base - 20), d.start - base)));
  // "the largest haul this year", "the deadliest attack since 2019": the period a superlative compares within is no time of the act
  const isComparison = (d: DateFinding): boolean => d.precision !== 'day' && SUPERLATIVE_BEFORE.test(sc.sentence.text.slice(Math.max(0, d.start - base - 40), d.start - base));
  const own = sc.dates.filter((d) => d.start - base >= Math.max(from, filedEnd) && d.end - base <= to && !isInNounClause(d) && !isDeadline(d) && !isComparison(d)).sort((a, b) => gap(a) - gap(b))[0];
  const attributed = sc.dates.find((d) => d.start - base >= filedEnd && sc.frame.masked.some((m) => d.start - base >= m.start && d.end - base <= m.end));
  // "imposed a blockade in 2007 after Hamas seized control", "last held talks in 2018, when Kim met Moon": a clause of "after",
  // "when" or "as" with no date of its own is of the time of the clause it hangs on (the nearest date before it)
  const hungOn = own || !/\b(?:after|when|as|while|once)\s+$/i.test(sc.sentence.text.slice(Math.max(0, from - 8), from)) ? undefined : sc.dates.findLast((d) => d.value && d.end - base <= from);
  // with no date of its own the clause is of the day the story was filed, where the dateline gives it
  const filed = filedEnd > 0 ? sc.dates.find((d) => d.end - base <= filedEnd) : undefined;
  const chosen = own ?? hungOn ?? attributed ?? filed;
  if (chosen?.value) return { value: chosen.value, precision: chosen.precision };
  return published;
}

/** A superlative and its noun right before a date: "the largest haul", "the deadliest attack", "the most ... since", "the first such". */
const SUPERLATIVE_BEFORE = /\b(?:largest|biggest|deadliest|worst|heaviest|highest|lowest|longest|fiercest|bloodiest|most\s+\w+|first\s+such)\s+(?:[\w-]+\s+){0,2}(?:since\s+|in\s+|of\s+)?$/i;

function toTime(value: string): number {
  const [y = '1970', m = '01', d = '01'] = value.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

function modalityOf(
  claim: string,
  before: string,
  clauseStart: number,
  clauseEnd: number,
  match: PatternMatch,
  frame: Frame,
  date: Dated | null,
  published: Dated | null,
  sentence: string = claim,
): Modality {
  const clause = claim.slice(clauseStart, clauseEnd);
  const sentenceHead = claim.slice(0, match.start);
  // "denied that ...", "denied reports that its forces had shelled ...": the claim denied
  // (read in the sentence's own words: "X denied reports that" is also read as a frame of attribution, which the claim blanks out)
  if (NEGATION_BEFORE.test(before) || DROPPED_PLAN_BEFORE.test(before) || DENIED_BEFORE.test(sentenceHead.slice(-60)) || DENIED_BEFORE.test(sentence.slice(Math.max(0, clauseStart - 60), clauseStart))) return 'negated';
  if (HYPOTHETICAL.test(before) || /\b(?:if|unless)\b/i.test(claim.slice(clauseStart, match.start))) return 'hypothetical';
  // a headline's "NATO to boost troops", "Germany to supply tanks": a name right before "to" and the verb tells what is to come
  if (PLANNED_BEFORE.test(before) || HEADLINE_FUTURE.test(before)) return 'planned';
  if (date && published && date !== published && toTime(published.value) - toTime(date.value) > HISTORICAL_DAYS * 86_400_000) {
    return 'historical';
  }
  if (frame.isHedged || /\b(?:reportedly|allegedly)\b/i.test(withoutChargeHedges(clause))) return 'reported';
  return 'asserted';
}
