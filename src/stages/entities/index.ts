/**
 * The `entities` stage: people (with role and affiliation), organisations (with CAMEO codes),
 * countries, places and regions, each with every mention's span in `article.text`.
 * Phases: candidates per sentence (resolve.ts: rules, gazetteer, tagger), article-level refiners
 * (refiners.ts, each returning new candidates; the runner records which one changed a mention's
 * kind), then entities joined within the article.
 */
import { defineStage, need } from '../../core/stage.js';
import type { Entity, EntityType, Mention, Sentence, Token } from '../../core/doc.js';
import type { Context } from '../../core/context.js';
import { applyRefiners } from '../../core/rule.js';
import type { CountryRecord, GazetteerEntry, Knowledge, PersonRecord, PlaceRecord } from './knowledge.js';
import { loadKnowledge, phraseKey } from './knowledge.js';
import { loadRoles } from './roles.js';
import { loadModel } from './model.js';
import { sentenceCandidates } from './resolve.js';
import { docLexicon } from './tagger.js';
import type { Found } from './refiners.js';
import { REFINERS } from './refiners.js';

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

export interface EntitiesOptions {
  /** Refiner and phase ids to leave out (bench/ner.ts measures each one's effect with this). */
  skip?: readonly string[];
  /** The place of a wire dateline the article stage took off the text ("VILNIUS"): see `buildEntities`. */
  dateline?: string | null;
}

/** Finds the entities of an article text from its sentences (with tokens, as the sentences stage makes them). */
export function findEntities(text: string, sentences: readonly Sentence[], ctx: Context, published?: string | null, options: EntitiesOptions = {}): Entity[] {
  const knowledge = loadKnowledge(ctx.data);
  const skip = new Set(options.skip ?? []);
  const found = findCandidates(text, sentences, ctx, knowledge, skip);
  const refined = applyRefiners(found, REFINERS.filter((r) => !skip.has(r.id)), { text, sentences, knowledge });
  const ordered = [...refined].sort((a, b) => a.start - b.start || b.end - a.end);
  const focus = focusCountry(ordered, knowledge);
  const at = published ? published.slice(0, 10) : null;
  return buildEntities(ordered, knowledge, focus, at, options.dateline ?? null);
}

/** Every sentence's candidates, placed in the article. */
function findCandidates(text: string, sentences: readonly Sentence[], ctx: Context, knowledge: Knowledge, skip: ReadonlySet<string>): Found[] {
  const roles = loadRoles(ctx.data);
  const weights = loadModel(ctx.data);
  const tokensOf = (sentence: Sentence, index: number): readonly Token[] => {
    if (!sentence.tokens) throw new Error(`entities: sentence ${index} has no tokens (the sentences stage makes them)`);
    return sentence.tokens;
  };
  const doc = docLexicon(sentences.map((s, i) => tokensOf(s, i).map((t) => t.text)));
  const found: Found[] = [];
  sentences.forEach((sentence, index) => {
    const tokens = tokensOf(sentence, index);
    const covered = new Uint8Array(tokens.length);
    for (const candidate of sentenceCandidates({ tokens, knowledge, roles, weights, doc, skip })) {
      const start = (tokens[candidate.start] as Token).start;
      const end = (tokens[candidate.end - 1] as Token).end;
      covered.fill(1, candidate.start, candidate.end);
      found.push({ ...candidate, sentence: index, tokens, tokenStart: candidate.start, tokenEnd: candidate.end, start, end, text: text.slice(start, end) });
    }
    if (!skip.has(HYPHEN_RULE)) found.push(...hyphenModifiers(text, tokens, covered, knowledge, index));
  });
  return found;
}

const HYPHEN_RULE = 'entities/hyphen-modifier';
/**
 * A name joined by a hyphen to a participle that says whose a thing is or who holds or leads it:
 * "Greek-flagged", "Houthi-held", "Saudi-led", "Moscow-based". Not the maker or the backer ("U.S.-made",
 * "Iran-backed"): that one does not own, hold or act, and would be read as an actor of the clause.
 */
