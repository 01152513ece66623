/**
 * Same-story clustering: articles are joined when they are near-duplicates (MinHash + LSH), or when,
 * within a few days of each other, they report the same event (CAMEO root and countries), or share
 * actors and enough distinctive words. Joined articles form stories (union-find, so joins chain).
 */
import { estimateJaccard, LshIndex } from './minhash.js';
import type { StoryFeatures } from './story-features.js';

/** Estimated Jaccard of shingles above which two texts are the same copy (light edits, republished wire). */
export const NEAR_DUPLICATE = 0.5;
/** Days apart two articles of one story may be published (first reports, follow-ups, analysis). */
export const STORY_WINDOW_DAYS = 3;
/** Term cosine that alone makes two articles one story: most distinctive words in common. */
export const SAME_WORDS = 0.3;
/** Term cosine enough when the articles also share at least two actors. */
export const SAME_WORDS_WITH_ACTORS = 0.18;
/** The same, for articles of the same day: reports of one event cluster in time (and translations share fewer words). */
export const SAME_DAY_WORDS_WITH_ACTORS = 0.14;

export interface ClusterItem {
  articleId: number;
  features: StoryFeatures;
}

export interface ClusterResult {
  /** Groups of article ids, each a story, in order of their first article id. */
  stories: number[][];
  /** Groups of article ids that are near-duplicates of each other (size ≥ 2). */
  nearDuplicates: number[][];
}

/** Clusters articles into stories. */
export function clusterStories(items: readonly ClusterItem[]): ClusterResult {
  const sorted = [...items].sort((a, b) => a.articleId - b.articleId);
  const stories = new UnionFind(sorted.map((i) => i.articleId));
  const copies = new UnionFind(sorted.map((i) => i.articleId));
  const byId = new Map(sorted.map((i) => [i.articleId, i.features]));

  const lsh = new LshIndex<number>();
  for (const item of sorted) {
    for (const other of lsh.add(item.articleId, item.features.signature)) {
      if (estimateJaccard(item.features.signature, byId.get(other)!.signature) >= NEAR_DUPLICATE) {
        copies.union(item.articleId, other);
        stories.union(item.articleId, other);
      }
    }
  }

  const idf = inverseDocumentFrequency(sorted.map((i) => i.features));
  const vectors = new Map(sorted.map((i) => [i.articleId, weigh(i.features.terms, idf)]));
  const byDay = [...sorted].sort((a, b) => dayNumber(a.features) - dayNumber(b.features));
  for (let i = 0; i < byDay.length; i++) {
    const a = byDay[i]!;
    for (let j = i + 1; j < byDay.length; j++) {
      const b = byDay[j]!;
      if (dayNumber(b.features) - dayNumber(a.features) > STORY_WINDOW_DAYS) break;
      if (stories.find(a.articleId) === stories.find(b.articleId)) continue;
      if (isSameStory(a.features, b.features, vectors.get(a.articleId)!, vectors.get(b.articleId)!)) {
        stories.union(a.articleId, b.articleId);
      }
    }
  }
  return { stories: stories.groups(), nearDuplicates: copies.groups().filter((g) => g.length > 1) };
}

function isSameStory(a: StoryFeatures, b: StoryFeatures, va: Map<string, number>, vb: Map<string, number>): boolean {
  const sharedEvents = a.events.filter((e) => b.events.includes(e) && !e.includes('-'));
  const sharedActors = a.actors.filter((x) => b.actors.includes(x)).length;
  const words = cosine(va, vb);
  if (sharedEvents.length > 0 && sharedActors >= 2) return true;
  if (words >= SAME_WORDS) return true;
  const threshold = a.day !== null && a.day === b.day ? SAME_DAY_WORDS_WITH_ACTORS : SAME_WORDS_WITH_ACTORS;
  return sharedActors >= 2 && words >= threshold;
}

/** Days since the epoch of an article's day; undated articles sort last and join nothing by date. */
function dayNumber(f: StoryFeatures): number {
  const time = f.day ? Date.parse(f.day) : NaN;
  return Number.isNaN(time) ? Number.MAX_SAFE_INTEGER / 2 : Math.floor(time / 86_400_000);
}

function inverseDocumentFrequency(features: readonly StoryFeatures[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of features) for (const term of Object.keys(f.terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = features.length;
  const idf = new Map<string, number>();
  // Smoothed, and never below a floor: in a small set every word looks rare.
  for (const [term, count] of df) idf.set(term, Math.log((n + 1) / (count + 0.5)));
  return idf;
}

function weigh(terms: Record<string, number>, idf: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of Object.entries(terms)) {
    const w = (1 + Math.log(count)) * Math.max(0, idf.get(term) ?? 0);
    if (w > 0) {
      out.set(term, w);
      norm += w * w;
    }
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, w] of out) out.set(term, w / norm);
  return out;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) sum += w * (large.get(term) ?? 0);
  return sum;
}

class UnionFind {
  readonly #parent = new Map<number, number>();
  constructor(ids: readonly number[]) {
    for (const id of ids) this.#parent.set(id, id);
  }
  find(id: number): number {
    let root = id;
    while (this.#parent.get(root)! !== root) root = this.#parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = this.#parent.get(node)!;
      this.#parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  groups(): number[][] {
    const out = new Map<number, number[]>();
    for (const id of this.#parent.keys()) {
      const root = this.find(id);
      const group = out.get(root);
      if (group) group.push(id);
      else out.set(root, [id]);
    }
    return [...out.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
  }
}
