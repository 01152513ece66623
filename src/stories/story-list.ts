/** Every story with its articles, as the analysis contract's `stories list --json` prints them. */
import type { Store } from '../store.js';

/** One story of the contract: its articles with the path or URL each was ingested from. */
export interface StoryListing {
  id: number | null;
  headline: string | null;
  articles: { id: number; title: string | null; origin: string; language: string | null }[];
}

/** Stories read per page of the store's list. */
const PAGE = 1000;

/**
 * Every story in the store, newest first, each article in exactly one. An article that no story holds
 * (stored before stories were built, or by an older version) is listed as a story of its own, id null.
 */
export async function listStoryClusters(store: Store): Promise<StoryListing[]> {
  const out: StoryListing[] = [];
  const seen = new Set<number>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listStories({ limit: PAGE, offset });
    for (const summary of page) {
      const story = await store.getStory(summary.id);
      if (!story) continue;
      const articles = story.articles.map((a) => ({
        id: a.id,
        title: a.title,
        origin: a.origin,
        language: a.language,
      }));
      for (const a of articles) seen.add(a.id);
      out.push({ id: story.id, headline: story.headline, articles });
    }
    if (page.length < PAGE) break;
  }
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.search({ q: '', sort: 'date', limit: PAGE, offset });
    for (const hit of page.hits) {
      if (seen.has(hit.id)) continue;
      const article = await store.getArticle(hit.id);
      if (!article) continue;
      out.push({
        id: null,
        headline: article.analysis.article.title,
        articles: [
          {
            id: article.id,
            title: article.analysis.article.title,
            origin: article.origin,
            language: article.analysis.article.language,
          },
        ],
      });
    }
    if (page.hits.length < PAGE) break;
  }
  return out;
}
