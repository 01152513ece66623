/**
 * The `entities` stage: people (with role and affiliation), organisations (with CAMEO codes),
 * countries, places and regions, each with every mention's span in `article.text`.
 * Candidates come per sentence from resolve.ts; here they become entities, joined within the article.
 */
import { defineStage, need } from '../../core/stage.js';
import type { Entity, EntityType, Mention, Sentence, Token } from '../../core/doc.js';
import type { Context } from '../../core/context.js';
import { segment } from '../sentences/index.js';
import type { CountryRecord, GazetteerEntry, Knowledge, PersonRecord, PlaceRecord } from './knowledge.js';
import { loadKnowledge, phraseKey } from './knowledge.js';
import { loadRoles } from './roles.js';
import { loadModel } from './model.js';
import type { Candidate } from './resolve.js';
import { EVENT_TAIL, sentenceCandidates } from './resolve.js';
import { isSportsText, markTeams } from './sports.js';

/** Sectors a military title implies; other titled people are government unless the role says. */
const SLUG = /[^a-z0-9]+/g;

/** A stable id fragment: "Sergei Shoigu" -> "sergei-shoigu". */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(SLUG, '-')
    .replace(/^-|-$/g, '');
}

interface Found {
  candidate: Candidate;
  sentence: number;
  tokens: readonly Token[];
  start: number;
  end: number;
  text: string;
}

