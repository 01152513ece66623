/**
 * The equipment a sentence names: noun phrases headed by an equipment noun or a model name
 * ("six Gripen fighters", "40 BTR-82 command and reconnaissance vehicles", "155mm artillery
 * rounds", "HIMARS"), each with the count written before it and its category. Lists need no special
 * case: every member is its own phrase ("150 armored vehicles, 150 tactical vehicles and 20 trucks").
 */
import type { Token } from '../../core/doc.js';
import type { ModelEntry, TransferLexicon } from './lexicon.js';
import { firstMatch, singular } from './lexicon.js';

/** One equipment phrase in a sentence. */
export interface ItemMention {
  /** Token indexes in the sentence, inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  count: number | null;
  category: string;
  /** The model the phrase names (its maker state is a fallback supplier), or null for a generic noun. */
  model: ModelEntry | null;
  /** Whether the phrase names a model or a designation ("Su-25", "K9"), not only a kind ("warplanes"). */
  isNamed: boolean;
  /** Index of the token a "made"/"built" prefix or a demonym names the maker with ("Russian-made"), if any. */
  makerToken: number | null;
  /** The ordinal or batch word before the phrase ("the third NASAMS", "the first batch of"): a part of a larger transfer. */
  batch: string | null;
  /** Whether a verb of fighting or servicing governs the phrase ("to counter drones", "upgrade 79 jets"): the item is no transfer. */
  isTarget: boolean;
  /** "the first three of 16 jets": the part's count and the whole it belongs to (an order of its own), or null. */
  partOf: { part: number | null; whole: number } | null;
  /** "the last three helicopters still due": the rest of a deal already told, whose delivery schedule is no record of its own. */
  isRemainder: boolean;
  /** "the systems": a definite generic noun standing for equipment named elsewhere in the article; a record only once named. */
  isAnaphor?: boolean;
  /** Whether a finite verb follows the phrase ("the jets are the only option"): it is the subject of its own clause. */
  isSubject: boolean;
  /** "has since bought 32 more": more of the equipment the buyer got before (an anaphor of the buyer's last named item). */
  isMore?: boolean;
}

// Finite verbs after a phrase that make it the subject of a clause, not the object of an earlier verb.
const SUBJECT_VERBS = /^(?:is|are|was|were|has|have|had|will|would|can|could|remain|remains|remained|became|become|becomes|played|play|plays|proved|saw|gave|give|made|make)$/;

// Words that may stand inside an equipment phrase before its head, besides names and head words.
const MODIFIERS = new Set(
  'armored armoured airborne fire tactical military combat attack fighter light heavy main battle self-propelled surface-to-air air-to-air air-to-surface surface-to-surface anti-tank anti-aircraft anti-ship anti-submarine anti-armor anti-armour long-range short-range medium-range multirole multi-role ballistic cruise guided precision wheeled tracked unmanned uncrewed armed naval coastal maritime patrol reconnaissance transport utility amphibious mobile towed twin-engine infantry fighting ground aerial air defense defence off-road load-handling search surveillance assault stealth jet-powered supersonic frigate-class kamikaze loitering portable man-portable shoulder-fired sea land missile rocket artillery tank helicopter aircraft drone radar vehicle submarine corvette destroyer frigate offshore landing tanker cargo early warning electronic warfare command control multiple launch self-propelled howitzer mine-resistant ambush-protected personnel carrier anti-air air-defense air-defence counter-battery trainer training maritime-patrol'.split(' '),
);
// Adjectives that do not name the equipment: "30 new tanks" is 30 tanks.
const GENERIC_ADJECTIVES = new Set(['old', 'older', 'ageing', 'aging', 'existing', 'outdated', 'obsolete', 'new', 'additional', 'more', 'other', 'modern', 'used', 'secondhand', 'second-hand', 'advanced', 'latest', 'further', 'extra', 'such', 'another', 'newly-purchased', 'refurbished', 'brand-new', 'decommissioned', 'retired', 'surplus', 'excess', 'mothballed', 'upgraded', 'modernised', 'modernized', 'overhauled', 'donated', 'its', 'their', 'the', 'these', 'those']);
// Nouns that count a set of items ("three batteries of Patriot launchers", "a batch of six").
const GROUP_NOUNS = new Set(['batch', 'batches', 'battalion', 'battalions', 'battery', 'batteries', 'squadron', 'squadrons', 'unit', 'units', 'lot', 'lots', 'tranche', 'set', 'sets', 'regiment', 'regiments', 'fleet', 'shipment', 'consignment']);
const ORDINALS = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\d+(?:st|nd|rd|th))$/i;
// A designation: letters then digits ("Su-25", "K9", "AH-64E", "F/A-18", "AN/TPQ-53", "TB2"), up to two variants' letters and digits
// after them ("Su-30SM2", "T-72B3", "K9A1", "M1A2T"), a plural "s" allowed.
const DESIGNATION = /^(?:[A-Z][A-Za-z]{0,8}(?:\/[A-Z]{1,4})?-?\d{1,4}(?:[A-Za-z]{1,3}\d{0,2}){0,2}(?:[-/][0-9A-Za-z]+)*|\d{2,3}mm)(?:s|'s)?$/;
// Designation-shaped words that are not equipment.
// (H and two digits at most: "H1", "H5N1" are no equipment, the helicopter "H145M" is.)
const NOT_DESIGNATION = /^(?:COVID|G\d|MH\d|Q\d|H\d{1,2}(?:N\d+)?$|PM\d|AM\d|UN\d|EU\d|[A-Z]\d{4,})/;

type Kind = 'model' | 'head' | 'designation' | 'modifier' | 'number' | 'other';

function lower(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

/**
 * "the remaining three jets", "the rest of the helicopters": the part of a deal told before still to come. Not an owner's
 * remaining stock ("will hand over its remaining F-16s", "Norway's remaining tanks"), which moves in a record of its own.
 */
function isRemainderOfDeal(tokens: readonly Token[], first: number): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 4); k--) {
    if (!/^(?:remaining|rest|remainder|balance)$/i.test(tokens[k]!.text)) continue;
    return !/^(?:its|their|his|her|our|['’]s)$/i.test(tokens[k - 1]?.text ?? '');
  }
  return false;
}

/** Whether the words match tokens from index i (the last word may be plural). */
function matchWords(tokens: readonly Token[], i: number, words: readonly string[], isModel: boolean): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = tokens[i + k];
    if (!t) return false;
    const w = words[k]!;
    const tl = t.text.toLowerCase();
    if (tl === w) continue;
    if (k === words.length - 1) {
      // A model's variant keeps its name: "Pantsir-S1", "Leopard-2A4".
      // So does a designation's letter suffix after its number: "F-35A", "Su-30MKI", "J-10C" (as the plural "F-35As").
      if (isModel ? tl === `${w}s` || tl === `${w}'s` || tl === `${w}es` || (tl.startsWith(`${w}-`) && /\d/.test(tl.slice(w.length))) || isVariantSuffix(tl, w) : singular(tl) === w) continue;
    }
    return false;
  }
  return true;
}

