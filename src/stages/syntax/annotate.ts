/** Tags, lemmatises and parses a sentence's words with the trained model. */
import type { SyntaxWord } from '../../core/doc.js';
import { lemmatize } from './lemma.js';
import { syntaxModel, type SyntaxModel } from './model.js';
import { parseWords } from './parser.js';
import { prepareWords, tagWords, UPOS } from './tagger.js';
import type { WordSpan } from './words.js';

/** The words with UPOS, lemma, head and relation. */
export function annotate(words: readonly WordSpan[], model: SyntaxModel = syntaxModel()): SyntaxWord[] {
  if (words.length === 0) return [];
  const forms = words.map((w) => w.text);
  const analysis = analyzeForms(forms, model);
  return words.map((w, i) => ({
    text: w.text,
    start: w.start,
    end: w.end,
    upos: analysis.upos[i] as string,
    lemma: analysis.lemmas[i] as string,
    head: analysis.heads[i] as number,
    deprel: analysis.deprels[i] as string,
  }));
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
  const tags = tagWords(model.tagger, prepared, forms);
  const { heads, labels } = parseWords(model.parser, prepared, tags);
  const upos = Array.from(tags, (t) => UPOS[t] ?? 'X');
  return {
    upos,
    lemmas: forms.map((f, i) => lemmatize(model.lemmas, f, upos[i] as string)),
    heads,
    deprels: Array.from(labels, (l) => model.parser.relations[l] ?? 'dep'),
  };
}
