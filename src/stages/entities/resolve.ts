/**
 * Finds the candidate mentions of one sentence: titled people (rule), gazetteer phrases (countries,
 * organisations, known people, places) and the tagger's spans, in that order of trust.
 */
import type { Token } from '../../core/doc.js';
import type { GazetteerEntry, Knowledge, OrganizationRecord } from './knowledge.js';
import { longestMatch, phraseMatches } from './knowledge.js';
import type { RoleEntry, RoleIndex } from './roles.js';
import { titleStartingAt } from './roles.js';
import type { DocLexicon, Tag, WeightTable } from './tagger.js';
import { gazetteerClasses, tagWords } from './tagger.js';

/** The tagger's rule id. */
export const MODEL_RULE = 'entities/model:ner';

export type CandidateKind = 'person' | 'organization' | 'location' | 'demonym' | 'ministry' | 'reference';

/** A span of one sentence's tokens [start, end) that names something. */
export interface Candidate {
  start: number;
  end: number;
  kind: CandidateKind;
  /** What the gazetteer knows about the phrase, if anything. */
  entries: GazetteerEntry[];
  /** Rule id that produced the candidate. */
  rule: string;
  /** What kind of evidence made it: the tagger's guess, a listed name, a rule of English, a copy of a name found elsewhere in the article. */
  origin: 'model' | 'gazetteer' | 'rule' | 'copy';
  role?: RoleEntry;
  /** Alpha-3 of a country named next to the person or ministry ("Russian Defense Minister", "of Russia"). */
  country?: string;
  /** The actor code of a body named right before a person's title ("Houthi military spokesman", "Pentagon spokesman"). */
  bodyCode?: string;
  /** For ministries: the CAMEO agent (MIL, GOV) and a name. */
  sector?: string;
  label?: string;
  /** Whether the sentence is in capitals (a headline), where shapes tell little. */
  isShouting?: boolean;
}

const NAME_WORD = /^(?:[A-Z][\p{L}'’.-]*|[A-Z]\.)$/u;
const NAME_PARTICLE = new Set(['al-', 'bin', 'ibn', 'de', 'van', 'von', 'der', 'la', 'le', 'da', 'del', 'al', 'el']);
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'to', 'outside', 'into', 'across', 'around', 'toward', 'towards', 'via']);
const MINISTRY = /^(?:defen[cs]e|foreign|interior|foreign affairs|finance|emergencies|emergency situations)$/;
/** "Ohio-based", "London-based": where something is based, written before its name. */
export const BASED = /^[\p{L}.]+-based$/u;
/** Month and weekday names the tagger sometimes takes for names in datelines ("Nov 16"). */
const CALENDAR_WORD = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\.?$|^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** Last words that make a name a place: "Second Thomas Shoal", "West Philippine Sea", "Panjshir Valley". */
const GEO_HEADS = /^(?:sea|seas|ocean|strait|straits|gulf|bay|shoal|reef|reefs|island|islands|isles|peninsula|river|lake|mountains|mountain|mount|valley|desert|plateau|canal|channel|province|region|district|oblast|governorate|county|corridor|border|coast|heights|pass|airport|airbase|harbour|harbor|port|street|road|avenue|boulevard|square|bridge)$/;
/** Last words of place names besides GEO_HEADS: "Gaza Strip", "Mexico City", "Tigray State", "Orange County". */
const PLACE_TAIL = /^(?:strip|city|town|state|states|territory|territories|zone|basin|delta|hills|highlands|plain|plains|park|forest|coast|west|east|north|south|central|island|bank|point|beach|springs|falls|heights|hill|bay|creek|county|parish|prefecture|municipality|oblast|krai|republic|kingdom|emirate)$/;
const FORCE_WORDS = new Set(['army', 'navy', 'air force', 'armed forces', 'military', 'troops', 'forces', 'border guards', 'border guard']);

/** Short capitals-only aliases ("US", "IS", "UN") must match exactly and not in a headline in capitals. */
function isCaseValid(words: readonly string[], start: number, end: number, entry: GazetteerEntry, isShouting: boolean): boolean {
  const first = words[start] as string;
  const last = words[end - 1] as string;
  // "al-Shabaab", "al-Qaeda", "el-Sisi": a lower-case article joined by a hyphen to a capitalised name is written so
  const isArticleName = (w: string): boolean => /^\p{Ll}{1,3}-\p{Lu}/u.test(w);
  if (!(/^[\p{Lu}\d]/u.test(first) || isArticleName(first)) || !(/^[\p{Lu}\d]/u.test(last) || isArticleName(last))) return false;
  if (end - start === 1 && first.length <= 3 && /^[A-Z]+$/.test(first)) {
    if (isShouting) return false;
    const names = entryNames(entry);
    return names.includes(first);
  }
  return true;
}

function entryNames(entry: GazetteerEntry): string[] {
  switch (entry.kind) {
    case 'country':
      return [entry.country.name, ...entry.country.aliases, ...entry.country.demonyms, ...entry.country.governmentCapitals];
    case 'organization':
      return [entry.org.name, ...entry.org.aliases];
    case 'person':
      return [entry.person.name, ...entry.person.aliases];
    case 'place':
      return entry.places.map((p) => p.name);
  }
}

