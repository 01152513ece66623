/** The `sentences` stage: splits `article.text` into sentences, each with its tokens and their spans. */
import { defineStage, need } from '../../core/stage.js';
import type { Sentence, Token } from '../../core/doc.js';
import { splitSentences, tokenize } from './tokenize.js';

/**
 * Longest sentence handed on, in tokens and in characters. News sentences stay far below (a long one is
 * 80 tokens); a run with no sentence end (a flattened table, a list, a hostile page) is cut into pieces
 * this long so that every per-sentence scan after this stage does bounded work.
 */
export const MAX_SENTENCE_TOKENS = 250;
export const MAX_SENTENCE_CHARS = 3000;
/**
 * Characters of article text split into sentences. The longest news reports and transcripts run to some
 * 60,000; past 100,000 the page is a dump, not an article, and the stages after this one read only its start
 * (the parser alone spends about half a second of processor time on 100,000 characters).
 */
export const MAX_ANALYSED_CHARS = 100_000;

/** Tokens that may close a piece of an over-long run: a cut there keeps clauses whole. */
const CLAUSE_END = /^[,;:–—]$/;

/** Sentences of the article text, tokens included, in text order; over-long runs come out in pieces. */
export function segment(text: string): Sentence[] {
  return segmentCounting(text).sentences;
}

/** The sentences (of the first MAX_ANALYSED_CHARS only) and how many over-long runs were cut. */
function segmentCounting(text: string): { sentences: Sentence[]; cutRuns: number; isTruncated: boolean } {
  const out: Sentence[] = [];
  let cutRuns = 0;
  // Ending at a whitespace keeps the last word whole; a text without any is cut at the cap.
  const isTruncated = text.length > MAX_ANALYSED_CHARS;
  const space = isTruncated ? text.lastIndexOf(' ', MAX_ANALYSED_CHARS) : -1;
  const end = isTruncated ? (space > MAX_ANALYSED_CHARS / 2 ? space : MAX_ANALYSED_CHARS) : text.length;
  for (const run of splitSentences(text, tokenize(text, 0, end))) {
    const pieces = capRun(run);
    if (pieces.length > 1) cutRuns += 1;
    for (const tokens of pieces) {
      const start = (tokens[0] as Token).start;
      const end = (tokens[tokens.length - 1] as Token).end;
      out.push({ start, end, text: text.slice(start, end), tokens });
    }
  }
  return { sentences: out, cutRuns, isTruncated };
}

/** One run of tokens as pieces within both caps, each cut after the last clause end in its second half when there is one. */
export function capRun(tokens: readonly Token[]): Token[][] {
  const pieces: Token[][] = [];
  let from = 0;
  while (from < tokens.length) {
    let to = from + 1;
    const first = tokens[from] as Token;
    while (to < tokens.length && to - from < MAX_SENTENCE_TOKENS && (tokens[to] as Token).end - first.start <= MAX_SENTENCE_CHARS) to++;
    if (to < tokens.length) {
      for (let i = to - 1; i > from + (to - from) / 2; i--) {
        if (CLAUSE_END.test((tokens[i] as Token).text)) {
          to = i + 1;
          break;
        }
      }
    }
    pieces.push(tokens.slice(from, to));
    from = to;
  }
  return pieces;
}

export const sentences = defineStage('sentences', (doc) => {
  const text = need(doc, 'article').text;
  const { sentences: found, cutRuns, isTruncated } = segmentCounting(text);
  if (isTruncated) {
    doc.messages.push({
      level: 'warning',
      rule: 'sentences/over-long-text',
      reason: `the article text has ${text.length} characters: only the first ${MAX_ANALYSED_CHARS} are split into sentences and analysed`,
    });
  }
  if (cutRuns > 0) {
    doc.messages.push({
      level: 'warning',
      rule: 'sentences/over-long',
      reason: `${cutRuns} run(s) of text with no sentence end were cut into pieces of at most ${MAX_SENTENCE_TOKENS} tokens or ${MAX_SENTENCE_CHARS} characters`,
    });
  }
  return found;
});
