/**
 * Small lookups over the entities product for later stages (events, transfers): which actor a span
 * names, and the CAMEO code of a country name.
 */
import type { Doc, Entity, Mention } from '../../core/doc.js';
import type { DataFiles } from '../../core/context.js';
import { createContext } from '../../core/context.js';
import { loadKnowledge, phraseKey } from './knowledge.js';
import type { CountryRecord } from './knowledge.js';

/** An entity and the mention of it found in a span. */
export interface ActorHit {
  entity: Entity;
  mention: Mention;
}

/** Every entity mentioned inside [start, end) of article.text, in text order (a mention must lie wholly inside). */
export function actorsIn(doc: Doc, start: number, end: number): ActorHit[] {
  const hits: ActorHit[] = [];
  for (const entity of doc.entities ?? []) {
    for (const mention of entity.mentions) if (mention.start >= start && mention.end <= end) hits.push({ entity, mention });
  }
  return hits.sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
}

/**
 * The entity named at [start, end): a mention overlapping the span, the longest first
 * ("Russian Defense Ministry" over "Russian"); null when none.
 */
export function actorAt(doc: Doc, start: number, end: number): Entity | null {
  let best: ActorHit | null = null;
  for (const entity of doc.entities ?? []) {
    for (const mention of entity.mentions) {
      if (mention.end <= start || mention.start >= end) continue;
      if (!best || mention.end - mention.start > best.mention.end - best.mention.start) best = { entity, mention };
    }
  }
  return best?.entity ?? null;
}

/** The CAMEO code of a country named by name, alias, demonym or capital ("U.S." -> "USA", "Russian" -> "RUS"); null when unknown. */
export function countryCode(name: string, data: DataFiles = createContext().data): string | null {
  const entries = loadKnowledge(data).phrases.get(phraseKey(name));
  for (const entry of entries ?? []) if (entry.kind === 'country') return entry.country.code;
  return null;
}

/** The CAMEO actor code of the entity named at a span (RUSMIL, TAL, NATO...), or null. */
export function actorCodeAt(doc: Doc, start: number, end: number): string | null {
  return actorAt(doc, start, end)?.code ?? null;
}

/** The knowledge record of a country by CAMEO or ISO alpha-3 code (its FIPS 10-4 code for GDELT, names, centroid), or null. */
export function countryRecord(code: string, data: DataFiles = createContext().data): CountryRecord | null {
  return loadKnowledge(data).countryByCode.get(code.toUpperCase()) ?? null;
}

/**
 * Whether a CAMEO actor code names a body or a group (NATO, UNO, TAL, IGO, MED...) rather than
 * starting with a country's code (RUSMIL, USAGOV): the one place that decides it, from the country
 * list in data/countries.json, so a code added to organizations.json needs no edit elsewhere.
 */
export function isGroupCode(code: string, data: DataFiles = createContext().data): boolean {
  return !loadKnowledge(data).countryByCode.has(code.slice(0, 3).toUpperCase());
}