function numberValue(t: Token | undefined, lex: TransferLexicon): number | null {
  if (!t) return null;
  const s = t.text.toLowerCase();
  if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(s)) {
    const n = Number(s.replace(/,/g, ''));
    // A bare four-digit number from 1900 to 2100 before a noun is a year ("2018 deal"), not a count.
    if (/^\d{4}$/.test(s) && n >= 1900 && n <= 2100) return null;
    return n;
  }
  if (s === 'a' || s === 'an' || s === 'dozens' || s === 'hundreds') return null;
  return lex.numberWords[s] ?? null;
}

/** The first words a model entry may have to match a word (matchWords: a plural, a possessive, a variant "Name-2A4"). */
function modelKeys(word: string): string[] {
  // As word.replace(/(?:s|'s|es)$/, ''), /s$/ and /'s$/ would give them, read from the word's end.
  const isS = word.endsWith('s');
  const isPossessive = word.endsWith("'s");
  const noS = isS ? word.slice(0, -1) : word;
  const noPossessive = isPossessive ? word.slice(0, -2) : word;
  const keys = [word, isPossessive ? noPossessive : word.endsWith('es') ? word.slice(0, -2) : noS, noS, noPossessive];
  for (let k = word.indexOf('-'); k > 0; k = word.indexOf('-', k + 1)) keys.push(word.slice(0, k));
  const variant = VARIANT.exec(word);
  if (variant) keys.push(variant[1] as string);
  return keys;
}

/** A designation ending in a number, then a variant's letters (and a plural s): "f-35a", "su-30mki", "j-10cs". */
const VARIANT = /^(.*\d)[a-z]{1,3}s?$/;

/** Whether a word is a model's name with a variant's letters after its closing number ("f-35a" of "f-35"). */
function isVariantSuffix(word: string, name: string): boolean {
  return /\d$/.test(name) && word.startsWith(name) && /^[a-z]{1,3}s?$/.test(word.slice(name.length));
}

