/** Helpers that read a sentence's dependency tree: children, relations, subtrees, clauses, conjuncts. */
import type { SentenceSyntax, Span, SyntaxWord } from '../../core/doc.js';

/** The universal part of a relation: `nsubj:pass` -> `nsubj`. */
export function baseRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

/** Index of the root word, or -1 for an empty sentence. */
export function rootOf(syntax: SentenceSyntax): number {
  return syntax.words.findIndex((w) => w.head === -1);
}

/** Indices of the words whose head is `head`, in sentence order. */
export function childrenOf(syntax: SentenceSyntax, head: number): number[] {
  const out: number[] = [];
  syntax.words.forEach((w, i) => {
    if (w.head === head) out.push(i);
  });
  return out;
}

/**
 * Dependents of `head` with one of the relations given. A relation without a subtype matches its
 * subtypes too (`nsubj` matches `nsubj:pass`); one with a subtype matches only itself.
 */
export function dependents(syntax: SentenceSyntax, head: number, ...relations: string[]): number[] {
  return childrenOf(syntax, head).filter((i) => {
    const rel = (syntax.words[i] as SyntaxWord).deprel;
    return relations.some((r) => r === rel || (!r.includes(':') && baseRelation(rel) === r));
  });
}

/** The first dependent of `head` with one of the relations, or -1. */
export function dependent(syntax: SentenceSyntax, head: number, ...relations: string[]): number {
  return dependents(syntax, head, ...relations)[0] ?? -1;
}

/** Indices of `head` and every word below it, in sentence order. */
export function subtree(syntax: SentenceSyntax, head: number): number[] {
  const inside = new Uint8Array(syntax.words.length);
  if (head < 0 || head >= syntax.words.length) return [];
  inside[head] = 1;
  // Heads may come after their dependents: repeat until nothing changes (trees are shallow).
  for (let changed = true; changed; ) {
    changed = false;
    syntax.words.forEach((w, i) => {
      if (!inside[i] && w.head >= 0 && inside[w.head]) {
        inside[i] = 1;
        changed = true;
      }
    });
  }
  const out: number[] = [];
  inside.forEach((v, i) => {
    if (v) out.push(i);
  });
  return out;
}

/** The span of `article.text` that `head`'s subtree covers (first word's start to last word's end). */
export function subtreeSpan(syntax: SentenceSyntax, head: number, options: SubtreeOptions = {}): Span | null {
  let words = subtree(syntax, head);
  if (options.isPunctuationDropped) {
    words = words.filter((i) => i === head || (syntax.words[i] as SyntaxWord).upos !== 'PUNCT');
  }
  if (words.length === 0) return null;
  const first = syntax.words[words[0] as number] as SyntaxWord;
  const last = syntax.words[words[words.length - 1] as number] as SyntaxWord;
  return { start: first.start, end: last.end };
}

export interface SubtreeOptions {
  /** Leave punctuation at the edges out (a trailing comma or quote). */
  isPunctuationDropped?: boolean;
}

/** Relations that open a clause of their own below another word. */
const CLAUSE_RELATIONS = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'acl', 'csubj', 'parataxis', 'conj', 'list']);

/** The kind of clause a predicate heads: its relation, with the subtype (acl:relcl, advcl). */
export type ClauseKind = string;

/**
 * The head of the clause a word belongs to: the nearest word at or above it that heads a clause
 * (root, ccomp, xcomp, advcl, acl, csubj, parataxis, or a conjunct verb).
 */
export function clauseHead(syntax: SentenceSyntax, word: number): number {
  let i = word;
  for (let guard = 0; i >= 0 && guard <= syntax.words.length; guard++) {
    const w = syntax.words[i] as SyntaxWord;
    const rel = baseRelation(w.deprel);
    if (w.head === -1) return i;
    if (CLAUSE_RELATIONS.has(rel) && (rel !== 'conj' || isPredicate(w))) return i;
    i = w.head;
  }
  return -1;
}

/** The relation that attaches the clause headed by `head` (`root`, `ccomp`, `acl:relcl`, `advcl`...). */
export function clauseKind(syntax: SentenceSyntax, head: number): ClauseKind {
  const w = syntax.words[head];
  return w ? w.deprel : 'root';
}

function isPredicate(w: SyntaxWord): boolean {
  return w.upos === 'VERB' || w.upos === 'AUX';
}

/** The members of a coordination `word` is in: the first conjunct and every `conj` below it, in order. */
export function conjuncts(syntax: SentenceSyntax, word: number): number[] {
  let first = word;
  for (let guard = 0; guard < syntax.words.length; guard++) {
    const w = syntax.words[first] as SyntaxWord;
    if (baseRelation(w.deprel) !== 'conj' || w.head < 0) break;
    first = w.head;
  }
  const out = [first];
  for (let k = 0; k < out.length; k++) out.push(...dependents(syntax, out[k] as number, 'conj'));
  return out.sort((a, b) => a - b);
}

/** The word that heads a passive: true when it has an `nsubj:pass`, `aux:pass` or `csubj:pass`. */
export function isPassive(syntax: SentenceSyntax, head: number): boolean {
  return dependents(syntax, head, 'nsubj:pass', 'aux:pass', 'csubj:pass').length > 0;
}

/** The words of a sentence as "text/UPOS" with head and relation, for messages and test failures. */
/**
 * Whether word `i` lies in a clause that describes a noun (`acl`, `acl:relcl`) which does not hold word `top`: "buy 12 more
 * launchers, on top of the 20 it ordered last year" has "last year" in such a clause below "buy". False when `i` is below `top`
 * with no such clause between them, or either index is -1.
 */
export function isInNounClauseApart(syntax: SentenceSyntax, i: number, top: number): boolean {
  if (i < 0 || top < 0) return false;
  for (let k = i, guard = 0; k >= 0 && k !== top && guard <= syntax.words.length; k = syntax.words[k]!.head, guard++) {
    if (!syntax.words[k]!.deprel.startsWith('acl')) continue;
    return !isUnder(syntax, top, k);
  }
  return false;
}

/** Whether word `i` is word `top` or lies in its subtree (false when either is -1). */
export function isUnder(syntax: SentenceSyntax, i: number, top: number): boolean {
  if (top < 0) return false;
  for (let k = i, guard = 0; k >= 0 && guard <= syntax.words.length; k = syntax.words[k]!.head, guard++) if (k === top) return true;
  return false;
}

export function describeTree(syntax: SentenceSyntax): string {
  return syntax.words.map((w, i) => `${i}:${w.text}/${w.upos}<-${w.deprel}:${w.head}`).join(' ');
}
