/** Keeps stories current: features for new articles, re-clustering around their dates, credibility grades. */
import type { Store, StoryDraft, StoryFeatureRow } from '../store.js';
import type { OutletDirectory } from '../reliability/outlet-directory.js';
import { gradeCredibility, type GradedArticle } from '../reliability/grade-credibility.js';
import type { Context } from '../core/context.js';
import { createContext } from '../core/context.js';
import type { Rarity } from './happening.js';
import {
  clusterStories,
  copyGroups,
  receptionOrder,
  StoryAssigner,
  STORY_WINDOW_DAYS,
  type ClusterItem,
} from './cluster-stories.js';
import { chooseHeadline } from './headline.js';
import { storyFeatures, STORY_FEATURES_VERSION, type StoryFeatures } from './story-features.js';

/** Articles read per page when rebuilding everything. */
const PAGE = 500;
/**
 * Days around an undated article's capture searched for its story: a bound on the search only (its
 * capture time never dates it, and it joins only on a strong match).
 */
const UNDATED_SEARCH_DAYS = 14;

export interface StoryUpdate {
  /** Story ids created or changed. */
  storyIds: number[];
  /** Events given a credibility grade. */
  gradedEvents: number;
}

/** A new article's features, and the day it was captured (which bounds the search for an undated one). */
interface FreshItem extends ClusterItem {
  capturedDay: string | null;
}

/** Computes and stores the story features of the given articles; returns them. */
async function featurize(
  store: Store,
  articleIds: readonly number[],
  directory: OutletDirectory,
  ctx: Context,
): Promise<FreshItem[]> {
  const items: FreshItem[] = [];
  for (const id of articleIds) {
    const article = await store.getArticle(id);
    if (!article) continue;
    const capture = await store.getCapture(article.captureId);
    const a = article.analysis.article;
    const outlet = directory.identify({
      publisher: a.publisher,
      url: a.url ?? capture?.url ?? null,
      origin: article.origin,
    });
    const features = storyFeatures(
      { analysis: article.analysis, outlet: outlet.name, capturedAt: capture?.capturedAt ?? null },
      ctx,
    );
    await store.putStoryFeatures(id, features.day, features);
    items.push({ articleId: id, features, capturedDay: capture?.capturedAt.slice(0, 10) ?? null });
  }
  return items;
}

/**
 * Adds articles that have no story yet to stories, one by one in reception order: each joins the stored
 * story whose core it matches best (or a story of its own); stories already stored keep their members,
 * and an article already in a story stays there (`stories rebuild` and `reprocess` place everything anew).
 */
export async function updateStories(
  store: Store,
  articleIds: readonly number[],
  directory: OutletDirectory,
  ctx: Context = createContext(),
): Promise<StoryUpdate> {
  if (articleIds.length === 0) return { storyIds: [], gradedEvents: 0 };
  // An article that has a story keeps it (re-ingested, or unchanged) with its features refreshed; only
  // those without one are placed.
  const placed = new Set(
    (await store.listStoryFeatures({ articleIds: [...articleIds] }))
      .filter((r) => r.storyId !== null)
      .map((r) => r.articleId),
  );
  const fresh = (await featurize(store, articleIds, directory, ctx)).filter((i) => !placed.has(i.articleId));
  if (fresh.length === 0) return { storyIds: [], gradedEvents: 0 };
  const freshIds = new Set(fresh.map((i) => i.articleId));
  const rows = (await rowsInReach(store, fresh)).filter((r) => !freshIds.has(r.articleId) && r.storyId !== null);
  const existing = rows.map(toItem).filter((i) => i.features.version === STORY_FEATURES_VERSION);
  const assigner = new StoryAssigner(ctx.data.load<Rarity>('story-rarity'), [...existing, ...fresh]);
  const storyOfRow = new Map(rows.map((r) => [r.articleId, r.storyId!]));
  for (const item of existing) assigner.seed(item, storyOfRow.get(item.articleId)!);
  const touched = new Set<number>();
  for (const item of receptionOrder(fresh)) touched.add(assigner.place(item));
  const groups = new Map<number, number[]>();
  for (const [articleId, key] of assigner.storyOf) {
    if (touched.has(key)) groups.set(key, [...(groups.get(key) ?? []), articleId]);
  }
  const byId = new Map<number, StoryFeatures>([...existing, ...fresh].map((i) => [i.articleId, i.features]));
  return saveGroups(store, [...groups.values()], byId, copyGroups(assigner.copies), directory);
}

