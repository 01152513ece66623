/**
 * Trains the syntax model (tagger, lemmatiser, parser) from UD English EWT's train part and writes
 * data/syntax-model.bin; prints dev-set UPOS/UAS/LAS (tune and check halves). Fixed seed.
 * The parser first trains greedily (dynamic oracle; this gives the label model), then its
 * transitions are trained again globally with a beam (--beam, --beam-epochs); the stored model
 * parses with --decode-beam and drops sequences --beam-margin behind the best. Tagger and parser
 * read word clusters (data/word-clusters.json, through prepareWords).
 *   npm run train:syntax [-- --tagger-epochs N --parser-epochs N --folds K --beam K --beam-epochs N --out FILE]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConllu, wordsOf, type ConlluSentence } from '../src/stages/syntax/conllu.js';
import { learnLemmas } from '../src/stages/syntax/lemma.js';
import { decodeModel, encodeModel, MODEL_FILE, type SyntaxModel } from '../src/stages/syntax/model.js';
import {
  ACTIONS, LABEL_FEATURES, PARSER_FEATURES, SHIFT, actionCosts, apply, arcOf, beamStep, chooseLabel, createState, isTerminal,
  labelFeatures, learnLabelCandidates, learnLabelDictionary, learnLabelPrior, parserFeatures, quickLabel, startBeam, validActions,
  type Beam, type LabelCandidates, type LabelDictionary, type ParserModel,
} from '../src/stages/syntax/parser.js';
import { averaged, best, createTrainer, score, tick, update, type Trainer } from '../src/stages/syntax/perceptron.js';
import { learnTagDictionary, prepareWords, TAGGER_FEATURES, tagFeatures, tagWords, UPOS, type PreparedWords, type TaggerModel } from '../src/stages/syntax/tagger.js';
import { evaluateSyntax, splitByDocument, type GoldSentence } from '../src/stages/syntax/evaluate.js';

const { values: args } = parseArgs({
  options: {
    'tagger-epochs': { type: 'string', default: '15' },
    'parser-epochs': { type: 'string', default: '10' },
    folds: { type: 'string', default: '3' },
    'tagger-bits': { type: 'string', default: '19' },
    'parser-bits': { type: 'string', default: '22' },
    'label-bits': { type: 'string', default: '18' },
    explore: { type: 'string', default: '0.9' },
    /** Beam size; above 1 the transitions are then trained globally (max-violation) on top of the greedy model's labels. */
    beam: { type: 'string', default: '8' },
    'beam-epochs': { type: 'string', default: '10' },
    /** The beam the stored model parses with (it may be narrower than the one it trained with). */
    'decode-beam': { type: 'string', default: '3' },
    /** Start the beam's weights from the greedy model's (scaled by this; 0: from zero). */
    'beam-warm': { type: 'string', default: '0' },
    /** Labels beam states carry: 'model' (the label model's, each arc scored) or 'quick' (dictionary and commonest relation; the best parse relabelled after). */
    'beam-labels': { type: 'string', default: 'quick' },
    /** While decoding, drop sequences this far behind the best (in the stored int16 units of the transition weights; 0: never). */
    'beam-margin': { type: 'string', default: '35000' },
    /** Score lead (in the averaged weights' units) at which a first-pass tag skips the second pass. */
    'tag-margin': { type: 'string', default: '20.4' },
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
const BEAM = Number(args.beam);
const BEAM_EPOCHS = Number(args['beam-epochs']);
const BEAM_WARM = Number(args['beam-warm']);

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

/**
 * Global training of the transitions (structured perceptron with max-violation updates, Huang et
 * al. 2012) with a beam of `size`: the gold sequence is latent, the best-scoring sequence among
 * those the dynamic oracle says lose no more arcs than needed. Labels come from `base`'s model.
 */
