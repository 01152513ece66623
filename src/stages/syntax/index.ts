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
  const result: SentenceSyntax = { sentence, words: annotateAfterDateline(words) };
  if (isTruncated) result.isTruncated = true;
  return result;
}

/** Dashes that close a wire dateline. */
const DATELINE_DASH = /^(?:-|--|—|–)$/;

/**
 * "BAKU, March 9 - Azerbaijan's defence ministry accused ...": a wire dateline (a place in capitals, then capitalised words,
 * numbers and punctuation up to a dash) is parsed apart from the sentence it opens, and hung on that sentence's root as `dep`.
 * Read as one sentence, the dateline's words took the subject's place ("ministry accused" became a noun and its participle).
 */
function annotateAfterDateline(words: Parameters<typeof annotate>[0]): ReturnType<typeof annotate> {
  const first = words[0]?.text ?? '';
  if (!/^[A-Z][A-Z.'-]{2,}$/.test(first)) return annotate(words);
  let dash = -1;
  for (let i = 1; i < Math.min(words.length, 14); i++) {
    const t = words[i]!.text;
    if (DATELINE_DASH.test(t)) {
      dash = i;
      break;
    }
    if (/^\p{Ll}/u.test(t)) return annotate(words);
  }
  if (dash < 0 || dash + 3 >= words.length) return annotate(words);
  const head = annotate(words.slice(0, dash + 1));
  const rest = annotate(words.slice(dash + 1)).map((w) => ({ ...w, head: w.head < 0 ? -1 : w.head + dash + 1 }));
  const root = rest.findIndex((w) => w.head < 0);
  return [...head.map((w) => (w.head < 0 ? { ...w, head: root + dash + 1, deprel: 'dep' } : w)), ...rest];
}

function truncationMessage(sentence: { start: number; end: number }, kept: number): Message {
  return {
    level: 'warning',
    rule: 'syntax/sentence-too-long',
    reason: `sentence longer than ${MAX_SENTENCE_WORDS} words: only its first ${kept} words were parsed`,
    place: { start: sentence.start, end: sentence.end },
  };
}
