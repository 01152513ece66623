/**
 * Article extraction for pages saved as plain text (site chrome, section label, credit, title,
 * dateline, body, footer): line rules claim what is not article text and say what it tells; the
 * shape of the remaining blocks places the title and the body.
 */
import type { Article, Message } from '../../core/doc.js';
import type { ExtractOptions } from './options.js';
import { splitBlocks, type TextBlock } from './text-page/blocks.js';
import { classifyLine, type LineClaim } from './text-page/line-rules.js';
import { copyright } from './text-page/rules/copyright.js';
import { nav } from './text-page/rules/nav.js';
import type { LineFacts } from './text-page/line-rule.js';
import { findDates, type DateReading } from './text-page/published.js';
import { readDateline, type Dateline } from './text-page/dateline.js';
import { detectLanguage } from './metadata/language.js';
import { findCredit } from './metadata/credit.js';
import { SEGMENT_SEPARATOR, isHeadline, isProse, isTitleCase, wordCount } from './text-page/shape.js';

/** A credit line ("Gulf Maritime Review", "Caspian Observer") names an outlet in a few words. */
const CREDIT_MAX_WORDS = 6;
/** Section labels are short: "Maritime Security", "Military & Defence". */
const SECTION_MAX_WORDS = 6;
/** The site after a title's bar ("Title | Northgate Defence Monitor") is named in a few words. */
const SITE_SUFFIX_MAX_WORDS = 5;
/** An author's note ("Maria Okafor is a senior fellow...") is a short paragraph, not a closing section. */
const AUTHOR_BIO_MAX_WORDS = 80;
/** A site's name in the masthead: "Sentinel Digest", "The Baltic Courier". */
const MASTHEAD_MAX_WORDS = 6;

/** Words that make a short line an outlet's name rather than a person's ("Caspian Newswire"). */
const OUTLET_WORDS =
  /\b(?:news|newswire|wire|press|agency|tv|radio|times|post|daily|herald|journal|courier|digest|ledger|gazette|monitor|observer|review|telegraph|tribune|media|network|broadcasting|bulletin|institute|ministry|office|channel|online|weekly|service)\b/i;
/** Two to four capitalised words, "and" between names: "Kristjan Tamm", "Aram Petrosyan and Nigar Aliyeva". */
const PERSON_NAMES =
  /^(?:Dr\.? |Prof\.? )?\p{Lu}[\p{L}'’.-]+(?: (?:\p{Lu}[\p{L}'’.-]+|and|&|van|von|de|al|bin|ibn)){1,6}$/u;

/** One block of the page and the rule that claimed it (null: page text). */
interface Block extends TextBlock {
  claim: LineClaim | null;
}

/** Where the article lies among the blocks: title index (or -1) and the body's [start, end). */
interface Layout {
  title: number;
  start: number;
  end: number;
}

/** What the page says about itself, gathered from claimed lines, first mention first. */
interface PageFacts {
  /** A copyright holder names the site more surely than a domain in a banner. */
  copyrightHolder: string | null;
  publisher: string | null;
  source: string | null;
  section: string | null;
  byline: string | null;
  dates: Array<{ reading: DateReading; isUpdate: boolean }>;
}

/** The article in a plain-text page; fields the page does not give are null. */
export function extractTextPage(text: string, options: ExtractOptions): Article {
  const blocks = readBlocks(text);
  const headEnd = firstProse(blocks);
  const credits = findCreditLines(blocks.slice(0, headEnd));
  const layout = locateArticle(blocks, headEnd, credits, options.messages);
  const paragraphs = collectBody(blocks, layout);
  const facts = gatherFacts(blocks);
  const loose = readLooseCredits(blocks, layout, credits);
  const dateline = takeDateline(paragraphs, options.messages);
  let title = layout.title >= 0 ? (blocks[layout.title]?.text ?? null) : null;
  let siteFromTitle: string | null = null;
  if (title) [title, siteFromTitle] = splitSiteSuffix(title);
  const byline = facts.byline ?? loose.byline;
  dropAuthorBio(paragraphs, byline);
  const publisher = facts.copyrightHolder ?? facts.publisher ?? findMasthead(blocks, layout) ?? siteFromTitle;
  const source = facts.source ?? credits[0] ?? loose.source ?? dateline?.credit ?? findCredit(paragraphs);
  return {
    title,
    text: paragraphs.join('\n\n'),
    publisher,
    source,
    section: facts.section ?? findSectionLabel(blocks, layout.title, [...credits, publisher, source]),
    byline,
    published: pickPublished(facts.dates, dateline?.date ?? null, options.messages, options.capturedAt),
    language: detectLanguage([title ?? '', ...paragraphs].join('\n')),
    url: options.url,
    ...(dateline?.place ? { dateline: dateline.place } : {}),
  };
}

