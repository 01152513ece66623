/**
 * A story's headline, chosen from its members' titles: a title that reads as a headline (not a
 * dateline, a photo caption or page furniture), in the desk's language where a member has one, from
 * the most reliable outlet, the earliest first.
 */
import type { StoryFeatures } from './story-features.js';

/** The desk's language: a headline in it is preferred when a member offers one. */
export const DESK_LANGUAGE = 'en';
/** Words a headline has at least and at most; fewer is a label, more is a lead paragraph. */
const MIN_WORDS = 4;
const MAX_WORDS = 24;

/** Why a title does not read as a headline, or null when it does. */
export function notAHeadline(title: string): string | null {
  const words = title.trim().split(/\s+/).filter(Boolean);
  if (words.length < MIN_WORDS) return 'too short';
  if (words.length > MAX_WORDS) return 'too long';
  // "BEIJING, Sept. 9, Kyodo": a dateline, not a headline.
  if (/^\p{Lu}{3,}(?:\s\p{Lu}{3,})*,/u.test(title)) return 'dateline';
  // Captions credit or describe a picture.
  if (
    /\b(?:photo|picture|image|file photo|handout)\b\s*(?::|by|\/|courtesy)/i.test(title) ||
    /\(\s*(?:photo|AP Photo|Reuters|AFP)[^)]*\)\s*$/i.test(title)
  )
    return 'photo caption';
  // Navigation and furniture: separators between menu items, calls to act.
  if (/[·|»]\s*\S+\s*[·|»]/u.test(title) || /\b(?:subscribe|sign up|newsletter|send us)\b/i.test(title))
    return 'page furniture';
  return null;
}

/** The headline among the members' titles; else a headline-like lead sentence; null when none reads as one. */
export function chooseHeadline(
  members: readonly StoryFeatures[],
  reliability: (outlet: string) => string,
): string | null {
  const candidates = members.filter((f) => f.title !== null && notAHeadline(f.title) === null);
  const ranked = candidates.sort(
    (a, b) =>
      Number(b.language === DESK_LANGUAGE) - Number(a.language === DESK_LANGUAGE) ||
      reliability(a.outlet).localeCompare(reliability(b.outlet)) ||
      (a.published ?? a.day ?? '~').localeCompare(b.published ?? b.day ?? '~'),
  );
  if (ranked[0]?.title) return ranked[0].title.trim();
  const leads = members.filter((f) => f.lead);
  leads.sort((a, b) => Number(b.language === DESK_LANGUAGE) - Number(a.language === DESK_LANGUAGE));
  return leads[0]?.lead ?? null;
}
