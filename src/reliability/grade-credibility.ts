/**
 * Information credibility (Admiralty 1–6) of each event in a story, from how many independent sources
 * report it and how reliable they are. Copies are not independent: articles crediting the same source
 * (republished wire copy) count once, and so do near-duplicate texts.
 */
import type { EventCredibility, OutletRecord } from '../store.js';
import type { Modality } from '../core/doc.js';

export interface GradedEvent {
  id: number;
  cameo: string;
  sourceCode: string | null;
  targetCode: string | null;
  modality: Modality;
}

export interface GradedArticle {
  articleId: number;
  outlet: OutletRecord;
  /** The source the copy is credited to, when not the outlet (a wire agency). */
  credited: string | null;
  events: GradedEvent[];
}

const GRADE_ORDER = 'ABCDEF';

/** Who reports an event like one of a kind, and who denies it: independence key -> best outlet, and keys. */
interface Tally {
  support: Map<string, OutletRecord>;
  against: Set<string>;
}

/**
 * Grades every event of a story's articles. Events of one kind (CAMEO root, the two sides' countries,
 * negated or not) have the same support, so each kind is tallied once against the story's events:
 * a story of thousands of tellings costs kinds × events, not events².
 */
export function gradeCredibility(
  storyId: number | null,
  articles: readonly GradedArticle[],
  nearDuplicates: readonly number[][] = [],
): EventCredibility[] {
  const keyOf = independenceKeys(articles, nearDuplicates);
  const tallies = new Map<string, Tally>();
  const tallyOf = (event: GradedEvent): Tally => {
    const kind = eventKind(event);
    let tally = tallies.get(kind);
    if (!tally) {
      tally = { support: new Map(), against: new Set() };
      const isNegated = event.modality === 'negated';
      for (const other of articles) {
        const key = keyOf.get(other.articleId)!;
        for (const candidate of other.events) {
          if (!isSameEvent(event, candidate)) continue;
          if ((candidate.modality === 'negated') === isNegated) {
            const known = tally.support.get(key);
            if (!known || rank(other.outlet) < rank(known)) tally.support.set(key, other.outlet);
          } else tally.against.add(key);
        }
      }
      tallies.set(kind, tally);
    }
    return tally;
  };
  const out: EventCredibility[] = [];
  for (const article of articles) {
    for (const event of article.events) {
      const { support, against } = tallyOf(event);
      const n = support.size;
      const best = [...support.values()].reduce((a, b) => (rank(b) < rank(a) ? b : a), article.outlet);
      const bestGrade = best.reliability;
      let grade: EventCredibility['grade'];
      let reason: string;
      if (against.size > n) {
        grade = 5;
        reason = `contradicted by ${against.size} independent source(s), supported by ${n}`;
      } else if (n >= 3 && rank(best) <= 1) {
        grade = 1;
        reason = `confirmed by ${n} independent sources, the best graded ${bestGrade}`;
      } else if (n >= 2 && rank(best) <= 3) {
        grade = 2;
        reason = `reported by ${n} independent sources, the best graded ${bestGrade}`;
      } else if (n >= 2) {
        grade = 3;
        reason = `reported by ${n} independent sources, none better than ${bestGrade}`;
      } else if (rank(best) <= 1) {
        grade = 3;
        reason = `a single source graded ${bestGrade}`;
      } else if (rank(best) <= 3) {
        grade = 4;
        reason = `a single source graded ${bestGrade}, uncorroborated`;
      } else {
        grade = 6;
        reason = `a single source graded ${bestGrade}: cannot be judged`;
      }
      if (against.size > 0 && grade < 5) reason += `; ${against.size} source(s) deny it`;
      out.push({ eventId: event.id, articleId: article.articleId, storyId, grade, independentSources: n, reason });
    }
  }
  return out;
}

/** What isSameEvent compares, as one string: events of one kind match the same events. */
function eventKind(e: GradedEvent): string {
  return `${e.cameo.slice(0, 2)}|${e.sourceCode?.slice(0, 3) ?? '*'}|${e.targetCode?.slice(0, 3) ?? '*'}|${e.modality === 'negated'}`;
}

/** One key per independent source: credited source or outlet, merged across near-duplicate texts. */
function independenceKeys(
  articles: readonly GradedArticle[],
  nearDuplicates: readonly number[][],
): Map<number, string> {
  const keys = new Map<number, string>();
  for (const a of articles) keys.set(a.articleId, (a.credited ?? a.outlet.name).trim().toLowerCase());
  for (const group of nearDuplicates) {
    const members = group.filter((id) => keys.has(id));
    const shared = members.map((id) => keys.get(id)!).sort()[0];
    if (shared !== undefined) for (const id of members) keys.set(id, shared);
  }
  return keys;
}

/** Same kind of action (CAMEO root) between the same countries; an unknown side matches anything. */
function isSameEvent(a: GradedEvent, b: GradedEvent): boolean {
  if (a.cameo.slice(0, 2) !== b.cameo.slice(0, 2)) return false;
  return isSameSide(a.sourceCode, b.sourceCode) && isSameSide(a.targetCode, b.targetCode);
}

function isSameSide(x: string | null, y: string | null): boolean {
  return x === null || y === null || x.slice(0, 3) === y.slice(0, 3);
}

function rank(outlet: OutletRecord): number {
  const index = GRADE_ORDER.indexOf(outlet.reliability);
  return index < 0 ? 5 : index;
}