function classify(tokens: readonly Token[], lex: TransferLexicon, isPredicate: (i: number) => number): { kinds: Kind[]; models: (ModelEntry | null)[]; heads: (string | null)[] } {
  const kinds: Kind[] = tokens.map(() => 'other');
  const models: (ModelEntry | null)[] = tokens.map(() => null);
  const heads: (string | null)[] = tokens.map(() => null);
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    const predicateLength = isPredicate(i);
    const tl = t.text.toLowerCase();
    const model = firstMatch(lex.index.models, modelKeys(tl), lex.index.rank, (m) => matchWords(tokens, i, m.words, true));
    if (model) {
      for (let k = 0; k < model.words.length; k++) {
        kinds[i + k] = 'model';
        models[i + k] = model;
      }
      i += model.words.length;
      continue;
    }
    const head = predicateLength ? undefined : firstMatch(lex.index.heads, [tl, singular(tl)], lex.index.rank, (h) => matchWords(tokens, i, h, false));
    if (head) {
      for (let k = 0; k < head.length; k++) {
        kinds[i + k] = 'head';
        heads[i + k] = head.join(' ');
      }
      i += head.length;
      continue;
    }
    if (DESIGNATION.test(t.text) && !NOT_DESIGNATION.test(t.text)) kinds[i] = 'designation';
    // "Type 054", "Project 636", "Block 70": a class word and its number name a model; the number is no count.
    else if (/^\d[\d/A-Za-z]*$/.test(t.text) && CLASS_WORDS.test(tokens[i - 1]?.text ?? '')) kinds[i] = 'designation';
    // "two ASC 890 aircraft", "HQ 9 batteries": a maker's or model's capitals and then a number name a model; the number is no count.
    // (Not a currency's code and its sum: "USD 300 million".)
    else if (/^\d+[A-Za-z]?$/.test(t.text) && /^[A-Z]{2,5}$/.test(tokens[i - 1]?.text ?? '') && !STATE_ACRONYMS.test(tokens[i - 1]?.text ?? '') && !CURRENCY_CODES.test(tokens[i - 1]?.text ?? '') && !/^(?:thousand|million|billion|bn|mn|m|percent)$/i.test(tokens[i + 1]?.text ?? '')) kinds[i] = 'designation';
    else if (numberValue(t, lex) !== null || t.text.toLowerCase() === 'dozen') kinds[i] = 'number';
    else if (predicateLength) kinds[i] = 'other';
    else if (MODIFIERS.has(t.text.toLowerCase()) || /^[A-Z][A-Za-z]+(?:-[A-Za-z]+)*$/.test(t.text) || /^[A-Za-z]+-(?:made|built|origin|manufactured|produced|class|type)$/i.test(t.text)) kinds[i] = 'modifier';
    i += 1;
  }
  // "Leopard 2A7 tanks": a variant written as digits and letters right after a model name is part of its name.
  for (let i = 1; i < tokens.length; i++) {
    if (kinds[i] === 'other' && kinds[i - 1] === 'model' && /^\d[0-9A-Za-z]*[A-Za-z][0-9A-Za-z]*$/.test(tokens[i]!.text) && !/^\d+(?:st|nd|rd|th|s|mm|km|m)$/i.test(tokens[i]!.text)) kinds[i] = 'designation';
  }
  // "18 Gripen C fighter jets": a variant's single capital right after a model name is part of its name ("A" and "I" are words).
  for (let i = 1; i < tokens.length; i++) {
    if (kinds[i] === 'other' && kinds[i - 1] === 'model' && /^[B-HJ-Z]$/.test(tokens[i]!.text)) kinds[i] = 'designation';
  }
  // "18 Tarpan bridge-laying tracked vehicles": a hyphenated adjective between a name and the rest of its phrase belongs to it.
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (kinds[i] === 'other' && /^[a-z]+-[a-z]+$/.test(tokens[i]!.text) && (/^(?:model|designation)$/.test(kinds[i - 1]!) || (kinds[i - 1] === 'modifier' && /^[A-Z]/.test(tokens[i - 1]!.text))) && (kinds[i + 1] === 'head' || kinds[i + 1] === 'modifier') && !isPredicate(i)) kinds[i] = 'modifier';
  }
  // "155 mm artillery ammunition", "120 mm mortars": a calibre written apart is a modifier, never a count.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (kinds[i] === 'number' && /^\d{2,3}$/.test(tokens[i]!.text) && /^mm$/i.test(tokens[i + 1]!.text)) kinds[i] = kinds[i + 1] = 'modifier';
  }
  // "36 44-12 rockets": a number pair after a count and before a head is the model's designation, not a range.
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (/^\d+-\d+$/.test(tokens[i]!.text) && kinds[i - 1] === 'number' && kinds[i + 1] === 'head') kinds[i] = 'designation';
  }
  // "ten recovery vehicles": one unlisted lower-case word right before a head is a compound modifier.
  const isPlainWord = (i: number): boolean => {
    const w = lower(tokens[i]);
    // (an adverb in -ly is none; "supply", "resupply" end in -pply and are nouns: "ammunition resupply vehicles")
    return kinds[i] === 'other' && /^[a-z]{3,}$/.test(tokens[i]!.text) && !FUNCTION_WORDS.has(w) && !TARGET_VERBS.test(w) && !isPredicate(i) && !(/ly$/.test(w) && !/pply$/.test(w));
  };
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (kinds[i + 1] !== 'head' || !isPlainWord(i)) continue;
    kinds[i] = 'modifier';
    // "four littoral mission ships": a second such word, right after a count, is one too.
    if (i >= 2 && isPlainWord(i - 1) && numberValue(tokens[i - 2], lex) !== null && !/^(?:a|an)$/i.test(tokens[i - 2]!.text)) kinds[i - 1] = 'modifier';
  }
  return { kinds, models, heads };
}

// ISO codes of currencies a sum is written with ("USD 300 million", "EUR 1.2 billion").
const CURRENCY_CODES = /^(?:USD|EUR|GBP|INR|RUB|CNY|RMB|JPY|AUD|CAD|KRW|SEK|NOK|DKK|PLN|CHF|TRY|SAR|AED|ILS|BRL|PKR|IDR|MYR|PHP|THB|VND|EGP|ZAR|NGN|MXN)$/;

// Capitals that name a state or a body of states, before a count ("the US 12 jets" never; "the UAE's 80 jets" has its "'s").
const STATE_ACRONYMS = /^(?:US|USA|UK|UAE|EU|UN|NATO|DRC|ROK|PRC|DPRK)$/;

// Capitalised words whose number names a model or a class of one ("Type 054", "Project 636", "Block 52").
const CLASS_WORDS = /^(?:Type|Project|Block|Mark|Mk|Model|Series|Flight)$/;

// Words that never modify an equipment noun (articles, pronouns, auxiliaries, verbs of owning and using).
const FUNCTION_WORDS = new Set('million billion thousand single pair the and or nor but of to for with from by in on at as into onto over under its their his her our your my are is was were be been being has have had will would shall should can could may might must more most than some other all any each these those this that which who whom whose what when where new few many several such both either neither not also only own operates operate operated operating uses use used using build builds built building produce produces produced make makes made making includes included including said says say plus about around nearly some against across via per besides except alongside beyond among amid despite during within without toward towards including'.split(' '));

/** A measure written as a number and a unit before a noun: "44-metre", "4,000-tonne", "155-millimetre", "30-tonne". */
const MEASURE = /^\d[\d,.]*-(?:metres?|meters?|m|tonnes?|tons?|foot|feet|ft|mm|millimetres?|millimeters?|cm|km|kilometres?|kilometers?|knots?|seats?|seaters?|wheel|wheeled|man|crew)$/i;

