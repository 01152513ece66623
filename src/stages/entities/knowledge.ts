/**
 * The knowledge files (data/countries, organizations, people, places) and the lookup indexes built
 * from them once per process: phrase -> what it names, by lower-cased token sequence.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { DataFiles } from '../../core/context.js';
import { DATA_DIR } from '../../core/context.js';
import { isWritingStartupCache, readStartupCache, StringTable, writeStartupCache, type StartupCache } from '../../core/startup-cache.js';
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
  /**
   * Cities that stand for the body when the news names them as an actor, as a government capital stands for its state
   * ("Brussels warned Budapest": the European Union); "in Brussels" stays the city.
   */
  seats?: string[];
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

/** Lower-cased phrase (tokens joined by one space) -> entries, most specific first: a Map, or the start-up cache's index. */
export interface PhraseIndex {
  get(key: string): GazetteerEntry[] | undefined;
  has(key: string): boolean;
}

/** First word -> the word counts of the phrases it starts (Knowledge.lengths): a Map, or the start-up cache's. */
export interface WordLengths {
  get(word: string): number[] | undefined;
}

/** The pairs of first words (Knowledge.pairs): a Set, or the start-up cache's. */
export interface PairSet {
  has(pair: string): boolean;
}

export interface Knowledge {
  countries: CountryRecord[];
  countryByCode: Map<string, CountryRecord>;
  organizations: OrganizationRecord[];
  people: PersonRecord[];
  /** Lower-cased phrase (tokens joined by one space) -> entries, most specific first. */
  phrases: PhraseIndex;
  /** Lower-cased first token -> the token lengths of phrases starting with it, longest first. */
  lengths: WordLengths;
  /** The first two tokens (joined by one space) of every phrase of two tokens or more: where a pair is not here, only a one-word phrase can start. */
  pairs: PairSet;
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
  return data.memo('entities/knowledge', () => {
    const cached = readStartupCache(CACHE_NAME, CACHE_SOURCES);
    if (cached) return cachedKnowledge(data, cached);
    const knowledge = buildKnowledge(data);
    if (isWritingStartupCache()) writeKnowledgeCache(data, knowledge);
    return knowledge;
  });
}

/** The records the index points into, as buildKnowledge reads them. */
function records(data: DataFiles): { countries: CountryRecord[]; organizations: OrganizationRecord[]; people: PersonRecord[] } {
  return {
    countries: data.load<{ countries: CountryRecord[] }>('countries').countries,
    organizations: [...data.load<{ organizations: OrganizationRecord[] }>('organizations').organizations, ...mediaOrganizations(data)],
    people: data.load<{ people: PersonRecord[] }>('people').people,
  };
}

function buildKnowledge(data: DataFiles): Knowledge {
  const { countries, organizations, people } = records(data);
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
  // Cities written "Name, qualifier" ("Washington, D.C."), by the name before the comma and the country.
  const qualified = new Map<string, PlaceRecord>();
  const spellingVariants: [string, PlaceRecord][] = [];
  for (const [name, type, lat, lon, country, population] of placeRows) {
    const key = phraseKey(name);
    const group = placeGroups.get(key) ?? [];
    const place = { name, type, lat, lon, country, population };
    group.push(place);
    placeGroups.set(key, group);
    const comma = name.indexOf(',');
    if (comma > 0 && type === 'city') qualified.set(`${country}\t${name.slice(0, comma)}`, place);
    // "Kramators’k", "Rafaḩ", "Zahlé": news writes a transliterated name without its apostrophes and diacritics
    // ("Kramatorsk", "Rafah", "Zahle")
    const plain = plainSpelling(name);
    if (plain !== name) spellingVariants.push([phraseKey(plain), place]);
    // Ukraine's cities as its national transliteration writes them, which news has used since 2022 ("Odesa", "Mykolaiv", "Izium")
    if (country === 'UKR' && type === 'city') for (const variant of ukrainianSpellings(plain)) spellingVariants.push([phraseKey(variant), place]);
    // Arab towns as the press writes them rather than the gazetteer's romanization ("Beit Lahia", "Deir al-Balah", "Khan Younis")
    if (country !== null && ARABIC_ROMANIZED.has(country) && type === 'city') {
      // a long "ū" is written "ou" (Khān Yūnis -> Khan Younis, Bayt Ḩānūn -> Beit Hanoun)
      const bases = /ū/.test(name) ? [plain, plainSpelling(name.replace(/ū/g, 'ou'))] : [plain];
      for (const base of bases) for (const variant of [base, ...arabicSpellings(base)]) if (variant !== name) spellingVariants.push([phraseKey(variant), place]);
    }
  }
  for (const [key, place] of spellingVariants) if (!placeGroups.has(key)) placeGroups.set(key, [place]);
  // "in Washington": a government capital as the countries file writes it names that country's city whose name
  // begins with it ("Washington, D.C."), before any smaller town of the same name elsewhere.
  for (const country of countries) {
    for (const capital of country.governmentCapitals) {
      const key = phraseKey(capital);
      const group = placeGroups.get(key) ?? [];
      const city = qualified.get(`${country.code}\t${capital}`);
      if (!city || group.some((p) => p.name === city.name)) continue;
      placeGroups.set(key, [city, ...group]);
    }
  }
  for (const [key, group] of placeGroups) addKey(key, { kind: 'place', places: group });
  return { countries, countryByCode: byCode(countries), organizations, people, phrases, lengths, pairs, ...wordLists(data) };
}

