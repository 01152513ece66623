/**
 * Actor mentions for event coding, read from the entities: each mention with its CAMEO-style code,
 * widened by a following role noun (Russia's defense ministry -> RUSMIL), merged with a person named
 * right after (Russian Defense Minister Sergei Shoigu), and compound actors (the United States and its allies).
 */
import type { Actor, Entity } from '../../core/doc.js';
import type { Context } from '../../core/context.js';
import { countryCode } from '../entities/lookup.js';

/** One actor mention in the article text. */
export interface ActorMention {
  start: number;
  end: number;
  name: string;
  code: string | null;
  entity: Entity;
}

interface RolesFile {
  roles: Record<string, string[]>;
  anaphors: string[];
  allies: string[];
  bodies: { IGO: string[]; NGO: string[] };
}

interface RoleIndex {
  /** Role noun (lower case) -> role code. */
  byNoun: Map<string, string>;
  /** Matches a role phrase right after a country mention. */
  after: RegExp;
  allies: RegExp;
  anaphor: RegExp;
  igo: RegExp;
  ngo: RegExp;
}

// Words allowed between a country and its role noun: "Russia's new defense ministry", "Afghan government forces".
const ROLE_MODIFIERS =
  'new|interim|military|foreign|local|central|federal|national|senior|top|former|current|state|armed|security|border|special|elite|ruling|main|transitional|provisional|regional';

function roleIndex(ctx: Context): RoleIndex {
  return ctx.data.memo('events/roles', () => {
    const file = ctx.data.load<RolesFile>('actor-roles');
    const byNoun = new Map<string, string>();
    for (const [code, nouns] of Object.entries(file.roles)) for (const noun of nouns) byNoun.set(noun, code);
    const nouns = [...byNoun.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s+'));
    const roleAlt = nouns.join('|');
    return {
      byNoun,
      after: new RegExp(`^(?:['’]s)?((?:\\s+(?:${ROLE_MODIFIERS})){0,2}?)\\s+(${roleAlt})(?![\\w-])`, 'i'),
      allies: new RegExp(`^\\s+(?:${file.allies.map((a) => a.replace(/ /g, '\\s+')).join('|')})(?![\\w-])`, 'i'),
      igo: new RegExp(file.bodies.IGO.join('|')),
      ngo: new RegExp(file.bodies.NGO.join('|')),
      anaphor: new RegExp(`^(?:${file.anaphors.join('|')}|we)(?![\\w-])`, 'i'),
    };
  });
}

/** The role code of a role phrase ("Minister of Defence" -> MIL), or null. */
export function roleCodeOf(role: string | null | undefined, ctx: Context): string | null {
  if (!role) return null;
  const { byNoun } = roleIndex(ctx);
  const lower = role.toLowerCase().replace(/\s+/g, ' ');
  if (/defen[cs]e|military|army|general|command/.test(lower)) return 'MIL';
  const exact = byNoun.get(lower);
  if (exact) return exact;
  for (const [noun, code] of byNoun) if (noun.length > 4 && lower.includes(noun)) return code;
  return null;
}

/** The country a name contains (a country, demonym or capital, one or two words long), or null. */
function countryInName(name: string, ctx: Context): string | null {
  const cache = ctx.data.memo('events/country-in-name', () => new Map<string, string | null>());
  let code = cache.get(name);
  if (code === undefined) {
    code = scanName(name, ctx);
    // Names repeat across articles; the cache is bounded so a hostile stream of names cannot grow it forever.
    if (cache.size > 50_000) cache.clear();
    cache.set(name, code);
  }
  return code;
}

function scanName(name: string, ctx: Context): string | null {
  const words = name.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const pair = words[i + 1] ? countryCode(`${words[i]} ${words[i + 1]}`, ctx.data) : null;
    const code = pair ?? (/^[A-Z]/.test(words[i] ?? '') ? countryCode(words[i] ?? '', ctx.data) : null);
    if (code) return code;
  }
  return null;
}

/** The Phoenix lexicon (data/phoenix-actors.json, scripts/build-phoenix-actors.ts): name key -> "CODE FROM-TO;..." spells. */
function phoenixNames(ctx: Context): Map<string, string> {
  return ctx.data.memo('events/phoenix-actors', () => new Map(Object.entries(ctx.data.load<{ names: Record<string, string> }>('phoenix-actors').names)));
}

