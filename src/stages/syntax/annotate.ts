/** Tags, lemmatises and parses a sentence's words with the trained model. */
import type { SyntaxWord } from '../../core/doc.js';
import { lemmatize, type LemmaModel } from './lemma.js';
import { syntaxModel, type SyntaxModel } from './model.js';
import { parseWords } from './parser.js';
import { prepareWords, tagWords, UPOS } from './tagger.js';
import type { WordSpan } from './words.js';

/** The words with UPOS, lemma, head and relation. */
export function annotate(words: readonly WordSpan[], model: SyntaxModel = syntaxModel()): SyntaxWord[] {
  if (words.length === 0) return [];
  const forms = words.map((w) => w.text);
  const prepared = prepareWords(forms);
  const tags = openingParticiples(forms, tagWords(model.tagger, prepared, forms));
  const { heads, labels } = parseWords(model.parser, prepared, tags);
  const relations = model.parser.relations;
  partitiveSubjects(forms, tags, heads, labels, relations);
  // One pass straight into the words (no per-field arrays in between: this runs for every sentence).
  const out = new Array<SyntaxWord>(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as WordSpan;
    const tag = tags[i] as number;
    const upos = UPOS[tag] ?? 'X';
    out[i] = {
      text: w.text,
      start: w.start,
      end: w.end,
      upos,
      lemma: cachedLemma(model.lemmas, w.text, tag, upos),
      head: heads[i] as number,
      deprel: relations[labels[i] as number] ?? 'dep',
    };
  }
  return out;
}

const ADJ = UPOS.indexOf('ADJ');
const NOUN = UPOS.indexOf('NOUN');
const PROPN = UPOS.indexOf('PROPN');
const VERB = UPOS.indexOf('VERB');

/**
 * "Suspected militants killed ...", "Stranded migrants waited ...": a participle that opens a sentence
 * (or follows a dateline's dash) before a noun phrase and its verb modifies the noun. The treebank has no
 * such opening (its one in dev is an adjective), so the tagger reads a finite verb there and the parser
 * makes the sentence's root of it. Retags the participle ADJ; the tags are changed in place and returned.
 */
