/** What story clustering needs of one article, computed once and stored: signature, actors, events, terms. */
import type { Analysis } from '../analysis.js';
import { minhash, shingles, words } from './minhash.js';

export interface StoryFeatures {
  title: string | null;
  /** The outlet that published the article. */
  outlet: string;
  /** Who the copy is credited to (a wire agency), when not the outlet itself: same credit, same source. */
  credited: string | null;
  published: string | null;
  day: string | null;
  signature: number[];
  /** Entity ids and event actors (`country:RUS`, `person:sergei-shoigu`, `actor:RUSMIL`). */
  actors: string[];
  /** Event keys: CAMEO root and the source and target countries (`07|RUS|TJK`). */
  events: string[];
  /** Word stems of title and lead with their counts (title words count double). */
  terms: Record<string, number>;
}

/** Characters kept of a word: five bridges inflections and cognates (inspectors/inspecteurs, nuclear/nucléaire). */
const STEM_LENGTH = 5;
/** Lead length read for terms: the story is told at the top. */
const LEAD_CHARS = 2500;
/** Terms kept per article. */
const MAX_TERMS = 60;

const STOPWORDS = new Set(
  (
    'the a an and or but of to in on at by for with from as is are was were be been being has have had that this these those it its ' +
    'he she they them their his her we our you your not no will would could should may might can said says say also after before ' +
    'over under into about than then there here which who whom whose what when where while more most some such other new one two ' +
    'three last first year years week month day days time told according people including since during just being what ' +
    'le la les un une des du de et ou mais dans sur pour par avec sans est sont été être ont avait qui que quoi dont cette ces ' +
    'son sa ses leur leurs il elle ils elles nous vous pas plus aux selon après avant lors entre depuis comme tout tous'
  ).split(/\s+/),
);

export interface FeatureInput {
  analysis: Analysis;
  outlet: string;
  /** When the page was captured: the article's time when it gives none. */
  capturedAt: string | null;
}

/** The story features of one analysed article. */
export function storyFeatures({ analysis, outlet, capturedAt }: FeatureInput): StoryFeatures {
  const a = analysis.article;
  const published = a.published ?? capturedAt;
  const actors = new Set<string>();
  for (const e of analysis.entities) if (e.type !== 'other') actors.add(e.id);
  const events = new Set<string>();
  for (const e of analysis.events) {
    const source = e.source?.code ?? null;
    const target = e.target?.code ?? null;
    if (source) actors.add(`country:${source.slice(0, 3)}`);
    if (target) actors.add(`country:${target.slice(0, 3)}`);
    events.add(`${e.cameo.slice(0, 2)}|${source?.slice(0, 3) ?? '-'}|${target?.slice(0, 3) ?? '-'}`);
  }
  // A credit naming the outlet itself ("Sever" for Sever News Agency) is no other source.
  const credit = a.source?.trim() ?? '';
  const credited = credit && !outlet.toLowerCase().startsWith(credit.toLowerCase()) ? credit : null;
  return {
    title: a.title,
    outlet,
    credited,
    published,
    day: published ? published.slice(0, 10) : null,
    signature: minhash(shingles(`${a.title ?? ''}\n${a.text}`)),
    actors: [...actors].sort(),
    events: [...events].sort(),
    terms: termsOf(a.title ?? '', a.text),
  };
}

/** Stemmed content words of the title (counted twice) and the lead, the most frequent first. */
export function termsOf(title: string, text: string): Record<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string, weight: number): void => {
    if (STOPWORDS.has(word)) return;
    const isNumber = /^\d+$/.test(word);
    if (isNumber ? word.length < 2 : word.length < 4) return;
    const stem = isNumber ? word : word.slice(0, STEM_LENGTH);
    counts.set(stem, (counts.get(stem) ?? 0) + weight);
  };
  for (const word of words(title)) add(word, 2);
  for (const word of words(text.slice(0, LEAD_CHARS))) add(word, 1);
  const top = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, MAX_TERMS);
  return Object.fromEntries(top);
}
