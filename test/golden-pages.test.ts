/**
 * The golden pages (test/pages/<site>-<slug>/): each page runs through the whole pipeline.
 * expected/article.json must equal the article field by field. expected/events.json and
 * expected/transfers.json are complete: each expected item (quoted evidence first, then the fields
 * that must hold) matches its own finding and no finding is left over, so a spurious event fails as
 * surely as a missed one. Any other expected/<stage>.json is a list of partial findings, each of
 * which must match some finding of that stage. Every finding, and every expected item, that quotes
 * a span must quote article.text exactly. UPDATE=1 rewrites article.json only; the findings files
 * are written by `npx tsx scripts/golden-findings.ts PAGE...` and reviewed by hand.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeInput } from '../src/analysis.js';
import { createContext } from '../src/core/context.js';
import { describeError } from '../src/core/errors.js';
import type { Doc } from '../src/core/doc.js';
import { ROOT } from './helpers.js';

const PAGES_DIR = path.join(ROOT, 'test/pages');
/** The time every page is analysed at, so relative dates read the same on any day. */
const NOW = new Date('2024-06-01T12:00:00Z');
/** The page as captured, by the names a page folder may use. */
const SOURCE_NAMES = ['source.html', 'source.htm', 'source.txt', 'source.html.gz', 'source.txt.gz'];
const ARTICLE_FILE = 'article.json';
/** Stages whose expected file lists every finding the page must yield, no more. */
const COMPLETE_STAGES = new Set(['events', 'transfers']);
const isUpdating = process.env.UPDATE === '1';

/** page.json: inputs a caller would give with the page, and whether the page must fail. */
interface PageInputs {
  url?: string;
  published?: string;
  contentType?: string;
  /** The error code analysis must fail with ("capture/empty"); the page is then not compared. */
  expectError?: string;
  /**
   * Stages whose expected file says what the page should yield while the pipeline does not yet
   * ({ "events": "why" }): the check still runs and must still fail, so a fix is noticed and the
   * mark removed. Nothing is skipped.
   */
  knownFailures?: Record<string, string>;
}

interface Page {
  name: string;
  dir: string;
  /** The source file's path from the repository root, used as the input's origin. */
  origin: string;
  inputs: PageInputs;
  /** Files under expected/, or null when the page has no expected/ folder. */
  expected: string[] | null;
}

void test('partial matching: given keys must match, arrays match item by item in any order', () => {
  const cases: Array<[unknown, unknown, boolean]> = [
    [{ a: 1, b: 2 }, { a: 1 }, true],
    [{ a: 1 }, { a: 2 }, false],
    [{ a: 1 }, { b: null }, false],
    [{ a: { b: 1, c: 2 } }, { a: { c: 2 } }, true],
    [{ list: [{ x: 1, y: 2 }, { x: 3 }] }, { list: [{ x: 3 }, { y: 2 }] }, true],
    [{ list: [{ x: 1 }] }, { list: [{ x: 2 }] }, false],
    [{ list: 'not a list' }, { list: [] }, false],
    [null, {}, false],
    ['text', 'text', true],
  ];
  for (const [actual, expected, isMatch] of cases) {
    assert.equal(
      matchesPartially(actual, expected),
      isMatch,
      `${JSON.stringify(expected)} against ${JSON.stringify(actual)}`,
    );
  }
});

void test('complete lists: one finding per expected item, none left over', () => {
  const doc = { events: [{ cameo: '190', n: 1 }, { cameo: '190', n: 2 }, { cameo: '042' }] } as unknown as Doc;
  assert.doesNotThrow(() => checkAllFindings('t', 'events', doc, [{ cameo: '190' }, { cameo: '190', n: 1 }, { cameo: '042' }]));
  assert.throws(() => checkAllFindings('t', 'events', doc, [{ cameo: '190' }, { cameo: '042' }]), /1 not expected/);
  assert.throws(() => checkAllFindings('t', 'events', doc, [{ cameo: '190' }, { cameo: '190' }, { cameo: '190' }, { cameo: '042' }]), /1 expected not found/);
});