export function openingParticiples(forms: readonly string[], tags: Int32Array): Int32Array {
  for (let i = 0; i + 2 < forms.length; i++) {
    if (i > 0 && !/^[-–—:"“]$/.test(forms[i - 1] as string)) continue;
    if (tags[i] !== VERB || !/^[A-Z][a-z]+ed$/.test(forms[i] as string)) continue;
    // the noun phrase: up to three adjectives, names and nouns ending in a noun, then its verb
    let j = i + 1;
    while (j < forms.length && j - i <= 3 && (tags[j] === ADJ || tags[j] === PROPN || tags[j] === NOUN) && !(tags[j] === NOUN && tags[j + 1] === VERB)) j++;
    if (tags[j] === NOUN && tags[j + 1] === VERB) tags[i] = ADJ;
  }
  return tags;
}

const NUM = UPOS.indexOf('NUM');
const PRON = UPOS.indexOf('PRON');
const AUX = UPOS.indexOf('AUX');

/**
 * "Hundreds of people marched through the capital", "Two of the attackers escaped": a sentence rooted in a quantity whose "of"
 * phrase carries the sentence's only verb, a past form, as a reduced relative (acl, with no subject, auxiliary or marker) has that
 * verb for its predicate and the quantity for its subject. The parser, trained on a treebank with few such subjects, reads an
 * intransitive past verb there as a participle on the noun. Changes `heads` and `labels` in place.
 */
export function partitiveSubjects(forms: readonly string[], tags: Int32Array, heads: Int32Array, labels: Int32Array, relations: readonly string[]): void {
  const n = tags.length;
  const root = heads.indexOf(-1);
  if (root < 0 || !(tags[root] === NOUN || tags[root] === NUM || tags[root] === PRON || tags[root] === ADJ)) return;
  const acl = relations.indexOf('acl');
  const nmod = relations.indexOf('nmod');
  const kase = relations.indexOf('case');
  const nsubj = relations.indexOf('nsubj');
  const aux = relations.indexOf('aux');
  const mark = relations.indexOf('mark');
  // the "of" phrase on the root, and the verb hung on it
  let verb = -1;
  for (let i = root + 1; i < n; i++) {
    if (tags[i] === VERB || tags[i] === AUX) {
      verb = i;
      break;
    }
  }
  // a verb in the past ("marched", "fled"), not a present participle ("students needing help")
  if (verb < 0 || tags[verb] !== VERB || labels[verb] !== acl || /ing$/i.test(forms[verb] as string)) return;
  const noun = heads[verb] as number;
  if (noun <= root || heads[noun] !== root || labels[noun] !== nmod) return;
  let hasOf = false;
  for (let i = 0; i < n; i++) {
    if (heads[i] === noun && labels[i] === kase && i === root + 1) hasOf = true;
    if (heads[i] === verb && (labels[i] === nsubj || labels[i] === aux || labels[i] === mark)) return;
  }
  if (!hasOf) return;
  // every other verb lies below this one (an infinitive of purpose, a participle of its own)
  const isBelow = (i: number): boolean => {
    for (let j = i, guard = 0; j >= 0 && guard <= n; j = heads[j] as number, guard++) if (j === verb) return true;
    return false;
  };
  for (let i = 0; i < n; i++) if (i !== verb && (tags[i] === VERB || tags[i] === AUX) && !isBelow(i)) return;
  heads[verb] = -1;
  labels[verb] = relations.indexOf('root');
  heads[root] = verb;
  labels[root] = nsubj;
  // the root's words after the verb (its closing punctuation, a trailing phrase) are the verb's now
  for (let i = verb + 1; i < n; i++) if (heads[i] === root) heads[i] = verb;
}

/** Tags, lemmas, heads (-1 root) and relations for a sentence given as word forms. */
export interface FormAnalysis {
  upos: string[];
  lemmas: string[];
  heads: Int32Array;
  deprels: string[];
}

/** Analyses a sentence of word forms (gold tokenization, as a .conllu file gives it). */
export function analyzeForms(forms: readonly string[], model: SyntaxModel = syntaxModel()): FormAnalysis {
  const prepared = prepareWords(forms);
  const tags = openingParticiples(forms, tagWords(model.tagger, prepared, forms));
  const { heads, labels } = parseWords(model.parser, prepared, tags);
  partitiveSubjects(forms, tags, heads, labels, model.parser.relations);
  const upos = Array.from(tags, (t) => UPOS[t] ?? 'X');
  return {
    upos,
    lemmas: forms.map((f, i) => cachedLemma(model.lemmas, f, tags[i] as number, upos[i] as string)),
    heads,
    deprels: Array.from(labels, (l) => model.parser.relations[l] ?? 'dep'),
  };
}

/** Lemmas already found, by lemma model, then by tag, then by form (news repeats its words). */
const lemmaCaches = new WeakMap<LemmaModel, Map<string, string>[]>();
/** Forms kept per tag before that tag's cache starts over, so memory stays bounded. */
const LEMMA_CACHE_SIZE = 20_000;

function cachedLemma(model: LemmaModel, form: string, tag: number, upos: string): string {
  let caches = lemmaCaches.get(model);
  if (!caches) lemmaCaches.set(model, (caches = UPOS.map(() => new Map<string, string>())));
  const cache = caches[tag];
  if (!cache) return lemmatize(model, form, upos);
  let lemma = cache.get(form);
  if (lemma === undefined) {
    lemma = lemmatize(model, form, upos);
    if (cache.size >= LEMMA_CACHE_SIZE) cache.clear();
    cache.set(form, lemma);
  }
  return lemma;
}
