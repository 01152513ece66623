/**
 * The knowledge files (data/countries, organizations, people, places) and the lookup indexes built
 * from them once per process: phrase -> what it names, by lower-cased token sequence.
 */
import type { DataFiles } from '../../core/context.js';
import { tokenize } from '../sentences/tokenize.js';

export interface CountryRecord {
  code: string;
  alpha3: string;
  alpha2: string;
  fips: string | null;
  name: string;
  aliases: string[];
  demonyms: string[];
  capital: string | null;
  governmentCapitals: string[];
  lat: number;
  lon: number;
  region: string;
  subregion: string | null;
  independent: boolean;
}

export interface OrganizationRecord {
  id: string;
  name: string;
  code: string;
  kind: string;
  country?: string;
  aliases: string[];
}

export interface Office {
  role: string;
  from: string;
  to: string | null;
}

export interface PersonRecord {
  id: string;
  name: string;
  country: string;
  code: string;
  aliases: string[];
  offices: Office[];
}

export interface PlaceRecord {
  name: string;
  type: string;
  lat: number;
  lon: number;
  country: string | null;
  population: number | null;
}

/** What a gazetteer phrase names. */
export type GazetteerEntry =
  | { kind: 'country'; form: 'name' | 'alias' | 'demonym' | 'capital'; country: CountryRecord }
  | { kind: 'organization'; org: OrganizationRecord }
  | { kind: 'person'; person: PersonRecord; isFullName: boolean }
  | { kind: 'place'; places: PlaceRecord[] };

export interface Knowledge {
  countries: CountryRecord[];
  countryByCode: Map<string, CountryRecord>;
  organizations: OrganizationRecord[];
  people: PersonRecord[];
  /** Lower-cased phrase (tokens joined by one space) -> entries, most specific first. */
  phrases: Map<string, GazetteerEntry[]>;
  /** Lower-cased first token -> the token lengths of phrases starting with it, longest first. */
  lengths: Map<string, number[]>;
  /** The first two tokens (joined by one space) of every phrase of two tokens or more: where a pair is not here, only a one-word phrase can start. */
  pairs: Set<string>;
  /** Group adjectives and names ("Moslem", "Kurdish"), as written: never a place, a person or an organisation. */
  groupWords: Set<string>;
  /** Common given names as written ("Sergei", "Maria"): a capitalised word after one is a person's name. */
  firstNames: Set<string>;
}

/** Words of ASCII letters with single spaces between: the tokenizer splits them at the spaces and nowhere else. */
const PLAIN_PHRASE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/** The lower-cased token key of a phrase, as the gazetteer indexes it. */
export function phraseKey(phrase: string): string {
  // Most of the 25,000 knowledge phrases are plain words; skipping the tokenizer for them is most of start-up's index time.
  if (PLAIN_PHRASE.test(phrase)) return phrase.toLowerCase();
  return tokenize(phrase)
    .map((t) => t.text.toLowerCase())
    .join(' ');
}

/** An outlet of data/outlets.json as the entities stage reads it: those with an `id` are named in articles. */
interface OutletEntry {
  name: string;
  aliases?: string[];
  id?: string;
  code?: string;
  country?: string;
}

/** News outlets and agencies live in data/outlets.json only (the reliability directory reads it too): those with an id are organisations of kind media. */
function mediaOrganizations(data: DataFiles): OrganizationRecord[] {
  const out: OrganizationRecord[] = [];
  for (const o of data.load<{ outlets: OutletEntry[] }>('outlets').outlets) {
    if (!o.id) continue;
    const record: OrganizationRecord = { id: o.id, name: o.name, code: o.code ?? 'MED', kind: 'media', aliases: [...(o.aliases ?? [])] };
    if (o.country) record.country = o.country;
    out.push(record);
  }
  return out;
}

/**
 * Word (lower case, digits as 0) -> its bit string in the word-cluster tree of data/word-clusters.json
 * (scripts/word-clusters.ts), read once, only for a tagger model trained with cluster features.
 */
export function loadClusters(data: DataFiles): ReadonlyMap<string, string> {
  return data.memo('entities/word-clusters', () => {
    const clusters = new Map<string, string>();
    for (const [bits, words] of Object.entries(data.load<{ clusters: Record<string, string> }>('word-clusters').clusters)) for (const w of words.split(' ')) clusters.set(w, bits);
    return clusters;
  });
}

/** Builds (once per DataFiles) the knowledge indexes. */
export function loadKnowledge(data: DataFiles): Knowledge {
  return data.memo('entities/knowledge', () => buildKnowledge(data));
}

