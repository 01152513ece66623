/**
 * Builds data/phoenix-actors.json from PETRARCH's Phoenix actor dictionaries (MIT, Open Event Data
 * Alliance; ../shared/reference/petrarch-dictionaries/): the people of Phoenix.Countries.actors.txt
 * with their CAMEO codes and dates ("ANDREAS_PAPANDREOU_ [GRCGOV 811021-890702]"), and the armed
 * groups and international bodies of Phoenix.MilNonState/International.actors.txt ("UNITA_").
 * The events stage codes a person or body our own knowledge left without a code from it.
 * Usage: npx tsx scripts/build-phoenix-actors.ts [dictionary folder]
 *
 * What is kept, and why (the files hold stale and odd entries):
 * - a code must open with a country code of data/countries.json or a body prefix (IGO, NGO, ...);
 *   codes such as ANGREB or SEAREB that name no country are dropped;
 * - a name read for two different countries is dropped (which one a text means is unknown);
 * - names of fewer than two words are kept only for groups ("UNITA", "HAMAS"), never for people:
 *   one word of a person's name is too often someone else's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { phoenixKey } from '../src/stages/events/actors.js';

/** One coded spell of an actor: its code, and the dates it held (YYYYMMDD, '' for open). */
export interface Spell {
  code: string;
  from: string;
  to: string;
}

/** Body prefixes a code may open with besides a country. */
const BODY_PREFIXES = ['IGO', 'NGO'];

/** A name as the events stage looks it up: the stage's own key (lower case, accents folded, no dots or hyphens). */
export const nameKey = phoenixKey;

/** TABARI dates are YYMMDD (two-digit years: 00-29 are 20xx) or YYYYMMDD. */
export function fullDate(date: string): string {
  if (/^\d{8}$/.test(date)) return date;
  if (/^\d{6}$/.test(date)) return (Number(date.slice(0, 2)) < 30 ? '20' : '19') + date;
  return '';
}

/** The spells of one bracket: `[GRCGOV 811021-890702]`, `[BDIGOV >090901]`, `[HTIOPPMED <061231]`, `[IGOUNO]`. */
export function readBracket(bracket: string): Spell | null {
  const m = /^\s*([A-Z]{3,15})\s*(?:(\d{6,8})\s*-\s*(\d{6,8})|>\s*(\d{6,8})|<\s*(\d{6,8}))?\s*$/.exec(bracket);
  if (!m?.[1]) return null;
  return { code: m[1], from: fullDate(m[2] ?? m[4] ?? ''), to: fullDate(m[3] ?? m[5] ?? '') };
}

/** Reads one actor file: each entry's names (head and `+` aliases) with its spells. */
export function readActors(lines: readonly string[]): { names: string[]; spells: Spell[] }[] {
  const out: { names: string[]; spells: Spell[] }[] = [];
  let current: { names: string[]; spells: Spell[] } | null = null;
  for (const raw of lines) {
    const line = raw.replace(/#.*$/, '');
    if (line.trim() === '') continue;
    const brackets = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => readBracket(m[1] ?? '')).filter((s): s is Spell => s !== null);
    const name = line.replace(/\[[^\]]*\]/g, ' ').trim();
    if (/^\s/.test(raw) && name === '') {
      current?.spells.push(...brackets);
      continue;
    }
    if (name.startsWith('+')) {
      current?.names.push(name.slice(1));
      current?.spells.push(...brackets);
      continue;
    }
    current = { names: [name], spells: brackets };
    out.push(current);
  }
  return out;
}

/** Whether a code opens with a known country or body. */
function isKnownCode(code: string, countries: ReadonlySet<string>): boolean {
  return countries.has(code.slice(0, 3)) || BODY_PREFIXES.includes(code.slice(0, 3));
}

/** The compiled lexicon: name key -> spells as `CODE FROM-TO` joined by `;`. */
export function buildLexicon(files: { kind: 'people' | 'groups'; lines: readonly string[] }[], countries: ReadonlySet<string>): Record<string, string> {
  const byName = new Map<string, Spell[] | null>();
  for (const { kind, lines } of files) {
    for (const entry of readActors(lines)) {
      const spells = entry.spells.filter((s) => isKnownCode(s.code, countries));
      if (spells.length === 0) continue;
      // A country's own block (CAMBODIA_ [KHM]) lists places and names of the country: our gazetteer's business.
      if (kind === 'people' && spells.some((s) => s.code.length === 3 && !s.from && !s.to)) continue;
      for (const raw of entry.names) {
        const key = nameKey(raw);
        if (!key || (kind === 'people' && !key.includes(' '))) continue;
        const known = byName.get(key);
        if (known === null) continue;
        if (known && known.some((s) => s.code.slice(0, 3) !== spells[0]!.code.slice(0, 3))) {
          byName.set(key, null);
          continue;
        }
        byName.set(key, [...(known ?? []), ...spells]);
      }
    }
  }
  const out: Record<string, string> = {};
  for (const [key, spells] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    if (!spells) continue;
    const seen = new Set<string>();
    out[key] = spells
      .map((s) => `${s.code}${s.from || s.to ? ` ${s.from}-${s.to}` : ''}`)
      .filter((s) => !seen.has(s) && Boolean(seen.add(s)))
      .join(';');
  }
  return out;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const root = path.resolve(import.meta.dirname, '..');
  const folder = process.argv[2] ?? path.resolve(root, '../shared/reference/petrarch-dictionaries');
  const read = (name: string): string[] => readFileSync(path.join(folder, name), 'latin1').split(/\r?\n/);
  const countries = new Set(
    (JSON.parse(readFileSync(path.join(root, 'data/countries.json'), 'utf8')) as { countries: { code: string }[] }).countries.map((c) => c.code),
  );
  const names = buildLexicon(
    [
      { kind: 'people', lines: read('Phoenix.Countries.actors.txt') },
      { kind: 'groups', lines: read('Phoenix.MilNonState.actors.txt') },
      { kind: 'groups', lines: read('Phoenix.International.actors.txt') },
    ],
    countries,
  );
  const file = {
    about:
      'People, armed groups and international bodies with CAMEO actor codes and dates, converted by scripts/build-phoenix-actors.ts from the Phoenix actor dictionaries of PETRARCH (Open Event Data Alliance, MIT licence, openeventdata/petrarch2). Each value: spells "CODE FROM-TO" (YYYYMMDD, empty where open) joined by ";".',
    version: 1,
    names,
  };
  writeFileSync(path.join(root, 'data/phoenix-actors.json'), JSON.stringify(file) + '\n');
  console.log(`data/phoenix-actors.json: ${Object.keys(names).length} names`);
}
