/**
 * Actors as the desk shows them: one canonical name per actor code ("Russia" for RUS however an article
 * named it: "MOSCOW", "Russian"; "Russia · military" for RUSMIL), and a compound actor stored under one
 * name ("Britain, France and Germany") split into its members.
 */
import { DataFiles } from '../core/context.js';
import { countryCode, countryRecord } from '../stages/entities/lookup.js';

/** Sector suffixes of CAMEO actor codes, as words. */
const SECTORS: Record<string, string> = {
  GOV: 'government',
  MIL: 'military',
  COP: 'police',
  JUD: 'judiciary',
  LEG: 'legislature',
  REB: 'rebels',
  OPP: 'opposition',
  CVL: 'civilians',
  BUS: 'business',
  MED: 'media',
  SPY: 'intelligence',
  INS: 'insurgents',
  REF: 'refugees',
  ELI: 'elites',
  PTY: 'party',
  EDU: 'education',
  HLH: 'health',
  LAB: 'labour',
  AGR: 'agriculture',
  ENV: 'environment',
  CRM: 'criminals',
  UAF: 'armed group',
  IGO: 'international body',
  NGO: 'NGO',
};

let data: DataFiles | null = null;

function files(): DataFiles {
  data ??= new DataFiles();
  return data;
}

/**
 * The canonical name of an actor code: a country's own name, a country and its sector ("Russia · military"),
 * or null where the code names no country (IGO, NATO, TAL: the most used mention then names it).
 */
export function canonicalActorName(code: string | null | undefined): string | null {
  if (!code || !/^[A-Z]{3}/.test(code)) return null;
  const country = countryRecord(code.slice(0, 3), files());
  if (!country) return null;
  if (code.length === 3) return country.name;
  const sector = SECTORS[code.slice(3, 6)];
  return sector ? `${country.name} · ${sector}` : null;
}

/**
 * The members of a compound actor name ("Britain, France and Germany" -> each country with its code),
 * or null when the name is not a list whose every member is a country.
 */
export function compoundMembers(name: string | null | undefined): Array<{ name: string; code: string }> | null {
  if (!name || !/,|\band\b/.test(name)) return null;
  const parts = name
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/i)
    .map((p) => p.replace(/^the\s+/i, '').trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  const members: Array<{ name: string; code: string }> = [];
  for (const part of parts) {
    const code = countryCode(part, files());
    if (!code) return null;
    members.push({ name: countryRecord(code, files())?.name ?? part, code });
  }
  return members;
}