function buildKnowledge(data: DataFiles): Knowledge {
  const countries = data.load<{ countries: CountryRecord[] }>('countries').countries;
  const organizations = [...data.load<{ organizations: OrganizationRecord[] }>('organizations').organizations, ...mediaOrganizations(data)];
  const people = data.load<{ people: PersonRecord[] }>('people').people;
  const placeRows = data.load<{ places: [string, string, number, number, string | null, number | null][] }>('places').places;
  const phrases = new Map<string, GazetteerEntry[]>();
  const lengths = new Map<string, number[]>();
  const pairs = new Set<string>();
  const addKey = (key: string, entry: GazetteerEntry): void => {
    if (!key) return;
    const list = phrases.get(key);
    if (list) list.push(entry);
    else phrases.set(key, [entry]);
    const words = key.split(' ');
    const n = words.length;
    const first = words[0] as string;
    if (n >= 2) pairs.add(first + ' ' + (words[1] as string));
    const ls = lengths.get(first);
    if (!ls) lengths.set(first, [n]);
    else if (!ls.includes(n)) {
      ls.push(n);
      ls.sort((a, b) => b - a);
    }
  };
  const add = (phrase: string, entry: GazetteerEntry): void => addKey(phraseKey(phrase), entry);
  // Order matters: the first entry of a phrase wins ties, so countries and organisations come first.
  for (const country of countries) {
    add(country.name, { kind: 'country', form: 'name', country });
    for (const alias of country.aliases) add(alias, { kind: 'country', form: 'alias', country });
    for (const demonym of country.demonyms) add(demonym, { kind: 'country', form: 'demonym', country });
    for (const capital of country.governmentCapitals) add(capital, { kind: 'country', form: 'capital', country });
  }
  for (const org of organizations) {
    add(org.name, { kind: 'organization', org });
    for (const alias of org.aliases) add(alias, { kind: 'organization', org });
  }
  for (const person of people) {
    add(person.name, { kind: 'person', person, isFullName: true });
    for (const alias of person.aliases) add(alias, { kind: 'person', person, isFullName: alias.includes(' ') });
  }
  const placeGroups = new Map<string, PlaceRecord[]>();
  for (const [name, type, lat, lon, country, population] of placeRows) {
    const key = phraseKey(name);
    const group = placeGroups.get(key) ?? [];
    group.push({ name, type, lat, lon, country, population });
    placeGroups.set(key, group);
  }
  for (const [key, group] of placeGroups) addKey(key, { kind: 'place', places: group });
  const countryByCode = new Map<string, CountryRecord>();
  for (const country of countries) {
    countryByCode.set(country.code, country);
    countryByCode.set(country.alpha3, country);
  }
  const groupWords = new Set(data.load<{ words: string[] }>('group-adjectives').words);
  const firstNames = new Set(data.load<{ names: string[] }>('first-names').names);
  return { countries, countryByCode, organizations, people, phrases, lengths, pairs, groupWords, firstNames };
}

/** Scratch for longestMatch: WORD_ENDS[n] is where the first n words of the joined phrase end. */
const WORD_ENDS: number[] = [];

/** Longest gazetteer phrase starting at token `i` (tokens lower-cased), or null. */
export function longestMatch(
  knowledge: Knowledge,
  lower: readonly string[],
  i: number,
): { length: number; entries: GazetteerEntry[] } | null {
  const first = lower[i] as string;
  const ls = knowledge.lengths.get(first);
  if (!ls) return null;
  // the longest phrase that fits is joined once; shorter keys are its prefixes, ending at WORD_ENDS[n]
  let joined = first;
  let joinedLength = 1;
  // whether a phrase of two words or more may start here (its first two words are a known pair)
  let isMulti = true;
  for (const n of ls) {
    if (i + n > lower.length) continue;
    let key: string;
    if (n === 1) key = first;
    else {
      if (!isMulti) continue;
      if (joinedLength === 1) {
        const pair = first + ' ' + (lower[i + 1] as string);
        if (!knowledge.pairs.has(pair)) {
          isMulti = false;
          continue;
        }
        WORD_ENDS[1] = first.length;
        WORD_ENDS[2] = pair.length;
        joined = pair;
        for (let k = 2; k < n; k++) {
          joined += ' ' + (lower[i + k] as string);
          WORD_ENDS[k + 1] = joined.length;
        }
        joinedLength = n;
      }
      key = n === joinedLength ? joined : joined.slice(0, WORD_ENDS[n]);
    }
    const entries = knowledge.phrases.get(key);
    if (entries) return { length: n, entries };
  }
  return null;
}

/** A gazetteer phrase found at a token: [start, start + length). */
export interface PhraseMatch {
  start: number;
  length: number;
  entries: GazetteerEntry[];
}

/** Longest phrases from left to right, each skipped over once found (lower-cased tokens). */
export function phraseMatches(knowledge: Knowledge, lower: readonly string[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (let i = 0; i < lower.length; ) {
    const m = longestMatch(knowledge, lower, i);
    if (!m) {
      i++;
      continue;
    }
    out.push({ start: i, length: m.length, entries: m.entries });
    i += m.length;
  }
  return out;
}
