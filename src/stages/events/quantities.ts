/**
 * Counts and equipment in a text ("12 armored vehicles", "three T-72B1 tanks", "$700 million"), each
 * item typed into a category from data/equipment.json. Shared by the events and transfers stages.
 */
import type { Quantity } from '../../core/doc.js';
import type { Context } from '../../core/context.js';

interface EquipmentFile {
  categories: Record<string, { isMilitary: boolean; nouns: string[] }>;
  numberWords: Record<string, number>;
  scales: Record<string, number>;
}

/** A quantity found in a text, with its offsets relative to that text. */
export interface QuantityFinding extends Quantity {
  start: number;
  end: number;
}

interface EquipmentIndex {
  counted: RegExp;
  bare: RegExp;
  money: RegExp;
  categoryOf: Map<string, string>;
  military: Set<string>;
  numberWords: Record<string, number>;
  scales: Record<string, number>;
}

// Adjectives dropped from an item's name: "30 new tanks" is 30 tanks.
const GENERIC_ADJECTIVES = new Set(['new', 'additional', 'more', 'modern', 'old', 'used', 'advanced', 'latest', 'further', 'extra', 'other', 'such']);
const STOP = 'of|and|or|to|the|from|with|in|on|for|by|at|as|that|which|were|was|is|are|have|has|had|be|been|people|percent|per|years?|days?|months?|weeks?|dollars|euros|pounds|including|worth|about|around|nearly|over|up';

function equipmentIndex(ctx: Context): EquipmentIndex {
  return ctx.data.memo('events/equipment', () => {
    const file = ctx.data.load<EquipmentFile>('equipment');
    const categoryOf = new Map<string, string>();
    const military = new Set<string>();
    for (const [category, { isMilitary, nouns }] of Object.entries(file.categories)) {
      if (isMilitary) military.add(category);
      for (const noun of nouns) categoryOf.set(noun, category);
    }
    const nouns = [...categoryOf.keys()]
      .sort((a, b) => b.length - a.length)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+'))
      .join('|');
    const words = Object.keys(file.numberWords).filter((w) => w !== 'a' && w !== 'an').join('|');
    const scales = Object.keys(file.scales).join('|');
    const number = `(\\d[\\d,]*(?:\\.\\d+)?|${words}|an?(?=\\s+(?:${nouns})))(?:\\s+(${scales}))?`;
    return {
      counted: new RegExp(`(?<![\\w$-])${number}((?:\\s+(?!(?:${STOP})\\b)[\\w-]+){0,3}?)\\s+(${nouns})(?:e?s)?(?![\\w-])`, 'gi'),
      bare: new RegExp(`(?<![\\w-])(${nouns})(?:e?s)?(?![\\w-])`, 'gi'),
      money: new RegExp(
        `(?:(?:US\\s?)?\\$\\s?(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*(${scales}|bn|m)\\b)?|(\\d[\\d,]*(?:\\.\\d+)?)\\s*(${scales})?\\s+(?:US\\s+)?dollars)`,
        'gi',
      ),
      categoryOf,
      military,
      numberWords: file.numberWords,
      scales: file.scales,
    };
  });
}

function parseNumber(text: string, scale: string | undefined, index: EquipmentIndex): number {
  const lower = text.toLowerCase();
  let value = /^\d/.test(lower) ? Number(lower.replace(/,/g, '')) : (index.numberWords[lower] ?? (lower.startsWith('a') ? 1 : NaN));
  const s = scale?.toLowerCase();
  if (s) value *= index.scales[s] ?? (s === 'bn' ? 1e9 : s === 'm' ? 1e6 : 1);
  return value;
}

function nounCategory(noun: string, index: EquipmentIndex): string | null {
  const key = noun.toLowerCase().replace(/[\s-]+/g, ' ');
  return index.categoryOf.get(key) ?? index.categoryOf.get(key.replace(/-/g, ' ')) ?? null;
}

/** A capitalised word of version or class right before a number: the number is part of a model's name. */
const VERSION_WORD = /(?:^|[^\w-])(?:Block|Type|Mk\.?|Mark|Flight|Increment|Lot|Batch|Tranche|Series|Model|Project)\s+$/;

/** Counted items and sums of money in a text, in text order. */
export function findQuantities(text: string, ctx: Context): QuantityFinding[] {
  const index = equipmentIndex(ctx);
  const found: QuantityFinding[] = [];
  index.counted.lastIndex = 0;
  for (let m = index.counted.exec(text); m; m = index.counted.exec(text)) {
    const count = parseNumber(m[1] ?? '', m[2], index);
    const noun = m[4] ?? '';
    if (!Number.isFinite(count) || count <= 0) continue;
    // "a weapons depot", "an arms convoy": a plural after "a" modifies the noun after it; nothing is counted
    if (/^an?$/i.test(m[1] ?? '') && !m[2] && m[0].length > m[0].lastIndexOf(noun) + noun.length) continue;
    // "F-16 Block 70 jets", "Type 26 frigates", "Mk 48 torpedoes": a number after a word of version or class names the model
    if (VERSION_WORD.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const modifiers = (m[3] ?? '').trim().split(/\s+/).filter((w) => w && !GENERIC_ADJECTIVES.has(w.toLowerCase()));
    const nounEnd = m.index + m[0].length;
    const nounText = text.slice(nounEnd - (m[0].length - m[0].lastIndexOf(noun)), nounEnd);
    found.push({
      count,
      item: [...modifiers, nounText].join(' '),
      category: nounCategory(noun, index),
      start: m.index,
      end: nounEnd,
    });
  }
  index.money.lastIndex = 0;
  for (let m = index.money.exec(text); m; m = index.money.exec(text)) {
    const count = parseNumber(m[1] ?? m[3] ?? '', m[2] ?? m[4], index);
    if (!Number.isFinite(count)) continue;
    found.push({ count, item: m[0].trim(), category: 'money', unit: 'USD', start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Categories of equipment named in a text, counted or not ("armored vehicles and military equipment"). */
export function equipmentCategories(text: string, ctx: Context): string[] {
  const index = equipmentIndex(ctx);
  const out = new Set<string>();
  index.bare.lastIndex = 0;
  for (let m = index.bare.exec(text); m; m = index.bare.exec(text)) {
    const category = nounCategory(m[1] ?? '', index);
    if (category) out.add(category);
  }
  return [...out];
}

/** Whether a category is military equipment (makes aid military aid, and a transfer worth registering). */
export function isMilitaryCategory(category: string | null | undefined, ctx: Context): boolean {
  return category ? equipmentIndex(ctx).military.has(category) : false;
}