function trainBeam(
  sentences: readonly TrainSentence[],
  epochs: number,
  seed: number,
  base: ParserModel,
  size: number,
  onEpoch: (m: ParserModel, e: number) => void,
): ParserModel {
  const t: Trainer = createTrainer(Number(args['parser-bits']), ACTIONS);
  if (BEAM_WARM > 0 && base.transitions.mask === t.mask) {
    const w = base.transitions.weights;
    for (let i = 0; i < w.length; i++) t.weights[i] = (w[i] as number) * BEAM_WARM;
  }
  const live: ParserModel = { ...base, transitions: t, beam: size };
  const random = rng(seed + 101);
  const rootLabel = relationIndex.get('root') as number;
  const F = PARSER_FEATURES;
  let beam: Beam | null = null;
  let cap = 0;
  let histRows = new Int32Array(0), histK = new Int32Array(0), histParent = new Int32Array(0), histAction = new Int32Array(0);
  let gRows = new Int32Array(0), gK = new Int32Array(0), gAction = new Int32Array(0);
  let gScoreAt = new Float64Array(0), bestScoreAt = new Float64Array(0), violatedAt = new Uint8Array(0);
  let cost = new Int32Array(size), nextCost = new Int32Array(size);
  const rows = new Int32Array(F);
  const scores = new Float64Array(ACTIONS);
  const valid = new Uint8Array(ACTIONS);
  const costs = new Int32Array(ACTIONS);
  let model = live;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let updates = 0;
    let early = 0;
    for (const s of shuffled(sentences, random)) {
      const p = s.prepared;
      const steps = 2 * p.n;
      if (steps > cap) {
        cap = steps * 2;
        histRows = new Int32Array(cap * size * F);
        histK = new Int32Array(cap * size);
        histParent = new Int32Array(cap * size);
        histAction = new Int32Array(cap * size);
        gRows = new Int32Array(cap * F);
        gK = new Int32Array(cap);
        gAction = new Int32Array(cap);
        gScoreAt = new Float64Array(cap);
        bestScoreAt = new Float64Array(cap);
        violatedAt = new Uint8Array(cap);
      }
      beam = startBeam(beam, size, p.n);
      const g = createState(p.n);
      let gScore = 0;
      let gCost = 0;
      cost[0] = 0;
      let firstOut = -1;
      for (let step = 0; step < steps; step++) {
        // the gold sequence: the best-scoring move among those that lose fewest arcs
        validActions(g, valid);
        actionCosts(g, s.goldHeads, costs);
        let minCost = Infinity;
        for (let a = 0; a < ACTIONS; a++) if (valid[a] && (costs[a] as number) < minCost) minCost = costs[a] as number;
        let action = -1;
        if ((valid[0] as number) + (valid[1] as number) + (valid[2] as number) === 1) {
          action = valid[0] ? 0 : valid[1] ? 1 : 2;
          gK[step] = 0;
        } else {
          const k = parserFeatures(g, p, s.tags, t.mask, rows);
          score(t, rows, k, scores);
          for (let a = 0; a < ACTIONS; a++) {
            if (valid[a] && costs[a] === minCost && (action < 0 || (scores[a] as number) > (scores[action] as number))) action = a;
          }
          gK[step] = k;
          gRows.set(rows.subarray(0, k), step * F);
          gScore += scores[action] as number;
        }
        gAction[step] = action;
        gCost += minCost;
        let label = -1;
        if (action !== SHIFT) {
          const { head, dep } = arcOf(g, action);
          label = live.labelPrior ? quickLabel(live, p, s.tags, head, dep, rootLabel) : chooseLabel(live, g, p, s.tags, head, dep, rootLabel);
        }
        apply(g, action, label);
        // the beam
        beamStep(live, beam, p, s.tags, rootLabel, (i, r, k) => {
          histK[step * size + i] = k;
          if (k > 0) histRows.set(r.subarray(0, k), (step * size + i) * F);
        });
        let isGoldIn = false;
        for (let j = 0; j < beam.count; j++) {
          const c = beam.chosen[j] as number;
          const parent = beam.candParent[c] as number;
          const a = beam.candAction[c] as number;
          histParent[step * size + j] = parent;
          histAction[step * size + j] = a;
          actionCosts(beam.next[parent] as ParseStateLike, s.goldHeads, costs);
          nextCost[j] = (cost[parent] as number) + (costs[a] as number);
          if (nextCost[j] === gCost) isGoldIn = true;
        }
        [cost, nextCost] = [nextCost, cost];
        gScoreAt[step] = gScore;
        bestScoreAt[step] = beam.scores[0] as number;
        violatedAt[step] = cost[0] !== gCost ? 1 : 0;
        if (!isGoldIn && firstOut < 0) firstOut = step;
      }
      // the step where the best sequence beats the gold one by most
      let worst = -1;
      let worstBy = 0;
      for (let step = 0; step < steps; step++) {
        const by = (bestScoreAt[step] as number) - (gScoreAt[step] as number);
        if (violatedAt[step] && by >= worstBy) {
          worst = step;
          worstBy = by;
        }
      }
      if (worst >= 0) {
        updates++;
        if (firstOut >= 0 && worst > firstOut) early++;
        for (let step = 0; step <= worst; step++) {
          const k = gK[step] as number;
          if (k > 0) update(t, gRows.subarray(step * F, step * F + k), k, gAction[step] as number, -1);
        }
        let j = 0;
        for (let step = worst; step >= 0; step--) {
          const parent = histParent[step * size + j] as number;
          const k = histK[step * size + parent] as number;
          const at = (step * size + parent) * F;
          if (k > 0) update(t, histRows.subarray(at, at + k), k, -1, histAction[step * size + j] as number);
          j = parent;
        }
      }
      tick(t);
    }
    log(`beam epoch ${epoch + 1}: updated on ${updates} sentences (${early} past the gold's fall from the beam)`);
    model = { ...base, transitions: averaged(t), beam: size };
    onEpoch(model, epoch);
  }
  return model;
}
type ParseStateLike = Parameters<typeof actionCosts>[0];

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
const parserCache = args.cache
  ? path.join(args.cache, `parser-${SEED}-${TAGGER_EPOCHS}-${FOLDS}-${args['tagger-bits']}-${PARSER_EPOCHS}-${args['parser-bits']}-${args['label-bits']}-${EXPLORE}.v8`)
  : null;
