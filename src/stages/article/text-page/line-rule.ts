/** The shape of a text-page line rule: it claims a line that is not article text, and says what the line tells. */
import type { ClaimRule } from '../../../core/rule.js';
import type { DateReading } from './published.js';

/** What a claimed line tells about the page. */
export interface LineFacts {
  publisher?: string;
  source?: string;
  section?: string;
  byline?: string;
  published?: DateReading;
  /** The publication time is an update ("Updated: ..."), used only when no other is given. */
  isUpdate?: boolean;
  /** A "Read more" / "Related" heading: the short lines after it are a list of links, not text. */
  opensList?: boolean;
}

/**
 * A rule for one line (core's `ClaimRule`, run by its engine): facts (possibly `{}`) when the line is
 * chrome, metadata or boilerplate, null when it is not the rule's kind of line. The id repeats the
 * rule's path: `article/text-page/byline` lives in stages/article/text-page/rules/byline.ts.
 */
export type LineRule = ClaimRule<LineFacts, void>;