/**
 * A place name as news writes it: letters without their diacritics ("Ḩamāh" -> Hamah), and without the
 * apostrophes and ayn/hamza marks of a transliteration at a word's start or between letters ("Kramators’k"
 * -> Kramatorsk, "‘Afrīn" -> Afrin). A possessive "'s" at the end stays.
 */
export function plainSpelling(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/(?:(?<=\p{L})|(?<![\p{L}\p{N}]))['’‘ʿʾ`](?=\p{L})(?!s\b)/gu, '')
    .normalize('NFC');
}

/**
 * The spellings of a Ukrainian city name in the national transliteration, where the gazetteer has an
 * older one: "y" between vowels dropped (Mykolayiv -> Mykolaiv, Avdiyivka -> Avdiivka), "ya"/"yu"
 * or "ja" after a consonant as "ia"/"iu" (Berdyansk -> Berdiansk, Kupjansk -> Kupiansk), "g" as "h" (Energodar ->
 * Enerhodar), "ss" as "s" (Odessa -> Odesa); each change alone and all together.
 */
export function ukrainianSpellings(name: string): string[] {
  return respellings(name, UKRAINIAN_RULES);
}

const UKRAINIAN_RULES: readonly [RegExp, string][] = [
  [/(?<=[aeiou])y(?=[aeiou])/g, ''],
  [/(?<=[^aeiouy\s'’-])[yj](?=[au])/g, 'i'],
  [/(?<=\p{L})g/gu, 'h'],
  [/ss/g, 's'],
];

/** A name with each rule applied alone, and with all applied together; the name itself left out. */
function respellings(name: string, rules: readonly [RegExp, string][]): string[] {
  const out = new Set<string>();
  let all = name;
  for (const [pattern, by] of rules) {
    const one = name.replace(pattern, by);
    if (one !== name) out.add(one);
    all = all.replace(pattern, by);
  }
  if (all !== name) out.add(all);
  return [...out];
}

/** States whose town names the gazetteer gives in a formal romanization of Arabic. */
const ARABIC_ROMANIZED = new Set(['PSE', 'SYR', 'IRQ', 'LBN', 'YEM', 'JOR', 'EGY', 'LBY', 'SDN', 'SAU', 'ARE', 'OMN', 'KWT', 'QAT', 'BHR']);

/**
 * The spellings of an Arab town name as the press writes it, where the gazetteer has the formal romanization: "Dayr" as
 * "Deir" and "Bayt" as "Beit" (Dayr al Balah -> Deir al Balah, Bayt Lahya -> Beit Lahya), a closing "ya" as "ia" (Jabalya ->
 * Jabalia), the article joined to its noun (al Balah -> al-Balah); each change alone and all together.
 */
export function arabicSpellings(name: string): string[] {
  return respellings(name, ARABIC_RULES);
}

const ARABIC_RULES: readonly [RegExp, string][] = [
  [/\bDayr\b/g, 'Deir'],
  [/\bBayt\b/g, 'Beit'],
  [/(?<=\p{L})ya\b/gu, 'ia'],
  [/\b([Aa]l) (?=\p{L})/gu, '$1-'],
];

function byCode(countries: readonly CountryRecord[]): Map<string, CountryRecord> {
  const countryByCode = new Map<string, CountryRecord>();
  for (const country of countries) {
    countryByCode.set(country.code, country);
    countryByCode.set(country.alpha3, country);
  }
  return countryByCode;
}

function wordLists(data: DataFiles): { groupWords: Set<string>; firstNames: Set<string> } {
  return {
    groupWords: new Set(data.load<{ words: string[] }>('group-adjectives').words),
    firstNames: new Set(data.load<{ names: string[] }>('first-names').names),
  };
}

/*
 * The gazetteer's start-up cache (src/core/startup-cache.ts), for the bundle's page commands: the
 * phrase index built above, so that a process neither parses places.json (most of the phrases) nor
 * tokenizes the 25,000 names, nor fills Maps with them. The phrases, the first words (lengths) and
 * the pairs are StringTables looked up in place. A phrase's entries are JSON (countries,
 * organisations and people by their place in the lists records() reads, which the cache's sources
 * pin; places written out), read the first time the phrase is looked up, and kept; a first word's
 * lengths likewise. The sources are data/'s files: the bundle's commands read data/ through the one
 * shared DataFiles (createContext).
 */
const CACHE_NAME = 'gazetteer';
/** The files the index is built from; group-adjectives and first-names are read as they are. */
const CACHE_SOURCES = ['countries', 'organizations', 'outlets', 'people', 'places'].map((name) => path.join(DATA_DIR, `${name}.json`));

type CachedEntry = ['c', number, number] | ['o', number] | ['p', number, 0 | 1] | ['l', [string, string, number, number, string | null, number | null][]];
const FORMS = ['name', 'alias', 'demonym', 'capital'] as const;

function writeKnowledgeCache(data: DataFiles, knowledge: Knowledge): void {
  try {
    const sections = knowledgeSections(knowledge);
    // the cache is written only if reading it gives back this very index
    const back = cachedKnowledge(data, { meta: null, sections: sections.map((s) => new Uint8Array(s.buffer, s.byteOffset, s.byteLength)) });
    const phrases = knowledge.phrases as Map<string, GazetteerEntry[]>;
    const lengths = knowledge.lengths as Map<string, number[]>;
    const pairs = knowledge.pairs as Set<string>;
    const isSame =
      [...phrases].every(([key, entries]) => isDeepStrictEqual(back.phrases.get(key), entries)) &&
      [...lengths].every(([word, ls]) => isDeepStrictEqual(back.lengths.get(word), ls)) &&
      [...pairs].every((pair) => back.pairs.has(pair)) &&
      (back.pairs as CachedPairs).size === pairs.size &&
      (back.lengths as CachedLengths).size === lengths.size &&
      (back.phrases as CachedPhrases).size === phrases.size &&
      ['', 'no such phrase', 'no such'].every((key) => back.phrases.get(key) === phrases.get(key) && back.phrases.has(key) === phrases.has(key) && back.lengths.get(key) === lengths.get(key) && back.pairs.has(key) === pairs.has(key));
    if (!isSame) throw new Error('the cached gazetteer reads back different');
    writeStartupCache(CACHE_NAME, CACHE_SOURCES, null, sections);
  } catch (error) {
    process.stderr.write(`start-up cache ${CACHE_NAME} not written: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

function knowledgeSections(knowledge: Knowledge): ArrayBufferView[] {
  const phrases = knowledge.phrases as Map<string, GazetteerEntry[]>;
  const lengths = knowledge.lengths as Map<string, number[]>;
  const indexOf = <T>(list: readonly T[]): Map<T, number> => new Map(list.map((item, i) => [item, i]));
  const countryAt = indexOf(knowledge.countries);
  const orgAt = indexOf(knowledge.organizations);
  const personAt = indexOf(knowledge.people);
  const at = <T>(index: Map<T, number>, item: T): number => {
    const i = index.get(item);
    if (i === undefined) throw new Error('an entry names a record outside the lists');
    return i;
  };
  const encode = (e: GazetteerEntry): CachedEntry => {
    switch (e.kind) {
      case 'country':
        return ['c', FORMS.indexOf(e.form), at(countryAt, e.country)];
      case 'organization':
        return ['o', at(orgAt, e.org)];
      case 'person':
        return ['p', at(personAt, e.person), e.isFullName ? 1 : 0];
      case 'place':
        return ['l', e.places.map((p) => [p.name, p.type, p.lat, p.lon, p.country, p.population])];
    }
  };
  const texts = [...phrases.values()].map((entries) => Buffer.from(JSON.stringify(entries.map(encode)), 'utf8'));
  const entryStarts = new Int32Array(texts.length + 1);
  texts.forEach((t, i) => (entryStarts[i + 1] = (entryStarts[i] as number) + t.length));
  const lists = [...lengths.values()];
  const lengthStarts = new Int32Array(lists.length + 1);
  lists.forEach((ls, i) => (lengthStarts[i + 1] = (lengthStarts[i] as number) + ls.length));
  if (lists.some((ls) => ls.some((n) => n > 255))) throw new Error('a phrase of more than 255 words');
  return [
    ...StringTable.sections([...phrases.keys()]),
    Buffer.concat(texts),
    entryStarts,
    ...StringTable.sections([...lengths.keys()]),
    Uint8Array.from(lists.flat()),
    lengthStarts,
    ...StringTable.sections([...knowledge.pairs as Set<string>]),
  ];
}

/** A view of a section as `T` (the sections are 8-aligned). */
function view<T>(section: Uint8Array | undefined, make: new (buffer: ArrayBuffer, offset: number, length: number) => T, bytes: number): T {
  if (!section) throw new Error('start-up cache: a section is missing');
  return new make(section.buffer as ArrayBuffer, section.byteOffset, section.byteLength / bytes);
}

/** The phrase index over the cache's sections: a phrase's entries are decoded on its first lookup. */
class CachedPhrases implements PhraseIndex {
  readonly #keys: StringTable;
  readonly #decoded: (GazetteerEntry[] | undefined)[];
  readonly #text: Buffer;
  readonly #starts: Int32Array;
  readonly #records: ReturnType<typeof records>;
  constructor(keys: StringTable, text: Buffer, starts: Int32Array, lists: ReturnType<typeof records>) {
    this.#keys = keys;
    this.#decoded = [];
    this.#text = text;
    this.#starts = starts;
    this.#records = lists;
  }
  get size(): number {
    return this.#keys.size;
  }
  has(key: string): boolean {
    return this.#keys.indexOf(key) >= 0;
  }
  get(key: string): GazetteerEntry[] | undefined {
    const i = this.#keys.indexOf(key);
    if (i < 0) return undefined;
    return (this.#decoded[i] ??= this.#decode(i));
  }
  #decode(i: number): GazetteerEntry[] {
    const { countries, organizations, people } = this.#records;
    const json = this.#text.toString('utf8', this.#starts[i], this.#starts[i + 1]);
    return (JSON.parse(json) as CachedEntry[]).map((e): GazetteerEntry => {
      switch (e[0]) {
        case 'c':
          return { kind: 'country', form: FORMS[e[1]] as (typeof FORMS)[number], country: countries[e[2]] as CountryRecord };
        case 'o':
          return { kind: 'organization', org: organizations[e[1]] as OrganizationRecord };
        case 'p':
          return { kind: 'person', person: people[e[1]] as PersonRecord, isFullName: e[2] === 1 };
        case 'l':
          return { kind: 'place', places: e[1].map(([name, type, lat, lon, country, population]) => ({ name, type, lat, lon, country, population })) };
      }
    });
  }
}

/** First word -> the word counts of the phrases it starts, longest first, over the cache's sections. */
class CachedLengths implements WordLengths {
  readonly #words: StringTable;
  readonly #values: Uint8Array;
  readonly #starts: Int32Array;
  readonly #decoded: (number[] | undefined)[] = [];
  constructor(words: StringTable, values: Uint8Array, starts: Int32Array) {
    this.#words = words;
    this.#values = values;
    this.#starts = starts;
  }
  get size(): number {
    return this.#words.size;
  }
  get(word: string): number[] | undefined {
    const i = this.#words.indexOf(word);
    if (i < 0) return undefined;
    return (this.#decoded[i] ??= Array.from(this.#values.subarray(this.#starts[i], this.#starts[i + 1])));
  }
}

class CachedPairs implements PairSet {
  readonly #pairs: StringTable;
  constructor(pairs: StringTable) {
    this.#pairs = pairs;
  }
  get size(): number {
    return this.#pairs.size;
  }
  has(pair: string): boolean {
    return this.#pairs.indexOf(pair) >= 0;
  }
}

function cachedKnowledge(data: DataFiles, cached: StartupCache): Knowledge {
  const s = cached.sections;
  const table = (at: number): StringTable => new StringTable(view(s[at], Uint8Array, 1), view(s[at + 1], Uint8Array, 1), view(s[at + 2], Uint8Array, 1));
  const lists = records(data);
  const entries = view(s[3], Uint8Array, 1);
  const phrases = new CachedPhrases(table(0), Buffer.from(entries.buffer, entries.byteOffset, entries.byteLength), view(s[4], Int32Array, 4), lists);
  const lengths = new CachedLengths(table(5), view(s[8], Uint8Array, 1), view(s[9], Int32Array, 4));
  const pairs = new CachedPairs(table(10));
  return { ...lists, countryByCode: byCode(lists.countries), phrases, lengths, pairs, ...wordLists(data) };
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
