/**
 * Publication-date benchmark: the HTML extractor's `published` day on ../shared/eval/dates and
 * ../shared/eval/dates-extra, each split by page into a tune part and a check part (fixed seed),
 * scored as the eval README says (no output = FN, right day = TP, other day = FP).
 * Then the dates stage on one 1 MB sentence of date phrases beside a 50 KB reference of the same phrases
 * (bounded work: the ratio should stay near the size ratio, 20x, or below it once chrono's budget is spent).
 * Prints figures only; asserts nothing. Usage: npm run bench:dates [-- --verbose] [-- --rules] [-- --speed-only]
 * [-- --without-markup]: the same pages with their JSON-LD blocks and <meta> tags taken out, so the lower kinds of
 * evidence (<time>, URL, visible text, script data) answer alone, as on pages that carry no markup; a wrong day
 * there is a weak kind speaking where it should not.
 */
import path from 'node:path';
import { extractHtml } from '../src/stages/article/html.js';
import { DEFAULT_LIMITS, DataFiles } from '../src/core/context.js';
import type { Message } from '../src/core/doc.js';
import { loadDateSet, scoreDates, type DateCase, type DateScore } from './lib/score-extraction.js';
import { findDates, refDayOf } from '../src/stages/dates/index.js';

const EVAL = path.resolve(import.meta.dirname, '../../shared/eval');
const SETS = ['dates', 'dates-extra'];
/** Fixed before any tuning; changing it reshuffles the parts and voids earlier figures. */
const SPLIT_SEED = 'watchfloor-dates-split-1';
const verbose = process.argv.includes('--verbose');
const showRules = process.argv.includes('--rules');
const isSpeedOnly = process.argv.includes('--speed-only');
const isWithoutMarkup = process.argv.includes('--without-markup');

/** A page without its JSON-LD blocks and <meta> tags. */
function withoutMarkup(html: string): string {
  return html.replace(/<script\b[^>]*ld\+json[^>]*>[\s\S]*?<\/script\s*>/gi, '').replace(/<meta\b[^>]*>/gi, '');
}
const data = new DataFiles();

/** FNV-1a over the seed and the page URL: a stable half for each page, independent of order. */
function partOf(url: string): 'tune' | 'check' {
  let h = 0x811c9dc5;
  for (const ch of `${SPLIT_SEED}:${url}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'tune' : 'check';
}

interface Outcome {
  gold: string | null;
  predicted: string | null;
  rule: string;
}

function run(c: DateCase): Outcome {
  const messages: Message[] = [];
  try {
    const html = isWithoutMarkup ? withoutMarkup(c.html) : c.html;
    const article = extractHtml(html, { url: c.url, messages, limits: DEFAULT_LIMITS, data });
    const rule = messages.find((m) => m.rule.startsWith('article/published'))?.rule ?? '-';
    return { gold: c.date, predicted: article.published, rule };
  } catch (error) {
    return { gold: c.date, predicted: null, rule: `threw: ${(error as Error).message}` };
  }
}

function line(name: string, s: DateScore, pages: number): string {
  const f = (x: number): string => x.toFixed(3);
  return `${name.padEnd(20)} ${String(pages).padStart(4)} pages  P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

const started = performance.now();
let pagesRun = 0;
const byRule = new Map<string, { tp: number; fp: number }>();
if (isWithoutMarkup) console.log('pages read without their JSON-LD and <meta> tags (--without-markup)');
for (const set of isSpeedOnly ? [] : SETS) {
  const cases = loadDateSet(path.join(EVAL, set));
  if (!cases) {
    console.log(`skipped: ${EVAL}/${set} is absent (the shared eval sets live beside the repository)`);
    continue;
  }
  const parts: Record<'tune' | 'check', Outcome[]> = { tune: [], check: [] };
  const isCalendarDay = (d: string | null): boolean =>
    d === null || /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/.test(d);
  for (const c of cases) {
    const outcome = run(c);
    pagesRun++;
    parts[partOf(c.url)].push(outcome);
    const day = outcome.predicted?.slice(0, 10) ?? null;
    if (day !== null) {
      const counts = byRule.get(outcome.rule) ?? { tp: 0, fp: 0 };
      if (day === c.date) counts.tp++;
      else counts.fp++;
      byRule.set(outcome.rule, counts);
    }
    if (verbose && day !== c.date) {
      console.log(`  ${set}/${partOf(c.url)} gold ${c.date} got ${outcome.predicted} [${outcome.rule}] ${c.url}`);
    }
  }
  // A gold day that is no calendar day ("2022-29-11") cannot be matched by any answer; say how many there are.
  const invalid = cases.filter((c) => !isCalendarDay(c.date)).length;
  if (invalid > 0) console.log(`${set}: ${invalid} gold dates are not calendar days (scored as given; '-valid' lines leave them out)`);
  for (const part of ['tune', 'check'] as const) {
    console.log(line(`${set}/${part}`, scoreDates(parts[part]), parts[part].length));
    const valid = parts[part].filter((o) => isCalendarDay(o.gold));
    if (valid.length < parts[part].length) console.log(line(`${set}/${part}-valid`, scoreDates(valid), valid.length));
  }
  console.log(line(`${set}/all`, scoreDates([...parts.tune, ...parts.check]), cases.length));
}
if (showRules) {
  for (const [rule, { tp, fp }] of [...byRule].sort((a, b) => b[1].tp + b[1].fp - a[1].tp - a[1].fp)) {
    console.log(`  ${rule.padEnd(40)} tp ${tp}  fp ${fp}`);
  }
}
const seconds = (performance.now() - started) / 1000;
if (pagesRun > 0) {
  console.log(
    `${pagesRun} pages in ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, pagesRun)).toFixed(1)} ms/page; machine shared, timings noisy)`,
  );
}

/** Date phrases of our own joined without a full stop: one sentence of the given length. */
function dateSentence(length: number): string {
  const phrases = [
    'on 3 March 2021',
    'late on Friday',
    'by the end of the year',
    'in mid-2022',
    'on 12/05/2020',
    'two weeks ago',
  ];
  let text = 'Patrols';
  for (let i = 0; text.length < length; i++) text += ` and ${phrases[i % phrases.length]!}`;
  return text.slice(0, length);
}

/** Best of three runs, in ms. */
function bestOf(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const ref = refDayOf('2022-05-31', new Date());
const small = dateSentence(50_000);
const large = dateSentence(1_000_000);
findDates(small, ref);
const smallMs = bestOf(() => findDates(small, ref));
const largeMs = bestOf(() => findDates(large, ref));
console.log(
  `dates stage, one sentence: 50 KB ${smallMs.toFixed(0)} ms, 1 MB ${largeMs.toFixed(0)} ms, ratio ${(largeMs / smallMs).toFixed(1)}x for 20x the text (best of 3; shared machine, noisy)`,
);