/** The count written before token `first`: "four", "24", "more than a dozen", "three batteries of", "100 of the". */
function countBefore(tokens: readonly Token[], first: number, lex: TransferLexicon): number | null {
  let j = first - 1;
  // "12 high-speed guard boats": a hyphenated adjective between the count and the phrase keeps the count.
  // "six ex-Navy patrol boats": a former owner ("ex-" and its name) between the count and the phrase keeps the count.
  // "ten 44-metre boats", "two 4,000-tonne frigates": a measure written as a number and a unit keeps the count before it.
  while (j >= 0 && ((GENERIC_ADJECTIVES.has(lower(tokens[j])) && lower(tokens[j]) !== 'the') || /^[a-z]+-[a-z]+$/.test(tokens[j]!.text) || /^ex-[A-Za-z]+$/.test(tokens[j]!.text) || MEASURE.test(tokens[j]!.text))) j--;
  // "four Turkey built corvettes": a maker's name and "built" written apart stand between the count and the phrase.
  if (j > 1 && /^(?:made|built|manufactured|produced)$/.test(lower(tokens[j])) && /^[A-Z]/.test(tokens[j - 1]!.text)) j -= 2;
  // "12 coast guard vessels": one plain word of a compound the phrase left out, right after the count.
  // "two dozen howitzers": a number word ("dozen") is the count's own, no compound word.
  if (j > 0 && /^[a-z]{3,}$/.test(tokens[j]!.text) && numberValue(tokens[j], lex) === null && !FUNCTION_WORDS.has(lower(tokens[j])) && !TARGET_VERBS.test(lower(tokens[j])) && !/(?:ly|ed|ing)$/.test(lower(tokens[j])) && numberValue(tokens[j - 1], lex) !== null && !/^(?:a|an)$/i.test(tokens[j - 1]!.text)) j--;
  if (lower(tokens[j]) === 'the' && lower(tokens[j - 1]) === 'of') j--;
  if (lower(tokens[j]) === 'of') {
    j--;
    if (lower(tokens[j]) === 'the') j--;
    // "six more of the fighters"
    while (j >= 0 && /^(?:more|other|additional|further)$/.test(lower(tokens[j]))) j--;
    if (GROUP_NOUNS.has(lower(tokens[j]))) {
      j--;
      // "two more batteries of", "three additional squadrons of"
      while (j >= 0 && /^(?:more|other|additional|further|new)$/.test(lower(tokens[j]))) j--;
    }
  }
  const t = tokens[j];
  if (!t) return null;
  if (ORDINALS.test(t.text)) return null;
  // "a pair of frigates": two.
  if (lower(t) === 'pair' && /^(?:a|one)$/.test(lower(tokens[j - 1]))) return 2;
  // "one million rounds", "1.5 million shells", "half a million rounds": a count in millions (money has its "$" or currency word before).
  if (lower(t) === 'million' && !/^\$/.test(tokens[j - 2]?.text ?? '') && !/^\$/.test(tokens[j - 1]?.text ?? '')) {
    const before = tokens[j - 1];
    if (lower(before) === 'a' && lower(tokens[j - 2]) === 'half') return 500000;
    const n = /^\d+(?:\.\d+)?$/.test(before?.text ?? '') ? Number(before!.text) : numberValue(before, lex);
    return n !== null && !/^(?:a|an)$/i.test(before?.text ?? '') ? Math.round(n * 1000000) : null;
  }
  if (lower(t) === 'dozen') {
    const before = tokens[j - 1];
    const n = numberValue(before, lex);
    return n !== null ? n * 12 : lower(before) === 'a' ? 12 : null;
  }
  const n = numberValue(t, lex);
  if (n === null) return null;
  // "$1.65 billion", "50 percent": money and shares are not counts.
  if (/^\$/.test(tokens[j - 1]?.text ?? '') || /^(?:million|billion|percent|%)$/i.test(lower(tokens[j + 1]))) return null;
  return n;
}

/** Nouns of parts and services for equipment: what moves in "spare parts for X" is no X ("a deal for X" is). */
const PART_NOUNS = new Set(['part', 'spare', 'component', 'engine', 'kit', 'upgrade', 'overhaul', 'maintenance', 'simulator', 'training', 'servicing', 'refit', 'modernisation', 'modernization']);

/** Whether "for" before a phrase (past its count and determiner) follows a part or service noun, within three words. */
function isPartFor(tokens: readonly Token[], first: number, lex: TransferLexicon): boolean {
  let j = first - 1;
  while (j >= 0 && (numberValue(tokens[j], lex) !== null || /^(?:the|its|their|his|her|a|an|some|all)$/i.test(tokens[j]!.text))) j--;
  if (lower(tokens[j]) !== 'for') return false;
  for (let k = j - 1; k >= Math.max(0, j - 3); k--) {
    const w = lower(tokens[k]);
    if (!/^[a-z][a-z-]*$/.test(w)) break;
    if (PART_NOUNS.has(w) || PART_NOUNS.has(singular(w))) return true;
  }
  return false;
}

/**
 * "the opening one of three corvettes", "the first three of 16 jets": a part of a whole written before the
 * phrase. Returns the part's count (null for "the first of") and the whole's, or null when the phrase
 * has no such opening.
 */
function partOfWhole(tokens: readonly Token[], first: number, lex: TransferLexicon): { part: number | null; whole: number } | null {
  let j = first - 1;
  while (j >= 0 && GENERIC_ADJECTIVES.has(lower(tokens[j])) && lower(tokens[j]) !== 'the') j--;
  const whole = numberValue(tokens[j], lex);
  // "of four", "of the four"
  const of = lower(tokens[j - 1]) === 'the' ? j - 2 : j - 1;
  if (whole === null || lower(tokens[of]) !== 'of') return null;
  const before = tokens[of - 1];
  if (before && ORDINALS.test(before.text)) return { part: null, whole };
  const part = numberValue(before, lex);
  if (part !== null && tokens[of - 2] && ORDINALS.test(tokens[of - 2]!.text)) return { part, whole };
  // "two of four ships", "three of the 12 jets": a smaller count of a larger one is a part of it.
  if (part !== null && part < whole && !/^(?:a|an)$/i.test(before?.text ?? '')) return { part, whole };
  return null;
}

/** Words that may follow the whole's count in "six jets out of 12 it ordered": a pronoun, a relative word, a participle of dealing. */
const AFTER_WHOLE = /^(?:it|they|that|which|ordered|bought|purchased|promised|pledged|contracted|signed|agreed|planned|due|expected|on|under|in|from|so|,|\.|;|\))$/i;

/**
 * "six Rafale fighters out of 12 it bought", "four jets of the 16 ordered": a part whose whole is written after the phrase.
 * Returns the part (the phrase's own count, smaller) and the whole, or null.
 */
