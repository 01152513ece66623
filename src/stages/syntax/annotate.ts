/** Tags, lemmatises and parses a sentence's words with the trained model. */
import type { SyntaxWord } from '../../core/doc.js';
import { lemmatize, type LemmaModel } from './lemma.js';
import { syntaxModel, type SyntaxModel } from './model.js';
import { parseWords } from './parser.js';
import { prepareWords, tagWords, UPOS, type PreparedWords } from './tagger.js';
import type { WordSpan } from './words.js';
import { irregularBase } from './irregular-verbs.js';

/**
 * Tags and parses word forms: the tagger, the tag repairs around it, the parser (reading prenominal participles as adjectives),
 * then the tree repairs. Tags, heads (-1 root) and relation indices.
 */
function tagAndParse(forms: readonly string[], model: SyntaxModel, joined?: readonly boolean[]): { tags: Int32Array; heads: Int32Array; labels: Int32Array } {
  const prepared = prepareWords(forms);
  const tags = determinedIngNouns(forms, headlineVerbs(forms, clauseMarkers(forms, openingParticiples(forms, tagWords(model.tagger, prepared, forms)))));
  const participles = prenominalParticiples(forms, tags);
  const { heads, labels } = parseAroundAttribution(model, forms, prepared, tags, joined);
  for (const i of participles) tags[i] = VERB;
  participleRoots(forms, tags, heads, labels, model.parser.relations);
  partitiveSubjects(forms, tags, heads, labels, model.parser.relations);
  reducedPassives(forms, tags, heads, labels, model.parser.relations);
  countedNames(tags, heads, labels, model.parser.relations);
  frontedClauses(forms, heads, labels, model.parser.relations);
  commaRelatives(forms, tags, heads, labels, model.parser.relations);
  nounRootedClauses(forms, tags, heads, labels, model.parser.relations);
  namesBeforeTimes(forms, tags, heads, labels, model.parser.relations);
  reportersConjuncts(forms, tags, heads, labels, model.parser.relations);
  gerundConjuncts(forms, tags, heads, labels, model.parser.relations);
  return { tags, heads, labels };
}

/**
 * First parts of two-part hyphenated modifiers ("two short-range missiles", "12 high-speed boats", "a well-known envoy"): in a
 * lower-case word, a hyphen and a lower-case word written together (no spaces: a spaced dash between two clauses is no
 * modifier), the first word hangs on the second and the hyphen on the first, as the treebank has it. The treebank holds few
 * of them, and a count before one ("two short - range") reads to the parser like a span of numbers, so it made the second
 * word the verb's object and the noun after it another. So are a name and a participle ("Iran-backed", "Saudi-led": at a
 * sentence's opening the participle was read as its verb). A particle after the hyphen ("build-up", "stand-off") heads nothing
 * and is left to the parser, as are longer chains ("surface-to-air").
 */
function hyphenatedModifiers(forms: readonly string[], joined: readonly boolean[]): number[] {
  const out: number[] = [];
  for (let i = 1; i + 1 < forms.length; i++) {
    if (forms[i] !== '-' || !joined[i - 1] || !joined[i] || forms[i - 2] === '-' || forms[i + 2] === '-') continue;
    const a = forms[i - 1] as string;
    const b = forms[i + 1] as string;
    // ("Iran-backed", "Saudi-led", "US-trained": a name and a participle, as the treebank has them too)
    const isNamed = /^\p{Lu}[\p{L}.]*$/u.test(a) && /^[a-z]+ed$/.test(b);
    if (((/^[a-z]{2,}$/.test(a) && /^[a-z]{2,}$/.test(b)) || isNamed) && !PARTICLES.has(b)) out.push(i - 1);
  }
  return out;
}

const PARTICLES = new Set(['up', 'down', 'out', 'off', 'in', 'on', 'over', 'back', 'away', 'about', 'through']);

/**
 * Parses the sentence with one word standing for each hyphenated modifier (see hyphenatedModifiers), then hangs the modifier's
 * first part on its second and the hyphen on the first part. Before a noun, an adjective or a name ("two short-range
 * missiles", "air-defence systems", "Iran-backed militias"), the first part stands for the whole, as a modifier of what
 * follows (the second takes its place and its dependents); elsewhere the second part does ("is well-known").
 */
function parseAroundModifiers(model: SyntaxModel, forms: readonly string[], prepared: PreparedWords, tags: Int32Array, joined: readonly boolean[] | undefined): { heads: Int32Array; labels: Int32Array } {
  const firsts = joined ? hyphenatedModifiers(forms, joined) : [];
  if (firsts.length === 0) return parseWords(model.parser, prepared, tags);
  const n = forms.length;
  const dropped = new Uint8Array(n);
  const standIns: number[] = [];
  for (const i of firsts) {
    const isAdjectival = (tags[i] === ADJ || tags[i] === NUM || tags[i] === NOUN || tags[i] === PROPN) && (tags[i + 3] === NOUN || tags[i + 3] === ADJ || tags[i + 3] === PROPN);
    standIns.push(isAdjectival ? i : i + 2);
    dropped[i + 1] = 1;
    dropped[isAdjectival ? i + 2 : i] = 1;
  }
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (!dropped[i]) kept.push(i);
  const inner = parseWords(model.parser, prepareWords(kept.map((i) => forms[i] as string)), Int32Array.from(kept, (i) => tags[i] as number));
  const heads = new Int32Array(n);
  const labels = new Int32Array(n);
  kept.forEach((i, k) => {
    const h = inner.heads[k] as number;
    heads[i] = h < 0 ? -1 : (kept[h] as number);
    labels[i] = inner.labels[k] as number;
  });
  const relations = model.parser.relations;
  firsts.forEach((i, k) => {
    if (standIns[k] === i) {
      // the second part takes the place the first was parsed into (a noun modifying a noun is its compound), and its dependents
      for (let j = 0; j < n; j++) if (heads[j] === i && !dropped[j]) heads[j] = i + 2;
      heads[i + 2] = heads[i] as number;
      const isModifier = ['amod', 'nummod', 'compound'].includes(relations[labels[i] as number] ?? '');
      labels[i + 2] = isModifier ? relations.indexOf(tags[i + 2] === NOUN || tags[i + 2] === PROPN ? 'compound' : 'amod') : (labels[i] as number);
    }
    heads[i] = i + 2;
    // ("Iran-backed": a name on a participle is a bare phrase of the verb's, obl:unmarked, as the treebank mostly has it)
    const isOnParticiple = tags[i + 2] === VERB && /^\p{Lu}/u.test(forms[i] as string);
    labels[i] = relations.indexOf(isOnParticiple ? 'obl:unmarked' : (MODIFIER_RELATION[UPOS[tags[i] as number] ?? ''] ?? 'compound'));
    heads[i + 1] = i;
    labels[i + 1] = relations.indexOf('punct');
  });
  return { heads, labels };
}

/** Verb forms that close a sentence as its attribution: ", officials said.", ", the ministry reported on Monday." */
const CLOSING_SAYING = new Set(['said', 'says', 'reported', 'reports', 'added', 'announced', 'stated', 'confirmed', 'claimed', 'wrote', 'noted']);

/** The index after a sentence's last word that is not closing punctuation. */
function wordsEnd(tags: Int32Array): number {
  let end = tags.length;
  while (end > 0 && tags[end - 1] === PUNCT) end--;
  return end;
}