/** A name as data/phoenix-actors.json keys it (scripts/build-phoenix-actors.ts builds with this): lower case, accents folded, no dots, hyphens or brackets. */
export function phoenixKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\-‐–]+/g, ' ')
    .replace(/\./g, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The code the Phoenix dictionaries give a person or body our knowledge left without one: the spell
 * holding the article's date ("Andreas Papandreou" in 1985 -> GRCGOV), else the country alone for a
 * person out of office, else an undated spell's code; null for a name they do not list.
 */
export function phoenixCode(name: string, date: string | null, ctx: Context): string | null {
  const value = phoenixNames(ctx).get(phoenixKey(name));
  if (!value) return null;
  const spells = value.split(';').map((s) => {
    const [code = '', range = ''] = s.split(' ');
    const [from = '', to = ''] = range.split('-');
    return { code, from, to, isDated: range !== '' };
  });
  const day = date ? date.replace(/-/g, '').padEnd(8, '0').slice(0, 8) : null;
  if (day) {
    const held = spells.find((s) => s.isDated && (!s.from || s.from <= day) && (!s.to || day <= s.to));
    if (held) return held.code;
  }
  const undated = spells.find((s) => !s.isDated);
  if (undated) return undated.code;
  const first = spells[0]?.code ?? '';
  return /^(?:IGO|NGO)/.test(first) ? first : first.slice(0, 3) || null;
}

/**
 * The CAMEO code of a country given by its ISO alpha-3 code, as places and affiliations carry it: the two differ for Kosovo (XKX,
 * CAMEO KSV), whose towns and capital were coded apart from the country named.
 */
function cameoOfAlpha3(code: string | null, ctx: Context): string | null {
  if (!code || !/^[A-Z]{3}$/.test(code)) return code;
  const differing = ctx.data.memo('events/alpha3-cameo', () => {
    const out = new Map<string, string>();
    for (const c of ctx.data.load<{ countries: { code: string; alpha3: string }[] }>('countries').countries) if (c.code !== c.alpha3) out.set(c.alpha3, c.code);
    return out;
  });
  return differing.get(code) ?? code;
}

/** Prefixes of warships' names and their navies' states (USS Carney, HMS Diamond, HMAS Anzac, INS Kolkata, ROKS Sejong). */
const SHIP_PREFIXES = new Map(Object.entries({ USS: 'USA', USNS: 'USA', HMS: 'GBR', HMAS: 'AUS', HMCS: 'CAN', HMNZS: 'NZL', INS: 'IND', ROKS: 'KOR', JS: 'JPN', FGS: 'DEU', HNLMS: 'NLD', HDMS: 'DNK', HNoMS: 'NOR', HSwMS: 'SWE', ITS: 'ITA', TCG: 'TUR', BRP: 'PHL', KRI: 'IDN', PNS: 'PAK', RSS: 'SGP' }));

/** Base code of an entity: its own code, else a person's affiliation, else the country it lies in, else the kind of body it is. */
function baseCode(entity: Entity, ctx: Context, date: string | null = null): string | null {
  const code = ownOrPlacedCode(entity, ctx, date);
  return code && code.length >= 3 ? (cameoOfAlpha3(code.slice(0, 3), ctx) ?? '') + code.slice(3) : code;
}

function ownOrPlacedCode(entity: Entity, ctx: Context, date: string | null): string | null {
  // A region inside one country (the West Bank, Gaza, Crimea as a place) is that country's, as a city is; one spanning several has none.
  if (entity.type === 'region') return entity.code ?? entity.country ?? null;
  if (entity.type === 'other') return entity.code ?? null;
  if (entity.code) return entity.code;
  if ((entity.type === 'organization' || entity.type === 'person') && !entity.country && !entity.affiliation) {
    // A body or person our knowledge does not list: the Phoenix dictionaries' code, where they list it.
    const phoenix = phoenixCode(entity.name, date, ctx);
    if (phoenix) return phoenix;
  }
  // "USS Carney", "HMS Diamond": a warship's name prefix says whose navy it sails in
  const ship = SHIP_PREFIXES.get(/^(\S+)\s+\p{Lu}/u.exec(entity.name)?.[1] ?? '');
  if (ship && (entity.type === 'organization' || entity.type === 'person')) return `${ship}MIL`;
  if (entity.type === 'organization' && !entity.country) {
    const { igo, ngo } = roleIndex(ctx);
    if (igo.test(entity.name)) return 'IGO';
    if (ngo.test(entity.name)) return 'NGO';
  }
  if (entity.type === 'organization' && !entity.country) {
    // "Baghdad University Medical School", "Montenegro Assembly": a body named after a country or capital belongs to it.
    // A place the gazetteer gives no country is a sea or a region of several ("the Gulf of Oman", "the South China Sea"):
    // the country in its name does not own it.
    const code = countryInName(entity.name, ctx);
    if (code) return code;
  }
  if (entity.type === 'person') {
    const country = entity.affiliation ?? entity.country ?? null;
    if (!country || !/^[A-Z]{3}$/.test(country)) return country;
    const role = roleCodeOf(entity.role, ctx);
    return role ? country + role : country;
  }
  return entity.country ?? null;
}

/** Every actor mention in the text, in text order, overlaps resolved (the longer mention wins). */
export function findActors(text: string, entities: readonly Entity[], ctx: Context, date: string | null = null): ActorMention[] {
  const index = roleIndex(ctx);
  const raw: ActorMention[] = [];
  for (const entity of entities) {
    const code = baseCode(entity, ctx, date);
    for (const mention of entity.mentions) {
      raw.push({ start: mention.start, end: mention.end, name: mention.text, code, entity });
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: ActorMention[] = [];
  for (const mention of raw) {
    const last = mentions[mentions.length - 1];
    if (last && mention.start < last.end) {
      // "the Azerbaijani republic of Nakhichevan" (no code) holds "Azerbaijani" (AZE): the outer mention takes the code.
      if (!last.code && mention.code) last.code = mention.code;
      continue;
    }
    mentions.push({ ...mention });
  }
  // "Myanmar military", "Sudan's army": a country right before a body of its own that the entities found (MMRMIL after MMR) is
  // one actor, the body.
  for (let i = 0; i + 1 < mentions.length; i++) {
    const m = mentions[i]!;
    const next = mentions[i + 1]!;
    if (m.entity.type !== 'country' || !m.code || !next.code || next.code.length <= m.code.length || !next.code.startsWith(m.code)) continue;
    if (!/^(?:['’]s)?\s+$/.test(text.slice(m.end, next.start))) continue;
    mentions.splice(i, 2, { ...next, start: m.start, name: text.slice(m.start, next.end) });
  }
  addRegionalGroups(text, mentions, ctx);
  // Widen a country or organisation by the role noun after it, then absorb a person named right after.
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.entity.type === 'country' || m.entity.type === 'organization') {
      const next = mentions[i + 1];
      const limit = next ? next.start : text.length;
      const role = index.after.exec(text.slice(m.end, Math.min(limit, m.end + 60)));
      if (role?.[2]) {
        const code = index.byNoun.get(role[2].toLowerCase().replace(/\s+/g, ' '));
        m.end += role[0].length;
        m.name = text.slice(m.start, m.end);
        if (code && m.code && /^[A-Z]{3}$/.test(m.code)) m.code += code;
      }
      if (next && next.entity.type === 'person' && next.start - m.end <= 2 && role) {
        m.end = next.end;
        m.name = text.slice(m.start, m.end);
        mentions.splice(i + 1, 1);
      }
    }
    const allies = index.allies.exec(text.slice(m.end, m.end + 40));
    if (allies) {
      m.end += allies[0].length;
      m.name = text.slice(m.start, m.end);
    }
  }
  return mentions;
}

/**
 * An entity for people the coder names by a role or a group word and no entity list holds ("Tigrayan fighters", "protesters"
 * of a state): its id (`group:...`, `people:...`) is the actor's `entityId` only.
 */
export function groupEntity(id: string, name: string, country: string): Entity {
  return { id, name, type: 'other', code: null, role: null, affiliation: null, lat: null, lon: null, country, mentions: [] };
}

/** Armed nouns and civilian nouns after a regional people's name, with the role they give it. */
const GROUP_NOUNS = /^(?:\s+(?:armed|ethnic|local|regional|rival))?\s+(fighters|forces|troops|militants|militia|militias|rebels|separatists|insurgents|guerrillas|gunmen|civilians|refugees|villagers|residents|people)(?![\w-])/i;
const CIVILIAN_NOUNS: Record<string, string> = { civilians: 'CVL', villagers: 'CVL', residents: 'CVL', people: 'CVL', refugees: 'REF' };

/**
 * "Tigrayan fighters", "Baloch separatists", "Chechen militants": a people or region within one state (data/regional-groups.json)
 * named before an armed noun is that state's rebels (ETHREB), before a civilian noun its civilians. No entity names them (they
 * are group words, MISC in NER terms): each gets an actor mention of its own with an entity id `group:<name>` that no entity list
 * holds. Mentions are added in text order, never over one already found.
 */
function addRegionalGroups(text: string, mentions: ActorMention[], ctx: Context): void {
  const groups = ctx.data.memo('events/regional-groups', () => new Map(Object.entries(ctx.data.load<{ groups: Record<string, string> }>('regional-groups').groups)));
  for (const word of text.matchAll(/\b\p{Lu}[\p{L}]+(?![\p{L}-])/gu)) {
    const country = groups.get(word[0]);
    if (!country) continue;
    const start = word.index;
    const noun = GROUP_NOUNS.exec(text.slice(start + word[0].length, start + word[0].length + 40));
    if (!noun?.[1]) continue;
    const end = start + word[0].length + noun[0].length;
    // (over a mention the entities stage made of the name alone with no code: "Tuareg" read as a place)
    const over = mentions.filter((m) => m.start < end && start < m.end);
    if (over.some((m) => m.code !== null || m.start < start || m.end > end)) continue;
    for (const m of over) mentions.splice(mentions.indexOf(m), 1);
    const role = CIVILIAN_NOUNS[noun[1].toLowerCase()] ?? 'REB';
    const name = text.slice(start, end);
    const at = mentions.findIndex((m) => m.start > start);
    mentions.splice(at < 0 ? mentions.length : at, 0, { start, end, name, code: country + role, entity: groupEntity(`group:${word[0].toLowerCase()}`, name, country) });
  }
}

// Roles that, named without a country, belong to the country of whoever acts on them ("police dispersed demonstrators"):
// civilians, rebels and the opposition, farmers (AGR), workers (LAB) and worshippers and clergy (REL), and armed men no one
// names (gunmen: UAF) or criminals (bandits, kidnappers: CRM).
const DOMESTIC_ROLES = new Set(['CVL', 'REB', 'OPP', 'REF', 'INS', 'AGR', 'LAB', 'BUS', 'REL', 'UAF', 'CRM']);

/** The first domestic role noun in a text and its role code (demonstrators -> CVL, rebels -> REB), or null. */
export function domesticRoleIn(text: string, ctx: Context): { noun: string; code: string } | null {
  const { byNoun } = roleIndex(ctx);
  for (const word of text.toLowerCase().split(/[^a-z-]+/)) {
    const code = byNoun.get(word);
    if (code && DOMESTIC_ROLES.has(code)) return { noun: word, code };
  }
  return null;
}

// Roles of a state's own organs, which act at home: "Judge X opened investigations against Chilean officials".
const STATE_ROLES = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG']);

/** The first state-organ role noun in a text (judge -> JUD, police -> COP), or null. */
export function stateRoleIn(text: string, ctx: Context): string | null {
  const { byNoun } = roleIndex(ctx);
  for (const word of text.toLowerCase().split(/[^a-z-]+/)) {
    const code = byNoun.get(word);
    if (code && STATE_ROLES.has(code)) return code;
  }
  return null;
}

/** Whether a clause opens with a pronoun or a definite description (it, the ministry) that points back. */
export function startsWithAnaphor(text: string, ctx: Context): boolean {
  return roleIndex(ctx).anaphor.test(text.trimStart());
}

/** The contract's actor for a mention. */
export function toActor(mention: ActorMention, code: string | null = mention.code): Actor {
  // "MOSCOW", "Armenian", "Chinese": a mention that names the entity itself is shown by the entity's
  // canonical name; one widened by a role ("Russia's defence ministry") keeps its own words.
  const isEntityItself = code !== null && code === mention.entity.code;
  return { name: isEntityItself ? mention.entity.name : mention.name, code, entityId: mention.entity.id };
}