function wholeAfter(tokens: readonly Token[], last: number, part: number | null, lex: TransferLexicon): { part: number | null; whole: number } | null {
  if (part === null) return null;
  let j = last + 1;
  if (lower(tokens[j]) === 'out') j++;
  if (lower(tokens[j]) !== 'of') return null;
  j++;
  if (lower(tokens[j]) === 'the') j++;
  const whole = numberValue(tokens[j], lex);
  if (whole === null || whole <= part || !tokens[j + 1] || !AFTER_WHOLE.test(tokens[j + 1]!.text)) return null;
  return { part, whole };
}

/** The ordinal or batch word among the few words before a phrase, lower case, or null. */
function batchBefore(tokens: readonly Token[], first: number, lex: TransferLexicon): string | null {
  for (let j = first - 1; j >= Math.max(0, first - 5); j--) {
    const w = lower(tokens[j]);
    if (ORDINALS.test(w) || w === 'initial') return w;
    // "six more (of the) jets", "another 20 tanks": a further batch (a count with it, so no list's "additional ammunition").
    // "30 additional jets", "12 further tanks": a count with a word of addition is a further batch as "30 more" is.
    // "another IRIS-T system": right before the item, one unit more.
    if ((/^(?:more|additional|further|extra)$/.test(w) && numberValue(tokens[j - 1], lex) !== null) || (w === 'another' && (j === first - 1 || numberValue(tokens[j + 1], lex) !== null))) return 'more';
    if (/^(?:batch|tranche|shipment|consignment)$/.test(w) || UNIT_NOUNS.test(w)) {
      const ordinal = tokens.slice(Math.max(0, j - 2), j).map((t) => t.text.toLowerCase()).find((x) => ORDINALS.test(x));
      return ordinal ?? w;
    }
    if (!/^(?:the|a|of|its|their|ever|very|two|three|four|five|six|\d+)$/.test(w) && !GENERIC_ADJECTIVES.has(w)) break;
  }
  return null;
}

// Verbs whose object is a target: "shells to stop drones", "missiles against aircraft".
const TARGET_VERBS = /^(?:counter|countering|against|intercept|intercepting|destroy|destroying|destroyed|shoot|down|hit|hitting|target|targeting|fight|fighting|defend|repel|repelling|strike|striking|upgrade|upgrading|modernise|modernize|modernising|modernizing|overhaul|overhauling|repair|repairing|refurbish|refurbishing|replace|replacing|service|servicing)$/;

// Words that make the phrase after them a thing compared with or passed over, not the thing moved:
// "cheaper than the F-16", "instead of Rafales", "a rival to the Gripen", "beat the Eurofighter".
const COMPARING = /^(?:than|unlike|like|versus|vs|rival|rivals|competitor|competitors|alternative|beat|beating|edged|outbid|defeated)$/;

/** Whether the word at `j` (the one before an item) compares or opposes it: "than", "instead of", "similar to", "rival to", "edged out", or says what a holding's size comes to ("its fleet to"). */
function isComparand(tokens: readonly Token[], j: number): boolean {
  const w = lower(tokens[j]);
  const before = lower(tokens[j - 1]);
  // "more than 100 missiles", "fewer than 20 jets": a count, not a comparison (the count itself stands between).
  if (w === 'than' && /^(?:more|fewer|less)$/.test(before) && /^(?:\d|a$|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|dozens?$|hundreds?$)/i.test(tokens[j + 1]?.text ?? '')) return false;
  if (COMPARING.test(w)) return true;
  if (w === 'of' && /^(?:instead|place)$/.test(before)) return true;
  if (w === 'to' && /^(?:similar|compared|comparable|alternative|rival|competitor|preferred)$/.test(before)) return true;
  if (w === 'with' && /^(?:compared|competing|competes|compete)$/.test(before)) return true;
  if (w === 'out' && /^(?:edged|edging|beat|beating)$/.test(before)) return true;
  if (w === 'over' && /^(?:chosen|chose|picked|selected|preferred)$/.test(before)) return true;
  // "bringing its fleet to 27 aircraft", "raising the total to 40 jets": the size a holding reaches, not what moves
  if (w === 'to' && /^(?:fleets?|total|number|inventory|strength|tally|arsenal)$/.test(before)) return true;
  return false;
}