/**
 * Where a closing attribution opens (", the defence ministry in Tokyo said on Monday."): the index of its comma, or -1. The
 * words between the comma (and a closing quote after it) and the verb of saying are a noun phrase (no verb, no comma), the words
 * after the verb a short phrase of time or manner, and the clause before the comma has a verb of its own.
 */
export function closingAttribution(forms: readonly string[], tags: Int32Array): number {
  const end = wordsEnd(tags);
  for (let v = end - 1; v >= Math.max(2, end - 6); v--) {
    if (!CLOSING_SAYING.has((forms[v] as string).toLowerCase())) continue;
    // the tail: a few words of time or manner, no verb and no comma
    for (let k = v + 1; k < end; k++) if (tags[k] === VERB || tags[k] === AUX || forms[k] === ',') return -1;
    let c = v - 1;
    let hasNoun = false;
    for (; c >= 0 && v - c <= 9 && forms[c] !== ','; c--) {
      if (!ATTRIBUTION_TAGS.has(tags[c] as number) || /^(?:which|who|whom|whose|what|that|where|when|as)$/i.test(forms[c] as string)) return -1;
      if (tags[c] === NOUN || tags[c] === PROPN || tags[c] === PRON) hasNoun = true;
    }
    if (c < 3 || forms[c] !== ',' || !hasNoun) return -1;
    for (let k = 0; k < c; k++) if (tags[k] === VERB || tags[k] === AUX) return c;
    return -1;
  }
  return -1;
}

/**
 * Parses a sentence that closes with an attribution (", officials in Pristina said.") as two: the clause before the comma alone,
 * and the attribution alone, joined as the treebank joins them (the verb of saying is the root, the clause its ccomp, the comma
 * on the clause and the closing punctuation on the verb). Parsed whole, the attribution's noun phrase was read into the clause
 * ("a monastery, officials" as a list, an act noun hung on "said"), leaving the verb of saying with no subject.
 */
