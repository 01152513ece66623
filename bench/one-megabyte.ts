/**
 * Processor time per stage for one page of 1 MB with no sentence end (names, date phrases, commas, numbers),
 * beside the same text at 100 KB measured in the same run: a ratio near 10 is linear, far above it is not.
 * Prints figures only (timings are never asserted in tests). Run: npx tsx bench/one-megabyte.ts
 */
import { createDoc } from '../src/core/doc.js';
import { createContext, DEFAULT_LIMITS } from '../src/core/context.js';
import { runStages, type Stage } from '../src/core/stage.js';
import { PIPELINE } from '../src/pipeline.js';

const KINDS: Record<string, { pieces: string[]; glue: string }> = {
  names: { pieces: ['Orla Vantreece', 'Bastien Quell', 'Idony Marsh', 'Corvin Hale', 'Petronel Ashgrove', 'Lysander Brook'], glue: ' and ' },
  'date phrases': { pieces: ['on 4 February 2019', 'last Thursday', 'in late October', 'two weeks earlier', 'by March 2031', 'on the 9th'], glue: ' then ' },
  commas: { pieces: ['barley', 'oats', 'rye', 'millet', 'spelt', 'sorghum'], glue: ', ' },
  numbers: { pieces: ['1,250', '37', '4.5', '1986', '72,000', '15'], glue: ' ' },
};

function fill(size: number, pieces: readonly string[], glue: string): string {
  const parts: string[] = [];
  for (let i = 0, length = 0; length < size; i++) {
    const piece = pieces[i % pieces.length] as string;
    parts.push(piece);
    length += piece.length + glue.length;
  }
  return parts.join(glue).slice(0, size);
}

/** Processor milliseconds per stage for one page, with no page budget so every stage runs to its end. */
function measure(text: string): Map<string, number> {
  const times = new Map<string, number>();
  const stages = PIPELINE.map(
    (stage): Stage => ({
      name: stage.name,
      run: (doc, ctx) => {
        const cpu = process.cpuUsage();
        try {
          return stage.run(doc, ctx);
        } finally {
          const used = process.cpuUsage(cpu);
          times.set(stage.name, (used.user + used.system) / 1000);
        }
      },
    }),
  );
  const ctx = createContext({ now: new Date('2024-05-01T00:00:00Z'), limits: { ...DEFAULT_LIMITS, pageBudgetMs: 0 } });
  runStages(createDoc({ origin: 'bench.txt', bytes: Buffer.from(text), published: '2024-05-01' }), stages, ctx);
  return times;
}

measure('A short note about the weather in the valley.');
console.log('stage'.padEnd(12), 'kind'.padEnd(14), '100 KB ms'.padStart(10), '1 MB ms'.padStart(10), 'ratio'.padStart(7));
for (const [kind, { pieces, glue }] of Object.entries(KINDS)) {
  const small = measure(fill(100 * 1024, pieces, glue));
  const large = measure(fill(1024 * 1024, pieces, glue));
  let totalSmall = 0;
  let totalLarge = 0;
  for (const [stage, ms] of large) {
    const ref = small.get(stage) ?? 0;
    totalSmall += ref;
    totalLarge += ms;
    console.log(stage.padEnd(12), kind.padEnd(14), ref.toFixed(0).padStart(10), ms.toFixed(0).padStart(10), (ref > 0.5 ? (ms / ref).toFixed(1) : '-').padStart(7));
  }
  console.log('TOTAL'.padEnd(12), kind.padEnd(14), totalSmall.toFixed(0).padStart(10), totalLarge.toFixed(0).padStart(10), (totalLarge / totalSmall).toFixed(1).padStart(7));
}
