/**
 * Trains the syntax model (tagger, lemmatiser, parser) from UD English EWT's train part and writes
 * data/syntax-model.bin; prints dev-set UPOS/UAS/LAS (tune and check halves). Fixed seed.
 *   npm run train:syntax [-- --tagger-epochs N --parser-epochs N --folds K --out FILE]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConllu, wordsOf, type ConlluSentence } from '../src/stages/syntax/conllu.js';
import { learnLemmas } from '../src/stages/syntax/lemma.js';
import { decodeModel, encodeModel, MODEL_FILE, type SyntaxModel } from '../src/stages/syntax/model.js';
import {
  ACTIONS, LABEL_FEATURES, PARSER_FEATURES, SHIFT, actionCosts, apply, arcOf, createState, isTerminal,
  labelFeatures, learnLabelCandidates, learnLabelDictionary, parserFeatures, validActions, type LabelCandidates, type LabelDictionary, type ParserModel,
} from '../src/stages/syntax/parser.js';
import { averaged, best, createTrainer, score, tick, update, type Trainer } from '../src/stages/syntax/perceptron.js';
import { learnTagDictionary, prepareWords, TAGGER_FEATURES, tagFeatures, tagWords, UPOS, type PreparedWords, type TaggerModel } from '../src/stages/syntax/tagger.js';
import { evaluateSyntax, splitByDocument, type GoldSentence } from '../src/stages/syntax/evaluate.js';

const { values: args } = parseArgs({
  options: {
    'tagger-epochs': { type: 'string', default: '5' },
    'parser-epochs': { type: 'string', default: '10' },
    folds: { type: 'string', default: '3' },
    'tagger-bits': { type: 'string', default: '19' },
    'parser-bits': { type: 'string', default: '21' },
    'label-bits': { type: 'string', default: '18' },
    explore: { type: 'string', default: '0.9' },
    /** Score lead (in the averaged weights' units) at which a first-pass tag skips the second pass. */
    'tag-margin': { type: 'string', default: '13.6' },
    seed: { type: 'string', default: '11' },
    out: { type: 'string', default: MODEL_FILE },
    /** A folder to keep the tagging stage in, so parser experiments need not repeat it. */
    cache: { type: 'string' },
    treebank: { type: 'string', default: path.resolve('../shared/train/ud-english-ewt') },
  },
});
const SEED = Number(args.seed);
const TAGGER_EPOCHS = Number(args['tagger-epochs']);
const PARSER_EPOCHS = Number(args['parser-epochs']);
const FOLDS = Number(args.folds);
const EXPLORE = Number(args.explore);

/** A small seeded generator (mulberry32), so shuffles and exploration repeat exactly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface TrainSentence extends GoldSentence {
  prepared: PreparedWords;
  goldTags: Int32Array;
  /** Gold heads with the root as `n`. */
  goldHeads: Int32Array;
  goldLabels: Int32Array;
  /** Tags the parser trains on (jackknifed predictions). */
  tags: Int32Array;
}

function load(file: string): ConlluSentence[] {
  return readConllu(readFileSync(file, 'utf8'));
}

