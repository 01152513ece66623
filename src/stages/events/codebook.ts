/** The CAMEO codebook (data/cameo.json): Goldstein weight, QuadClass and PLOVER type of each code. */
import type { Context } from '../../core/context.js';

/** One code of the codebook. */
export interface CameoEntry {
  code: string;
  root: string;
  label: string;
  goldstein: number;
  quadClass: 1 | 2 | 3 | 4;
  plover: string | null;
  mode?: string;
  context?: string;
}

/** Code -> entry, built once. */
export function cameoCodebook(ctx: Context): Map<string, CameoEntry> {
  return ctx.data.memo('events/cameo', () => {
    const file = ctx.data.load<{ codes: CameoEntry[] }>('cameo');
    return new Map(file.codes.map((entry) => [entry.code, entry]));
  });
}

/** The entry for a code, falling back to its parent (0332 -> 033 -> 03); throws on a code not in the book. */
export function cameoEntry(code: string, ctx: Context): CameoEntry {
  const book = cameoCodebook(ctx);
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const entry = book.get(c);
    if (entry) return entry;
  }
  throw new Error(`unknown CAMEO code "${code}"`);
}

/**
 * The CAMEO code for an action stated as intended, planned or conditional: cooperation becomes
 * "express intent to ..." (03), conflict becomes "threaten ..." (13), as the codebook directs.
 */
export function intentCode(code: string, ctx: Context): string {
  const root = code.slice(0, 2);
  const sub = code.slice(2, 3);
  const pick = (...candidates: string[]): string => candidates.find((c) => cameoCodebook(ctx).has(c)) ?? code;
  switch (root) {
    case '04':
      return '036';
    case '05':
      return '032';
    case '06':
      return sub && sub !== '0' ? pick(`031${sub}`, '031') : '031';
    case '07':
      return sub && sub !== '0' && sub !== '5' ? pick(`033${sub}`, '033') : '033';
    case '08':
      return '035';
    case '14':
      return '133';
    case '16':
      return code === '162' ? '1311' : code === '166' ? '1312' : code === '161' ? '1313' : '131';
    case '17':
      return code === '175' ? '137' : '132';
    case '18':
      return '1383';
    case '19':
      return code === '191' ? '1381' : code === '192' ? '1382' : '1384';
    case '20':
      return '1385';
    default:
      return code;
  }
}
