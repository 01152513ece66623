/**
 * NER benchmark, scored as ../shared/eval/README.md says (conlleval entity-level exact match; person ->
 * PER, organization -> ORG, country/place/region -> LOC; MISC left out, a place or organisation on a
 * MISC name is an error, a mention marked `demonym: true` is not scored): CoNLL-2003 testa split by
 * document (fixed seed) into a tune and a check part, the GMB block the shipped model was not trained on,
 * and the speed of sentences + entities + dates on the demo corpus (or the seed). Prints figures only.
 * Usage: npm run bench:ner [-- --errors N | --speed-only | --bounded | --part tune,check,gmb,gmb-tune,gmb-check | --compromise | --skip REFINER,...]
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import nlp from 'compromise';
import { createContext, DEFAULT_LIMITS } from '../src/core/context.js';
import { createDoc } from '../src/core/doc.js';
import type { Doc, Entity } from '../src/core/doc.js';
import { need, runStages } from '../src/core/stage.js';
import type { Stage } from '../src/core/stage.js';
import { findEntities } from '../src/stages/entities/index.js';
import { rawArticle } from '../src/stages/article/index.js';
import { readGmbCorpus, heldOutStart, GMB_CORPUS } from '../scripts/gmb-corpus.js';
import { analyzeInput } from '../src/analysis.js';
import { PIPELINE } from '../src/pipeline.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const TESTA = path.resolve(ROOT, '../shared/eval/ner/conll2003-eng.testa');
/** Seed of the tune/check split of testa's documents; fixed, so every run splits the same way. */
const SPLIT_SEED = 14;
/** GMB's last tenth (contiguous, as scripts/train-ner.ts holds it out), read in pseudo-documents of this many sentences. */
const GMB_DOC_SENTENCES = 12;
const args = process.argv.slice(2);
const showErrors = args.includes('--errors') ? Number(args[args.indexOf('--errors') + 1]) || 20 : 0;
const onlyPart = args.includes('--part') ? args[args.indexOf('--part') + 1] : undefined;
// no page time budget: a busy machine must not cut a document's entities out of the score
const ctx = createContext({ now: new Date('2021-09-11T12:00:00Z'), limits: { ...DEFAULT_LIMITS, pageBudgetMs: 0 } });

interface GoldDoc {
  text: string;
  /** "start:end" char span -> type, one per gold entity (MISC dropped). */
  gold: Map<string, string>;
  /** Token boundaries, so predictions that split a token are caught. */
  starts: Set<number>;
  ends: Set<number>;
}

/** A gold document from its sentences of [word, tag] (IOB1 or IOB2): tokens joined by a space, sentences by a newline. */
function goldDoc(sentencesOf: readonly (readonly [string, string])[][]): GoldDoc {
  let text = '';
  const gold = new Map<string, string>();
  const starts = new Set<number>();
  const ends = new Set<number>();
  sentencesOf.forEach((sentence, si) => {
    if (si > 0) text += '\n';
    let open: { start: number; end: number; type: string } | null = null;
    const close = (): void => {
      if (open && open.type !== 'MISC') gold.set(`${open.start}:${open.end}`, open.type);
      open = null;
    };
    sentence.forEach(([word, tag], wi) => {
      if (wi > 0) text += ' ';
      const start = text.length;
      text += word;
      starts.add(start);
      ends.add(text.length);
      const type = tag === 'O' ? null : tag.slice(2);
      const o = open;
      if (!type) close();
      else if (tag.startsWith('B-') || !o || o.type !== type) {
        close();
        open = { start, end: text.length, type };
      } else o.end = text.length;
    });
    close();
  });
  return { text, gold, starts, ends };
}

/** Reads CoNLL-2003 (IOB1): one document per -DOCSTART-. */
function readConll(file: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let sentencesOf: [string, string][][] = [];
  let current: [string, string][] = [];
  const flushDoc = (): void => {
    if (current.length) sentencesOf.push(current);
    current = [];
    if (sentencesOf.length > 0) docs.push(goldDoc(sentencesOf));
    sentencesOf = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flushDoc();
      continue;
    }
    if (line.trim() === '') {
      if (current.length) sentencesOf.push(current);
      current = [];
      continue;
    }
    const parts = line.split(' ');
    current.push([parts[0] as string, parts[parts.length - 1] as string]);
  }
  flushDoc();
  return docs;
}

const TYPE_OF: Record<string, string | undefined> = { person: 'PER', organization: 'ORG', country: 'LOC', place: 'LOC', region: 'LOC' };

/** The stages up to entities, as `watchfloor analyze --raw` runs them. */
const UP_TO_ENTITIES = PIPELINE.slice(0, PIPELINE.findIndex((st) => st.name === 'entities') + 1);