/** The page's blocks, each with the line rule that claims it (each line classified once). */
function readBlocks(text: string): Block[] {
  const claims = new Map<string, LineClaim | null>();
  const classify = (line: string): LineClaim | null => {
    if (!claims.has(line)) claims.set(line, classifyLine(line));
    return claims.get(line) ?? null;
  };
  return splitBlocks(text, (line) => classify(line) !== null).map((block) => ({
    ...block,
    claim: classify(block.text),
  }));
}

/**
 * Outlet credits: a short unclaimed line seen twice before the body, as when a page prints the
 * outlet above and below the title ("Gulf Maritime Review"). Most frequent first.
 */
function findCreditLines(head: Block[]): string[] {
  const seen = new Map<string, { text: string; count: number }>();
  for (const block of head) {
    if (block.claim || wordCount(block.text) > CREDIT_MAX_WORDS || isProse(block.text)) continue;
    const key = block.text.toLowerCase();
    const entry = seen.get(key) ?? { text: block.text, count: 0 };
    entry.count++;
    seen.set(key, entry);
  }
  return [...seen.values()]
    .filter((entry) => entry.count >= 2)
    .sort((a, b) => b.count - a.count)
    .map((entry) => entry.text);
}

/** Index of the first unclaimed block that reads as body text; blocks.length when none does. */
function firstProse(blocks: Block[]): number {
  const index = blocks.findIndex((block) => !block.claim && isProse(block.text));
  return index === -1 ? blocks.length : index;
}

/**
 * The title is the headline that leads into the body with only metadata between (credit, byline,
 * date); failing that, the longest headline before the body. The body runs from the first to the
 * last prose block.
 */
function locateArticle(blocks: Block[], headEnd: number, credits: string[], messages: Message[]): Layout {
  const isCredit = (block: Block) => credits.some((credit) => credit.toLowerCase() === block.text.toLowerCase());
  const candidates: number[] = [];
  for (let i = 0; i < headEnd; i++) {
    const block = blocks[i];
    if (block && !block.claim && !isCredit(block) && isHeadline(block.text)) candidates.push(i);
  }
  const last = candidates.at(-1);
  const leadsIntoBody =
    last !== undefined &&
    headEnd < blocks.length &&
    blocks.slice(last + 1, headEnd).every((block) => block.claim !== null || isCredit(block));
  let title = -1;
  if (leadsIntoBody) title = last;
  else if (candidates.length > 0) {
    title = candidates.reduce((best, i) =>
      (blocks[i]?.text.length ?? 0) > (blocks[best]?.text.length ?? 0) ? i : best,
    );
  }
  if (title === -1) {
    messages.push({
      level: 'warning',
      rule: 'article/text-page/no-title',
      reason: 'no headline found before the body',
    });
  }
  if (headEnd === blocks.length) {
    messages.push({
      level: 'warning',
      rule: 'article/text-page/no-prose',
      reason: 'no paragraph reads as body text; every unclaimed block after the title is kept',
    });
    return { title, start: title + 1, end: blocks.length };
  }
  const lastProse = blocks.findLastIndex((block) => !block.claim && isProse(block.text));
  return { title, start: headEnd, end: lastProse + 1 };
}

/**
 * The body's paragraphs: unclaimed blocks between start and end, less the links listed under a
 * "Read more" heading (short lines until the next paragraph of text).
 */
