/** The `sentences` stage: splits `article.text` into sentences, each with its tokens and their spans. */
import { defineStage, need } from '../../core/stage.js';
import type { Sentence } from '../../core/doc.js';
import { splitSentences, tokenize } from './tokenize.js';

/** Sentences of the article text, tokens included, in text order. */
export function segment(text: string): Sentence[] {
  return splitSentences(text, tokenize(text)).map((tokens) => {
    const start = (tokens[0] as { start: number }).start;
    const end = (tokens[tokens.length - 1] as { end: number }).end;
    return { start, end, text: text.slice(start, end), tokens };
  });
}

export const sentences = defineStage('sentences', (doc) => segment(need(doc, 'article').text));
