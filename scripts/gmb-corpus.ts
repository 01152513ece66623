/**
 * Reads the GMB corpus in ../shared/train with its tags brought to CoNLL-2003's conventions, for
 * scripts/train-ner.ts and bench/ner.ts: nationality adjectives are MISC, titles are outside names.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import type { DataFiles } from '../src/core/context.js';
import { DATA_DIR } from '../src/core/context.js';
import { loadKnowledge, phraseKey } from '../src/stages/entities/knowledge.js';
import type { Knowledge } from '../src/stages/entities/knowledge.js';
import { loadRoles, titleStartingAt } from '../src/stages/entities/roles.js';
import type { RoleIndex } from '../src/stages/entities/roles.js';

export const GMB_CORPUS = path.resolve(DATA_DIR, '../../shared/train/gmb-entity-annotated-corpus/gmb_ner.conll.gz');

/** Share of the corpus, its last sentences in one contiguous block, never trained on by the shipped model. */
export const HELD_OUT_SHARE = 0.1;

export interface GmbSentence {
  words: string[];
  /** IOB2 tags over PER, ORG, LOC, MISC. */
  tags: string[];
}

/** Every sentence of the corpus, in order, tags mapped (see mapTags). */
export function readGmbCorpus(data: DataFiles): GmbSentence[] {
  if (!existsSync(GMB_CORPUS)) throw new Error(`training corpus not found: ${GMB_CORPUS} (it lives in ../shared/train)`);
  const knowledge = loadKnowledge(data);
  const roles = loadRoles(data);
  const text = gunzipSync(readFileSync(GMB_CORPUS)).toString('utf8');
  const sentences: GmbSentence[] = [];
  let words: string[] = [];
  let mapped: string[] = [];
  let orig: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') {
      if (words.length > 0) sentences.push({ words, tags: mapTags(words, mapped, orig, knowledge, roles) });
      words = [];
      mapped = [];
      orig = [];
      continue;
    }
    const [word, tag, original] = line.split('\t');
    words.push(word as string);
    mapped.push(tag as string);
    orig.push(original as string);
  }
  if (words.length > 0) sentences.push({ words, tags: mapTags(words, mapped, orig, knowledge, roles) });
  return sentences;
}

/** A word in lower case throughout ("southern"), unlike a name that starts with a particle ("al-Qaida"). */
function isLowerWord(w: string): boolean {
  return /^\p{Ll}/u.test(w) && !/\p{Lu}/u.test(w);
}

/** A small seeded generator (linear congruential), so training and clustering runs can be repeated. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The index of the first held-out sentence. */
export function heldOutStart(count: number): number {
  return Math.floor(count * (1 - HELD_OUT_SHARE));
}

/**
 * GMB tags brought to CoNLL-2003's conventions. GMB's "gpe" covers nationality adjectives ("Iraqi"),
 * which CoNLL calls MISC; GMB puts titles inside people's names; group words are MISC.
 */
function mapTags(ws: string[], tags: string[], origs: string[], knowledge: Knowledge, roles: RoleIndex): string[] {
  const out: string[] = [...tags];
  // GMB's "gpe" covers nationality adjectives ("Iraqi"), which CoNLL calls MISC: keep gpe as LOC
  // only when the phrase is a country or place name in our gazetteer.
  for (let i = 0; i < ws.length; i++) {
    if (origs[i] !== 'B-gpe') continue;
    let j = i + 1;
    while (j < ws.length && origs[j] === 'I-gpe') j++;
    const entries = knowledge.phrases.get(phraseKey(ws.slice(i, j).join(' ')));
    const isPlace = entries?.some((e) => e.kind === 'place' || (e.kind === 'country' && e.form !== 'demonym'));
    if (!isPlace) for (let k = i; k < j; k++) out[k] = (k === i ? 'B-' : 'I-') + 'MISC';
  }
  // GMB puts titles inside people's names ("President Bush", "Mr. Annan"); CoNLL and our mentions
  // leave them out: a title (data/roles.json) or a lower-case word opening a person's span is outside it
  const lowerWs = ws.map((w) => w.toLowerCase());
  for (let i = 0; i < ws.length; i++) {
    if (out[i] !== 'B-PER') continue;
    let spanEnd = i + 1;
    while (out[spanEnd] === 'I-PER') spanEnd++;
    let j = i;
    while (j < spanEnd) {
      const title = titleStartingAt(roles, ws, lowerWs, j);
      // a title running past the span ("Prime" tagged alone before "Minister") is all title too
      if (title) j = Math.min(title.end, spanEnd);
      else if (isLowerWord(ws[j] as string)) j++;
      else break;
    }
    if (j === i) continue;
    // a span that is all title ("the President") names nobody by name: outside any entity
    for (let k = i; k < j; k++) out[k] = 'O';
    if (j < spanEnd) out[j] = 'B-PER';
  }
  // a name starts with a capital ("southern Iraq" is the place "Iraq"), as CoNLL marks it
  for (let i = 0; i < ws.length; i++) {
    const tag = out[i] as string;
    if (!tag.startsWith('B-') || !isLowerWord(ws[i] as string)) continue;
    const type = tag.slice(2);
    let j = i;
    while (out[j] === (j === i ? tag : `I-${type}`) && isLowerWord(ws[j] as string)) out[j++] = 'O';
    if (out[j] === `I-${type}`) out[j] = tag;
  }
  // religious and ethnic group words are MISC in CoNLL whatever GMB called them
  for (let i = 0; i < ws.length; i++) {
    if (knowledge.groupWords.has(ws[i] as string) && out[i] !== 'O' && out[i + 1]?.startsWith('I-') !== true && !out[i]?.startsWith('I-')) out[i] = 'B-MISC';
  }
  return out;
}