function parseAroundAttribution(model: SyntaxModel, forms: readonly string[], prepared: PreparedWords, tags: Int32Array, joined: readonly boolean[] | undefined): { heads: Int32Array; labels: Int32Array } {
  const c = closingAttribution(forms, tags);
  if (c < 0) return parseAroundModifiers(model, forms, prepared, tags, joined);
  const n = forms.length;
  const end = wordsEnd(tags);
  const from = /^["”’']$/.test(forms[c + 1] as string) ? c + 2 : c + 1;
  const part = (a: number, b: number): { heads: Int32Array; labels: Int32Array } => {
    const sub = forms.slice(a, b);
    return parseAroundModifiers(model, sub, prepareWords(sub), tags.slice(a, b), joined?.slice(a, b));
  };
  const clause = part(0, c);
  const said = part(from, end);
  const heads = new Int32Array(n);
  const labels = new Int32Array(n);
  const relations = model.parser.relations;
  let clauseRoot = 0;
  let saidRoot = from;
  for (let i = 0; i < c; i++) {
    const h = clause.heads[i] as number;
    heads[i] = h;
    labels[i] = clause.labels[i] as number;
    if (h < 0) clauseRoot = i;
  }
  for (let i = from; i < end; i++) {
    const h = said.heads[i - from] as number;
    heads[i] = h < 0 ? -1 : h + from;
    labels[i] = said.labels[i - from] as number;
    if (h < 0) saidRoot = i;
  }
  heads[clauseRoot] = saidRoot;
  labels[clauseRoot] = relations.indexOf('ccomp');
  for (let i = c; i < from; i++) {
    heads[i] = clauseRoot;
    labels[i] = relations.indexOf('punct');
  }
  for (let i = end; i < n; i++) {
    heads[i] = saidRoot;
    labels[i] = relations.indexOf('punct');
  }
  return { heads, labels };
}

/** The relation of a hyphenated modifier's first part to its second, by the first part's tag (as the treebank has them). */
const MODIFIER_RELATION: Record<string, string> = { ADJ: 'amod', ADV: 'advmod', NUM: 'nummod', DET: 'det', ADP: 'case', VERB: 'amod' };

/** The words with UPOS, lemma, head and relation. */
export function annotate(words: readonly WordSpan[], model: SyntaxModel = syntaxModel()): SyntaxWord[] {
  if (words.length === 0) return [];
  const forms = words.map((w) => w.text);
  const joined = words.map((w, i) => words[i + 1]?.start === w.end);
  const { tags, heads, labels } = tagAndParse(forms, model, joined);
  const relations = model.parser.relations;
  // One pass straight into the words (no per-field arrays in between: this runs for every sentence).
  const out = new Array<SyntaxWord>(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as WordSpan;
    const tag = tags[i] as number;
    const upos = UPOS[tag] ?? 'X';
    out[i] = {
      text: w.text,
      start: w.start,
      end: w.end,
      upos,
      lemma: cachedLemma(model.lemmas, w.text, tag, upos),
      head: heads[i] as number,
      deprel: relations[labels[i] as number] ?? 'dep',
    };
  }
  return out;
}

const ADJ = UPOS.indexOf('ADJ');
const NOUN = UPOS.indexOf('NOUN');
const PROPN = UPOS.indexOf('PROPN');
const VERB = UPOS.indexOf('VERB');
const NUM = UPOS.indexOf('NUM');
const PRON = UPOS.indexOf('PRON');
const AUX = UPOS.indexOf('AUX');
const ADP = UPOS.indexOf('ADP');
const SCONJ = UPOS.indexOf('SCONJ');
const DET = UPOS.indexOf('DET');
const ADV = UPOS.indexOf('ADV');
const PUNCT = UPOS.indexOf('PUNCT');
const CCONJ = UPOS.indexOf('CCONJ');
const PART = UPOS.indexOf('PART');
/** Tags of the words of an attribution's noun phrase ("the defence ministry in Tokyo", "Iran's state media", a closing quote). */
const ATTRIBUTION_TAGS = new Set([DET, ADJ, NOUN, PROPN, NUM, PRON, PART, ADP, CCONJ, PUNCT]);

/**
 * "Suspected militants killed ...", "Stranded migrants waited ...": a participle that opens a sentence
 * (or follows a dateline's dash) before a noun phrase and its verb modifies the noun. The treebank has no
 * such opening (its one in dev is an adjective), so the tagger reads a finite verb there and the parser
 * makes the sentence's root of it. So does a present participle before a plural noun ("Striking nurses
 * from three hospitals marched ...", "Fleeing families crossed ..."), where the noun may carry a short
 * phrase of its own before the verb; a gerund with its object ("Shelling towns is a crime") is followed
 * by a singular verb, and is left alone. Retags the participle ADJ; the tags are changed in place and returned.
 */
export function openingParticiples(forms: readonly string[], tags: Int32Array): Int32Array {
  for (let i = 0; i + 2 < forms.length; i++) {
    if (i > 0 && !/^[-–—:"“]$/.test(forms[i - 1] as string)) continue;
    const isPast = /^[A-Z][a-z]+ed$/.test(forms[i] as string);
    if (tags[i] !== VERB || !(isPast || /^[A-Z][a-z]+ing$/.test(forms[i] as string))) continue;
    let j = i + 1;
    if (isPast) {
      // the noun phrase: up to three adjectives, names and nouns ending in a noun, then its verb
      while (j < forms.length && j - i <= 3 && (tags[j] === ADJ || tags[j] === PROPN || tags[j] === NOUN) && !(tags[j] === NOUN && tags[j + 1] === VERB)) j++;
      if (tags[j] === NOUN && tags[j + 1] === VERB) tags[i] = ADJ;
      continue;
    }
    // a present participle: the noun phrase ends in a plural noun, then a phrase of up to four words of its own ("from the port
    // union"), then a verb in the past or the plural
    while (j < forms.length && j - i <= 3 && (tags[j] === ADJ || tags[j] === PROPN || tags[j] === NOUN)) j++;
    j--;
    if (tags[j] !== NOUN || !/(?:[^s]s|people|men|police|children)$/i.test(forms[j] as string)) continue;
    let v = j + 1;
    if (tags[v] === ADP) {
      v++;
      while (v < forms.length && v - j <= 5 && (tags[v] === DET || tags[v] === ADJ || tags[v] === NUM || tags[v] === NOUN || tags[v] === PROPN)) v++;
    }
    const verb = forms[v] ?? '';
    if ((tags[v] === VERB || tags[v] === AUX) && !/^(?:is|has|was|does)$/i.test(verb) && !/[^s]s$/.test(verb)) tags[i] = ADJ;
  }
  return tags;
}

/**
 * "detained 30 suspected militants", "the wounded soldiers": a past participle between a count or determiner and the rest of its
 * noun phrase describes the noun. The treebank tags such a word VERB (as an amod), but read as a verb by the parser it took the
 * phrase's noun for its object. Returns the positions to read as adjectives while parsing, and to tag VERB again after.
 */
export function prenominalParticiples(forms: readonly string[], tags: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 1; i + 1 < forms.length; i++) {
    // "arrested suspected spies", "freed kidnapped workers": right after a verb, a participle of a person's state describes the noun
    const isAfterVerb = tags[i - 1] === VERB && STATE_PARTICIPLES.has((forms[i] as string).toLowerCase());
    // "30 Vuran armoured trucks", "24 Caesar self-propelled howitzers": after a count and a model's name, as after a count
    const isAfterCountedName = i >= 2 && tags[i - 1] === PROPN && tags[i - 2] === NUM;
    if (tags[i] === VERB && /^[a-z]+(?:-[a-z]+)*ed$/.test(forms[i] as string) && (tags[i - 1] === NUM || tags[i - 1] === DET || isAfterVerb || isAfterCountedName) && (tags[i + 1] === ADJ || tags[i + 1] === NOUN || tags[i + 1] === PROPN)) {
      tags[i] = ADJ;
      out.push(i);
    }
  }
  return out;
}

/** "retook", "retaken", "resold": "re" before an irregular past or participle (not one the table holds itself, as "rebuilt"). */
function isAgainPast(form: string): boolean {
  const lower = form.toLowerCase();
  return lower === form && lower.startsWith('re') && irregularBase(lower.slice(2)) !== undefined && irregularBase(lower) !== undefined;
}

/** Participles that say what state a person is in, written before the noun: "suspected militants", "wounded soldiers". */
const STATE_PARTICIPLES = new Set(['suspected', 'alleged', 'wanted', 'wounded', 'injured', 'armed', 'displaced', 'detained', 'jailed', 'imprisoned', 'kidnapped', 'abducted', 'captured', 'stranded', 'trapped', 'accused', 'convicted']);

/** Words before "as" that make it a preposition or part of one ("such as", "as well as", "known as", "served as"). */
const AS_TAKERS = new Set(['such', 'well', 'same', 'so', 'known', 'regarded', 'seen', 'described', 'designated', 'served', 'serves', 'serve', 'acted', 'act', 'acts', 'work', 'worked', 'works', 'used', 'treated', 'listed', 'named', 'appointed', 'elected', 'classified', 'viewed', 'branded', 'labelled', 'labeled', 'identified', 'dubbed', 'as', 'much', 'many', 'long', 'soon', 'far']);

/** Words that head either a phrase ("after the war") or a clause ("after the army withdrew"). */
const CLAUSE_PREPOSITIONS = new Set(['after', 'before', 'since', 'until', 'till']);

/**
 * "... a day after Islamabad ordered an envoy out", "two weeks after the army withdrew": "after", "before", "since" and
 * "until" followed by a short noun phrase and then a finite verb open a clause, with the noun phrase its subject. The
 * tagger, reading a word or two either side, often takes the preposition there (above all after a noun of time, as in
 * "a day after"), and the parser then hangs the subject on the noun before it and gives the verb that noun for a subject.
 * Retags the word SCONJ when the noun phrase (determiners, adjectives, numbers, names and nouns, or one pronoun) runs
 * straight into a verb that is not a participle in -ing; the tags are changed in place and returned. Also retags
 * "overnight" after its verb's object ADV: the treebank has no such word, and the tagger read it as a noun.
 */
export function clauseMarkers(forms: readonly string[], tags: Int32Array): Int32Array {
  for (let i = 0; i < forms.length; i++) {
    // "shelled Kharkiv overnight": a news adverb the treebank never has, read as a noun (and the town as its compound)
    if (tags[i] === NOUN && (forms[i] as string).toLowerCase() === 'overnight' && tags[i + 1] !== NOUN && tags[i + 1] !== PROPN) tags[i] = ADV;
    // "the army retook the town", "had resold them": "re" and an irregular past the treebank never shows with it, read as a noun;
    // after a subject or an auxiliary it is the verb
    if ((tags[i] === NOUN || tags[i] === ADJ) && i > 0 && (tags[i - 1] === NOUN || tags[i - 1] === PROPN || tags[i - 1] === PRON || tags[i - 1] === AUX) && isAgainPast(forms[i] as string)) tags[i] = VERB;
    // "ordered about 1,000 American troops to leave": right after a verb, "about" or "around" before a count says how many
    // (an adverb on the number, as the treebank has it), not what the verb is about (read as a preposition it took the object)
    if (tags[i] === ADP && i > 0 && tags[i - 1] === VERB && tags[i + 1] === NUM && /^(?:about|around)$/i.test(forms[i] as string)) tags[i] = ADV;
  }
  for (let i = 0; i + 2 < forms.length; i++) {
    // ("massed on the border as Caracas pressed its claim": "as" too, where no word before it takes "as" for a preposition)
    const isAs = (forms[i] as string).toLowerCase() === 'as' && !AS_TAKERS.has((forms[i - 1] ?? '').toLowerCase());
    if (tags[i] !== ADP || !(CLAUSE_PREPOSITIONS.has((forms[i] as string).toLowerCase()) || isAs)) continue;
    let j = i + 1;
    if (tags[j] === PRON) j++;
    else while (j < forms.length && j - i <= 5 && (tags[j] === DET || tags[j] === ADJ || tags[j] === NUM || tags[j] === PROPN || tags[j] === NOUN)) j++;
    const last = tags[j - 1];
    if (j === i + 1 || !(last === NOUN || last === PROPN || last === PRON)) continue;
    // "after talks mediated by Turkey": a past participle with its "by" agent describes the noun; it opens no clause
    const isReducedPassive = last !== PRON && /ed$/i.test(forms[j] as string) && (forms[j + 1] ?? '').toLowerCase() === 'by';
    if ((tags[j] === VERB || tags[j] === AUX) && !/ing$/i.test(forms[j] as string) && !isReducedPassive) tags[i] = SCONJ;
  }
  return tags;
}

/**
 * "US sanctions Chinese refiners", "Turkey bombs Kurdish militants", "India, Pakistan trade fire across the frontier": a headline
 * in telegraphic style has a name (or names joined by a comma or "and") and then its verb in the present, which the tagger,
 * finding no verb anywhere, reads as a noun compounded with the name. In a sentence with no verb or auxiliary at all, the
 * lower-case word right after its opening names, followed by more of a noun phrase, is retagged VERB: in -s after one name, in
 * any form after several. Changes `tags` in place and returns them.
 */
/** Singular nouns of bodies that act, which may open a headline as its subject ("coalition strikes", "junta expels"). */
const ACTING_BODIES = /^(?:coalition|alliance|army|military|navy|government|junta|police|court|parliament|council|cabinet|regime|militia|ministry|president|premier|envoy|coastguard)$/i;

export function headlineVerbs(forms: readonly string[], tags: Int32Array): Int32Array {
  // (the participle of a hyphenated modifier, "Saudi-led", "Iran-backed", is no verb of the sentence; nor is the verb of a closing
  // attribution, "..., Seoul says")
  const comma = forms.lastIndexOf(',');
  const end = comma > 0 && forms.length - comma <= 6 && /^(?:says|said|reports|claims|alleges|warns|confirms)$/i.test(forms[forms.length - 1] as string) ? comma : tags.length;
  for (let i = 0; i < end; i++) if ((tags[i] === VERB || tags[i] === AUX) && !(forms[i - 1] === '-' && /^(?:led|backed)$/i.test(forms[i] as string))) return tags;
  let k = 0;
  let names = 0;
  while (k < forms.length) {
    if (tags[k] === PROPN) {
      while (k < forms.length && tags[k] === PROPN) k++;
      names++;
    } else if (names > 0 && (forms[k] === ',' || /^and$/i.test(forms[k] as string)) && tags[k + 1] === PROPN) k++;
    else break;
  }
  // "Saudi-led coalition strikes X", "Sudanese army retakes X": a noun of a body that acts, after its modifiers, stands for the names
  if (names === 0) {
    let j = 0;
    while (j < forms.length && (tags[j] === ADJ || tags[j] === PROPN || forms[j] === '-' || /^(?:led|backed)$/i.test(forms[j] as string))) j++;
    if (j < forms.length && tags[j] === NOUN && ACTING_BODIES.test(forms[j] as string)) {
      k = j + 1;
      names = 1;
    }
  }
  // "Pakistan test-fires Shaheen-III missile": a hyphenated verb, split at its hyphen, is its last part
  if (forms[k + 1] === '-' && /^[a-z]+$/.test(forms[k] ?? '') && /^[a-z]+$/.test(forms[k + 2] ?? '')) k += 2;
  const w = forms[k];
  if (names === 0 || w === undefined || tags[k] !== NOUN || !/^[a-z][a-z-]+$/.test(w)) return tags;
  if (names === 1 && !/[^s]s$/.test(w)) return tags;
  const next = tags[k + 1];
  if (next === ADJ || next === NOUN || next === PROPN || next === DET || next === NUM) tags[k] = VERB;
  return tags;
}

/**
 * "Hundreds of people marched through the capital", "Two of the attackers escaped": a sentence rooted in a quantity whose "of"
 * phrase carries the sentence's only verb, a past form, as a reduced relative (acl, with no subject, auxiliary or marker) has that
 * verb for its predicate and the quantity for its subject. The parser, trained on a treebank with few such subjects, reads an
 * intransitive past verb there as a participle on the noun. Changes `heads` and `labels` in place.
 */
export function partitiveSubjects(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const n = tags.length;
  const root = heads.indexOf(-1);
  if (root < 0 || !(tags[root] === NOUN || tags[root] === NUM || tags[root] === PRON || tags[root] === ADJ)) return;
  const acl = relations.indexOf('acl');
  const nmod = relations.indexOf('nmod');
  const kase = relations.indexOf('case');
  const nsubj = relations.indexOf('nsubj');
  const aux = relations.indexOf('aux');
  const mark = relations.indexOf('mark');
  // the "of" phrase on the root, and the verb hung on it
  let verb = -1;
  for (let i = root + 1; i < n; i++) {
    if (tags[i] === VERB || tags[i] === AUX) {
      verb = i;
      break;
    }
  }
  // a verb in the past ("marched", "fled"), not a present participle ("students needing help")
  if (verb < 0 || tags[verb] !== VERB || labels[verb] !== acl || /ing$/i.test(forms[verb] as string)) return;
  const noun = heads[verb] as number;
  // "Israeli tanks pushed into Rafah": the verb right after a plural noun that roots the sentence, with a phrase of its own
  const isDirect = noun === root && verb === root + 1 && tags[root] === NOUN && /s$/.test(forms[root] as string) && heads.some((h, i) => h === verb && i > verb);
  if (!isDirect && (noun <= root || heads[noun] !== root || labels[noun] !== nmod)) return;
  let hasOf = isDirect;
  for (let i = 0; i < n; i++) {
    if (heads[i] === noun && labels[i] === kase && i === root + 1) hasOf = true;
    if (heads[i] === verb && (labels[i] === nsubj || labels[i] === aux || labels[i] === mark)) return;
  }
  if (!hasOf) return;
  // every other verb lies below this one (an infinitive of purpose, a participle of its own)
  const isBelow = (i: number): boolean => {
    for (let j = i, guard = 0; j >= 0 && guard <= n; j = heads[j] as number, guard++) if (j === verb) return true;
    return false;
  };
  for (let i = 0; i < n; i++) if (i !== verb && (tags[i] === VERB || tags[i] === AUX) && !isBelow(i)) return;
  heads[verb] = -1;
  labels[verb] = relations.indexOf('root');
  heads[root] = verb;
  labels[root] = nsubj;
  // the root's words after the verb (its closing punctuation, a trailing phrase) are the verb's now
  for (let i = verb + 1; i < n; i++) if (heads[i] === root) heads[i] = verb;
}

/** Verbs that give their object a state by a participle after it: "kept them detained", "left the town destroyed", "found it damaged". */
const STATE_GIVING_VERBS = /^(?:keeps?|kept|keeping|leaves?|left|leaving|finds?|found|finding|holds?|held|holding|declared?|declares|considers?|considered|gets?|got|gotten|has|have|had|wants?|wanted|sees?|saw|seen|makes?|made|reported|reports?)$/i;

/** Phrases of place, time or circumstance that may follow a participle describing a noun ("detained in", "held since", "killed during"). */
const SCENE_AFTER_PARTICIPLE = new Set(['in', 'at', 'since', 'during', 'for', 'on', 'near', 'inside', 'abroad', 'there', 'overseas', 'last', 'earlier']);

/** Participles of charging and the preposition of the charge: "men suspected of", "a pilot accused of", "a man charged with". */
const CHARGE_PARTICIPLE_CASES: Readonly<Record<string, string>> = { suspected: 'of', accused: 'of', convicted: 'of', acquitted: 'of', charged: 'with' };

/** Prepositions of where from or to that may follow a participle describing the noun before it ("smuggled from", "sent to"). */
const PARTICIPLE_PLACE_CASES = new Set(['from', 'into', 'across', 'through', 'to']);

/**
 * "freed 12 hostages held by ELN guerrillas", "weapons supplied by Iran": a participle right after a noun, with a "by" phrase
 * (or a participle of charging with its "of": "men suspected of X")
 * and neither subject nor auxiliary of its own, describes that noun (a reduced relative, acl). The parser sometimes made it a
 * clause of its own (hung on the sentence's verb of saying, or conjoined), which leaves the noun without what was done to it.
 * So does one right after a verb's object with a phrase of where from or to ("seized weapons smuggled from X, the ministry
 * said"), where the parser made it a second clause of the verb the object's clause hangs on. Changes `heads` and `labels` in
 * place.
 */
export function reducedPassives(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const acl = relations.indexOf('acl');
  const agent = relations.indexOf('obl:agent');
  const obj = relations.indexOf('obj');
  const xcomp = relations.indexOf('xcomp');
  const own = new Set(['nsubj', 'nsubj:pass', 'aux', 'aux:pass', 'mark', 'cop', 'expl'].map((r) => relations.indexOf(r)));
  for (let v = 1; v + 1 < forms.length; v++) {
    const noun = v - 1;
    const next = (forms[v + 1] as string).toLowerCase();
    // ("arrested four Serbs suspected of involvement in X, officials said": a participle of charging with its "of" or "with")
    const isCharge = CHARGE_PARTICIPLE_CASES[(forms[v] as string).toLowerCase()] === next && (tags[noun] === NOUN || tags[noun] === PROPN);
    // ("released six Americans detained in the country": a past participle right after the object, read as the verb's second
    // complement, describes the object unless the verb is one that gives its object a state: "kept them detained", "found it damaged")
    const h = heads[v] as number;
    const isComplement = tags[v] === VERB && labels[v] === xcomp && h >= 0 && heads[noun] === h && labels[noun] === obj && (tags[noun] === NOUN || tags[noun] === PROPN) && isPastForm(forms[v] as string) && !STATE_GIVING_VERBS.test(forms[h] as string);
    if (isComplement && SCENE_AFTER_PARTICIPLE.has(next)) {
      labels[v] = acl;
      heads[v] = noun;
      continue;
    }
    if (tags[v] !== VERB || (tags[noun] !== NOUN && !isCharge) || heads[v] === noun || /ing$/i.test(forms[v] as string)) continue;
    // ("weapons smuggled from the United States, the ministry said": with a phrase of where from or to instead of an agent,
    // where the parser made the participle a second clause of the verb the noun's clause hangs on)
    const isPlacePhrase = PARTICIPLE_PLACE_CASES.has(next) && labels[noun] === obj && (heads[v] as number) >= 0 && heads[v] === heads[heads[noun] as number];
    if (next !== 'by' && !isPlacePhrase && !isCharge) continue;
    let hasAgent = false;
    let hasOwn = false;
    for (let i = 0; i < forms.length; i++) {
      if (heads[i] !== v) continue;
      if (labels[i] === agent) hasAgent = true;
      if (own.has(labels[i] as number) || labels[i] === obj) hasOwn = true;
    }
    // the noun must not lie under the participle (its own object or subject read wrongly), or the tree would loop
    let k = noun;
    for (let guard = 0; k >= 0 && k !== v && guard <= forms.length; guard++) k = heads[k] as number;
    if ((!hasAgent && !isPlacePhrase && !isCharge) || hasOwn || k === v) continue;
    heads[v] = noun;
    labels[v] = acl;
  }
}

/**
 * "sent 40 Kirpi armoured vehicles", "ordered 12 Rafale fighter jets": a count, a model's name and then the rest of the noun
 * phrase. The parser sometimes made the name one object of the verb (with the count) and the noun another. Where a verb has two
 * objects, the first with a count of its own and no determiner, and every word between them hangs on the second, the first is
 * the second's compound and the count is the second's. (A verb's two objects are otherwise a person and a thing, "gave the
 * envoy a letter", whose first takes no count.) Changes `heads` and `labels` in place.
 */
export function countedNames(tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const obj = relations.indexOf('obj');
  const nummod = relations.indexOf('nummod');
  const det = relations.indexOf('det');
  const n = tags.length;
  for (let a = 0; a < n; a++) {
    if (labels[a] !== obj || (tags[a] !== PROPN && tags[a] !== NOUN)) continue;
    const verb = heads[a] as number;
    let b = -1;
    for (let j = a + 1; j < n && j <= a + 5; j++) {
      if (heads[j] === verb && labels[j] === obj) {
        b = j;
        break;
      }
    }
    if (b < 0 || tags[b] !== NOUN) continue;
    let count = -1;
    let hasDet = false;
    for (let i = 0; i < a; i++) {
      if (heads[i] === a && labels[i] === nummod) count = i;
      if (heads[i] === a && labels[i] === det) hasDet = true;
    }
    let isPhrase = true;
    for (let i = a + 1; i < b; i++) if (heads[i] !== b) isPhrase = false;
    if (count < 0 || hasDet || !isPhrase) continue;
    heads[a] = b;
    labels[a] = relations.indexOf('compound');
    heads[count] = b;
  }
}

/** Words that open an adverbial clause. */
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'till', 'when', 'while', 'whilst', 'as', 'because', 'although', 'though', 'once', 'if', 'unless', 'whereas']);

