/**
 * Syntactic words from the sentence tokenizer's tokens, split the way UD English EWT splits them:
 * hyphens between word parts ("al-Ani" -> al - Ani, "F-16s" -> F - 16s), currency signs ("$1.1").
 */
import type { Span, Token } from '../../core/doc.js';

/** A word before tagging: its text and span in `article.text`. */
export interface WordSpan extends Span {
  text: string;
}

/** Prefixes EWT keeps joined to the rest of the word ("co-workers", "e-mail", "pre-war"). */
const JOINED_PREFIXES = new Set([
  'e', 'co', 'pre', 'non', 'post', 'semi', 're', 'anti', 'multi', 'pro', 'ex', 'mid', 'self', 'sub', 'inter', 'counter',
  'bi', 'tri', 'quasi', 'neo', 'mis', 'over', 'under', 'vice', 'ultra', 'micro', 'macro', 'mega', 'cross', 'trans', 'un',
]);

/** A hyphen between two word characters, with what comes before and after. */
const HYPHEN_SPLIT = /^([\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*)-(?=[\p{L}\p{N}])/u;
const CURRENCY = /^[$€£¥₹](?=\d)/u;

/** Splits one sentence's tokens into syntactic words, spans kept. */
export function toWords(tokens: readonly Token[]): WordSpan[] {
  const words: WordSpan[] = [];
  for (const token of tokens) splitToken(token, words);
  return words;
}

function splitToken(token: Token, words: WordSpan[]): void {
  let text = token.text;
  let start = token.start;
  const currency = CURRENCY.exec(text);
  if (currency) {
    words.push({ text: currency[0], start, end: start + currency[0].length });
    start += currency[0].length;
    text = text.slice(currency[0].length);
  }
  // Phone-number-like and numeric ranges ("1-2") stay whole, as in EWT; letters on both sides split.
  if (text.length < 64 && text.includes('-') && !/^[\d-]+$/.test(text)) {
    for (let m = HYPHEN_SPLIT.exec(text); m; m = HYPHEN_SPLIT.exec(text)) {
      const part = m[1] as string;
      if (JOINED_PREFIXES.has(part.toLowerCase())) break;
      words.push({ text: part, start, end: start + part.length });
      words.push({ text: '-', start: start + part.length, end: start + part.length + 1 });
      start += part.length + 1;
      text = text.slice(part.length + 1);
    }
  }
  if (text.length > 0) words.push({ text, start, end: start + text.length });
}
