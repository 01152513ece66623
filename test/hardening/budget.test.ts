/** The per-page time budget: once spent, the stages left are cut with a message and the document stays valid. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Doc } from '../../src/core/doc.js';
import { createContext, DataFiles, DEFAULT_LIMITS, type Context } from '../../src/core/context.js';
import { defineStage, runStages, type Stage } from '../../src/core/stage.js';
import { checkBudget, elapsedMs } from '../../src/core/budget.js';
import { StageError } from '../../src/core/errors.js';

/** Keeps the processor busy until `ms` have passed and as much processor time is used: the budget counts both. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  const cpuAtStart = process.cpuUsage();
  const cpuMs = (): number => {
    const used = process.cpuUsage(cpuAtStart);
    return (used.user + used.system) / 1000;
  };
  while (performance.now() < until || cpuMs() < ms) {
    // busy on purpose
  }
}

function contextWith(pageBudgetMs: number): Context {
  return createContext({ limits: { ...DEFAULT_LIMITS, pageBudgetMs }, data: new DataFiles() });
}

const article = defineStage('article', () => ({
  title: 'A quiet harbour',
  text: 'Fishing boats came back to the harbour at dawn.',
  publisher: null,
  source: null,
  section: null,
  byline: null,
  published: null,
  language: 'en',
  url: null,
}));

function budgetMessages(doc: Doc): string[] {
  return doc.messages.filter((m) => m.rule === 'core/budget').map((m) => m.reason);
}

void test('budget: a slow stage spends it; the stages after it are cut, empty, and named in a message', () => {
  const ran: string[] = [];
  const stages: Stage[] = [
    article,
    defineStage('sentences', () => {
      ran.push('sentences');
      spin(40);
      return [];
    }),
    defineStage('entities', () => {
      ran.push('entities');
      return [{ id: 'place:x', name: 'X', type: 'place', code: null, role: null, affiliation: null, lat: null, lon: null, mentions: [] }];
    }),
    defineStage('dates', () => {
      ran.push('dates');
      return [];
    }),
  ];
  const doc = runStages(createDoc({ origin: 'slow-page', bytes: Buffer.from('') }), stages, contextWith(10));
  assert.deepEqual(ran, ['sentences']);
  assert.deepEqual(doc.entities, []);
  assert.deepEqual(doc.dates, []);
  assert.equal(doc.article?.title, 'A quiet harbour');
  const reasons = budgetMessages(doc);
  assert.equal(reasons.length, 2);
  assert.match(reasons[0] ?? '', /^entities: not run/);
  assert.match(reasons[1] ?? '', /^dates: not run/);
});

void test('budget: a stage that checks it inside its loop stops there, and its product is empty', () => {
  let rounds = 0;
  const stages: Stage[] = [
    article,
    defineStage('sentences', (doc) => {
      for (;;) {
        rounds += 1;
        spin(2);
        checkBudget(doc, `sentence ${rounds}`);
      }
    }),
  ];
  const doc = runStages(createDoc({ origin: 'loop-page', bytes: Buffer.from('') }), stages, contextWith(15));
  assert.deepEqual(doc.sentences, []);
  assert.ok(rounds >= 2);
  assert.match(budgetMessages(doc)[0] ?? '', /^sentences: stopped.*sentence \d+/);
});

void test('budget: the stages that make the article are never cut, even over budget', () => {
  const stages: Stage[] = [
    defineStage('decoded', () => {
      spin(20);
      return { text: 'x', charset: 'utf-8', charsetSource: 'utf-8' };
    }),
    article,
  ];
  const doc = runStages(createDoc({ origin: 'essential', bytes: Buffer.from('') }), stages, contextWith(5));
  assert.equal(doc.article?.text, 'Fishing boats came back to the harbour at dawn.');
  assert.deepEqual(budgetMessages(doc), []);
});

void test('budget: BudgetSpent from an essential stage is a broken page, reported as a StageError', () => {
  const stages: Stage[] = [
    defineStage('article', (doc) => {
      spin(10);
      checkBudget(doc, 'extraction');
      throw new Error('unreachable');
    }),
  ];
  assert.throws(
    () => runStages(createDoc({ origin: 'essential-throws', bytes: Buffer.from('') }), stages, contextWith(2)),
    (error: unknown) => error instanceof StageError && error.stage === 'article',
  );
});

void test('budget: loading data files and building indexes is not charged to the page', () => {
  const ctx = contextWith(250);
  const stages: Stage[] = [
    article,
    defineStage('sentences', (_doc, c) => {
      c.data.memo('hardening/slow-index', () => {
        spin(400);
        return new Map<string, number>();
      });
      return [];
    }),
    defineStage('entities', () => []),
  ];
  const doc = runStages(createDoc({ origin: 'cold-start', bytes: Buffer.from('') }), stages, ctx);
  assert.deepEqual(budgetMessages(doc), []);
  assert.ok(elapsedMs(doc) < 400, `charged ${elapsedMs(doc)} ms`);
});

void test('budget: 0 turns it off', () => {
  let isRun = false;
  const stages: Stage[] = [
    article,
    defineStage('sentences', () => {
      spin(15);
      return [];
    }),
    defineStage('entities', () => {
      isRun = true;
      return [];
    }),
  ];
  const doc = runStages(createDoc({ origin: 'no-budget', bytes: Buffer.from('') }), stages, contextWith(0));
  assert.equal(isRun, true);
  assert.deepEqual(budgetMessages(doc), []);
});

void test('budget: one clock per page across two runner calls (capture first, then the rest, as ingest does)', () => {
  const ctx = contextWith(10);
  const doc = createDoc({ origin: 'two-calls', bytes: Buffer.from('') });
  runStages(doc, [defineStage('decoded', () => (spin(20), { text: 'x', charset: 'utf-8', charsetSource: 'utf-8' }))], ctx);
  runStages(doc, [article, defineStage('sentences', () => [])], ctx);
  assert.deepEqual(doc.sentences, []);
  assert.match(budgetMessages(doc)[0] ?? '', /^sentences: not run/);
});
