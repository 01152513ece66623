/**
 * Same-story clustering, one article at a time, as a desk receives them: an article joins the story
 * whose core it matches (centroid linkage: the story's members together, not one of them, so two
 * happenings are never chained through a telling that mentions both), or starts a story of its own.
 * Near-copies (MinHash + LSH) always join their original. Candidates come from an index of name keys,
 * and centroids are running sums, so placing one article costs about the stories that share a name.
 */
import type { Context } from '../core/context.js';
import { KeyWeights, weighSignature, type Rarity, type WeightedSignature } from './happening.js';
import { estimateJaccard, LshIndex } from './minhash.js';
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
/** Name keys (countries, names, numbers) two tellings must share: one shared actor is no story. */
export const MIN_SHARED_NAMES = 2;
/** The same across languages, where names are all there is to compare. */
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
  /** Days since the epoch; null when undated. */
  day: number | null;
  /** The day its lead's event is told to have happened, when another (see StoryFeatures.eventDay). */
  eventDay: number | null;
}

/** A running sum of unit vectors and its squared length, so a centroid cosine costs one pass over the article. */
class VectorSum {
  readonly sum = new Map<string, number>();
  norm2 = 0;
  add(v: ReadonlyMap<string, number>): void {
    let dot = 0;
    let own = 0;
    for (const [key, w] of v) {
      dot += w * (this.sum.get(key) ?? 0);
      own += w * w;
      this.sum.set(key, (this.sum.get(key) ?? 0) + w);
    }
    this.norm2 += 2 * dot + own;
  }
  /** Cosine of two centroids. */
  cosineWith(other: VectorSum): number {
    if (this.norm2 <= 0 || other.norm2 <= 0) return 0;
    const [small, large] = this.sum.size <= other.sum.size ? [this.sum, other.sum] : [other.sum, this.sum];
    let dot = 0;
    for (const [key, w] of small) dot += w * (large.get(key) ?? 0);
    return dot / Math.sqrt(this.norm2 * other.norm2);
  }
  /** Cosine of a unit vector with the centroid. */
  cosine(v: ReadonlyMap<string, number>): number {
    if (this.norm2 <= 0) return 0;
    let dot = 0;
    for (const [key, w] of v) dot += w * (this.sum.get(key) ?? 0);
    return dot / Math.sqrt(this.norm2);
  }
}

/** A story as it grows: its members, the day it began, and the centroids of their signatures. */
interface StoryCore {
  key: number;
  members: Member[];
  /** The earliest member day: tellings dated within the window of it may join. */
  firstDay: number | null;
  names: VectorSum;
  /** Content-word centroids per language: words compare only within one language. */
  terms: Map<string, VectorSum>;
}

function dayNumber(day: string | null): number | null {
  if (!day) return null;
  const time = Date.parse(day);
  return Number.isNaN(time) ? null : Math.floor(time / 86_400_000);
}

/**
 * How well an article matches a story's core: in one language, the mean of the cosines of its words
 * with the centroid of the story's members in that language and of its names with all members' names;
 * in another language, names alone (scaled, and only when enough of them are shared).
 */
function coreSimilarity(member: Member, story: StoryCore): number {
  let shared = 0;
  for (const key of member.weighted.names.keys()) if (story.names.sum.has(key)) shared++;
  const nameScore = story.names.cosine(member.weighted.names);
  const language = member.features.language;
  const terms = language === null ? undefined : story.terms.get(language);
  if (terms) return shared >= MIN_SHARED_NAMES ? (terms.cosine(member.weighted.terms) + nameScore) / 2 : 0;
  return shared >= MIN_SHARED_NAMES_ACROSS_LANGUAGES ? Math.min(1, nameScore * ACROSS_LANGUAGES_SCALE) : 0;
}

/**
 * Name keys a candidate story is looked up by: the heaviest (rarest) few. A story that shares none of
 * them shares only common keys, whose weights cannot lift it to the threshold; and common keys (a
 * country every story names) would make every placement scan every story.
 */