/** The index of the first word before a phrase that is not a determiner, possessive or count ("upgrade its 79 jets" -> "upgrade"). */
function wordBefore(tokens: readonly Token[], first: number): number {
  let j = first - 1;
  while (j >= 0 && (/^(?:the|a|an|its|their|his|her|our|some|all|\d[\d,]*|'s|’s)$/i.test(tokens[j]!.text) || GENERIC_ADJECTIVES.has(lower(tokens[j])))) j--;
  return j;
}

/**
 * The equipment phrases of one sentence. `isPredicate(i)` gives the length of a transfer predicate
 * starting at token i (0 when none), so a headline verb ("Receives") never becomes part of a name.
 */
export function readItems(tokens: readonly Token[], articleText: string, lex: TransferLexicon, isPredicate: (i: number) => number): ItemMention[] {
  const { kinds, models, heads } = classify(tokens, lex, isPredicate);
  const items: ItemMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (kinds[i] === 'other' || kinds[i] === 'number') {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < tokens.length && kinds[end + 1] !== 'other' && kinds[end + 1] !== 'number') end++;
    // "Challenger 2", "Leopard 2A6": a number glued to a model name belongs to it.
    // "BTR-82 command and reconnaissance vehicles": a conjunct without a head shares the next one's.
    // A capitalised word before "and" is a name of its own ("from China and TB2 drones"), no shared modifier.
    while (end + 2 < tokens.length && kinds[end] === 'modifier' && !/^[A-Z]/.test(tokens[end]!.text) && /^(?:and|or)$/.test(lower(tokens[end + 1])) && kinds[end + 2] !== 'other' && kinds[end + 2] !== 'number') {
      end += 2;
      while (end + 1 < tokens.length && kinds[end + 1] !== 'other' && kinds[end + 1] !== 'number') end++;
    }
    let last = end;
    while (last >= i && kinds[last] === 'modifier') last--;
    if (last >= i) {
      let first = Math.max(i, last - 8);
      // A headline's "First Gripen Jets": the ordinal marks a batch, not a part of the name.
      while (first < last && (GENERIC_ADJECTIVES.has(lower(tokens[first])) || ORDINALS.test(tokens[first]!.text))) first++;
      const item = buildItem(tokens, first, last, kinds, models, heads, articleText, lex);
      if (item) items.push(item);
    }
    i = end + 1;
  }
  // "delivered the systems": a definite "system(s)" outside any phrase stands for the article's named equipment;
  // so does a counted unit of one ("is to receive five squadrons", "the two batteries") not followed by "of".
  for (let k = 1; k < tokens.length; k++) {
    const isUnit = UNIT_NOUNS.test(tokens[k]!.text);
    if (!/^systems?$/i.test(tokens[k]!.text) && !isUnit) continue;
    // "the systems", "the two systems", "five squadrons"
    const hasCount = numberValue(tokens[k - 1], lex) !== null && !/^(?:a|an)$/i.test(tokens[k - 1]!.text);
    if (!DEFINITE.test(lower(tokens[hasCount ? k - 2 : k - 1])) && !(isUnit && hasCount)) continue;
    if (isUnit && /^of$/i.test(tokens[k + 1]?.text ?? '')) continue;
    if (items.some((it) => it.first <= k && it.last >= k)) continue;
    items.push({
      first: k, last: k, start: tokens[k]!.start, end: tokens[k]!.end, text: tokens[k]!.text, count: countBefore(tokens, k, lex), category: 'military equipment', model: null, isNamed: false, makerToken: null,
      batch: batchBefore(tokens, k, lex), partOf: null, isTarget: TARGET_VERBS.test(lower(tokens[wordBefore(tokens, k)])), isSubject: SUBJECT_VERBS.test(lower(tokens[k + 1])), isRemainder: false, isAnaphor: true,
    });
  }
  // "adding that the second batch had already arrived": an ordinal batch with no "of" phrase stands for the equipment the article named
  for (let k = 2; k < tokens.length; k++) {
    // (also a unit: "The first battery arrived in April")
    if (!(BATCH_NOUNS.test(tokens[k]!.text) || UNIT_NOUNS.test(tokens[k]!.text)) || !ORDINALS.test(tokens[k - 1]!.text) || !DEFINITE.test(lower(tokens[k - 2])) || /^of$/i.test(tokens[k + 1]?.text ?? '')) continue;
    if (items.some((it) => it.first <= k && it.last >= k)) continue;
    items.push({
      first: k, last: k, start: tokens[k]!.start, end: tokens[k]!.end, text: tokens[k]!.text, count: null, category: 'military equipment', model: null, isNamed: false, makerToken: null,
      batch: lower(tokens[k - 1]), partOf: null, isTarget: TARGET_VERBS.test(lower(tokens[wordBefore(tokens, k)])), isSubject: SUBJECT_VERBS.test(lower(tokens[k + 1])), isRemainder: false, isAnaphor: true,
    });
  }
  // "India ... has received three so far": a bare count right after a verb of getting or giving, with no noun of its own, stands for
  // the equipment the article named (an ellipsis)
  for (let k = 1; k < tokens.length; k++) {
    if (!ELLIPSIS_VERBS.test(tokens[k - 1]!.text)) continue;
    const count = numberValue(tokens[k], lex);
    const next = tokens[k + 1]?.text ?? '.';
    if (count === null || /^(?:a|an|one)$/i.test(tokens[k]!.text) || !/^(?:so|thus|to|by|in|last|this|since|and|,|\.|;)$/i.test(next)) continue;
    if (items.some((it) => it.first <= k && it.last >= k)) continue;
    items.push({
      first: k, last: k, start: tokens[k]!.start, end: tokens[k]!.end, text: tokens[k]!.text, count, category: 'military equipment', model: null, isNamed: false, makerToken: null,
      batch: null, partOf: null, isTarget: false, isSubject: false, isRemainder: false, isAnaphor: true,
    });
  }
  // "has since received six of them": a count of a pronoun stands for the equipment the article named (kept only once it takes its model).
  for (let k = 2; k < tokens.length; k++) {
    if (!/^(?:them|those)$/i.test(tokens[k]!.text) || lower(tokens[k - 1]) !== 'of') continue;
    const count = numberValue(tokens[k - 2], lex);
    if (count === null || /^(?:a|an|one)$/i.test(tokens[k - 2]!.text) || items.some((it) => it.first <= k && it.last >= k - 2)) continue;
    items.push({
      first: k - 2, last: k, start: tokens[k - 2]!.start, end: tokens[k]!.end, text: tokens[k]!.text, count, category: 'military equipment', model: null, isNamed: false, makerToken: null,
      batch: null, partOf: null, isTarget: TARGET_VERBS.test(lower(tokens[wordBefore(tokens, k - 2)])), isSubject: SUBJECT_VERBS.test(lower(tokens[k + 1])), isRemainder: false, isAnaphor: true,
    });
  }
  // "has since bought 32 more from Norway", "Warsaw has now ordered 12 more": a count and "more" with no noun of its own is more of
  // what the same buyer got before
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (lower(tokens[k + 1]) !== 'more' || !/^(?:from|for|to|in|by|this|next|last|over|under|at|on|since|and|,|\.|;)$/i.test(tokens[k + 2]?.text ?? '.')) continue;
    const count = numberValue(tokens[k], lex);
    if (count === null || /^(?:a|an|one)$/i.test(tokens[k]!.text) || items.some((it) => it.first <= k + 1 && it.last >= k)) continue;
    items.push({
      first: k, last: k + 1, start: tokens[k]!.start, end: tokens[k + 1]!.end, text: tokens[k + 1]!.text, count, category: 'military equipment', model: null, isNamed: false, makerToken: null,
      batch: null, partOf: null, isTarget: TARGET_VERBS.test(lower(tokens[wordBefore(tokens, k)])), isSubject: false, isRemainder: false, isAnaphor: true, isMore: true,
    });
  }
  items.sort((a, b) => a.first - b.first);
  const read = foldServedPlatforms(tokens, joinAbbreviations(tokens, items, articleText), articleText);
  markArmament(tokens, read);
  return addElidedItems(tokens, read, lex);
}

/**
 * "ammunition for HIMARS launchers", "missiles for Chile's F-16 jets": the platform munitions are "for" is what they serve,
 * not equipment that moves; the munitions and their platform are one item ("ammunition for HIMARS"), named by both.
 * So are generic rounds "of" a weapon ("3,000 rounds of mortar ammunition", "rounds of 155mm artillery").
 */
function foldServedPlatforms(tokens: readonly Token[], items: ItemMention[], articleText: string): ItemMention[] {
  const out: ItemMention[] = [];
  for (const item of items) {
    const munition = out[out.length - 1];
    let j = item.first - 1;
    // Back over determiners, a count and a possessor ("its", "the", "Chile 's") to the word that opens the phrase.
    while (j >= 0 && (/^(?:the|its|their|his|her|our|these|those|\d[\d,]*|'s|’s)$/i.test(tokens[j]!.text) || (/^(?:'s|’s)$/.test(tokens[j + 1]?.text ?? '') && /^[A-Z]/.test(tokens[j]!.text)))) j--;
    // "50,000 rounds of 155mm artillery": generic rounds "of" a weapon are that weapon's munitions, one item with the rounds' count.
    const isRoundsOf = lower(tokens[j]) === 'of' && munition?.category === 'ammunition' && !munition.isNamed;
    // "8,000 rounds of mortar ammunition": rounds of munitions are those munitions, counted.
    if (munition && isRoundsOf && munition.last === j - 1 && item.category === 'ammunition') {
      out[out.length - 1] = { ...item, count: munition.count ?? item.count, batch: munition.batch ?? item.batch };
      continue;
    }
    if (munition && (lower(tokens[j]) === 'for' || isRoundsOf) && munition.last === j - 1 && SERVING.has(munition.category)) {
      Object.assign(munition, { last: item.last, end: item.end, text: articleText.slice(munition.start, item.end), isNamed: munition.isNamed || item.isNamed });
      continue;
    }
    out.push(item);
  }
  return out;
}

