/** Admiralty grades in the desk: outlet reliability (A–F), event credibility (1–6), their badges, flags and legend. */
import { h } from './dom.js';
import type { StoredEvent } from './api.js';

export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** A source and how far it is trusted, as /api/outlets and /api/stories/:id give it. */
export interface Outlet {
  name: string;
  host: string | null;
  reliability: Reliability;
  kind: string | null;
  isStateAffiliated: boolean;
  isWireAgency: boolean;
  isOfficialBody: boolean;
  gradeOrigin: string;
}

export interface EventCredibility {
  eventId: number;
  articleId: number;
  storyId: number | null;
  grade: Credibility;
  independentSources: number;
  reason: string;
}

export interface StorySummary {
  id: number;
  headline: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  articleCount: number;
  outletCount: number;
}

export interface StoryArticle {
  id: number;
  title: string | null;
  outlet: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  /** ISO 639-1 code of the article's language, when detected. */
  language: string | null;
  reliability: Reliability;
}

export interface Story extends StorySummary {
  articles: StoryArticle[];
  outlets: string[];
  events: Array<StoredEvent & { credibility: EventCredibility | null }>;
}

/** /api/articles/:id/reliability. */
export interface ArticleReliability {
  articleId: number;
  storyId: number | null;
  outlet: Outlet | null;
  events: EventCredibility[];
}

export const RELIABILITY: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

export const CREDIBILITY: Record<Credibility, string> = {
  1: 'confirmed by independent sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

/** A reliability letter as a coloured badge that names its meaning on hover and to screen readers. */
export function reliabilityBadge(grade: Reliability): HTMLElement {
  const meaning = `Source reliability ${grade}: ${RELIABILITY[grade] ?? 'unknown'}`;
  return h('abbr', { class: `grade grade-rel grade-${grade}`, title: meaning, 'aria-label': meaning }, grade);
}

/** A credibility digit as a badge, same rules. */
export function credibilityBadge(credibility: Pick<EventCredibility, 'grade' | 'reason'>): HTMLElement {
  const meaning = `Information credibility ${credibility.grade}: ${CREDIBILITY[credibility.grade] ?? 'unknown'} (${credibility.reason})`;
  return h(
    'abbr',
    { class: `grade grade-cred grade-${credibility.grade}`, title: meaning, 'aria-label': meaning },
    String(credibility.grade),
  );
}

/** The Admiralty pair ("B2") when both halves are known, else the half that is, else null. */
export function admiraltyCode(
  reliability: Reliability | null | undefined,
  credibility: Credibility | null | undefined,
): string | null {
  if (!reliability && !credibility) return null;
  return `${reliability ?? ''}${credibility ?? ''}`;
}

/** A badge for the pair, with both meanings on hover. */
export function admiraltyBadge(
  reliability: Reliability | null | undefined,
  credibility: EventCredibility | null | undefined,
): HTMLElement | null {
  const code = admiraltyCode(reliability, credibility?.grade);
  if (!code) return null;
  const parts = [
    reliability ? `source ${reliability} (${RELIABILITY[reliability]})` : null,
    credibility ? `information ${credibility.grade} (${CREDIBILITY[credibility.grade]})` : null,
  ].filter(Boolean);
  const meaning = `Admiralty ${code}: ${parts.join(', ')}`;
  return h(
    'abbr',
    { class: `grade grade-pair grade-${reliability ?? 'F'}`, title: meaning, 'aria-label': meaning },
    code,
  );
}

/** The outlet's flags (state-affiliated, wire agency, official body) as small chips; null when it has none. */
export function outletFlags(outlet: Outlet | null | undefined): HTMLElement | null {
  if (!outlet) return null;
  const flags = [
    outlet.isStateAffiliated ? ['flag-state', 'state-affiliated'] : null,
    outlet.isWireAgency ? ['flag-wire', 'wire agency'] : null,
    outlet.isOfficialBody ? ['flag-official', 'official body'] : null,
  ].filter((f): f is string[] => f !== null);
  if (flags.length === 0) return null;
  return h('span', { class: 'flags' }, ...flags.map(([cls, label]) => h('span', { class: `flag ${cls}` }, label)));
}

/** A short legend of both scales and how they combine. */
export function gradesLegend(): HTMLElement {
  const scale = (title: string, entries: Array<[string, string]>, cls: string): HTMLElement =>
    h(
      'div',
      {},
      h('h3', {}, title),
      h(
        'dl',
        { class: 'grade-scale' },
        ...entries.flatMap(([k, v]) => [
          h('dt', {}, h('span', { class: `grade ${cls} grade-${k}` }, k)),
          h('dd', {}, v),
        ]),
      ),
    );
  return h(
    'section',
    { class: 'grades-legend', 'aria-labelledby': 'grades-legend-title' },
    h('h2', { id: 'grades-legend-title' }, 'Reading the grades'),
    h(
      'p',
      { class: 'muted' },
      'Admiralty code: a letter for how far the outlet is trusted, a digit for how well other, independent outlets in the story bear the event out. "B2" is a usually reliable source reporting something probably true. Republished wire copy does not count as independent.',
    ),
    h(
      'div',
      { class: 'two-columns' },
      scale('Source reliability', Object.entries<string>(RELIABILITY), 'grade-rel'),
      scale('Information credibility', Object.entries<string>(CREDIBILITY), 'grade-cred'),
    ),
  );
}
