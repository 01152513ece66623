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
  /** First words of all titles, so most tokens are turned away with one lookup. */
  firstWords: Set<string>;
}

/** The role lexicon, indexed by lower-cased token sequence. */
export function loadRoles(data: DataFiles): RoleIndex {
  return data.memo('entities/roles', () => {
    const rows = data.load<{ roles: [string, string | null, string | null][] }>('roles').roles;
    const byKey = new Map<string, RoleEntry>();
    const firstWords = new Set<string>();
    let maxLength = 1;
    for (const [title, role, sector] of rows) {
      const key = phraseKey(title);
      if (!byKey.has(key)) byKey.set(key, { role, sector, isLowerCase: title === title.toLowerCase() });
      maxLength = Math.max(maxLength, key.split(' ').length);
      firstWords.add(key.split(' ')[0] as string);
    }
    return { byKey, maxLength, firstWords };
  });
}

/** The longest title that starts at token `start`, as [end, entry]. */
export function titleStartingAt(
  roles: RoleIndex,
  words: readonly string[],
  lower: readonly string[],
  start: number,
): { end: number; entry: RoleEntry } | null {
  if (!roles.firstWords.has(lower[start] as string)) return null;
  for (let n = Math.min(roles.maxLength, lower.length - start); n >= 1; n--) {
    const entry = roles.byKey.get(lower.slice(start, start + n).join(' '));
    if (!entry) continue;
    if (!entry.isLowerCase && !/^[A-Z]/.test(words[start] as string)) continue;
    return { end: start + n, entry };
  }
  return null;
}