const started = Date.now();
const log = (msg: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

const trainRaw = load(path.join(args.treebank, 'en_ewt-ud-train.conllu'));
const devRaw = load(path.join(args.treebank, 'en_ewt-ud-dev.conllu'));
const relationCounts = new Map<string, number>();
for (const s of trainRaw) for (const w of wordsOf(s)) relationCounts.set(w.deprel, (relationCounts.get(w.deprel) ?? 0) + 1);
const RELATIONS = [...relationCounts.keys()].filter((r) => (relationCounts.get(r) ?? 0) >= 2).sort();
const relationIndex = new Map(RELATIONS.map((r, i) => [r, i]));
const uposIndex = new Map<string, number>(UPOS.map((t, i) => [t, i]));

function toTrain(s: ConlluSentence): TrainSentence {
  const words = wordsOf(s);
  const n = words.length;
  const forms = words.map((w) => w.form);
  return {
    forms,
    upos: words.map((w) => w.upos),
    heads: words.map((w) => w.head - 1),
    deprels: words.map((w) => w.deprel),
    lemmas: words.map((w) => w.lemma),
    prepared: prepareWords(forms),
    goldTags: Int32Array.from(words, (w) => uposIndex.get(w.upos) ?? UPOS.length - 1),
    goldHeads: Int32Array.from(words, (w) => (w.head === 0 ? n : w.head - 1)),
    goldLabels: Int32Array.from(words, (w) => relationIndex.get(w.deprel) ?? relationIndex.get('dep') ?? 0),
    tags: new Int32Array(n),
  };
}

const train = trainRaw.map(toTrain);
const dev = devRaw.map(toTrain);
log(`read ${train.length} train and ${dev.length} dev sentences; ${RELATIONS.length} relations`);

// ---- tagger ----
function trainTagger(sentences: readonly TrainSentence[], epochs: number, seed: number): TaggerModel {
  const bits = Number(args['tagger-bits']);
  const first = createTrainer(bits, UPOS.length);
  const second = createTrainer(bits, UPOS.length);
  const random = rng(seed);
  const rows = new Int32Array(TAGGER_FEATURES);
  const scores = new Float64Array(UPOS.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const s of shuffled(sentences, random)) {
      const p = s.prepared;
      const firstTags = new Int32Array(p.n).fill(-1);
      for (let i = 0; i < p.n; i++) {
        const k = tagFeatures(p, i, firstTags, null, first.mask, rows);
        score(first, rows, k, scores);
        const guess = best(scores, UPOS.length);
        const gold = s.goldTags[i] as number;
        update(first, rows, k, gold, guess);
        tick(first);
        firstTags[i] = guess;
      }
      const tags = new Int32Array(p.n).fill(-1);
      for (let i = 0; i < p.n; i++) {
        const k = tagFeatures(p, i, tags, firstTags, second.mask, rows);
        score(second, rows, k, scores);
        const guess = best(scores, UPOS.length);
        update(second, rows, k, s.goldTags[i] as number, guess);
        tick(second);
        tags[i] = guess;
      }
    }
  }
  return { first: averaged(first), second: averaged(second) };
}

const cacheFile = args.cache
  ? path.join(args.cache, `tagger-${SEED}-${TAGGER_EPOCHS}-${FOLDS}-${args['tagger-bits']}.v8`)
  : null;
let tagger: TaggerModel;
if (cacheFile && existsSync(cacheFile)) {
  const cached = deserialize(readFileSync(cacheFile)) as { tagger: TaggerModel; tags: Int32Array[] };
  tagger = cached.tagger;
  train.forEach((s, i) => (s.tags = cached.tags[i] as Int32Array));
  log(`tagger and jackknifed tags read from ${cacheFile}`);
} else {
  // Jackknifing: each fold's tags come from a tagger that never saw it, so the parser trains on tags as noisy as at run time.
  if (FOLDS > 1) {
    for (let fold = 0; fold < FOLDS; fold++) {
      const model = trainTagger(train.filter((_, i) => i % FOLDS !== fold), TAGGER_EPOCHS, SEED + fold);
      train.forEach((s, i) => {
        if (i % FOLDS === fold) s.tags = tagWords(model, s.prepared);
      });
      log(`jackknife fold ${fold + 1}/${FOLDS}`);
    }
  } else for (const s of train) s.tags = s.goldTags;
  tagger = trainTagger(train, TAGGER_EPOCHS, SEED);
  if (cacheFile) writeFileSync(cacheFile, serialize({ tagger, tags: train.map((s) => s.tags) }));
}
let correct = 0;
let total = 0;
for (const s of train) s.tags.forEach((t, i) => { total++; if (t === s.goldTags[i]) correct++; });
log(`jackknifed train UPOS ${(correct / total).toFixed(4)}`);
log('tagger trained');
for (const s of dev) s.tags = tagWords(tagger, s.prepared);

