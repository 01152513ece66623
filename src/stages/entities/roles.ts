/** Titles before a name ("Russian Defense Minister Sergei Shoigu") read from data/roles.json. */
import type { DataFiles } from '../../core/context.js';
import { phraseKey } from './knowledge.js';

export interface RoleEntry {
  /** The role we report, or null for a bare courtesy title ("Mr."). */
  role: string | null;
  /** CAMEO agent the role implies (GOV, MIL, LEG, IGO), if any. */
  sector: string | null;
  /** Whether the title is written in lower case in the data ("spokesman"): then it may precede a name in lower case. */
  isLowerCase: boolean;
}

export interface RoleIndex {
  byKey: Map<string, RoleEntry>;
  /** Longest title length in tokens. */
  maxLength: number;
}

/** The role lexicon, indexed by lower-cased token sequence. */
export function loadRoles(data: DataFiles): RoleIndex {
  return data.memo('entities/roles', () => {
    const rows = data.load<{ roles: [string, string | null, string | null][] }>('roles').roles;
    const byKey = new Map<string, RoleEntry>();
    let maxLength = 1;
    for (const [title, role, sector] of rows) {
      const key = phraseKey(title);
      if (!byKey.has(key)) byKey.set(key, { role, sector, isLowerCase: title === title.toLowerCase() });
      maxLength = Math.max(maxLength, key.split(' ').length);
    }
    return { byKey, maxLength };
  });
}

/** The longest title that ends right before token `end` (exclusive), as [start, entry]. */
export function titleEndingAt(
  roles: RoleIndex,
  words: readonly string[],
  lower: readonly string[],
  end: number,
): { start: number; entry: RoleEntry } | null {
  for (let n = Math.min(roles.maxLength, end); n >= 1; n--) {
    const start = end - n;
    const entry = roles.byKey.get(lower.slice(start, end).join(' '));
    if (!entry) continue;
    // a capitalised title must be written with a capital in the text ("President", not "president")
    const first = words[start] as string;
    if (!entry.isLowerCase && !/^[A-Z]/.test(first)) continue;
    return { start, entry };
  }
  return null;
}

/** The longest title that starts at token `start`, as [end, entry]. */
export function titleStartingAt(
  roles: RoleIndex,
  words: readonly string[],
  lower: readonly string[],
  start: number,
): { end: number; entry: RoleEntry } | null {
  for (let n = Math.min(roles.maxLength, lower.length - start); n >= 1; n--) {
    const entry = roles.byKey.get(lower.slice(start, start + n).join(' '));
    if (!entry) continue;
    if (!entry.isLowerCase && !/^[A-Z]/.test(words[start] as string)) continue;
    return { end: start + n, entry };
  }
  return null;
}
