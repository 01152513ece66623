/** Tags, lemmatises and parses a sentence's words with the trained model (placeholder until trained). */
import type { SyntaxWord } from '../../core/doc.js';
import type { WordSpan } from './words.js';

/** The words with UPOS, lemma, head and relation. */
export function annotate(words: readonly WordSpan[]): SyntaxWord[] {
  return words.map((w, i) => ({
    ...w,
    upos: /^\p{P}+$/u.test(w.text) ? 'PUNCT' : 'X',
    lemma: w.text.toLowerCase(),
    head: i === 0 ? -1 : 0,
    deprel: i === 0 ? 'root' : 'dep',
  }));
}
