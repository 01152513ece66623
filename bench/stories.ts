/**
 * Story-clustering benchmark on ../shared/eval/stories-dev, scored as its README says: every telling is
 * ingested into one fresh store with its publication day and URL, stories are formed as ingest forms
 * them (one page at a time), and the clusters are read back. Prints pairwise P/R/F1 (with TP, FP, FN),
 * B-cubed, near-miss merges and the share of other-language tellings joined to their story, for a tune
 * part and a check part (happenings split by a fixed seed, near-miss pairs kept on one side) and for all,
 * and the same figures on our own demo corpus (demo/corpus/README.md lists its stories).
 * Usage: npm run bench:stories [-- --verbose] [-- --screenshot]   (prints figures; asserts nothing;
 * --screenshot serves the store of the whole set and saves the desk's stories view, with each story's
 * members and their languages, to test-output/stories-dev.png, in Debian's Chromium)
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createContext } from '../src/core/context.js';
import { ingestOne } from '../src/ingest.js';
import { openStore } from '../src/store/open.js';
import { OutletDirectory } from '../src/reliability/outlet-directory.js';
import { updateStories } from '../src/stories/update-stories.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { buildApp } from '../src/server/app.js';
import { findChromium, openDeskBrowser, SHOTS } from '../test/e2e/chromium.js';
import { score, splitStories, type Cases, type GoldArticle, type GoldStory, type Scores } from './lib/score-stories.js';

const SET = path.resolve(import.meta.dirname, '../../shared/eval/stories-dev');
const DEMO_DIR = path.resolve(import.meta.dirname, '../demo/corpus');

/** The demo corpus's stories, from the table in its README (a story of one page where it names none). */
function demoCases(): Cases {
  const stories = new Map<string, GoldStory>();
  for (const line of readFileSync(path.join(DEMO_DIR, 'README.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`(.+)`$/.exec(cells[1] ?? '')?.[1];
    if (!file || cells.length < 9 || !/^\d{4}-\d\d-\d\d$/.test(cells[6] ?? '')) continue;
    const story = /^S\d+$/.test(cells[7] ?? '') ? cells[7]! : file;
    const entry = stories.get(story) ?? { story, date: cells[6]!, articles: [] };
    entry.articles.push({
      id: file,
      url: '',
      outlet: cells[2]!,
      published: cells[6]!,
      language: cells[5]!.slice(0, 2),
    });
    stories.set(story, entry);
  }
  return { stories: [...stories.values()], near_misses: [] };
}

/** Where a set's texts lie, and whether its gold publication day is handed to ingest (as outside checks do). */
interface SetSource {
  fileOf: (article: GoldArticle) => string;
  isPublishedGiven: boolean;
}

const DEV: SetSource = { fileOf: (a) => path.join(SET, 'texts', `${a.id}.txt`), isPublishedGiven: true };
/** Our own demo corpus: its pages carry their dates, which the pipeline reads. */
const DEMO: SetSource = { fileOf: (a) => path.join(DEMO_DIR, a.id), isPublishedGiven: false };

async function runPart(
  cases: Cases,
  storyIds: readonly string[],
  isVerbose: boolean,
  source: SetSource = DEV,
  screenshot: string | null = null,
): Promise<Scores> {
  const wanted = new Set(storyIds);
  const stories = cases.stories.filter((s) => wanted.has(s.story));
  const dir = mkdtempSync(path.join(tmpdir(), 'wf-stories-'));
  const store = await openStore(path.join(dir, 'bench.db'));
  const ctx = createContext();
  const directory = new OutletDirectory([], ctx.data);
  const goldOf = new Map<number, { story: string; article: GoldArticle }>();
  try {
    // Ingest in publication order, one page at a time, as a desk receives them.
    const all = stories.flatMap((s) => s.articles.map((a) => ({ story: s.story, article: a })));
    all.sort(
      (x, y) => x.article.published.localeCompare(y.article.published) || x.article.id.localeCompare(y.article.id),
    );
    for (const { story, article } of all) {
      const file = source.fileOf(article);
      const outcome = await ingestOne(
        store,
        {
          origin: file,
          bytes: readFileSync(file),
          url: article.url || null,
          published: source.isPublishedGiven ? article.published : null,
        },
        ctx,
      );
      if (outcome.articleId === null) {
        process.stderr.write(`${article.id}: ${outcome.status} ${outcome.error?.message ?? ''}\n`);
        continue;
      }
      goldOf.set(outcome.articleId, { story, article });
      await updateStories(store, [outcome.articleId], directory);
    }
    const clusterOf = new Map<number, number>();
    const summaries = await store.listStories({ limit: 100_000 });
    for (const summary of summaries) {
      const story = await store.getStory(summary.id);
      for (const a of story?.articles ?? []) clusterOf.set(a.id, summary.id);
    }
    let next = -1;
    for (const id of goldOf.keys()) if (!clusterOf.has(id)) clusterOf.set(id, next--);
    if (isVerbose) {
      const byCluster = new Map<number, string[]>();
      for (const [id, c] of clusterOf) byCluster.set(c, [...(byCluster.get(c) ?? []), goldOf.get(id)!.article.id]);
      for (const members of byCluster.values()) process.stdout.write(`  [${members.join(', ')}]\n`);
    }
    if (screenshot) await shootStories(store, path.join(dir, 'bench.db'), screenshot);
    return score(cases, stories, goldOf, clusterOf);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Serves the store and saves the stories view, every story opened to show its members and languages. */
async function shootStories(store: Awaited<ReturnType<typeof openStore>>, db: string, name: string): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    process.stderr.write('bench:stories: chromium is not installed (apt-get install -y chromium); no screenshot\n');
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  const app = await buildApp({ store, config: { ...DEFAULT_CONFIG, db }, rateLimit: { perSecond: 0, burst: 0 }, searchPool: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await openDeskBrowser(executablePath, base, { width: 1500, height: 1000 });
  try {
    const { page } = browser;
    await page.goto(`${base}/#/stories`);
    await page.waitForFunction(() => document.getElementById('main')?.dataset['route'] === location.hash);
    await page.screenshot({ path: path.join(SHOTS, `${name}-list.png`), fullPage: true });
    // Each story's page lists its members with outlet and language: the three told by most articles.
    const biggest = (await store.listStories({ limit: 100_000 })).sort((a, b) => b.articleCount - a.articleCount).slice(0, 3);
    for (const [i, story] of biggest.entries()) {
      await page.goto(`${base}/#/story/${story.id}`);
      await page.waitForFunction(() => document.getElementById('main')?.dataset['route'] === location.hash);
      await page.screenshot({ path: path.join(SHOTS, `${name}-story-${i + 1}.png`), fullPage: true });
    }
    process.stdout.write(`screenshots: ${path.relative(process.cwd(), SHOTS)}/${name}-list.png and ${biggest.length} story pages\n`);
  } finally {
    await browser.close();
    await app.close();
  }
}

async function main(): Promise<void> {
  const isVerbose = process.argv.includes('--verbose');
  if (!existsSync(path.join(SET, 'cases.json'))) {
    process.stderr.write(`bench:stories: ${SET} not found\n`);
    process.exit(2);
  }
  const cases = JSON.parse(readFileSync(path.join(SET, 'cases.json'), 'utf8')) as Cases;
  const { tune, check } = splitStories(cases);
  const parts: [string, string[]][] = [
    ['tune', tune],
    ['check', check],
    ['all', cases.stories.map((s) => s.story)],
  ];
  const rows: [string, Scores][] = [];
  for (const [name, part] of parts) {
    if (isVerbose) process.stdout.write(`${name}: ${part.join(' ')}\n`);
    const screenshot = name === 'all' && process.argv.includes('--screenshot') ? 'stories-dev' : null;
    rows.push([name, await runPart(cases, part, isVerbose, DEV, screenshot)]);
  }
  // Our own corpus (written by us, 9 stories told by several outlets among 49 pages): a second tune set.
  const demo = demoCases();
  if (isVerbose) process.stdout.write('demo:\n');
  rows.push([
    'demo',
    await runPart(
      demo,
      demo.stories.map((s) => s.story),
      isVerbose,
      DEMO,
    ),
  ]);
  const f = (x: number): string => x.toFixed(3);
  process.stdout.write(
    'part   stories clusters  pairs P   R     F1    (TP/FP/FN)   B3 P  R     F1    near-miss merged  other-language joined\n',
  );
  for (const [name, s] of rows)
    process.stdout.write(
      `${name.padEnd(6)} ${String(s.stories).padStart(7)} ${String(s.clusters).padStart(8)}  ${f(s.precision)} ${f(s.recall)} ${f(s.f1)} (${s.tp}/${s.fp}/${s.fn})`.padEnd(
        70,
      ) +
        `${f(s.b3.precision)} ${f(s.b3.recall)} ${f(s.b3.f1)} ${`${s.nearMissMerged}/${s.nearMisses}`.padStart(8)}          ${s.otherLanguageJoined}/${s.otherLanguage}\n`,
    );
}

await main();