const SERVING = new Set(['ammunition', 'missiles']);

/**
 * "48 jets to Poland and 12 to Malaysia": a count after "and" or a comma with no noun of its own, then "to" and a name, is the
 * item before it again, elided; it is read as that item with its own count.
 */
function addElidedItems(tokens: readonly Token[], items: ItemMention[], lex: TransferLexicon): ItemMention[] {
  const out = [...items];
  for (let k = 1; k + 2 < tokens.length; k++) {
    const count = numberValue(tokens[k], lex);
    if (count === null || /^(?:a|an)$/i.test(tokens[k]!.text) || !/^(?:and|,)$/.test(lower(tokens[k - 1])) || lower(tokens[k + 1]) !== 'to' || !/^[A-Z]/.test(tokens[k + 2]!.text)) continue;
    const before = [...items].reverse().find((i) => i.last < k - 1);
    // The item must come just before, with its own "to Y": "48 jets to Poland and 12 to Malaysia".
    if (!before || before.count === null || k - before.last > 10 || lower(tokens[before.last + 1]) !== 'to' || out.some((i) => i.first <= k && i.last >= k)) continue;
    out.push({ ...before, first: k, last: k, start: tokens[k]!.start, end: tokens[k]!.end, count, batch: null, partOf: null, isSubject: false, isRemainder: false });
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * "24 jets armed with Meteor missiles", "corvettes, capable of firing Exocet missiles", "drones able to carry bombs": what a
 * platform is armed with or can fire describes the platform; it is no transfer of its own (a target, as a service's object is).
 */
function markArmament(tokens: readonly Token[], items: readonly ItemMention[]): void {
  for (const [k, item] of items.entries()) {
    const before = items[k - 1];
    if (!before) continue;
    let j = item.first - 1;
    while (j >= 0 && /^(?:the|a|an|its|their|\d[\d,]*|two|three|four|five|six|eight|ten|twelve|up|to)$/i.test(tokens[j]!.text)) j--;
    const w = lower(tokens[j]);
    // "jets armed with", "jets, each armed with": a participle of arming right after the platform.
    const isArmedWith = w === 'with' && /^(?:armed|equipped|fitted|outfitted|loaded)$/.test(lower(tokens[j - 1])) && j - 1 - before.last <= 3 && tokens.slice(before.last + 1, j - 1).every((x) => /^(?:,|each|all|both)$/i.test(x.text));
    // "capable of firing", "able to carry", "which can launch": what the platform can fire or carry.
    const isFiredBy = /^(?:firing|fire|fires|launching|launch|launches|carrying|carry|carries)$/.test(w) && /^(?:of|to|can|could|capable|able)$/.test(lower(tokens[j - 1])) && j - before.last <= 6;
    if (isArmedWith || isFiredBy) item.isTarget = true;
  }
}

/**
 * "Long Range Patrol Drones (LRPD)": a name with its abbreviation or designation in
 * brackets right after it is one item, named by both; the bracketed words are no item of their own.
 */
function joinAbbreviations(tokens: readonly Token[], items: ItemMention[], articleText: string): ItemMention[] {
  const out: ItemMention[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (prev && item.last <= prev.last) continue;
    out.push(item);
    // "Coastal Strike Missile Extended Range, or CSM-ER, missiles": a name, its capitalised rest, then ", or ABBR,".
    let rest = item.last;
    while (rest + 1 < tokens.length && rest - item.last < 4 && /^[A-Z][a-z]+$/.test(tokens[rest + 1]!.text)) rest++;
    const abbr = tokens[rest + 3];
    if (tokens[rest + 1]?.text === ',' && lower(tokens[rest + 2]) === 'or' && abbr && (/^[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*s?$/.test(abbr.text) || DESIGNATION.test(abbr.text)) && /^[,)]$/.test(tokens[rest + 4]?.text ?? ',')) {
      // "..., or CSM-ER, missiles": the head repeated after the abbreviation closes the name.
      const close = tokens[rest + 4]?.text === ',' && tokens[rest + 5] && singular(tokens[rest + 5]!.text) === singular(tokens[item.last]!.text) ? rest + 5 : rest + 3;
      Object.assign(item, { last: close, end: tokens[close]!.end, text: articleText.slice(item.start, tokens[close]!.end), isNamed: true });
      continue;
    }
    if (tokens[item.last + 1]?.text !== '(') continue;
    const close = tokens.findIndex((t, i) => i > item.last + 1 && i <= item.last + 4 && t.text === ')');
    if (close < 0) continue;
    const inside = tokens.slice(item.last + 2, close);
    if (inside.length === 0 || !inside.every((t) => /^[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*s?$/.test(t.text) || DESIGNATION.test(t.text))) continue;
    // "two BK-4 (LM-7) tracking radars": a bracketed designation inside a name, its head noun after the bracket, is one item.
    const named = items.find((x) => x.first === close + 1);
    const to = named && item.isNamed ? named : null;
    Object.assign(item, { last: to?.last ?? close, end: to?.end ?? tokens[close]!.end, text: articleText.slice(item.start, to?.end ?? tokens[close]!.end), isNamed: true, ...(to ? { category: to.category } : {}) });
  }
  return out;
}

const DEFINITE = /^(?:the|these|those|both)$/;
// Units of an air-defence or artillery system, counted in place of the system itself.
const UNIT_NOUNS = /^(?:squadrons?|batteries|battery|battalions?|regiments?)$/i;
/** Verbs after which a bare count is an ellipsis of the equipment named before: "has received three so far". */
const ELLIPSIS_VERBS = /^(?:received|delivered|supplied|sent|shipped|handed|transferred|donated)$/i;
/** Nouns of a part of a delivery: "the second batch", "the third shipment". */
const BATCH_NOUNS = /^(?:batch|batches|shipment|shipments|consignment|consignments|tranche)$/i;

function buildItem(
  tokens: readonly Token[],
  first: number,
  last: number,
  kinds: readonly Kind[],
  models: readonly (ModelEntry | null)[],
  heads: readonly (string | null)[],
  articleText: string,
  lex: TransferLexicon,
): ItemMention | null {
  // A part or a service named by its own noun after the phrase ("F-110 engines", "ground control stations").
  for (const words of lex.nonItems) if (matchWords(tokens, last + 1, words, false)) return null;
  // ... or before it, with "for": "spare parts for F-16 jets", "engines for 12 trainers", "upgrade kits for".
  if (isPartFor(tokens, first, lex)) return null;
  // "made by Turkey's Aselsan", "built by Eurofighter": a maker's name alone after "by" or a possessive is the company.
  if (/^(?:by|'s|’s)$/.test(lower(tokens[first - 1])) && lex.index.makers.get(lower(tokens[first]))?.some((m) => m.words.length === last - first + 1 && m.words.every((w, k) => w === lower(tokens[first + k])))) return null;
  let model: ModelEntry | null = null;
  let category: string | null = null;
  let isNamed = false;
  let hasSpecificHead = false;
  for (let k = first; k <= last; k++) {
    if (kinds[k] === 'model') {
      model ??= models[k] ?? null;
      isNamed = true;
    }
    if (kinds[k] === 'designation') isNamed = true;
    const head = heads[k];
    if (head) {
      if (!lex.generic.has(head)) hasSpecificHead = true;
      category = lex.heads.get(head) ?? category;
    }
  }
  if (!isNamed && !hasSpecificHead) return null;
  if (!isNamed && heads[last] && lex.generic.has(heads[last]) && !hasSpecificHead) return null;
  category = (heads[last] && !lex.generic.has(heads[last]) ? lex.heads.get(heads[last]) : null) ?? category ?? model?.category ?? 'military equipment';
  let makerToken: number | null = null;
  for (let k = first; k <= last; k++) if (/-(?:made|built|origin|manufactured|produced)$/i.test(tokens[k]!.text)) makerToken = k;
  // The phrase starts after a "X-made" word so that "French-made Caesar howitzers" names the Caesar howitzers.
  let nameFirst = first;
  if (makerToken !== null && makerToken < last) nameFirst = makerToken + 1;
  const start = tokens[nameFirst]!.start;
  const end = tokens[last]!.end;
  return {
    first,
    last,
    start,
    end,
    text: articleText.slice(start, end).replace(/['’]s$/, ''),
    count: partOfWhole(tokens, first, lex)?.part ?? (partOfWhole(tokens, first, lex) ? null : countBefore(tokens, first, lex)),
    category,
    model,
    isNamed,
    makerToken,
    batch: partOfWhole(tokens, first, lex) ? (batchBefore(tokens, first, lex) ?? 'part') : batchBefore(tokens, first, lex),
    partOf: partOfWhole(tokens, first, lex) ?? wholeAfter(tokens, last, countBefore(tokens, first, lex), lex),
    isTarget: TARGET_VERBS.test(lower(tokens[wordBefore(tokens, first)])) || isComparand(tokens, wordBefore(tokens, first)),
    isSubject: SUBJECT_VERBS.test(lower(tokens[last + 1])),
    isRemainder: isRemainderOfDeal(tokens, first),
  };
}