void describe('golden pages', () => {
  const pages = listPages();
  void test('there are golden pages to check', () => assert.ok(pages.length > 0, `no page folders under ${PAGES_DIR}`));
  for (const page of pages) {
    void test(page.name, () => checkPage(page));
  }
});

function listPages(): Page[] {
  if (!existsSync(PAGES_DIR)) return [];
  return readdirSync(PAGES_DIR)
    .filter((name) => !name.startsWith('.') && statSync(path.join(PAGES_DIR, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = path.join(PAGES_DIR, name);
      const source = SOURCE_NAMES.find((file) => existsSync(path.join(dir, file)));
      if (!source) throw new Error(`test/pages/${name}: no source file (${SOURCE_NAMES.join(', ')})`);
      const inputsFile = path.join(dir, 'page.json');
      const expectedDir = path.join(dir, 'expected');
      return {
        name,
        dir,
        origin: path.relative(ROOT, path.join(dir, source)),
        inputs: existsSync(inputsFile) ? (readJson(inputsFile) as PageInputs) : {},
        expected: existsSync(expectedDir)
          ? readdirSync(expectedDir)
              .filter((file) => file.endsWith('.json'))
              .sort()
          : null,
      };
    });
}

function checkPage(page: Page): void {
  let doc: Doc;
  try {
    doc = analyzeInput(
      {
        origin: page.origin,
        bytes: readFileSync(path.join(ROOT, page.origin)),
        contentType: page.inputs.contentType ?? null,
        url: page.inputs.url ?? null,
        published: page.inputs.published ?? null,
      },
      createContext({ now: NOW }),
    );
  } catch (error) {
    if (page.inputs.expectError === undefined) throw error;
    assert.equal(describeError(error).code, page.inputs.expectError, `${page.name}: error code`);
    return;
  }
  assert.equal(page.inputs.expectError, undefined, `${page.name}: expected error ${page.inputs.expectError}, got none`);
  const article = doc.article;
  assert.ok(article, `${page.name}: no article`);
  checkSpans(page.name, doc, article.text);
  if (page.expected === null) return;
  if (isUpdating) writeArticle(page, article);
  for (const file of page.expected) {
    const expected = readJson(path.join(page.dir, 'expected', file));
    const stage = file.replace(/\.json$/, '');
    if (file === ARTICLE_FILE) {
      checkArticle(page.name, article as unknown as Record<string, unknown>, expected);
      continue;
    }
    checkSpans(`${page.name}: expected/${file}`, { [stage]: expected } as unknown as Doc, article.text);
    const check = (): void => (COMPLETE_STAGES.has(stage) ? checkAllFindings : checkFindings)(page.name, stage, doc, expected);
    const knownFailure = page.inputs.knownFailures?.[stage];
    if (knownFailure === undefined) check();
    else assert.throws(check, `${page.name}: ${stage} now matches its expected file: remove knownFailures.${stage} ("${knownFailure}") from page.json`);
  }
}

/** The expected list is the whole list: each item matches a finding of its own, and every finding is expected. */
function checkAllFindings(pageName: string, stage: string, doc: Doc, expected: unknown): void {
  assert.ok(Array.isArray(expected), `${pageName}: expected/${stage}.json is not an array`);
  const actual = (doc as unknown as Record<string, unknown>)[stage];
  assert.ok(Array.isArray(actual), `${pageName}: stage "${stage}" made no list of findings`);
  const pairs = matchOneToOne(actual, expected);
  const missed = expected.filter((_, i) => !pairs.has(i));
  const matched = new Set(pairs.values());
  const spurious = actual.filter((_, i) => !matched.has(i));
  const show = (items: unknown[]): string => items.map((f) => `  ${JSON.stringify(f)}`).join('\n');
  assert.ok(
    missed.length === 0 && spurious.length === 0,
    `${pageName}: ${stage}: ${missed.length} expected not found, ${spurious.length} not expected` +
      (missed.length ? `\nexpected, not found:\n${show(missed)}` : '') +
      (spurious.length ? `\nfound, not expected:\n${show(spurious)}` : ''),
  );
}

/** Expected index -> actual index, each used once (augmenting paths, so an early greedy choice cannot block a later item). */
function matchOneToOne(actual: unknown[], expected: unknown[]): Map<number, number> {
  const candidates = expected.map((wanted) => actual.flatMap((finding, i) => (matchesPartially(finding, wanted) ? [i] : [])));
  const owner = new Map<number, number>();
  const assign = (e: number, seen: Set<number>): boolean => {
    for (const a of candidates[e] ?? []) {
      if (seen.has(a)) continue;
      seen.add(a);
      const current = owner.get(a);
      if (current === undefined || assign(current, seen)) {
        owner.set(a, e);
        return true;
      }
    }
    return false;
  };
  expected.forEach((_, e) => assign(e, new Set()));
  return new Map([...owner].map(([a, e]) => [e, a]));
}

/** Field by field, so a failure names the field that changed. */
function checkArticle(pageName: string, actual: Record<string, unknown>, expected: unknown): void {
  assert.ok(isObject(expected), `${pageName}: expected/article.json is not an object`);
  const fields = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
  for (const field of fields) {
    assert.deepEqual(actual[field], expected[field], `${pageName}: article.${field}`);
  }
}

/** Every expected partial finding must match at least one finding the stage made. */
function checkFindings(pageName: string, stage: string, doc: Doc, expected: unknown): void {
  assert.ok(Array.isArray(expected), `${pageName}: expected/${stage}.json is not an array`);
  const actual = (doc as unknown as Record<string, unknown>)[stage];
  assert.ok(Array.isArray(actual), `${pageName}: stage "${stage}" made no list of findings`);
  for (const wanted of expected) {
    assert.ok(
      actual.some((finding) => matchesPartially(finding, wanted)),
      `${pageName}: ${stage}: no finding matches ${JSON.stringify(wanted)}\nfound:\n${actual.map((f) => JSON.stringify(f)).join('\n')}`,
    );
  }
}

/**
 * Deep partial match: every key the expectation gives must match; an expected array is matched
 * when each of its items matches some item of the actual array (in any order).
 */
function matchesPartially(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) && expected.every((item) => actual.some((candidate) => matchesPartially(candidate, item)))
    );
  }
  if (isObject(expected)) {
    return isObject(actual) && Object.entries(expected).every(([key, value]) => matchesPartially(actual[key], value));
  }
  return Object.is(actual, expected);
}

/** Fields of a document that are not stage findings. */
const NOT_FINDINGS = new Set(['input', 'capture', 'decoded', 'article', 'messages']);

/** Every object after the article that has start, end and text must quote article.text exactly. */
function checkSpans(pageName: string, doc: Doc, text: string): void {
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${where}[${i}]`));
      return;
    }
    if (!isObject(value)) return;
    const { start, end, text: quoted } = value;
    if (typeof start === 'number' && typeof end === 'number' && typeof quoted === 'string') {
      assert.equal(text.slice(start, end), quoted, `${pageName}: ${where} quotes [${start}, ${end}) wrongly`);
    }
    for (const [key, child] of Object.entries(value)) visit(child, `${where}.${key}`);
  };
  for (const [stage, product] of Object.entries(doc)) if (!NOT_FINDINGS.has(stage)) visit(product, stage);
}

/** UPDATE=1: the actual article becomes the expected one; review the diff before committing. */
function writeArticle(page: Page, article: object): void {
  const dir = path.join(page.dir, 'expected');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, ARTICLE_FILE), JSON.stringify(article, null, 2) + '\n');
  if (page.expected && !page.expected.includes(ARTICLE_FILE)) page.expected.push(ARTICLE_FILE);
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
