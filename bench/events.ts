/**
 * Event-coding benchmark on ../shared/eval/plover-gsr (PLOVER gold standard records), scored as
 * ../shared/eval/README.md says: type recall, triple recall, and events found that the gold does not list.
 * Each record's text is analysed as raw text with the record's date as publication time.
 * Usage: npm run bench:events [-- --verbose] [-- --part tune|check]   (prints figures; asserts nothing)
 *
 * The records are split by record id into a tune part and a check part (a hash of the id with a fixed
 * seed, about half each): tune rules on the tune part only, and count a change only when the check
 * part moves with it. Both parts are printed side by side.
 *
 * Spurious events are those the gold does not list: of the events of the gold's type, one counts as
 * listed, or one per gold (source, target) pair they answer where the gold names several actors
 * ("PAK>COG,CRI" lists PAK>COG and PAK>CRI: a compound target coded member by member is no extra event).
 *
 * Gold event names are PLOVER 0.5's; four were later folded into the 16 types we code, and are
 * mapped so: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE (mode investigate),
 * FIGHT -> ASSAULT. Gold actor codes: "IGO" accepts any intergovernmental body's code (UNO, NATO,
 * EUR, IAEA, ARL...), and the gold's "JAP" is CAMEO's JPN.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Event } from '../src/core/doc.js';
import { createContext } from '../src/core/context.js';
import { analyzeInput } from '../src/analysis.js';

/** One gold record, as the file holds it (fields we read). */
export interface GoldRecord {
  id: string;
  event: string;
  text?: string;
  date?: string;
  source?: { actorText: string; code: string }[] | string;
  target?: { actorText: string; code: string }[] | string;
}

/** PLOVER 0.5 event names in the gold -> the PLOVER types we code. */
export const GOLD_TYPE_MAP: Record<string, string> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

/** Codes of intergovernmental bodies, accepted where the gold says "IGO". */
const IGO_CODES = ['IGO', 'UNO', 'NATO', 'CSTO', 'WHO', 'IAEA', 'EUR', 'EEC', 'SCO', 'ASN', 'AFR', 'ARL', 'GCC', 'OIC', 'OPC', 'WAF', 'IMF', 'WBK', 'WTO', 'ICC', 'OSC'];
const GOLD_CODE_ALIASES: Record<string, string> = { JAP: 'JPN' };

/** Whether our actor code answers a gold actor code (prefix match, see the module note). */
export function actorMatches(ours: string | null | undefined, gold: string): boolean {
  if (!ours) return false;
  const g = GOLD_CODE_ALIASES[gold] ?? gold;
  if (g === 'IGO') return IGO_CODES.some((c) => ours.startsWith(c));
  return ours.startsWith(g);
}

function goldCodes(actors: GoldRecord['source']): string[] {
  return Array.isArray(actors) ? actors.map((a) => a.code).filter((c) => c && c !== '-') : [];
}

/** The score of one record. */
export interface RecordScore {
  id: string;
  gold: string;
  found: string[];
  isTypeHit: boolean;
  isTripleHit: boolean;
  spurious: number;
}

/** Scores one record's events against its gold. */
export function scoreRecord(record: GoldRecord, events: readonly Event[]): RecordScore {
  const gold = GOLD_TYPE_MAP[record.event] ?? record.event;
  const sources = goldCodes(record.source);
  const targets = goldCodes(record.target);
  const typed = events.filter((e) => e.plover === gold);
  // The gold pair (source, target) an event of the gold's type answers, or null: "PAK>COG,CRI" lists PAK>COG and PAK>CRI.
  const pairOf = (e: Event): string | null => {
    const s = sources.length === 0 ? '' : sources.find((g) => actorMatches(e.source?.code, g));
    const t = targets.length === 0 ? '' : targets.find((g) => actorMatches(e.target?.code, g));
    return s === undefined || t === undefined ? null : `${s}>${t}`;
  };
  const pairs = new Set(typed.map(pairOf).filter((p): p is string => p !== null));
  const isTripleHit = pairs.size > 0;
  // Events the gold does not list: all but one event of the gold type, and one more per further gold pair answered.
  const listed = Math.max(typed.length > 0 ? 1 : 0, pairs.size);
  return {
    id: record.id,
    gold,
    found: events.map((e) => `${e.plover || e.cameo}(${e.source?.code ?? '-'}>${e.target?.code ?? '-'})`),
    isTypeHit: typed.length > 0,
    isTripleHit,
    spurious: events.length - listed,
  };
}

/** Corpus figures from per-record scores. */
export function summarize(scores: readonly RecordScore[]): { records: number; typeRecall: number; tripleRecall: number; spurious: number } {
  const n = scores.length || 1;
  return {
    records: scores.length,
    typeRecall: scores.filter((s) => s.isTypeHit).length / n,
    tripleRecall: scores.filter((s) => s.isTripleHit).length / n,
    spurious: scores.reduce((sum, s) => sum + s.spurious, 0),
  };
}

