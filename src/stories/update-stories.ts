/** Keeps stories current: features for new articles, re-clustering around their dates, credibility grades. */
import type { Store, StoryDraft, StoryFeatureRow } from '../store.js';
import type { OutletDirectory } from '../reliability/outlet-directory.js';
import { gradeCredibility, type GradedArticle } from '../reliability/grade-credibility.js';
import { clusterStories, STORY_WINDOW_DAYS, type ClusterItem } from './cluster-stories.js';
import { storyFeatures, type StoryFeatures } from './story-features.js';

/** Articles read per page when rebuilding everything. */
const PAGE = 500;

export interface StoryUpdate {
  /** Story ids created or changed. */
  storyIds: number[];
  /** Events given a credibility grade. */
  gradedEvents: number;
}

/** Computes and stores the story features of the given articles; returns them. */
async function featurize(
  store: Store,
  articleIds: readonly number[],
  directory: OutletDirectory,
): Promise<ClusterItem[]> {
  const items: ClusterItem[] = [];
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
    const features = storyFeatures({
      analysis: article.analysis,
      outlet: outlet.name,
      capturedAt: capture?.capturedAt ?? null,
    });
    await store.putStoryFeatures(id, features.day, features);
    items.push({ articleId: id, features });
  }
  return items;
}

/** Adds new articles to stories: re-clusters the articles within reach of their dates and saves the stories they join. */
export async function updateStories(
  store: Store,
  articleIds: readonly number[],
  directory: OutletDirectory,
): Promise<StoryUpdate> {
  if (articleIds.length === 0) return { storyIds: [], gradedEvents: 0 };
  const fresh = await featurize(store, articleIds, directory);
  const days = fresh
    .map((i) => i.features.day)
    .filter((d): d is string => d !== null)
    .sort();
  const reach = STORY_WINDOW_DAYS * 2;
  const rows = await store.listStoryFeatures(
    days.length > 0 ? { since: shiftDay(days[0]!, -reach), until: shiftDay(days[days.length - 1]!, reach) } : {},
  );
  const result = clusterStories(rows.map(toItem));
  const wanted = new Set(articleIds);
  const groups = result.stories.filter((g) => g.some((id) => wanted.has(id)));
  return saveGroups(store, groups, rows, result.nearDuplicates, directory);
}

/** Recomputes every article's features and every story from scratch. */
export async function rebuildStories(store: Store, directory: OutletDirectory): Promise<StoryUpdate> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.search({ q: '', sort: 'date', limit: PAGE, offset });
    ids.push(...page.hits.map((h) => h.id));
    if (page.hits.length < PAGE) break;
  }
  await featurize(store, ids, directory);
  const rows = await store.listStoryFeatures();
  const result = clusterStories(rows.map(toItem));
  return saveGroups(store, result.stories, rows, result.nearDuplicates, directory);
}

async function saveGroups(
  store: Store,
  groups: number[][],
  rows: readonly StoryFeatureRow[],
  nearDuplicates: number[][],
  directory: OutletDirectory,
): Promise<StoryUpdate> {
  const byId = new Map(rows.map((r) => [r.articleId, r.features as StoryFeatures]));
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

/** A story's headline comes from its most reliable outlet's earliest article. */
function draftOf(group: number[], byId: Map<number, StoryFeatures>, directory: OutletDirectory): StoryDraft {
  const members = group.map((id) => byId.get(id)!);
  const times = members
    .map((f) => f.published)
    .filter((p): p is string => p !== null)
    .sort();
  const grade = (f: StoryFeatures): string => directory.byName(f.outlet)?.reliability ?? 'F';
  const lead = [...members].sort(
    (a, b) => grade(a).localeCompare(grade(b)) || (a.published ?? '~').localeCompare(b.published ?? '~'),
  )[0];
  return {
    articleIds: group,
    headline: lead?.title ?? null,
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
