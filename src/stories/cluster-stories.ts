/**
 * Same-story clustering, one article at a time, as a desk receives them: an article joins the story
 * whose members it matches on average (average linkage: the story's core, not one member, so two
 * happenings are never chained through a telling that mentions both), or starts a story of its own.
 * Near-copies (MinHash) always join their original.
 */
import type { Context } from '../core/context.js';
import {
  cosine,
  KeyWeights,
  weighSignature,
  type Rarity,
  type WeightedSignature,
} from './happening.js';
import { estimateJaccard } from './minhash.js';
import type { StoryFeatures } from './story-features.js';

/** Estimated Jaccard of shingles above which two texts are the same copy (light edits, republished wire). */
export const NEAR_DUPLICATE = 0.5;
/**
 * Days apart two tellings of one happening may be dated: a US outlet dates it the evening before,
 * rewrites and other languages follow one or two days later; a week apart is another happening.
 */
export const STORY_WINDOW_DAYS = 3;
/**
 * Similarity to a story's core that joins it (see coreSimilarity). Chosen on the tune part of
 * stories-dev and on our demo corpus, where every value from 0.16 to 0.20 gave the same clusters:
 * the middle of that range.
 */
export const JOIN_SIMILARITY = 0.18;
/** Name keys (countries, names, numbers) two tellings in different languages must share: one shared actor is no story. */
export const MIN_SHARED_NAMES_ACROSS_LANGUAGES = 3;
/**
 * Across languages only names compare, and about half of a text's name keys are capitalised words
 * bound to its language (weekdays, titles, German nouns) that can never match: the same telling
 * scores about half the name cosine it would within one language, so it is doubled to one scale.
 */
export const ACROSS_LANGUAGES_SCALE = 2;

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

interface Member {
  articleId: number;
  features: StoryFeatures;
  weighted: WeightedSignature;
}

/** Days between two tellings' days; null when either is undated. */
function daysApart(a: StoryFeatures, b: StoryFeatures): number | null {
  if (!a.day || !b.day) return null;
  return Math.abs(Date.parse(a.day) - Date.parse(b.day)) / 86_400_000;
}

/** Stories being formed: existing ones are given, new articles are placed one by one. */
export class StoryAssigner {
  readonly #weights: KeyWeights;
  readonly #stories = new Map<number, Member[]>();
  readonly #storyOf = new Map<number, number>();
  readonly #copies: [number, number][] = [];
  readonly #merged: [number, number][] = [];
  #nextKey = -1;

  /** `known`: every article in reach (existing and new), so rarity counts them all. */
  constructor(rarity: Rarity, known: readonly ClusterItem[]) {
    this.#weights = new KeyWeights(rarity);
    for (const item of known) this.#weights.add(item.features.keys);
  }

  /** Puts an article into a story that exists already (as stored). */
  seed(item: ClusterItem, storyKey: number): void {
    this.#join(this.#member(item), storyKey);
  }

  /** Places a new article: with its original when it is a copy, else in the best-matching story, else alone. */
  place(item: ClusterItem): number {
    const member = this.#member(item);
    // An undated article cannot be told apart from a near miss (last year's test, the other accession):
    // it joins only the story of a text it copies.
    const threshold = member.features.day ? JOIN_SIMILARITY : Infinity;
    let best: { key: number; score: number } | null = null;
    for (const [key, members] of this.#stories) {
      const copies = members.filter((other) => isCopy(member, other));
      for (const other of copies) this.#copies.push([other.articleId, member.articleId]);
      const score = copies.length > 0 ? Infinity : coreSimilarity(member, members);
      if (score >= threshold && (!best || score > best.score)) best = { key, score };
    }
    const key = best?.key ?? this.#nextKey--;
    this.#join(member, key);
    return this.#mergeAround(key);
  }

  /**
   * A story that grew may now match another one as a whole (tellings that arrived in an order that
   * split them): the two merge when each one's members match the other's core on average.
   */
  #mergeAround(key: number): number {
    let current = key;
    for (;;) {
      const members = this.#stories.get(current)!;
      let best: { key: number; score: number } | null = null;
      for (const [other, others] of this.#stories) {
        if (other === current || !members.some((m) => m.features.day)) continue;
        const score = Math.min(groupSimilarity(members, others), groupSimilarity(others, members));
        if (score >= JOIN_SIMILARITY && (!best || score > best.score)) best = { key: other, score };
      }
      if (!best) return current;
      const [keep, drop] = current < best.key ? [best.key, current] : [current, best.key];
      for (const m of this.#stories.get(drop)!) this.#join(m, keep);
      this.#stories.delete(drop);
      this.#merged.push([keep, drop]);
      current = keep;
    }
  }