/** Refiners left out (`--skip entities/refiner:bare-name,...`), to measure what each one adds. */
const SKIP = args.includes('--skip') ? String(args[args.indexOf('--skip') + 1]).split(',') : [];
const BEFORE_ENTITIES = UP_TO_ENTITIES.slice(0, -1);

/**
 * Our predictions: every mention by name (demonyms are not scored; references are not names). A capital standing for a state or
 * a body ("Moscow said", "Brussels warned") is a city's name, LOC, whichever entity it is linked to.
 */
function ours(text: string): Map<string, string> {
  const doc: Doc = runStages(createDoc({ origin: 'conll', bytes: Buffer.from(text), isRaw: true }), SKIP.length > 0 ? BEFORE_ENTITIES : UP_TO_ENTITIES, ctx);
  if (SKIP.length > 0) doc.entities = findEntities(need(doc, 'article').text, need(doc, 'sentences'), ctx, null, { skip: SKIP });
  const out = new Map<string, string>();
  for (const e of doc.entities as Entity[]) {
    const type = TYPE_OF[e.type];
    if (!type) continue;
    for (const m of e.mentions) if (m.demonym !== true && m.form !== 'demonym' && m.form !== 'reference') out.set(`${m.start}:${m.end}`, m.form === 'capital' ? 'LOC' : type);
  }
  return out;
}

/** A small seeded generator, so the split is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Splits documents in two halves at random (fixed seed): [tune, check]. */
function splitDocs<T>(docs: readonly T[], seed: number): [T[], T[]] {
  const random = rng(seed);
  const order = docs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const half = new Set(order.slice(0, Math.floor(docs.length / 2)));
  return [docs.filter((_, i) => half.has(i)), docs.filter((_, i) => !half.has(i))];
}

/**
 * GMB's held-out block (the last tenth, never trained on by the shipped model) as documents of
 * GMB_DOC_SENTENCES sentences, its tags brought to CoNLL's conventions as for training
 * (scripts/gmb-corpus.ts: nationality adjectives MISC, titles outside names).
 */
function readGmbHeldOut(): GoldDoc[] {
  const sents = readGmbCorpus(ctx.data);
  const held = sents.slice(heldOutStart(sents.length)).map((s) => s.words.map((w, i) => [w, s.tags[i] as string] as [string, string]));
  const docs: GoldDoc[] = [];
  for (let i = 0; i < held.length; i += GMB_DOC_SENTENCES) docs.push(goldDoc(held.slice(i, i + GMB_DOC_SENTENCES)));
  return docs;
}

interface CompromiseMatch {
  text: string;
  offset: { start: number; length: number };
}

