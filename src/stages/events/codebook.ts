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
  /** The code the act takes when it is only intended, planned or conditional (cooperation -> 03x, conflict -> 13x). */
  intent?: string;
  /** A physical act that happens where its target is (aid, force posture, coercion, violence): the target's place is the event's. */
  isPhysical?: boolean;
  /** A domestic act (yielding, investigating, coercing) whose unnamed state organ belongs to the country acted on. */
  isDomestic?: boolean;
  /** Protest: crowds are rarely named, so "in <country>" names the protesters. */
  isProtest?: boolean;
  /** Aid of an unstated kind: the code for military and for humanitarian goods, read from what is given. */
  kinds?: { military: string; humanitarian: string };
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
 * "express intent to ..." (03), conflict becomes "threaten ..." (13), as the codebook directs
 * (data/cameo.json's `intent`, built by scripts/build-cameo.ts).
 */
export function intentCode(code: string, ctx: Context): string {
  return cameoEntry(code, ctx).intent ?? code;
}
