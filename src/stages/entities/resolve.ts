/**
 * Finds the candidate mentions of one sentence: titled people (rule), gazetteer phrases (countries,
 * organisations, known people, places) and the tagger's spans, in that order of trust.
 */
import type { Token } from '../../core/doc.js';
import type { GazetteerEntry, Knowledge } from './knowledge.js';
import { longestMatch, phraseMatches } from './knowledge.js';
import type { RoleEntry, RoleIndex } from './roles.js';
import { titleStartingAt } from './roles.js';
import type { Tag, WeightTable } from './tagger.js';
import { gazetteerClasses, tagWords } from './tagger.js';

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
  role?: RoleEntry;
  /** Alpha-3 of a country named next to the person or ministry ("Russian Defense Minister", "of Russia"). */
  country?: string;
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
/** Month and weekday names the tagger sometimes takes for names in datelines ("Nov 16"). */
const CALENDAR_WORD = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\.?$|^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** Last words that make a name a place: "Second Thomas Shoal", "West Philippine Sea", "Panjshir Valley". */
const GEO_HEADS = /^(?:sea|seas|ocean|strait|straits|gulf|bay|shoal|reef|reefs|island|islands|isles|peninsula|river|lake|mountains|mountain|mount|valley|desert|plateau|canal|channel|province|region|district|oblast|governorate|county|corridor|border|coast|heights|pass|airport|airbase|harbour|harbor|port|street|road|avenue|boulevard|square|bridge)$/;
const FORCE_WORDS = new Set(['army', 'navy', 'air force', 'armed forces', 'military', 'troops', 'forces', 'border guards', 'border guard']);

/** Short capitals-only aliases ("US", "IS", "UN") must match exactly and not in a headline in capitals. */
function isCaseValid(words: readonly string[], start: number, end: number, entry: GazetteerEntry, isShouting: boolean): boolean {
  const first = words[start] as string;
  const last = words[end - 1] as string;
  if (!/^[\p{Lu}\d]/u.test(first) || !/^[\p{Lu}\d]/u.test(last)) return false;
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
function taggedSpans(tags: readonly Tag[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (tag === 'O' || tag.startsWith('I-')) continue;
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I-' + tag.slice(2)) j++;
    out.push([i, j, tag.slice(2)]);
  }
  return out;
}

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
    else out.push(span);
  }
  return out;
}

export interface SentenceInput {
  tokens: readonly Token[];
  knowledge: Knowledge;
  roles: RoleIndex;
  weights: WeightTable;
}

function countryOf(entries: readonly GazetteerEntry[]): string | undefined {
  for (const e of entries) if (e.kind === 'country') return e.country.code;
  return undefined;
}

