/** What story clustering needs of one article, computed once and stored: its day, language, signature and copy hash. */
import type { Analysis } from '../analysis.js';
import type { Context } from '../core/context.js';
import { happeningKeys, type HappeningKeys } from './happening.js';
import { notAHeadline } from './headline.js';
import { minhash, shingles } from './minhash.js';

/** Bumped when the features change shape, so stored ones are recomputed. */
export const STORY_FEATURES_VERSION = 3;

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
  /**
   * The day the lead's first event is told to have happened when the text states another day than
   * publication, within the week before it (a report on Thursday of a launch "on Tuesday"): a second day
   * by which the article may reach a story's window. Null when the lead states none.
   */
  eventDay: string | null;
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
  const eventDay = published ? leadEventDay(analysis, published) : null;
  return {
    version: STORY_FEATURES_VERSION,
    title: a.title,
    outlet,
    credited,
    published,
    day: published ? published.slice(0, 10) : textDay,
    dayOrigin: published ? 'published' : textDay ? 'text' : null,
    eventDay,
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

/** Characters at the top of the text that make its lead, where a news text tells its happening. */
const LEAD_CHARS = 600;
/** Days before publication a lead event may be dated and still date the happening (a weekly's report). */
const EVENT_DAY_REACH = 7;

/**
 * The day of the happening as the lead tells it: the date of the first event in the lead told as fact
 * (not planned, historical, denied) with a day's precision, when it is another day than publication
 * within the week before it. An event without a date of its own is dated by publication: no second day.
 */
function leadEventDay(analysis: Analysis, published: string): string | null {
  const publishedDay = published.slice(0, 10);
  const earliest = new Date(Date.parse(publishedDay) - EVENT_DAY_REACH * 86_400_000).toISOString().slice(0, 10);
  const lead = analysis.events
    .filter((e) => e.evidence.start < LEAD_CHARS && (e.modality === 'asserted' || e.modality === 'reported'))
    .sort((x, y) => x.evidence.start - y.evidence.start)[0];
  const day = lead?.precision === 'day' ? (lead.date?.slice(0, 10) ?? null) : null;
  return day !== null && day >= earliest && day < publishedDay ? day : null;
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
