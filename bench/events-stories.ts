/**
 * Events on wire stories of our own (test/helpers/news-stories.ts): each story through the whole
 * pipeline, its printed events scored against the complete list it should print. Prints per story and
 * in all: events printed, right, wrong, and required events missed. The stories measure the coder's
 * mechanisms (datelines, passives, reported speech, clause types), not a dev set.
 * Usage: npm run bench:events-stories [-- --verbose]   (prints figures; asserts nothing)
 */
import { analyzeInput } from '../src/analysis.js';
import { createContext } from '../src/core/context.js';
import { NEWS_STORIES, scoreStory } from '../test/helpers/news-stories.js';

const isVerbose = process.argv.includes('--verbose');
const ctx = createContext({ now: new Date('2024-03-15T10:00:00Z') });
const total = { printed: 0, right: 0, wrong: 0, required: 0, missed: 0 };
console.log(`${'story'.padEnd(12)} printed  right  wrong  missed/required`);
for (const story of NEWS_STORIES) {
  const doc = analyzeInput({ origin: `${story.id}.txt`, bytes: Buffer.from(story.text), isRaw: true, published: '2024-03-15T10:00:00' }, ctx);
  const printed = (doc.events ?? []).map((e) => ({ plover: e.plover, source: e.source?.code ?? null, target: e.target?.code ?? null, modality: e.modality }));
  const { right, wrong, missed } = scoreStory(printed, story.expect);
  const required = story.expect.filter((x) => !x.startsWith('?')).length;
  total.printed += printed.length;
  total.right += right.length;
  total.wrong += wrong.length;
  total.required += required;
  total.missed += missed.length;
  console.log(`${story.id.padEnd(12)} ${String(printed.length).padStart(7)} ${String(right.length).padStart(6)} ${String(wrong.length).padStart(6)}  ${missed.length}/${required}`);
  if (isVerbose) {
    for (const e of wrong) console.log(`    wrong  ${e.plover} ${e.source ?? '-'}>${e.target ?? '-'} ${e.modality}`);
    for (const x of missed) console.log(`    missed ${x}`);
  }
}
const share = total.printed > 0 ? (total.right / total.printed).toFixed(3) : '-';
console.log(`all          ${String(total.printed).padStart(7)} ${String(total.right).padStart(6)} ${String(total.wrong).padStart(6)}  ${total.missed}/${total.required}`);
console.log(`right among printed: ${share} (outside target: >= 0.80 of events right on real stories)`);