const HYPHEN_MODIFIER = /^(.+?)-(?:flagged|registered|owned|operated|led|based|controlled|held|run|occupied|annexed|administered)$/i;

/** Names inside hyphenated modifiers of tokens no other phase claimed: the name's part of the token only. */
function hyphenModifiers(text: string, tokens: readonly Token[], covered: Uint8Array, knowledge: Knowledge, sentence: number): Found[] {
  const out: Found[] = [];
  tokens.forEach((token, i) => {
    if (covered[i]) return;
    const m = HYPHEN_MODIFIER.exec(token.text);
    if (!m || !/^[A-Z]/.test(m[1] as string)) return;
    // "Marshall Islands-flagged", "Sierra Leone-flagged": a name of several words ends in the hyphenated token; up to two
    // capitalised words before it, no other phase's, open it (the longest listed name wins)
    let from = i;
    let entries = knowledge.phrases.get(phraseKey(m[1] as string));
    for (let k = i - 1; k >= Math.max(0, i - 2) && !covered[k] && /^[A-Z]/.test(tokens[k]!.text); k--) {
      const longer = knowledge.phrases.get(phraseKey(`${text.slice(tokens[k]!.start, token.start).trim()} ${m[1] as string}`));
      if (longer) {
        entries = longer;
        from = k;
      }
    }
    const first = entries?.[0];
    if (!entries || !first || first.kind === 'person') return;
    const kind = first.kind === 'organization' ? 'organization' : first.kind === 'country' && first.form === 'demonym' ? 'demonym' : 'location';
    const start = tokens[from]!.start;
    const end = token.start + (m[1] as string).length;
    out.push({ start, end, kind, entries, rule: HYPHEN_RULE, origin: 'rule', sentence, tokens, tokenStart: from, tokenEnd: i + 1, text: text.slice(start, end) });
  });
  return out;
}

