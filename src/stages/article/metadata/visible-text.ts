/**
 * The visible text where a page writes its dateline: the first few thousand characters from the
 * headline (<h1>) on and from the page's start, cut into segments that know whether they sit in a
 * date/byline box or in a list of other stories, comments or the footer.
 */
import type { LightNode } from '../html/light-tree.js';

/** One run of visible text with what its containers say about it. */
export interface VisibleSegment {
  text: string;
  /** Comes after the first <h1> (the headline), where datelines and bylines sit. */
  isAfterH1: boolean;
  /** Inside a list of other stories, comments, a sidebar, the navigation or the footer. */
  isListed: boolean;
  /** Inside an element named as a date, time, byline or article meta line. */
  isDateBox: boolean;
  /** Inside an element named as the modification time ("date-modified", "last-updated") and not as the publication. */
  isUpdated?: boolean;
  /** Inside a photo caption or an element named as another day (an event's, a deadline, an expiry, a birth). */
  isOtherDay?: boolean;
  /** Past the first few thousand characters after the headline: a closing "Posted on ..." line, read only when cued. */
  isFar?: boolean;
}

/** Characters read after the headline and from the page's start: datelines sit near the top. */
const VISIBLE_LIMIT = 3000;
/** Characters read after the headline in all, for a publication line closing the article. */
const FAR_LIMIT = 20_000;

/** Tags that hold other pages' dates, not this one's. */
const LISTED_TAGS = new Set(['nav', 'footer', 'aside', 'menu', 'form']);
/**
 * Class/id words of containers listing other stories, comments, archives and page furniture (the footer, the
 * colophon or 'site-info' box with the copyright line), and of embedded social posts (a tweet's or an
 * Instagram post's date is the post's, not the page's).
 */
const LISTED_NAMES =
  /related|teaser|comment|sidebar|footer|copyright|colophon|site-?info|recommend|popular|trending|widget|archive|more-?(?:news|stories|articles|posts|from)|read-?(?:next|more|also)|up-?next|also-?read|you-?(?:may|might)|recirc|outbrain|taboola|most-?read|latest|feed-list|newsfeed|ticker|carousel|slider|reply|replies|discussion|calendar|event-?list|agenda|navigation|menu|breaking|twitter-tweet|instagram-media|tiktok-embed|fb-post|embed-(?:twitter|instagram|facebook|tiktok)/;
/**
 * Class/id words of the box holding the modification time. A bare "updated" is no such word: hAtom themes
 * print the publication day in <span class="updated">.
 */
const UPDATED_NAMES = /(?:^|[\s_-])(?:modified|last-?updated|last-?modified|date-?modified|datemodified|update-?date|updated-?(?:date|at|on|time))(?=$|[\s_-])/;
const PUBLISHED_NAMES = /publish|posted|pubdate|created/;
/**
 * Class/id words of a box holding a day that is not the page's (an event's, hCalendar's dtstart/vevent, a
 * deadline, an expiry, a birth) or a photo's caption, whose date is the picture's.
 */
const OTHER_DAY_NAMES =
  /(?:^|[\s_-])(?:event-?(?:date|time|start|end)s?|dtstart|dtend|vevent|h-event|expir\w*|deadline|due-?date|birth-?date|date-?of-?birth|start-?date|end-?date|caption)(?=$|[\s_-])/;
/** Class/id words of the box where a site prints the day it serves the page ("today", "current-date"): not a publication. */
const SERVED_DAY_NAMES = /(?:^|[\s_-])(?:today|todays?-?date|current-?date|currentdate|date-?today|header-?date|site-?date)(?=$|[\s_-])/;
/** Class/id words of an <h1> that holds the site's name (a masthead or logo), not the story's headline. */
const MASTHEAD_NAMES = /masthead|logo|brand|site-?(?:title|name)/;
/** Elements whose classes describe the whole page ("pagelayout--related", "has-sidebar"), not a list in it. */
const PAGE_TAGS = new Set(['html', 'body', 'main']);
/** Class/id words of the boxes where the page's own date is written. */
const DATE_BOX_NAMES =
  /date|time|byline|dateline|author|publish|posted|entry-meta|post-meta|article-meta|meta-info|article-info|article__info|story-meta|header-meta|info-line|\bmeta\b/;

/**
 * A date or byline box is a short line: an element named so ('status-publish' on a whole WordPress post,
 * 'author-bio', 'multimedia') that holds more text than this is a container, and its dates are not a dateline.
 */
const DATE_BOX_CHARS = 300;
/** Elements looked at when measuring a box. */
const DATE_BOX_NODES = 400;

