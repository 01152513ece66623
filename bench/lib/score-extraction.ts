/**
 * The ScrapingHub article-extraction metric and the htmldate date metric, shared by
 * bench/extract.ts and test/extract-floor.test.ts so both report the same figures.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { decodeBytes } from '../../src/stages/decoded/index.js';

/** One page's precision and recall under the benchmark's 4-token shingle metric. */
export interface PageScore {
  precision: number;
  recall: number;
}

/** Corpus precision and recall are means over pages; F1 comes from those means. */
export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

const SHINGLE = 4;

/** The multiset of 4-token shingles of a text; tokens are runs of Unicode word characters. */
function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  // A text shorter than one shingle still counts as one shingle of what it has.
  const last = Math.max(1, tokens.length - SHINGLE + 1);
  if (tokens.length === 0) return counts;
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Scores one predicted body against the true one. */
export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, n] of t) {
    const m = p.get(key) ?? 0;
    tp += Math.min(n, m);
    fn += Math.max(0, n - m);
  }
  for (const [key, m] of p) fp += Math.max(0, m - (t.get(key) ?? 0));
  const total = tp + fp + fn;
  if (total === 0) return { precision: 1, recall: 1 };
  const [tpn, fpn, fnn] = [tp / total, fp / total, fn / total];
  return {
    precision: fpn === 0 ? 1 : tpn / (tpn + fpn),
    recall: fnn === 0 ? 1 : tpn / (tpn + fnn),
  };
}

/** Means of page scores and the F1 of those means. */
export function scoreCorpus(pages: PageScore[]): CorpusScore {
  const n = pages.length;
  const precision = n ? pages.reduce((s, p) => s + p.precision, 0) / n : 0;
  const recall = n ? pages.reduce((s, p) => s + p.recall, 0) / n : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: n };
}

/** One page of the article-extraction set. */
export interface ExtractionCase {
  id: string;
  url: string;
  html: string;
  truth: string;
}

/** The article-extraction set under `dir`, or null when the folder is absent. */
export function loadExtractionSet(dir: string): ExtractionCase[] | null {
  const truthFile = path.join(dir, 'ground-truth.json');
  if (!existsSync(truthFile)) return null;
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, { articleBody, url }]) => ({
      id,
      url,
      html: readPage(path.join(dir, 'html', `${id}.html.gz`)),
      truth: articleBody,
    }));
}

/** One page of the dates set: the gold day is null where the page gives none. */
export interface DateCase {
  url: string;
  html: string;
  date: string | null;
}

/** The dates set under `dir`, or null when the folder is absent. */
export function loadDateSet(dir: string): DateCase[] | null {
  const goldFile = path.join(dir, 'gold.json');
  if (!existsSync(goldFile)) return null;
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<string, { file: string; date: string | null }>;
  return Object.entries(gold)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([url, { file, date }]) => ({ url, html: readPage(path.join(dir, 'html', file)), date }));
}

/** Date precision, recall and F1: no output is a miss, a wrong day a false positive. */
export interface DateScore {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

/** Scores predicted days (YYYY-MM-DD prefix of each output) against the gold days. */
export function scoreDates(pairs: Array<{ gold: string | null; predicted: string | null }>): DateScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, predicted } of pairs) {
    const day = predicted?.slice(0, 10) ?? null;
    if (day === null) {
      if (gold !== null) fn++;
    } else if (day === gold) tp++;
    else fp++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = 2 * tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0;
  return { precision, recall, f1, tp, fp, fn };
}

/** Pages are gzipped; bytes go through the product's own decoder (BOM, meta charset, UTF-8, detection). */
function readPage(file: string): string {
  return decodeBytes(gunzipSync(readFileSync(file)), { origin: file, isHtml: true }).text;
}