function collectBody(blocks: Block[], layout: Layout): string[] {
  const paragraphs: string[] = [];
  let isInLinkList = false;
  for (const block of blocks.slice(layout.start, layout.end)) {
    if (block.claim) {
      if (block.claim.facts.opensList) isInLinkList = true;
      continue;
    }
    if (isInLinkList && !isProse(block.text)) continue;
    isInLinkList = false;
    paragraphs.push(block.text);
  }
  return paragraphs;
}

/** Facts from every claimed line, in page order; the first mention of each wins. */
function gatherFacts(blocks: Block[]): PageFacts {
  const facts: PageFacts = {
    copyrightHolder: null,
    publisher: null,
    source: null,
    section: null,
    byline: null,
    dates: [],
  };
  for (const { claim } of blocks) {
    if (!claim) continue;
    const found: LineFacts = claim.facts;
    if (claim.rule === copyright.id) facts.copyrightHolder ??= found.publisher ?? null;
    else facts.publisher ??= found.publisher ?? null;
    facts.source ??= found.source ?? null;
    facts.section ??= found.section ?? null;
    facts.byline ??= found.byline ?? null;
    if (found.published) facts.dates.push({ reading: found.published, isUpdate: found.isUpdate === true });
  }
  return facts;
}

/**
 * A lone short line between title and body that no rule claimed: an outlet's name
 * ("Caspian Newswire") is a credit, a person's ("Kristjan Tamm") a byline.
 */
function readLooseCredits(
  blocks: Block[],
  layout: Layout,
  credits: string[],
): { source: string | null; byline: string | null } {
  const found = { source: null as string | null, byline: null as string | null };
  const repeated = new Set(credits.map((credit) => credit.toLowerCase()));
  for (const block of blocks.slice(layout.title + 1, layout.start)) {
    if (block.claim || repeated.has(block.text.toLowerCase()) || wordCount(block.text) > CREDIT_MAX_WORDS) continue;
    if (OUTLET_WORDS.test(block.text)) found.source ??= block.text;
    else if (PERSON_NAMES.test(block.text)) found.byline ??= block.text;
  }
  return found;
}

/**
 * The site's name from the page's first line: a name the footer repeats ("The Pacific Ledger" ...
 * "The Pacific Ledger · Sydney · Terms"), a name before a tagline ("Sentinel Digest — defence and
 * security news"), above the site's menu, or made of an outlet's words ("Ridgeline News"). A
 * menu's first item counts only when the footer repeats it.
 */
function findMasthead(blocks: Block[], layout: Layout): string | null {
  const first = blocks[0];
  if (!first || layout.title <= 0 || (first.claim && first.claim.rule !== nav.id)) return null;
  const [name = '', ...tagline] = first.text.split(SEGMENT_SEPARATOR);
  if (name === '' || wordCount(name) > MASTHEAD_MAX_WORDS) return null;
  const key = name.toLowerCase();
  // The footer's spelling wins: "GULF WIRE" in the masthead, "Gulf Wire" at the end.
  for (const block of blocks.slice(Math.max(layout.end, 1))) {
    const at = block.text.toLowerCase().indexOf(key);
    if (at !== -1) return block.text.slice(at, at + name.length);
  }
  if (first.claim) return null;
  const isAboveMenu = blocks[1]?.claim?.rule === nav.id || blocks[1]?.isListLine === true;
  return isAboveMenu || tagline.length > 0 || OUTLET_WORDS.test(name) ? name : null;
}

/** Strips a wire dateline off the first paragraph; its place goes to an info message. */
function takeDateline(paragraphs: string[], messages: Message[]): Dateline | null {
  const first = paragraphs[0];
  const dateline = first === undefined ? null : readDateline(first);
  if (!dateline) return null;
  paragraphs[0] = dateline.rest.trim();
  if (dateline.place) {
    messages.push({
      level: 'info',
      rule: 'article/text-page/dateline',
      reason: `dateline "${dateline.text}": place ${dateline.place}${dateline.credit ? `, credit ${dateline.credit}` : ''}`,
    });
  }
  return dateline;
}