/** compromise's people/places/organizations, trimmed of punctuation it keeps at the edges. */
function compromise(text: string): Map<string, string> {
  const doc = nlp(text);
  const out = new Map<string, string>();
  const add = (matches: CompromiseMatch[], type: string): void => {
    for (const m of matches) {
      let start = m.offset.start;
      let end = start + m.offset.length;
      while (start < end && /[\s"'(,.;:!?)-]/.test(text[start] as string)) start++;
      while (end > start && /[\s"'(,.;:!?)]/.test(text[end - 1] as string)) end--;
      // "Russia's": the clitic is a token of its own in CoNLL
      if (/['’]s$/.test(text.slice(start, end))) end -= 2;
      if (end > start) out.set(`${start}:${end}`, type);
    }
  };
  add(doc.people().json({ offset: true }) as CompromiseMatch[], 'PER');
  add(doc.places().json({ offset: true }) as CompromiseMatch[], 'LOC');
  add(doc.organizations().json({ offset: true }) as CompromiseMatch[], 'ORG');
  return out;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function score(docs: readonly GoldDoc[], predict: (text: string) => Map<string, string>, errors: string[]): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  const get = (t: string): Counts => {
    let c = counts.get(t);
    if (!c) counts.set(t, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (const doc of docs) {
    const pred = predict(doc.text);
    for (const [span, type] of pred) {
      if (doc.gold.get(span) === type) get(type).tp++;
      else {
        get(type).fp++;
        const [s, e] = span.split(':').map(Number) as [number, number];
        errors.push(`FP ${type} "${doc.text.slice(s, e)}"${doc.gold.has(span) ? ` (gold ${doc.gold.get(span)})` : ''}`);
      }
    }
    for (const [span, type] of doc.gold) {
      if (pred.get(span) === type) continue;
      get(type).fn++;
      const [s, e] = span.split(':').map(Number) as [number, number];
      errors.push(`FN ${type} "${doc.text.slice(s, e)}"${pred.has(span) ? ` (ours ${pred.get(span)})` : overlapping(doc.text, pred, s, e)}`);
    }
  }
  return counts;
}

/** Predicted spans that overlap a missed gold one: " (ours PER "Marcelo Rios (")". */
function overlapping(text: string, pred: ReadonlyMap<string, string>, start: number, end: number): string {
  const hits: string[] = [];
  for (const [span, type] of pred) {
    const [s, e] = span.split(':').map(Number) as [number, number];
    if (s < end && e > start) hits.push(`${type} "${text.slice(s, e)}"`);
  }
  return hits.length > 0 ? ` (ours ${hits.join(', ')})` : '';
}

function prf(c: Counts): [number, number, number] {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return [p, r, (2 * p * r) / (p + r || 1)];
}

function report(name: string, counts: Map<string, Counts>): void {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const rows: string[] = [];
  for (const type of ['PER', 'ORG', 'LOC']) {
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    const [p, r, f] = prf(c);
    rows.push(`  ${type}  P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  }
  const [p, r, f] = prf(total);
  console.log(`${name}: overall P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}`);
  for (const row of rows) console.log(row);
}

function listPages(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) listPages(full, out);
    else if (/\.(?:html?|txt)(?:\.gz)?$/.test(name) && !/README|expected/i.test(full)) out.push(full);
  }
  return out;
}

/** The timed stages: sentences, entities and dates (the entities stage does not read the syntax stage's trees; bench:pipeline times that). */
const TIMED_STAGES = PIPELINE.filter((st) => ['sentences', 'entities', 'dates'].includes(st.name));

/** Speed of the three stages on article texts already extracted (extraction is another bench). */
function speed(): void {
  const corpus = path.join(ROOT, 'demo/corpus');
  const seed = path.resolve(ROOT, '../shared/seeds');
  const files = existsSync(corpus) ? listPages(corpus) : existsSync(seed) ? listPages(seed) : [];
  const articles: { text: string; published: string | null }[] = [];
  for (const file of files) {
    try {
      const doc = analyzeInput({ origin: file, bytes: readFileSync(file) }, ctx);
      if (doc.article) articles.push({ text: doc.article.text, published: doc.article.published });
    } catch {
      // a page the extractor refuses is not this bench's business
    }
  }
  if (articles.length === 0) {
    console.log('speed: no pages found (demo/corpus and ../shared/seeds are both missing)');
    return;
  }
  const run = (stages: readonly Stage[]): void => {
    for (const a of articles) {
      const doc: Doc = createDoc({ origin: 'bench', bytes: Buffer.alloc(0) });
      doc.article = { ...rawArticle(a.text), published: a.published };
      runStages(doc, stages, ctx);
    }
  };
  run(TIMED_STAGES); // warm-up: data files, model, regexes
  const rounds = Math.max(1, Math.ceil(400 / articles.length));
  // the sentences stage alone is the reference, timed in turn with the three stages, so the ratio
  // between them holds however busy the machine is; five repetitions each, the best is the stages' own cost
  const measure = (stages: readonly Stage[]): { cpu: number; wall: number } => {
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < rounds; i++) run(stages);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    // CPU time of this process (all its threads, GC helpers included)
    return { cpu: (articles.length * rounds) / ((cpu.user + cpu.system) / 1e6), wall: (articles.length * rounds) / seconds };
  };
  const reference = TIMED_STAGES.filter((st) => st.name === 'sentences');
  const rates: { cpu: number; wall: number }[] = [];
  const refRates: { cpu: number; wall: number }[] = [];
  for (let rep = 0; rep < 5; rep++) {
    refRates.push(measure(reference));
    rates.push(measure(TIMED_STAGES));
  }
  const best = (list: typeof rates, key: 'cpu' | 'wall'): number => Math.max(...list.map((r) => r[key]));
  const median = (list: typeof rates, key: 'cpu' | 'wall'): number => (list.map((r) => r[key]).sort((x, y) => x - y)[2] as number);
  const chars = articles.reduce((n, a) => n + a.text.length, 0) / articles.length;
  console.log(
    `speed: sentences+entities+dates on ${articles.length} pages of ${existsSync(corpus) ? 'demo/corpus' : 'the seeds'} ` +
      `(mean ${Math.round(chars)} chars), 5 x ${rounds} rounds on one core: best ${best(rates, 'wall').toFixed(0)} articles/s ` +
      `(median ${median(rates, 'wall').toFixed(0)}); per CPU-second best ${best(rates, 'cpu').toFixed(0)}, median ${median(rates, 'cpu').toFixed(0)}; ` +
      `reference, sentences alone: per CPU-second best ${best(refRates, 'cpu').toFixed(0)}, ratio ${(best(rates, 'cpu') / best(refRates, 'cpu')).toFixed(3)} ` +
      `(load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores)`,
  );
}

function scorePart(name: string, docs: readonly GoldDoc[], errors: string[]): void {
  const goldCount = docs.reduce((n, d) => n + d.gold.size, 0);
  const t0 = Date.now();
  report(`${name} (${docs.length} documents, ${goldCount} PER/ORG/LOC)`, score(docs, ours, errors));
  console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

/** Made-up names ("Kalo Kakalo, Lolo Kalolo, ..."), none listed anywhere: the bounded-work input. */
function nameList(bytes: number): string {
  const syllables = ['ka', 'lo', 'ven', 'dri', 'mar', 'tos', 'bel', 'quin', 'sa', 'rud', 'fen', 'gor'];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const a = syllables[i % 12] as string;
    const b = syllables[Math.floor(i / 12) % 12] as string;
    const c = syllables[Math.floor(i / 144) % 12] as string;
    const name = `${a[0]?.toUpperCase()}${a.slice(1)}${b} ${c[0]?.toUpperCase()}${c.slice(1)}${a}${b}`;
    parts.push(name);
    length += name.length + 2;
  }
  return parts.join(', ');
}

/** Time of each stage on one sentence of 1 MB of names (the entities stage must stay within 2 s: linear work). */
function bounded(): void {
  // warm-up: data files, model and indexes load once per process, not per page
  runStages(createDoc({ origin: 'warm-up', bytes: Buffer.from('Maria Lindqvist met officials in Oslo.'), isRaw: true }), UP_TO_ENTITIES, ctx);
  const size = Number(args[args.indexOf('--bounded') + 1]) || 1_000_000;
  const text = nameList(size);
  const doc = createDoc({ origin: 'bounded', bytes: Buffer.from(text), isRaw: true });
  const figures: string[] = [];
  for (const stage of UP_TO_ENTITIES) {
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    runStages(doc, [stage], ctx);
    const cpu = process.cpuUsage(cpu0);
    figures.push(`${stage.name} ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1e3).toFixed(0)} ms)`);
  }
  console.log(`bounded work, one sentence of ${(text.length / 1e6).toFixed(2)} MB of names (${doc.sentences?.length} sentences, ${doc.entities?.length} entities): ${figures.join(', ')} (load average ${os.loadavg()[0]?.toFixed(1)})`);
}

function main(): void {
  if (args.includes('--bounded')) {
    bounded();
    return;
  }
  if (args.includes('--speed-only')) {
    speed();
    return;
  }
  const errors: string[] = [];
  const wants = (part: string): boolean => onlyPart === undefined || onlyPart.split(',').includes(part);
  if (!existsSync(TESTA)) {
    console.log(`skipping the CoNLL score: ${TESTA} not found (the gold sets live in ../shared/eval)`);
  } else {
    const [tune, check] = splitDocs(readConll(TESTA), SPLIT_SEED);
    if (wants('tune')) scorePart(`CoNLL-2003 testa, tune part (seed ${SPLIT_SEED})`, tune, errors);
    if (wants('check')) scorePart(`CoNLL-2003 testa, check part (seed ${SPLIT_SEED})`, check, onlyPart === 'check' ? errors : []);
    if (args.includes('--compromise')) report('compromise, whole testa', score([...tune, ...check], compromise, []));
  }
  if (!existsSync(GMB_CORPUS)) console.log(`skipping the GMB score: ${GMB_CORPUS} not found`);
  else if (wants('gmb') || wants('gmb-tune') || wants('gmb-check')) {
    // the block's first half is for looking at errors, its second half only for checking
    const docs = readGmbHeldOut();
    const half = Math.floor(docs.length / 2);
    if (wants('gmb')) scorePart('GMB held-out block (last tenth, not trained on)', docs, []);
    if (wants('gmb') || wants('gmb-tune')) scorePart('  its first half (tune)', docs.slice(0, half), onlyPart === 'gmb-tune' ? errors : []);
    if (wants('gmb') || wants('gmb-check')) scorePart('  its second half (check)', docs.slice(half), []);
  }
  if (showErrors > 0) {
    const tally = new Map<string, number>();
    for (const e of errors) tally.set(e, (tally.get(e) ?? 0) + 1);
    for (const [e, n] of [...tally].sort((a, b) => b[1] - a[1]).slice(0, showErrors)) console.log(`  ${n} x ${e}`);
  }
  if (onlyPart === undefined) speed();
}

main();