  /** Stories merged while placing: [kept key, dropped key]. */
  get merged(): readonly [number, number][] {
    return this.#merged;
  }

  /** Story key of each article placed or seeded. */
  get storyOf(): ReadonlyMap<number, number> {
    return this.#storyOf;
  }
  /** Near-copy pairs seen while placing. */
  get copies(): readonly [number, number][] {
    return this.#copies;
  }

  #member(item: ClusterItem): Member {
    return { ...item, weighted: weighSignature(item.features.keys, this.#weights) };
  }

  #join(member: Member, key: number): void {
    const members = this.#stories.get(key) ?? [];
    members.push(member);
    this.#stories.set(key, members);
    this.#storyOf.set(member.articleId, key);
  }
}

function isCopy(a: Member, b: Member): boolean {
  return estimateJaccard(a.features.signature, b.features.signature) >= NEAR_DUPLICATE;
}

/**
 * How well an article matches a story's core: the cosine with the centroid of the members dated within
 * reach, words compared only with members in the article's language, names with all; scaled by the
 * share of members within reach, so a story does not drift along a chain of days.
 */
function coreSimilarity(member: Member, members: readonly Member[]): number {
  // Only dated tellings within the window count: an undated one is joined by its copies alone.
  const inReach = members.filter((other) => {
    const apart = daysApart(member.features, other.features);
    return apart !== null && apart <= STORY_WINDOW_DAYS;
  });
  if (inReach.length === 0) return 0;
  const language = member.features.language;
  const sameLanguage = language === null ? [] : inReach.filter((m) => m.features.language === language);
  const names = centroid(inReach.map((m) => m.weighted.names));
  const reach = inReach.length / members.length;
  const nameScore = cosine(member.weighted.names, names);
  if (sameLanguage.length > 0) {
    const terms = centroid(sameLanguage.map((m) => m.weighted.terms));
    return (reach * (cosine(member.weighted.terms, terms) + nameScore)) / 2;
  }
  let shared = 0;
  for (const key of member.weighted.names.keys()) if (names.has(key)) shared++;
  return shared >= MIN_SHARED_NAMES_ACROSS_LANGUAGES ? Math.min(1, reach * nameScore * ACROSS_LANGUAGES_SCALE) : 0;
}

/** How well a group's members match another group's core, on average. */
function groupSimilarity(members: readonly Member[], others: readonly Member[]): number {
  let sum = 0;
  for (const m of members) sum += coreSimilarity(m, others);
  return sum / members.length;
}

/** The normalised mean of unit vectors. */
function centroid(vectors: readonly Map<string, number>[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const v of vectors) for (const [key, w] of v) sum.set(key, (sum.get(key) ?? 0) + w);
  let norm = 0;
  for (const w of sum.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [key, w] of sum) sum.set(key, w / norm);
  return sum;
}

/** Orders articles as a desk receives them: by day (undated last), then by id. */
export function receptionOrder(items: readonly ClusterItem[]): ClusterItem[] {
  return [...items].sort(
    (a, b) => (a.features.day ?? '~').localeCompare(b.features.day ?? '~') || a.articleId - b.articleId,
  );
}

/** Clusters articles into stories from scratch (rebuild): the same placement as ingest, in reception order. */
export function clusterStories(items: readonly ClusterItem[], ctx: Context): ClusterResult {
  const assigner = new StoryAssigner(ctx.data.load<Rarity>('story-rarity'), items);
  for (const item of receptionOrder(items)) assigner.place(item);
  return { stories: groupsOf(assigner.storyOf), nearDuplicates: copyGroups(assigner.copies) };
}

/** Groups of article ids by story key, each sorted, in order of their first id. */
export function groupsOf(storyOf: ReadonlyMap<number, number>): number[][] {
  const groups = new Map<number, number[]>();
  for (const [articleId, key] of storyOf) groups.set(key, [...(groups.get(key) ?? []), articleId]);
  return [...groups.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

/** Near-copy pairs joined into groups (a copy of a copy is the same text). */
export function copyGroups(pairs: readonly [number, number][]): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const [a, b] of pairs) {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, number[]>();
  for (const id of parent.keys()) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((x, y) => x - y));
}