/** "Title | Site Name" -> ["Title", "Site Name"]; a title without a site suffix is kept whole. */
function splitSiteSuffix(title: string): [string, string | null] {
  const bar = title.lastIndexOf(' | ');
  if (bar === -1) return [title, null];
  const site = title.slice(bar + 3).trim();
  const head = title.slice(0, bar).trim();
  if (site === '' || wordCount(site) > SITE_SUFFIX_MAX_WORDS || !isHeadline(head)) return [title, null];
  return [head, site];
}

/** The last short title-case line before the title that is not a menu item and does not name the site or an outlet. */
function findSectionLabel(blocks: Block[], title: number, names: Array<string | null>): string | null {
  const excluded = new Set(names.flatMap((name) => (name ? [name.toLowerCase()] : [])));
  for (let i = title - 1; i >= 0; i--) {
    const block = blocks[i];
    if (!block || block.claim || block.isListLine || excluded.has(block.text.toLowerCase())) continue;
    if (wordCount(block.text) <= SECTION_MAX_WORDS && isTitleCase(block.text) && !isProse(block.text)) {
      return block.text;
    }
  }
  return null;
}

/** Drops a closing author's note: "Maria Okafor is a senior fellow at ...". */
function dropAuthorBio(paragraphs: string[], byline: string | null): void {
  const surname = byline?.split(/\s+/).at(-1);
  const last = paragraphs.at(-1);
  if (!surname || last === undefined || paragraphs.length < 2 || wordCount(last) > AUTHOR_BIO_MAX_WORDS) return;
  // The pattern holds the surname as written: a last paragraph without it is no bio, and no Unicode regex need be compiled for it.
  if (!last.includes(surname)) return;
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const bio = new RegExp(
    `^(?:[\\p{Lu}][\\p{L}.'’-]*\\s+){0,3}${escaped}\\s+(?:is|was|serves|has|leads|heads|directs|writes|covers)\\b`,
    'u',
  );
  if (bio.test(last)) paragraphs.pop();
}

/**
 * The publication time: the first stated time not labelled as an update, else an update, else
 * the dateline's date when it has a year; none after the stated capture time. Relative or yearless
 * times cannot be placed without a reference time, so they leave an info message and no value.
 * The choice leaves an info message naming its rule (`article/published:text-line`, ...).
 */
function pickPublished(dates: PageFacts['dates'], datelineDate: string | null, messages: Message[], capturedAt?: string | null): string | null {
  const latest = capturedAt && !Number.isNaN(Date.parse(capturedAt)) ? new Date(Date.parse(capturedAt) + 86_400_000).toISOString().slice(0, 10) : null;
  const isPossible = (value: string | null): value is string => value !== null && (latest === null || value.slice(0, 10) <= latest);
  const stated = dates.filter((date) => isPossible(date.reading.value));
  const chosen = stated.find((date) => !date.isUpdate) ?? stated[0];
  const say = (rule: string, value: string, from: string): string => {
    messages.push({ level: 'info', rule, reason: `publication time ${value} (${from})` });
    return value;
  };
  if (chosen?.reading.value) {
    const rule = chosen.isUpdate ? 'article/published:text-update' : 'article/published:text-line';
    return say(rule, chosen.reading.value, `${chosen.isUpdate ? 'the only time given is an update' : 'a publication line'}: "${chosen.reading.text}"`);
  }
  const fromDateline = datelineDate ? findDates(datelineDate).find((date) => isPossible(date.value)) : undefined;
  if (fromDateline?.value) return say('article/published:dateline', fromDateline.value, `wire dateline "${datelineDate}"`);
  const unresolved = dates[0]?.reading;
  if (unresolved) {
    messages.push({
      level: 'info',
      rule: 'article/text-page/unresolved-date',
      reason: `publication time "${unresolved.text}" is ${unresolved.isRelative ? 'relative' : 'without a year'}; left to the caller`,
    });
  }
  return null;
}
