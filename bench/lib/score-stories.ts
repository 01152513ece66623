/** Scoring of story clusters as ../shared/eval/stories-dev/README.md defines it, and the seeded tune/check split. */

const SEED = 20261206;

export interface GoldArticle {
  id: string;
  url: string;
  outlet: string;
  published: string;
  language: string;
}
export interface GoldStory {
  story: string;
  date: string;
  articles: GoldArticle[];
}
export interface Cases {
  stories: GoldStory[];
  near_misses: [string, string, string][];
}

/** Happenings joined by near-miss pairs travel together, so each part keeps its traps. */
export function splitStories(cases: Cases, seed = SEED): { tune: string[]; check: string[] } {
  const parent = new Map(cases.stories.map((s) => [s.story, s.story]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (const [a, b] of cases.near_misses) parent.set(find(a), find(b));
  const groups = new Map<string, string[]>();
  for (const s of cases.stories) groups.set(find(s.story), [...(groups.get(find(s.story)) ?? []), s.story]);
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const ordered = [...groups.values()].map((g) => ({ g, r: random() })).sort((x, y) => x.r - y.r);
  const tune: string[] = [];
  const check: string[] = [];
  const total = cases.stories.length;
  for (const { g } of ordered) (tune.length + g.length <= total / 2 ? tune : check).push(...g);
  return { tune, check };
}

export interface Scores {
  stories: number;
  clusters: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  b3: { precision: number; recall: number; f1: number };
  nearMissMerged: number;
  nearMisses: number;
  otherLanguageJoined: number;
  otherLanguage: number;
}

export function score(
  cases: Cases,
  stories: readonly GoldStory[],
  goldOf: Map<number, { story: string; article: GoldArticle }>,
  clusterOf: Map<number, number>,
): Scores {
  const ids = [...goldOf.keys()];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const gold = goldOf.get(ids[i]!)!.story === goldOf.get(ids[j]!)!.story;
      const ours = clusterOf.get(ids[i]!) === clusterOf.get(ids[j]!);
      if (gold && ours) tp++;
      else if (ours) fp++;
      else if (gold) fn++;
    }
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const cluster = ids.filter((o) => clusterOf.get(o) === clusterOf.get(id));
    const story = ids.filter((o) => goldOf.get(o)!.story === goldOf.get(id)!.story);
    const both = cluster.filter((o) => goldOf.get(o)!.story === goldOf.get(id)!.story).length;
    bp += both / cluster.length;
    br += both / story.length;
  }
  bp /= ids.length || 1;
  br /= ids.length || 1;
  const present = new Set(stories.map((s) => s.story));
  const pairs = cases.near_misses.filter(([a, b]) => present.has(a) && present.has(b));
  const clustersOfStory = (story: string): Set<number> =>
    new Set(ids.filter((id) => goldOf.get(id)!.story === story).map((id) => clusterOf.get(id)!));
  const nearMissMerged = pairs.filter(([a, b]) =>
    [...clustersOfStory(a)].some((c) => clustersOfStory(b).has(c)),
  ).length;
  // An other-language telling is joined when it shares its cluster with an English telling of its story.
  let otherLanguage = 0;
  let otherLanguageJoined = 0;
  for (const id of ids) {
    const { story, article } = goldOf.get(id)!;
    if (article.language === 'en') continue;
    otherLanguage++;
    const isJoined = ids.some(
      (o) =>
        o !== id &&
        goldOf.get(o)!.story === story &&
        goldOf.get(o)!.article.language === 'en' &&
        clusterOf.get(o) === clusterOf.get(id),
    );
    if (isJoined) otherLanguageJoined++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    stories: stories.length,
    clusters: new Set(clusterOf.values()).size,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    b3: { precision: bp, recall: br, f1: bp + br === 0 ? 0 : (2 * bp * br) / (bp + br) },
    nearMissMerged,
    nearMisses: pairs.length,
    otherLanguageJoined,
    otherLanguage,
  };
}
