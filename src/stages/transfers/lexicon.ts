/**
 * The arms-transfer lexicon (data/transfer-lexicon.json, with the equipment nouns of data/equipment.json)
 * compiled once per process into lookups by lower-cased word sequence.
 */
import type { Context } from '../../core/context.js';

export type Frame = 'give' | 'get' | 'arrive' | 'noun' | 'include';
export type BaseStatus = 'delivered' | 'ordered' | 'pledged' | null;

interface LexiconFile {
  predicates: { id: string; frame: Frame; status: BaseStatus; forms: string[] }[];
  markers: Record<'negation' | 'cancelled' | 'planned' | 'future' | 'approved' | 'signed' | 'started', string[]>;
  nonItems: string[];
  genericHeads: string[];
  heads: Record<string, string[]>;
  models: { names: string[]; origin: string | null; category: string | null }[];
  makers: { names: string[]; state: string | null }[];
}

interface EquipmentFile {
  categories: Record<string, { isMilitary: boolean; nouns: string[] }>;
  numberWords: Record<string, number>;
}

/** A predicate form: the words it spans, its frame and the status it states by itself. */
export interface PredicateEntry {
  id: string;
  frame: Frame;
  status: BaseStatus;
  words: string[];
}

export interface ModelEntry {
  words: string[];
  origin: string | null;
  category: string | null;
}

/** The compiled lexicon; every key is lower case, multiword entries as word arrays, longest first. */
export interface TransferLexicon {
  predicates: PredicateEntry[];
  markers: Record<keyof LexiconFile['markers'], string[][]>;
  /** Equipment head nouns (singular) -> category; military categories only. */
  heads: Map<string, string>;
  headWords: string[][];
  generic: Set<string>;
  nonItems: string[][];
  models: ModelEntry[];
  makers: { words: string[]; state: string | null }[];
  numberWords: Record<string, number>;
  /** The entries above keyed by their first word, each list in the entries' longest-first order. */
  index: {
    predicates: Map<string, PredicateEntry[]>;
    models: Map<string, ModelEntry[]>;
    heads: Map<string, string[][]>;
    makers: Map<string, { words: string[]; state: string | null }[]>;
    /** Each entry's position in its longest-first list, to pick among entries of several keys as a scan of the list would. */
    rank: Map<object, number>;
  };
}

/** The first entry, in list order, among the buckets of several keys that passes `test`. */
export function firstMatch<T extends object>(index: Map<string, T[]>, keys: readonly string[], rank: Map<object, number>, test: (entry: T) => boolean): T | undefined {
  let best: T | undefined;
  let bestRank = Infinity;
  // Called for every token with a few keys, mostly the same word or found nowhere: no set or empty list is made.
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const bucket = index.get(key);
    if (bucket === undefined || keys.indexOf(key) < k) continue;
    for (const entry of bucket) {
      const r = rank.get(entry) ?? Infinity;
      if (r < bestRank && test(entry)) {
        best = entry;
        bestRank = r;
      }
    }
  }
  return best;
}

/** Entries keyed by their first word, keeping the list's order within each key. */
function byFirstWord<T>(list: readonly T[], words: (entry: T) => readonly string[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const entry of list) {
    const key = words(entry)[0] ?? '';
    const bucket = index.get(key);
    if (bucket) bucket.push(entry);
    else index.set(key, [entry]);
  }
  return index;
}

const split = (phrase: string): string[] => phrase.toLowerCase().split(/\s+/).filter(Boolean);
const longestFirst = <T extends { words: string[] }>(list: T[]): T[] => list.sort((a, b) => b.words.length - a.words.length);

/** The lexicon, built once per DataFiles. */
export function transferLexicon(ctx: Context): TransferLexicon {
  return ctx.data.memo('transfers/lexicon', () => {
    const file = ctx.data.load<LexiconFile>('transfer-lexicon');
    const equipment = ctx.data.load<EquipmentFile>('equipment');
    const heads = new Map<string, string>();
    for (const [category, { isMilitary, nouns }] of Object.entries(equipment.categories)) {
      if (isMilitary) for (const noun of nouns) heads.set(noun.toLowerCase(), category);
    }
    for (const [category, nouns] of Object.entries(file.heads)) for (const noun of nouns) heads.set(noun.toLowerCase(), category);
    const markers = {} as TransferLexicon['markers'];
    for (const [name, list] of Object.entries(file.markers)) markers[name as keyof LexiconFile['markers']] = list.map(split).sort((a, b) => b.length - a.length);
    const predicates = longestFirst(file.predicates.flatMap((p) => p.forms.map((f) => ({ id: p.id, frame: p.frame, status: p.status, words: split(f) }))));
    const headWords = [...heads.keys()].map(split).sort((a, b) => b.length - a.length);
    const models = longestFirst(file.models.flatMap((m) => m.names.map((n) => ({ words: split(n), origin: m.origin, category: m.category }))));
    const makers = longestFirst(file.makers.flatMap((m) => m.names.map((n) => ({ words: split(n), state: m.state }))));
    return {
      predicates,
      markers,
      heads,
      headWords,
      generic: new Set(file.genericHeads.map((g) => g.toLowerCase())),
      nonItems: file.nonItems.map(split).sort((a, b) => b.length - a.length),
      models,
      makers,
      numberWords: equipment.numberWords,
      index: {
        predicates: byFirstWord(predicates, (p) => p.words),
        models: byFirstWord(models, (m) => m.words),
        heads: byFirstWord(headWords, (h) => h),
        makers: byFirstWord(makers, (m) => m.words),
        rank: new Map<object, number>([predicates, models, headWords, makers].flatMap((list: readonly object[]) => list.map((entry, i) => [entry, i] as [object, number]))),
      },
    };
  });
}

/** The singular of an English noun as the lexicon keys it ("howitzers" -> "howitzer", "batteries" -> "battery"). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  // Read from the word's end without regular expressions: this runs for every token of a sentence with a predicate.
  if (w.length <= 3 || !w.endsWith('s') || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('xes')) return w.slice(0, -2);
  // "torpedoes", "volcanoes": a plural "oes" drops its "es".
  if (w.endsWith('oes') && w.charCodeAt(w.length - 4) !== 0x6f) return w.slice(0, -2);
  return w.slice(0, -1);
}
