/**
 * A fast tokenizer and sentence splitter for English news: whitespace chunks, punctuation split
 * off, abbreviations ("U.S.", "Maj. Gen.") and possessives ("Russia's" -> "Russia" + "'s") kept apart.
 */
import type { Token } from '../../core/doc.js';

/** Abbreviations whose final period never ends a sentence (lower case, without the period). */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'maj', 'lt', 'col', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'cdr', 'brig',
  'gov', 'sen', 'rep', 'rev', 'st', 'sr', 'jr', 'mt', 'ft', 'no', 'vs', 'v', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'jan',
  'feb', 'mar', 'apr', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'pres', 'fig', 'al',
]);

/** Abbreviations that may still end a sentence when a capitalised word follows ("in the U.S. The ..."). */
const OPEN_ENDED = new Set(['inc', 'ltd', 'co', 'corp', 'etc', 'jr', 'sr']);

const LEADING = /^[("'[{“‘«]+/;
/** The characters LEADING starts with: a word opening with none of them has no leading punctuation. */
const LEAD_CHARS = '("\'[{“‘«';
const TRAILING = /[)"'\]}”’»,;:!?.…]+$/;

/** Splits `text[start, end)` into tokens with spans into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const chunk = /\S+/g;
  chunk.lastIndex = start;
  for (let m = chunk.exec(text); m && m.index < end; m = chunk.exec(text)) {
    const chunkEnd = Math.min(m.index + m[0].length, end);
    splitChunk(text, m.index, chunkEnd, tokens);
  }
  return tokens;
}

function push(tokens: Token[], text: string, start: number, end: number): void {
  if (end > start) tokens.push({ text: text.slice(start, end), start, end });
}

/** As `push`, with the token's text already sliced. */
function pushText(tokens: Token[], word: string, start: number, end: number): void {
  if (end > start) tokens.push({ text: word, start, end });
}

/** One whitespace-free chunk: leading punctuation, the word, its clitic, trailing punctuation. */
function splitChunk(text: string, start: number, end: number, tokens: Token[]): void {
  let s = start;
  let e = end;
  const word = text.slice(s, e);
  const lead = LEAD_CHARS.includes(word[0] ?? '') ? LEADING.exec(word) : null;
  if (lead && lead[0].length < word.length) {
    for (let i = 0; i < lead[0].length; i++) push(tokens, text, s + i, s + i + 1);
    s += lead[0].length;
  } else if (lead) {
    // all punctuation: one token per distinct run ("--", "...", "?!")
    push(tokens, text, s, e);
    return;
  }
  // Most chunks are a bare word: the slices below are taken again only where a part was cut off.
  let tail: Token[] | null = null;
  const body = s === start ? word : text.slice(s, e);
  const trail = TRAILING.exec(body);
  if (trail) {
    tail = [];
    let cut = trail.index;
    // keep the period of an abbreviation or initial with the word: "U.S.", "Gen.", "J."
    if (trail[0].startsWith('.') && isAbbreviation(body.slice(0, cut + 1))) cut += 1;
    let i = cut;
    while (i < body.length) {
      const ch = body[i] as string;
      let j = i + 1;
      if (ch === '.' || ch === '!' || ch === '?') while (j < body.length && body[j] === ch) j++;
      tail.push({ text: body.slice(i, j), start: s + i, end: s + j });
      i = j;
    }
    e = s + cut;
  }
  const core = e - s === body.length ? body : text.slice(s, e);
  // Both clitic shapes hold an apostrophe: most words are pushed without trying them.
  const hasApostrophe = core.includes("'") || core.includes('’');
  const clitic = hasApostrophe ? /^(.+?)(['’](?:s|S|re|ve|ll|d|m)|n['’]t)$/.exec(core) : null;
  if (clitic && clitic[1] && /[A-Za-z]/.test(clitic[1]) && !/^[A-Z]\.?$/.test(clitic[1])) {
    const cut = s + clitic[1].length;
    push(tokens, text, s, cut);
    push(tokens, text, cut, e);
  } else if (hasApostrophe && /^[A-Za-z]+s['’]$/.test(core) && core.length > 3) {
    push(tokens, text, s, e - 1);
    push(tokens, text, e - 1, e);
  } else {
    pushText(tokens, core, s, e);
  }
  if (tail) for (const t of tail) tokens.push(t);
}

/** "U.S.", "Gen.", "J.", "a.m." keep their final period. */
export function isAbbreviation(word: string): boolean {
  if (!word.endsWith('.')) return false;
  const bare = word.slice(0, -1);
  if (/^[A-Za-z]$/.test(bare)) return true;
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(bare)) return true;
  return TITLE_ABBREVIATIONS.has(bare.toLowerCase());
}

/** Whether a period-final abbreviation may close a sentence when followed by a capital. */
export function isOpenEnded(word: string): boolean {
  const bare = word.replace(/\.$/, '').toLowerCase();
  return OPEN_ENDED.has(bare) || /^(?:[a-z]\.)+[a-z]$/.test(bare);
}

/** Groups tokens into sentences: after . ! ? (and closing quotes) before a capital, and at line breaks. */
export function splitSentences(text: string, tokens: readonly Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    current.push(token);
    if (!next) break;
    const gap = text.slice(token.end, next.start);
    let isEnd = gap.includes('\n');
    if (!isEnd && /^[.!?…]+$/.test(token.text)) {
      isEnd = true;
      // a closing quote or bracket belongs to the sentence it closes
      if (/^["'”’)\]]$/.test(next.text) && gap === '') isEnd = false;
      else if (/^[a-z0-9,;]/.test(next.text)) isEnd = false;
    } else if (!isEnd && /^["'”’)\]]$/.test(token.text) && current.length > 1) {
      const before = current[current.length - 2] as Token;
      if (/^[.!?…]+$/.test(before.text) && /^[A-Z"“]/.test(next.text)) isEnd = true;
    } else if (!isEnd && token.text.endsWith('.') && token.text.length > 1 && isOpenEnded(token.text)) {
      isEnd = /^[A-Z]/.test(next.text) && /^(?:The|A|An|It|He|She|They|We|In|On|But|This|That|Those|These)$/.test(next.text);
    }
    if (isEnd) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
