/**
 * Reported speech: who a sentence's claim is attributed to ("X said", "..., X said on Monday",
 * "according to X"), the span that attribution occupies (masked before coding the claim), and the
 * chain of outlets the story travelled through.
 */
import type { Span } from '../../core/doc.js';

/** A sentence split into the attribution and the claim. Offsets are relative to the sentence. */
export interface Frame {
  /** The speaker's noun phrase, or null when the sentence is not attributed. */
  speaker: Span | null;
  /** The parts that are attribution, not claim (speaker, speech verb, "according to ..."). */
  masked: Span[];
  /** Where the claim starts (after "X said that"). */
  claimStart: number;
  /** Whether the attribution hedges the claim (reportedly, allegedly, media reports). */
  isHedged: boolean;
  /** Whether the speaker comes first ("X said that ..."), so a pronoun or agentless claim is the speaker's own. */
  isLeading: boolean;
  /** A wire dateline opening the sentence ("TOKYO (Kyodo) —"): where the story was filed, no actor of its claim. */
  dateline: Span | null;
  /** The outlet a dateline credits ("Kyodo" in "TOKYO (Kyodo) —"), or null. */
  datelineOutlet: string | null;
}

/**
 * A wire dateline: a place in capitals (its region or country may follow in any case), an optional
 * date, an optional outlet in brackets, then a dash: "TOKYO (Kyodo) —", "KYIV, Ukraine (AP) --",
 * "BRUSSELS, March 4 (Reuters) -". The capitals keep a sentence that opens on a name from being read so.
 */
const DATELINE =
  /^\s*[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,3}(?:,\s+[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,2})?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\(([^()]{1,40})\))?\s*(?:—|–|--|-)\s+/;

/** The dateline opening a sentence and the outlet it credits, or null (see DATELINE). */
export function readDateline(sentence: string): { span: Span; outlet: string | null } | null {
  const m = DATELINE.exec(sentence);
  // One capital letter is no dateline ("A -"), nor is a place with no dash after it.
  if (!m || !/[A-Z]{2}/.test(m[0])) return null;
  return { span: { start: 0, end: m[0].length }, outlet: m[1]?.trim() || null };
}

// ("charged" says only when it lays no charge: "three men were charged with spying" attributes nothing)
const SPEECH =
  '(?:said|says|say|told(?:\\s+\\w+)?|announced|announces|reported|(?<!\\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses)\\s)reports|stated|states|declared(?=\\s+(?:\\w+\\s+){0,2}that\\b)|declares(?=\\s+(?:\\w+\\s+){0,2}that\\b)|confirmed|confirms|added|adds|noted|notes|reiterated|stressed|claimed|(?<!\\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses)\\s)claims|(?<!\\b(?:was|were|been|being|be|is|are)\\s)charged(?!\\s+(?:with|over|in|for)\\b)|protested(?=\\s+that\\b|\\s*[,:])|explained|revealed|disclosed|argued|wrote|was\\s+quoted\\s+(?:\\w+\\s+)?as\\s+saying|quoted\\s+\\S+\\s+as\\s+saying)';
// ("Latvia and Lithuania have also said", "Kenya and Somalia have both said": an adverb after the auxiliary is no part of the speaker)
const AUX = '(?:(?:has|had|have|was|is)\\s+)?(?:(?:also|both|all|already|repeatedly|previously|publicly|since|again|now|separately)\\s+){0,2}';
// What may follow a leading speech verb before the claim: "in a statement on Saturday", "back then", "that".
const LEAD_FILLER =
  /^(?:\s*,?\s*(?:in\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+){0,2}?(?:statement|letter|interview|speech|report|remarks|message)|on\s+[A-Z]\w+(?:\s+\d{1,2})?|today|yesterday|here|there|earlier|later|back\s+then|then|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|on\s+\w+day|\w+day|in\s+\w+|late\s+\w+|again|repeatedly|publicly|also))*\s*(?:that\s+)?/;