/** Finds the entities of an article text, with its sentences (segmented here when not given). */
export function findEntities(text: string, ctx: Context, sentences?: readonly Sentence[], published?: string | null): Entity[] {
  const knowledge = loadKnowledge(ctx.data);
  const roles = loadRoles(ctx.data);
  const weights = loadModel(ctx.data);
  const sents = sentences ?? segment(text);
  const found: Found[] = [];
  sents.forEach((sentence, index) => {
    const tokens = sentence.tokens ?? segment(sentence.text).flatMap((s) => (s.tokens ?? []).map((t) => ({ ...t, start: t.start + sentence.start, end: t.end + sentence.start })));
    for (const candidate of sentenceCandidates({ tokens, knowledge, roles, weights })) {
      const start = (tokens[candidate.start] as Token).start;
      const end = (tokens[candidate.end - 1] as Token).end;
      found.push({ candidate, sentence: index, tokens, start, end, text: text.slice(start, end) });
    }
  });
  propagateNames(found, sents, text, knowledge);
  dropIndexes(found);
  dropEventTowns(found, sents);
  markBowlers(found);
  markTowns(found);
  markClubPrefixes(found, text);
  markCompanies(found);
  voteNames(found);
  markTeams(found, sents.map((s) => s.tokens ?? []), (sentence, start, end) => {
    const tokens = (sents[sentence] as Sentence).tokens ?? [];
    const from = (tokens[start] as Token).start;
    const to = (tokens[end - 1] as Token).end;
    found.push({ candidate: { start, end, kind: 'organization', entries: [], rule: 'entities/sports-team' }, sentence, tokens, start: from, end: to, text: text.slice(from, to) });
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const focus = focusCountry(found, knowledge);
  const at = published ? published.slice(0, 10) : null;
  return buildEntities(found, knowledge, focus, at);
}

/** Longest name, in tokens, looked for again elsewhere in the article. */
const MAX_PROPAGATED_WORDS = 6;

/** Kinds whose names, once found, are looked for again elsewhere in the article. */
const PROPAGATED = new Set(['person', 'organization', 'location']);

/**
 * A name found once is the same name elsewhere in the article: "Alexander Lebed" makes a later bare
 * "Lebed" a person, a tagged "Interfax" makes every "Interfax" an organisation (one sense per article).
 */
function propagateNames(found: Found[], sents: readonly Sentence[], text: string, knowledge: Knowledge): void {
  const names = new Map<string, Candidate>();
  // surnames of people named in full: "Bob Dole" makes "Dole" that person, not the French town
  const surnames = new Map<string, Candidate>();
  for (const f of found) {
    const c = f.candidate;
    if (!PROPAGATED.has(c.kind) || c.isShouting) continue;
    const words = f.tokens.slice(c.start, c.end).map((t) => t.text);
    if (!words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|the|and|de|al|bin|van|von|-|&)$/.test(w))) continue;
    names.set(words.join(' '), c);
    if (c.kind === 'person' && words.length > 1) {
      const last = words[words.length - 1] as string;
      // "Lebed Chechnya" from the tagger: a listed place ending a name not opened by a given name is no surname
      const isPlace = (knowledge.phrases.get(last.toLowerCase()) ?? []).some((e) => e.kind === 'place' || e.kind === 'country');
      const isSure = c.rule !== 'entities/tagger' || knowledge.firstNames.has(words[0] as string) || !isPlace;
      if (/^\p{Lu}(?:['’]\p{Lu})?\p{Ll}/u.test(last) && isSure && !surnames.has(last)) surnames.set(last, c);
    }
  }
  for (const [last, c] of surnames) if (!names.has(last) || names.get(last)?.kind !== 'person') names.set(last, c);
  if (names.size === 0) return;
  // people's names and surnames in capitals, for headlines in capitals ("SHEARER" after "Alan Shearer")
  const shouted = new Map<string, Candidate>();
  for (const [key, c] of names) if (c.kind === 'person') shouted.set(key.toUpperCase(), c);
  const isCaps = (w: string): boolean => /\p{Lu}{2}/u.test(w) && !/\p{Ll}/u.test(w);
  // a place or organisation whose text is the surname of a person named in full is that person
  for (const f of found) {
    const c = f.candidate;
    if (c.kind !== 'location' && c.kind !== 'organization') continue;
    // the tagger's guesses, towns, capitals and countries give way ("Michael Jordan" ... "Jordan"); a known organisation does not
    const isWeak = c.rule === 'entities/tagger' || c.entries.every((e) => e.kind === 'place' || e.kind === 'country');
    if (!isWeak || f.text.includes(' ')) continue;
    if (surnames.has(f.text) || (isCaps(f.text) && shouted.has(f.text))) {
      c.kind = 'person';
      c.entries = [];
      c.rule = 'entities/same-name';
    }
  }
  // names longer than this are not looked for again (bounds the scan on long, name-dense texts)
  let maxWords = 1;
  for (const key of names.keys()) maxWords = Math.min(MAX_PROPAGATED_WORDS, Math.max(maxWords, key.split(' ').length));
  const taken = new Set<string>();
  for (const f of found) for (let k = f.start; k < f.end; k++) taken.add(String(k));
  sents.forEach((sentence, index) => {
    const tokens = sentence.tokens ?? [];
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i] as Token;
      if (!/^[\p{Lu}\d]/u.test(first.text) || taken.has(String(first.start))) continue;
      for (let n = Math.min(maxWords, tokens.length - i); n >= 1; n--) {
        const span = tokens.slice(i, i + n);
        const key = span.map((t) => t.text).join(' ');
        const source = names.get(key) ?? (isCaps(key) ? shouted.get(key) : undefined);
        if (!source) continue;
        const end = (span[span.length - 1] as Token).end;
        let isFree = true;
        for (const t of span) if (taken.has(String(t.start))) isFree = false;
        // "U.S. Open": a name inside an event's name is not looked for
        if (!isFree || EVENT_TAIL.test(tokens[i + n]?.text ?? '')) break;
        const candidate: Candidate = { start: i, end: i + n, kind: source.kind, entries: source.entries, rule: 'entities/same-name' };
        if (source.role) candidate.role = source.role;
        if (source.country) candidate.country = source.country;
        found.push({ candidate, sentence: index, tokens, start: first.start, end, text: text.slice(first.start, end) });
        for (const t of span) taken.add(String(t.start));
        i += n - 1;
        break;
      }
    }
  });
}

/** Words after a company's (or a paper's, an agency's) name: "Magna International Inc", "Pirelli shares", "Tanjug news agency". */
const COMPANY_NEXT = /^(?:Corp|Corporation|Inc|Ltd|Co|Cos|Group|AG|SA|NV|BV|Plc|PLC|GmbH|SpA|Holdings|shares|stock|stake|bonds|GDRs|ADRs|shareholders|subsidiary|subsidiaries|newspaper|daily|agency)\.?$/;

/** Words after a market index's name: "the Dow Jones industrial average", "the Nikkei index". */
const INDEX_NEXT = /^(?:index|indices|indexes|average|averages|industrial|industrials|composite|futures)$/i;

/**
 * A market index is no person: a name the tagger guessed a person that the article writes before
 * "index" or "industrial average" is dropped, with every guessed mention of it.
 */
function dropIndexes(found: Found[]): void {
  const isGuess = (c: Candidate): boolean => c.kind === 'person' && c.entries.length === 0 && (c.rule === 'entities/tagger' || c.rule === 'entities/same-name');
  const indexes = new Set<string>();
  for (const f of found) if (isGuess(f.candidate) && INDEX_NEXT.test(f.tokens[f.candidate.end]?.text ?? '')) indexes.add(f.text);
  if (indexes.size === 0) return;
  let kept = 0;
  for (const f of found) if (!(isGuess(f.candidate) && indexes.has(f.text))) found[kept++] = f;
  found.length = kept;
}

/** Nouns whose "of" names a place: "the eastern town of Liege", "the city of Grozny". */
const SETTLEMENT = new Set(['town', 'city', 'village', 'port', 'capital', 'province', 'region', 'suburb', 'district', 'towns', 'cities', 'villages']);

/** A single name the tagger guessed a person is a place after "in" or "the town of" ("police in Liege said"). */
function markTowns(found: readonly Found[]): void {
  for (const f of found) {
    const c = f.candidate;
    if (c.kind !== 'person' || c.entries.length > 0 || c.rule !== 'entities/tagger' || c.end - c.start !== 1) continue;
    const prev = f.tokens[c.start - 1]?.text ?? '';
    const before = f.tokens[c.start - 2]?.text.toLowerCase() ?? '';
    if (prev !== 'in' && !(prev === 'of' && SETTLEMENT.has(before))) continue;
    c.kind = 'location';
    c.rule = 'entities/town-context';
  }
}

/** Nouns after a tournament named by its town: "Wimbledon champion", "the Wimbledon semifinals". */
const EVENT_NOUN = /^(?:champion|champions|finalist|finalists|semifinal|semifinals|semi-final|semi-finals|semifinalist|quarterfinal|quarterfinals|quarter-final|quarter-finals|runner-up|title|crown)$/;

/**
 * In a sports report a town written before "champion" or "semifinals" names a tournament: its
 * mentions are dropped, save those after "in", "at" or "from" (where the town is a place).
 */
function dropEventTowns(found: Found[], sents: readonly Sentence[]): void {
  const isTown = (c: Candidate): boolean => c.kind === 'location' && c.end - c.start === 1 && c.entries.every((e) => e.kind === 'place');
  const events = new Set<string>();
  for (const f of found) if (isTown(f.candidate) && EVENT_NOUN.test(f.tokens[f.candidate.end]?.text ?? '')) events.add(f.text);
  if (events.size === 0 || !isSportsText(sents.map((s) => s.tokens ?? []))) return;
  let kept = 0;
  for (const f of found) {
    const prev = f.tokens[f.candidate.start - 1]?.text.toLowerCase() ?? '';
    if (!(isTown(f.candidate) && events.has(f.text) && !/^(?:in|at|from)$/.test(prev))) found[kept++] = f;
  }
  found.length = kept;
}

/** Words that open a club's name before its town: "Real Madrid", "Standard Liege", "Sporting Lisbon". */
const CLUB_PREFIX = new Set(['Real', 'Standard', 'Sporting', 'Atletico', 'Athletic', 'Racing', 'Olympique', 'Dynamo', 'Dinamo', 'Lokomotiv', 'Spartak', 'Torpedo', 'Steaua', 'Rapid', 'Hapoel', 'Maccabi', 'FC', 'AC']);

/** A town right after a club's opening word is the club, the word included: "Real Madrid". */
function markClubPrefixes(found: readonly Found[], text: string): void {
  for (const f of found) {
    const c = f.candidate;
    if (c.kind !== 'location' || c.start === 0 || c.entries.some((e) => e.kind !== 'place' && !(e.kind === 'country' && e.form === 'capital'))) continue;
    const prev = f.tokens[c.start - 1] as Token;
    if (!CLUB_PREFIX.has(prev.text)) continue;
    c.start -= 1;
    c.kind = 'organization';
    c.entries = [];
    c.rule = 'entities/sports-team';
    f.start = prev.start;
    f.text = text.slice(f.start, f.end);
  }
}

/** Scorecard marks before a fielder's or bowler's name: "c Tillekeratne b Dharmasena", "st Kaluwitharana". */
const DISMISSAL = new Set(['c', 'b', 'st', 'lbw']);

/**
 * In a cricket scorecard line ("S. Law c Tillekeratne b Dharmasena 13") the name after a dismissal mark
 * is a player, whatever the tagger guessed; the line needs two such marks.
 */
function markBowlers(found: readonly Found[]): void {
  for (const f of found) {
    const c = f.candidate;
    if (c.kind !== 'organization' && c.kind !== 'location' && c.kind !== 'person') continue;
    if (c.kind !== 'person' && c.rule !== 'entities/tagger' && c.rule !== 'entities/same-name' && c.entries.some((e) => e.kind !== 'place')) continue;
    if (!DISMISSAL.has(f.tokens[c.start - 1]?.text ?? '')) continue;
    if (f.tokens.filter((t) => DISMISSAL.has(t.text)).length < 2) continue;
    c.kind = 'person';
    c.entries = [];
    c.rule = 'entities/scorecard-player';
  }
}

/** Legal forms that end a company's full name: "Cofinec S.A.", "Magna International Inc.". */
const LEGAL_FORM = /^(?:Corp|Corporation|Inc|Ltd|Co|Cos|AG|SA|S\.A|NV|N\.V|BV|Plc|PLC|GmbH|SpA|S\.p\.A|Holdings|Bhd|Berhad|AB|ASA|Oyj|KK)\.?$/;

/** Generic words in the middle of a company's full name: "Magna International Inc", "Boatmen's Bancshares Inc". */
const COMPANY_WORD = /^(?:International|Industries|Group|Holdings|Enterprises|Technologies|Systems|Communications|Bancshares|Bancorp|Financial|Resources|Airlines|Motors|Petroleum|Mining|Pharmaceuticals|Electronics|Entertainment|Capital|Investments)$/;

/**
 * A name the tagger took for a person or a place is a company when the article writes it before
 * "Corp", "Inc" or "shares" once: every bare mention of it is then that company.
 */
function markCompanies(found: readonly Found[]): void {
  const isGuess = (c: Candidate): boolean => (c.kind === 'person' || c.kind === 'location') && c.entries.length === 0 && (c.rule === 'entities/tagger' || c.rule === 'entities/same-name');
  // a town's name is a company's when the article writes it as one ("Magna International Inc" ... "Magna")
  const isTown = (c: Candidate): boolean => c.kind === 'location' && c.entries.length > 0 && c.entries.every((e) => e.kind === 'place');
  const companies = new Set<string>();
  for (const f of found) {
    const c = f.candidate;
    if (!isGuess(c) && c.kind !== 'organization') continue;
    let k = c.end;
    if (/^['’]s$/.test(f.tokens[k]?.text ?? '')) k++;
    const pair = `${f.tokens[k]?.text ?? ''} ${f.tokens[k + 1]?.text ?? ''}`;
    if (COMPANY_NEXT.test(f.tokens[k]?.text ?? '') || /^(?:general manager|chief executive|board of|news agency)$/.test(pair)) companies.add(f.text);
    // "Cofinec S.A.", "Ruch SA": an organisation's name before its legal form is the company's short name
    const last = f.tokens[c.end - 1];
    if ((c.kind === 'organization' || isGuess(c)) && c.end - c.start >= 2 && last && LEGAL_FORM.test(last.text)) {
      // a guessed person or place ending in a legal form is the company ("Tarvexo S.A.")
      if (c.kind !== 'organization') [c.kind, c.rule] = ['organization', 'entities/company'];
      const short = f.text.slice(0, last.start - f.start).trimEnd();
      if (/^\p{Lu}/u.test(short)) companies.add(short);
      // "Magna International Inc": the first word before a generic company word is the short name too
      const second = f.tokens[c.start + 1];
      if (c.end - c.start === 3 && second && COMPANY_WORD.test(second.text)) companies.add((f.tokens[c.start] as Token).text);
    }
  }
  if (companies.size === 0) return;
  for (const f of found) {
    const c = f.candidate;
    if ((!isGuess(c) && !isTown(c)) || !companies.has(f.text)) continue;
    c.kind = 'organization';
    c.entries = [];
    c.rule = 'entities/company';
  }
}

/** How much one mention's kind counts in the vote over its name: a listed or ruled name over a tagger's guess; copies do not vote. */
function voteWeight(c: Candidate): number {
  if (c.rule === 'entities/same-name') return 0;
  if (c.rule === 'entities/tagger') return c.isShouting ? 0.5 : 1;
  return 3;
}

const VOTED = new Set(['person', 'organization', 'location']);

/**
 * One sense per name per article: the tagger's guesses and copies of a name take the kind most of its
 * mentions have (weighted by how sure each is), so "Ruch" tagged a club twice and a person once is a club throughout.
 */
function voteNames(found: readonly Found[]): void {
  const votes = new Map<string, Map<string, { weight: number; best: Candidate; bestWeight: number }>>();
  for (const f of found) {
    const c = f.candidate;
    if (!VOTED.has(c.kind)) continue;
    const w = voteWeight(c);
    if (w === 0) continue;
    let byKind = votes.get(f.text);
    if (!byKind) votes.set(f.text, (byKind = new Map()));
    const tally = byKind.get(c.kind);
    if (!tally) byKind.set(c.kind, { weight: w, best: c, bestWeight: w });
    else {
      tally.weight += w;
      if (w > tally.bestWeight) [tally.best, tally.bestWeight] = [c, w];
    }
  }
  for (const f of found) {
    const c = f.candidate;
    if (!VOTED.has(c.kind) || (c.rule !== 'entities/tagger' && c.rule !== 'entities/same-name')) continue;
    const byKind = votes.get(f.text);
    // a copy votes nothing, so one other kind among the name's mentions outvotes it
    if (!byKind || (byKind.size < 2 && byKind.has(c.kind))) continue;
    let winner: { weight: number; best: Candidate } | undefined;
    let winnerKind = '';
    for (const [kind, tally] of byKind) if (!winner || tally.weight > winner.weight) [winner, winnerKind] = [tally, kind];
    const own = byKind.get(c.kind)?.weight ?? 0;
    if (!winner || winnerKind === c.kind || winner.weight <= own) continue;
    c.kind = winner.best.kind;
    c.entries = winner.best.entries;
    // the rule stays: later passes still treat it as a guess
  }
}

/** The country the article is mostly about: most mentions, the first ones counting double. */
function focusCountry(found: readonly Found[], knowledge: Knowledge): CountryRecord | null {
  const counts = new Map<string, number>();
  for (const f of found) {
    const first = f.candidate.entries[0];
    let code: string | undefined;
    if (first?.kind === 'country') code = first.country.code;
    else if (f.candidate.country) code = f.candidate.country;
    if (!code) continue;
    counts.set(code, (counts.get(code) ?? 0) + (f.sentence < 2 ? 2 : 1));
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [code, count] of counts) if (count > bestCount) [best, bestCount] = [code, count];
  return best ? (knowledge.countryByCode.get(best) ?? null) : null;
}

class EntityTable {
  readonly byId = new Map<string, Entity>();
  readonly #spans = new Set<string>();
  add(id: string, make: () => Omit<Entity, 'mentions' | 'id'>, mention: Mention): Entity {
    let entity = this.byId.get(id);
    if (!entity) {
      entity = { id, ...make(), mentions: [] };
      this.byId.set(id, entity);
    }
    const key = `${id} ${mention.start}:${mention.end}`;
    if (!this.#spans.has(key)) {
      this.#spans.add(key);
      entity.mentions.push(mention);
    }
    return entity;
  }
}

function countryEntity(country: CountryRecord): Omit<Entity, 'mentions' | 'id'> {
  return { name: country.name, type: 'country', code: country.code, role: null, affiliation: null, lat: country.lat, lon: country.lon, country: country.alpha3 };
}

/** The record of an ambiguous place name that fits the article: its focus country, then any country named, then the largest. */
function pickPlace(places: readonly PlaceRecord[], focus: CountryRecord | null, named: ReadonlySet<string>): PlaceRecord {
  return (
    places.find((p) => p.country !== null && p.country === focus?.alpha3) ??
    places.find((p) => p.country !== null && named.has(p.country)) ??
    [...places].sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0] as PlaceRecord
  );
}

function officeAt(person: PersonRecord, day: string | null): string | null {
  const offices = person.offices;
  if (day) {
    const held = offices.filter((o) => o.from <= day && (o.to === null || day < o.to));
    if (held.length > 0) return (held[held.length - 1] as { role: string }).role;
  }
  const last = offices[offices.length - 1];
  return last && last.to === null ? last.role : null;
}

function buildEntities(found: readonly Found[], knowledge: Knowledge, focus: CountryRecord | null, day: string | null): Entity[] {
  const table = new EntityTable();
  const named = new Set<string>();
  for (const f of found) {
    const first = f.candidate.entries[0];
    if (first?.kind === 'country') named.add(first.country.alpha3);
  }
  const people: Entity[] = [];
  const lastPersonBefore: { entity: Entity; end: number }[] = [];
  for (const f of found) {
    const c = f.candidate;
    const mention: Mention = { text: f.text, start: f.start, end: f.end };
    const first: GazetteerEntry | undefined = c.entries[0];
    const rule = c.rule;
    if (c.kind === 'demonym' && first?.kind === 'country') {
      table.add(`country:${first.country.code}`, () => ({ ...countryEntity(first.country), rule }), { ...mention, form: 'demonym' });
      continue;
    }
    if (c.kind === 'demonym' && first?.kind === 'place') {
      const place = pickPlace(first.places, focus, named);
      const type: EntityType = place.type === 'region' ? 'region' : 'place';
      table.add(`${type}:${slugOf(place.name)}`, () => placeEntity(place, type, rule), { ...mention, form: 'demonym' });
      continue;
    }
    if (c.kind === 'reference') {
      const noun = f.text.toLowerCase();
      if (noun === 'ministry') {
        const ministry = [...table.byId.values()].reverse().find((e) => e.id.endsWith('ministry') && e.mentions.some((m) => m.end <= f.start));
        if (ministry) ministry.mentions.push({ ...mention, form: 'reference' });
        continue;
      }
      const match = [...lastPersonBefore].reverse().find((p) => p.end <= f.start && (p.entity.role ?? '').toLowerCase().split(' ').includes(noun));
      if (match) match.entity.mentions.push({ ...mention, form: 'reference' });
      continue;
    }
    if (c.kind === 'ministry') {
      // "the defense ministry" describes; "Defense Ministry" names
      if (/^\p{Ll}/u.test(f.text)) mention.form = 'reference';
      const country = c.country ? knowledge.countryByCode.get(c.country) : focus;
      const code = country ? country.code + (c.sector ?? '') : null;
      const base = slugOf(c.label ?? f.text).replace(/^the-/, '');
      const id = country ? `org:${country.code.toLowerCase()}-${base}` : `org:${base}`;
      table.add(id, () => ({
        name: country ? `${country.name} ${titleCase(c.label ?? f.text)}` : titleCase(c.label ?? f.text),
        type: 'organization', code, role: null, affiliation: country?.alpha3 ?? null, lat: null, lon: null, country: country?.alpha3 ?? null, rule,
      }), mention);
      continue;
    }
    if (first?.kind === 'country') {
      const form = first.form === 'capital' ? 'capital' : first.form === 'alias' ? 'alias' : 'name';
      table.add(`country:${first.country.code}`, () => ({ ...countryEntity(first.country), rule }), { ...mention, form });
      continue;
    }
    if (first?.kind === 'organization') {
      const org = first.org;
      table.add(`org:${org.id}`, () => ({
        name: org.name, type: 'organization', code: org.code, role: null, affiliation: org.country ?? null, lat: null, lon: null, country: org.country ?? null, rule,
      }), mention);
      continue;
    }
    if (c.kind === 'person') {
      const person = first?.kind === 'person' ? first.person : undefined;
      const entity = addPerson(table, people, f, person, knowledge, focus, day);
      lastPersonBefore.push({ entity, end: f.end });
      continue;
    }
    if (first?.kind === 'place') {
      const place = pickPlace(first.places, focus, named);
      const type: EntityType = place.type === 'region' ? 'region' : 'place';
      table.add(`${type}:${slugOf(place.name)}`, () => placeEntity(place, type, rule), mention);
      continue;
    }
    if (c.kind === 'organization') {
      const name = trimName(f.text);
      table.add(`org:${slugOf(name)}`, () => ({ name, type: 'organization', code: null, role: null, affiliation: null, lat: null, lon: null, country: null, rule }), mention);
      continue;
    }
    if (c.kind === 'location') {
      const name = trimName(f.text);
      // the tagger's span may still be a known name in another case or with a clitic stripped
      const known = knowledge.phrases.get(phraseKey(name))?.[0];
      if (known?.kind === 'country') {
        table.add(`country:${known.country.code}`, () => ({ ...countryEntity(known.country), rule }), mention);
        continue;
      }
      if (known?.kind === 'place') {
        const place = pickPlace(known.places, focus, named);
        const type: EntityType = place.type === 'region' ? 'region' : 'place';
        table.add(`${type}:${slugOf(place.name)}`, () => placeEntity(place, type, rule), mention);
        continue;
      }
      table.add(`place:${slugOf(name)}`, () => ({ name, type: 'place', code: null, role: null, affiliation: null, lat: null, lon: null, country: null, rule }), mention);
    }
  }
  const entities = [...table.byId.values()];
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
  return entities.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}

function placeEntity(place: PlaceRecord, type: EntityType, rule: string): Omit<Entity, 'mentions' | 'id'> {
  return { name: place.name, type, code: null, role: null, affiliation: null, lat: place.lat, lon: place.lon, country: place.country, rule };
}

function titleCase(s: string): string {
  return s.replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
}

/** A name as written, with a headline's capitals turned to title case ("LONDON" -> "London"). */
function trimName(text: string): string {
  return /[a-z]/.test(text) ? text : text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, p: string, ch: string) => p + ch.toUpperCase());
}