/** Tagger spans: [start, end, type] from BIO tags. */
function taggedSpans(tags: readonly Tag[], words: readonly string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (tag === 'O' || tag.startsWith('I-')) continue;
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I-' + tag.slice(2)) j++;
    // a name does not run across a dash, comma or colon standing alone: "Romania - Ilie Dumitrescu" is two;
    // nor across a word in lower case that joins no name's words ("Qatar mediate Gaza" in a headline is two names and a verb)
    let s = i;
    for (let k = i; k < j; k++) {
      if (!SEPARATOR.test(words[k] as string) && !(k > i && k < j - 1 && isLowerWord(words[k] as string) && !NAME_JOINERS.has(words[k] as string))) continue;
      if (k > s) out.push([s, k, tag.slice(2)]);
      s = k + 1;
    }
    if (j > s) out.push([s, j, tag.slice(2)]);
  }
  return out;
}

/** A word in lower case throughout ("eastern"), unlike a name that starts with a particle ("al-Qaida"). */
function isLowerWord(w: string): boolean {
  return /^\p{Ll}/u.test(w) && !/\p{Lu}/u.test(w);
}

/** Lower-case words inside names: "Bank of America", "Gulf of Aden", "Osama bin Laden", "Ministry for Foreign Affairs". */
const NAME_JOINERS = new Set(['of', 'and', 'the', 'for', 'de', 'du', 'da', 'di', 'del', 'della', 'dello', 'delle', 'degli', 'dei', 'des', 'sur', 'zu', 'am', 'im', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'ter', 'ten', 'al', 'bin', 'ibn', 'el', 'y', 'e', 'on', 'upon', 'at', 'in', 'und', 'dos', 'das', 'do', 'na', 'an', 'a', 'to', 'et']);

/** Tokens that separate two names rather than join words of one. */
const SEPARATOR = /^(?:-|--|–|—|,|:|;|\/|\|)$/;

/** "Derbyshire and Surrey": a tagged span that joins two listed names with "and" is two names. */
function splitLists(spans: [number, number, string][], lower: readonly string[], gazAt: ReadonlyMap<number, { end: number; entries: GazetteerEntry[] }>): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (const span of spans) {
    const [s, e, type] = span;
    const left = gazAt.get(s);
    const k = left?.end ?? -1;
    const right = k > s && k + 1 < e && lower[k] === 'and' ? gazAt.get(k + 1) : undefined;
    const isName = (g: { entries: GazetteerEntry[] }): boolean => g.entries[0]?.kind === 'place' || g.entries[0]?.kind === 'country';
    if (left && right && right.end === e && isName(left) && isName(right)) out.push([s, k, type], [k + 1, e, type]);
    else if (e - s === 3 && lower[s + 1] === 'and' && ((left && isName(left)) || (gazAt.get(s + 2) && isName(gazAt.get(s + 2) as { entries: GazetteerEntry[] })))) out.push([s, s + 1, type], [s + 2, e, type]);
    else out.push(...splitBeforeListedName(s, e, type, lower, gazAt));
  }
  return out;
}

/** A company's legal form, the last word of its name ("Corp.", "Ltd"). */
const LEGAL_FORM = /^(?:inc|corp|co|ltd|plc|llc|ag|sa|nv|gmbh|bhd|pty)\.?$/;

/**
 * "the Brenvik Herald and Xinhua": a tagged span whose words after "and" are a listed name of their own
 * is two names, unless the whole span is listed ("Bosnia and Herzegovina", "Trinidad and Tobago").
 * A legal form closes a company's name, so "Halvik Marine Ltd. and Ostrava Steel" is two names too.
 */
function splitBeforeListedName(s: number, e: number, type: string, lower: readonly string[], gazAt: ReadonlyMap<number, { end: number; entries: GazetteerEntry[] }>): [number, number, string][] {
  if (gazAt.get(s)?.end === e) return [[s, e, type]];
  for (let k = s + 1; k + 1 < e; k++) {
    if (lower[k] !== 'and') continue;
    if (gazAt.get(k + 1)?.end === e) return [[s, k, type], [k + 1, e, type]];
    if (LEGAL_FORM.test(lower[k - 1] as string)) return [[s, k, type], ...splitBeforeListedName(k + 1, e, type, lower, gazAt)];
  }
  return [[s, e, type]];
}

export interface SentenceInput {
  tokens: readonly Token[];
  knowledge: Knowledge;
  roles: RoleIndex;
  weights: WeightTable;
  /** What the rest of the article says about each word form (tagger features). */
  doc?: DocLexicon;
  /** Rule ids of phases to leave out (bench/ner.ts --skip measures what each one adds). */
  skip?: ReadonlySet<string>;
}

function countryOf(entries: readonly GazetteerEntry[]): string | undefined {
  for (const e of entries) if (e.kind === 'country') return e.country.code;
  return undefined;
}

interface GazMatch {
  start: number;
  end: number;
  entries: GazetteerEntry[];
}

/** One sentence as the phases read it: words, gazetteer matches (indexed by start, end and token), tags, claimed tokens. */
interface SentenceState {
  words: string[];
  lower: string[];
  n: number;
  tags: Tag[];
  isShouting: boolean;
  knowledge: Knowledge;
  roles: RoleIndex;
  gaz: GazMatch[];
  gazAt: Map<number, GazMatch>;
  gazEnd: Map<number, GazMatch[]>;
  /** The gazetteer match covering each token, if any (matches do not overlap). */
  covering: (GazMatch | undefined)[];
  claimed: Uint8Array;
  out: Candidate[];
}