let parser: ParserModel;
if (parserCache && existsSync(parserCache)) {
  parser = deserialize(readFileSync(parserCache)) as ParserModel;
  log(`greedy parser read from ${parserCache}`);
} else {
  parser = trainParser(train, PARSER_EPOCHS, SEED, labelDictionary, labelCandidates, (m, e) => {
    if (e === PARSER_EPOCHS - 1 || e % 3 === 2) report({ tagger, parser: m, lemmas }, `parser epoch ${e + 1}`);
  });
  if (parserCache) writeFileSync(parserCache, serialize(parser));
}
if (BEAM > 1 && BEAM_EPOCHS > 0) {
  if (args['beam-labels'] === 'quick') parser = { ...parser, labelPrior: learnLabelPrior(train.map((s) => ({ ...s, taggings: [s.goldTags, s.tags] })), RELATIONS.length) };
  parser = trainBeam(train, BEAM_EPOCHS, SEED, parser, BEAM, (m, e) => report({ tagger, parser: m, lemmas }, `beam ${BEAM} epoch ${e + 1}`));
}
const dictionary = learnTagDictionary(train.flatMap((s) => s.forms.map((f, i): [string, number] => [f, s.goldTags[i] as number])));
log(`tag dictionary: ${Object.keys(dictionary).length} words`);
// The beam margin is given in the stored (int16) units; the model holds it in the float weights' units.
let largest = 0;
for (const v of parser.transitions.weights) largest = Math.max(largest, Math.abs(v));
const storedUnit = largest / 32767;
if (BEAM > 1 && Number(args['beam-margin']) > 0) parser = { ...parser, beamMargin: Number(args['beam-margin']) * storedUnit };
if (BEAM > 1) parser = { ...parser, beam: Number(args['decode-beam']) };
const model: SyntaxModel = { tagger: { ...tagger, dictionary, margin: Number(args['tag-margin']) }, parser, lemmas };
const figures = report(model, 'final (float)');
const bytes = encodeModel(model, {
  treebank: 'UD English EWT v2.16 train',
  seed: SEED,
  taggerEpochs: TAGGER_EPOCHS,
  parserEpochs: PARSER_EPOCHS,
  folds: FOLDS,
  ...(BEAM > 1 && { beam: BEAM, beamEpochs: BEAM_EPOCHS, beamWarm: BEAM_WARM, beamMargin: Number(args['beam-margin']), decodeBeam: Number(args['decode-beam']), beamLabels: args['beam-labels'] }),
  tagMargin: Number(args['tag-margin']),
  dev: figures.dev,
});
writeFileSync(args.out, bytes);
log(`wrote ${args.out} (${(bytes.length / 1e6).toFixed(2)} MB)`);
report(decodeModel(bytes), 'final (as loaded: int16 tables, the transitions as one-byte codes)');