/**
 * "After the army withdrew, the rebels seized the town", "A day after Islamabad ordered an envoy out, India expelled a
 * diplomat": a sentence that opens with an adverbial clause and then, past a comma, has its main clause with its own
 * subject. The parser often roots such a sentence in the opening clause's verb and hangs the main verb on it. When the root
 * has a subordinator ("after", "when", "because"...) before it and a later verb with a subject of its own, past a comma, hangs
 * on it, that later verb becomes the root and the opening clause an adverbial clause on it. Changes `heads` and `labels` in place.
 */
export function frontedClauses(forms: readonly string[], heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const n = heads.length;
  const root = heads.indexOf(-1);
  const mark = relations.indexOf('mark');
  const nsubj = relations.indexOf('nsubj');
  const nsubjPass = relations.indexOf('nsubj:pass');
  if (root <= 0) return;
  let opener = -1;
  for (let i = 0; i < root; i++) if (heads[i] === root && labels[i] === mark && SUBORDINATORS.has((forms[i] as string).toLowerCase())) opener = i;
  if (opener < 0) return;
  const main = ['advcl', 'conj', 'parataxis', 'ccomp', 'xcomp'].map((r) => relations.indexOf(r));
  for (let v = root + 1; v < n; v++) {
    if (heads[v] !== root || !main.includes(labels[v] as number)) continue;
    // the main clause starts past the last comma before its verb, which closes the opening one
    let comma = -1;
    for (let i = root + 1; i < v; i++) if (forms[i] === ',') comma = i;
    if (comma < 0) return;
    let hasSubject = false;
    for (let i = comma + 1; i < v; i++) {
      if (heads[i] !== v) continue;
      if (labels[i] === nsubj || labels[i] === nsubjPass) hasSubject = true;
      if (labels[i] === mark) return;
    }
    if (!hasSubject) return;
    heads[v] = -1;
    labels[v] = relations.indexOf('root');
    heads[root] = v;
    labels[root] = relations.indexOf('advcl');
    // words before the comma that hung on the main verb belong to the opening clause; the comma and the words after the
    // main verb that hung on the old root are the main verb's
    for (let i = 0; i < comma; i++) if (heads[i] === v && i !== root) heads[i] = root;
    heads[comma] = v;
    for (let i = v + 1; i < n; i++) if (heads[i] === root) heads[i] = v;
    return;
  }
}