function claim(st: SentenceState, c: Candidate): void {
  for (let k = c.start; k < c.end; k++) st.claimed[k] = 1;
  st.out.push(c);
}

function isFree(st: SentenceState, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (st.claimed[k]) return false;
  return true;
}

/** "Russian", "Russia's", "Russia" right before token `end`: the country and where its name starts. */
function countryBefore(st: SentenceState, end: number): { start: number; country: string } | null {
  let e = end;
  if (e > 0 && /^['’]s$/.test(st.words[e - 1] as string)) e--;
  for (const g of st.gazEnd.get(e) ?? []) {
    const code = countryOf(g.entries);
    if (code) return { start: g.start, country: code };
  }
  return null;
}

/** Forces named between a country and a title, and their CAMEO sectors. */
const FORCE_SECTORS: Readonly<Record<string, string>> = { army: 'MIL', military: 'MIL', navy: 'MIL', police: 'COP' };

/** The listed body whose name ends right before `end`, a modifier or two ("military", "army") between: "Houthi military". */
function bodyBefore(st: SentenceState, end: number): { org: OrganizationRecord } | null {
  for (let e = end, k = 0; e > 0 && k <= 2; e--, k++) {
    for (const g of st.gazEnd.get(e) ?? []) {
      const first = g.entries[0];
      if (first?.kind === 'organization') return { org: first.org };
    }
    if (!/^(?:military|army|armed|security|media|press|foreign|defence|defense|political|chief)$/i.test(st.words[e - 1] as string)) break;
  }
  return null;
}

/** The candidates of one sentence, non-overlapping except that demonyms may sit inside a name; phases run in order of trust. */
export function sentenceCandidates(input: SentenceInput): Candidate[] {
  const st = readSentence(input);
  const skip = input.skip;
  const run = (id: string, phase: (st: SentenceState) => void): void => {
    if (!skip?.has(id)) phase(st);
  };
  run('entities/dateline', findDateline);
  run('entities/titled-person', findTitledPeople);
  run('entities/ministry', findMinistries);
  run('entities/given-name', findGivenNames);
  resolveTaggedSpans(st);
  run('entities/gazetteer', addGazetteerPhrases);
  run('entities/city-after-locative', preferCityAfterLocative);
  run('entities/role-reference', findRoleReferences);
  return st.out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Words, gazetteer phrases (case checked; where a phrase fails, shorter ones inside it are tried) and the tagger's tags. */
function readSentence({ tokens, knowledge, roles, weights, doc }: SentenceInput): SentenceState {
  const words = tokens.map((t) => t.text);
  const lower = words.map((w) => w.toLowerCase());
  const n = words.length;
  const matches = phraseMatches(knowledge, lower);
  const tags = tagWords(words, weights, knowledge, gazetteerClasses(knowledge, lower, matches), doc);
  // most ASCII letters in capitals (counted without building the joined string)
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      if (c >= 65 && c <= 90) {
        upper++;
        letters++;
      } else if (c >= 97 && c <= 122) letters++;
    }
  }
  const isShouting = letters > 6 && upper / letters > 0.8;
  const st: SentenceState = {
    words, lower, n, tags, isShouting, knowledge, roles,
    gaz: [], gazAt: new Map(), gazEnd: new Map(), covering: new Array<GazMatch | undefined>(n), claimed: new Uint8Array(n), out: [],
  };
  const keep = (start: number, length: number, entries: GazetteerEntry[]): boolean => {
    if (!entries[0] || !isCaseValid(words, start, start + length, entries[0], isShouting)) return false;
    const g = { start, end: start + length, entries };
    st.gaz.push(g);
    st.gazAt.set(start, g);
    const ending = st.gazEnd.get(g.end);
    if (ending) ending.push(g);
    else st.gazEnd.set(g.end, [g]);
    for (let k = g.start; k < g.end; k++) st.covering[k] = g;
    return true;
  };
  for (const m of matches) {
    if (keep(m.start, m.length, m.entries)) continue;
    // a listed phrase whose case does not fit ("M23 rebels", listed for the lower-case word, written "M23 Rebels" nowhere)
    // may hold a shorter listed one at its start ("M23"), then others inside it
    let i = m.start + 1;
    for (let length = m.length - 1; length >= 1; length--) {
      const entries = knowledge.phrases.get(lower.slice(m.start, m.start + length).join(' '));
      if (entries && keep(m.start, length, entries)) {
        i = m.start + length;
        break;
      }
    }
    for (; i < m.start + m.length; ) {
      const inner = longestMatch(knowledge, lower, i);
      if (inner && keep(i, inner.length, inner.entries)) i += inner.length;
      else i++;
    }
  }
  return st;
}

/** A word of a dateline's place, in capitals: "VELMORA", "PORT-SALVE", "ST." */
const DATELINE_WORD = /^\p{Lu}[\p{Lu}.'’-]*$/u;
/** What follows a dateline's place: a date (ISO here; a month and a day below). A dash does not do: "MARKETS - ROUNDUP" is a headline's topic. */
const DATELINE_NEXT = /^\d{4}-\d\d-\d\d$/;
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(?:january|february|march|april|june|july|august|september|october|november|december)$/i;

/**
 * A news wire's dateline: the place in capitals that opens the story, then optionally its region, then the
 * date ("VELMORA, Kyrgyzstan 2019-04-11", "ORVIK, March 3 (Reuters) -").
 * The capitals make the tagger's shapes useless there; the construction says it is a place.
 */
function findDateline(st: SentenceState): void {
  const { words, n } = st;
  let k = 0;
  while (k < n && k < 4 && DATELINE_WORD.test(words[k] as string) && /\p{Lu}{2}/u.test(words[k] as string)) k++;
  if (k === 0 || k >= n) return;
  // "FRIDAY, AUGUST 30": a day's name in capitals opens a date line, not a place
  if (WEEKDAY.test(words[0] as string)) return;
  let j = k;
  // ", March 4": the date right after the comma
  if (words[j] === ',' && MONTH.test(words[j + 1] ?? '')) j++;
  // ", Region": one to three capitalised words after a comma
  else if (words[j] === ',') {
    j++;
    const from = j;
    while (j < n && j - from < 3 && /^\p{Lu}/u.test(words[j] as string) && !MONTH.test(words[j] as string)) j++;
    if (j === from) return;
    if (words[j] === ',') j++;
  }
  const next = words[j] ?? '';
  const isDate = DATELINE_NEXT.test(next) || (MONTH.test(next) && /^\d{1,2}$/.test(words[j + 1] ?? ''));
  if (!isDate || !isFree(st, 0, k)) return;
  const listed = st.gazAt.get(0);
  const entries = listed && listed.end === k && (listed.entries[0]?.kind === 'place' || listed.entries[0]?.kind === 'country') ? listed.entries : [];
  claim(st, { start: 0, end: k, kind: 'location', entries, rule: 'entities/dateline', origin: 'rule' });
}

/** Titled people: [country] title Name Name ["of" Country] ("Russian Defense Minister Sergei Shoigu"). */
function findTitledPeople(st: SentenceState): void {
  const { words, lower, n, tags, roles, knowledge } = st;
  for (let i = 0; i < n; i++) {
    const title = titleStartingAt(roles, words, lower, i);
    if (!title) continue;
    // "General Assembly", "General Motors": a title inside a known organisation or place name
    const cover = st.covering[i];
    if (cover && cover.entries[0]?.kind !== 'person') continue;
    // (a title of two words or more after a country's name, "Philippine Defense Secretary", is one whatever the tagger read there)
    if (/ORG|LOC/.test(tags[i] as string) && title.entry.role !== null && !(title.end - i > 1 && countryBefore(st, i))) continue;
    let j = title.end;
    while (j < n && (NAME_WORD.test(words[j] as string) || (j > title.end && NAME_PARTICLE.has(lower[j] as string))) && j - title.end < 4) {
      const g = st.gazAt.get(j);
      if (g && g.entries[0]?.kind !== 'person' && j === title.end) break;
      if (g && g.entries[0]?.kind === 'country' && g.entries[0].form !== 'capital') break;
      if (titleStartingAt(roles, words, lower, j) && j === title.end) break;
      j++;
    }
    while (j > title.end && NAME_PARTICLE.has(lower[j - 1] as string)) j--;
    if (j === title.end || st.isShouting) continue;
    if (!isFree(st, title.end, j)) continue;
    let country = countryBefore(st, i)?.country;
    // "Israeli army spokesman X", "Kenyan police spokesman Y": the force named between the country and the title is the person's
    const force = !country && i > 1 ? FORCE_SECTORS[lower[i - 1] as string] : undefined;
    const forceCountry = force ? countryBefore(st, i - 1)?.country : undefined;
    if (forceCountry) country = forceCountry;
    // "Houthi military spokesman X", "Pentagon spokesman X": a body named before the title is the person's
    const body = country ? null : bodyBefore(st, i);
    if (body?.org.country) country = body.org.country;
    if (lower[j] === 'of' && j + 1 < n) {
      const g = st.gazAt.get(j + 1);
      const code = g ? countryOf(g.entries) : undefined;
      if (code) country = code;
    }
    let entries: GazetteerEntry[] = (knowledge.phrases.get(lower.slice(title.end, j).join(' ')) ?? []).filter((e) => e.kind === 'person');
    // "President Volodymyr Zelenskiy": a full name we do not list in this spelling is the listed person whose surname is spelled
    // so and whose given name it opens with
    if (entries.length === 0 && j - title.end >= 2) {
      const given = lower[title.end] as string;
      entries = (knowledge.phrases.get(lower[j - 1] as string) ?? []).filter((e) => e.kind === 'person' && e.person.name.toLowerCase().split(' ')[0] === given);
    }
    const c: Candidate = { start: title.end, end: j, kind: 'person', entries, rule: 'entities/titled-person', origin: 'rule', role: title.entry };
    if (country) c.country = country;
    if (body?.org.code) c.bodyCode = body.org.code;
    else if (force && forceCountry) c.bodyCode = forceCountry + force;
    claim(st, c);
    i = j - 1;
  }
}

/** Ministries and forces: "Russian Defense Ministry", "Ministry of Defense", "the defense ministry", "Russia's army". */
function findMinistries(st: SentenceState): void {
  const { words, lower, n } = st;
  for (let i = 0; i < n; i++) {
    let s = -1;
    let e = -1;
    let sector = '';
    let label = '';
    const w1 = lower[i + 1];
    if (lower[i] === 'ministry' && w1 === 'of' && i + 2 < n) {
      const two = `${lower[i + 2]} ${lower[i + 3] ?? ''}`;
      const isTwo = MINISTRY.test(two);
      const what = isTwo ? two : (lower[i + 2] as string);
      if (isTwo || MINISTRY.test(what)) {
        s = i;
        e = i + (isTwo ? 4 : 3);
        sector = /defen/.test(what) ? 'MIL' : 'GOV';
        label = `Ministry of ${what.replace(/\b\w/g, (c) => c.toUpperCase())}`;
      }
    } else if (MINISTRY.test(lower[i] as string) && w1 === 'ministry') {
      s = i;
      e = i + 2;
      sector = /defen/.test(lower[i] as string) ? 'MIL' : 'GOV';
      label = `${(lower[i] as string).replace(/\b\w/g, (c) => c.toUpperCase())} Ministry`;
    } else if (FORCE_WORDS.has(lower[i] as string) || (FORCE_WORDS.has(`${lower[i]} ${w1}`) && i + 1 < n)) {
      const isTwo = FORCE_WORDS.has(`${lower[i]} ${w1}`);
      const before = countryBefore(st, i);
      if (before && ['army', 'navy', 'air force', 'armed forces', 'military'].includes(isTwo ? `${lower[i]} ${w1}` : (lower[i] as string))) {
        s = i;
        e = i + (isTwo ? 2 : 1);
        sector = 'MIL';
        label = isTwo ? `${lower[i]} ${w1}` : (lower[i] as string);
      }
    }
    if (s < 0 || !isFree(st, s, e)) continue;
    const before = countryBefore(st, s);
    const c: Candidate = { start: s, end: e, kind: 'ministry', entries: [], rule: 'entities/ministry', origin: 'rule', sector, label };
    // "the foreign ministry in Vilnius", "the defence ministry of Estonia": a capital or country right after says whose it is
    if (!before) {
      const after = lower[e] === 'in' || lower[e] === 'of' ? st.gazAt.get(e + 1) : undefined;
      const code = after ? countryOf(after.entries) : undefined;
      if (code) c.country = code;
    }
    if (before) {
      c.country = before.country;
      // a demonym belongs to the name ("Russian Defense Ministry"); a possessive does not ("Russia's army")
      const first = st.gazAt.get(before.start)?.entries[0];
      if (!/^['’]s$/.test(words[s - 1] ?? '') && first?.kind === 'country' && first.form === 'demonym' && /^[A-Z]/.test(words[s] as string)) c.start = before.start;
    }
    claim(st, c);
    i = e - 1;
  }
}

/** A known given name before capitalised words starts a person's name ("Jesper Parnevik"), whatever the tagger made of an unfamiliar surname. */
function findGivenNames(st: SentenceState): void {
  const { words, lower, n, knowledge } = st;
  if (st.isShouting) return;
  for (let i = 0; i + 1 < n; i++) {
    // "Francisco" in "San Francisco", "Angeles" in "Los Angeles": a given name inside a listed name that starts before it opens no person
    const cover = st.covering[i];
    if (cover && cover.start < i && cover.entries[0]?.kind !== 'person') continue;
    const end = givenNameSpan(knowledge, words, lower, st.gazAt, i);
    if (end <= i + 1 || !isFree(st, i, end) || isSettlementNamed(lower, i)) continue;
    // a name inside a longer organisation or place name stays there ("John Lewis Partnership")
    let isOther = false;
    for (let k = i + 1; k <= end; k++) if (ORG_TAIL.test(words[k] ?? '') || GEO_HEADS.test(lower[k] ?? '')) isOther = true;
    if (isOther) continue;
    const entries = (knowledge.phrases.get(lower.slice(i, end).join(' ')) ?? []).filter((e) => e.kind === 'person');
    claim(st, { start: i, end, kind: 'person', entries, rule: 'entities/given-name', origin: 'rule' });
    i = end - 1;
  }
}

/** Nouns of settlements and districts that name a place after "of": "the town of", "the village of", "the port city of". */
const SETTLEMENT_NOUNS = new Set(['town', 'towns', 'village', 'villages', 'city', 'cities', 'port', 'hamlet', 'settlement', 'district', 'districts', 'municipality', 'commune', 'suburb', 'neighbourhood', 'neighborhood', 'province', 'governorate', 'oblast']);

/** Whether the name at word `s` follows a settlement noun and "of" ("the town of Adan Yabaal"): a place, whatever its words look like. */
function isSettlementNamed(lower: readonly string[], s: number): boolean {
  return s >= 2 && lower[s - 1] === 'of' && SETTLEMENT_NOUNS.has(lower[s - 2] as string);
}

/** Lower-case words inside or before a person's surname: "Pieter van der Merwe", "de Souza". */
const SURNAME_PARTICLE = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'dos', 'das', 'del', 'della', 'di', 'du', 'ter', 'ten']);

/**
 * A person's name with lower-case particles: two person spans with only particles between them are one
 * name ("Pieter" + "van der" + "Merwe"), and particles right before a person's span open it ("de Souza").
 */
function joinParticles(spans: [number, number, string][], words: readonly string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  const isParticle = (k: number): boolean => SURNAME_PARTICLE.has(words[k] as string);
  for (const span of spans) {
    const [s, e, type] = span;
    const prev = out[out.length - 1];
    // (so are two place spans: "Mocimboa da Praia", "Rio de Janeiro", which the tagger read as two places)
    if ((type === 'PER' || type === 'LOC') && prev && prev[2] === type && prev[1] < s && s - prev[1] <= 3) {
      let k = prev[1];
      while (k < s && isParticle(k)) k++;
      if (k === s) {
        prev[1] = e;
        continue;
      }
    }
    let start = s;
    if (type === 'PER') while (start > 0 && s - start < 2 && isParticle(start - 1)) start--;
    out.push([start, e, type]);
  }
  return out;
}

/** Head nouns of organisations' names: "Popular Union", "National Council", "Central Bank". */
const ORG_HEAD = /^(?:Party|Front|Movement|Union|Council|Committee|Commission|Congress|Assembly|Parliament|Senate|Army|Forces|Force|Guard|Guards|Brigade|Brigades|Corps|Command|League|Alliance|Federation|Association|Organization|Organisation|Agency|Authority|Bureau|Office|Department|Ministry|Board|Court|Bank|Institute|University|Academy|Foundation|Fund|Society|Company|Corporation|Group|Service|Services|Directorate|Administration|Secretariat|Tribunal)$/;

/**
 * "Popular Union of Velmaria", "Central Bank of Norvia": a name ending in an organisation's head noun,
 * then "of" and capitalised words, is one organisation's name, whatever the tagger made of each part.
 */
function joinOfNames(spans: [number, number, string][], words: readonly string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (let i = 0; i < spans.length; i++) {
    const [s, e, type] = spans[i] as [number, number, string];
    if (type === 'MISC' || !ORG_HEAD.test(words[e - 1] as string) || words[e] !== 'of' || !/^\p{Lu}\p{Ll}/u.test(words[e + 1] ?? '')) {
      out.push([s, e, type]);
      continue;
    }
    let j = e + 1;
    while (j < words.length && j - e <= 3 && /^\p{Lu}[\p{L}'’.-]*$/u.test(words[j] as string)) j++;
    out.push([s, j, 'ORG']);
    // the tagger's spans inside the name's "of" part are part of it
    while (i + 1 < spans.length && (spans[i + 1] as [number, number, string])[0] < j) i++;
  }
  return out;
}

/** The tagger's spans, trimmed to names and resolved with the gazetteer where one covers them. */
function resolveTaggedSpans(st: SentenceState): void {
  const { words, lower, tags, knowledge, roles, isShouting } = st;
  for (const [s0, e0, type] of joinOfNames(joinParticles(splitLists(taggedSpans(tags, words), lower, st.gazAt), words), words)) {
    // a name ends in a word: "England 1996-08-31" and "4-43" are left out
    let e = e0;
    while (e > s0 + 1 && !/^\p{L}/u.test(words[e - 1] as string)) e--;
    // a name starts and ends with a capital: "eastern Poland" is the place "Poland", so is "Stansted" in "Stansted airport"
    let s = s0;
    // "Ohio-based KeyCorp": a word saying where a name is based does not start it
    while (s < e - 1 && (isLowerWord(words[s] as string) || BASED.test(words[s] as string))) s++;
    while (e > s + 1 && isLowerWord(words[e - 1] as string)) e--;
    // "- The U.S. State Department approved": an article before a name we list as it stands (after a dateline the tagger reads the
    // sentence's opening article mid-sentence) is no part of it ("The Washington Post", listed with its article or not, stays whole)
    if (e - s > 1 && /^(?:The|A|An)$/.test(words[s] as string) && st.gazAt.get(s)?.end !== e && st.gazAt.get(s + 1)?.end === e && st.gazAt.get(s + 1)?.entries[0]?.kind === 'organization') s++;
    // "Yemen's Houthi": a country's possessive opening the span is the owner, not part of the name
    const owner = st.gazAt.get(s);
    if (owner && owner.end < e - 1 && /^['’]s$/.test(words[owner.end] as string) && owner.entries[0]?.kind === 'country') s = owner.end + 1;
    if (isLowerWord(words[s] as string)) continue;
    if (e - s === 1 && CALENDAR_WORD.test(words[s] as string)) continue;
    if (!isFree(st, s, e)) continue;
    if (type === 'MISC') continue;
    // "Hong Kong Open", "Davis Cup": events are named, but not people, places or organisations
    if (EVENT_TAIL.test(words[e - 1] as string)) {
      for (let k = s; k < e; k++) st.claimed[k] = 1;
      continue;
    }
    // a group adjective ("Moslem", "Kurdish") or a bare title ("Prime", "Minister") is no name
    if (e - s === 1 && knowledge.groupWords.has(words[s] as string)) continue;
    if (roles.byKey.has(lower.slice(s, e).join(' ')) || (e - s === 1 && roles.firstWords.has(lower[s] as string) && /^(?:prime|deputy|vice|chief|foreign|defense|defence)$/.test(lower[s] as string))) continue;
    const outer = st.covering[s];
    if (outer && outer.start <= s && outer.end >= e && (outer.start < s || outer.end > e) && isFree(st, outer.start, outer.end)) {
      const first = outer.entries[0] as GazetteerEntry;
      if (!(first.kind === 'country' && first.form === 'demonym')) {
        claim(st, { start: outer.start, end: outer.end, kind: kindOf(first, type), entries: outer.entries, rule: 'entities/gazetteer', origin: 'gazetteer' });
        continue;
      }
    }
    const exact = st.gazAt.get(s);
    if (exact && exact.end === e) {
      const first = exact.entries[0] as GazetteerEntry;
      if (first.kind === 'country' && first.form === 'demonym') claim(st, { start: s, end: e, kind: 'demonym', entries: exact.entries, rule: 'entities/gazetteer', origin: 'gazetteer' });
      else claim(st, { start: s, end: e, kind: kindOf(first, type), entries: exact.entries, rule: 'entities/gazetteer', origin: 'gazetteer' });
      continue;
    }
    // "Zairean", "Bosnian": an unlisted adjective of nationality is no place
    if (type === 'LOC' && e - s === 1 && /^\p{Lu}\p{Ll}+(?:ean|ian|ese)$/u.test(words[s] as string) && !st.gazAt.has(s)) continue;
    // a name ending in a landform or area word is a place whatever the tagger said ("Second Thomas Shoal")
    const isGeographic = (e - s > 1 && GEO_HEADS.test(lower[e - 1] as string)) || isSettlementNamed(lower, s);
    let kind: CandidateKind = isGeographic ? 'location' : type === 'PER' ? 'person' : type === 'ORG' ? 'organization' : 'location';
    if (kind === 'location' && !isGeographic && isNamedAfterPlace(st, s, e)) kind = 'organization';
    const first = st.gazAt.get(s);
    if (type === 'PER' && first && first.end < e && first.entries[0]?.kind === 'country') {
      // "Russian Sergei Shoigu": a demonym glued to a name
      claim(st, { start: first.end, end: e, kind: 'person', entries: [], rule: MODEL_RULE, origin: 'model', isShouting });
      continue;
    }
    // "Central Asian": the adjective of a region is a demonym
    const lastWord = words[e - 1] as string;
    if (lastWord.endsWith('n') && (tags[e] === undefined || !/^[A-Z]/.test(words[e] ?? ''))) {
      const region = knowledge.phrases.get([...lower.slice(s, e - 1), lastWord.slice(0, -1).toLowerCase()].join(' '));
      if (region?.[0]?.kind === 'place') {
        st.out.push({ start: s, end: e, kind: 'demonym', entries: region, rule: 'entities/region-adjective', origin: 'rule' });
        continue;
      }
    }
    claim(st, { start: s, end: e, kind, entries: [], rule: MODEL_RULE, origin: 'model', isShouting });
  }
}

/**
 * "Caracas Chronicle", "Tallinn Shipyards", "Singapore Airlines": a listed place followed by capitalised
 * words that are no place word of their own names a body called after the place (a paper, a firm, a team),
 * not the place; "Gaza Strip", "Mexico City" and "Orange County" stay places.
 */
function isNamedAfterPlace(st: SentenceState, s: number, e: number): boolean {
  const g = st.gazAt.get(s);
  const head = g?.entries[0];
  if (!g || !head || g.end >= e || st.gazAt.has(g.end)) return false;
  if (head.kind !== 'place' && !(head.kind === 'country' && head.form !== 'demonym')) return false;
  for (let k = g.end; k < e; k++) if (!/^\p{Lu}\p{Ll}/u.test(st.words[k] as string)) return false;
  return !PLACE_TAIL.test(st.lower[e - 1] as string);
}

/** Whether the word before a one-word demonym makes with it the adjective of a listed region ("Latin American": Latin America). */
function isRegionAdjectiveEnd(st: SentenceState, s: number, e: number): boolean {
  if (e - s !== 1 || s === 0 || !/^\p{Lu}/u.test(st.words[s - 1] as string)) return false;
  const word = st.lower[s] as string;
  const stem = word.endsWith('ns') ? word.slice(0, -2) : word.endsWith('n') ? word.slice(0, -1) : null;
  return stem !== null && st.knowledge.phrases.get(`${st.lower[s - 1] as string} ${stem}`)?.[0]?.kind === 'place';
}

/** Gazetteer phrases the tagger did not mark; a town needs the tagger or a locative word before it (its name is too often a word or a surname). */
function addGazetteerPhrases(st: SentenceState): void {
  const { lower, tags } = st;
  const demonymAt = new Set<number>();
  for (const c of st.out) if (c.kind === 'demonym') demonymAt.add(c.start);
  for (const g of st.gaz) {
    const first = g.entries[0] as GazetteerEntry;
    if (first.kind === 'country' && first.form === 'demonym') {
      // "Latin American", "South American": a demonym that ends the adjective of a region ("Latin America" + n) is the region's
      if (isRegionAdjectiveEnd(st, g.start, g.end)) continue;
      if (!demonymAt.has(g.start)) st.out.push({ start: g.start, end: g.end, kind: 'demonym', entries: g.entries, rule: 'entities/gazetteer', origin: 'gazetteer' });
      continue;
    }
    if (!isFree(st, g.start, g.end)) continue;
    if (first.kind === 'place' && first.places.every((p) => p.type === 'city')) {
      let isTagged = false;
      for (let k = g.start; k < g.end; k++) if ((tags[k] as string).endsWith('LOC')) isTagged = true;
      if (!isTagged && !LOCATIVE.has(lower[g.start - 1] ?? '')) continue;
    }
    claim(st, { start: g.start, end: g.end, kind: kindOf(first, 'LOC'), entries: g.entries, rule: 'entities/gazetteer', origin: 'gazetteer' });
  }
}

/** A capital after a locative word names the city ("troops arrived in Moscow"), unless a possessive follows. */
function preferCityAfterLocative(st: SentenceState): void {
  const { words, lower } = st;
  for (const c of st.out) {
    const first = c.entries[0];
    if (first?.kind !== 'country' || first.form !== 'capital') continue;
    if (!LOCATIVE.has(lower[c.start - 1] ?? '') || /^['’]s$/.test(words[c.end] ?? '')) continue;
    const place = c.entries.find((e) => e.kind === 'place');
    if (place) c.entries = [place, ...c.entries.filter((e) => e !== place)];
  }
}

/** Role references: "the minister", "the general" (joined to a person when the entities are built). */
function findRoleReferences(st: SentenceState): void {
  const { words, lower, n } = st;
  const inside = new Uint8Array(n);
  for (const c of st.out) for (let k = c.start; k < c.end; k++) inside[k] = 1;
  for (let i = 1; i < n; i++) {
    if (lower[i - 1] !== 'the' || st.claimed[i] || inside[i]) continue;
    const w = lower[i] as string;
    if (/^(?:minister|ministry|president|general|secretary|spokesman|spokeswoman|premier|chancellor|commander|ambassador|envoy)$/.test(w) && !/^[A-Z]/.test(words[i + 1] ?? '')) {
      if (lower[i + 1] === 'of') continue;
      st.out.push({ start: i, end: i + 1, kind: 'reference', entries: [], rule: 'entities/role-reference', origin: 'rule' });
    }
  }
}

/** Last words of the names of events and competitions. */
export const EVENT_TAIL = /^(?:Open|OPEN|Championship|Championships|CHAMPIONSHIP|CHAMPIONSHIPS|Cup|CUP|Prix|PRIX|Trophy|Games|Series|Olympics|Classic|Masters|Tournament|Invitational|Grand Slam|Marathon|Rally|Festival)$/;

/** Words that end an organisation's or a work's name: a given name before them is not a person. */
const ORG_TAIL = /^(?:Inc|Corp|Co|Ltd|Plc|LLC|Group|Foundation|University|College|School|Institute|Hospital|Center|Centre|Trust|Fund|Prize|Award|Trophy|Cup|Bridge|Street|Avenue|Square|Stadium|Park|Hall|Airport|Memorial|Library|Museum|Company|Partnership|Associates|Bank|Church|Cathedral)\.?$/;

/**
 * The end of a person's name that starts with a known given name at `i` ("Ramon Manzanares",
 * "Juan Antonio Samaranch"): one to three more capitalised words, not countries or organisations.
 * Returns `i` when there is none.
 */
function givenNameSpan(
  knowledge: Knowledge,
  words: readonly string[],
  lower: readonly string[],
  gazAt: ReadonlyMap<number, { end: number; entries: GazetteerEntry[] }>,
  i: number,
): number {
  // a given name, or an initial ("P. Simmons")
  if (!knowledge.firstNames.has(words[i] as string) && !/^\p{Lu}\.$/u.test(words[i] as string)) return i;
  const own = gazAt.get(i);
  // "Santa Clara", "San Jose": a listed phrase other than a person that starts here wins
  if (own && own.entries[0]?.kind !== 'person' && own.end > i + 1) return i;
  let j = i + 1;
  while (j < words.length && j - i <= 3) {
    const w = words[j] as string;
    if (NAME_PARTICLE.has(lower[j] as string) && j + 1 < words.length && /^\p{Lu}/u.test(words[j + 1] as string)) {
      j++;
      continue;
    }
    if (!/^\p{Lu}[\p{Ll}'’-]*\p{Ll}[\p{Ll}'’-]*$|^\p{Lu}'\p{Lu}\p{Ll}+$|^Mc\p{Lu}\p{Ll}+$|^Mac\p{Lu}\p{Ll}+$/u.test(w)) break;
    const g = gazAt.get(j);
    if (g && (g.entries[0]?.kind === 'country' || g.entries[0]?.kind === 'organization')) break;
    if (CALENDAR_WORD.test(w)) break;
    j++;
  }
  while (j > i + 1 && NAME_PARTICLE.has(lower[j - 1] as string)) j--;
  return j;
}

function kindOf(entry: GazetteerEntry, type: string): CandidateKind {
  if (entry.kind === 'person') return 'person';
  if (entry.kind === 'organization') return 'organization';
  if (entry.kind === 'country' || entry.kind === 'place') return 'location';
  return type === 'PER' ? 'person' : type === 'ORG' ? 'organization' : 'location';
}