export const CANDIDATE_KEYS = 16;

function rarest(weights: ReadonlyMap<string, number>): string[] {
  return [...weights]
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATE_KEYS)
    .map(([key]) => key);
}

/**
 * Whether an article's day, or the day its lead says the happening took place, lies within the window
 * of a story's first day (both dated). A story's first day stays its members' publication days: an
 * event day only lets a late report reach back, never moves the story.
 */
function isInReach(member: Member, story: StoryCore): boolean {
  if (member.day === null || story.firstDay === null) return false;
  const first = story.firstDay;
  const near = (day: number | null): boolean => day !== null && Math.abs(day - first) <= STORY_WINDOW_DAYS;
  return near(member.day) || near(member.eventDay);
}

/** Stories being formed: existing ones are given, new articles are placed one by one. */
export class StoryAssigner {
  readonly #weights: KeyWeights;
  readonly #stories = new Map<number, StoryCore>();
  readonly #storyOf = new Map<number, number>();
  /** Name key -> stories whose members carry it: the candidates an article is scored against. */
  readonly #byName = new Map<string, Set<number>>();
  readonly #lsh = new LshIndex<number>();
  readonly #members = new Map<number, Member>();
  readonly #copies: [number, number][] = [];
  readonly #copyParent = new Map<number, number>();
  #nextKey = -1;

  /** `known`: every article in reach (existing and new), so rarity counts them all. */
  constructor(rarity: Rarity, known: readonly ClusterItem[]) {
    this.#weights = new KeyWeights(rarity);
    for (const item of known) this.#weights.add(item.features.keys);
  }

  /** Puts an article into a story that exists already (as stored). */
  seed(item: ClusterItem, storyKey: number): void {
    const member = this.#member(item);
    this.#lsh.add(member.articleId, member.features.signature);
    this.#join(member, storyKey);
  }

