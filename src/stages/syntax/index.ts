/**
 * The `syntax` stage: each sentence's words in UD style, with UPOS tag, lemma, head and relation,
 * read by our own tagger and transition-based parser (model in data/syntax-model.bin).
 */
import { defineStage, need } from '../../core/stage.js';
import type { Message, SentenceSyntax } from '../../core/doc.js';
import { toWords } from './words.js';
import { annotate } from './annotate.js';

/**
 * Longest sentence parsed whole, in words. Real news sentences stay far below it (EWT's longest is
 * about 160); a run-on list or junk without full stops is cut here so parsing time stays bounded.
 */
export const MAX_SENTENCE_WORDS = 250;

/** One tree per sentence of the document, in order. */
export const syntax = defineStage('syntax', (doc) => {
  const sentences = need(doc, 'sentences');
  const out: SentenceSyntax[] = [];
  sentences.forEach((sentence, index) => {
    const parsed = parseTokens(sentence.tokens ?? [], index);
    if (parsed.isTruncated) doc.messages.push(truncationMessage(sentence, parsed.words.length));
    out.push(parsed);
  });
  return out;
});

/** Parses one sentence's tokens; sentences longer than MAX_SENTENCE_WORDS are cut there. */
export function parseTokens(tokens: Parameters<typeof toWords>[0], sentence = 0): SentenceSyntax {
  let words = toWords(tokens);
  const isTruncated = words.length > MAX_SENTENCE_WORDS;
  if (isTruncated) words = words.slice(0, MAX_SENTENCE_WORDS);
  const result: SentenceSyntax = { sentence, words: annotate(words) };
  if (isTruncated) result.isTruncated = true;
  return result;
}

function truncationMessage(sentence: { start: number; end: number }, kept: number): Message {
  return {
    level: 'warning',
    rule: 'syntax/sentence-too-long',
    reason: `sentence longer than ${MAX_SENTENCE_WORDS} words: only its first ${kept} words were parsed`,
    place: { start: sentence.start, end: sentence.end },
  };
}
