/**
 * The verb-pattern dictionaries compiled into regular expressions, and the matcher that finds event
 * phrases in a sentence: ours (data/verb-patterns.json) first, then the lexicon derived from CAMEO 2.0
 * (data/event-lexicon.json, scripts/build-event-lexicon.ts); longest match first, one phrase per place.
 */
import type { TransferStatus } from '../../core/doc.js';
import type { Context } from '../../core/context.js';
import { checkDictionary } from '../../core/rule.js';
import { equipmentCategories, isMilitaryCategory } from './quantities.js';

/** Who fills source and target for a pattern: see data/verb-patterns.json's "about". */
export type RoleSpec = 'subject>object' | 'speaker>subject' | 'speaker>object' | 'object>subject';

interface PatternFile {
  irregular: Record<string, string[]>;
  patterns: { code: string; phrases: string[]; roles?: RoleSpec; transfer?: TransferStatus; reverse?: boolean; intentMarker?: boolean; needsTarget?: boolean }[];
}

interface LexiconFile {
  irregular: Record<string, string[]>;
  entries: { id: string; source: string; code: string; phrase: string }[];
}

/** One phrase of the dictionary, compiled. */
export interface VerbPattern {
  /** Stable id of the dictionary entry: `ours:<code>:<phrase>` or the derived lexicon's `cameo2:...`. */
  id: string;
  /** Where the entry comes from: `ours`, or the dictionary it was derived from (`cameo-2.0`). */
  source: string;
  code: string;
  phrase: string;
  roles: RoleSpec;
  transfer: TransferStatus | null;
  isReverse: boolean;
  /** "intends to", "ready to": marks the verb it introduces as planned rather than coding an event itself. */
  isIntentMarker: boolean;
  /** "sent 300 soldiers to X": an act that is one only toward someone named (sending forces at home is no aid). */
  needsTarget: boolean;
  /** Whether the phrase opens with a verb (so a passive form can be read). */
  isVerb: boolean;
  /**
   * A derived bare verb ("~grab"): so many of these are also nouns or everyday words that one is
   * read only where the tagger says the word is a verb.
   */
  needsVerbTag: boolean;
  /** Lower-case words one of which must occur in a sentence for the phrase to match there. */
  anchors: string[];
  /** The verb forms the phrase is compiled with (see `compiledOf`). */
  irregular: Record<string, string[]>;
  /** Regex and required words, set on the phrase's first try (`compiledOf`); null until then. */
  compiled: CompiledPhrase | null;
}

/** What matching a phrase needs beyond its anchors: compiled on the phrase's first try (see `compiledOf`). */
interface CompiledPhrase {
  /** Sticky: tried at the position of an anchor word. */
  regex: RegExp;
  /** For each later required word of the phrase, the lower-case words one of which must be in the sentence. */
  requires: string[][];
}

/** A phrase found in a sentence, offsets relative to the sentence. */
export interface PatternMatch {
  pattern: VerbPattern;
  start: number;
  end: number;
}

// A gap of up to four words inside the clause: no punctuation that closes a clause.
// (a number's thousands commas are no clause boundary: "sent 10,000 troops")
const GAP = '(?:(?:\\d{1,3}(?:,\\d{3})+|[^\\s,;:]+)\\s+){0,4}?';