// (", Hayashi said, calling on Beijing to remove it.": an -ing participle after the speech verb is the speaker's own act, kept
// as a claim of its own)
/** The words that open a relative clause: "which", "who", "both of which", "all of whom". */
const RELATIVE_HEAD = '(?:(?:both|all|some|none|each|many|most|one|two|three)\\s+of\\s+)?(?:which|whom|who|whose)';
const RELATIVE_OPENING = new RegExp(`^${RELATIVE_HEAD}\\b`, 'i');
/**
 * What may open the writer's own background after a trailing attribution, past a comma: a time ("..., the army said, days after
 * the rebels rejected a truce", "a week before") or a conjunction of time, reason or contrast ("as", "amid", "following").
 */
const BACKGROUND_TAIL =
  '(?:(?:(?:a|an|one|two|three|four|five|six|several|some|just|only|\\d+)\\s+)?(?:days?|hours?|weeks?|months?|minutes?)\\s+(?:after|before)|after|before|as|while|when|since|amid|despite|following)\\s';
/**
 * Verbs of finding that close a sentence as a verb of saying does (", a UN report found.", ", the inquiry concluded."): read
 * only after the claim, where they cannot be the claim's own verb ("Investigators found the bodies of ...").
 */
const FINDING = '(?:found|finds|concluded|concludes|showed|shows|estimated|estimates)(?=(?:\\s+(?:on|last|this|in)\\s+\\w+)?[.!?"”\']*\\s*$)';
/**
 * A speaker never ends in an article or a possessive (", calling the reports baseless": "reports" there is a noun), nor in a
 * relative word (", despite a UN report that said ...": a relative clause on the noun before it).
 */