/** Relative pronouns that open a clause describing the noun before them. */
const RELATIVE_OPENERS = new Set(['which', 'who', 'whom']);

/**
 * "Lithuania, which borders Kaliningrad, has asked NATO to ...", "the rebels, who seized Goma, ...": a relative clause set off
 * by commas after a noun describes that noun. The treebank holds few of them (13 in the dev part, 11 of them misread), and the
 * parser hung the clause's verb on the main verb (advcl, parataxis, ccomp) or on another noun, sometimes making the noun a
 * dependent of the relative's verb (so the main verb lost its subject). Where "which", "who" or "whom" follows a comma right
 * after a noun or a name and is an argument of a later verb, that verb becomes an acl:relcl of the noun (the head of a name's
 * flat chain), unless the parser already made it a relative clause of another noun ("an array of equipment, which ..."). A noun the parser had hung inside the relative clause takes the relative verb's old place: the subject of the
 * verb it hung on, where that verb comes later and has none, else the same relation. A relative verb that was the root gives
 * that place to the main verb past the clause (rootedRelative). Changes `heads` and `labels` in place.
 */
export function commaRelatives(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const relcl = relations.indexOf('acl:relcl');
  const flat = relations.indexOf('flat');
  const args = ['nsubj', 'nsubj:pass', 'obj'].map((r) => relations.indexOf(r));
  const subjects = ['nsubj', 'nsubj:pass', 'csubj'].map((r) => relations.indexOf(r));
  const auxPass = relations.indexOf('aux:pass');
  const n = heads.length;
  for (let i = 2; i < n; i++) {
    if (forms[i - 1] !== ',' || !RELATIVE_OPENERS.has((forms[i] as string).toLowerCase()) || !args.includes(labels[i] as number)) continue;
    const v = heads[i] as number;
    if (v <= i) continue;
    let noun = i - 2;
    if (tags[noun] !== NOUN && tags[noun] !== PROPN) continue;
    // a name's last word hangs on its first ("Jeff Davis")
    for (let guard = 0; guard < 4 && labels[noun] === flat && (heads[noun] as number) < noun && (heads[noun] as number) >= 0; guard++) noun = heads[noun] as number;
    if (heads[v] === noun) {
      labels[v] = relcl;
      continue;
    }
    const oldHead = heads[v] as number;
    if (oldHead < 0) {
      rootedRelative(forms, tags, heads, labels, relations, noun, v);
      continue;
    }
    // (a relative the parser hung on another noun, "an array of equipment, which ...", keeps its noun)
    if (labels[v] === relcl && (tags[oldHead] === NOUN || tags[oldHead] === PROPN || tags[oldHead] === PRON)) continue;
    const oldLabel = labels[v] as number;
    // whether the noun hangs inside the relative clause (reattaching the clause to it would make a cycle)
    let isInside = false;
    for (let k = noun, guard = 0; k >= 0 && guard < n; k = heads[k] as number, guard++) {
      if (k === v) {
        isInside = true;
        break;
      }
    }
    heads[v] = noun;
    labels[v] = relcl;
    if (!isInside) continue;
    heads[noun] = oldHead;
    let hasSubject = false;
    let isPassive = false;
    for (let k = 0; k < n; k++) {
      if (heads[k] !== oldHead || k === noun) continue;
      if (subjects.includes(labels[k] as number)) hasSubject = true;
      if (labels[k] === auxPass) isPassive = true;
    }
    labels[noun] = noun < oldHead && !hasSubject ? (isPassive ? relations.indexOf('nsubj:pass') : relations.indexOf('nsubj')) : oldLabel;
  }
}