/** The forms of a verb lemma: lemma, -s, -ed, -ing, and any irregular ones. */
export function verbForms(lemma: string, irregular: Record<string, string[]>): string[] {
  const [head = lemma, ...rest] = lemma.split('_');
  const tail = rest.length > 0 ? ' ' + rest.join(' ') : '';
  const forms = new Set<string>([head]);
  const isConsonantY = /[^aeiou]y$/.test(head);
  forms.add(/(?:s|x|z|ch|sh|o)$/.test(head) ? head + 'es' : isConsonantY ? head.slice(0, -1) + 'ies' : head + 's');
  forms.add(head.endsWith('e') ? head + 'd' : isConsonantY ? head.slice(0, -1) + 'ied' : head + 'ed');
  forms.add(head.endsWith('ie') ? head.slice(0, -2) + 'ying' : /[^e]e$/.test(head) ? head.slice(0, -1) + 'ing' : head + 'ing');
  for (const form of irregular[head] ?? []) forms.add(form);
  return [...forms].map((f) => f + tail);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternatives(words: string[]): string {
  return '(?:' + words.map((w) => escape(w).replace(/[_ ]/g, '\\s+')).join('|') + ')';
}

/** Compiles one phrase of the pattern syntax into a regex and its anchor words. */
export function compilePhrase(phrase: string, irregular: Record<string, string[]>): { source: string; anchors: string[]; requires: string[][] } {
  let source = '';
  let needsSeparator = false;
  let anchors: string[] | null = null;
  const requires: string[][] = [];
  for (const token of phrase.split(' ')) {
    if (token === '*') {
      source += '\\s+' + GAP;
      needsSeparator = false;
      continue;
    }
    const optional = /^\((.+)\)$/.exec(token);
    let words: string[];
    if (optional?.[1]) words = optional[1].split('|');
    else if (token.startsWith('~')) words = token.slice(1).split('|').flatMap((lemma) => verbForms(lemma, irregular));
    else words = token.split('|');
    const body = alternatives(words);
    if (optional) {
      source += `(?:\\s+${body})?`;
      continue;
    }
    if (needsSeparator) source += '\\s+';
    source += body;
    needsSeparator = true;
    const firsts = words.map((w) => (w.split(/[_ ]/)[0] ?? w).toLowerCase());
    // Only words the sentence scan can see ("u.s." is read as "u" and "s").
    if (anchors && firsts.every((f) => /^[a-z0-9'-]+$/.test(f))) requires.push(firsts);
    anchors ??= firsts;
  }
  return { source, anchors: anchors ?? [], requires };
}

/**
 * The anchor words of a phrase (as `compilePhrase` gives them), without compiling the rest of it.
 * `known` keeps the anchors of first words already read (thousands of phrases share a few hundred
 * verbs); the arrays it hands out are shared, so they are never edited.
 */
export function anchorsOf(phrase: string, irregular: Record<string, string[]>, known = new Map<string, string[]>()): string[] {
  for (const token of phrase.split(' ')) {
    if (token === '*' || /^\((.+)\)$/.test(token)) continue;
    let anchors = known.get(token);
    if (!anchors) {
      const words = token.startsWith('~') ? token.slice(1).split('|').flatMap((lemma) => verbForms(lemma, irregular)) : token.split('|');
      anchors = words.map((w) => (w.split(/[_ ]/)[0] ?? w).toLowerCase());
      known.set(token, anchors);
    }
    return anchors;
  }
  return [];
}

/**
 * A pattern's regex and required words, compiled on first use and kept on the pattern: most of the
 * dictionary's thousands are never tried on a given page, so a command that reads one page compiles
 * only the few its words reach.
 */
function compiledOf(pattern: VerbPattern): CompiledPhrase {
  if (pattern.compiled === null) {
    const { source, requires } = compilePhrase(pattern.phrase, pattern.irregular);
    pattern.compiled = { regex: new RegExp(`(?<![\\w-])${source}(?![\\w-])`, 'iy'), requires };
  }
  return pattern.compiled;
}

/**
 * The id of one of our phrases: `ours:<code>:<phrase words>` ("~send * troops" under 152 is
 * `ours:152:send-troops`); a second phrase with the same words gets `-2`.
 */
export function ourId(code: string, phrase: string, taken: Set<string>): string {
  const words = phrase.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const base = `ours:${code === '-' ? 'none' : code}:${words}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The compiled dictionary, built once per data set. */
export function loadPatterns(ctx: Context): VerbPattern[] {
  return ctx.data.memo('events/patterns', () => {
    const file = ctx.data.load<PatternFile>('verb-patterns');
    const lexicon = ctx.data.load<LexiconFile>('event-lexicon');
    checkDictionary('event-lexicon', lexicon.entries);
    const out: VerbPattern[] = [];
    const ids = new Set<string>();
    const ourAnchors = new Map<string, string[]>();
    for (const entry of file.patterns) {
      for (const phrase of entry.phrases) {
        out.push({
          id: ourId(entry.code, phrase, ids),
          source: 'ours',
          code: entry.code,
          phrase,
          roles: entry.roles ?? 'subject>object',
          transfer: entry.transfer ?? null,
          isReverse: entry.reverse === true,
          isIntentMarker: entry.intentMarker === true,
          needsTarget: entry.needsTarget === true,
          isVerb: phrase.startsWith('~') || /^(?:not|ready|willing|opposed|must|should|no|guilty|sexually)\b/.test(phrase),
          needsVerbTag: false,
          anchors: anchorsOf(phrase, file.irregular, ourAnchors),
          irregular: file.irregular,
          compiled: null,
        });
      }
    }
    const irregular: Record<string, string[]> = { ...lexicon.irregular };
    for (const [verb, forms] of Object.entries(file.irregular)) irregular[verb] = [...new Set([...(irregular[verb] ?? []), ...forms])];
    const lexiconAnchors = new Map<string, string[]>();
    for (const entry of lexicon.entries) {
      out.push({
        id: entry.id,
        source: entry.source,
        code: entry.code,
        phrase: entry.phrase,
        roles: 'subject>object',
        transfer: null,
        isReverse: false,
        isIntentMarker: false,
        needsTarget: false,
        isVerb: true,
        needsVerbTag: !entry.phrase.includes(' '),
        anchors: anchorsOf(entry.phrase, irregular, lexiconAnchors),
        irregular,
        compiled: null,
      });
    }
    return out;
  });
}

/** Anchor word -> patterns, so a sentence only tries the phrases whose first word it contains. */
function anchorIndex(ctx: Context): Map<string, VerbPattern[]> {
  return ctx.data.memo('events/pattern-anchors', () => {
    const index = new Map<string, VerbPattern[]>();
    for (const pattern of loadPatterns(ctx)) {
      for (const anchor of new Set(pattern.anchors)) {
        let list = index.get(anchor);
        if (!list) index.set(anchor, (list = []));
        list.push(pattern);
      }
    }
    return index;
  });
}

// Words after which a verb-looking word is a noun: "the attacks", "militant attacks", "additional supplies".
const NOUN_BEFORE =
  /(?:^|\s)(?:the|a|an|their|its|his|her|our|these|those|this|of|for|militant|terrorist|recent|further|new|such|any|more|deadly|cross-border|rocket|missile|air|suicide|additional|fresh|arms|weapons|military|humanitarian|relief|medical|food|two|three|several|many|export|import|purchase|defence|defense|big|biggest|largest|single|major|first|record|fighter|jet|aircraft|helicopter|drone|naval|ship|hunger|general|tariff|trade|other|emergency)\s+$/i;
// The determiners and possessives among them, before which a past form may still be a modifier ("the armed forces").
const DETERMINER_BEFORE = /(?:^|\s)(?:the|a|an|their|its|his|her|our|these|those|this|of|for|such|any)\s+$/i;
// Words after which a verb-looking word is a noun modifier: "supply boat", "attack helicopters".
const NOUN_AFTER = /^\s+(?:boat|boats|ship|ships|chain|chains|line|lines|route|routes|convoy|convoys|depot|depots|vessel|vessels|mission|missions|helicopter|helicopters|aircraft|submarine|submarines|dog|dogs|book|books|deal|deals|contract|contracts|orders?)\b/i;

// Tags under which a verb-looking word is no verb ("the attacks", "armed men", "its supply lines").
const NOT_VERB_TAGS = new Set(['NOUN', 'PROPN', 'ADJ', 'ADP', 'DET', 'NUM']);

/** Whether the word before `start` is tagged as an adjective or determiner. */
function isModifierBefore(text: string, start: number, tagAt: TagAt | undefined): boolean {
  if (!tagAt) return false;
  const before = /(\S+)\s+$/.exec(text.slice(Math.max(0, start - 40), start));
  if (!before) return false;
  const tag = tagAt(start - before[0].length);
  return tag === 'ADJ' || tag === 'DET';
}

/** Whether the word after the one starting at `start` is tagged as a common noun. */
function isNounAfter(text: string, start: number, tagAt: TagAt | undefined): boolean {
  const after = /^\S+\s+(?=\S)/.exec(text.slice(start, start + 60));
  return after !== null && tagAt?.(start + after[0].length) === 'NOUN';
}

/** Whether a verb form is used as a noun here ("the attacks", "supplies of weaponry"). */
function isNounUse(text: string, start: number, matched: string): boolean {
  // ("a Russian military helicopter violated ...": a past form after a noun is that noun's verb, no compound; after a determiner,
  // "the armed forces", it may still be a modifier)
  const isPast = /^[a-z]{3,}ed\b/i.test(matched) && !/^(?:need|speed|seed|feed|breed|creed|greed|shed|bleed)\b/i.test(matched);
  if (isPast && !DETERMINER_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return false;
  if (NOUN_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return true;
  if (!/\s/.test(matched) && NOUN_AFTER.test(text.slice(start + matched.length, start + matched.length + 16))) return true;
  return !/\s/.test(matched) && /s$/i.test(matched) && /^\s+of\b/i.test(text.slice(start + matched.length, start + matched.length + 5));
}

/** CAMEO roots of words and gestures: statements, appeals, intents, meetings, diplomacy, demands, blame, rejection. */
const SPOKEN_ROOTS = new Set(['01', '02', '03', '04', '05', '10', '11', '12']);

/**
 * Whether a phrase with a gap of the spoken kind swallowed a weapon: "fired a ballistic missile off
 * the coast" is no "fire off" (a statement); the weapon makes the literal reading the one meant.
 */
function isArmedGap(pattern: VerbPattern, matched: string, ctx: Context): boolean {
  if (!pattern.phrase.includes(' * ') || !SPOKEN_ROOTS.has(pattern.code.slice(0, 2))) return false;
  const inside = matched.replace(/^\S+/, '');
  return equipmentCategories(inside, ctx).some((c) => isMilitaryCategory(c, ctx)) && equipmentCategories(pattern.phrase.replace(/[_|~*]/g, ' '), ctx).length === 0;
}

/** Whether a sentence holds, for every later required word of a phrase, one of its forms (loops: this runs for every phrase tried). */
function hasRequiredWords(requires: readonly string[][], present: ReadonlySet<string>): boolean {
  for (const group of requires) {
    let isFound = false;
    for (const word of group) {
      if (present.has(word)) {
        isFound = true;
        break;
      }
    }
    if (!isFound) return false;
  }
  return true;
}

/** The start of a phrase of time after a preposition: "on Sunday", "on 3 May", "in March", "for two hours". */
const TIME_AFTER =
  /^\s+(?:the\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|morning|afternoon|evening|night|eve|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:19|20)\d{2}|(?:a|an|one|two|three|several|many|few)\s+(?:minutes?|hours?|days?|weeks?|months?|years?))\b/i;

/** The part-of-speech tag (UPOS) of the word starting at an offset of the text, when a tagger has read it. */
export type TagAt = (start: number) => string | undefined;

/**
 * Every dictionary phrase in a text, overlaps resolved: the longest match wins, then the earliest.
 * Spaces in `text` stand for masked parts (attribution), which no match may cross. With `tagAt`, a
 * verb phrase is not read where the tagger says its first word is a noun or adjective.
 */
export function matchPatterns(text: string, ctx: Context, tagAt?: TagAt): PatternMatch[] {
  const index = anchorIndex(ctx);
  const found: PatternMatch[] = [];
  // Every phrase starts with its anchor word: try each phrase only where one of its anchors stands (sticky match).
  const words = /[A-Za-z0-9'-]+/g;
  // The sentence's words, so a phrase whose later words are absent is never run.
  const present = new Set(text.toLowerCase().match(words) ?? []);
  words.lastIndex = 0;
  for (let w = words.exec(text); w; w = words.exec(text)) {
    const list = index.get(w[0].toLowerCase());
    if (!list) continue;
    const isTaggedVerb = tagAt?.(w.index) === 'VERB';
    for (const pattern of list) {
      if (pattern.needsVerbTag && !isTaggedVerb) continue;
      const { regex, requires } = compiledOf(pattern);
      if (!hasRequiredWords(requires, present)) continue;
      regex.lastIndex = w.index;
      const m = regex.exec(text);
      if (!m || /\s{3,}/.test(m[0])) continue;
      // A one-word match trusts the tagger; a phrase ("stems directly from") is itself the sign of a verb.
      const isOneWord = !/\s/.test(m[0]);
      // "test-fired": the parser's words split at the hyphen, and the verb is the last part.
      const tag = tagAt?.(isOneWord && m[0].includes('-') ? m.index + m[0].lastIndexOf('-') + 1 : m.index);
      if (pattern.needsVerbTag && tag !== 'VERB') continue;
      // (a phrase that codes nothing blocks wherever it stands: "this comes on top of" after a word that may open a noun phrase)
      if (pattern.phrase.startsWith('~') && pattern.code !== '-' && (tag === undefined || !isOneWord ? isNounUse(text, m.index, m[0]) : NOT_VERB_TAGS.has(tag))) continue;
      // "its own forces to monitor", "the armed forces to": a phrase's first word that the tagger reads as a
      // noun, after a word it reads as an adjective or determiner, heads a noun phrase; the phrase is no verb's.
      if (pattern.phrase.startsWith('~') && !isOneWord && tag === 'NOUN' && isModifierBefore(text, m.index, tagAt)) continue;
      // "warned shipping companies to stay clear": a first word the tagger reads as a noun, right before another common noun, modifies it
      if (pattern.phrase.startsWith('~') && !isOneWord && tag === 'NOUN' && isNounAfter(text, m.index, tagAt)) continue;
      // "US forces to hold drills": a verb whose object comes before "to" ("forces Iran to") has none here; its -s form is a plural noun
      if (/^~\S+ \* to$/.test(pattern.phrase) && /^\S+s\s+to$/i.test(m[0])) continue;
      // "the Rapid Support Forces agreed to ...": a capitalised word the tagger reads as a name or a noun opens no verb phrase.
      if (pattern.phrase.startsWith('~') && !isOneWord && (tag === 'PROPN' || tag === 'NOUN') && /^[A-Z]/.test(m[0]) && m.index > 0) continue;
      if (isArmedGap(pattern, m[0], ctx)) continue;
      // "called Netanyahu on Sunday": a phrase that ends in a preposition after a gap ("~call * on") is not read where that
      // preposition opens a phrase of time
      if (/\* (?:on|upon|in|at|for)$/.test(pattern.phrase) && TIME_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
      found.push({ pattern, start: m.index, end: m.index + m[0].length });
    }
  }
  // Our entries beat derived ones; a phrase that codes nothing ("warning time") beats the readings it is there to block; a verb
  // reading beats a noun reading of the same words; then the longer phrase, then the earlier.
  found.sort(
    (a, b) =>
      Number(b.pattern.source === 'ours') - Number(a.pattern.source === 'ours') ||
      Number(b.pattern.code === '-') - Number(a.pattern.code === '-') ||
      Number(b.pattern.isVerb) - Number(a.pattern.isVerb) ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: PatternMatch[] = [];
  for (const match of found) {
    if (kept.some((k) => match.start < k.end && k.start < match.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}