const NOT_AFTER_ARTICLE = '(?<!\\b(?:the|a|an|these|those|such|its|their|his|her|that|which|who))';
// (", but Syria's defence ministry said shelling continued": a speaker opened by a conjunction says a clause of its own;
// ", both of which have announced plans": a relative clause is no attribution)
const TRAILING = new RegExp(
  `[,;]["”']?\\s+((?!(?:but|and|while|although|though|whereas|yet)\\s|${RELATIVE_HEAD}\\s)(?:[^,;"“”]{1,90}?))${NOT_AFTER_ARTICLE}\\s+${AUX}(?:${SPEECH}|${FINDING})(?![\\w-])(?:\\s+(?!that\\b)[^\\s,;"“”]+){0,7}?(,\\s+(?:[a-z]+ing\\b|${BACKGROUND_TAIL})[^"“”;]*?)?[.!?"”']*\\s*$`,
);
const TRAILING_INVERTED = new RegExp(`[,;]["”']?\\s+(?:${SPEECH}|according\\s+to)\\s+([^,;"“”]{2,90}?)[.!?"”']*\\s*$`);
const ACCORDING = /,?\s*\baccording\s+to\s+([^,;.]{2,90})/i;
/** A clause of time or reason in the words after a verb of saying: its conjunction, then at least three words. */
const SUBORDINATE_TAIL = /\s(?=(?:after|when|because|while|since|although|before|as)\s+(?:[\w'’-]+\s+){2,}[\w'’-]+)/i;

const LEADING = new RegExp(`^([^"“”]{2,160}?)${NOT_AFTER_ARTICLE}\\s+${AUX}${SPEECH}(?![\\w-])`);
/** What an inverted attribution's speaker never opens with, nor holds: a preposition, a pronoun, a finite auxiliary
 * (", said on Thursday it had retaken the palace" is the verb of a subject before the comma, with its claim). */
const NOT_INVERTED_SPEAKER = /^(?:on|in|at|by|for|from|that|it|he|she|they|we|this|last|early|late)\b|\b(?:had|has|have|was|were|would|will|is|are|could|should)\b/i;
const HEDGE = /\b(?:reportedly|allegedly|purportedly|according\s+to\s+(?:reports|media|sources|unconfirmed)|reports\s+said|media\s+reports?)\b/i;

/**
 * A text without the hedges that qualify a charge rather than the report: "arrested 22 men for allegedly poaching",
 * "accused of allegedly spying": the arrest is asserted; only the charge is alleged.
 */
export function withoutChargeHedges(text: string): string {
  return text.replace(/\b(?:for|of|over|with)\s+(?:allegedly|reportedly|purportedly)\b/gi, (m) => ' '.repeat(m.length));
}
// ("agency" alone is no outlet: a spy, space or atomic energy agency speaks for itself)
// (an organ's own "media wing", "press office", "press service" or "press secretary" speaks for it: no outlet, no hedge)
const MEDIA = /\b(?:news\s+agency|press\s+agency|tv|television|radio|newspaper|daily|media(?!\s+(?:wing|office|service|centre|center|department|unit)\b)|press(?!\s+(?:office|service|secretary|officer|wing|department|centre|center|unit)\b)|reports?|sources|times|post|journal|tass|interfax|xinhua|reuters|afp|ap|irna|bta|ctk|itar-tass)\b/i;

/** Reads a sentence's attribution; a sentence with none is its own claim. */
export function readFrame(sentence: string): Frame {
  const dateline = readDateline(sentence);
  if (!dateline) return readClaimFrame(sentence, null, null);
  // The dateline is masked like an attribution; the rest is read as a sentence of its own (same offsets).
  const { start, end } = dateline.span;
  const frame = readClaimFrame(' '.repeat(end) + sentence.slice(end), dateline.span, dateline.outlet);
  frame.masked.push({ start, end });
  if (frame.speaker && frame.speaker.start < end) frame.speaker = { start: end, end: Math.max(end, frame.speaker.end) };
  if (frame.claimStart < end) frame.claimStart = end;
  return frame;
}

function readClaimFrame(sentence: string, dateline: Span | null, datelineOutlet: string | null): Frame {
  const frame: Frame = { speaker: null, masked: [], claimStart: 0, isHedged: HEDGE.test(withoutChargeHedges(sentence)), isLeading: false, dateline, datelineOutlet };
  const end = sentence.length;
  const according = ACCORDING.exec(sentence);
  if (according?.[1]) {
    const speakerStart = according.index + according[0].length - according[1].length;
    frame.speaker = { start: speakerStart, end: speakerStart + according[1].trimEnd().length };
    frame.masked.push({ start: according.index, end: according.index + according[0].length });
    if (MEDIA.test(according[1])) frame.isHedged = true;
    if (according.index < 3) frame.claimStart = according.index + according[0].length;
    return frame;
  }
  const trailing = TRAILING.exec(sentence);
  if (trailing?.[1] && trailing.index > 15 && /\S+\s+\S+\s+\S+/.test(sentence.slice(0, trailing.index))) {
    const speakerStart = trailing.index + trailing[0].indexOf(trailing[1], 1);
    frame.speaker = { start: speakerStart, end: speakerStart + trailing[1].length };
    let tail = trailing[2] ? trailing.index + trailing[0].lastIndexOf(trailing[2]) : sentence.length;
    // '"We will respond," the minister said after Israeli jets struck targets near Damascus': a clause of time or reason after
    // the verb of saying, with a subject and a verb of its own, is a claim, not part of the attribution
    const clause = SUBORDINATE_TAIL.exec(sentence.slice(speakerStart + trailing[1].length, tail));
    if (clause) tail = speakerStart + trailing[1].length + clause.index;
    frame.masked.push({ start: trailing.index, end: tail });
    if (MEDIA.test(trailing[1]) && !/\bofficial/i.test(trailing[1])) frame.isHedged = true;
    return frame;
  }
  const inverted = TRAILING_INVERTED.exec(sentence);
  if (inverted?.[1] && inverted.index > 15 && !NOT_INVERTED_SPEAKER.test(inverted[1].trim())) {
    const speakerStart = inverted.index + inverted[0].lastIndexOf(inverted[1]);
    frame.speaker = { start: speakerStart, end: speakerStart + inverted[1].length };
    frame.masked.push({ start: inverted.index, end: sentence.length });
    return frame;
  }
  const leading = LEADING.exec(sentence.slice(0, end));
  // "The Sahel states announced ...": a word of saying right before a finite verb is a noun (its subject), no verb of saying
  if (leading?.[1] && !FINITE_NEXT.test(sentence.slice(leading[0].length, leading[0].length + 20))) {
    const afterVerb = leading[0].length;
    const filler = LEAD_FILLER.exec(sentence.slice(afterVerb));
    const claimStart = afterVerb + (filler ? filler[0].length : 0);
    const rest = sentence.slice(claimStart, end);
    if (rest.split(/\s+/).length >= 3) {
      // The speaker is the last comma-separated part before the verb ("As ..., Russian Defense Minister Sergei Shoigu said").
      const before = leading[1];
      // "Minsk rejected the decision and said ...": the speech verb is the second of two predicates; what
      // comes before "and" is a claim of its own, not the speaker's name.
      if (/(?:^|\s)and$/.test(before.trimEnd()) && /\s/.test(before.trim().replace(/\s+and$/, ''))) return frame;
      const comma = before.lastIndexOf(', ');
      const speakerStart = comma >= 0 ? comma + 2 : 0;
      // "The army, which has fought the rebels since 2023, said ...": the last part before the verb is a relative clause set off
      // by commas; the speaker is the noun phrase before it, and the relative clause stays a claim of its own. "A senior official,
      // asking not to be named, said ...": so is a participle, which says how the speaker spoke and is masked with the attribution.
      const aside = before.slice(speakerStart);
      const isRelativeAside = /^(?:which|who)\b/.test(aside);
      if (comma >= 0 && (isRelativeAside || /^\w+ing\b/.test(aside)) && /,\s*$/.test(before)) {
        const previous = before.lastIndexOf(', ', comma - 1);
        const nounStart = previous >= 0 ? previous + 2 : 0;
        if (before.slice(nounStart, comma).split(/\s+/).length > 9) return frame;
        frame.speaker = { start: nounStart, end: comma };
        // (a relative clause's words stay readable: it acts with the speaker, "which has fought")
        frame.masked.push({ start: isRelativeAside ? before.length : nounStart, end: claimStart });
        frame.claimStart = claimStart;
        frame.isLeading = true;
        if (MEDIA.test(before.slice(nounStart, comma))) frame.isHedged = true;
        return frame;
      }
      if (before.slice(speakerStart).split(/\s+/).length > 9) return frame;
      // "sanctioned three firms it said sold engines to Iran": a pronoun right before the verb after other words opens a relative
      // clause without its "that" ("firms [that] it said ..."); the words before it are a claim of their own, not a speaker
      if (/\S\s+(?:it|they|he|she|we)\s*$/i.test(before.slice(speakerStart).trimEnd())) return frame;
      // "coordinating with Latvia and Lithuania, both of which have announced plans": a relative clause is no attribution
      if (RELATIVE_OPENING.test(before.slice(speakerStart))) return frame;
      // "Pakistan on Saturday said": the time between the speaker and the verb is no part of the name
      const time = SPEAKER_TIME.exec(before.slice(speakerStart));
      frame.speaker = { start: speakerStart, end: time && time.index > 0 ? speakerStart + time.index : before.trimEnd().length };
      frame.masked.push({ start: speakerStart, end: claimStart });
      frame.claimStart = claimStart;
      frame.isLeading = true;
      if (MEDIA.test(before.slice(speakerStart))) frame.isHedged = true;
    }
  }
  return frame;
}

/** A finite verb right after a word of saying ("states announced", "reports said"): that word was a noun. */
const FINITE_NEXT = /^\s+(?:announced|declared|agreed|decided|signed|launched|rejected|voted|met|said|says|told|have|has|had|were|was|are|is|will|would)\b/;

/** A time adverbial closing the words before a speech verb ("Pakistan on Saturday said", "the ministry earlier said"). */
const SPEAKER_TIME =
  /\s+(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|on\s+\w+\s+\d{1,2}|yesterday|today|earlier|later|also|last\s+(?:week|month|year|night))\s*$/i;

/** Whether a speaker phrase names a news outlet rather than a person or body. */
export function isOutlet(speaker: string): boolean {
  return MEDIA.test(speaker);
}

/** The chain of outlets: those named in the text, then the credited source, then the publisher; no repeats. */
export function outletChain(named: readonly string[], source: string | null, publisher: string | null): string[] {
  const chain: string[] = [];
  for (const outlet of [...named, source, publisher]) {
    if (!outlet) continue;
    const key = outlet.toLowerCase();
    if (!chain.some((c) => c.toLowerCase() === key)) chain.push(outlet);
  }
  return chain;
}