/**
 * commaRelatives where the parser rooted the sentence in the relative clause's verb ("The United States, which has a treaty with
 * Manila, called the actions dangerous": "has" the root, "called" its conjunct): the first verb past the clause's closing comma
 * that hangs on it as a conjunct, parataxis or complement and has no subject of its own becomes the root, with the noun its
 * subject; the relative verb hangs on the noun, and its other dependents past the comma on the new root.
 */
function rootedRelative(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[], noun: number, v: number): void {
  const n = heads.length;
  let comma = -1;
  for (let k = v + 1; k < n; k++) {
    if (forms[k] === ',') {
      comma = k;
      break;
    }
  }
  if (comma < 0) return;
  const clausal = ['conj', 'parataxis', 'ccomp', 'advcl'].map((r) => relations.indexOf(r));
  const subjects = ['nsubj', 'nsubj:pass', 'csubj'].map((r) => relations.indexOf(r));
  let main = -1;
  for (let c = comma + 1; c < n && main < 0; c++) {
    if (heads[c] !== v || (tags[c] !== VERB && tags[c] !== AUX) || !clausal.includes(labels[c] as number)) continue;
    if (heads.some((h, k) => h === c && subjects.includes(labels[k] as number))) return;
    main = c;
  }
  if (main < 0 || heads[noun] !== v) return;
  heads[main] = -1;
  labels[main] = relations.indexOf('root');
  for (let k = comma + 1; k < n; k++) if (heads[k] === v && k !== main) heads[k] = main;
  heads[v] = noun;
  labels[v] = relations.indexOf('acl:relcl');
  heads[noun] = main;
  labels[noun] = relations.indexOf('nsubj');
}

/**
 * "Sudan's army and the Rapid Support Forces agreed to a ceasefire.", "The council issued a statement.": a full sentence (ending in a
 * full stop) whose first verb is a past form right after its subject can read as a noun phrase with a reduced relative ("forces
 * agreed to ..."), and the parser sometimes rooted it in the noun with the verb as an acl of it or of its last conjunct. A headline may be such a phrase
 * ("Hostages held by rebels"), a sentence that ends in a full stop and whose participle has no "by" doer, auxiliary, marker or
 * subject of its own is not: the verb becomes the root and the noun its subject; the noun's dependents after the verb (the
 * closing punctuation) are the verb's. Changes `heads` and `labels` in place.
 */
