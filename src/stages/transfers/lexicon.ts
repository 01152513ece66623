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
    return {
      predicates: longestFirst(file.predicates.flatMap((p) => p.forms.map((f) => ({ id: p.id, frame: p.frame, status: p.status, words: split(f) })))),
      markers,
      heads,
      headWords: [...heads.keys()].map(split).sort((a, b) => b.length - a.length),
      generic: new Set(file.genericHeads.map((g) => g.toLowerCase())),
      nonItems: file.nonItems.map(split).sort((a, b) => b.length - a.length),
      models: longestFirst(file.models.flatMap((m) => m.names.map((n) => ({ words: split(n), origin: m.origin, category: m.category })))),
      makers: longestFirst(file.makers.flatMap((m) => m.names.map((n) => ({ words: split(n), state: m.state })))),
      numberWords: equipment.numberWords,
    };
  });
}

/** The singular of an English noun as the lexicon keys it ("howitzers" -> "howitzer", "batteries" -> "battery"). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (/(?:ss|us|is)$/.test(w) || w.length <= 3) return w;
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ch|sh|x)es$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}
