/**
 * Countries named in a text in any of 23 languages (data/country-names.json): the bridge that lets a
 * German, Spanish or Korean telling of a happening meet the English ones, which share no words with it.
 */
import type { Context } from '../core/context.js';

interface CountryNamesFile {
  names: Record<string, string[]>;
}

/** Lower case, no diacritics, one space between words: how names and texts are compared. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Scripts written without spaces between words (or with particles glued to nouns): matched as substrings. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/**
 * Inflected forms ("Schwedens", "schwedische", "российский") begin with the name less its last two
 * letters; only names of six letters or more are stemmed, so short names never match other words.
 */
const STEM_MIN_NAME = 6;
const STEM_CUT = 2;

interface CountryMatcher {
  /** Whole names of one word, and the first word of longer names with the rest to follow. */
  byFirstWord: Map<string, { words: string[]; code: string }[]>;
  stems: Map<string, string>;
  stemLengths: number[];
  unspaced: { name: string; code: string }[];
}

function buildMatcher(file: CountryNamesFile): CountryMatcher {
  const byFirstWord = new Map<string, { words: string[]; code: string }[]>();
  const stems = new Map<string, string>();
  const unspaced: { name: string; code: string }[] = [];
  for (const [code, names] of Object.entries(file.names)) {
    for (const name of names) {
      if (UNSPACED.test(name)) {
        unspaced.push({ name: name.replace(/ /g, ''), code });
        continue;
      }
      const words = name.split(' ');
      const list = byFirstWord.get(words[0]!) ?? [];
      list.push({ words, code });
      byFirstWord.set(words[0]!, list);
      if (words.length === 1 && [...name].length >= STEM_MIN_NAME) stems.set(name.slice(0, -STEM_CUT), code);
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const stemLengths = [...new Set([...stems.keys()].map((s) => s.length))].sort((a, b) => b - a);
  return { byFirstWord, stems, stemLengths, unspaced };
}

/** CAMEO codes of the countries a text names, in any language the lexicon holds. */
export function countriesNamed(text: string, ctx: Context): Set<string> {
  return countryMentions(text, ctx).codes;
}

/** The countries a text names, and the (normalised) words that named them. */
export function countryMentions(text: string, ctx: Context): { codes: Set<string>; words: Set<string> } {
  const matcher = ctx.data.memo('stories/country-names', () =>
    buildMatcher(ctx.data.load<CountryNamesFile>('country-names')),
  );
  const found = new Set<string>();
  const naming = new Set<string>();
  const normal = normalizeName(text);
  const words = normal.split(' ');
  // The same words with their case: in a script with capitals a country's name is written with one
  // ("Island" is Iceland, "island" is not).
  const cased = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ');
  const isCapitalised = (i: number): boolean => {
    const first = cased[i]?.[0] ?? '';
    return first !== first.toLowerCase() || first.toLowerCase() === first.toUpperCase();
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!isCapitalised(i)) continue;
    const candidates = matcher.byFirstWord.get(word);
    const whole = candidates?.find((c) => c.words.every((w, k) => words[i + k] === w));
    if (whole) {
      found.add(whole.code);
      for (const w of whole.words) naming.add(w);
      i += whole.words.length - 1;
      continue;
    }
    for (const length of matcher.stemLengths) {
      if (word.length < length + STEM_CUT) continue;
      const code = matcher.stems.get(word.slice(0, length));
      if (code) {
        found.add(code);
        naming.add(word);
        break;
      }
    }
  }
  if (UNSPACED.test(text)) {
    const compact = normal.replace(/ /g, '');
    for (const { name, code } of matcher.unspaced) if (compact.includes(name)) found.add(code);
  }
  return { codes: found, words: naming };
}
