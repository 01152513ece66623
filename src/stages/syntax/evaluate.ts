/**
 * CoNLL 2018 scoring with gold tokenization: UPOS accuracy, UAS, LAS (universal part of the
 * relation), over every word, punctuation included; and the tune/check split of a dev set.
 */
import { analyzeForms } from './annotate.js';
import type { ConlluSentence } from './conllu.js';
import { hashText } from './hash.js';
import type { SyntaxModel } from './model.js';
import { baseRelation } from './tree.js';

/** A gold sentence: forms with their tags, 0-based heads (-1 root) and relations. */
export interface GoldSentence {
  forms: string[];
  upos: string[];
  heads: number[];
  deprels: string[];
  lemmas?: string[];
  /** joined[i]: word i+1 is written against word i (no space between), where the source says so. */
  joined?: boolean[];
}

export interface SyntaxScores {
  words: number;
  upos: number;
  uas: number;
  las: number;
  lemma: number;
}

/** Scores the model on gold sentences. */
export function evaluateSyntax(model: SyntaxModel, sentences: readonly GoldSentence[]): SyntaxScores {
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  let lemma = 0;
  for (const s of sentences) {
    const a = analyzeForms(s.forms, model, s.joined);
    for (let i = 0; i < s.forms.length; i++) {
      words++;
      if (a.upos[i] === s.upos[i]) upos++;
      if (s.lemmas && a.lemmas[i] === s.lemmas[i]) lemma++;
      if (a.heads[i] === s.heads[i]) {
        uas++;
        if (baseRelation(a.deprels[i] as string) === baseRelation(s.deprels[i] as string)) las++;
      }
    }
  }
  const d = Math.max(1, words);
  return { words, upos: upos / d, uas: uas / d, las: las / d, lemma: lemma / d };
}

/** Sentence indices split in two halves by document (`# newdoc id`), fixed by the seed. */
export function splitByDocument(sentences: readonly ConlluSentence[], seed: number): { tune: number[]; check: number[] } {
  const tune: number[] = [];
  const check: number[] = [];
  let doc = '';
  sentences.forEach((s, i) => {
    for (const l of s.lines) {
      const m = /^# newdoc id = (.+)$/.exec(l.raw);
      if (m) doc = m[1] as string;
    }
    const id = doc || `sentence-${i}`;
    ((hashText(`${seed}:${id}`) & 1) === 0 ? tune : check).push(i);
  });
  return { tune, check };
}
