/** What story clustering needs of one article, computed once and stored: its day, language, signature and copy hash. */
import type { Analysis } from '../analysis.js';
import type { Context } from '../core/context.js';
import { happeningKeys, type HappeningKeys } from './happening.js';
import { notAHeadline } from './headline.js';
import { minhash, shingles } from './minhash.js';

/** Bumped when the features change shape, so stored ones are recomputed. */
export const STORY_FEATURES_VERSION = 2;

export interface StoryFeatures {
  version: number;
  title: string | null;
  /** The outlet that published the article. */
  outlet: string;
  /** Who the copy is credited to (a wire agency), when not the outlet itself: same credit, same source. */
  credited: string | null;
  /** The article's publication time, when the page or the caller gives one. */
  published: string | null;
  /**
   * The day the article tells of the happening: its publication day, else the latest full date written
   * in its text (not after capture); null when neither is known (undated: it joins only on strong evidence).
   */
  day: string | null;
  dayOrigin: 'published' | 'text' | null;
  language: string | null;
  /** A sentence of the lead that reads as a headline: the story's headline when no member's title does. */
  lead: string | null;
  /** MinHash of word shingles: near-copies (republished wire text). */
  signature: number[];
  /** Entity ids and event actors (`country:RUS`, `person:sergei-shoigu`), kept for the desk and credibility. */
  actors: string[];
  keys: HappeningKeys;
}

export interface FeatureInput {
  analysis: Analysis;
  outlet: string;
  /** When the page was captured: bounds a date read from the text, never stands in for the publication day. */
  capturedAt: string | null;
}

/** The story features of one analysed article. */
export function storyFeatures({ analysis, outlet, capturedAt }: FeatureInput, ctx: Context): StoryFeatures {
  const a = analysis.article;
  const actors = new Set<string>();
  for (const e of analysis.entities) if (e.type !== 'other') actors.add(e.id);
  // A credit naming the outlet itself ("Sever" for Sever News Agency) is no other source.
  const credit = a.source?.trim() ?? '';
  const credited = credit && !outlet.toLowerCase().startsWith(credit.toLowerCase()) ? credit : null;
  const published = a.published;
  const textDay = published ? null : dayFromText(analysis, capturedAt);
  return {
    version: STORY_FEATURES_VERSION,
    title: a.title,
    outlet,
    credited,
    published,
    day: published ? published.slice(0, 10) : textDay,
    dayOrigin: published ? 'published' : textDay ? 'text' : null,
    language: a.language,
    lead: leadSentence(a.text),
    signature: minhash(shingles(`${a.title ?? ''}\n${a.text}`)),
    actors: [...actors].sort(),
    keys: happeningKeys(a.title ?? '', a.text, ctx),
  };
}

/** Paragraphs of the lead tried for a headline-like sentence: the happening is told at the top. */
const LEAD_PARAGRAPHS = 3;

/** The first sentence of the lead's first paragraphs that reads as a headline, without its final stop. */
function leadSentence(text: string): string | null {
  for (const paragraph of text.split(/\n\s*\n/).slice(0, LEAD_PARAGRAPHS)) {
    const sentence = /^.+?[.!?](?=\s|$)/su.exec(paragraph.trim())?.[0] ?? paragraph.trim();
    const candidate = sentence.replace(/\s+/g, ' ').replace(/[.]$/, '');
    if (notAHeadline(candidate) === null) return candidate;
  }
  return null;
}

/** Written with its year ("September 9, 2016", "9 Sept 2016"), so no reference time was needed to read it. */
const HAS_YEAR = /\b(?:19|20)\d\d\b/;

/** The latest day-precise date written in full in the text, not after the capture day. */
function dayFromText(analysis: Analysis, capturedAt: string | null): string | null {
  const limit = capturedAt?.slice(0, 10) ?? '9999-12-31';
  const days = analysis.dates
    .filter((d) => d.precision === 'day' && d.value !== null && HAS_YEAR.test(d.text) && d.value <= limit)
    .map((d) => d.value!)
    .sort();
  return days[days.length - 1] ?? null;
}
