/**
 * Extraction benchmark: our extractor against Readability + linkedom on ../shared/eval/article-extraction
 * (precision, recall, F1, median ms/page, ratios), and our publication-date P/R/F1 on ../shared/eval/dates.
 * Prints figures only; asserts nothing. Usage: npm run bench:extract [-- --verbose]
 */
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractHtml } from '../src/stages/article/html.js';
import { DEFAULT_LIMITS, DataFiles } from '../src/core/context.js';
import type { Message } from '../src/core/doc.js';
import {
  loadDateSet,
  loadExtractionSet,
  scoreCorpus,
  scoreDates,
  scorePage,
  type CorpusScore,
  type PageScore,
} from './lib/score-extraction.js';

const EVAL = path.resolve(import.meta.dirname, '../../shared/eval');
const verbose = process.argv.includes('--verbose');
const data = new DataFiles();

/** Our extractor's body text for one page. */
function ours(html: string, url: string | null): { text: string; published: string | null } {
  const messages: Message[] = [];
  try {
    const article = extractHtml(html, { url, messages, limits: DEFAULT_LIMITS, data });
    return { text: article.text, published: article.published };
  } catch {
    return { text: '', published: null };
  }
}

/** The reference: Readability's textContent over a linkedom parse, as most pipelines call it. */
function readability(html: string): string {
  const { document } = parseHTML(html);
  const parsed = new Readability(document).parse();
  return parsed?.textContent ?? '';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

function line(name: string, score: CorpusScore, ms: number): string {
  const f = (x: number) => x.toFixed(3);
  return `${name.padEnd(22)} P ${f(score.precision)}  R ${f(score.recall)}  F1 ${f(score.f1)}  median ${ms.toFixed(2)} ms/page`;
}

const cases = loadExtractionSet(path.join(EVAL, 'article-extraction'));
if (!cases) {
  console.log(`skipped: ${EVAL}/article-extraction is absent (the shared eval sets live beside the repository)`);
} else {
  // One warm-up pass each so JIT compilation does not count against whichever runs first.
  for (const c of cases.slice(0, 5)) {
    ours(c.html, c.url);
    readability(c.html);
  }
  const oursScores: PageScore[] = [];
  const refScores: PageScore[] = [];
  const oursMs: number[] = [];
  const refMs: number[] = [];
  for (const c of cases) {
    const [mine, t1] = timed(() => ours(c.html, c.url).text);
    const [ref, t2] = timed(() => readability(c.html));
    oursMs.push(t1);
    refMs.push(t2);
    const s = scorePage(c.truth, mine);
    oursScores.push(s);
    refScores.push(scorePage(c.truth, ref));
    if (verbose) console.log(`${c.id.slice(0, 12)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} ${t1.toFixed(1)}ms ${c.url}`);
  }
  const a = scoreCorpus(oursScores);
  const b = scoreCorpus(refScores);
  const [ma, mb] = [median(oursMs), median(refMs)];
  console.log(`article-extraction: ${cases.length} pages`);
  console.log(line('watchfloor', a, ma));
  console.log(line('readability+linkedom', b, mb));
  console.log(
    `ratios (ours/ref)       P ${(a.precision / b.precision).toFixed(3)}  R ${(a.recall / b.recall).toFixed(3)}  F1 ${(a.f1 / b.f1).toFixed(3)}  time ${(ma / mb).toFixed(2)}x`,
  );
}

const dates = loadDateSet(path.join(EVAL, 'dates'));
if (!dates) {
  console.log(`skipped: ${EVAL}/dates is absent`);
} else {
  const pairs = dates.map((c) => {
    const predicted = ours(c.html, c.url).published;
    if (verbose && predicted?.slice(0, 10) !== c.date) console.log(`date ${c.date} got ${predicted} ${c.url}`);
    return { gold: c.date, predicted };
  });
  const d = scoreDates(pairs);
  console.log(
    `dates: ${dates.length} pages  P ${d.precision.toFixed(3)}  R ${d.recall.toFixed(3)}  F1 ${d.f1.toFixed(3)}  (tp ${d.tp}, fp ${d.fp}, fn ${d.fn})`,
  );
}