/** The gold records to score (the DOCUMENT record left out), or null when ../shared is absent. */
export function loadGold(): GoldRecord[] | null {
  const file = path.resolve(import.meta.dirname, '../../shared/eval/plover-gsr/records.json');
  if (!existsSync(file)) return null;
  const records = JSON.parse(readFileSync(file, 'utf8')) as GoldRecord[];
  return records.filter((r) => r.event !== 'DOCUMENT' && typeof r.text === 'string');
}

/** The seed of the tune/check split: changing it re-deals the records, so it never changes. */
export const SPLIT_SEED = 'watchfloor-events-2026';

/** FNV-1a 32-bit hash of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Which part a record belongs to: fixed by its id and the seed, whatever the file's order. */
export function partOf(id: string): 'tune' | 'check' {
  return fnv1a(`${SPLIT_SEED}:${id}`) % 2 === 0 ? 'tune' : 'check';
}

/** Prints the figures of both parts side by side. */
export function reportParts(scores: readonly RecordScore[]): void {
  const tune = summarize(scores.filter((s) => partOf(s.id) === 'tune'));
  const check = summarize(scores.filter((s) => partOf(s.id) === 'check'));
  const all = summarize(scores);
  const row = (name: string, f: (s: ReturnType<typeof summarize>) => string): string =>
    `${name.padEnd(16)} ${f(tune).padStart(8)} ${f(check).padStart(8)} ${f(all).padStart(8)}`;
  console.log(`\n${'part'.padEnd(16)} ${'tune'.padStart(8)} ${'check'.padStart(8)} ${'all'.padStart(8)}`);
  console.log(row('records', (s) => String(s.records)));
  console.log(row('type recall', (s) => s.typeRecall.toFixed(3)));
  console.log(row('triple recall', (s) => s.tripleRecall.toFixed(3)));
  console.log(row('spurious events', (s) => String(s.spurious)));
  console.log('targets on check: type recall >= 0.85, triple recall >= 0.70, spurious < records');
}

/** Prints the figures, with each miss when verbose. */
export function report(scores: readonly RecordScore[], records: readonly GoldRecord[], isVerbose: boolean, ms: number): void {
  const s = summarize(scores);
  const byType = new Map<string, { n: number; type: number; triple: number }>();
  for (const score of scores) {
    const row = byType.get(score.gold) ?? { n: 0, type: 0, triple: 0 };
    row.n++;
    if (score.isTypeHit) row.type++;
    if (score.isTripleHit) row.triple++;
    byType.set(score.gold, row);
  }
  if (isVerbose) {
    for (const [i, score] of scores.entries()) {
      if (score.isTripleHit && score.spurious === 0) continue;
      const r = records[i]!;
      console.log(`${score.isTypeHit ? (score.isTripleHit ? 'ok  ' : 'TYPE') : 'MISS'} ${score.id} gold ${score.gold}(${goldCodes(r.source).join(',')}>${goldCodes(r.target).join(',')}) found ${score.found.join(' ') || '-'}\n     ${r.text?.trim()}`);
    }
  }
  console.log('type          records  type-recall  triple-recall');
  for (const [type, row] of [...byType].sort()) {
    console.log(`${type.padEnd(13)} ${String(row.n).padStart(7)}  ${(row.type / row.n).toFixed(2).padStart(11)}  ${(row.triple / row.n).toFixed(2).padStart(13)}`);
  }
  console.log(`\nrecords ${s.records}  type recall ${s.typeRecall.toFixed(3)}  triple recall ${s.tripleRecall.toFixed(3)}  spurious events ${s.spurious} (gold events ${s.records})  ${(ms / s.records).toFixed(2)} ms/record`);
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const records = loadGold();
  if (!records) {
    console.log('bench:events skipped: ../shared/eval/plover-gsr/records.json is absent (the gold set lives outside the repository)');
  } else {
    const ctx = createContext();
    const started = performance.now();
    const partArg = process.argv.indexOf('--part');
    const only = partArg >= 0 ? process.argv[partArg + 1] : undefined;
    const chosen = only ? records.filter((r) => partOf(r.id) === only) : records;
    const scores = chosen.map((record) => {
      const doc = analyzeInput(
        { origin: record.id, bytes: Buffer.from(record.text ?? '', 'utf8'), isRaw: true, published: record.date ?? null },
        ctx,
      );
      return scoreRecord(record, doc.events ?? []);
    });
    report(scores, chosen, process.argv.includes('--verbose'), performance.now() - started);
    reportParts(scores);
  }
}