/** Whether an element holds at most DATE_BOX_CHARS characters of text (spaces collapsed), within bounded work. */
function isShort(node: LightNode): boolean {
  let chars = 0;
  let seen = 0;
  const stack: Array<LightNode | string> = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      chars += n.replace(/\s+/g, ' ').trim().length;
      if (chars > DATE_BOX_CHARS) return false;
      continue;
    }
    if (++seen > DATE_BOX_NODES) return false;
    for (const child of n.children) stack.push(child);
  }
  return true;
}

/** Segments kept from just above the headline (its kicker, dateline or section line) once the start is full. */
const ABOVE_H1_SEGMENTS = 8;
/** Elements searched for the headline's frame. */
const MAX_FRAME_NODES = 100_000;
/** Characters walked before giving up on finding a headline further down. */
const MAX_WALK_CHARS = 300_000;

/**
 * The elements holding the page's headline (its first <h1> that is no masthead): the page's own frame. A class
 * such as "post-slider" or "layout-right-sidebar" on them names the layout, not a list of other stories.
 */
function headlineFrame(root: LightNode): Set<LightNode> {
  const frame = new Set<LightNode>();
  const stack: LightNode[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen++ < MAX_FRAME_NODES) {
    const node = stack.pop()!;
    if (node.tag === 'h1' && !MASTHEAD_NAMES.test(node.names)) {
      for (let up = node.parent; up; up = up.parent) frame.add(up);
      break;
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]!;
      if (typeof child !== 'string') stack.push(child);
    }
  }
  return frame;
}

/** Visible segments of a page's light tree: the page's start, the few just above the headline, and the headline on. */
export function visibleSegments(root: LightNode): VisibleSegment[] {
  const frame = headlineFrame(root);
  const segments: VisibleSegment[] = [];
  let aboveH1: VisibleSegment[] = [];
  let startLen = 0;
  let h1Len = 0;
  let walked = 0;
  let isAfterH1 = false;
  const stack: Array<{
    node: LightNode | string;
    isListed: boolean;
    isDateBox: boolean;
    isUpdated: boolean;
    isOtherDay: boolean;
  }> = [{ node: root, isListed: false, isDateBox: false, isUpdated: false, isOtherDay: false }];
  while (stack.length > 0 && h1Len < FAR_LIMIT && walked < MAX_WALK_CHARS) {
    const { node, isListed, isDateBox, isUpdated, isOtherDay } = stack.pop()!;
    if (typeof node === 'string') {
      walked += node.length;
      if (!isAfterH1 && startLen >= VISIBLE_LIMIT && aboveH1.length >= ABOVE_H1_SEGMENTS * 4)
        aboveH1 = aboveH1.slice(-ABOVE_H1_SEGMENTS);
      const text = node.replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const segment: VisibleSegment = { text, isAfterH1, isListed, isDateBox };
      if (isUpdated) segment.isUpdated = true;
      if (isOtherDay) segment.isOtherDay = true;
      if (isAfterH1 && h1Len >= VISIBLE_LIMIT) {
        h1Len += text.length;
        // Far down only a line that can carry a cued date is kept: lists and furniture were read near the top.
        if (!isListed && text.length < 300 && /\d/.test(text)) segments.push({ ...segment, isFar: true });
      } else if (isAfterH1) {
        h1Len += text.length;
        segments.push(segment);
      } else if (startLen < VISIBLE_LIMIT) {
        startLen += text.length;
        segments.push(segment);
      } else {
        aboveH1.push(segment);
      }
      continue;
    }
    if (node.tag === 'h1' && !isAfterH1 && !MASTHEAD_NAMES.test(node.names)) {
      isAfterH1 = true;
      segments.push(...aboveH1.slice(-ABOVE_H1_SEGMENTS));
    }
    const listed =
      isListed ||
      LISTED_TAGS.has(node.tag) ||
      (node.names !== '' &&
        !PAGE_TAGS.has(node.tag) &&
        !frame.has(node) &&
        (LISTED_NAMES.test(node.names) || SERVED_DAY_NAMES.test(node.names)));
    const dateBox =
      isDateBox || node.tag === 'time' || (node.names !== '' && DATE_BOX_NAMES.test(node.names) && isShort(node));
    const updated =
      isUpdated || (node.names !== '' && UPDATED_NAMES.test(node.names) && !PUBLISHED_NAMES.test(node.names));
    // Named boxes must be short: a page-wide class list ('event-date-label' on <body>) names the site's styles.
    const otherDay =
      isOtherDay ||
      node.tag === 'figcaption' ||
      (node.names !== '' && !PAGE_TAGS.has(node.tag) && OTHER_DAY_NAMES.test(node.names) && isShort(node));
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i]!, isListed: listed, isDateBox: dateBox, isUpdated: updated, isOtherDay: otherDay });
  }
  return segments;
}
