/** The text-page line rules in the order they are tried; the first that claims a line wins. */
import { firstClaim } from '../../../core/rule.js';
import type { LineFacts, LineRule } from './line-rule.js';
import { wordCount } from './shape.js';
import { publishedLine } from './rules/published-line.js';
import { byline } from './rules/byline.js';
import { sourceLine } from './rules/source-line.js';
import { wireCredits } from './rules/wire-credits.js';
import { copyright } from './rules/copyright.js';
import { prompt } from './rules/prompt.js';
import { advertisement } from './rules/advertisement.js';
import { share } from './rules/share.js';
import { pageControls } from './rules/page-controls.js';
import { caption } from './rules/caption.js';
import { related } from './rules/related.js';
import { tags } from './rules/tags.js';
import { sectionLabel } from './rules/section-label.js';
import { breadcrumb } from './rules/breadcrumb.js';
import { nav } from './rules/nav.js';
import { disclaimer } from './rules/disclaimer.js';
import { siteName } from './rules/site-name.js';

/**
 * Metadata first (a byline or date line may contain "|" like a menu), then chrome and
 * boilerplate, then the looser shapes (breadcrumbs, menus).
 */
export const LINE_RULES: readonly LineRule[] = [
  publishedLine,
  byline,
  sourceLine,
  wireCredits,
  copyright,
  prompt,
  advertisement,
  share,
  pageControls,
  caption,
  related,
  tags,
  sectionLabel,
  breadcrumb,
  nav,
  disclaimer,
  siteName,
];

/** Longer blocks are always article text: no chrome line or caption runs to sixty words. */
const RULE_MAX_WORDS = 60;

/** A line some rule claimed, with what it tells. */
export interface LineClaim {
  rule: string;
  facts: LineFacts;
}

/** The first rule that claims the line, or null when the line is page text. */
export function classifyLine(line: string, rules: readonly LineRule[] = LINE_RULES): LineClaim | null {
  if (wordCount(line) > RULE_MAX_WORDS) return null;
  const claim = firstClaim(rules, line, undefined);
  return claim && { rule: claim.rule, facts: claim.value };
}