export function nounRootedClauses(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const n = heads.length;
  const root = heads.indexOf(-1);
  if (root < 0 || (tags[root] !== NOUN && tags[root] !== PROPN) || !/^[.!]$/.test(forms[n - 1] as string)) return;
  const acl = relations.indexOf('acl');
  const xcomp = relations.indexOf('xcomp');
  const mark = relations.indexOf('mark');
  const isInfinitive = (v: number): boolean => heads.some((h, k) => h === v && labels[k] === mark && (forms[k] as string).toLowerCase() === 'to');
  // the first verb that is not an infinitive of the subject's own ("The decision to expel the envoys followed ...")
  let verb = -1;
  let infinitive = -1;
  // ("A freighter carrying generators for the hospitals landed in Lviv.": a bare participle on the subject, and the verb inside its phrase)
  let participle = -1;
  for (let i = 0; i < n; i++) {
    if (tags[i] !== VERB && tags[i] !== AUX) continue;
    if (infinitive < 0 && tags[i] === VERB && heads[i] === root && labels[i] === acl && isInfinitive(i)) {
      infinitive = i;
      continue;
    }
    if (participle < 0 && tags[i] === VERB && heads[i] === root && labels[i] === acl && /^[a-z]+ing$/.test(forms[i] as string) && !heads.some((h, k) => h === i && /^(?:aux|mark|nsubj|cop)/.test(relations[labels[k] as number] ?? ''))) {
      participle = i;
      continue;
    }
    verb = i;
    break;
  }
  const isUnder = (i: number, top: number): boolean => {
    for (let h = heads[i] as number, guard = 0; h >= 0 && guard < n; h = heads[h] as number, guard++) if (h === top) return true;
    return false;
  };
  // (hung on the subject, on its last conjunct, "the army and the Rapid Support Forces agreed", on an apposition of it, "Air Force
  // Y-20 aircraft landed", on the subject's infinitive, or inside its participle's phrase)
  const host = verb > root ? (heads[verb] as number) : -1;
  const isOnSubject = host === root || (host >= 0 && (labels[host] === relations.indexOf('conj') || labels[host] === relations.indexOf('appos')) && heads[host] === root) || (participle >= 0 && verb > participle && isUnder(verb, participle));
  const isOnInfinitive = host >= 0 && host === infinitive && labels[verb] === xcomp;
  if (!((isOnSubject && labels[verb] === acl) || isOnInfinitive) || !isPastForm(forms[verb] as string)) return;
  const blockers = ['mark', 'aux', 'aux:pass', 'nsubj', 'nsubj:pass', 'obl:agent', 'cop'].map((r) => relations.indexOf(r));
  for (let i = 0; i < n; i++) if (heads[i] === verb && blockers.includes(labels[i] as number)) return;
  heads[verb] = -1;
  labels[verb] = relations.indexOf('root');
  heads[root] = verb;
  labels[root] = relations.indexOf('nsubj');
  for (let i = verb + 1; i < n; i++) if (heads[i] === root) heads[i] = verb;
}

/**
 * "Two cargo planes landed in Quito on Sunday, bringing ...": a bare -ing participle (no auxiliary, no copula) cannot be a
 * clause's finite verb, yet the parser sometimes makes it the root and reads the past-tense verb before it as a reduced
 * relative on the subject ("planes [landed in Quito]"). Where the root is such a participle past a comma, and a regular past
 * form hangs as acl on its subject's phrase (through appositions, flat names and compounds) with no subject of its own, that
 * past form is the clause's verb: it takes the root, the subject and the closing punctuation, and the participle becomes its
 * adverbial clause. Changes `heads` and `labels` in place.
 */
export function participleRoots(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const n = heads.length;
  const root = heads.indexOf(-1);
  if (root < 0 || tags[root] !== VERB || !/^[a-z]+ing$/.test(forms[root] as string)) return;
  const label = (i: number): string => relations[labels[i] as number] ?? '';
  for (let i = 0; i < n; i++) if (heads[i] === root && /^(?:aux|aux:pass|cop)$/.test(label(i))) return;
  const comma = forms.lastIndexOf(',', root);
  if (comma < 0) {
    participleSubjects(forms, tags, heads, labels, relations, root);
    return;
  }
  for (let v = 0; v < comma; v++) {
    if (tags[v] !== VERB || label(v) !== 'acl' || !/^[a-z]+ed$/.test(forms[v] as string)) continue;
    if (heads.some((h, i) => h === v && /^nsubj/.test(label(i)))) continue;
    let subject = heads[v] as number;
    for (let guard = 0; subject >= 0 && subject !== root && guard < n && /^(?:appos|flat|compound|conj)$/.test(label(subject)); guard++) subject = heads[subject] as number;
    if (subject < 0 || subject >= v || label(subject) !== 'nsubj' || heads[subject] !== root) continue;
    heads[v] = -1;
    labels[v] = relations.indexOf('root');
    heads[subject] = v;
    for (let i = 0; i < n; i++) if (heads[i] === root && (i < comma || (i > root && label(i) === 'punct' && i === n - 1))) heads[i] = v;
    heads[root] = v;
    labels[root] = relations.indexOf('advcl');
    return;
  }
}

/**
 * "A cargo ship carrying tanks docked in Tartus.": the mirror of participleRoots, with no comma. The parser made the bare
 * participle the root, with the noun before it its subject, and the past-tense verb after its object a reduced relative on that
 * object ("tanks [docked in Tartus]"). In a sentence closed by a full stop (a headline may drop "is": "Russia sending tanks
 * seized in ..."), a regular past form that hangs as acl on a word of the participle's phrase, with no subject of its own, is
 * the clause's verb: it takes the root, the subject and the full stop, and the participle becomes an acl of the subject.
 */
function participleSubjects(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[], root: number): void {
  const n = heads.length;
  if (forms[n - 1] !== '.') return;
  const label = (i: number): string => relations[labels[i] as number] ?? '';
  const subject = heads.findIndex((h, i) => h === root && i < root && label(i) === 'nsubj');
  if (subject < 0) return;
  const isUnder = (i: number): boolean => {
    for (let h = heads[i] as number, guard = 0; h >= 0 && guard < n; h = heads[h] as number, guard++) if (h === root) return true;
    return false;
  };
  for (let v = root + 2; v < n; v++) {
    if (tags[v] !== VERB || label(v) !== 'acl' || !/^[a-z]+ed$/.test(forms[v] as string) || !isUnder(v)) continue;
    if (heads.some((h, i) => h === v && /^(?:nsubj|mark|aux)/.test(label(i)))) continue;
    heads[v] = -1;
    labels[v] = relations.indexOf('root');
    heads[subject] = v;
    heads[n - 1] = v;
    heads[root] = subject;
    labels[root] = relations.indexOf('acl');
    return;
  }
}

/** Nouns of a span of time that "last", "next", "this" make a phrase of when ("last month", "next Tuesday"). */
const TIME_NOUNS = new Set(['week', 'month', 'year', 'day', 'weekend', 'night', 'morning', 'afternoon', 'evening', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'spring', 'summer', 'autumn', 'winter']);
const TIME_ADJECTIVES = new Set(['last', 'next', 'this', 'previous', 'past', 'same', 'early', 'late', 'coming']);

/**
 * "delivered 14 howitzers to Ukraine last month": a name right before a phrase of time that the parser read as one noun phrase,
 * the name a compound of the time noun ("to [Ukraine last month]"). A compound never stands before an adjective of the same noun,
 * so where a noun or name hangs as a compound on a time noun past "last", "next", "this"..., the name takes the time noun's place
 * (its head, relation and the words before it) and the time phrase becomes a phrase of when of the clause's verb. The treebank
 * holds none (EWT dev unchanged). Changes `heads` and `labels` in place.
 */
export function namesBeforeTimes(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const compound = relations.indexOf('compound');
  const amod = relations.indexOf('amod');
  const n = heads.length;
  for (let c = 0; c + 2 < n; c++) {
    const time = heads[c] as number;
    if (labels[c] !== compound || (tags[c] !== PROPN && tags[c] !== NOUN) || time !== c + 2) continue;
    if (!TIME_NOUNS.has((forms[time] as string).toLowerCase()) || heads[c + 1] !== time || labels[c + 1] !== amod || !TIME_ADJECTIVES.has((forms[c + 1] as string).toLowerCase())) continue;
    let verb = heads[time] as number;
    for (let guard = 0; verb >= 0 && tags[verb] !== VERB && guard < n; guard++) verb = heads[verb] as number;
    if (verb < 0) continue;
    heads[c] = heads[time] as number;
    labels[c] = labels[time] as number;
    for (let i = 0; i < c; i++) if (heads[i] === time) heads[i] = c;
    heads[time] = verb;
    labels[time] = relations.indexOf('obl:unmarked') >= 0 ? relations.indexOf('obl:unmarked') : relations.indexOf('obl:tmod');
  }
}

