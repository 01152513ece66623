/**
 * One megabyte of text with no sentence end (names, date phrases, commas, numbers) through the whole
 * pipeline as an upload would go, under the default page budget: the output is valid (spans exact, lists
 * bounded, the article whole), and a stage the budget cut says so in a message and leaves an empty
 * product. How long each page takes is measured by `npx tsx bench/one-megabyte.ts`, not asserted here
 * (tests do not assert on time); the test's timeout only guards against a stage gone quadratic again.
 * Texts are generated from our own words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Doc } from '../../src/core/doc.js';
import { createContext, DEFAULT_LIMITS } from '../../src/core/context.js';
import { runStages, type Stage } from '../../src/core/stage.js';
import { DEFAULT_PAGE_BUDGET_MS } from '../../src/core/budget.js';
import { toAnalysis } from '../../src/analysis.js';
import { PIPELINE } from '../../src/pipeline.js';

const SIZE = 1024 * 1024;

/** Repeats the pieces, joined by `glue`, until the text is SIZE characters; ends without a period. */
function fill(pieces: readonly string[], glue: string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < SIZE; i++) {
    const piece = pieces[i % pieces.length] as string;
    parts.push(piece);
    length += piece.length + glue.length;
  }
  return parts.join(glue).slice(0, SIZE);
}

const INPUTS: Record<string, string> = {
  names: fill(
    ['Orla Vantreece', 'Bastien Quell', 'Idony Marsh', 'Corvin Hale', 'Petronel Ashgrove', 'Lysander Brook'],
    ' and ',
  ),
  'date phrases': fill(
    ['on 4 February 2019', 'last Thursday', 'in late October', 'two weeks earlier', 'by March 2031', 'on the 9th'],
    ' then ',
  ),
  commas: fill(['barley', 'oats', 'rye', 'millet', 'spelt', 'sorghum'], ', '),
  numbers: fill(['1,250', '37', '4.5', '1986', '72,000', '15'], ' '),
};

/** The pipeline with each stage's processor time written down, for the failure message. */
function timedPipeline(times: Map<string, number>): Stage[] {
  return PIPELINE.map((stage): Stage => ({
    name: stage.name,
    run: (doc, ctx) => {
      const cpu = process.cpuUsage();
      try {
        return stage.run(doc, ctx);
      } finally {
        const used = process.cpuUsage(cpu);
        times.set(stage.name, Math.round((used.user + used.system) / 1000));
      }
    },
  }));
}

function assertValid(doc: Doc): void {
  const analysis = toAnalysis(doc);
  const text = analysis.article.text;
  for (const entity of analysis.entities)
    for (const m of entity.mentions) assert.equal(text.slice(m.start, m.end), m.text, `mention of ${entity.id}`);
  for (const d of analysis.dates) assert.equal(text.slice(d.start, d.end), d.text, 'date span');
  for (const e of analysis.events)
    assert.equal(text.slice(e.evidence.start, e.evidence.end), e.evidence.text, 'event evidence');
  for (const t of analysis.transfers)
    assert.equal(text.slice(t.evidence.start, t.evidence.end), t.evidence.text, 'transfer evidence');
  // Findings quote sentences, which are bounded: the answer stays a small multiple of the page.
  assert.ok(JSON.stringify(analysis).length < 20 * SIZE, 'analysis size');
}

for (const [kind, text] of Object.entries(INPUTS)) {
  void test(
    `one megabyte of ${kind} in one sentence: valid output, any stage cut for time says so`,
    { timeout: 180_000 },
    () => {
      const times = new Map<string, number>();
      const ctx = createContext({
        now: new Date('2024-05-01T00:00:00Z'),
        limits: { ...DEFAULT_LIMITS, pageBudgetMs: DEFAULT_PAGE_BUDGET_MS },
      });
      // Warm the data files on a small page first: loading them is not the page's work.
      runStages(
        createDoc({ origin: 'warm.txt', bytes: Buffer.from('A short note about the weather in the valley.') }),
        PIPELINE,
        ctx,
      );
      const doc = createDoc({ origin: `${kind}.txt`, bytes: Buffer.from(text), published: '2024-05-01' });
      runStages(doc, timedPipeline(times), ctx);
      const report = [...times].map(([stage, ms]) => `${stage} ${ms} ms`).join(', ') + ' of processor time';
      assertValid(doc);
      assert.equal(doc.article?.text.length, text.length, 'article text kept whole');
      // A cut stage is named in a message and its product is empty; every other stage ran to its end.
      const cut = doc.messages.filter((m) => m.rule === 'core/budget');
      for (const stage of PIPELINE) {
        if (!times.has(stage.name) && ['entities', 'dates', 'events', 'transfers', 'sections'].includes(stage.name)) {
          assert.ok(
            cut.some((m) => m.reason.includes(stage.name)),
            `${stage.name} cut without a message (${report})`,
          );
          assert.deepEqual(
            (doc as unknown as Record<string, unknown>)[stage.name],
            [],
            `${stage.name} cut but not empty`,
          );
        }
      }
      if (cut.length > 0) process.stdout.write(`# ${kind}: ${cut.map((m) => m.reason).join('; ')} (${report})\n`);
    },
  );
}
