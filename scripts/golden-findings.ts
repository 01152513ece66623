/**
 * Writes expected/events.json and expected/transfers.json for golden pages from what the pipeline
 * finds now, in the harness's reading order (quoted evidence first, then the fields that must hold).
 * A draft to review, never a rubber stamp: delete what is wrong, write what should be, and mark a
 * page's stage in page.json "knownFailures" only where the right answer is not yet found.
 *   npx tsx scripts/golden-findings.ts test/pages/<page> ...   (--print: show, do not write)
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeInput } from '../src/analysis.js';
import { createContext } from '../src/core/context.js';
import type { Actor, Event, Transfer } from '../src/core/doc.js';

/** The harness analyses every page at this time (test/golden-pages.test.ts). */
const NOW = new Date('2024-06-01T12:00:00Z');
const SOURCE_NAMES = ['source.html', 'source.htm', 'source.txt', 'source.html.gz', 'source.txt.gz'];

// Codes, not names: a name is the words the clause happened to use, which the coder may trim differently tomorrow.
const actor = (a: Actor | null): object | null => (a ? { code: a.code } : null);

/** What a reviewer checks of an event: the sentence, the code, who did it to whom, how sure, when. */
export function eventExpectation(e: Event): object {
  return { evidence: e.evidence, cameo: e.cameo, source: actor(e.source), target: actor(e.target), modality: e.modality, date: e.date };
}

export function transferExpectation(t: Transfer): object {
  return { evidence: t.evidence, supplier: t.supplier, recipient: t.recipient, status: t.status, items: t.items.map((i) => ({ count: i.count, item: i.item })) };
}

const args = process.argv.slice(2);
const isPrinting = args.includes('--print');
for (const dir of args.filter((a) => a !== '--print')) {
  const source = SOURCE_NAMES.find((name) => existsSync(path.join(dir, name)));
  if (!source) {
    process.stderr.write(`${dir}: no source file\n`);
    process.exitCode = 1;
    continue;
  }
  const inputs = existsSync(path.join(dir, 'page.json')) ? (JSON.parse(readFileSync(path.join(dir, 'page.json'), 'utf8')) as Record<string, string>) : {};
  const origin = path.join(dir, source);
  const doc = analyzeInput(
    { origin, bytes: readFileSync(origin), contentType: inputs['contentType'] ?? null, url: inputs['url'] ?? null, published: inputs['published'] ?? null },
    createContext({ now: NOW }),
  );
  const files = { events: (doc.events ?? []).map(eventExpectation), transfers: (doc.transfers ?? []).map(transferExpectation) };
  for (const [stage, items] of Object.entries(files)) {
    const text = JSON.stringify(items, null, 2) + '\n';
    if (isPrinting) process.stdout.write(`== ${dir} ${stage}\n${text}`);
    else {
      mkdirSync(path.join(dir, 'expected'), { recursive: true });
      writeFileSync(path.join(dir, 'expected', `${stage}.json`), text);
    }
  }
}
