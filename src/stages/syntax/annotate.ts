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