// ---- parser ----
/** Trains the parser; the label dictionary and candidates, learned apart, only go with the model (the label model learns every arc). */
function trainParser(
  sentences: readonly TrainSentence[],
  epochs: number,
  seed: number,
  labelDictionary: LabelDictionary,
  labelCandidates: LabelCandidates,
  onEpoch: (m: ParserModel, e: number) => void,
): ParserModel {
  const transitions: Trainer = createTrainer(Number(args['parser-bits']), ACTIONS);
  const labels: Trainer = createTrainer(Number(args['label-bits']), RELATIONS.length);
  const random = rng(seed);
  const rows = new Int32Array(PARSER_FEATURES);
  const labelRows = new Int32Array(LABEL_FEATURES);
  const scores = new Float64Array(ACTIONS);
  const labelScores = new Float64Array(RELATIONS.length);
  const valid = new Uint8Array(ACTIONS);
  const costs = new Int32Array(ACTIONS);
  const rootLabel = relationIndex.get('root') as number;
  let model: ParserModel = { transitions, labels, relations: RELATIONS, labelDictionary, labelCandidates };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const s of shuffled(sentences, random)) {
      const p = s.prepared;
      const st = createState(p.n);
      while (!isTerminal(st)) {
        validActions(st, valid);
        actionCosts(st, s.goldHeads, costs);
        let minCost = Infinity;
        for (let a = 0; a < ACTIONS; a++) if (valid[a] && (costs[a] as number) < minCost) minCost = costs[a] as number;
        const k = parserFeatures(st, p, s.tags, transitions.mask, rows);
        score(transitions, rows, k, scores);
        const guess = best(scores, ACTIONS, valid);
        let goldBest = -1;
        for (let a = 0; a < ACTIONS; a++) {
          if (valid[a] && costs[a] === minCost && (goldBest < 0 || (scores[a] as number) > (scores[goldBest] as number))) goldBest = a;
        }
        if (costs[guess] !== minCost) update(transitions, rows, k, goldBest, guess);
        tick(transitions);
        const action = epoch > 0 && random() < EXPLORE ? guess : goldBest;
        let label = -1;
        if (action !== SHIFT) {
          const { head, dep } = arcOf(st, action);
          if (head === p.n) label = rootLabel;
          else {
            const kl = labelFeatures(st, p, s.tags, head, dep, labels.mask, labelRows);
            score(labels, labelRows, kl, labelScores);
            labelScores[rootLabel] = -Infinity;
            label = best(labelScores, RELATIONS.length);
            if (s.goldHeads[dep] === head) {
              const gold = s.goldLabels[dep] as number;
              update(labels, labelRows, kl, gold, label);
              tick(labels);
              if (epoch === 0) label = gold;
            }
          }
        }
        apply(st, action, label);
      }
    }
    model = { transitions: averaged(transitions), labels: averaged(labels), relations: RELATIONS, labelDictionary, labelCandidates };
    onEpoch(model, epoch);
  }
  return model;
}

const { tune, check } = splitByDocument(devRaw, SEED);
function report(model: SyntaxModel, what: string): Record<string, unknown> {
  const all = evaluateSyntax(model, dev);
  const t = evaluateSyntax(model, tune.map((i) => dev[i] as TrainSentence));
  const c = evaluateSyntax(model, check.map((i) => dev[i] as TrainSentence));
  const fmt = (r: typeof all): string => `UPOS ${r.upos.toFixed(4)} UAS ${r.uas.toFixed(4)} LAS ${r.las.toFixed(4)} lemma ${r.lemma.toFixed(4)}`;
  log(`${what}: dev ${fmt(all)} | tune ${fmt(t)} | check ${fmt(c)}`);
  return { dev: all, tune: t, check: c };
}

const lemmas = learnLemmas(trainRaw.flatMap((s) => wordsOf(s).map((w): [string, string, string] => [w.form, w.upos, w.lemma])));
// Arcs the words alone settle, learned from gold tags and heads; the label model learns the rest.
const labelDictionary = learnLabelDictionary(train, RELATIONS.length);
log(`label dictionary: ${labelDictionary.size} arc keys`);
// The relations each (dependent tag, head tag, direction) takes, with gold and with jackknifed tags.
const labelCandidates = learnLabelCandidates(train.map((s) => ({ ...s, taggings: [s.goldTags, s.tags] })), RELATIONS.length);
const parser = trainParser(train, PARSER_EPOCHS, SEED, labelDictionary, labelCandidates, (m, e) => {
  if (e === PARSER_EPOCHS - 1 || e % 3 === 2) report({ tagger, parser: m, lemmas }, `parser epoch ${e + 1}`);
});
const dictionary = learnTagDictionary(train.flatMap((s) => s.forms.map((f, i): [string, number] => [f, s.goldTags[i] as number])));
log(`tag dictionary: ${Object.keys(dictionary).length} words`);
const model: SyntaxModel = { tagger: { ...tagger, dictionary, margin: Number(args['tag-margin']) }, parser, lemmas };
const figures = report(model, 'final (float)');
const bytes = encodeModel(model, {
  treebank: 'UD English EWT v2.16 train',
  seed: SEED,
  taggerEpochs: TAGGER_EPOCHS,
  parserEpochs: PARSER_EPOCHS,
  folds: FOLDS,
  tagMargin: Number(args['tag-margin']),
  dev: figures.dev,
});
writeFileSync(args.out, bytes);
log(`wrote ${args.out} (${(bytes.length / 1e6).toFixed(2)} MB)`);
report(decodeModel(bytes), 'final (as stored, int16)');