function addPerson(
  table: EntityTable,
  people: Entity[],
  f: Found,
  person: PersonRecord | undefined,
  knowledge: Knowledge,
  focus: CountryRecord | null,
  day: string | null,
): Entity {
  const c = f.candidate;
  const mention: Mention = { text: f.text, start: f.start, end: f.end };
  const name = trimName(f.text);
  const words = name.split(/\s+/);
  // a surname alone, or any part of a name met earlier in the article, is that person
  const earlier = person
    ? people.find((p) => p.id === `person:${person.id}`)
    : people.find((p) => {
        const parts = p.name.split(/\s+/);
        return words.length < parts.length && words.every((w) => parts.includes(w));
      });
  if (earlier) {
    earlier.mentions.push(mention);
    if (!earlier.role && c.role?.role) earlier.role = c.role.role;
    return earlier;
  }
  const id = person ? `person:${person.id}` : `person:${slugOf(name)}`;
  const explicit = c.country ? knowledge.countryByCode.get(c.country) : undefined;
  const countryCode = explicit?.alpha3 ?? person?.country ?? (c.role?.role ? focus?.alpha3 : undefined) ?? null;
  const cameo = explicit?.code ?? person?.country ?? (c.role?.role ? focus?.code : undefined) ?? null;
  const role = c.role?.role ?? (person ? officeAt(person, day) : null);
  const code = person && (!explicit || explicit.alpha3 === person.country) ? person.code : cameo ? cameo + (c.role?.sector && c.role.sector !== 'IGO' ? c.role.sector : '') : null;
  const entity = table.add(id, () => ({
    name: person?.name ?? name, type: 'person', code, role, affiliation: countryCode, lat: null, lon: null, country: countryCode, rule: c.rule,
  }), mention);
  if (!people.includes(entity)) people.push(entity);
  return entity;
}

export const entities = defineStage('entities', (doc, ctx) => {
  const article = need(doc, 'article');
  return findEntities(article.text, ctx, doc.sentences, article.published ?? doc.input.published ?? null);
});