  /** Places a new article: with its original when it is a copy, else in the best-matching story, else alone. */
  place(item: ClusterItem): number {
    const member = this.#member(item);
    let best: { key: number; score: number } | null = null;
    for (const other of this.#lsh.add(member.articleId, member.features.signature)) {
      // A text already linked to this one through another copy adds nothing to its copy group.
      if (this.#copyRoot(other) === this.#copyRoot(member.articleId)) continue;
      const original = this.#members.get(other)!;
      if (estimateJaccard(member.features.signature, original.features.signature) < NEAR_DUPLICATE) continue;
      this.#copies.push([other, member.articleId]);
      this.#copyParent.set(this.#copyRoot(member.articleId), this.#copyRoot(other));
      best ??= { key: this.#storyOf.get(other)!, score: Infinity };
    }
    const lookup = rarest(member.weighted.names);
    // An undated article cannot be told apart from a near miss (last year's test, the other accession):
    // it joins only the story of a text it copies.
    if (!best && member.day !== null) {
      for (const key of this.#candidates(lookup)) {
        const story = this.#stories.get(key)!;
        if (!isInReach(member, story)) continue;
        const score = coreSimilarity(member, story);
        if (score >= JOIN_SIMILARITY && (!best || score > best.score)) best = { key, score };
      }
    }
    const key = best?.key ?? this.#nextKey--;
    this.#join(member, key);
    return this.#mergeAround(key, lookup);
  }

  /** The copy group an article belongs to (union-find over the near-copy pairs seen). */
  #copyRoot(articleId: number): number {
    let root = articleId;
    while ((this.#copyParent.get(root) ?? root) !== root) root = this.#copyParent.get(root)!;
    if (root !== articleId) this.#copyParent.set(articleId, root);
    return root;
  }

  /** Story key of each article placed or seeded. */
  get storyOf(): ReadonlyMap<number, number> {
    return this.#storyOf;
  }
  /** Near-copy pairs seen while placing. */
  get copies(): readonly [number, number][] {
    return this.#copies;
  }

  /**
   * A story that grew may now match another one as a whole (tellings that arrived in an order that
   * split them): two stories merge when their cores match as an article matches a story. Only stories
   * that share a key with what was added can match better than before (weights are positive: what was
   * added raises the dot product with stories that share its keys and lowers every other cosine), so
   * candidates are looked up by the added keys, not by all of a large story's.
   */
  #mergeAround(key: number, added: readonly string[]): number {
    let current = key;
    let lookup = added;
    for (;;) {
      const story = this.#stories.get(current)!;
      if (story.firstDay === null) return current;
      let best: { key: number; score: number } | null = null;
      for (const other of this.#candidates(lookup)) {
        if (other === current) continue;
        const candidate = this.#stories.get(other)!;
        if (candidate.firstDay === null || Math.abs(candidate.firstDay - story.firstDay) > STORY_WINDOW_DAYS) continue;
        const score = centroidSimilarity(story, candidate);
        if (score >= JOIN_SIMILARITY && (!best || score > best.score)) best = { key: other, score };
      }
      if (!best) return current;
      // Stored stories keep the smaller id (saveStories decides); here the larger key absorbs the smaller.
      const [keep, drop] = current > best.key ? [current, best.key] : [best.key, current];
      const dropped = this.#stories.get(drop)!;
      this.#stories.delete(drop);
      for (const name of dropped.names.sum.keys()) this.#byName.get(name)?.delete(drop);
      for (const m of dropped.members) this.#join(m, keep);
      current = keep;
      // Merges are rare: the merged story is looked up by its own rarest keys.
      lookup = rarest(this.#stories.get(current)!.names.sum);
    }
  }

  #candidates(keys: Iterable<string>): Set<number> {
    const out = new Set<number>();
    for (const key of keys) for (const story of this.#byName.get(key) ?? []) out.add(story);
    return out;
  }

  #member(item: ClusterItem): Member {
    const member = {
      ...item,
      weighted: weighSignature(item.features.keys, this.#weights),
      day: dayNumber(item.features.day),
      eventDay: dayNumber(item.features.eventDay ?? null),
    };
    this.#members.set(item.articleId, member);
    return member;
  }

  #join(member: Member, key: number): void {
    let story = this.#stories.get(key);
    if (!story) {
      story = { key, members: [], firstDay: null, names: new VectorSum(), terms: new Map() };
      this.#stories.set(key, story);
    }
    story.members.push(member);
    if (member.day !== null && (story.firstDay === null || member.day < story.firstDay)) story.firstDay = member.day;
    story.names.add(member.weighted.names);
    const language = member.features.language;
    if (language !== null) {
      const terms = story.terms.get(language) ?? new VectorSum();
      terms.add(member.weighted.terms);
      story.terms.set(language, terms);
    }
    for (const name of member.weighted.names.keys()) {
      const stories = this.#byName.get(name) ?? new Set<number>();
      stories.add(key);
      this.#byName.set(name, stories);
    }
    this.#storyOf.set(member.articleId, key);
  }
}

/** How well two stories' cores match: words in a language both hold, names across all (as coreSimilarity). */
function centroidSimilarity(a: StoryCore, b: StoryCore): number {
  const names = a.names.cosineWith(b.names);
  let terms: number | null = null;
  for (const [language, sum] of a.terms) {
    const other = b.terms.get(language);
    if (other) terms = Math.max(terms ?? 0, sum.cosineWith(other));
  }
  let shared = 0;
  for (const key of a.names.sum.keys()) if (b.names.sum.has(key)) shared++;
  if (terms !== null) return shared >= MIN_SHARED_NAMES ? (terms + names) / 2 : 0;
  return shared >= MIN_SHARED_NAMES_ACROSS_LANGUAGES ? Math.min(1, names * ACROSS_LANGUAGES_SCALE) : 0;
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