/** Stored articles whose day lies within reach of the new ones (undated ones search around their capture). */
async function rowsInReach(store: Store, fresh: readonly FreshItem[]): Promise<StoryFeatureRow[]> {
  const days = fresh
    .map((i) => i.features.day ?? i.capturedDay)
    .filter((d): d is string => d !== null)
    .sort();
  if (days.length === 0) return [];
  const reach = Math.max(STORY_WINDOW_DAYS * 2, fresh.some((i) => !i.features.day) ? UNDATED_SEARCH_DAYS : 0);
  return store.listStoryFeatures({ since: shiftDay(days[0]!, -reach), until: shiftDay(days[days.length - 1]!, reach) });
}

/** Recomputes every article's features and every story from scratch, in reception order. */
export async function rebuildStories(
  store: Store,
  directory: OutletDirectory,
  ctx: Context = createContext(),
): Promise<StoryUpdate> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.search({ q: '', sort: 'date', limit: PAGE, offset });
    ids.push(...page.hits.map((h) => h.id));
    if (page.hits.length < PAGE) break;
  }
  const items = await featurize(store, ids, directory, ctx);
  const result = clusterStories(items, ctx);
  const byId = new Map(items.map((i) => [i.articleId, i.features]));
  return saveGroups(store, result.stories, byId, result.nearDuplicates, directory);
}

/** Saves story groups and grades their events again (a story that gains or loses members is re-graded). */
async function saveGroups(
  store: Store,
  groups: number[][],
  byId: ReadonlyMap<number, StoryFeatures>,
  nearDuplicates: number[][],
  directory: OutletDirectory,
): Promise<StoryUpdate> {
  const drafts: StoryDraft[] = groups.map((group) => draftOf(group, byId, directory));
  const storyIds = await store.saveStories(drafts);
  let gradedEvents = 0;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    const articles: GradedArticle[] = [];
    for (const articleId of group) {
      const f = byId.get(articleId)!;
      const events = await store.listEvents({ articleId });
      articles.push({
        articleId,
        outlet: directory.byName(f.outlet) ?? directory.identify({ publisher: f.outlet, url: null, origin: null }),
        credited: f.credited,
        events: events.map((e) => ({
          id: e.id,
          cameo: e.cameo,
          sourceCode: e.sourceCode,
          targetCode: e.targetCode,
          modality: e.modality,
        })),
      });
    }
    const grades = gradeCredibility(storyIds[i] ?? null, articles, nearDuplicates);
    await store.putEventCredibility(group, grades);
    gradedEvents += grades.length;
  }
  return { storyIds, gradedEvents };
}

/** A story's summary: a headline chosen from its members' titles, its first and last days, its outlets. */
function draftOf(group: number[], byId: ReadonlyMap<number, StoryFeatures>, directory: OutletDirectory): StoryDraft {
  const members = group.map((id) => byId.get(id)!);
  const times = members
    .map((f) => f.published ?? f.day)
    .filter((p): p is string => p !== null)
    .sort();
  return {
    articleIds: group,
    headline: chooseHeadline(members, (outlet) => directory.byName(outlet)?.reliability ?? 'F'),
    firstSeen: times[0] ?? null,
    lastSeen: times[times.length - 1] ?? null,
    outletCount: new Set(members.map((f) => f.outlet)).size,
  };
}

function toItem(row: StoryFeatureRow): ClusterItem {
  return { articleId: row.articleId, features: row.features as StoryFeatures };
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}
