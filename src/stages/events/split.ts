/** Sentences of a text, for when the sentences stage has given none: paragraphs, then sentence ends. */
import type { Sentence } from '../../core/doc.js';

// Words whose trailing period does not end a sentence.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr gen lt col maj sgt capt cmdr adm gov sen rep st jr sr no vs etc inc ltd co corp dept jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e prof rev'.split(' '),
);

/** Splits a text into sentences with their offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
  };
  const boundary = /[.!?]["”'’)]*(?=\s+["“'‘(]?[A-Z0-9])|\n\s*\n/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (m[0].startsWith('.')) {
      const word = /(\S+)$/.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
      const bare = word.toLowerCase().replace(/^["“(]/, '');
      if (ABBREVIATIONS.has(bare) || /^[A-Z]$/.test(word) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) continue;
    }
    const end = m.index + m[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}
