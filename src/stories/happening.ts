/**
 * A happening's signature, read from an article's text in any language: content-word stems (which
 * rewrites in one language share), and names, countries, designations and numbers (which survive
 * translation), each weighted by how rare it is in news (data/story-rarity.json plus the store's own
 * articles). Two tellings are compared by the cosine of these weights.
 */
import { createRequire } from 'node:module';
import type { Context } from '../core/context.js';
import { countryMentions, normalizeName } from './country-names.js';

/** Characters kept of a content word: five bridge inflections (strikes/striking, nuclear/nucléaire). */
export const STEM_LENGTH = 5;
/** Characters kept of a capitalised word: six keep names apart (Kristersson, Kristof) yet join Schweden/Schwedens. */
export const NAME_LENGTH = 6;
/** Text read for the signature: the happening is told at the top; later paragraphs drift into background. */
export const SIGNATURE_CHARS = 3000;

export interface HappeningKeys {
  /** Content-word stems with their counts (title words count twice). */
  terms: Record<string, number>;
  /**
   * Keys that cross languages: `c:PRK` (a country named in any language), `w:kristers` (a capitalised
   * word), `d:f-16` (a designation mixing letters and digits), `n:5.7` (a number).
   */
  names: string[];
}

const require = createRequire(import.meta.url);
let stopwords: Set<string> | undefined;

/** Function words of 58 languages (stopwords-iso), normalised like the text. */
function stopwordSet(): Set<string> {
  if (!stopwords) {
    const lists = require('stopwords-iso') as Record<string, string[]>;
    stopwords = new Set(Object.values(lists).flatMap((list) => list.map(normalizeName)));
  }
  return stopwords;
}

/** Month and weekday names are capitalised in English but name no actor or place, and every week has them: no keys. */
const CALENDAR_WORDS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’.,-]*[\p{L}\p{N}\p{M}])?/gu;

/** The signature keys of a title and text. */
export function happeningKeys(title: string, text: string, ctx: Context): HappeningKeys {
  const stop = stopwordSet();
  const terms = new Map<string, number>();
  const names = new Set<string>();
  const body = text.slice(0, SIGNATURE_CHARS);
  // A country is one key however it is written ("Lithuania", "Lithuanian", "Litauen"): its words add no name key.
  const countries = countryMentions(`${title}\n${body}`, ctx);
  const read = (part: string, weight: number): void => {
    for (const match of part.matchAll(TOKEN)) {
      const token = match[0].replace(/['’]s$/u, '');
      if (/^\p{N}/u.test(token)) {
        const number = normalizeNumber(token);
        if (number) names.add(`n:${number}`);
        continue;
      }
      const word = normalizeName(token).replace(/ /g, '');
      if (/\p{N}/u.test(word)) {
        names.add(`d:${normalizeName(token).replace(/ /g, '-')}`);
        continue;
      }
      if (stop.has(word) || word.length < 3 || CALENDAR_WORDS.has(word)) continue;
      if (/^\p{Lu}/u.test(token) && !countries.words.has(word)) names.add(`w:${word.slice(0, NAME_LENGTH)}`);
      if (word.length >= 4) {
        const stem = word.slice(0, STEM_LENGTH);
        terms.set(stem, (terms.get(stem) ?? 0) + weight);
      }
    }
  };
  read(title, 2);
  read(body, 1);
  for (const code of countries.codes) names.add(`c:${code}`);
  return { terms: Object.fromEntries(terms), names: [...names].sort() };
}

/**
 * A number as a key: thousands separators dropped, a decimal comma made a point ("5,7" = "5.7");
 * years and numbers of one digit are left out (every article has them).
 */
export function normalizeNumber(token: string): string | null {
  let number = token.replace(/[^\d.,]+.*$/u, '');
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(number)) number = number.replace(/[.,]/g, '');
  else number = number.replace(',', '.').replace(/\.$/, '');
  if (!/^\d+(?:\.\d+)?$/.test(number)) return null;
  if (number.length < 2 || /^(?:19|20)\d\d$/.test(number)) return null;
  return number;
}

/** Document frequencies of keys in a background of news text, so the common and the telling are told apart. */
export interface Rarity {
  docs: number;
  df: Record<string, number>;
}

/** Inverse document frequency of keys over the background and the articles at hand. */
export class KeyWeights {
  readonly #background: Rarity;
  readonly #local = new Map<string, number>();
  #localDocs = 0;
  constructor(background: Rarity) {
    this.#background = background;
  }
  /** Counts one article's keys among the articles at hand. */
  add(keys: HappeningKeys): void {
    this.#localDocs++;
    for (const term of Object.keys(keys.terms)) this.#local.set(`t:${term}`, (this.#local.get(`t:${term}`) ?? 0) + 1);
    for (const name of keys.names) this.#local.set(name, (this.#local.get(name) ?? 0) + 1);
  }
  /** ln((N + 1) / (df + 1)) over background and local articles together. */
  idf(key: string): number {
    const docs = this.#background.docs + this.#localDocs;
    const df = (this.#background.df[key] ?? 0) + (this.#local.get(key) ?? 0);
    return Math.log((docs + 1) / (df + 1));
  }
}

/** A signature weighted and normalised, ready for cosines. */
export interface WeightedSignature {
  terms: Map<string, number>;
  names: Map<string, number>;
}

/** Weighs a signature's keys by rarity and normalises each part to unit length. */
export function weighSignature(keys: HappeningKeys, weights: KeyWeights): WeightedSignature {
  const terms = new Map<string, number>();
  for (const [term, count] of Object.entries(keys.terms))
    terms.set(term, (1 + Math.log(count)) * weights.idf(`t:${term}`));
  const names = new Map<string, number>();
  for (const name of keys.names) names.set(name, weights.idf(name));
  return { terms: normalize(terms), names: normalize(names) };
}

function normalize(vector: Map<string, number>): Map<string, number> {
  let norm = 0;
  for (const w of vector.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [key, w] of vector) vector.set(key, w / norm);
  return vector;
}