/** The candidates of one sentence, non-overlapping except that demonyms may sit inside a name. */
export function sentenceCandidates({ tokens, knowledge, roles, weights }: SentenceInput): Candidate[] {
  const words = tokens.map((t) => t.text);
  const lower = words.map((w) => w.toLowerCase());
  const n = words.length;
  const matches = phraseMatches(knowledge, lower);
  const tags = tagWords(words, weights, knowledge, gazetteerClasses(knowledge, lower, matches));
  const letters = words.join('').replace(/[^A-Za-z]/g, '');
  const isShouting = letters.length > 6 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.8;
  const claimed = new Uint8Array(n);
  const out: Candidate[] = [];
  const claim = (c: Candidate): void => {
    for (let k = c.start; k < c.end; k++) claimed[k] = 1;
    out.push(c);
  };
  const isFree = (s: number, e: number): boolean => {
    for (let k = s; k < e; k++) if (claimed[k]) return false;
    return true;
  };

  // gazetteer matches, with case checked
  const gaz: { start: number; end: number; entries: GazetteerEntry[] }[] = [];
  const gazAt = new Map<number, { start: number; end: number; entries: GazetteerEntry[] }>();
  // the tagger's phrase matches, checked for case; where one fails, shorter phrases inside it are tried
  const keep = (start: number, length: number, entries: GazetteerEntry[]): boolean => {
    if (!entries[0] || !isCaseValid(words, start, start + length, entries[0], isShouting)) return false;
    const g = { start, end: start + length, entries };
    gaz.push(g);
    gazAt.set(start, g);
    return true;
  };
  for (const m of matches) {
    if (keep(m.start, m.length, m.entries)) continue;
    for (let i = m.start + 1; i < m.start + m.length; ) {
      const inner = longestMatch(knowledge, lower, i);
      if (inner && keep(i, inner.length, inner.entries)) i += inner.length;
      else i++;
    }
  }
  const countryBefore = (end: number): { start: number; country: string } | null => {
    // "Russian", "Russia's", "Russia" right before `end`
    let e = end;
    if (e > 0 && /^['’]s$/.test(words[e - 1] as string)) e--;
    for (const g of gaz) if (g.end === e) {
      const code = countryOf(g.entries);
      if (code) return { start: g.start, country: code };
    }
    return null;
  };

  // 0. named events and competitions ("U.S. Open", "Hong Kong Open", "Davis Cup") hold no place or person
  if (!isShouting) {
    for (let k = 1; k < n; k++) {
      if (!EVENT_TAIL.test(words[k] as string)) continue;
      let s = k;
      while (s > 0 && /^\p{Lu}/u.test(words[s - 1] as string) && k - s < 4) s--;
      // a sentence's first word is capitalised anyway: only a run of two or more words counts
      if (s === k || (s === 0 && k === 1 && !gazAt.has(0))) continue;
      for (let t = s; t <= k; t++) claimed[t] = 1;
    }
  }

  // 1. titled people: [country] title Name Name ["of" Country]
  for (let i = 0; i < n; i++) {
    const title = titleStartingAt(roles, words, lower, i);
    if (!title) continue;
    // "General Assembly", "General Motors": a title inside a known or tagged organisation name
    if (gaz.some((g) => g.start <= i && i < g.end && g.entries[0]?.kind !== 'person' && !(g.entries[0]?.kind === 'country' && g.end <= i))) continue;
    if (/ORG|LOC/.test(tags[i] as string) && title.entry.role !== null) continue;
    let j = title.end;
    // chained titles: "Maj. Gen." already one entry; "Deputy ... " handled by the lexicon
    while (j < n && (NAME_WORD.test(words[j] as string) || (j > title.end && NAME_PARTICLE.has(lower[j] as string))) && j - title.end < 4) {
      const g = gazAt.get(j);
      if (g && g.entries[0]?.kind !== 'person' && j === title.end) break;
      if (g && g.entries[0]?.kind === 'country' && g.entries[0].form !== 'capital') break;
      if (titleStartingAt(roles, words, lower, j) && j === title.end) break;
      j++;
    }
    while (j > title.end && NAME_PARTICLE.has(lower[j - 1] as string)) j--;
    if (j === title.end || isShouting) continue;
    if (!isFree(title.end, j)) continue;
    const before = countryBefore(i);
    let country = before?.country;
    if (lower[j] === 'of' && j + 1 < n) {
      const g = gazAt.get(j + 1);
      const code = g ? countryOf(g.entries) : undefined;
      if (code) country = code;
    }
    const entries = knowledge.phrases.get(lower.slice(title.end, j).join(' ')) ?? [];
    const c: Candidate = { start: title.end, end: j, kind: 'person', entries: entries.filter((e) => e.kind === 'person'), rule: 'entities/titled-person', role: title.entry };
    if (country) c.country = country;
    claim(c);
    i = j - 1;
  }

  // 2. ministries and forces: "Russian Defense Ministry", "Ministry of Defense", "the defense ministry", "Russia's army"
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
      const before = countryBefore(i);
      if (before && ['army', 'navy', 'air force', 'armed forces', 'military'].includes(isTwo ? `${lower[i]} ${w1}` : (lower[i] as string))) {
        s = i;
        e = i + (isTwo ? 2 : 1);
        sector = 'MIL';
        label = isTwo ? `${lower[i]} ${w1}` : (lower[i] as string);
      }
    }
    if (s < 0 || !isFree(s, e)) continue;
    const before = countryBefore(s);
    const c: Candidate = { start: s, end: e, kind: 'ministry', entries: [], rule: 'entities/ministry', sector, label };
    if (before) {
      c.country = before.country;
      // a demonym belongs to the name ("Russian Defense Ministry"); a possessive does not ("Russia's army")
      if (!/^['’]s$/.test(words[s - 1] ?? '') && gazAt.get(before.start)?.entries[0]?.kind === 'country' && (gazAt.get(before.start)?.entries[0] as { form: string }).form === 'demonym') {
        if (/^[A-Z]/.test(words[s] as string)) c.start = before.start;
      }
    }
    claim(c);
    i = e - 1;
  }

  // 2b. a known given name before capitalised words starts a person's name ("Jesper Parnevik"),
  // whatever the tagger made of an unfamiliar surname
  if (!isShouting) {
    for (let i = 0; i + 1 < n; i++) {
      const end = givenNameSpan(knowledge, words, lower, gazAt, i);
      if (end <= i + 1 || !isFree(i, end)) continue;
      // a name inside a longer tagged organisation or place stays there ("John Lewis Partnership")
      let isOther = false;
      for (let k = i + 1; k <= end; k++) if (ORG_TAIL.test(words[k] ?? '') || GEO_HEADS.test(lower[k] ?? '')) isOther = true;
      if (isOther) continue;
      const entries = (knowledge.phrases.get(lower.slice(i, end).join(' ')) ?? []).filter((e) => e.kind === 'person');
      claim({ start: i, end, kind: 'person', entries, rule: 'entities/given-name' });
      i = end - 1;
    }
  }

  // 3. tagger spans, resolved with the gazetteer where one covers them exactly
  const tagged = splitLists(taggedSpans(tags), lower, gazAt);
  for (const [s0, e0, type] of tagged) {
    // a name ends in a word: "Hampshire 232", "England 1996-08-31" and a bowler's "4-43" are left out
    let e = e0;
    while (e > s0 + 1 && !/^\p{L}/u.test(words[e - 1] as string)) e--;
    // a name starts with a capital: "eastern Poland" is the place "Poland"
    let s = s0;
    while (s < e - 1 && /^\p{Ll}/u.test(words[s] as string)) s++;
    if (/^\p{Ll}/u.test(words[s] as string)) continue;
    if (e - s === 1 && CALENDAR_WORD.test(words[s] as string)) continue;
    if (!isFree(s, e)) continue;
    if (type === 'MISC') continue;
    // "Hong Kong Open", "Amateur Championship", "Davis Cup": events are named, but not people, places or organisations
    if (EVENT_TAIL.test(words[e - 1] as string)) {
      for (let k = s; k < e; k++) claimed[k] = 1;
      continue;
    }
    // a group adjective ("Moslem", "Kurdish") or a bare title ("Prime", "Minister") is no name
    if (e - s === 1 && knowledge.groupWords.has(words[s] as string)) continue;
    if (roles.byKey.has(lower.slice(s, e).join(' ')) || (e - s === 1 && roles.firstWords.has(lower[s] as string) && /^(?:prime|deputy|vice|chief|foreign|defense|defence)$/.test(lower[s] as string))) continue;
    const outer = gaz.find((g) => g.start <= s && g.end >= e && (g.start < s || g.end > e));
    if (outer && isFree(outer.start, outer.end)) {
      const first = outer.entries[0] as GazetteerEntry;
      if (!(first.kind === 'country' && first.form === 'demonym')) {
        claim({ start: outer.start, end: outer.end, kind: kindOf(first, type), entries: outer.entries, rule: 'entities/gazetteer' });
        continue;
      }
    }
    const exact = gaz.find((g) => g.start === s && g.end === e);
    if (exact) {
      const first = exact.entries[0] as GazetteerEntry;
      // a city before a score ("CHICAGO 4") is a club: trust the tagger's ORG over a place
      if (first.kind === 'place' && type === 'ORG' && first.places.some((p) => p.type === 'city') && /^\d{1,3}$/.test(words[e] ?? '')) {
        claim({ start: s, end: e, kind: 'organization', entries: [], rule: 'entities/tagger', isShouting });
      } else if (first.kind === 'country' && first.form === 'demonym') {
        claim({ start: s, end: e, kind: 'demonym', entries: exact.entries, rule: 'entities/gazetteer' });
      } else {
        claim({ start: s, end: e, kind: kindOf(first, type), entries: exact.entries, rule: 'entities/gazetteer' });
      }
      continue;
    }
    // "Zairean", "Bosnian": an unlisted adjective of nationality is no place (CoNLL calls it MISC)
    if (type === 'LOC' && e - s === 1 && /^\p{Lu}\p{Ll}+(?:ean|ian|ese)$/u.test(words[s] as string) && !gazAt.has(s)) continue;
    const inner = gaz.filter((g) => g.start >= s && g.end <= e);
    // a name ending in a landform or area word is a place whatever the tagger said ("Second Thomas Shoal")
    const isGeographic = e - s > 1 && GEO_HEADS.test(lower[e - 1] as string);
    const kind: CandidateKind = isGeographic ? 'location' : type === 'PER' ? 'person' : type === 'ORG' ? 'organization' : 'location';
    if (inner.length === 1 && type === 'PER' && inner[0]?.entries[0]?.kind === 'country') {
      // "Russian Sergei Shoigu": a demonym glued to a name
      const g = inner[0];
      if (g.start === s && g.end < e) {
        claim({ start: g.end, end: e, kind: 'person', entries: [], rule: 'entities/tagger', isShouting });
        continue;
      }
    }
    // "Central Asian": the adjective of a region, which CoNLL and we treat as a demonym
    const lastWord = words[e - 1] as string;
    if (lastWord.endsWith('n') && (tags[e] === undefined || !/^[A-Z]/.test(words[e] ?? ''))) {
      const region = knowledge.phrases.get([...lower.slice(s, e - 1), lastWord.slice(0, -1).toLowerCase()].join(' '));
      if (region?.[0]?.kind === 'place') {
        out.push({ start: s, end: e, kind: 'demonym', entries: region, rule: 'entities/region-adjective' });
        continue;
      }
    }
    claim({ start: s, end: e, kind, entries: [], rule: 'entities/tagger', isShouting });
  }

  // 4. gazetteer phrases the tagger did not mark; places need the tagger or a locative word before them
  for (const g of gaz) {
    const first = g.entries[0] as GazetteerEntry;
    if (first.kind === 'country' && first.form === 'demonym') {
      if (!out.some((c) => c.kind === 'demonym' && c.start === g.start)) out.push({ start: g.start, end: g.end, kind: 'demonym', entries: g.entries, rule: 'entities/gazetteer' });
      continue;
    }
    if (!isFree(g.start, g.end)) continue;
    // a town's name is a common word or a surname too often to take without the tagger or a locative;
    // regions, seas and bases we listed by hand are taken as they come
    if (first.kind === 'place' && first.places.every((p) => p.type === 'city')) {
      const isTagged = tags.slice(g.start, g.end).some((t) => t.endsWith('LOC'));
      if (!isTagged && !LOCATIVE.has(lower[g.start - 1] ?? '')) continue;
    }
    claim({ start: g.start, end: g.end, kind: kindOf(first, 'LOC'), entries: g.entries, rule: 'entities/gazetteer' });
  }

  // a capital after a locative word names the city ("troops arrived in Moscow"), unless a possessive follows
  for (const c of out) {
    const first = c.entries[0];
    if (first?.kind !== 'country' || first.form !== 'capital') continue;
    if (!LOCATIVE.has(lower[c.start - 1] ?? '') || /^['’]s$/.test(words[c.end] ?? '')) continue;
    const place = c.entries.find((e) => e.kind === 'place');
    if (place) c.entries = [place, ...c.entries.filter((e) => e !== place)];
  }

  // 5. role references: "the minister", "the general" (joined to a person later)
  for (let i = 1; i < n; i++) {
    if (lower[i - 1] !== 'the' || claimed[i] || out.some((c) => c.start <= i && i < c.end)) continue;
    const w = lower[i] as string;
    if (/^(?:minister|ministry|president|general|secretary|spokesman|spokeswoman|premier|chancellor|commander|ambassador|envoy)$/.test(w) && !/^[A-Z]/.test(words[i + 1] ?? '')) {
      if (lower[i + 1] === 'of') continue;
      out.push({ start: i, end: i + 1, kind: 'reference', entries: [], rule: 'entities/role-reference' });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
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