/**
 * "Egypt reopened the Rafah crossing to allow ...": an -ing word after a determiner and a name (with adjectives at most) heads
 * that noun phrase, so it is a noun; read as a participle it made the name before it its subject
 * ("Rafah crossing" as a clause). Where a common noun stands between ("the men crossing the river") the -ing word is a
 * participle on that noun and is left alone, as is one followed by a word that opens its object. Retags NOUN in place.
 */
export function determinedIngNouns(forms: readonly string[], tags: Int32Array): Int32Array {
  for (let i = 2; i < forms.length; i++) {
    if (tags[i] !== VERB || !/^[a-z]+ing$/.test(forms[i] as string)) continue;
    let k = i - 1;
    while (k > 0 && (tags[k] === PROPN || tags[k] === ADJ) && i - k <= 3) k--;
    if (k === i - 1 || tags[k] !== DET || !tags.slice(k + 1, i).some((t) => t === PROPN)) continue;
    const next = tags[i + 1];
    if (next === DET || next === NUM || next === PRON || next === PROPN || next === NOUN || next === ADJ) continue;
    tags[i] = NOUN;
  }
  return tags;
}

/** Finite forms of the present: "is", "are", "has", "have", "does", "do" (other verbs' present forms are read by their ending). */
const PRESENT_FINITE = /^(?:is|are|am|has|have|does|do|'s|'re)$/i;

/**
 * "The army said it controls the town and urged residents to stay indoors": a past verb joined by "and" to the verb of a
 * reported clause whose own verb is in the present belongs to the verb of saying, itself in the past: the speaker urged,
 * what was said is that it controls. The parser, which reads no tense across the clause, joins it to the nearest verb. A
 * conjunct with a subject or auxiliary of its own is left as parsed. Changes `heads` in place.
 */
export function reportersConjuncts(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const conj = relations.indexOf('conj');
  const ccomp = relations.indexOf('ccomp');
  const nsubj = relations.indexOf('nsubj');
  const aux = relations.indexOf('aux');
  const cop = relations.indexOf('cop');
  const auxPass = relations.indexOf('aux:pass');
  const n = forms.length;
  for (let i = 0; i < n; i++) {
    const h = heads[i] as number;
    if (labels[i] !== conj || tags[i] !== VERB || h < 0 || labels[h] !== ccomp || !isPastForm(forms[i] as string)) continue;
    const g = heads[h] as number;
    if (g < 0 || tags[g] !== VERB || !isPastForm(forms[g] as string) || g > h) continue;
    let isOwnClause = false;
    let finite = h;
    for (let k = 0; k < n; k++) {
      if (heads[k] === i && (labels[k] === nsubj || labels[k] === aux)) isOwnClause = true;
      if (heads[k] === h && (labels[k] === aux || labels[k] === cop || labels[k] === auxPass) && k < h && finite === h) finite = k;
    }
    if (isOwnClause) continue;
    // the reported clause's finite word is in the present: "is", "has", or a verb in -s with no auxiliary
    const form = forms[finite] as string;
    const isPresent = finite === h ? tags[h] === VERB && /[^s]s$/.test(form) && !isPastForm(form) : PRESENT_FINITE.test(form);
    if (isPresent) heads[i] = g;
  }
}

/**
 * "The spokesman denied losing the town and accused the army of ...": a past form joined by "and" to a gerund cannot share the
 * gerund's clause (a gerund coordinates with a gerund), so it is the conjunct of the past verb that takes the gerund; the
 * parser, which reads no tense, joined it to the nearest verb. A conjunct with a subject or auxiliary of its own, or a gerund
 * that no past verb takes, is left as parsed. Changes `heads` in place.
 */
export function gerundConjuncts(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const conj = relations.indexOf('conj');
  const own = ['nsubj', 'aux', 'aux:pass', 'nsubj:pass', 'cop'].map((r) => relations.indexOf(r));
  const takes = ['xcomp', 'ccomp', 'obj', 'advcl'].map((r) => relations.indexOf(r));
  const n = forms.length;
  for (let i = 0; i < n; i++) {
    const h = heads[i] as number;
    if (labels[i] !== conj || tags[i] !== VERB || h < 0 || h > i || tags[h] !== VERB || !/^[a-z]+ing$/.test(forms[h] as string) || !isPastForm(forms[i] as string)) continue;
    const g = heads[h] as number;
    if (g < 0 || g > h || tags[g] !== VERB || !isPastForm(forms[g] as string) || !takes.includes(labels[h] as number)) continue;
    if (heads.some((x, k) => (x === i || x === h) && own.includes(labels[k] as number))) continue;
    heads[i] = g;
  }
}

/** A regular past form or an irregular one (not the base: "came", "sent", "agreed"). */
function isPastForm(form: string): boolean {
  const lower = form.toLowerCase();
  // (not "need", "speed", "exceed": an -eed word is a past form only as one of these)
  if ((/[^e]ed$/.test(lower) && lower.length > 3) || /^(?:agreed|disagreed|freed|decreed|guaranteed|refereed)$/.test(lower)) return true;
  const base = irregularBase(lower);
  return base !== undefined && base !== lower;
}

/** Tags, lemmas, heads (-1 root) and relations for a sentence given as word forms. */
export interface FormAnalysis {
  upos: string[];
  lemmas: string[];
  heads: Int32Array;
  deprels: string[];
}

/**
 * Analyses a sentence of word forms (gold tokenization, as a .conllu file gives it); `joined[i]` says word i+1 is written
 * against word i (SpaceAfter=No), where known.
 */
export function analyzeForms(forms: readonly string[], model: SyntaxModel = syntaxModel(), joined?: readonly boolean[]): FormAnalysis {
  const { tags, heads, labels } = tagAndParse(forms, model, joined);
  const upos = Array.from(tags, (t) => UPOS[t] ?? 'X');
  return {
    upos,
    lemmas: forms.map((f, i) => cachedLemma(model.lemmas, f, tags[i] as number, upos[i] as string)),
    heads,
    deprels: Array.from(labels, (l) => model.parser.relations[l] ?? 'dep'),
  };
}

/** Lemmas already found, by lemma model, then by tag, then by form (news repeats its words). */
const lemmaCaches = new WeakMap<LemmaModel, Map<string, string>[]>();
/** Forms kept per tag before that tag's cache starts over, so memory stays bounded. */
const LEMMA_CACHE_SIZE = 20_000;

function cachedLemma(model: LemmaModel, form: string, tag: number, upos: string): string {
  let caches = lemmaCaches.get(model);
  if (!caches) lemmaCaches.set(model, (caches = UPOS.map(() => new Map<string, string>())));
  const cache = caches[tag];
  if (!cache) return lemmatize(model, form, upos);
  let lemma = cache.get(form);
  if (lemma === undefined) {
    lemma = lemmatize(model, form, upos);
    if (cache.size >= LEMMA_CACHE_SIZE) cache.clear();
    cache.set(form, lemma);
  }
  return lemma;
}
