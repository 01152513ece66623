/**
 * Hand-made documents for the events, transfers and sections tests: an article text run through the
 * real sentences and syntax stages, with entities and dates given by their surface forms, so these
 * tests do not wait on the entities and dates stages.
 */
import type { DatePrecision, Doc, Entity, EntityType } from '../../src/core/doc.js';
import { createContext } from '../../src/core/context.js';
import { sentences } from '../../src/stages/sentences/index.js';
import { syntax } from '../../src/stages/syntax/index.js';

/** An entity by its surface forms; every occurrence of each becomes a mention. */
export interface EntitySketch {
  name: string;
  type: EntityType;
  code?: string | null;
  affiliation?: string | null;
  role?: string | null;
  country?: string | null;
  lat?: number | null;
  lon?: number | null;
  surfaces?: string[];
}

/** A date by the text it is read from. */
export interface DateSketch {
  text: string;
  value: string | null;
  precision: DatePrecision;
}

export interface DocSketch {
  text: string;
  entities?: EntitySketch[];
  dates?: DateSketch[];
  published?: string | null;
  source?: string | null;
  publisher?: string | null;
  section?: string | null;
  title?: string | null;
}

function occurrences(text: string, surface: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\w-])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/** Countries used across the fixtures, so a test names them by code. */
export const COUNTRIES: Record<string, EntitySketch> = {
  RUS: { name: 'Russia', type: 'country', code: 'RUS', surfaces: ['Russia', 'Russian', 'Moscow'], lat: 61.5, lon: 105.3 },
  TJK: { name: 'Tajikistan', type: 'country', code: 'TJK', surfaces: ['Tajikistan', 'Tajik'], lat: 38.9, lon: 71.3 },
  AFG: { name: 'Afghanistan', type: 'country', code: 'AFG', surfaces: ['Afghanistan', 'Afghan', 'Kabul'], lat: 33.9, lon: 67.7 },
  USA: { name: 'United States', type: 'country', code: 'USA', surfaces: ['United States', 'American', 'Washington', 'U.S.', 'US'], lat: 38.9, lon: -77 },
  UKR: { name: 'Ukraine', type: 'country', code: 'UKR', surfaces: ['Ukraine', 'Ukrainian', 'Kyiv'], lat: 48.4, lon: 31.2 },
  CHN: { name: 'China', type: 'country', code: 'CHN', surfaces: ['China', 'Chinese', 'Beijing'], lat: 35.9, lon: 104.2 },
  IRN: { name: 'Iran', type: 'country', code: 'IRN', surfaces: ['Iran', 'Iranian', 'Tehran'], lat: 32.4, lon: 53.7 },
  ISR: { name: 'Israel', type: 'country', code: 'ISR', surfaces: ['Israel', 'Israeli'], lat: 31, lon: 34.9 },
  FRA: { name: 'France', type: 'country', code: 'FRA', surfaces: ['France', 'French', 'Paris'], lat: 46.2, lon: 2.2 },
  DEU: { name: 'Germany', type: 'country', code: 'DEU', surfaces: ['Germany', 'German', 'Berlin'], lat: 51.2, lon: 10.4 },
  IND: { name: 'India', type: 'country', code: 'IND', surfaces: ['India', 'Indian', 'New Delhi'], lat: 20.6, lon: 79 },
  PAK: { name: 'Pakistan', type: 'country', code: 'PAK', surfaces: ['Pakistan', 'Pakistani', 'Islamabad'], lat: 30.4, lon: 69.3 },
  PRK: { name: 'North Korea', type: 'country', code: 'PRK', surfaces: ['North Korea', 'North Korean', 'Pyongyang'], lat: 40.3, lon: 127.5 },
  KOR: { name: 'South Korea', type: 'country', code: 'KOR', surfaces: ['South Korea', 'South Korean', 'Seoul'], lat: 35.9, lon: 127.8 },
  TUR: { name: 'Turkey', type: 'country', code: 'TUR', surfaces: ['Turkey', 'Turkish', 'Ankara'], lat: 39, lon: 35.2 },
  SYR: { name: 'Syria', type: 'country', code: 'SYR', surfaces: ['Syria', 'Syrian', 'Damascus'], lat: 34.8, lon: 39 },
  POL: { name: 'Poland', type: 'country', code: 'POL', surfaces: ['Poland', 'Polish', 'Warsaw'], lat: 51.9, lon: 19.1 },
  JPN: { name: 'Japan', type: 'country', code: 'JPN', surfaces: ['Japan', 'Japanese', 'Tokyo'], lat: 36.2, lon: 138.3 },
  EGY: { name: 'Egypt', type: 'country', code: 'EGY', surfaces: ['Egypt', 'Egyptian', 'Cairo'], lat: 26.8, lon: 30.8 },
  GBR: { name: 'United Kingdom', type: 'country', code: 'GBR', surfaces: ['Britain', 'British', 'London'], lat: 55.4, lon: -3.4 },
};

/** Builds a document as the earlier stages would leave it. */
export function sketchDoc(sketch: DocSketch): Doc {
  const text = sketch.text;
  const entities: Entity[] = (sketch.entities ?? []).map((e) => ({
    id: `${e.type}:${e.name.toLowerCase().replace(/\W+/g, '-')}`,
    name: e.name,
    type: e.type,
    code: e.code ?? null,
    role: e.role ?? null,
    affiliation: e.affiliation ?? null,
    lat: e.lat ?? null,
    lon: e.lon ?? null,
    country: e.country ?? null,
    mentions: (e.surfaces ?? [e.name]).flatMap((s) =>
      occurrences(text, s).map((start) => ({ text: s, start, end: start + s.length })),
    ),
  }));
  const dates = (sketch.dates ?? []).flatMap((d) =>
    occurrences(text, d.text).map((start) => ({ text: d.text, start, end: start + d.text.length, value: d.value, precision: d.precision })),
  );
  const doc: Doc = {
    input: { origin: 'sketch', bytes: Buffer.from(text) },
    messages: [],
    article: {
      title: sketch.title ?? null,
      text,
      publisher: sketch.publisher ?? null,
      source: sketch.source ?? null,
      section: sketch.section ?? null,
      byline: null,
      published: sketch.published ?? '2024-03-15T10:00:00',
      language: 'en',
      url: null,
    },
    entities,
    dates,
  };
  const ctx = createContext();
  doc.sentences = sentences.run(doc, ctx);
  doc.syntax = syntax.run(doc, ctx);
  return doc;
}