/** The country the article is mostly about: most mentions, the first ones counting double. */
function focusCountry(found: readonly Found[], knowledge: Knowledge): CountryRecord | null {
  const counts = new Map<string, number>();
  for (const f of found) {
    const first = f.entries[0];
    let code: string | undefined;
    if (first?.kind === 'country') code = first.country.code;
    else if (f.country) code = f.country;
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
      if (mention.history) entity.history = [...mention.history];
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

/**
 * The record of an ambiguous place name that fits the article: one of our own written entries (regions, fronts, bases: the
 * sense the news means, as Donetsk in Ukraine over the town of that name in Russia's Rostov region), else its focus country,
 * then any country named, then the largest; a city of millions beats a small namesake in a named country.
 */
function pickPlace(places: readonly PlaceRecord[], focus: CountryRecord | null, named: ReadonlySet<string>): PlaceRecord {
  const written = places.filter((p) => p.population === null && p.type !== 'city');
  if (written.length > 0 && written.length < places.length) return written.find((p) => p.country === focus?.alpha3) ?? written.find((p) => p.country !== null && named.has(p.country)) ?? (written[0] as PlaceRecord);
  const largest = [...places].sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0] as PlaceRecord;
  const fitting = places.find((p) => p.country !== null && p.country === focus?.alpha3) ?? places.find((p) => p.country !== null && named.has(p.country));
  // "A court in Moscow sentenced a U.S. journalist": a city of millions is meant over a town of its name in a country the article
  // names, unless the town is at least a fiftieth of its size (London, Ontario beside London)
  if (fitting && (largest.population ?? 0) >= WORLD_CITY && (largest.population ?? 0) >= WORLD_CITY_RATIO * (fitting.population ?? 0)) return largest;
  return fitting ?? largest;
}

/** A city this large, and this many times larger than its namesake, is the one meant wherever the article is (see pickPlace). */
const WORLD_CITY = 1_000_000;
const WORLD_CITY_RATIO = 50;

function officeAt(person: PersonRecord, day: string | null): string | null {
  const offices = person.offices;
  if (day) {
    const held = offices.filter((o) => o.from <= day && (o.to === null || day < o.to));
    if (held.length > 0) return (held[held.length - 1] as { role: string }).role;
  }
  const last = offices[offices.length - 1];
  return last && last.to === null ? last.role : null;
}

/** People looked back over when joining "the minister" to a person named earlier. */
const REFERENCE_LOOKBACK = 20;

/** A mention with the provenance of the candidate it comes from. */
function mentionOf(f: Found): Mention {
  const mention: Mention = { text: f.text, start: f.start, end: f.end, rule: f.rule };
  if (f.history && f.history.length > 0) mention.history = [...f.history];
  return mention;
}

/**
 * The people of an article, indexed by each word of their names, so a later part of a name
 * ("Shoigu" after "Sergei Shoigu") finds its person without a scan over everyone.
 */
class PeopleIndex {
  readonly #byWord = new Map<string, Entity[]>();
  readonly #byId = new Map<string, Entity>();
  add(entity: Entity): void {
    if (this.#byId.has(entity.id)) return;
    this.#byId.set(entity.id, entity);
    for (const w of new Set(entity.name.split(/\s+/))) {
      const list = this.#byWord.get(w);
      if (list) list.push(entity);
      else this.#byWord.set(w, [entity]);
    }
  }
  /** The first person whose name has more words than `words` and every one of them. */
  containing(words: readonly string[]): Entity | undefined {
    const candidates = this.#byWord.get(words[0] as string) ?? [];
    return candidates.find((p) => {
      const parts = p.name.split(/\s+/);
      return words.length < parts.length && words.every((w) => parts.includes(w));
    });
  }
  byId(id: string): Entity | undefined {
    return this.#byId.get(id);
  }
}

/**
 * Short names that named another state before a date: "Congo" is the Democratic Republic of the Congo in today's wires, but
 * until that state dropped the name Zaire (17 May 1997) it was the Republic of the Congo. Lower-case name -> [day, code].
 */
const NAMES_BEFORE: ReadonlyMap<string, readonly [string, string]> = new Map([['congo', ['1997-05-17', 'COG']]]);

/** The state a short name stood for on the article's day, where it was another than today's; else null. */
function countryThen(name: string, day: string | null, knowledge: Knowledge): CountryRecord | null {
  const before = NAMES_BEFORE.get(name.toLowerCase());
  if (!before || !day || day >= before[0]) return null;
  return knowledge.countryByCode.get(before[1]) ?? null;
}

/** The state a dateline's place lies in (a capital or city of the gazetteer, or a country named), or null. */
function datelineCountry(first: GazetteerEntry | undefined, knowledge: Knowledge, focus: CountryRecord | null, named: ReadonlySet<string>): CountryRecord | null {
  if (!first) return null;
  if (first.kind === 'country') return first.country;
  if (first.kind !== 'place') return null;
  const code = pickPlace(first.places, focus, named).country;
  return code ? (knowledge.countryByCode.get(code) ?? null) : null;
}

function buildEntities(found: readonly Found[], knowledge: Knowledge, focus: CountryRecord | null, day: string | null, datelinePlace: string | null = null): Entity[] {
  const table = new EntityTable();
  const named = new Set<string>();
  for (const f of found) {
    const first = f.entries[0];
    if (first?.kind === 'country') named.add(first.country.alpha3);
  }
  // A wire dateline's place ("VILNIUS, March 4 -"): an official named by title alone speaks for the state the story is filed
  // from ("..., Defence Minister X said"), more often than for the state the article mentions most.
  const dateline = found.find((f) => f.rule === 'entities/dateline');
  const taken = datelinePlace ? knowledge.phrases.get(datelinePlace.toLowerCase().replace(/\s+/g, ' ')) : undefined;
  const filedFrom = datelineCountry(dateline?.entries[0], knowledge, focus, named) ?? datelineCountry(taken?.[0], knowledge, focus, named);
  const home = filedFrom ?? focus;
  const people = new PeopleIndex();
  const lastPersonBefore: { entity: Entity; end: number }[] = [];
  let lastMinistry: Entity | undefined;
  for (const f of found) {
    const c = f;
    const mention = mentionOf(f);
    const first: GazetteerEntry | undefined = c.entries[0];
    const rule = c.rule;
    if (c.kind === 'demonym' && first?.kind === 'country') {
      table.add(`country:${first.country.code}`, () => ({ ...countryEntity(first.country), rule }), { ...mention, form: 'demonym', demonym: true });
      continue;
    }
    if (c.kind === 'demonym' && first?.kind === 'place') {
      const place = pickPlace(first.places, focus, named);
      const type: EntityType = place.type === 'region' ? 'region' : 'place';
      table.add(`${type}:${slugOf(place.name)}`, () => placeEntity(place, type, rule), { ...mention, form: 'demonym', demonym: true });
      continue;
    }
    if (c.kind === 'reference') {
      const noun = f.text.toLowerCase();
      if (noun === 'ministry') {
        // mentions come in text order: the last ministry named is the one before this reference
        if (lastMinistry) lastMinistry.mentions.push({ ...mention, form: 'reference' });
        continue;
      }
      // the nearest earlier person whose role has the noun, among the last few named (bounded work)
      let match: { entity: Entity; end: number } | undefined;
      for (let k = lastPersonBefore.length - 1; k >= Math.max(0, lastPersonBefore.length - REFERENCE_LOOKBACK) && !match; k--) {
        const p = lastPersonBefore[k] as { entity: Entity; end: number };
        if (p.end <= f.start && (p.entity.role ?? '').toLowerCase().split(' ').includes(noun)) match = p;
      }
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
      const ministry = table.add(id, () => ({
        name: country ? `${country.name} ${titleCase(c.label ?? f.text)}` : titleCase(c.label ?? f.text),
        type: 'organization', code, role: null, affiliation: country?.alpha3 ?? null, lat: null, lon: null, country: country?.alpha3 ?? null, rule,
      }), mention);
      if (id.endsWith('ministry')) lastMinistry = ministry;
      continue;
    }
    // "Brussels warned Budapest": a capital that is also the seat a body is named by stands for that body
    const seated = first?.kind === 'country' && first.form === 'capital' ? knowledge.organizations.find((o) => o.seats?.includes(f.text)) : undefined;
    if (seated) {
      table.add(`org:${seated.id}`, () => ({
        name: seated.name, type: 'organization', code: seated.code, role: null, affiliation: seated.country ?? null, lat: null, lon: null, country: seated.country ?? null, rule,
      }), { ...mention, form: 'capital' });
      continue;
    }
    if (first?.kind === 'country') {
      const form = first.form === 'capital' ? 'capital' : first.form === 'alias' ? 'alias' : 'name';
      const then = form === 'alias' ? countryThen(f.text, day, knowledge) : null;
      const country = then ?? first.country;
      table.add(`country:${country.code}`, () => ({ ...countryEntity(country), rule }), { ...mention, form });
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
      const entity = addPerson(table, people, f, person, knowledge, home, day);
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
      // "known as SSB": an organisation's capitals are its acronym, kept; a headline in capitals is title-cased
      const name = f.isShouting ? trimName(f.text) : f.text;
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
  people: PeopleIndex,
  f: Found,
  person: PersonRecord | undefined,
  knowledge: Knowledge,
  focus: CountryRecord | null,
  day: string | null,
): Entity {
  const c = f;
  const mention = mentionOf(f);
  const name = trimName(f.text);
  const words = name.split(/\s+/);
  // a surname alone, or any part of a name met earlier in the article, is that person
  const earlier = person ? people.byId(`person:${person.id}`) : people.containing(words);
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
  const code = person && (!explicit || explicit.alpha3 === person.country) ? person.code : c.bodyCode ? c.bodyCode : cameo ? cameo + (c.role?.sector && c.role.sector !== 'IGO' ? c.role.sector : '') : null;
  const entity = table.add(id, () => ({
    name: person?.name ?? name, type: 'person', code, role, affiliation: countryCode, lat: null, lon: null, country: countryCode, rule: c.rule,
  }), mention);
  people.add(entity);
  return entity;
}

export const entities = defineStage('entities', (doc, ctx) => {
  const article = need(doc, 'article');
  return findEntities(article.text, need(doc, 'sentences'), ctx, article.published ?? doc.input.published ?? null, { dateline: article.dateline ?? null });
});
