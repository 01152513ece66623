/** Writes sentence structure for people (an indented tree) and as CoNLL-U (our columns on a given tokenization). */
import type { SentenceSyntax, SyntaxWord } from '../../core/doc.js';
import { analyzeForms } from './annotate.js';
import { isSpaceAfterNo, type ConlluSentence } from './conllu.js';
import { MAX_SENTENCE_WORDS } from './index.js';
import type { SyntaxModel } from './model.js';
import { syntaxModel } from './model.js';

/** CoNLL-U lines for one parsed sentence of an article, with `# text =`. */
export function toConllu(syntax: SentenceSyntax, text: string, id: string): string {
  const lines = [`# sent_id = ${id}`, `# text = ${text.replace(/\s+/g, ' ')}`];
  syntax.words.forEach((w, i) => {
    const next = syntax.words[i + 1];
    const misc = next && next.start === w.end ? 'SpaceAfter=No' : '_';
    lines.push([i + 1, clean(w.text), clean(w.lemma), w.upos, '_', '_', w.head + 1, w.deprel, '_', misc].join('\t'));
  });
  return lines.join('\n') + '\n';
}

/** Tabs and line breaks cannot stand in a CoNLL-U column. */
function clean(value: string): string {
  return value.replace(/[\t\r\n]/g, ' ') || '_';
}

/** The result of re-annotating a `.conllu` sentence: its lines, and whether it was cut for parsing. */
export interface ReannotatedSentence {
  text: string;
  isTruncated: boolean;
}

/**
 * A `.conllu` sentence with our UPOS, LEMMA, HEAD and DEPREL on its word lines (same IDs and forms;
 * XPOS, FEATS, DEPS become `_`; comments, ranges and empty nodes pass through). Words past
 * MAX_SENTENCE_WORDS are not parsed: they hang from the root as `dep`.
 */
export function reannotate(sentence: ConlluSentence, model: SyntaxModel = syntaxModel()): ReannotatedSentence {
  const wordLines = sentence.lines.filter((l) => l.isWord);
  const forms = wordLines.map((l) => (l.columns as string[])[1] ?? '_');
  const parsed = forms.slice(0, MAX_SENTENCE_WORDS);
  const joined = wordLines.slice(0, MAX_SENTENCE_WORDS).map((l) => isSpaceAfterNo((l.columns as string[])[9]));
  const a = parsed.length > 0 ? analyzeForms(parsed, model, joined) : null;
  const root = a ? a.heads.indexOf(-1) : -1;
  let w = 0;
  const out: string[] = [];
  for (const line of sentence.lines) {
    if (!line.isWord) {
      out.push(line.raw);
      continue;
    }
    const c = line.columns as string[];
    const i = w++;
    const isParsed = a !== null && i < parsed.length;
    const upos = isParsed ? (a.upos[i] as string) : 'X';
    const lemma = isParsed ? (a.lemmas[i] as string) : (c[1] ?? '_');
    const head = isParsed ? (a.heads[i] as number) + 1 : root + 1;
    const deprel = isParsed ? (a.deprels[i] as string) : 'dep';
    out.push([c[0], c[1] ?? '_', clean(lemma), upos, '_', '_', head, deprel, '_', c[9] ?? '_'].join('\t'));
  }
  return { text: out.join('\n') + '\n', isTruncated: forms.length > parsed.length };
}

/** An indented tree for people: each word under its head, with tag and relation. */
export function formatTree(syntax: SentenceSyntax): string {
  const children = new Map<number, number[]>();
  syntax.words.forEach((w, i) => {
    const list = children.get(w.head) ?? [];
    list.push(i);
    children.set(w.head, list);
  });
  const lines: string[] = [];
  const seen = new Set<number>();
  const walk = (i: number, depth: number): void => {
    if (seen.has(i)) return;
    seen.add(i);
    const w = syntax.words[i] as SyntaxWord;
    const lemma = w.lemma !== w.text ? ` (${w.lemma})` : '';
    lines.push(`${'  '.repeat(depth)}${w.deprel.padEnd(Math.max(1, 12 - depth * 2))} ${w.text}${lemma} ${w.upos}`);
    for (const c of children.get(i) ?? []) walk(c, depth + 1);
  };
  for (const r of children.get(-1) ?? []) walk(r, 0);
  return lines.join('\n');
}
